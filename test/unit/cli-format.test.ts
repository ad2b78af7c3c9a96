// `check --format json` is written in pieces of a few hundred findings (a
// large check prints megabytes). What a script reading it would notice if the
// pieces went wrong: JSON that does not parse, a finding lost or doubled at a
// seam, or output that differs from one piece of JSON by a single byte.
import assert from 'node:assert/strict';
import { sep } from 'node:path';
import { formatFindings } from '../../src/cli/format';
import type { FileFindings, JsonFinding } from '../../src/cli/format';
import type { Finding } from '../../src/core/types';

/** `files` files of `each` findings, in order of line within each file. */
function results(files: number, each: number): FileFindings[] {
  return Array.from({ length: files }, (_, i) => ({
    // As the system writes paths: with a backslash on Windows, which the JSON prints as `/`.
    file: `partner-${i}${sep}${i}.worksheet.yaml`,
    findings: Array.from({ length: each }, (_, j): Finding => ({
      code: j % 2 ? 'missing-confirmation' : 'overdue-follow-up',
      severity: j % 3 ? 'warning' : 'error',
      message: `Finding ${j} of "file" ${i}: ✓ ü \u2028`,
      range: { start: { line: j, character: 2 }, end: { line: j, character: 9 } },
    })),
  }));
}

/** What the JSON format printed as one piece: every finding of every file, in order, with `/` in paths. */
function whole(r: FileFindings[]): string {
  const all: JsonFinding[] = r.flatMap(({ file, findings }) => findings.map((f) => ({
    file: file.split(sep).join('/'),
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    severity: f.severity,
    code: f.code,
    message: f.message,
  })));
  return `${JSON.stringify(all, null, 2)}\n`;
}

describe('check --format json in pieces', () => {
  for (const [files, each] of [[0, 0], [3, 0], [1, 1], [1, 200], [20, 10], [40, 11], [7, 301]]) {
    it(`${files} files of ${each} findings: byte for byte one piece of JSON`, () => {
      const r = results(files, each);
      const pieces = [...formatFindings(r, 'json', '0.0.0')];
      assert.equal(pieces.join(''), whole(r));
      assert.equal((JSON.parse(pieces.join('')) as unknown[]).length, files * each);
      // A piece holds at most a few hundred findings, however many there are.
      if (files * each > 400) assert.ok(pieces.length >= Math.floor((files * each) / 200), `${pieces.length} pieces`);
      for (const p of pieces) assert.ok(p.length < 128 * 1024, `a piece of ${p.length} characters`);
    });
  }
});
