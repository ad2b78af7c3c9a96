// The index reads most files with js-yaml (src/core/yaml/quick-read.ts) and keeps
// the `yaml` package's full parse for the rest. Whatever a user writes, the
// two paths must not disagree: whenever the quick path answers, its data is the
// full parse's data and the full parse finds no reading problem. Checked on
// every example and fixture file, on benchmark-corpus worksheets, and on
// random edits of them.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { CORE_SCALAR, UNSURE_CLAUSES, quickRead, quickReadUnless, resolvePlain, unsureTest } from '../../src/core/yaml/quick-read';
import { YamlView, parseFull } from '../../src/core/yaml';
import { WorkspaceIndex } from '../../src/core/workspace';
import { EXAMPLES, FIXTURES, HOSTILE, applyTextEdit, corpus, read, seeds, textEdits } from './yaml-seeds';
import { REVIEW, WORKSHEET } from './helpers';

const TODAY = '2026-11-24';

const SEEDS = seeds(7);

/** The property: the quick path either declines or gives the full parse's data, with no reading problem. */
function agrees(text: string, read = quickRead): { quick: boolean; problem?: string } {
  const quick = read(text);
  if (!quick) return { quick: false };
  // parseFull, not parseFile: parseFile itself takes the quick read's data where it can.
  const full = parseFull('/t/a.worksheet.yaml', text);
  if (full.findings.length) return { quick: true, problem: `the full parse finds ${full.findings.map((f) => f.message).join('; ')}` };
  try {
    assert.deepStrictEqual(quick.data, full.data);
  } catch (e) {
    return { quick: true, problem: (e as Error).message };
  }
  return { quick: true };
}

// Pieces of YAML syntax and of odd input, for insertions.
const PIECES = [' ', '  ', '\n', '\r\n', '\r', '\t', ':', ': ', '-', '- ', '#', ' #', '"', "'", '[', ']', '{', '}', ',', '&a ', '*a', '!', '!!str ', '?', '? ', '|', '>', '|-', '>+', '%', '@', '`', '\\', '---', '...', '<<: ', '0', '1', '.', 'e3', '+', '0x1F', '0o7', '0b1', '-.5', '.inf', '.NaN', '1_000', 'null', '~', 'true', 'False', 'Yes', '2026-02-30', '\u00e9', '\u2028', '\u0085', '\ufeff', '\u0001', '"\\u0041"', "''", '\n  ', '\n- ', '\n    ', 'x'.repeat(1100)];

const edit = fc.oneof(...textEdits({ pieces: PIECES, binary: true, deleteMax: 6, indentCount: 5, indentBy: 3 }));
const apply = applyTextEdit;

describe('quick read (js-yaml) against the full parse', () => {
  it('takes the quick path for every clean example and corpus worksheet, with the same data', () => {
    for (const path of EXAMPLES) {
      const result = agrees(read(path));
      assert.equal(result.problem, undefined, relative('.', path));
      assert.ok(result.quick, `${relative('.', path)} should not need the full parse`);
    }
    for (const text of corpus(50, 7)) assert.deepEqual(agrees(text), { quick: true });
  });

  it('leaves every hostile file that has a reading problem or an alias to the full parse', () => {
    const needFull = ['alias-bomb', 'bad-indent', 'binary', 'duplicate-keys', 'empty', 'only-comments', 'tabs', 'two-documents', 'unclosed-flow', 'unclosed-quote'];
    for (const name of readdirSync(HOSTILE)) {
      const text = read(join(HOSTILE, name));
      const result = agrees(text);
      assert.equal(result.problem, undefined, name);
      if (needFull.some((n) => name.startsWith(`${n}.`))) assert.equal(result.quick, false, `${name} must go through the full parse`);
    }
  });

  it('declines aliases (a merge key with one too), tags, directives, extra documents and keys js-yaml reads apart', () => {
    for (const text of [
      'a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a: !custom x\n', 'base: {x: 1}\nb:\n  <<: *base\n', '%YAML 1.2\n---\na: 1\n',
      'a: 1\n---\nb: 2\n', 'a: 1\n...\n', '? [a, b]\n: c\n', '[a, b]: c\n', 'm: {a, [b]}\n', 'null: x\n', '~: x\n',
      'a:\n    -\n   - b\n', 'a: "two\n  lines"\n', 'a: [one,\n  two]\n', 'a: [b]#c\n', '',
    ]) {
      assert.equal(quickRead(text), undefined, JSON.stringify(text));
      assert.equal(agrees(text).problem, undefined);
    }
  });

  // Each clause of the refusal pattern, with a text it catches (which the
  // quick path, were the clause left out, would read apart from the full
  // parse or without its finding) and a near miss it lets through.
  const CLAUSE_CASES: Record<keyof typeof UNSURE_CLAUSES, { catches: string; nearMiss: string }> = {
    commentAfterQuoteOrBracket: { catches: 'quote: "We make the work"# she said\n', nearMiss: 'quote: "We make the work" # she said\n' },
    anchorAliasOrTag: { catches: 'status: !\n', nearMiss: 'note: Q&A, 5*3 and wow!\n' },
    directive: { catches: '%YAML 1.2\n  ---\nstatus: held\n', nearMiss: 'note: 50% of partners\n' },
    documentMarker: { catches: '---status: held\n', nearMiss: 'note: ---\n' },
    explicitKey: { catches: '? -\n', nearMiss: 'note: why?\n' },
    collectionKey: { catches: '[a, b]: c\n', nearMiss: 'themes: [a, b]\nnote: c\n' },
    emptyListItem: { catches: 'a:\n    -\n   - b\n', nearMiss: 'a:\n  - -1\n' },
    tab: { catches: '\tnote', nearMiss: 'note: "\\tindented"\n' },
    byteOrderMark: { catches: '\n\uFEFFnote', nearMiss: 'note: "\\uFEFF"\n' },
    // A carriage return alone among lines that end in line feeds (where they end the lines, all are read as line feeds: parse.ts).
    loneCarriageReturn: { catches: 'status: held\rround: a\nthanked: true\n', nearMiss: 'status: held\r\nround: a\r\n' },
    indentationIndicator: { catches: 'note: |2\n    \nround: a\n', nearMiss: 'note: |-\n  a\n' },
    spacesLeadingBlockScalar: { catches: 'note: |-\n  \n #', nearMiss: 'note: |\n\n  a\n' },
    rootBlockScalar: { catches: ' >\n#a', nearMiss: 'note: >\n  a\n' },
    spaceAtEnd: { catches: 'note: |+\n  a\n  ', nearMiss: 'note: |+\n  a\n  \n' },
  };

  for (const [name, { catches, nearMiss }] of Object.entries(CLAUSE_CASES) as [keyof typeof UNSURE_CLAUSES, { catches: string; nearMiss: string }][]) {
    it(`refuses by clause ${name}: ${JSON.stringify(catches)}, not ${JSON.stringify(nearMiss)}`, () => {
      const others = unsureTest(Object.entries(UNSURE_CLAUSES).filter(([n]) => n !== name).map(([, c]) => c));
      const without = agrees(catches, (t) => quickReadUnless(others, t));
      assert.ok(without.quick && without.problem, `without ${name} the quick path would read ${JSON.stringify(catches)} as the full parse does`);
      assert.ok(UNSURE_CLAUSES[name].test(catches));
      assert.equal(quickRead(catches), undefined);
      assert.equal(UNSURE_CLAUSES[name].test(nearMiss), false);
      assert.deepEqual(agrees(nearMiss), { quick: true });
    });
  }

  it('the screen before the core schema\'s pattern lets through every scalar the pattern resolves', () => {
    const pieces = ['~', 'null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '0o', '0x', '1', '7', 'a', 'F', 'e', 'E', '.', '+', '-', 'inf', 'Inf', 'nan', 'NaN', ' ', 'x', '_'];
    let resolved = 0;
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 4 }), (parts) => {
      const s = parts.join('');
      const value = resolvePlain(s);
      if (CORE_SCALAR.test(s)) {
        resolved++;
        assert.ok(typeof value !== 'string', s);
      } else assert.equal(value, s);
    }), { numRuns: 20000 });
    assert.ok(resolved > 1000, `${resolved} texts were core scalars`);
  });

  it('resolves plain scalars as the YAML 1.2 core schema does', () => {
    const text = 'a: [1, -0, +12, 0o17, 0x1F, 1.50, -.5, 1e3, .inf, -.Inf, .nan, 0b11, 1_000, -0x1F, 012, 2026-10-14, "12", true, True, yes, ~, null, NULL, Null, nULL]\n';
    assert.deepEqual(agrees(text), { quick: true });
    assert.deepStrictEqual((quickRead(text)!.data as { a: unknown[] }).a, [1, -0, 12, 15, 31, 1.5, -0.5, 1000, Infinity, -Infinity, NaN, '0b11', '1_000', '-0x1F', 12, '2026-10-14', '12', true, true, 'yes', null, null, null, null, 'nULL']);
  });

  it('random edits of real files: whenever the quick path answers, it agrees with the full parse', () => {
    let quick = 0;
    fc.assert(fc.property(fc.constantFrom(...SEEDS), fc.array(edit, { minLength: 1, maxLength: 4 }), (seed, edits) => {
      const text = edits.reduce(apply, seed);
      const result = agrees(text);
      if (result.quick) quick++;
      assert.equal(result.problem, undefined, JSON.stringify(text));
    }), { numRuns: 1500 });
    // The property is only worth something if the quick path is taken often.
    assert.ok(quick > 150, `the quick path answered ${quick} times`);
  });
});

describe('index positions, made on demand', () => {
  it('gives each meeting the range of its partner id (else organization) and each note its line, as the full parse places them', () => {
    const index = new WorkspaceIndex(() => TODAY);
    const worksheets = [...EXAMPLES, ...FIXTURES].filter((p) => /\.worksheet\.yaml$/.test(p) && !p.startsWith(HOSTILE));
    for (const path of worksheets) index.set(path, read(path));
    for (const path of worksheets) {
      const doc = index.get(path)!;
      const view = new YamlView(parseFull(path, doc.text));
      const partner = view.rangeOfNode(view.node(['partner', 'id'])) ?? view.rangeOfNode(view.node(['partner', 'organization']));
      assert.deepEqual(doc.meeting?.range, partner, relative('.', path));
      const expected: Record<string, number> = {};
      const notes = (doc.data as { notes?: Record<string, unknown> }).notes ?? {};
      for (const [category, value] of Object.entries(notes)) {
        if (Array.isArray(value)) value.forEach((_, i) => { expected[`notes.${category}.${i}`] = view.rangeOfNode(view.node(['notes', category, i]))!.start.line + 1; });
        else expected[`notes.${category}`] = view.rangeOfNode(view.node(['notes', category]))!.start.line + 1;
      }
      assert.deepEqual(doc.lines, expected, relative('.', path));
    }
  });

  it('a restored snapshot answers with the same data, meetings, ranges and lines as a fresh read', () => {
    const index = new WorkspaceIndex(() => TODAY);
    for (const path of EXAMPLES) index.set(path, read(path));
    const first = EXAMPLES.find((p) => p.endsWith('.worksheet.yaml'))!;
    void index.get(first)!.lines; // one document with its positions made, the rest without
    const stamps = new Map(EXAMPLES.map((p) => [p, 'same']));
    const snap = JSON.parse(JSON.stringify(index.snapshot((u) => stamps.get(u))));
    const warm = new WorkspaceIndex(() => TODAY);
    assert.deepEqual(warm.restore(snap, stamps), []);
    const fresh = new WorkspaceIndex(() => TODAY);
    for (const path of EXAMPLES) fresh.set(path, read(path));
    for (const path of EXAMPLES) {
      const [a, b] = [warm.get(path)!, fresh.get(path)!];
      assert.deepEqual(a.data, b.data, path);
      assert.deepEqual(a.readFindings, b.readFindings, path);
      assert.deepEqual({ ...a.meeting, range: a.meeting?.range }, { ...b.meeting, range: b.meeting?.range }, path);
      assert.deepEqual(a.lines, b.lines, path);
      assert.deepEqual(warm.check(path), fresh.check(path), path);
    }
  });

  it('a worksheet whose facts JSON cannot keep (a duration of .nan) is read again rather than restored', () => {
    const index = new WorkspaceIndex(() => TODAY);
    const odd = '/team/a/2026-10-14.worksheet.yaml';
    const plain = '/team/b/2026-10-14.worksheet.yaml';
    index.set(odd, WORKSHEET.replace('duration_minutes: 45', 'duration_minutes: .nan'));
    index.set(plain, WORKSHEET);
    const stamps = new Map([[odd, 'a'], [plain, 'b']]);
    const warm = new WorkspaceIndex(() => TODAY);
    assert.deepEqual(warm.restore(JSON.parse(JSON.stringify(index.snapshot((u) => stamps.get(u)))), stamps), [odd]);
  });

  it('hostile files read through the index give the full parse\'s data and reading problems', () => {
    const index = new WorkspaceIndex(() => TODAY);
    for (const name of readdirSync(HOSTILE)) {
      const uri = `/ws/${name}`;
      const text = read(join(HOSTILE, name));
      index.set(uri, text);
      const full = parseFull(uri, text);
      assert.deepEqual(index.get(uri)!.readFindings, full.findings, name);
      assert.deepStrictEqual(index.get(uri)!.data, full.data, name);
    }
  });
});

describe('index caches', () => {
  it('rounds follow an edit of a review\'s date, and meetings follow an edit of a worksheet', () => {
    const index = new WorkspaceIndex(() => '2026-10-20');
    const review = (round: string, date: string) => REVIEW.replace(/^round: .*$/m, `round: ${round}`).replace(/^date: .*$/m, `date: ${date}`);
    index.set('/team/reviews/a.review.yaml', review('round-a', '2026-01-01'));
    index.set('/team/reviews/b.review.yaml', review('round-b', '2026-02-01'));
    assert.deepEqual(index.rounds(), ['round-a', 'round-b']);
    index.set('/team/reviews/a.review.yaml', review('round-a', '2026-03-01'));
    assert.deepEqual(index.rounds(), ['round-b', 'round-a']);
    const uri = '/team/riverside-youth/2026-10-14.worksheet.yaml';
    index.set(uri, WORKSHEET);
    assert.deepEqual(index.meetings().map((m) => m.status), ['shared']);
    index.set(uri, WORKSHEET.replace('status: shared', 'status: held'));
    assert.deepEqual(index.meetings().map((m) => m.status), ['held']);
  });


  it('findings checked without the schema follow an edit too', () => {
    const index = new WorkspaceIndex(() => '2026-10-20');
    const uri = '/team/riverside-youth/2026-10-14.worksheet.yaml';
    index.set(uri, WORKSHEET);
    assert.ok(!index.check(uri, { skipSchema: true }).some((f) => f.code === 'not-thanked'));
    index.set(uri, WORKSHEET.replace('thanked: true', 'thanked: false'));
    assert.ok(index.check(uri, { skipSchema: true }).some((f) => f.code === 'not-thanked'));
  });
});
