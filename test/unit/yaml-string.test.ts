// Quick fixes write partners' words into worksheets as YAML values (a goal into
// `serves_goal`, the success note into a confirmation's `statement`, a
// paragraph split into a bracketed list): a value must read back as the words
// it was made from, and stay plain where YAML allows, as people write it.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from 'yaml';
import { flowScalar, yamlString } from '../../src/core/yaml';
import { CONVENING, WORKSHEET, applyEdits, applySnippetsAtDefaults, check, variant } from './helpers';

/** Partners' words with what YAML or snippets give a meaning to. */
const WORDS = ['Success: every teen is paid', 'Room #1 first, then the hall', '"Safe" spaces, open late', '- more rooms', 'Pay $5 an hour {at least}', 'A back\\slash and a brace }', 'yes'];

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
      const written = `[${items.map(flowScalar).join(', ')}]`;
      assert.deepStrictEqual(parse(`values: ${written}\n`), { values: items }, written);
    }), { numRuns: 2000 });
  });

  it('quick fixes carry the partner\'s words whole, in the plain edit and in the snippet the editor inserts', () => {
    const worksheet = (words: string) => variant(WORKSHEET, [['confirmation']], [['next_step']], [['follow_up']], [['notes', 'success_in_their_words'], words], [['notes', 'goals'], [words]]);
    const convening = (words: string) => variant(CONVENING, [['coordinator']], [['convener', 'organization'], words]);
    for (const words of WORDS) {
      // The data the fix writes into, and the field that must hold the words.
      const cases: [text: string, uri: string | undefined, code: string, block: string, field: string][] = [
        [worksheet(words), undefined, 'missing-confirmation', 'confirmation', 'statement'],
        [worksheet(words), undefined, 'missing-next-step', 'next_step', 'serves_goal'],
        [convening(words), '/team/convenings/westside.convening.yaml', 'coordinator-vacant', 'coordinator', 'organization'],
      ];
      const read = (yaml: string, block: string, field: string) => (parse(yaml) as Record<string, Record<string, unknown>>)[block][field];
      for (const [text, uri, code, block, field] of cases) {
        const finding = check(text, uri ? { uri } : {}).find((f) => f.code === code);
        const fix = finding?.fixes?.find((x) => x.preferred);
        assert.ok(fix?.snippetEdits, `${code} offers a fix with a snippet for ${JSON.stringify(words)}`);
        assert.equal(read(applyEdits(text, fix.edits), block, field), words, `${code}, plain edit, ${JSON.stringify(words)}`);
        const viaSnippet = applySnippetsAtDefaults(text, fix.snippetEdits);
        assert.equal(read(viaSnippet, block, field), words, `${code}, snippet, ${JSON.stringify(words)}:\n${viaSnippet}`);
      }
      // An indicator id written with the same characters, as the metric a goal without one is offered.
      const text = variant(CONVENING, [['goals', 0, 'metrics']], [['measurement', 'indicators', 0, 'id'], words]);
      const fix = check(text, { uri: '/team/convenings/westside.convening.yaml' }).find((f) => f.code === 'goal-without-metric')?.fixes?.[0];
      assert.ok(fix?.snippetEdits, `goal-without-metric offers a fix with a snippet for ${JSON.stringify(words)}`);
      const metrics = (yaml: string) => (parse(yaml) as { goals: { metrics: unknown }[] }).goals[0].metrics;
      assert.deepEqual(metrics(applyEdits(text, fix.edits)), [words], `goal-without-metric, plain edit, ${JSON.stringify(words)}`);
      assert.deepEqual(metrics(applySnippetsAtDefaults(text, fix.snippetEdits)), [words], `goal-without-metric, snippet, ${JSON.stringify(words)}`);
    }
  });

  it('stay plain where YAML reads them plainly: notes, goals and names as people write them', () => {
    for (const text of ['Everyone in district 3 can build a room.', 'We share a venue for the venue', 'Riverside Youth Collective', 'Grow by 20% in a year', 'A "safe" space, open late', 'Truest', 'Onward'])
      assert.equal(yamlString(text), text);
    for (const text of ['', 'yes', 'True', 'null', '42', '2026-12-01', 'Goal: more rooms', 'Room #1 first', 'Trailing ', '- a list?'])
      assert.equal(yamlString(text), JSON.stringify(text), text);
  });
});
