// The one pass before any parse (bounds.ts) answers the line clauses of
// UNSURE_CLAUSES without running them; the clauses stay the definition. Here
// the two must agree on random texts made of the characters the clauses turn
// on, and on the clauses' own examples.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DIRECTIVE_NAME, LONG_LINE, mayHoldDirective, primeBounds, textBounds } from '../../src/core/yaml/bounds';
import { disabledCodes } from '../../src/core/check';
import { UNSURE_CLAUSES, unsureTest } from '../../src/core/yaml/quick-read';

// emptyListItem is answered apart (the line reader reads what follows it, the quick read does not).
const lineClauses = unsureTest(Object.values(UNSURE_CLAUSES).filter((c) => c.multiline && c !== UNSURE_CLAUSES.emptyListItem));

/** The pass's answers against the patterns': the other line clauses, then emptyListItem where they do not match. */
function assertClauses(text: string): boolean {
  const bounds = textBounds(text);
  const expected = lineClauses(text);
  assert.equal(bounds.unsure, expected, JSON.stringify(text));
  assert.equal(bounds.emptyListItem, !expected && UNSURE_CLAUSES.emptyListItem.test(text), JSON.stringify(text));
  return expected || bounds.emptyListItem;
}

const PIECES = [
  'a', 'note', '1', '2', '9', '0', ' ', '  ', '\n', '\r', '\r\n', '\t', '\u2028', '\u2029', '\u00a0', '\u1680', '\u2005', '\uFEFF', '\u3000',
  '-', '--', '---', '.', '...', '#', '# c', '%', '&', '&x', '*', '*x', '!', '?', ':', ': ', '[', ']', '{', '}', ',', '"', "'",
  '|', '>', '|-', '>+', '|2', '>-1', '|+2', '+', 'é',
];

describe('the pass before the parse', () => {
  it('matches the line clauses exactly where their patterns match', () => {
    let hits = 0;
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (parts) => {
      if (assertClauses(parts.join(''))) hits++;
    }), { numRuns: 20000 });
    // Both answers must be common, or the property says little.
    assert.ok(hits > 2000 && hits < 18000, `the clauses matched ${hits} of 20000 texts`);
  });

  it('matches each clause\'s examples, alone and inside a worksheet', () => {
    const examples = [
      'quote: "We make the work"# she said\n', 'status: !\n', 'a: &x 1\nb: *x\n', '%YAML 1.2\n', '---status: held\n', '? -\n', '[a, b]: c\n',
      '[a, b]\n  : c\n', 'a:\n    -\n   - b\n', 'a:\n  - # none\n', '\tnote', '\n\uFEFFnote', 'status: held\r', 'note: |2\n    \nround: a\n',
      'note: >-1 \n', 'note: |-\n  \n #', 'note: | # c\r\n\n   \r\n', 'note: |\n\n  a\n', 'note: Q&A, 5*3 and wow!\n', 'note: 50% of partners\n',
      'note: ---\n', 'note: why?\n', 'themes: [a, b]\nnote: c\n', 'a:\n  - -1\n', 'status: held\r\nround: a\r\n',
    ];
    for (const example of examples) {
      for (const text of [example, `partner: p\n${example}round: a\n`]) assertClauses(text);
    }
  });

  it('finds a line longer than a key may be, and a carriage return', () => {
    const long = 'x'.repeat(LONG_LINE + 1);
    assert.equal(textBounds(`a: 1\n${long}\nb: 2\n`).longLine, true);
    assert.equal(textBounds(`a: 1\n${long}`).longLine, true);
    assert.equal(textBounds(`a: 1\n${long.slice(1)}\n${long.slice(1)}`).longLine, false);
    assert.equal(textBounds('a: 1\r\nb: 2\r\n').carriageReturn, true);
    assert.equal(textBounds('a: 1\nb: 2\n').carriageReturn, false);
  });

  it('tells a text that may hold a worksheets-disable comment from one that cannot', () => {
    const pieces = ['#', '#', ' ', '\t', '\n', '\u00a0', 'a', ': ', DIRECTIVE_NAME, DIRECTIVE_NAME, 'worksheets-', '-next-line', 'disable'];
    let hits = 0;
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
      const text = parts.join('');
      const expected = /#\s*worksheets-disable/.test(text);
      if (expected) hits++;
      assert.equal(textBounds(text).directive, expected, JSON.stringify(text));
      // Asked right after the pass (the check after a read), and for a text never scanned.
      assert.equal(mayHoldDirective(text), expected, JSON.stringify(text));
      assert.equal(mayHoldDirective(`${text} `), `${text} `.includes(DIRECTIVE_NAME), 'a text with no pass made is searched');
    }), { numRuns: 5000 });
    assert.ok(hits > 400 && hits < 4600, `${hits} of 5000 texts held the name after a #`);
  });

  it('leaves the directives of a file to its comments, whether or not the pass was made first', () => {
    const text = 'kind: worksheet # worksheets-disable not-thanked\n# worksheets-disable-next-line meeting-length\nmeeting: {duration_minutes: 5}\n';
    textBounds(text);
    const after = disabledCodes(text);
    assert.deepEqual([...after.lines.get(2) ?? []], ['meeting-length']);
    assert.deepEqual([...after.file], [], 'a remark after a value disables nothing');
    textBounds('x: 1\n');
    assert.deepEqual(disabledCodes(text), after);
    assert.equal(disabledCodes('note: "worksheets-disable"\n').file.size, 0);
  });

  it('takes a pass handed over from the reading thread for its text, once, and scans other texts', () => {
    const text = 'kind: worksheet\nnotes:\n  goals: [a, b]\n';
    const real = textBounds(text).values;
    const handed = { ...textBounds('x: 1\n'), values: 1000 };
    primeBounds(text, handed);
    assert.equal(textBounds(`${text}# another text\n`).values, real + 1, 'another text is scanned');
    assert.equal(textBounds(text), handed);
    textBounds('x: 1\n');
    assert.equal(textBounds(text).values, real, 'used once: asked again later, the text is scanned');
  });

  it('keeps each handed-over pass with its own text, whatever order the texts are read in, and the latest 512 only', () => {
    const texts = Array.from({ length: 600 }, (_, i) => `kind: worksheet\nn: ${i}\n`);
    const handed = texts.map((_, i) => ({ ...textBounds('x: 1\n'), values: 10_000 + i }));
    texts.forEach((t, i) => primeBounds(t, handed[i]));
    // The oldest 88 were let go: scanned.
    assert.equal(textBounds(texts[0]).values, textBounds(`${texts[0]} `).values);
    for (const i of [599, 300, 88, 450]) assert.equal(textBounds(texts[i]), handed[i], `text ${i}`);
    // A string equal to a handed-over text but built apart is that text.
    assert.equal(textBounds(['kind: worksheet', 'n: 500', ''].join('\n')), handed[500]);
  });
});
