// The shape of a gap rule (rules are data, after Foam's LintRule): a stable
// code, a default severity the team can override, and a check that returns
// issues with ranges from the parser's nodes and, where it can, a fix. Rules
// read the file's typed facts (src/core/facts), never its raw data.
import type { Fix, Range, RelatedLocation, Severity } from '../types';
import type { ParsedFile, YamlPath, YamlView } from '../yaml';
import type { FileFacts, TeamConfig } from '../facts';
import type { DayWriteUps } from '../workspace/write-ups';

/** A worksheet of another file, as cross-file rules see it. */
export interface MeetingRef {
  uri: string;
  partnerId: string;
  status: string | undefined;
  round: string | undefined;
  date: string | undefined;
  /** `meeting.start` as written. */
  start: string | undefined;
  /** Range of the partner id (or organization) in that file. */
  range: Range;
}

/** What cross-file rules may ask of the workspace. Partner ids are taken through the team's aliases. */
export interface WorkspaceFacts {
  knownPartner(id: string): boolean;
  meetingsOf(partnerId: string): readonly MeetingRef[];
  meetingsInRound(round: string): readonly MeetingRef[];
  partnerIds(): readonly string[];
  /** The id a partner id stands for, after the aliases in the settings (the id itself when it has none). */
  canonicalPartner(id: string): string;
  /**
   * The partner ids written with this organisation name (case and punctuation
   * aside), each with its earliest meeting under it, earliest first; empty
   * unless two or more ids share the name.
   */
  partnersNamed(organization: string): { id: string; first: MeetingRef }[];
  /** The names a partner id was written with, each with its earliest meeting, earliest first; empty unless two or more. */
  namesOf(partnerId: string): { organization: string; first: MeetingRef }[];
  /** How many meetings a round has (0 for a round no worksheet names). */
  roundSize(round: string): number;
  /** Rounds with meetings, biggest first. */
  roundsWithMeetings(): string[];
  /** The bigger round a round looks like a typo of, with its size and one of its meetings. */
  roundLookalike(round: string): { round: string; meetings: number; example: MeetingRef } | undefined;
  /** The rounds of the meetings nearest a date, nearest first. */
  roundsNear(date: string): string[];
  /** A partner's worksheets of a day, in write order (write-ups.ts); undefined when it has none. */
  writeUpsOn(partnerId: string, date: string): DayWriteUps | undefined;
}

/**
 * The workspace as a whole, for a rule to say which worksheets it can flag
 * (Rule.mayFlag): who is who and which round is which, listed rather than
 * looked up one file at a time.
 */
export interface WorkspaceOverview extends WorkspaceFacts {
  /** Each organisation name written with two or more partner ids: partnersNamed of that name. */
  sharedNames(): Iterable<readonly { id: string; first: MeetingRef }[]>;
  /** Each partner id written with two or more organisation names: namesOf that id. */
  renamedPartners(): Iterable<readonly { organization: string; first: MeetingRef }[]>;
  /** The worksheets that write up a meeting an earlier one of the same partner, day and time wrote up (write-ups.ts). */
  laterWriteUps(): Iterable<string>;
  /** Each round that looks like a typo of a bigger one (roundLookalike answers for it). */
  lookalikeRounds(): Iterable<string>;
  /**
   * The worksheets with no meeting in a round as far as the workspace knows:
   * those that name no round, and those that name no partner (no meeting is
   * read from them, so no round either).
   */
  unplacedWorksheets(): Iterable<string>;
}

export interface RuleContext<F extends FileFacts = FileFacts> {
  uri: string;
  file: ParsedFile;
  view: YamlView;
  /** The facts of the document (whose data is a block: rules do not run on anything else). */
  facts: F;
  today: string;
  config: TeamConfig;
  workspace: WorkspaceFacts | undefined;
  /**
   * false: the caller shows no related locations (the CLI prints none), so
   * rules leave them out; a meeting's range in another file costs a parse of
   * that file. Rules give them through `locations`.
   */
  related: boolean;
}

/**
 * Related locations at other worksheets' meetings, or none when the caller
 * shows none (RuleContext.related).
 */
export function locations(ctx: RuleContext, meetings: readonly MeetingRef[], describe: (m: MeetingRef) => string): RelatedLocation[] | undefined {
  return ctx.related ? meetings.map((m) => ({ uri: m.uri, range: m.range, message: describe(m) })) : undefined;
}

export interface RuleIssue {
  message: string;
  range: Range;
  fixes?: Fix[];
  related?: RelatedLocation[];
}

/** A rule of the file kinds whose facts are F. */
export interface Rule<F extends FileFacts = FileFacts> {
  code: string;
  /** The file kinds the rule reads. */
  kind: F['kind'] | readonly F['kind'][];
  defaultSeverity: Severity;
  /** One line for docs and `--help`: what the rule looks for. */
  summary: string;
  /** Needs the workspace index (other files): skipped without it. */
  crossFile?: boolean;
  /**
   * The sections it reads, when its finding would sit outside them (`missing-next-step`
   * speaks at `status`). Where one is written as something else than the
   * schema's block or list (`follow_up: 2026-12-20`), the rule is not run: it
   * would find nothing there and contradict the schema's error. Findings inside
   * such a section are left out for every rule (mistyped.ts).
   */
  reads?: readonly YamlPath[];
  /**
   * Reads the workspace index when it is given, and says less without it
   * (missing-round names the round of the meetings near by date). Its
   * findings, like a cross-file rule's, are those of a check with the
   * workspace (CheckOptions.onlyWorkspaceRules).
   */
  readsWorkspace?: boolean;
  /**
   * For a worksheet rule that reads the workspace: the worksheets it can flag
   * as the workspace stands, a few, found from the workspace as a whole; every
   * other worksheet gets no finding from it whatever else is indexed. The CLI
   * and the editor's first load then check those others once, as soon as they
   * are read, and only these again when every file is read
   * (worksheetsWorkspaceRulesMayFlag). A rule that does not say has every
   * worksheet checked again: slower, never a finding lost.
   */
  mayFlag?(workspace: WorkspaceOverview): Iterable<string>;
  check(ctx: RuleContext<F>): RuleIssue[];
}
