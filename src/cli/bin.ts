// The `partner-worksheets` binary: a small loader for the CLI's bundle
// (cli-main.js, built from main.ts) that hands V8 the code it compiled for
// that very bundle at build time.
//
// The bundle is large (the rules, the schema validators, two YAML readers, the
// review's language tools), and a process that runs it once spends tens of
// milliseconds parsing and compiling it: more than a check of a small
// repository takes, and a twentieth of a check of 10,000 worksheets. V8 can
// save that work (a code cache: the bytecode of every function that ran) and
// take it back in a later process. The build writes the cache once, after
// checking the example workspace (writeCodeCache, called by esbuild.mjs), and
// it ships beside the bundle; nothing is written when the command runs.
//
// V8 refuses a cache made by another V8 version or under other engine flags,
// and this loader one made for another bundle (readCodeCache); the bundle is
// then compiled as without one: a missing or stale cache costs nothing but
// that compile. Node 22's module.enableCompileCache() does the same with a
// cache written at run time, which a CI runner would throw away each time.
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';
import type * as Cli from './main';

const BUNDLE = join(__dirname, 'cli-main.js');
const CODE_CACHE = join(__dirname, 'cli-main.code-cache');
/** The cache starts with the SHA-256 of the bundle it was made for. */
const DIGEST_BYTES = 32;

/**
 * The bundle's text, and its digest. The build writes it in ASCII (esbuild.mjs),
 * which reads as Latin-1 the same as UTF-8: a copy of the bytes, where UTF-8
 * decodes them, into a string of twice the size. Anything else (a bundle built
 * another way, a Node without isAscii) is decoded as UTF-8.
 */
function readBundle(): { source: string; digest: Buffer } {
  const bytes = readFileSync(BUNDLE);
  const ascii = typeof isAscii === 'function' && isAscii(bytes);
  return { source: bytes.toString(ascii ? 'latin1' : 'utf8'), digest: createHash('sha256').update(bytes).digest() };
}

/** The bundle compiled as Node compiles a CommonJS module, with V8's code for it when given. */
function compile(source: string, cachedData?: Buffer): Script {
  // Node's own module wrapper, on the first line, so line numbers in stack traces hold.
  return new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, { filename: BUNDLE, cachedData });
}

/** Runs the compiled bundle as a module; returns its exports. */
function run(script: Script): typeof Cli {
  const mod = { exports: {} as typeof Cli };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(mod.exports, mod.exports, createRequire(BUNDLE), mod, BUNDLE, __dirname);
  return mod.exports;
}

/**
 * V8's code for this very bundle, or undefined. V8 itself checks a cache
 * against only the length of the source, and code for another bundle of the
 * same length (a rebuild under `--watch`, a file copied over) would run as
 * if it were this one's: the digest makes sure it is not.
 */
function readCodeCache(digest: Buffer): Buffer | undefined {
  let cache: Buffer;
  try {
    cache = readFileSync(CODE_CACHE);
  } catch {
    return undefined; // never built, or removed: the bundle compiles as usual
  }
  return cache.subarray(0, DIGEST_BYTES).equals(digest) ? cache.subarray(DIGEST_BYTES) : undefined;
}

/**
 * For the build: compiles the bundle, checks `workspace` with it (so the
 * functions a check runs are compiled too), and writes their code beside the
 * bundle. Written under another name and renamed: a process starting
 * meanwhile reads the old cache or the new one, never half of one.
 */
export async function writeCodeCache(workspace: string): Promise<void> {
  const { source, digest } = readBundle();
  const script = compile(source);
  const cli = run(script);
  const quiet = { out: () => undefined, err: () => undefined, cwd: workspace };
  await cli.main(['check', '--format', 'json', '--today', '2026-01-01', '.'], quiet);
  const partial = `${CODE_CACHE}.${process.pid}`;
  writeFileSync(partial, Buffer.concat([digest, script.createCachedData()]));
  renameSync(partial, CODE_CACHE);
}

/** Whether V8 takes the shipped cache back for the bundle, as this loader compiles it (the package's test asks). */
export function codeCacheTakenBack(): boolean {
  const { source, digest } = readBundle();
  const cache = readCodeCache(digest);
  return cache !== undefined && !compile(source, cache).cachedDataRejected;
}

// Run as the binary; the build requires this file for writeCodeCache alone.
if (require.main === module) {
  const { source, digest } = readBundle();
  const cli = run(compile(source, readCodeCache(digest)));
  cli.runProcess();
}
