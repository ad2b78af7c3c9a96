// The shape of a partner's history and of a "What we heard" summary: plain
// JSON, so the panel can post it to its page, the CLI can print it, and the
// renderers (types only here) can be bundled into the page without the index.
import type { NoteCategory } from '../facts/meeting';
import type { Gap, Ref } from '../summary/model';

export type { Gap, NoteCategory, Ref };

/** Default of `partnerWorksheets.partners.unmetAfterDays`: a partner not met for this long is marked. */
export const DEFAULT_UNMET_AFTER_DAYS = 180;

export interface HistoryMeeting extends Ref {
  date?: string;
  status?: string;
  round?: string;
  /** The meeting is held or further on (held, filled, shared). */
  held: boolean;
  ourAttendees: string[];
  /** Their people at the meeting (names). */
  people: string[];
  /** The file's folder and name, for display. */
  file: string;
}

export interface SuccessEntry extends Ref {
  date?: string;
  text: string;
  confirmation?: Ref & {
    statement?: string;
    /** confirmed, corrected, not-asked, or asked (a question without a recorded answer). */
    response: string;
    correction?: string;
  };
}

/**
 * How a theme (or, for untagged notes, a note) stands at the latest meeting
 * with notes: raised there first, raised there and before, or raised only
 * before.
 */
export type TrackMark = 'new' | 'repeated' | 'no-longer-mentioned';

export interface NoteMention extends Ref {
  date?: string;
  text: string;
  quote?: string;
  /** Marked `internal: true`: for the team only. */
  internal: boolean;
}

export interface NoteTrack {
  /** `theme:<id>` or `note:<normalised text>`. */
  key: string;
  /** The theme's label, or the note's latest text. */
  label: string;
  by: 'theme' | 'note';
  mark: TrackMark;
  /** Oldest first. */
  mentions: NoteMention[];
}

export interface StepEntry extends Ref {
  kind: 'next-step' | 'follow-up';
  /** The date of the meeting that agreed it. */
  meetingDate?: string;
  /** The action (a follow-up has none). */
  action?: string;
  owner?: string;
  /** The due date, or the follow-up date. */
  due?: string;
  /** open, done, dropped (as written; a follow-up is open or done). */
  status: string;
  overdue: boolean;
}

export interface ReviewCommitmentEntry extends Ref {
  round?: string;
  action: string;
  owner?: string;
  due?: string;
  status: string;
  overdue: boolean;
}

export interface ConveningEntry extends Ref {
  name: string;
  status?: string;
  roles: string[];
}

export interface PartnerHistory {
  partner: { id: string; organization: string; community?: string; people: string[] };
  today: string;
  /** The date of the latest held meeting. */
  lastMet?: string;
  daysSinceMet?: number;
  /** Not met for longer than `unmetAfterDays`, or never met. */
  longUnmet: boolean;
  unmetAfterDays: number;
  /** Oldest first. */
  meetings: HistoryMeeting[];
  /** Oldest first: what success means to them, meeting by meeting. */
  success: SuccessEntry[];
  notes: { category: NoteCategory; tracks: NoteTrack[] }[];
  steps: StepEntry[];
  commitments: ReviewCommitmentEntry[];
  convenings: ConveningEntry[];
  /** Errors and warnings in the partner's worksheets. */
  gaps: Gap[];
}

/** "What we heard": one worksheet, as the partner may read it. */
export interface ShareBack {
  organization: string;
  /** Their people named in the worksheet. */
  people: string[];
  date?: string;
  success?: string;
  /** Their correction when we checked our understanding. */
  correction?: string;
  /** What we heard, per category, internal notes left out; empty categories left out. */
  heard: { category: NoteCategory; items: { text: string; quote?: string }[] }[];
  nextStep?: { action: string; owner?: string; due?: string };
  followUp?: { date?: string; owner?: string };
  /**
   * Why this summary is not ready to send, if it is not: the meeting is only
   * planned or prepared, or the worksheet has a syntax error (what comes after
   * it may be missing). The summary is still made; callers ask before sending.
   */
  notReady?: string;
}
