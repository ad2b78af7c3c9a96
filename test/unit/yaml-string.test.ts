// Quick fixes write partners' words into worksheets as YAML values (a goal into
// `serves_goal`, the success note into a confirmation's `statement`, a
// paragraph split into a bracketed list): a value must read back as the words
// it was made from, and stay plain where YAML allows, as people write it.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from 'yaml';
import { yamlFlowItem, yamlString } from '../../src/core/yaml';

/** Pieces of one-line text: words, the characters YAML gives a meaning to, keywords, spaces of other kinds. */
const PIECES = ['a', 'Z', 'é', 'word', ' ', '  ', '\t', ':', ': ', '#', ' #', '# ', '-', '- ', '?', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`', '~', '.', '0', '12', '+', 'true', 'False', 'NULL', 'yes', 'No', 'on', 'OFF', '\u00a0', '\u2003', '\u3000', '\\'];
const oneLine = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((parts) => parts.join(''));

describe('YAML values written by quick fixes', () => {
  it('read back as the very text they were made from, whatever it holds', () => {
    fc.assert(fc.property(oneLine, (text) => {
      const written = yamlString(text);
      assert.deepStrictEqual(parse(`statement: ${written}\n`), { statement: text }, `${JSON.stringify(text)} written as ${written}`);
    }), { numRuns: 3000 });
  });

  it('as items of a bracketed list, read back as one item each, commas and brackets included', () => {
    fc.assert(fc.property(fc.array(oneLine, { minLength: 1, maxLength: 4 }), (items) => {
      const written = `[${items.map(yamlFlowItem).join(', ')}]`;
      assert.deepStrictEqual(parse(`values: ${written}\n`), { values: items }, written);
    }), { numRuns: 2000 });
  });

  it('stay plain where YAML reads them plainly: notes, goals and names as people write them', () => {
    for (const text of ['Everyone in district 3 can build a room.', 'We share a venue for the venue', 'Riverside Youth Collective', 'Grow by 20% in a year', 'A "safe" space, open late', 'Truest', 'Onward'])
      assert.equal(yamlString(text), text);
    for (const text of ['', 'yes', 'True', 'null', '42', '2026-12-01', 'Goal: more rooms', 'Room #1 first', 'Trailing ', '- a list?'])
      assert.equal(yamlString(text), JSON.stringify(text), text);
  });
});
