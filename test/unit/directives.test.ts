// `# worksheets-disable` directives are found two ways: from the position
// tree of a text that parsed cleanly (a candidate line no scalar covers is a
// comment), and from the `yaml` package's lexer otherwise. The tree way saves
// a lexer pass over every worksheet that holds a directive, so it must find
// exactly what the lexer finds, on real files and on random edits of them.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { disabledCodes } from '../../src/core/check';
import { parseFile } from '../../src/core/yaml';
import { applyTextEdit, seeds, textEdits } from './yaml-seeds';

const DIRECTIVES = ['# worksheets-disable-next-line meeting-length', '# worksheets-disable not-thanked', '#worksheets-disable', '  # worksheets-disable-next-line a, b'];
const PIECES = [...DIRECTIVES.flatMap((d) => [`\n${d}\n`, `\n    ${d}`, d]), ' ', '\n', '\n  ', ': ', '- ', '|', '|\n', '>-\n', '"', "'", '[', ']', '{', '}', ', ', 'x', '\r\n', '\t'];
const edit = fc.oneof(...textEdits({ pieces: PIECES, deleteMax: 6, indentCount: 5, indentBy: 4 }));
const SEEDS = seeds(5).map((s, i) => (i % 2 ? s : s.replace(/\n(\s*)(\w+:)/, `\n$1${DIRECTIVES[i % DIRECTIVES.length].trim()}\n$1$2`)));

const plain = (d: ReturnType<typeof disabledCodes>) => ({ file: [...d.file].sort(), lines: [...d.lines].map(([l, s]) => [l, [...s].sort()]).sort() });

describe('disable directives', () => {
  it('the position tree finds the directives the lexer finds, on real files and random edits of them', () => {
    let withTree = 0;
    fc.assert(fc.property(fc.constantFrom(...SEEDS), fc.array(edit, { minLength: 1, maxLength: 4 }), (seed, edits) => {
      const text = edits.reduce(applyTextEdit, seed);
      const file = parseFile('/t/a.worksheet.yaml', text);
      if (file.findings.length || !file.tree || !text.includes('worksheets-disable')) return;
      withTree++;
      // The check passes the text as parsed: lone carriage returns read as line feeds (parse.ts's withLineEnds).
      assert.deepEqual(plain(disabledCodes(file.text, file.tree)), plain(disabledCodes(file.text)), JSON.stringify(text));
    }), { numRuns: 2000 });
    assert.ok(withTree > 150, `only ${withTree} texts with a directive parsed`);
  });

  it('a lone carriage return does not end a line: a directive after one is a remark on that line', () => {
    // Found by the property above: a `^` in a multiline pattern started a line after the `\r`.
    const text = 'kind: worksheet\r\nversion: 1\r  # worksheets-disable-next-line a, b\nstatus: held\r\nthanked: maybe\r\n';
    const file = parseFile('/t/a.worksheet.yaml', text);
    assert.ok(file.tree && file.findings.length === 0);
    assert.deepEqual(plain(disabledCodes(text, file.tree)), { file: [], lines: [] });
    assert.deepEqual(plain(disabledCodes(text)), { file: [], lines: [] });
    // Found by the property too: lines ended by lone carriage returns, then a directive after a line feed.
    // The check reads the text as parsed, every line end a line feed: the directive is on line 7, for the next.
    const oldMac = 'kind: worksheet\rversion: 1\rstatus: held\rround: autumn-2026\rpartner: {id: hostile, organization: Hostile Input}\rmeeting: {date: 2026-10-14}\n      # worksheets-disable-next-line a, b\r';
    const parsed = parseFile('/t/a.worksheet.yaml', oldMac);
    const expected = { file: [], lines: [[7, ['a', 'b']]] };
    assert.deepEqual(plain(disabledCodes(parsed.text, parsed.tree)), expected);
    assert.deepEqual(plain(disabledCodes(parsed.text)), expected);
  });

  it('a directive in a file with Windows line ends counts, its codes without the carriage return', () => {
    const text = 'kind: worksheet\r\n# worksheets-disable-next-line not-thanked\r\nthanked: false\r\n# worksheets-disable meeting-length\r\n';
    const file = parseFile('/t/a.worksheet.yaml', text);
    assert.ok(file.tree && file.findings.length === 0);
    for (const found of [disabledCodes(text, file.tree), disabledCodes(text)]) {
      assert.deepEqual(plain(found), { file: ['meeting-length'], lines: [[2, ['not-thanked']]] });
    }
  });

  it('a directive line inside a `|` note, a quoted value over lines or a key is text; one between flow items is a comment', () => {
    const text = [
      'kind: worksheet',
      'notes:',
      '  values: |',
      '    # worksheets-disable',
      '  goals: "a',
      '    # worksheets-disable not-thanked',
      '    b"',
      '  challenges: [x,',
      '    # worksheets-disable-next-line meeting-length',
      '    y]',
      '',
    ].join('\n');
    const file = parseFile('/t/a.worksheet.yaml', text);
    assert.deepEqual(file.findings, []);
    for (const found of [disabledCodes(text, file.tree), disabledCodes(text)]) {
      assert.deepEqual(plain(found), { file: [], lines: [[9, ['meeting-length']]] });
    }
  });

  it('a directive line is text inside a block scalar key, a note that ends the file, or a quote in a flow item', () => {
    const texts = [
      'kind: worksheet\n? |\n  # worksheets-disable\n: value\nthanked: true\n',
      'kind: worksheet\nnotes:\n  values: |\n    # worksheets-disable\n',
      'kind: worksheet\nnotes:\n  values: [a, {text: "x\n    # worksheets-disable not-thanked\n    y"}]\n',
    ];
    for (const text of texts) {
      const file = parseFile('/t/a.worksheet.yaml', text);
      assert.ok(file.tree && file.findings.length === 0, text);
      for (const found of [disabledCodes(text, file.tree), disabledCodes(text)]) assert.deepEqual(plain(found), { file: [], lines: [] }, text);
    }
  });
});
