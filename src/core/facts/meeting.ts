// The facts of a worksheet. The index reads the meeting (who the partner is,
// where the meeting stands, what success means to them, what comes next) for
// every worksheet as it indexes it, and keeps it in its snapshot: cross-file
// rules, the tree, completion and the summary read it. The rest (notes,
// confirmation, preparation, thanks) is read when a rule or the summary first
// asks, from the same data.
import { collect, field, isBlock, list, noteText, text, texts } from './data';
import { isIsoDate } from '../dates';
import { slugify } from '../paths';

export const NOTE_CATEGORIES = ['challenges', 'values', 'goals', 'commitments'] as const;
export type NoteCategory = (typeof NOTE_CATEGORIES)[number];

export interface NextStepInfo {
  action: string;
  servesGoal?: string;
  owner?: string;
  due?: string;
  status?: string;
}

/** What a worksheet says of its meeting, whether or not it names a partner. */
interface MeetingFields {
  organization: string | undefined;
  community: string | undefined;
  /** As written (trimmed); see status.ts for its rank. */
  status: string | undefined;
  round: string | undefined;
  /** The meeting date, when it is YYYY-MM-DD. */
  date: string | undefined;
  /** `meeting.start` as written (trimmed): it tells two meetings of one day apart. */
  start: string | undefined;
  durationMinutes: number | undefined;
  successInTheirWords: string | undefined;
  /** The confirmation statement. */
  confirmation: string | undefined;
  /** Present when the next step names an action. */
  nextStep: NextStepInfo | undefined;
  /** The follow-up date, when it is YYYY-MM-DD. */
  followUpDate: string | undefined;
}

/** A meeting as the index reads it from a worksheet, before it knows the file (uri) or positions (range). */
export interface MeetingFacts extends MeetingFields {
  partnerId: string;
}

/** One note: a plain string or `{text, themes, quote}`. */
export interface NoteFacts {
  text: string | undefined;
  quote: string | undefined;
  /** Theme tags, trimmed, empty ones left out. */
  themes: string[];
  /** `internal: true`: for the team only, never shared back with the partner. */
  internal: boolean;
}

/** Everything the rules and the summary read of a worksheet. */
export interface WorksheetFacts extends MeetingFields {
  kind: 'worksheet';
  /** The partner id, else the organization's slug. */
  partnerId: string | undefined;
  ourAttendees: string[];
  /** The names of `partner.people`, as written. */
  people: string[];
  /** `meeting.partner_chose_time_and_place`, when it is a boolean. */
  partnerChoseTimeAndPlace: boolean | undefined;
  preparation: { worksheetReviewed: boolean; questions: number };
  /** Each category's notes, one per list item (so item i is note i). */
  notes: Record<NoteCategory, NoteFacts[]>;
  /** The `confirmation` block; undefined when there is none. */
  confirmationBlock: {
    /** Asked, or a response recorded. */
    asked: boolean;
    corrected: boolean;
    correction: string | undefined;
    /** `response` as written (trimmed): confirmed | corrected | not-asked. */
    response: string | undefined;
  } | undefined;
  followUp: { date: string | undefined; owner: string | undefined; done: boolean };
  thanked: boolean;
  after: { filledOn: string | undefined; sharedWith: string[]; sharedBackOn: string | undefined };
}

function isoDate(v: unknown): string | undefined {
  return isIsoDate(v) ? v : undefined;
}

function readFields(data: unknown): MeetingFields & { partnerId: string | undefined } {
  const organization = text(field(data, 'partner', 'organization'));
  const ns = field(data, 'next_step');
  const action = text(field(ns, 'action'));
  const minutes = field(data, 'meeting', 'duration_minutes');
  return {
    partnerId: text(field(data, 'partner', 'id')) ?? (organization ? slugify(organization) : undefined),
    organization,
    community: text(field(data, 'partner', 'community')),
    status: text(field(data, 'status')),
    round: text(field(data, 'round')),
    date: isoDate(field(data, 'meeting', 'date')),
    start: text(field(data, 'meeting', 'start')),
    durationMinutes: typeof minutes === 'number' ? minutes : undefined,
    successInTheirWords: text(field(data, 'notes', 'success_in_their_words')),
    confirmation: text(field(data, 'confirmation', 'statement')),
    nextStep: action
      ? { action, servesGoal: text(field(ns, 'serves_goal')), owner: text(field(ns, 'owner')), due: text(field(ns, 'due')), status: text(field(ns, 'status')) }
      : undefined,
    followUpDate: isoDate(field(data, 'follow_up', 'date')),
  };
}

/** The meeting of a worksheet; undefined when it names no partner (neither id nor organization). */
export function readMeeting(data: unknown): MeetingFacts | undefined {
  const fields = readFields(data);
  return fields.partnerId === undefined ? undefined : (fields as MeetingFacts);
}

/** A theme id: a non-blank string, trimmed (a number is no theme). */
function themeOf(x: unknown): string | undefined {
  return typeof x === 'string' ? text(x) : undefined;
}

/** A person of `partner.people`: their `name`, or the item itself when written as a plain text. */
function nameOf(p: unknown): string | undefined {
  return text(field(p, 'name')) ?? text(p);
}

function readNote(n: unknown): NoteFacts {
  return {
    text: noteText(n),
    quote: text(field(n, 'quote')),
    themes: collect(field(n, 'themes'), themeOf),
    internal: field(n, 'internal') === true,
  };
}

export function readWorksheet(data: unknown): WorksheetFacts {
  const c = field(data, 'confirmation');
  const chose = field(data, 'meeting', 'partner_chose_time_and_place');
  const notes = {} as Record<NoteCategory, NoteFacts[]>;
  for (const category of NOTE_CATEGORIES) notes[category] = list(field(data, 'notes', category)).map(readNote);
  return {
    kind: 'worksheet',
    ...readFields(data),
    ourAttendees: texts(field(data, 'meeting', 'our_attendees')),
    people: collect(field(data, 'partner', 'people'), nameOf),
    partnerChoseTimeAndPlace: typeof chose === 'boolean' ? chose : undefined,
    preparation: {
      worksheetReviewed: field(data, 'preparation', 'worksheet_reviewed') === true,
      questions: list(field(data, 'preparation', 'questions')).length,
    },
    notes,
    confirmationBlock: isBlock(c)
      ? { asked: c.asked === true || c.response === 'confirmed' || c.response === 'corrected', corrected: c.response === 'corrected', correction: text(c.correction), response: text(c.response) }
      : undefined,
    followUp: { date: text(field(data, 'follow_up', 'date')), owner: text(field(data, 'follow_up', 'owner')), done: field(data, 'follow_up', 'done') === true },
    thanked: field(data, 'thanked') === true,
    after: {
      filledOn: isoDate(field(data, 'after', 'filled_on')),
      sharedWith: texts(field(data, 'after', 'shared_with')),
      sharedBackOn: isoDate(field(data, 'after', 'shared_back_on')),
    },
  };
}
