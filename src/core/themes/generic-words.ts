// Nouns too general to say what a partner cares about. A keyword only becomes
// a suggested theme when it could name something the team would act on:
// "thing", "guy", "afternoon" or "door" never could, however many partners
// happen to say them. Compared with the lemma of the noun (singular, lower
// case), so one form of each word is enough.
export const GENERIC_WORDS: ReadonlySet<string> = new Set([
  // Things, ways and amounts
  'thing', 'stuff', 'way', 'lot', 'bit', 'kind', 'sort', 'type', 'part', 'piece', 'number', 'amount', 'level', 'deal',
  'something', 'anything', 'nothing', 'everything', 'one', 'other', 'each', 'rest', 'half', 'couple', 'few', 'lots',
  'fact', 'case', 'point', 'matter', 'question', 'answer', 'reason', 'example', 'idea', 'problem', 'issue', 'need', 'use',
  'work', 'feel', 'feeling', 'sense', 'look', 'go', 'try', 'chance', 'change', 'difference', 'result',
  'side', 'end', 'start', 'beginning', 'middle', 'top', 'bottom', 'front', 'back', 'edge', 'area', 'place', 'spot',
  'door', 'window', 'wall', 'floor', 'table', 'chair', 'desk', 'mic', 'microphone', 'speaker', 'box',
  // People in general
  'people', 'person', 'guy', 'man', 'woman', 'men', 'women', 'folk', 'everyone', 'everybody', 'someone', 'somebody',
  'anyone', 'anybody', 'nobody', 'no-one', 'member', 'user', 'client', 'individual', 'human', 'lady', 'gentleman',
  'friend', 'team', 'group', 'organisation', 'organization', 'partner', 'partnership', 'community', 'they', 'we',
  'our', 'us', 'their', 'them', 'you', 'your',
  // Time
  'time', 'times', 'day', 'week', 'weekday', 'month', 'year', 'season', 'hour', 'minute', 'moment', 'today',
  'tomorrow', 'yesterday', 'morning', 'afternoon', 'evening', 'night', 'tonight', 'now', 'past', 'future', 'while',
  'spring', 'summer', 'autumn', 'fall', 'winter', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday',
  'saturday', 'sunday', 'date', 'shift', 'term', 'session', 'meeting', 'event', 'visit', 'trip',
]);

/** Whether a noun lemma is too general to be a theme. */
export function isGeneric(lemma: string): boolean {
  return GENERIC_WORDS.has(lemma);
}
