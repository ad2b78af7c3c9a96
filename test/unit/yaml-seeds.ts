// Texts the parser agreement tests start from and mutate: every example and
// fixture file, the helpers' contract examples, and benchmark-corpus worksheets.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { worksheetText } from '../../bench/corpus';
import { CONFIG, CONVENING, REVIEW, WORKSHEET } from './helpers';

export function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesBelow(full) : /\.ya?ml$/.test(name) ? [full] : [];
  });
}

/** As the extension and CLI read files: UTF-8, BOM dropped. */
export const read = (path: string) => new TextDecoder('utf-8').decode(readFileSync(path));

export const EXAMPLE_DIR = resolve('examples/community-team');
export const EXAMPLES = filesBelow(EXAMPLE_DIR);
export const FIXTURES = filesBelow(resolve('test/fixtures'));
export const HOSTILE = resolve('test/fixtures/hostile');

/** `count` deterministic bench-corpus worksheets. */
export function corpus(count: number, seed: number): string[] {
  let s = seed;
  const rnd = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
  return Array.from({ length: count }, (_, n) => worksheetText(rnd, n % 7, n % 3, n));
}

export function seeds(corpusSeed: number): string[] {
  return [...[...EXAMPLES, ...FIXTURES].map(read), WORKSHEET, CONVENING, REVIEW, CONFIG, ...corpus(12, corpusSeed)];
}
