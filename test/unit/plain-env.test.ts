// The `yaml` package's Node build asks `process.env.LOG_TOKENS` at every
// token, and each ask goes to the process's environment: a quarter of a full
// parse. The core's calls into it run with a plain object there
// (plain-env.ts). What a user would notice if that went wrong: a slower
// editor and check on every file the light reader leaves to the full parse,
// or, worse, an environment left swapped for the rest of the process (the
// extension host's other extensions, a spawned tool).
import assert from 'node:assert/strict';
import { parseFull } from '../../src/core/yaml/parse';
import { readLight } from '../../src/core/yaml/light-tree';
import { applyFormEdit } from '../../src/core/form/edit';
import { excessiveNesting, MAX_NESTING } from '../../src/core/yaml/nesting';
import { vocabularyEdit } from '../../src/core/themes/draft';
import { withPlainEnv } from '../../src/core/yaml/plain-env';
import { WORKSHEET } from './helpers';

/** Runs `fn` with process.env counting the asks for each name; gives the counts and whether the real object was back after. */
function countingEnv(fn: () => void): { asks: Map<string, number>; restored: boolean } {
  const real = process.env;
  const asks = new Map<string, number>();
  const counting = new Proxy(real, {
    get(target, name, receiver) {
      if (typeof name === 'string') asks.set(name, (asks.get(name) ?? 0) + 1);
      return Reflect.get(target, name, receiver);
    },
  });
  process.env = counting;
  try {
    fn();
    return { asks, restored: process.env === counting };
  } finally {
    process.env = real;
  }
}

describe('parses with a plain process.env', () => {
  // A comment inside a bracketed list broken over two lines: the light reader leaves it to the `yaml` package's parser.
  const declined = WORKSHEET.replace('  people: [{name: Dana Ortiz, role: Director}]', '  people: [{name: Dana Ortiz, # who we met\n    role: Director}]');

  before(() => {
    assert.equal(readLight(declined), undefined, 'the text takes the full parse');
    // The switches are read from the environment once, at the first parse.
    parseFull('file:///w/a.worksheet.yaml', declined);
  });

  it('asks the environment nothing during a full parse, and puts it back after', () => {
    let read: ReturnType<typeof parseFull> | undefined;
    const { asks, restored } = countingEnv(() => { read = parseFull('file:///w/a.worksheet.yaml', declined); });
    assert.deepEqual([...asks], []);
    assert.ok(restored);
    // The same parse: the data and no reading problem.
    assert.deepEqual((read?.data as { partner: { people: unknown[] } }).partner.people, [{ name: 'Dana Ortiz', role: 'Director' }]);
    assert.deepEqual(read?.findings, []);
  });

  it('asks nothing while the form makes an edit (its parse and its walk over the comments)', () => {
    let edits: ReturnType<typeof applyFormEdit> = [];
    const { asks, restored } = countingEnv(() => { edits = applyFormEdit(declined, { op: 'set', path: ['meeting', 'location'], value: 'The library' }); });
    assert.deepEqual([...asks], []);
    assert.ok(restored);
    assert.equal(edits.length, 1);
  });

  it('asks nothing while the nesting guard reads a deep text token by token', () => {
    let at: number | undefined;
    const deep = `values: ${'['.repeat(MAX_NESTING + 1)}${']'.repeat(MAX_NESTING + 1)}\n`;
    const { asks, restored } = countingEnv(() => { at = excessiveNesting(deep); });
    assert.deepEqual([...asks], []);
    assert.ok(restored);
    assert.ok(at !== undefined && at > 'values: '.length + MAX_NESTING / 2, 'found where it goes too deep');
  });

  it('asks nothing while the theme draft reads the settings file', () => {
    const settings = 'kind: config\nversion: 1\nthemes:\n  - id: transport\n';
    let edit: ReturnType<typeof vocabularyEdit> | undefined;
    const { asks, restored } = countingEnv(() => { edit = vocabularyEdit(settings, [{ id: 'housing', label: 'Housing', synonyms: [], partners: 2 }], { merge: true, round: 'spring-2026' }); });
    assert.deepEqual([...asks], []);
    assert.ok(restored);
    assert.equal(edit?.kind, 'edit');
  });

  it('puts the environment back when the parse throws', () => {
    const { restored } = countingEnv(() => {
      assert.throws(() => withPlainEnv(() => { throw new Error('a parse that fails'); }), /a parse that fails/);
    });
    assert.ok(restored);
  });

  it('keeps the package\'s debugging switch as the environment has it', () => {
    assert.equal(withPlainEnv(() => process.env.LOG_TOKENS), process.env.LOG_TOKENS);
    assert.notEqual(withPlainEnv(() => process.env), process.env);
  });
});
