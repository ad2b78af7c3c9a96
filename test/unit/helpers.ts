// Shared fixtures for the core tests: the contract's complete examples, and a
// way to derive a variant with one gap by editing the YAML document.
import { parseDocument } from 'yaml';
import { checkText } from '../../src/core/check';
import type { CheckOptions } from '../../src/core/check';
import { readConfig } from '../../src/core/facts';
import type { Finding } from '../../src/core/types';
import type { Meeting } from '../../src/core/workspace';

export const TODAY = '2026-10-20';

export const WORKSHEET = `kind: worksheet
version: 1
status: shared
round: autumn-2026
partner:
  id: riverside-youth
  organization: Riverside Youth Collective
  people: [{name: Dana Ortiz, role: Director}]
  community: Teens on the Riverside estate
meeting:
  date: 2026-10-14
  start: "16:00"
  duration_minutes: 45
  location: Their studio
  partner_chose_time_and_place: true
  medium: in-person
  our_attendees: [sam]
preparation:
  worksheet_reviewed: true
  questions: [goals-year-from-now, challenges-in-the-way]
notes:
  success_in_their_words: Teens show their work in public places, and are paid for it.
  challenges: [{text: No affordable venue for shows, themes: [space, visibility]}]
  values: [Teens make the creative decisions]
  goals: [{text: Two public exhibitions this year, themes: [visibility]}]
  commitments: [{text: Saturday programme year-round with 3 staff, themes: [capacity]}]
  compelling: [Their alumni now run the programme]
confirmation:
  asked: true
  statement: Success looks like teens showing their work publicly.
  response: corrected
  correction: Also that teens are paid for it.
next_step:
  action: Send our summer gallery calendar and hold two dates
  serves_goal: Two public exhibitions this year
  owner: sam
  due: 2026-10-28
  status: open
follow_up:
  date: 2026-12-01
  owner: sam
thanked: true
after:
  filled_on: 2026-10-14
  shared_on: 2026-10-15
  shared_with: [community-team]
`;

export const CONVENING = `kind: convening
version: 1
name: Westside Arts Access Network
purpose: More Westside teens creating and showing art in public
status: forming
convener:
  organization: City Museum
  vision:
    statement: A summer gallery curated by Westside teens every year
    shared_on: 2026-11-02
partners:
  - {id: riverside-youth, roles: [leadership]}
  - {id: eastside-library, roles: [member]}
vision_setting:
  sessions:
    - date: 2026-11-02
      facilitator: Jamie Lee
      partners_present: [riverside-youth, eastside-library]
      partners_contributed: [riverside-youth, eastside-library]
  shared_vision: null
coordinator:
  organization: City Museum
  person: jordan
  duties: {meetings: jordan, agendas: jordan, communication_channels: jordan,
           goals_and_metrics: jordan, shared_measurement: sam, resources: jordan}
leadership: [{role: chair, holder: riverside-youth}]
goals:
  - {statement: 60 teens exhibit publicly by June 2027, metrics: [teens-exhibiting]}
measurement:
  system: Shared spreadsheet
  indicators:
    - {id: teens-exhibiting, name: Teens exhibiting publicly, baseline: 12, target: 60,
       frequency: quarterly, owner: sam}
communication: {cadence: monthly, channels: [email list], last_meeting: 2026-11-02}
resources: [{item: Gallery space, provided_by: City Museum, managed_by: jordan}]
`;

export const REVIEW = `kind: review
version: 1
round: autumn-2026
date: 2026-11-20
attendees: [sam, ana, jordan]
similarities: [Three partners name space as their main obstacle]
trends: [Youth voice came up in every meeting this round]
opportunities:
  - {text: Pair Riverside's venue need with the library's free rooms, partners: [riverside-youth, eastside-library]}
commitments:
  - {action: Offer the library rooms to Riverside, owner: ana, due: 2026-12-15, partners: [riverside-youth]}
`;

export const CONFIG = `kind: config
themes:
  - {id: space, label: Space and venues, synonyms: [venue, room, hall, gallery]}
offers: [{text: Free gallery space in summer, themes: [space, visibility]}]
thresholds: {meeting_minutes: {min: 30, max: 60}, fill_within_days: 3, share_within_days: 7}
rules: {meeting-length: warning, not-thanked: off}
`;

export type Edit = [path: (string | number)[], value: unknown] | [path: (string | number)[]];

/** The text with each edit applied: `[path, value]` sets, `[path]` deletes. */
export function variant(text: string, ...edits: Edit[]): string {
  const doc = parseDocument(text);
  for (const e of edits) {
    if (e.length === 1) doc.deleteIn(e[0]);
    else doc.setIn(e[0], e[1]);
  }
  return String(doc);
}

export function check(text: string, opts: Partial<CheckOptions> & { uri?: string; configText?: string } = {}): Finding[] {
  const config = opts.configText ? readConfig(parseDocument(opts.configText).toJS()) : opts.config;
  return checkText(opts.uri ?? '/team/riverside-youth/2026-10-14.worksheet.yaml', text, { today: TODAY, ...opts, config }).findings;
}

export function codes(findings: Finding[]): string[] {
  return [...new Set(findings.map((f) => f.code))].sort();
}

/** The text a finding's range covers. */
export function covered(text: string, f: Finding): string {
  const lines = text.split('\n');
  const { start, end } = f.range;
  if (start.line === end.line) return lines[start.line].slice(start.character, end.character);
  return [lines[start.line].slice(start.character), ...lines.slice(start.line + 1, end.line), lines[end.line].slice(0, end.character)].join('\n');
}

/** Apply a fix's plain edits to the text (edits must not overlap). */
export function applyEdits(text: string, edits: { range: Finding['range']; newText: string }[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sortedEdits = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sortedEdits) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/**
 * A snippet as the editor inserts it with every placeholder left at its
 * default: `${1:text}` is the text, a choice its first option, `$1` nothing,
 * and `\$`, `\}`, `\\` the characters themselves.
 */
export function snippetAtDefaults(snippet: string): string {
  let out = '';
  let open = 0; // placeholders `${1:` whose `}` is still to come
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i];
    const rest = snippet.slice(i);
    const tab = /^\$(?:\d+|\{\d+\})/.exec(rest);
    const choice = /^\$\{\d+\|([^,|]*)[^}]*\|\}/.exec(rest);
    const placeholder = /^\$\{\d+:/.exec(rest);
    if (c === '\\' && i + 1 < snippet.length) out += snippet[++i];
    else if (choice) {
      out += choice[1];
      i += choice[0].length - 1;
    } else if (placeholder) {
      open++;
      i += placeholder[0].length - 1;
    } else if (tab) i += tab[0].length - 1;
    else if (c === '}' && open > 0) open--;
    else out += c;
  }
  return out;
}

/** The text with these snippet edits made, every placeholder at its default (snippetAtDefaults). */
export function applySnippetsAtDefaults(text: string, edits: { range: Finding['range']; newText: string }[]): string {
  return applyEdits(text, edits.map((e) => ({ ...e, newText: snippetAtDefaults(e.newText) })));
}

/**
 * A meeting with only what buildIdentity reads of it for rounds (its file,
 * partner, round and date): the other facts stay unset.
 */
export function bareMeeting(uri: string, partnerId: string, round: string, date: string): Meeting {
  return { uri, partnerId, round, date, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } } as unknown as Meeting;
}
