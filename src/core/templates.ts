// Skeletons for new files, shared by the extension's "New" commands and the
// snippets. Planned worksheets start with what preparation needs; the rest is
// filled in after the meeting.
import { yamlString } from './yaml';

export interface NewWorksheet {
  partnerId: string;
  organization: string;
  date: string;
  round: string;
  owner?: string;
  questions?: string[];
}

export function worksheetText(w: NewWorksheet): string {
  const questions = w.questions?.length ? `[${w.questions.join(', ')}]` : '[]';
  return `kind: worksheet
version: 1
status: planned
round: ${yamlString(w.round)}
partner:
  id: ${w.partnerId}
  organization: ${yamlString(w.organization)}
  people: []
  community: ""
meeting:
  date: ${w.date}
  start: "10:00"
  duration_minutes: 45
  location: ""
  partner_chose_time_and_place: true
  medium: in-person
  our_attendees: [${w.owner ?? ''}]
preparation:
  worksheet_reviewed: false
  questions: ${questions}
`;
}

export function conveningText(name: string, convener: string, date: string): string {
  return `kind: convening
version: 1
name: ${yamlString(name)}
purpose: ""
status: exploring
convener:
  organization: ${yamlString(convener)}
  vision:
    statement: ""
    shared_on: ${date}
partners: []
vision_setting:
  sessions: []
  shared_vision: null
`;
}

/** A round name from a date: the season and year, as teams tend to name them. */
export function roundForDate(date: string): string {
  const [y, m] = date.split('-').map(Number);
  if (m >= 3 && m <= 5) return `spring-${y}`;
  if (m >= 6 && m <= 8) return `summer-${y}`;
  if (m >= 9 && m <= 11) return `autumn-${y}`;
  return m === 12 ? `winter-${y}` : `winter-${y - 1}`;
}

/** `{partner}/{date}.worksheet.yaml` with the placeholders filled; `n` > 1 makes a free variant. */
export function worksheetPath(pattern: string, partnerId: string, date: string, n = 1): string {
  const base = pattern.replace(/\{partner\}/g, partnerId).replace(/\{date\}/g, date).replace(/\{round\}/g, roundForDate(date));
  if (n <= 1) return base;
  return base.replace(/(\.worksheet\.ya?ml)$/, `-${n}$1`);
}
