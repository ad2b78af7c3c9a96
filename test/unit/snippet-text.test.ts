// Text from worksheets and the question bank goes into VS Code snippet syntax
// through one pair of escapes (src/core/snippet-text.ts). Checked against a
// reader of that syntax: whatever the text, the placeholder or choice gives
// it back unchanged, and nothing in it opens a tabstop or ends a placeholder.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { snippetChoice, snippetText } from '../../src/core/snippet-text';

/**
 * Reads `${1:text}` or `${1|a,b|}` as VS Code's snippet parser does: a
 * backslash makes the next of `escapable` literal; an unescaped `$` or `}`
 * (or, in a choice, `,` and `|`) is syntax. Returns the literal text(s), or
 * throws where the escaped text would have been read as syntax.
 */
function readPlaceholder(snippet: string): string[] {
  const choice = snippet.startsWith('${1|');
  const body = snippet.slice(4, choice ? -2 : -1);
  const escapable = choice ? '\\$},|' : '\\$}';
  const options: string[] = [''];
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\' && escapable.includes(body[i + 1] ?? '')) options[options.length - 1] += body[++i];
    else if (choice && c === ',') options.push('');
    else if (c === '$' || c === '}' || (choice && c === '|')) throw new Error(`unescaped ${c} in ${JSON.stringify(snippet)}`);
    else options[options.length - 1] += c;
  }
  return options;
}

const TRICKY = fc.string({ unit: fc.constantFrom('a', ' ', '$', '}', '{', '\\', ',', '|', '1', ':') });

describe('snippet text', () => {
  it('a placeholder gives back any text unchanged', () => {
    assert.deepEqual(readPlaceholder(`\${1:${snippetText('Costs $5 {per} \\ head}')}}`), ['Costs $5 {per} \\ head}']);
    fc.assert(fc.property(TRICKY, (s) => assert.deepEqual(readPlaceholder(`\${1:${snippetText(s)}}`), [s])), { numRuns: 500 });
  });

  it('a choice keeps each option whole, commas and bars included', () => {
    assert.deepEqual(readPlaceholder(`\${1|${['a,b', 'c|d', '$x'].map(snippetChoice).join(',')}|}`), ['a,b', 'c|d', '$x']);
    fc.assert(fc.property(fc.array(TRICKY, { minLength: 1, maxLength: 4 }), (options) => {
      assert.deepEqual(readPlaceholder(`\${1|${options.map(snippetChoice).join(',')}|}`), options);
    }), { numRuns: 500 });
  });
});
