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
import { parseForEdit } from '../../src/core/form/yaml-edit';
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
  // A comment inside a bracketed list broken over two lines: the light reader leaves it to the full parse.
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

  it('asks nothing while the form parses for an edit', () => {
    const { asks, restored } = countingEnv(() => { parseForEdit(declined); });
    assert.deepEqual([...asks], []);
    assert.ok(restored);
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
