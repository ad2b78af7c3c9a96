// The value count before the parse: a quick count that may overestimate,
// never underestimate, and the lexer's exact count where the quick one
// reaches the limit.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Lexer } from 'yaml';
import { excessiveValues, valueBound } from '../../src/core/yaml/breadth';

/** Scalars as the lexer marks them: plain and block ones after its mark, quoted ones by their quote. */
function scalars(text: string): number {
  let n = 0;
  for (const lexeme of new Lexer().lex(text)) if (lexeme === '\u001f' || lexeme[0] === '"' || lexeme[0] === "'") n++;
  return n;
}

describe('value count', () => {
  it('the quick count is never below the lexer\'s', () => {
    const pieces = ['a', 'b c', ': ', ':', ' ', '  ', '- ', '-', '? ', '[', '{', ']', '}', ', ', ',', '\n', '\n  ', '\n- ', '"x, y"', "'q'", '"a""b"', "'it''s'", '|\n  text\n', '# c', '&x ', '*x', '\t', '\r\n', '---\n', '2026-10-14'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 200 }), (parts) => {
      const text = parts.join('');
      assert.ok(scalars(text) <= valueBound(text), JSON.stringify(text));
    }), { numRuns: 3000 });
  });

  it('refuses past the limit, at the first value past it, and only then', () => {
    const list = (n: number) => `values: [${Array.from({ length: n }, (_, i) => `w${i}`).join(', ')}]\n`;
    assert.equal(excessiveValues(list(99), 100), undefined); // the key and 99 items
    const text = list(100);
    assert.equal(excessiveValues(text, 100), text.indexOf('w99'));
  });
});
