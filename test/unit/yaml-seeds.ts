// Texts the parser agreement tests start from, and the edits they mutate them
// with: every example and fixture file, the helpers' contract examples, and
// benchmark-corpus worksheets.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import fc from 'fast-check';
import { join, resolve } from 'node:path';
import { worksheetText } from '../../bench/corpus';
import { CONFIG, CONVENING, REVIEW, WORKSHEET } from './helpers';

export function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesBelow(full) : /\.ya?ml$/.test(name) ? [full] : [];
  });
}

/** As the extension and CLI read files: UTF-8, BOM dropped. */
export const read = (path: string) => new TextDecoder('utf-8').decode(readFileSync(path));

export const EXAMPLE_DIR = resolve('examples/community-team');
export const EXAMPLES = filesBelow(EXAMPLE_DIR);
export const FIXTURES = filesBelow(resolve('test/fixtures'));
export const HOSTILE = resolve('test/fixtures/hostile');

/** `count` deterministic bench-corpus worksheets. */
export function corpus(count: number, seed: number): string[] {
  let s = seed;
  const rnd = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
  return Array.from({ length: count }, (_, n) => worksheetText(rnd, n % 7, n % 3, n));
}

export function seeds(corpusSeed: number): string[] {
  return [...[...EXAMPLES, ...FIXTURES].map(read), WORKSHEET, CONVENING, REVIEW, CONFIG, ...corpus(12, corpusSeed)];
}

/** Random edits of a text: characters in and out, lines dropped, copied, joined or re-indented. */
export type TextEdit =
  | { op: 'insert'; at: number; piece: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'dropLine' | 'copyLine' | 'joinLines'; line: number; other: number }
  | { op: 'indent'; line: number; count: number; by: number };

export interface EditRanges {
  /** Pieces to insert, besides short random strings. */
  pieces: string[];
  /** Also insert random characters of any code point. */
  binary?: boolean;
  deleteMax: number;
  indentCount: number;
  indentBy: number;
}

/** One arbitrary per kind of edit, for fc.oneof (callers may add kinds of their own). */
export function textEdits(r: EditRanges): fc.Arbitrary<TextEdit>[] {
  const piece = r.binary
    ? fc.oneof(fc.constantFrom(...r.pieces), fc.string({ maxLength: 3 }), fc.string({ unit: 'binary', maxLength: 2 }))
    : fc.oneof(fc.constantFrom(...r.pieces), fc.string({ maxLength: 3 }));
  return [
    fc.record({ op: fc.constant('insert' as const), at: fc.nat(), piece }),
    fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: r.deleteMax }) }),
    fc.record({ op: fc.constantFrom('dropLine' as const, 'copyLine' as const, 'joinLines' as const), line: fc.nat(), other: fc.nat() }),
    fc.record({ op: fc.constant('indent' as const), line: fc.nat(), count: fc.integer({ min: 1, max: r.indentCount }), by: fc.integer({ min: -r.indentBy, max: r.indentBy }) }),
  ];
}

export function applyTextEdit(text: string, e: TextEdit): string {
  if (e.op === 'insert' || e.op === 'delete') {
    const at = e.at % (text.length + 1);
    return e.op === 'insert' ? text.slice(0, at) + e.piece + text.slice(at) : text.slice(0, at) + text.slice(at + e.length);
  }
  const lines = text.split('\n');
  const i = e.line % lines.length;
  if (e.op === 'indent') {
    const by = e.by;
    for (let k = i; k < Math.min(lines.length, i + e.count); k++) {
      lines[k] = by > 0 ? ' '.repeat(by) + lines[k] : lines[k].replace(new RegExp(`^ {0,${-by}}`), '');
    }
  } else if (e.op === 'dropLine') lines.splice(i, 1);
  else if (e.op === 'copyLine') lines.splice(i, 0, lines[e.other % lines.length]);
  else lines.splice(i, 2, `${lines[i]}${e.other % 2 ? ' ' : ''}${(lines[i + 1] ?? '').trimStart()}`);
  return lines.join('\n');
}
