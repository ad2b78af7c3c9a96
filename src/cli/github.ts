// `check --format github`: GitHub Actions workflow commands, one `::error`,
// `::warning` or `::notice` line per finding, which the runner turns into
// annotations on the pull request's lines. It is for teams whose repositories
// cannot take a SARIF upload (code scanning is not on every plan).
//
// The runner reads commands from the job's log, and every value here comes
// from worksheets written by many hands, so each is escaped the way the runner
// reads it back. The rules are those of @actions/core (packages/core/src/
// command.ts, `escapeData` and `escapeProperty`) and of GitHub's "Workflow
// commands for GitHub Actions": in the message, `%`, CR and LF become `%25`,
// `%0D` and `%0A`; in a property value, `:` and `,` also become `%3A` and
// `%2C`, since they end the properties. So a finding stays one line, and
// nothing in it can start a command or a property of its own. Other control
// and bidi characters are shown as `\uXXXX` (core/visible.ts) before that.
import { oneLine } from '../core/visible';
import type { Finding } from '../core/types';
import type { FileFindings } from './format';
import { slashed } from './io';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

function escapeData(s: string): string {
  return oneLine(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(file: string, f: Finding): string {
  const start = f.range.start;
  const end = f.range.end;
  const props: [string, string | number][] = [['file', file], ['line', start.line + 1], ['endLine', end.line + 1]];
  // @actions/core: columns "cannot be sent when startLine and endLine are different values".
  if (start.line === end.line) props.push(['col', start.character + 1], ['endColumn', end.character + 1]);
  props.push(['title', f.code]);
  const list = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  return `::${COMMAND[f.severity]} ${list}::${escapeData(f.message)}`;
}

/** One annotation per finding, in the order given. */
export function toGithub(results: FileFindings[]): string {
  const lines = results.flatMap((r) => {
    const file = slashed(r.file);
    return r.findings.map((f) => annotation(file, f));
  });
  return lines.length ? `${lines.join('\n')}\n` : '';
}
