// The shape of a team review: plain JSON, so the panel can post it to its page,
// the CLI can print it, and the renderers (here types only, no code) can be
// bundled into the page without the summariser and its language library.
// Long lists stop after their first items (the summariser's MAX_LISTED); each
// keeps its total beside it, so the renderers can say how many are not listed.

import type { NoteCategory } from '../facts/meeting';

// The note categories are the worksheet format's (see facts/meeting.ts).
export { NOTE_CATEGORIES } from '../facts/meeting';
export type { NoteCategory };

export type ThemeSource = 'tagged' | 'matched' | 'suggested';

/** A place in a file: what every partner, quote and gap links to. */
export interface Ref {
  uri: string;
  /** 1-based line. */
  line: number;
}

/** A count out of a total. Renderers show raw counts below five: small groups are people. */
export interface Rate {
  count: number;
  total: number;
}

export interface PartnerRef {
  id: string;
  organization: string;
}

/** A short quote of one partner, linked to the note it comes from. */
export interface Quote extends Ref {
  partner: PartnerRef;
  text: string;
  /** How the note got the theme it is quoted for (absent where no theme applies). */
  source?: ThemeSource;
}

export interface ThemeEntry {
  id: string;
  label: string;
  category: NoteCategory;
  /** The strongest evidence among the notes (a tag beats a match beats a suggestion). */
  source: ThemeSource;
  /** Partner ids, each once however often they raised it. */
  partners: string[];
  /** One quote per partner, in the order of `partners` (the first ones of a long list). */
  quotes: Quote[];
}

export type Status = 'planned' | 'prepared' | 'held' | 'filled' | 'shared';

export interface DatedItem extends Ref {
  partner: PartnerRef;
  text: string;
  date: string;
  owner?: string;
  /** Whole days past the date, as of `today`. */
  daysLate: number;
}

export interface Coverage {
  /** Partners of the round by the furthest status any of their meetings reached. */
  partners: Record<Status | 'total', number>;
  /** Meetings of the round by their status. */
  meetings: Record<Status | 'total', number>;
  /**
   * How far the round got, counting everything at or past each step:
   * all = every meeting of the round, whatever its status (not the `planned`
   * status), held = held or later, filled = filled or shared.
   */
  funnel: { all: number; held: number; filled: number; shared: number };
  /** Partners of the round with no meeting held yet. */
  toMeet: (PartnerRef & Ref & { date?: string; status?: string })[];
  toMeetTotal: number;
  /** Held meetings where the team checked what success means, out of held meetings. */
  confirmation: Rate;
  /** Held meetings that agreed a next step. */
  nextStep: Rate;
  /** Held meetings with only a follow-up date (the partner was not ready). */
  followUpOnly: Rate;
  overdueNextSteps: DatedItem[];
  overdueNextStepsTotal: number;
  overdueFollowUps: DatedItem[];
  overdueFollowUpsTotal: number;
  /** Median length of held meetings, in minutes (absent when none recorded one). */
  medianMinutes?: number;
  /** Held meetings within the team's range, out of those with a length. */
  withinRange: Rate;
  range: { min: number; max: number };
}

/** How a partner answered when the team checked what it heard success means to them. */
export type SuccessResponse = 'confirmed' | 'corrected' | 'no-answer' | 'not-asked';

/** What success means to one partner met in the round, in their own words, linked to the line. */
export interface SuccessStatement extends Ref {
  partner: PartnerRef;
  text: string;
  response: SuccessResponse;
  /** The partner's correction, when they gave one, linked to its line. */
  correction?: Ref & { text: string };
}

export interface SuccessSection {
  /** One per partner met (held or later), from their latest meeting of the round that records it. */
  statements: SuccessStatement[];
  statementsTotal: number;
  /** Partners met whose worksheets record no success in their words: the gap made visible. */
  missing: (PartnerRef & Ref)[];
  missingTotal: number;
}

export interface Outlier {
  theme: { id: string; label: string; source: ThemeSource };
  partner: PartnerRef;
  /** Their success in their own words, where the theme sits. */
  success: Quote;
  /** The notes where they raised it. */
  notes: Quote[];
}

export interface Trend {
  id: string;
  label: string;
  /** Themes are compared within one note category. */
  category: NoteCategory;
  /**
   * Partners who raised it in the previous round, and in this one. Rising and
   * falling compare them as shares of each round's partners met (`partners`).
   */
  previous: number;
  current: number;
}

export interface Trends {
  /** Partners met in each round: what the counts are shares of. */
  partners: { previous: number; current: number };
  /**
   * Within the reviewed round, per category: the themes most partners share
   * (two or more, up to five), each a share of `partners.current`.
   */
  within: { category: NoteCategory; themes: { id: string; label: string; partners: number }[] }[];
  rising: Trend[];
  falling: Trend[];
  new: Trend[];
  gone: Trend[];
  /** Themes raised in both rounds by the same number of partners. */
  steady: Trend[];
}

export interface OfferMatch {
  offer: { text: string; themes: string[] };
  /** Partner goals sharing a theme with the offer, one quote per partner. */
  goals: Quote[];
  goalsTotal: number;
  /** Partner challenges sharing a theme with the offer, one quote per partner. */
  challenges: Quote[];
  challengesTotal: number;
}

/** One partner's challenge theme that another partner commits to. */
export interface Complement {
  theme: string;
  label: string;
  /** Partners with the challenge, one quote each. */
  needs: Quote[];
  needsTotal: number;
  /** Partners with the commitment, one quote each. */
  offers: Quote[];
  offersTotal: number;
  /** Pairs of two different partners, a need and an offer. */
  pairs: number;
}

/** Partners whose goals share themes: candidates for a convening. */
export interface Cluster {
  themes: { id: string; label: string }[];
  partners: PartnerRef[];
  partnersTotal: number;
}

/** A convening that includes partners met in the round. */
export interface ConveningEntry extends Ref {
  name: string;
  status: string | undefined;
  /** The round's partners who are part of it. */
  partners: PartnerRef[];
  /** Its open errors and warnings (the first MAX_LISTED), each on its line. */
  gaps: { code: string; severity: 'error' | 'warning'; message: string; line: number }[];
  gapsTotal: number;
}

export interface ConveningsSection {
  items: ConveningEntry[];
  itemsTotal: number;
  /** Goals two or more partners share that no open convening brings all of them together on. */
  uncovered: Cluster[];
}

export interface Opportunities {
  /** (a) Partner goals and challenges the team's offers (settings file) can serve. */
  offers: OfferMatch[];
  /** (b) A challenge of one partner answered by another's commitment. */
  complementary: Complement[];
  /** (c) Partners with overlapping goal themes. */
  clusters: Cluster[];
  /** (d) Partner goals that no next step of theirs says it serves. */
  unservedGoals: Quote[];
  unservedGoalsTotal: number;
}

export interface Gap extends Ref {
  code: string;
  severity: 'error' | 'warning';
  message: string;
  /** The file's folder and name, for display. */
  file: string;
  partner?: PartnerRef;
}

export interface Commitment extends Ref {
  action: string;
  owner?: string;
  due?: string;
  status?: string;
  partners: string[];
  overdue: boolean;
  /** Its place in the review's `commitments` list: what marking it done edits. */
  index: number;
}

/** One line the team wrote in its review file, where it is. */
export interface Noted extends Ref {
  text: string;
}

/**
 * What the team itself wrote in a review file of the round: the similarities,
 * trends and opportunities it saw across the meetings, beside the figures
 * worked out from the worksheets. The file's own line is the Ref.
 */
export interface TeamConclusions extends Ref {
  date?: string;
  attendees: string[];
  similarities: Noted[];
  trends: Noted[];
  opportunities: (Noted & { partners: string[] })[];
}

/** An open commitment of an earlier round's review, carried until it is done or dropped. */
export interface CarriedCommitment extends Commitment {
  /** The round whose review made it. */
  round: string;
  /** That review's date, and the whole days since (its age), when the date is a past ISO date. */
  made?: string;
  ageDays?: number;
  /** Whole days past its due date, when overdue. */
  daysLate?: number;
}

export interface ThemeSummary {
  id: string;
  label: string;
  category: NoteCategory;
  partners: string[];
  source: ThemeSource;
}

/**
 * Whether the round's themes are agreed or suggested. Agreed themes are the
 * team's vocabulary in partner-worksheets.yaml (with the starter vocabulary
 * when it says `starter_themes: extend`); suggested ones are grouped from
 * untagged notes for the team to agree.
 */
export interface ThemeStatus {
  /** Where the agreed vocabulary comes from; `none` when the team has not written one. */
  agreedFrom: 'team' | 'team-and-starter' | 'none';
  /** Suggested themes two or more partners raised (listed in the review). */
  suggested: number;
  /** Suggested themes only one partner raised: left out of the review, counted here. */
  suggestedOnce: number;
}

export interface ReviewSummary {
  round: string;
  /** Every round, oldest first. */
  rounds: string[];
  previousRound?: string;
  today: string;
  /** Each partner's success in their own words: the heart of a one-on-one. */
  success: SuccessSection;
  coverage: Coverage;
  /** Per note category, themes raised by two or more partners, most partners first. */
  similarities: { category: NoteCategory; themes: ThemeEntry[] }[];
  outliers: Outlier[];
  trends: Trends;
  opportunities: Opportunities;
  /** Convenings with this round's partners, and shared goals no convening covers yet. */
  convenings: ConveningsSection;
  /** Errors and warnings in the round's files: to fix before the team meets. */
  gaps: Gap[];
  gapsTotal: number;
  /** What the team wrote in the round's review files (one each, usually one): empty before the review meeting. */
  conclusions: TeamConclusions[];
  /** The commitments already recorded in the round's review file. */
  commitments: Commitment[];
  /** Open commitments of earlier rounds' reviews: followed until done. */
  carried: CarriedCommitment[];
  carriedTotal: number;
  /** The round's review file, when there is one. */
  review?: Ref;
  /** Every theme of the round with the partners who raised it (suggestions only when two or more partners raised them). */
  themes: ThemeSummary[];
  /** Agreed or suggested themes, and how many one-partner suggestions were left out. */
  themeStatus?: ThemeStatus;
  /** How many themes there were; `themes` holds the first MAX_LISTED (most partners first). */
  themesTotal: number;
}
