// Snippets generated from the question bank and the templates, so the
// questions people paste and the ids completion offers never drift apart.
import { QUESTIONS, QUESTION_CATEGORIES } from './questions';
import { snippetText } from './snippet-text';

export interface Snippet {
  prefix: string[];
  description: string;
  body: string[];
}

const TODAY = '${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}';

export function buildSnippets(): Record<string, Snippet> {
  const out: Record<string, Snippet> = {};
  for (const cat of QUESTION_CATEGORIES) {
    const qs = QUESTIONS.filter((q) => q.category === cat.id);
    if (qs.length === 0) continue;
    out[`Questions: ${cat.label}`] = {
      prefix: [`pw-questions-${cat.id}`, `questions ${cat.id}`],
      description: `${cat.description} (${qs.length} questions, as ids for preparation.questions with the question as a comment)`,
      body: qs.map((q) => `- ${q.id}  # ${snippetText(q.text)}`),
    };
  }
  out['Meeting worksheet'] = {
    prefix: ['pw-worksheet', 'worksheet'],
    description: 'A new one-on-one worksheet, planned for today: partner, meeting and preparation.',
    body: [
      'kind: worksheet',
      'version: 1',
      'status: planned',
      'round: ${1:autumn-${CURRENT_YEAR}}',
      'partner:',
      '  id: ${2:partner-id}',
      '  organization: ${3:Partner organisation}',
      '  community: ${4:Their community of focus}',
      'meeting:',
      `  date: \${5:${TODAY}}`,
      '  start: "${6:10:00}"',
      '  duration_minutes: ${7:45}',
      '  location: ${8:A place they chose}',
      '  partner_chose_time_and_place: true',
      '  medium: ${9|in-person,phone,video|}',
      '  our_attendees: [${10}]',
      'preparation:',
      '  worksheet_reviewed: true',
      '  questions: [goals-year-from-now, challenges-in-the-way$0]',
      '',
    ],
  };
  out['Convening record'] = {
    prefix: ['pw-convening', 'convening'],
    description: 'A partnership being convened: your own vision, the partners, vision setting and the coordinator role.',
    body: [
      'kind: convening',
      'version: 1',
      'name: ${1:Partnership name}',
      'purpose: ${2:What the partners want to change together}',
      'status: ${3|exploring,forming,active,sustaining,closed|}',
      'convener:',
      '  organization: ${4:Your organisation}',
      '  vision:',
      '    statement: ${5:Your own vision, offered as one partner among others}',
      `    shared_on: ${TODAY}`,
      'partners:',
      '  - {id: ${6:partner-id}, roles: [member]}',
      'vision_setting:',
      '  sessions: []',
      '  shared_vision: null',
      'coordinator:',
      '  organization: ${4}',
      '  person: ${7:person-id}',
      '  duties: {meetings: ${7}, agendas: ${7}, communication_channels: ${7},',
      '           goals_and_metrics: ${7}, shared_measurement: ${7}, resources: ${7}}',
      'leadership: []',
      'goals: []',
      'measurement:',
      '  system: ${8:Where progress is tracked}',
      '  indicators: []',
      'communication: {cadence: ${9:monthly}, channels: []}',
      '',
    ],
  };
  out['Team review'] = {
    prefix: ['pw-review', 'review'],
    description: 'The team\'s review of a round: similarities, trends, opportunities and commitments.',
    body: [
      'kind: review',
      'version: 1',
      'round: ${1:autumn-${CURRENT_YEAR}}',
      `date: ${TODAY}`,
      'attendees: [${2}]',
      'similarities: []',
      'trends: []',
      'opportunities: []',
      'commitments:',
      `  - {action: \${3:What the team will do}, owner: \${4:who}, due: \${5:${TODAY}}, partners: []}`,
      '',
    ],
  };
  return out;
}
