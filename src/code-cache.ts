// Loading a large bundle with V8's code for it: what the CLI's binary (cli/bin.ts)
// and the extension's loader (extension-loader.ts) share. Node only.
//
// Parsing and compiling a bundle of a megabyte costs tens of milliseconds
// every time a process loads it. V8 can save the code it compiled (a code
// cache: the bytecode of every function that ran so far) and take it back in
// a later process, which then compiles only what the cache lacks.
//
// V8 refuses a cache made by another V8 version or under other engine flags
// (`cachedDataRejected`), and the bundle is compiled as without one. It checks
// the source against only its length, though, and would run the code of
// another bundle of the same length (a rebuild, a file copied over) as this
// one's. So every cache starts with the SHA-256 of the bundle it was made for,
// and one made for another bundle is never handed to V8.
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** A cache starts with the SHA-256 of the bundle it was made for. */
const DIGEST_BYTES = 32;

interface Bundle {
  path: string;
  source: string;
  digest: Buffer;
}

/**
 * A bundle's text, and its digest. The build writes bundles in ASCII
 * (esbuild.mjs), which reads as Latin-1 the same as UTF-8: a copy of the
 * bytes, where UTF-8 decodes them, into a string of twice the size. Anything
 * else (a bundle built another way, a Node without isAscii) is decoded as UTF-8.
 */
function readBundle(path: string): Bundle {
  const bytes = readFileSync(path);
  const ascii = typeof isAscii === 'function' && isAscii(bytes);
  return { path, source: bytes.toString(ascii ? 'latin1' : 'utf8'), digest: createHash('sha256').update(bytes).digest() };
}

/** The bundle compiled as Node compiles a CommonJS module, with V8's code for it when given. */
function compile(bundle: Bundle, cachedData?: Buffer): Script {
  // Node's own module wrapper, on the first line, so line numbers in stack traces hold.
  return new Script(`(function (exports, require, module, __filename, __dirname) { ${bundle.source}\n})`, { filename: bundle.path, cachedData });
}

/** Runs the compiled bundle as a module; returns its exports. Its `require` resolves beside it. */
function run<T>(script: Script, bundle: Bundle): T {
  const mod = { exports: {} as T };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(mod.exports, mod.exports, createRequire(bundle.path), mod, bundle.path, dirname(bundle.path));
  return mod.exports;
}

/**
 * V8's code for this very bundle from `cacheFile`, or undefined: none there,
 * unreadable, or made for another bundle.
 */
function readCodeCache(cacheFile: string, bundle: Bundle): Buffer | undefined {
  let cache: Buffer;
  try {
    cache = readFileSync(cacheFile);
  } catch {
    return undefined; // never made, or removed: the bundle compiles as usual
  }
  return cache.subarray(0, DIGEST_BYTES).equals(bundle.digest) ? cache.subarray(DIGEST_BYTES) : undefined;
}

/**
 * Writes V8's code for what `script` compiled so far to `cacheFile`. Written
 * under another name and renamed: a process starting meanwhile reads the old
 * cache or the new one, never half of one.
 */
function writeCodeCache(cacheFile: string, bundle: Bundle, script: Script): void {
  mkdirSync(dirname(cacheFile), { recursive: true });
  const partial = `${cacheFile}.${process.pid}`;
  try {
    writeFileSync(partial, Buffer.concat([bundle.digest, script.createCachedData()]));
    renameSync(partial, cacheFile);
  } finally {
    rmSync(partial, { force: true });
  }
}

export interface LoadedBundle<T> {
  /** What the bundle exports. */
  exports: T;
  /** Whether V8 took the code cache back: false when there was none, it was for another bundle, or V8 refused it. */
  cacheTaken: boolean;
  /** Writes V8's code for what the bundle has run so far to the cache file. */
  saveCodeCache(): void;
}

/** The bundle compiled with the code cache in `cacheFile` (none without a file), and whether V8 took it. */
function compileWithCache(bundlePath: string, cacheFile: string | undefined): { bundle: Bundle; script: Script; cacheTaken: boolean } {
  const bundle = readBundle(bundlePath);
  const cached = cacheFile === undefined ? undefined : readCodeCache(cacheFile, bundle);
  const script = compile(bundle, cached);
  return { bundle, script, cacheTaken: cached !== undefined && script.cachedDataRejected !== true };
}

/**
 * Loads a CommonJS bundle with the code cache in `cacheFile`, when there is
 * one for it. Without a cache file it is compiled, and nothing is saved.
 */
export function loadWithCodeCache<T>(bundlePath: string, cacheFile: string | undefined): LoadedBundle<T> {
  const { bundle, script, cacheTaken } = compileWithCache(bundlePath, cacheFile);
  return {
    exports: run<T>(script, bundle),
    cacheTaken,
    saveCodeCache: () => {
      if (cacheFile !== undefined) writeCodeCache(cacheFile, bundle, script);
    },
  };
}

/** Whether V8 takes the cache in `cacheFile` back for the bundle, compiled as the loaders compile it. */
export function codeCacheTakenBack(bundlePath: string, cacheFile: string): boolean {
  return compileWithCache(bundlePath, cacheFile).cacheTaken;
}
