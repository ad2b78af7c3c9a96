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
// and the loader one made for another bundle (../code-cache.ts); the bundle is
// then compiled as without one: a missing or stale cache costs nothing but
// that compile. Node 22's module.enableCompileCache() does the same with a
// cache written at run time, which a CI runner would throw away each time.
import { join } from 'node:path';
import { codeCacheTakenBack as takenBack, loadWithCodeCache } from '../code-cache';
import type * as Cli from './main';

const BUNDLE = join(__dirname, 'cli-main.js');
const CODE_CACHE = join(__dirname, 'cli-main.code-cache');

/**
 * For the build: loads the bundle, checks `workspace` with it (so the
 * functions a check runs are compiled too), and writes their code beside the
 * bundle.
 */
export async function writeCodeCache(workspace: string): Promise<void> {
  const cli = loadWithCodeCache<typeof Cli>(BUNDLE, CODE_CACHE);
  const quiet = { out: () => undefined, err: () => undefined, cwd: workspace };
  await cli.exports.main(['check', '--format', 'json', '--today', '2026-01-01', '.'], quiet);
  cli.saveCodeCache();
}

/** Whether V8 takes the shipped cache back for the bundle, as this loader compiles it (the package's test asks). */
export function codeCacheTakenBack(): boolean {
  return takenBack(BUNDLE, CODE_CACHE);
}

// Run as the binary; the build requires this file for writeCodeCache alone.
if (require.main === module) loadWithCodeCache<typeof Cli>(BUNDLE, CODE_CACHE).exports.runProcess();
