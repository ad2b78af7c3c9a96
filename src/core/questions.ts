// The question bank: open questions for a first one-on-one, in our own words.
// Ids are stable: worksheets list them under `preparation.questions`, and the
// snippets and completion are generated from this list.

export type QuestionCategory =
  | 'opening'
  | 'challenges'
  | 'values'
  | 'goals'
  | 'commitments'
  | 'compelling'
  | 'confirmation'
  | 'next-step'
  | 'follow-up';

export interface Question {
  id: string;
  category: QuestionCategory;
  text: string;
  /** Why the question matters, shown on hover. */
  why?: string;
}

export const QUESTION_CATEGORIES: readonly { id: QuestionCategory; label: string; description: string }[] = [
  { id: 'opening', label: 'Opening', description: 'Warm, open questions that get the partner talking about themselves' },
  { id: 'challenges', label: 'Challenges', description: 'What stands in the way of their work' },
  { id: 'values', label: 'Values', description: 'What matters most to them, and why' },
  { id: 'goals', label: 'Goals', description: 'What they want to achieve' },
  { id: 'commitments', label: 'Commitments', description: 'What they already give time and resources to' },
  { id: 'compelling', label: 'Compelling', description: 'Stories and passions worth remembering' },
  { id: 'confirmation', label: 'Confirmation', description: 'Checking your understanding before you leave' },
  { id: 'next-step', label: 'Next step', description: 'Setting up a next step when the partner is ready' },
  { id: 'follow-up', label: 'Follow-up', description: 'Leaving the door open when they are not ready yet' },
];

export const QUESTIONS: readonly Question[] = [
  { id: 'opening-how-started', category: 'opening', text: 'How did your organisation get started, and what keeps you going?', why: 'Origin stories reveal motivation better than mission statements.' },
  { id: 'opening-your-role', category: 'opening', text: 'What drew you personally to this work?', why: 'Mixing the personal and the professional shows what they are passionate about.' },
  { id: 'opening-typical-week', category: 'opening', text: 'What does a typical week look like for you and your team?', why: 'An easy start that shows their capacity and rhythm.' },
  { id: 'opening-community', category: 'opening', text: 'Who is the community you serve, and how would they describe you?', why: 'Their community of focus, in their words.' },
  { id: 'opening-proud-of', category: 'opening', text: 'What are you most proud of from the last year?', why: 'Starts from strengths, not needs.' },

  { id: 'challenges-in-the-way', category: 'challenges', text: 'What gets in the way of doing more of the work you care about?', why: 'Names obstacles a partnership might remove.' },
  { id: 'challenges-keeps-you-up', category: 'challenges', text: 'What worries you most about the coming year?', why: 'Surfaces pressing concerns they may not raise unprompted.' },
  { id: 'challenges-tried-before', category: 'challenges', text: 'What have you tried that did not work as you hoped?', why: 'Avoids offering what already failed.' },
  { id: 'challenges-missing-resource', category: 'challenges', text: 'If one resource suddenly became available, which would make the biggest difference?', why: 'Points at the gap that matters most to them.' },
  { id: 'challenges-institutions', category: 'challenges', text: 'How have organisations like ours made your work easier, or harder?', why: 'Invites honest feedback about power and past partnerships.' },

  { id: 'values-what-matters', category: 'values', text: 'What matters most to you in how this work gets done?', why: 'Values tell you what a partnership must respect.' },
  { id: 'values-non-negotiable', category: 'values', text: 'Is there anything you would never compromise on in a partnership?', why: 'Finds the lines not to cross before planning anything.' },
  { id: 'values-community-voice', category: 'values', text: 'How do the people you serve shape your decisions?', why: 'Shows how the community is involved, and how we should be.' },
  { id: 'values-good-partner', category: 'values', text: 'Think of a partner you loved working with: what made it work?', why: 'Describes a good partnership in their terms.' },
  { id: 'values-success-feels', category: 'values', text: 'When a day goes really well, what has happened?', why: 'Makes values concrete through stories.' },

  { id: 'goals-year-from-now', category: 'goals', text: 'A year from now, what would you love to be celebrating?', why: 'The heart of the meeting: what success looks like for them.' },
  { id: 'goals-community-success', category: 'goals', text: 'What does success look like for your community?', why: 'The answer you confirm before leaving.' },
  { id: 'goals-working-on-now', category: 'goals', text: 'What are you working on right now that excites you?', why: 'Current projects are where a next step can help.' },
  { id: 'goals-bigger-dream', category: 'goals', text: 'If resources were no object, what would you do next?', why: 'Reveals ambitions that shape a longer partnership.' },
  { id: 'goals-measure-progress', category: 'goals', text: 'How will you know you are making progress?', why: 'Their own measures of success, useful for shared goals later.' },

  { id: 'commitments-time-goes', category: 'commitments', text: 'Where does most of your time and money go today?', why: 'Commitments show what they already invest in.' },
  { id: 'commitments-long-running', category: 'commitments', text: 'Which of your programmes have you kept going the longest, and why?', why: 'Long-running work shows deep commitments to build on.' },
  { id: 'commitments-promises', category: 'commitments', text: 'What have you promised your community for this year?', why: 'Promises made are commitments a partnership should support, not compete with.' },
  { id: 'commitments-partners-now', category: 'commitments', text: 'Who do you already partner with, and what does each bring?', why: 'Maps existing relationships and where we might fit.' },
  { id: 'commitments-capacity', category: 'commitments', text: 'How much capacity do you have for something new right now?', why: 'Respects their limits before proposing anything.' },

  { id: 'compelling-story', category: 'compelling', text: 'Can you tell me about a moment that shows why this work matters?', why: 'Stories carry a partner\'s voice into the team review.' },
  { id: 'compelling-surprise', category: 'compelling', text: 'What would surprise people about your organisation?', why: 'Finds what outsiders miss.' },
  { id: 'compelling-person', category: 'compelling', text: 'Who in your community inspires you, and why?', why: 'Points at people worth meeting next.' },
  { id: 'compelling-change', category: 'compelling', text: 'What has changed in your neighbourhood that we should understand?', why: 'Context that shapes any joint work.' },
  { id: 'compelling-wish-knew', category: 'compelling', text: 'What do you wish organisations like ours knew about you?', why: 'Invites them to correct our assumptions.' },

  { id: 'confirm-success', category: 'confirmation', text: 'So success for your community looks like ... - have I got that right?', why: 'Checks your understanding before you leave.' },
  { id: 'confirm-priority', category: 'confirmation', text: 'So what matters most to you right now is ... - is that fair?', why: 'Confirms the priority you heard.' },
  { id: 'confirm-missed', category: 'confirmation', text: 'So a year from now, success would mean ... - is anything missing from that picture?', why: 'Gives room for a correction before it reaches the team.' },
  { id: 'confirm-their-words', category: 'confirmation', text: 'So in your words, success for your community is ... - would you put it differently?', why: 'Invites them to rephrase: their wording is what the team should remember.' },

  { id: 'next-how-help', category: 'next-step', text: 'You mentioned you are working on ... - how could we help move that forward?', why: 'A next step that starts from their goal.' },
  { id: 'next-small-step', category: 'next-step', text: 'What is one small step we could take together this month toward ...?', why: 'Keeps the first step light, concrete and tied to their goal.' },
  { id: 'next-who-else', category: 'next-step', text: 'Who else would need to be involved for ... to happen, and could we help bring them in?', why: 'Widens the relationship while staying on their goal.' },
  { id: 'next-what-we-have', category: 'next-step', text: 'Is there anything we already have - rooms, people, collections - that could help you with ...?', why: 'Offers what we have only after hearing what they need.' },

  { id: 'follow-up-when', category: 'follow-up', text: 'When would be a good time for me to check back in?', why: 'Leaves the door open on their timing.' },
  { id: 'follow-up-share', category: 'follow-up', text: 'May I share what I learned today with my team and come back to you?', why: 'Asks permission to share, and promises to return.' },
  { id: 'follow-up-anything-meanwhile', category: 'follow-up', text: 'Is there anything I can send you in the meantime...?', why: 'A small gesture that keeps contact without pressure.' },
  { id: 'follow-up-no-rush', category: 'follow-up', text: 'There is no rush on our side - would it be all right if I got in touch again after ...?', why: 'Not being ready is fine: this keeps the relationship without pushing a project.' },
];

const byId = new Map(QUESTIONS.map((q) => [q.id, q]));

export function questionById(id: string): Question | undefined {
  return byId.get(id);
}

export function questionsIn(category: QuestionCategory): Question[] {
  return QUESTIONS.filter((q) => q.category === category);
}
