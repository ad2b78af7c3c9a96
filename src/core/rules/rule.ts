// The shape of a gap rule (rules are data, after Foam's LintRule): a stable
// code, a default severity the team can override, and a check that returns
// issues with ranges from the parser's nodes and, where it can, a fix.
import type { FileKind, Fix, Range, RelatedLocation, Severity } from '../types';
import type { ParsedFile, YamlView } from '../yaml';
import type { TeamConfig } from '../config';

export const WORKSHEET_STATUSES = ['planned', 'prepared', 'held', 'filled', 'shared'] as const;
export type WorksheetStatus = (typeof WORKSHEET_STATUSES)[number];

/** 0 for planned .. 4 for shared; -1 when the status is missing or unknown. */
export function statusRank(status: unknown): number {
  return WORKSHEET_STATUSES.indexOf(status as WorksheetStatus);
}

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

// Small readers for untyped YAML data.
export function field(data: unknown, ...path: (string | number)[]): unknown {
  let cur = data;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[p];
  }
  return cur;
}

export function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  if (typeof v === 'number') return String(v);
  return undefined;
}

export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function isBlock(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The text of a note that may be a plain string or `{text, themes, quote}`. */
export function noteText(note: unknown): string | undefined {
  return typeof note === 'string' ? text(note) : text(field(note, 'text'));
}
