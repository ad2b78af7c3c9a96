// The shape of a gap rule (rules are data, after Foam's LintRule): a stable
// code, a default severity the team can override, and a check that returns
// issues with ranges from the parser's nodes and, where it can, a fix. Rules
// read the file's typed facts (src/core/facts), never its raw data.
import type { Fix, Range, RelatedLocation, Severity } from '../types';
import type { ParsedFile, YamlView } from '../yaml';
import type { FileFacts, TeamConfig } from '../facts';

/** A worksheet of another file, as cross-file rules see it. */
export interface MeetingRef {
  uri: string;
  partnerId: string;
  status: string | undefined;
  round: string | undefined;
  date: string | undefined;
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
   * Reads the workspace index when it is given, and says less without it
   * (missing-round names the round of the meetings near by date). Its
   * findings, like a cross-file rule's, are those of a check with the
   * workspace (CheckOptions.onlyWorkspaceRules).
   */
  readsWorkspace?: boolean;
  check(ctx: RuleContext<F>): RuleIssue[];
}
