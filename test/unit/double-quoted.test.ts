// Double-quoted values as the `yaml` package works them out (double-quoted.ts):
// escapes, line breaks folded, `\` ending a line, and escapes it reports.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { doubleQuotedValue } from '../../src/core/yaml/double-quoted';

/** Pieces of what is between the quotes, as written in the file: escapes valid and not, spaces and line breaks. */
const PIECES = [
  'Teens', 'a', ' ', '  ', '\n', '\n\n', '  \n', '\n   ', 'é', '🎉', ':', '#', "'",
  '\\n', '\\t', '\\\\', '\\"', '\\ ', '\\/', '\\0', '\\a', '\\e', '\\N', '\\_', '\\L', '\\P', '\\\t', '\\\n', '\\\n  ',
  '\\x41', '\\u00e9', '\\U0001F389', '\\ud83c', '\\x4', '\\u12', '\\U00110000', '\\q', '\\x', '\\xZZ',
];

/** The value the `yaml` package gives the scalar (its lines indented under a list item), or undefined when it reports a problem. */
function yamlValue(inner: string): string | undefined {
  const doc = parseDocument(`notes:\n  - "${inner.replace(/\n/g, '\n    ')}"\n`);
  if (doc.errors.length) return undefined;
  return (doc.toJS() as { notes: string[] }).notes[0];
}

describe('double-quoted values', () => {
  it('are the `yaml` package\'s, escapes, folded lines and all; an escape it reports gives none', () => {
    let reported = 0;
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 16 }), (parts) => {
      const inner = parts.join('');
      const expected = yamlValue(inner);
      if (expected === undefined) reported++;
      // The reader sees the lines as they are in the file: indented under their list item.
      assert.equal(doubleQuotedValue(`"${inner.replace(/\n/g, '\n    ')}"`), expected, JSON.stringify(inner));
    }), { numRuns: 5000 });
    assert.ok(reported > 500 && reported < 4500, `the yaml package reported ${reported} of 5000`);
  });

  it('reads what people and tools write', () => {
    assert.equal(doubleQuotedValue('"Without a room, we share nothing: it\'s that simple."'), "Without a room, we share nothing: it's that simple.");
    assert.equal(doubleQuotedValue('"One line\\nand another"'), 'One line\nand another');
    assert.equal(doubleQuotedValue('"Wrapped over\n    two lines"'), 'Wrapped over two lines');
    assert.equal(doubleQuotedValue('"A paragraph.\n\n    Another."'), 'A paragraph.\nAnother.');
    assert.equal(doubleQuotedValue('"Joined with\\\n    \\ a kept space"'), 'Joined with a kept space');
    assert.equal(doubleQuotedValue('"Caf\\xE9 \\u2013 \\U0001F389"'), 'Café – 🎉');
    assert.equal(doubleQuotedValue('"C:\\Users"'), undefined);
  });
});
