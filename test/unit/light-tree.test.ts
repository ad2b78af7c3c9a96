// Most files are checked without the `yaml` package's Document: data from
// js-yaml, node positions from a line reader (src/core/light-tree.ts). The
// check must not notice: whenever the light read answers, its position tree
// and line starts are the full parse's, and every finding (code, severity,
// message, range, fixes, snippet edits, related locations) is the one the
// full parse gives. Checked on the example workspace, every test fixture, the
// benchmark corpus, and random edits of them.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import fc from 'fast-check';
import { isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import { readLight } from '../../src/core/light-tree';
import type { PosNode } from '../../src/core/parse';
import { parseFile, parseFull } from '../../src/core/parse';
import { checkParsed } from '../../src/core/check';
import type { CheckOptions } from '../../src/core/check';
import { readConfig } from '../../src/core/config';
import { WorkspaceIndex } from '../../src/core/workspace-index';
import { worksheetText } from '../../bench/corpus';
import { CONFIG, CONVENING, REVIEW, WORKSHEET } from './helpers';

function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesBelow(full) : /\.ya?ml$/.test(name) ? [full] : [];
  });
}

const read = (path: string) => new TextDecoder('utf-8').decode(readFileSync(path));
const EXAMPLE_DIR = resolve('examples/community-team');
const EXAMPLES = filesBelow(EXAMPLE_DIR);
const FIXTURES = filesBelow(resolve('test/fixtures'));

function corpus(count: number): string[] {
  let seed = 11;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  return Array.from({ length: count }, (_, n) => worksheetText(rnd, n % 7, n % 3, n));
}

const SEEDS = [...[...EXAMPLES, ...FIXTURES].map(read), WORKSHEET, CONVENING, REVIEW, CONFIG, ...corpus(12)];
const URIS = ['/team/p/a.worksheet.yaml', '/team/c/b.convening.yaml', '/team/r/c.review.yaml', '/team/partner-worksheets.yaml'];

// The example workspace, for the cross-file rules and the team's settings.
const workspace = new WorkspaceIndex(() => '2026-11-24');
for (const path of EXAMPLES) workspace.set(path, read(path));
const config = readConfig(parseAllDocuments(read(join(EXAMPLE_DIR, 'partner-worksheets.yaml')))[0]!.toJS());

/** The property: when the light read answers, the tree, the lines and every finding are the full parse's. */
function agrees(uri: string, text: string, options: CheckOptions): { light: boolean; problem?: string } {
  const light = readLight(text);
  const full = parseFull(uri, text);
  try {
    if (light) {
      assert.deepEqual(full.findings, [], 'the full parse finds a reading problem');
      assert.deepStrictEqual(light.data, full.data);
      assert.deepStrictEqual(light.tree, full.tree);
      assert.deepStrictEqual(light.lines.lineStarts, full.lines.lineStarts);
    }
    assert.deepStrictEqual(checkParsed(parseFile(uri, text), options).findings, checkParsed(full, options).findings);
  } catch (e) {
    return { light: !!light, problem: (e as Error).message };
  }
  return { light: !!light };
}

const PIECES = [' ', '  ', '\n', ':', ': ', '-', '- ', '"', "'", '[', ']', '{', '}', ',', ', ', '?', '|', '>', '0', '1', '.5', 'true', '~', 'null', '\n  ', '\n- ', '\n    ', '  - ', 'x: ', '{a: 1}', '[b]', '"q"', "'s'", "''", '\\', '#', 'é', '2026-13-45'];

type Edit =
  | { op: 'insert'; at: number; piece: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'dropLine' | 'copyLine' | 'joinLines'; line: number; other: number }
  | { op: 'indent'; line: number; count: number; by: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), piece: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ op: fc.constantFrom('dropLine' as const, 'copyLine' as const, 'joinLines' as const), line: fc.nat(), other: fc.nat() }),
  fc.record({ op: fc.constant('indent' as const), line: fc.nat(), count: fc.integer({ min: 1, max: 6 }), by: fc.integer({ min: -4, max: 4 }) }),
);

function apply(text: string, e: Edit): string {
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

/** The same walk over the `yaml` package's Document and the tree parse.ts makes of it. */
function mirrors(node: unknown, pos: PosNode | undefined, where: string): void {
  if (node === null || node === undefined) {
    assert.equal(pos, undefined, where);
    return;
  }
  const n = node as { range: [number, number, number] };
  assert.ok(pos, where);
  assert.deepEqual(pos.range, [n.range[0], n.range[1]], where);
  if (isMap(node)) {
    assert.ok(pos.kind === 'map' && pos.flow === !!node.flow, where);
    assert.equal(pos.pairs.length, node.items.length, where);
    node.items.forEach((p, i) => {
      const q = pos.pairs[i];
      assert.equal(q.keyValue, isScalar(p.key) ? p.key.value : p.key, where);
      mirrors(p.key, q.key, `${where}.key${i}`);
      mirrors(p.value, q.value, `${where}.${String(q.keyValue)}`);
    });
  } else if (isSeq(node)) {
    assert.ok(pos.kind === 'seq' && pos.flow === !!node.flow, where);
    assert.equal(pos.items.length, node.items.length, where);
    node.items.forEach((item, i) => mirrors(item, pos.items[i], `${where}.${i}`));
  } else {
    assert.equal(pos.kind, 'scalar', where);
  }
}

describe('light read (line reader) against the full parse', () => {
  it('the full parse\'s tree mirrors the yaml Document: ranges, flow, keys, items', () => {
    for (const text of SEEDS) {
      const full = parseFull('/t/a.worksheet.yaml', text);
      if (full.doc) mirrors(full.doc.contents, full.tree, 'root');
    }
  });

  it('takes the light path for the corpus and for most example files, with identical trees and findings', () => {
    const options = { today: '2026-11-24', config, workspace };
    let light = 0;
    for (const path of [...EXAMPLES, ...FIXTURES]) {
      const result = agrees(path, read(path), options);
      assert.equal(result.problem, undefined, relative('.', path));
      if (result.light) light++;
    }
    assert.ok(light >= 30, `${light} example and fixture files read the light way`);
    for (const text of corpus(40)) assert.deepEqual(agrees(URIS[0], text, options), { light: true });
  });

  it('declines comments, block scalars, values over several lines, markers and carriage returns', () => {
    for (const text of [
      'kind: worksheet # a comment\n', 'a: |\n  text\n', 'a: >\n  text\n', 'a: one\n  two\n', 'a:\n  one\n', '---\na: 1\n', 'a: 1\r\nb: 2\r\n',
      'a: [1,\n  2]\n', '? a\n: b\n', 'a: &x 1\nb: *x\n', '- [a: b]\n', 'a: "x\\"y": 1\n', '"a\\n": 1\n', 'a', '[a, b]\n', '',
    ]) {
      assert.equal(readLight(text), undefined, JSON.stringify(text));
    }
  });

  it('random edits of real files: the light read, when it answers, gives the full parse\'s tree and findings', () => {
    let light = 0;
    fc.assert(fc.property(fc.constantFrom(...SEEDS), fc.array(edit, { minLength: 1, maxLength: 4 }), fc.nat(), fc.constantFrom('2026-06-01', '2026-11-24', '2027-03-01'), (seed, edits, u, today) => {
      const text = edits.reduce(apply, seed);
      const result = agrees(URIS[u % URIS.length], text, { today, config, workspace });
      if (result.light) light++;
      assert.equal(result.problem, undefined, JSON.stringify(text));
    }), { numRuns: 800 });
    assert.ok(light > 100, `the light read answered ${light} times`);
  });
});
