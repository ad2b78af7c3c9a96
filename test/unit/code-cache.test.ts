// Loading a bundle with V8's code cache (src/code-cache.ts), as the extension's
// loader does with a cache in its global storage and the CLI's binary with the
// one it ships: the bundle runs the same with a cache, without one, with a
// broken one, and with one made for an older bundle.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { codeCacheFile } from '../../src/extension-loader';

interface Loaded {
  cacheTaken: boolean;
  answer: number | string;
  sibling: string;
  dir: string;
}

/**
 * Loads the bundle in a process of its own, as VS Code and the CLI do: within
 * one process V8 would find a source it compiled before in its own memory,
 * and never look at the cache.
 */
function load(bundle: string, cache: string | undefined, save = false): Loaded {
  const script = `const l = require(${JSON.stringify(resolve('src/code-cache.ts'))}).loadWithCodeCache(${JSON.stringify(bundle)}, ${JSON.stringify(cache)});
if (${save}) l.saveCodeCache();
process.stdout.write(JSON.stringify({ cacheTaken: l.cacheTaken, answer: l.exports.answer(), sibling: l.exports.sibling, dir: l.exports.dir }));`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Loaded;
}

describe('loading a bundle with its code cache', function () {
  this.timeout(60_000);
  let dir: string;
  let bundle: string;
  let cache: string;
  const source = (answer: number) => `exports.answer = function answer() { return ${answer}; };
exports.sibling = require('./sibling.js').name;
exports.dir = __dirname;
`;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pw-code-cache-'));
    bundle = join(dir, 'main.js');
    cache = join(dir, 'storage', 'code-cache', 'main.bin');
    writeFileSync(bundle, source(42));
    writeFileSync(join(dir, 'sibling.js'), "exports.name = 'beside the bundle';\n");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the bundle without a cache, saves one, and later loads take it back', () => {
    const first = load(bundle, cache, true);
    assert.equal(first.cacheTaken, false);
    assert.equal(first.answer, 42);
    // Its require() finds files beside the bundle, as the extension's finds nlp.js.
    assert.equal(first.sibling, 'beside the bundle');
    assert.equal(first.dir, dir);
    assert.ok(existsSync(cache));
    assert.deepEqual(readdirSync(join(dir, 'storage', 'code-cache')), ['main.bin'], 'no partial file is left');

    const later = load(bundle, cache);
    assert.equal(later.cacheTaken, true);
    assert.equal(later.answer, 42);
  });

  it('runs a bundle changed after its cache was saved as it now is', () => {
    load(bundle, cache, true);
    // The same length: V8 alone would take the old code back for it.
    writeFileSync(bundle, source(43));
    const changed = load(bundle, cache, true);
    assert.equal(changed.cacheTaken, false);
    assert.equal(changed.answer, 43);
    assert.equal(load(bundle, cache).cacheTaken, true, 'the cache saved again is for the new bundle');
  });

  it('loads as without a cache when the file is broken or V8 refuses it, and a new save mends it', () => {
    load(bundle, cache, true);
    writeFileSync(cache, 'not a code cache');
    const broken = load(bundle, cache, true);
    assert.equal(broken.cacheTaken, false);
    assert.equal(broken.answer, 42);
    assert.equal(load(bundle, cache).cacheTaken, true);
    // For this very bundle, but made by another V8 (VS Code updated): V8 refuses it.
    // The digest takes 32 bytes, then V8's header: a magic number, then its version's hash.
    const other = readFileSync(cache);
    other[32 + 4] ^= 0xff;
    writeFileSync(cache, other);
    const refused = load(bundle, cache, true);
    assert.equal(refused.cacheTaken, false);
    assert.equal(refused.answer, 42);
    assert.equal(load(bundle, cache).cacheTaken, true);
  });

  it('reads a bundle that is not ASCII as UTF-8', () => {
    writeFileSync(bundle, "exports.answer = () => 'Ōtautahi café';\n");
    assert.equal(load(bundle, cache).answer, 'Ōtautahi café');
  });

  it('without a cache file (storage not on this disk) compiles the bundle and saves nothing', () => {
    const loaded = load(bundle, undefined, true);
    assert.equal(loaded.cacheTaken, false);
    assert.equal(loaded.answer, 42);
    assert.deepEqual(readdirSync(dir).sort(), ['main.js', 'sibling.js']);
  });

  it('the extension keeps its cache in its global storage when that is on this disk', () => {
    const file = { scheme: 'file', fsPath: join(dir, 'global') };
    assert.equal(codeCacheFile({ globalStorageUri: file as never }), join(dir, 'global', 'code-cache', 'extension-main.bin'));
    assert.equal(codeCacheFile({ globalStorageUri: { scheme: 'vscode-userdata', fsPath: '/User/globalStorage' } as never }), undefined);
  });
});
