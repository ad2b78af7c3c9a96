// A text the line reader declines is read by the `yaml` package's lexer and
// CST parser, and its tokens are walked for the data and ranges where the
// composer would report nothing (src/core/yaml/token-tree.ts). The check must
// not notice: whenever the walk answers, the full parse found no problem, and
// its data, position tree and line starts are the walk's. Where the walk
// declines, the full parse composes the same tokens, and says what it says
// for the text read afresh.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readTokens } from '../../src/core/yaml/token-tree';
import { readLight } from '../../src/core/yaml/light-tree';
import { excessiveNesting } from '../../src/core/yaml/nesting';
import { excessiveValues } from '../../src/core/yaml/breadth';
import { parseFile, parseFull, withLineEnds } from '../../src/core/yaml';
import { checkParsed } from '../../src/core/check';
import type { TextEdit } from './yaml-seeds';
import { applyTextEdit, corpus, seeds, textEdits } from './yaml-seeds';

const URI = '/team/p/a.worksheet.yaml';
const SEEDS = seeds(23);

/** The property: when the walk answers, the full parse has no finding and the same data, tree and lines. Returns whether it answered. */
function agrees(written: string): boolean {
  // As parseFile reads a text: a file of lines ending in a carriage return alone with line feeds instead.
  const text = withLineEnds(written);
  // parseFile refuses binary text, and a text that holds too many values or nests too deep, before any reader sees it.
  if (text.includes('\u0000') || text.includes('\uFFFD') || excessiveValues(text) !== undefined || excessiveNesting(text) !== undefined) return false;
  const read = readTokens(text).read;
  const full = parseFull(URI, text);
  if (read) {
    assert.deepEqual(full.findings, [], `the full parse finds a reading problem in ${JSON.stringify(text)}`);
    assert.deepStrictEqual(read.data, full.data, JSON.stringify(text));
    assert.deepStrictEqual(read.tree, full.tree, JSON.stringify(text));
    assert.deepStrictEqual(read.lines.lineStarts, full.lines.lineStarts, JSON.stringify(text));
  }
  // parseFile takes the line reader, the walk or the full parse of the walked tokens: the same findings either way.
  assert.deepStrictEqual(parseFile(URI, text).findings, full.findings, JSON.stringify(text));
  return !!read;
}

/** Pieces people type, and everything the walk must leave to the full parse. */
const PIECES = [' ', '  ', '\n', ':', ': ', '-', '- ', '"', "'", '[', ']', '{', '}', ',', ', ', ',\n  ', '?', '? ', '|', '>', '0', '1', '.5', 'true', '~', 'null', '\n  ', '\n- ', '\n    ',
  'x: ', '{a: 1}', '[b]', '"q"', "'s'", "''", '\\', '#', ' #', ' # c', ', # c\n   ', '[a, # c\n  b]', '{a: 1, # c\n  b: 2}', '{a: }', '[a, ]', '[a: b]', '{a}', '\t', ' \t', '&a ', '*a', '!t ', '!!str ',
  '\r', '\r\n', '\r\n  ', '---\n', '...\n', '%YAML 1.2\n---\n', '\uFEFF', '__proto__: 1\n', 'k: 1\nk: 2\n', '<<: {a: 1}\n', '1: a\n"1": b\n', 'null: n\n'];

const edit: fc.Arbitrary<TextEdit> = fc.oneof(...textEdits({ pieces: PIECES, deleteMax: 8, indentCount: 6, indentBy: 4 }));

// Flow collections broken over lines with comments inside them, as people break a long list and note a line: the texts the line reader leaves to the walk.
interface FlowItem { key: string; value: string; comment: string; breakAfter: boolean }
const flowItem: fc.Arbitrary<FlowItem> = fc.record({
  key: fc.constantFrom('name', 'role', '"quoted key"', "'it''s'", '1', 'true', 'null', ''),
  value: fc.constantFrom('Ana', 'two words', '"a, b"', "'x # y'", '1', '~', '', '[a, b]', '{c: d}', 'https://example.org/x'),
  comment: fc.constantFrom('', '', ' # who we met', ' #', ' # a: b'),
  breakAfter: fc.boolean(),
});
const flows: fc.Arbitrary<string> = fc.record({
  map: fc.boolean(),
  items: fc.array(flowItem, { minLength: 1, maxLength: 4 }),
  trailingComma: fc.boolean(),
  indent: fc.constantFrom(4, 6, 8),
  after: fc.constantFrom('', ' # end', '\n  # a comment line', '\nnext: value'),
  inList: fc.boolean(),
}).map(({ map, items, trailingComma, indent, after, inList }) => {
  const pad = ' '.repeat(indent);
  let body = '';
  items.forEach((it, i) => {
    const entry = map ? `${it.key || 'k'}: ${it.value}` : it.value || 'x';
    const last = i === items.length - 1;
    const comma = last ? (trailingComma ? ',' : '') : ',';
    body += `${entry}${comma}`;
    // A comment needs a line break after it, or it would swallow the closing bracket.
    if (it.comment) body += `${it.comment}\n${pad}`;
    else if (!last && it.breakAfter) body += `\n${pad}`;
    else if (!last) body += ' ';
  });
  const [open, close] = map ? ['{', '}'] : ['[', ']'];
  const head = inList ? 'people:\n  - ' : 'people: ';
  return `partner_id: p1\ndate: 2026-11-02\n${head}${open}${body}${close}${after}\nthanked: true\n`;
});

describe('token read (the yaml CST without its Document) against the full parse', () => {
  it('reads the benchmark\'s declined worksheet, a list with a comment inside, as the full parse does', () => {
    for (const sample of corpus(12, 5)) {
      const declined = sample.replace(/^( {2}people: \[\{name: [^,]+,) (role: .*)$/m, '$1 # who we met\n      $2');
      if (declined === sample) continue;
      assert.equal(readLight(declined), undefined, 'the line reader declines it');
      assert.ok(agrees(declined), 'the walk answers');
      const options = { today: '2026-11-24' };
      assert.deepStrictEqual(checkParsed(parseFile(URI, declined), options).findings, checkParsed(parseFull(URI, declined), options).findings);
    }
  });

  it('flow collections with comments and line breaks inside: the walk answers, with the full parse\'s data, tree and lines', () => {
    let answered = 0;
    fc.assert(fc.property(flows, (text) => {
      if (agrees(text)) answered++;
    }), { numRuns: 500 });
    assert.ok(answered > 300, `the walk answered ${answered} of 500`);
  });

  it('declines what the composer would look at further, and the full parse words it', () => {
    const declined: [string, string][] = [
      ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
      ['a tag', 'a: !!str 1\n'],
      ['an explicit key', '? a\n: 1\n'],
      ['a directive', '%YAML 1.2\n---\na: 1\n'],
      ['two documents', 'a: 1\n---\nb: 2\n'],
      ['a document end marker', 'a: 1\n...\n'],
      ['a tab before a value', 'a:\t1\n'],
      ['a key twice', 'a: 1\na: 2\n'],
      ['a key twice in a flow map', 'a: {b: 1, b: 2}\n'],
      ['two keys with one text', '1: a\n"1": b\n'],
      ['`__proto__`', '__proto__: 1\n'],
      ['a comment with no space before it', 'a: [b,# c\n  d]\n'],
      ['a pair in a list', 'a: [b: c]\n'],
      ['a key without a value in a flow map', 'a: {b}\n'],
      ['a list with a comma too many', 'a: [b, , c]\n'],
      ['an unclosed list', 'a: [b, # c\nd: e\n'],
      ['a value starting with a reserved character', 'a: [b, # c\n  @d]\n'],
      ['a list closed by a brace', 'a: [b, # c\n  c}\n'],
      ['a map closed by a bracket', 'a: {b: c, # c\n  d: e]\n'],
      ['a key over two lines', 'a\n b: 1\n'],
      ['a key not indented as the others', 'a:\n  b: 1\n   c: 2\n'],
      ['an empty document', '# only a comment\n'],
    ];
    for (const [what, text] of declined) {
      assert.equal(readTokens(text).read, undefined, what);
      assert.deepStrictEqual(parseFile(URI, text).findings, parseFull(URI, text).findings, what);
      assert.deepStrictEqual(parseFile(URI, text).data, parseFull(URI, text).data, what);
    }
  });

  it('reads keys that are not text as toJS names them: null as the empty key, numbers and booleans as their text', () => {
    const text = 'a: [x, # c\n  y]\nnull: n\n~0: z\n1.50: f\ntrue: t\n';
    assert.equal(readLight(text), undefined);
    assert.ok(agrees(text));
    assert.deepStrictEqual(readTokens(text).read?.data, { a: ['x', 'y'], '': 'n', '~0': 'z', '1.5': 'f', true: 't' });
  });

  it('random edits of real files: the walk, when it answers, gives the full parse\'s data, tree and lines', () => {
    let answered = 0;
    let beyondLight = 0;
    fc.assert(fc.property(fc.constantFrom(...SEEDS), fc.array(edit, { minLength: 1, maxLength: 4 }), (seed, edits) => {
      const text = edits.reduce(applyTextEdit, seed);
      if (agrees(text)) {
        answered++;
        if (!readLight(text)) beyondLight++;
      }
    }), { numRuns: 1500 });
    assert.ok(answered > 300, `the walk answered ${answered} times`);
    assert.ok(beyondLight > 30, `the walk answered ${beyondLight} times where the line reader declined`);
  });
});
