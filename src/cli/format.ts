// Output formats of `partner-worksheets check`: text for people and problem
// matchers, JSON for scripts, SARIF 2.1.0 for code-scanning tools, GitHub
// Actions workflow commands (github.ts) for annotations without SARIF.
import { sep } from 'node:path';
import type { Finding } from '../core/types';
import { ALL_CODES, FILE_CODES, RULES } from '../core/rules';
import { oneLine } from '../core/visible';
import { toGithub } from './github';
import { slashed } from './io';
import { byCodeUnit } from '../core/order';

export const CHECK_FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];


export interface FileFindings {
  /** Path relative to the working directory, with the platform's separators. */
  file: string;
  findings: Finding[];
}

/**
 * The output of a check in this format, in pieces to be written one after the
 * other. JSON, the format for scripts, comes in pieces of a few hundred findings: a
 * check of 10,000 worksheets prints megabytes, and the whole of it at once
 * (the findings as objects, the text, and that text encoded for the write)
 * takes memory that pieces of it reuse.
 */
export function* formatFindings(results: FileFindings[], format: CheckFormat, version: string): Generator<string> {
  switch (format) {
    case 'github':
      yield toGithub(results.map((r) => ({ file: r.file, findings: sorted(r.findings) })));
      return;
    case 'json':
      yield* jsonChunks(results);
      return;
    case 'sarif':
      yield `${JSON.stringify(toSarif(results, version), null, 2)}\n`;
      return;
    default:
      yield toText(results);
  }
}

/** Findings per piece of JSON: its text stays below the size V8 gives a page of its own (128 KB). */
const JSON_CHUNK = 200;

/**
 * Every finding as a JsonFinding, in one array, as `JSON.stringify(all, null,
 * 2)` and a line feed write it, in pieces: each element is written out here,
 * in JSON.stringify's layout, with JSON.stringify for its strings. Made as
 * objects and stringified whole, the 100,000 findings of 10,000 small
 * worksheets took twice the time. A file's path is stringified once.
 */
function* jsonChunks(results: FileFindings[]): Generator<string> {
  let elements: string[] = [];
  let first = true;
  const flush = (): string => {
    const piece = `${first ? '[\n' : ',\n'}${elements.join(',\n')}`;
    first = false;
    elements = [];
    return piece;
  };
  for (const r of results) {
    const file = JSON.stringify(slashed(r.file));
    for (const f of sorted(r.findings)) {
      elements.push(jsonElement(file, f));
      if (elements.length === JSON_CHUNK) yield flush();
    }
  }
  if (elements.length) yield flush();
  yield first ? '[]\n' : '\n]\n';
}

/** A JsonFinding as an element of an array that JSON.stringify indents by 2; `file` is stringified already. */
function jsonElement(file: string, f: Finding): string {
  const { start, end } = f.range;
  return `  {
    "file": ${file},
    "line": ${start.line + 1},
    "column": ${start.character + 1},
    "endLine": ${end.line + 1},
    "endColumn": ${end.character + 1},
    "severity": ${quoted(f.severity)},
    "code": ${quoted(f.code)},
    "message": ${JSON.stringify(f.message)}
  }`;
}

/**
 * A severity or rule code as a JSON string. There are a few dozen, each
 * printed thousands of times: each is stringified once.
 */
function quoted(word: string): string {
  let json = QUOTED.get(word);
  if (json === undefined) QUOTED.set(word, (json = JSON.stringify(word)));
  return json;
}
const QUOTED = new Map<string, string>();

function toText(results: FileFindings[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const f of sorted(r.findings)) {
      // One finding, one line: partner text in a path or a message cannot start another.
      lines.push(oneLine(`${r.file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.code} ${f.message}`));
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/**
 * The line closing a run for people (text and github formats, on stderr): the
 * counts, or, when nothing was found, one line that says so.
 */
export function summaryLine(results: FileFindings[], quiet: boolean): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const checked = `${plural(results.length, 'file')} checked`;
  const { error: errors, warning: warnings, info: infos } = severityCounts(results);
  // --quiet keeps errors only, so an empty run under it says no more than that.
  if (errors + warnings + infos === 0) return `${checked}: ${quiet ? 'no errors' : 'no findings'}\n`;
  return `${checked}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info\n`;
}

/** How many findings of each severity, in one pass over every file's findings. */
export function severityCounts(results: FileFindings[]): Record<Finding['severity'], number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const r of results) for (const f of r.findings) counts[f.severity]++;
  return counts;
}

/** A file's findings by position, then code. */
function sorted(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || byCodeUnit(a.code, b.code));
}

/** A finding as `--format json` prints it: 1-based lines and columns (jsonElement writes it out). */
export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

/**
 * A relative path as a URI reference (RFC 3986): each segment percent-encoded,
 * so a `#`, `?`, `%` or space stays part of the name, and a first segment with
 * a `:` cannot read as a scheme.
 */
export function uriReference(path: string, separator: string = sep): string {
  // A backslash separates folders only on Windows; elsewhere it is part of a name, percent-encoded.
  return path.split(separator === '\\' ? /[\\/]/ : '/').map((seg) => (seg === '..' || seg === '.' ? seg : encodeURIComponent(seg))).join('/');
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

function toSarif(results: FileFindings[], version: string): unknown {
  const summaries = new Map<string, { summary: string; severity: string }>();
  for (const r of RULES) summaries.set(r.code, { summary: r.summary, severity: r.defaultSeverity });
  for (const [code, v] of Object.entries(FILE_CODES)) summaries.set(code, { summary: v.summary, severity: v.defaultSeverity });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'partner-worksheets',
          version,
          rules: ALL_CODES.map((code) => ({
            id: code,
            name: code,
            shortDescription: { text: summaries.get(code)?.summary ?? code },
            help: { text: `${summaries.get(code)?.summary ?? code} See docs/rules.md#${code} in the Partner Worksheets repository.` },
            defaultConfiguration: { level: SARIF_LEVEL[(summaries.get(code)?.severity ?? 'warning') as keyof typeof SARIF_LEVEL] },
          })),
        },
      },
      results: results.flatMap((r) => {
        const artifactLocation = { uri: uriReference(r.file) };
        return sorted(r.findings).map((f) => ({
          ruleId: f.code,
          level: SARIF_LEVEL[f.severity],
          message: { text: f.message },
          locations: [{
            physicalLocation: {
              artifactLocation,
              region: {
                startLine: f.range.start.line + 1,
                startColumn: f.range.start.character + 1,
                endLine: f.range.end.line + 1,
                endColumn: f.range.end.character + 1,
              },
            },
          }],
        }));
      }),
    }],
  };
}

/**
 * The SARIF of a run that stopped before it could check (exit 2: a file it
 * could not read, a folder with nothing to check): no results, the run marked
 * unsuccessful, each reason a notification. A workflow that uploads the SARIF
 * after a failed check (as examples/ci does) then uploads a valid log, where
 * an empty file failed the upload too.
 */
export function sarifOfFailedRun(reasons: readonly string[], version: string): string {
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'partner-worksheets', version } },
      invocations: [{
        executionSuccessful: false,
        toolExecutionNotifications: reasons.map((text) => ({ level: 'error', message: { text } })),
      }],
      results: [],
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
