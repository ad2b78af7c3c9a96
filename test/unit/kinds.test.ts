// Which files the tools read, by name: every command and the extension ask
// it of every file found, so it must neither pass over a worksheet nor take
// in a file that is not one.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { kindOfFile } from '../../src/core/kinds';

/** The rule as the format states it, written as a pattern to compare against. */
function kindByPattern(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (lower === 'partner-worksheets.yaml' || lower === 'partner-worksheets.yml') return 'config';
  return /\.(worksheet|convening|review)\.ya?ml$/.exec(lower)?.[1];
}

const PIECES = ['a', 'X', '.', '-', 'worksheet', 'Worksheet', 'convening', 'REVIEW', 'review', 'yaml', 'yml', 'YAML', 'ym', 'l', 'partner-worksheets', ' '];

describe('file kinds', () => {
  it('reads the kind from the name as the format says, in any case', () => {
    const cases: [string, string | undefined][] = [
      ['/team/riverside/2026-10-14.worksheet.yaml', 'worksheet'],
      ['/team/riverside/2026-10-14.Worksheet.YML', 'worksheet'],
      ['/team/c/westside.convening.yml', 'convening'],
      ['/team/r/autumn.review.yaml', 'review'],
      ['/team/partner-worksheets.yaml', 'config'],
      ['/team/Partner-Worksheets.yml', 'config'],
      ['/team/worksheet.yaml', undefined],
      ['/team/a.worksheet.yaml.bak', undefined],
      ['/team/a.worksheetyaml', undefined],
      ['/team/a.worksheet.ym', undefined],
      ['/team/notes.yaml', undefined],
      ['file:///team/Ana%20Co/%231.worksheet.yaml', 'worksheet'],
    ];
    for (const [uri, kind] of cases) assert.equal(kindOfFile(uri), kind, uri);
  });

  it('gives what the pattern gives, for names made of the pieces that matter', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 6 }), (parts) => {
      const name = parts.join('');
      if (name.includes('/')) return;
      assert.equal(kindOfFile(`/team/${name}`), kindByPattern(name), name);
    }), { numRuns: 20000 });
  });
});
