// The shape of a gap rule (rules are data, after Foam's LintRule): a stable
// code, a default severity the team can override, and a check that returns
// issues with ranges from the parser's nodes and, where it can, a fix.
import type { FileKind, Fix, Range, RelatedLocation, Severity } from '../types';
import type { ParsedFile, YamlView } from '../yaml';
import type { TeamConfig } from '../facts/settings';

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

/** What cross-file rules may ask of the workspace. */
export interface WorkspaceFacts {
  knownPartner(id: string): boolean;
  meetingsOf(partnerId: string): MeetingRef[];
  meetingsInRound(round: string): MeetingRef[];
  partnerIds(): string[];
}

export interface RuleContext {
  uri: string;
  file: ParsedFile;
  view: YamlView;
  /** The document's root block (an object: rules do not run on anything else). */
  data: Record<string, unknown>;
  today: string;
  config: TeamConfig;
  workspace: WorkspaceFacts | undefined;
}

export interface RuleIssue {
  message: string;
  range: Range;
  fixes?: Fix[];
  related?: RelatedLocation[];
}

export interface Rule {
  code: string;
  /** The file kinds the rule reads. */
  kind: FileKind | readonly FileKind[];
  defaultSeverity: Severity;
  /** One line for docs and `--help`: what the rule looks for. */
  summary: string;
  /** Needs the workspace index (other files). */
  crossFile?: boolean;
  check(ctx: RuleContext): RuleIssue[];
}
