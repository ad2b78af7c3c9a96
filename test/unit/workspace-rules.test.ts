// The command line's check runs each worksheet's one-file rules as it reads
// it, and once every file is read runs the rules that read other files
// (onlyWorkspaceRules) only where those may find something. What a user would
// notice if that went wrong: a finding missing, doubled, or worded as it is
// without the workspace (missing-round without the round of the meetings
// near by date), next to what `check` on the same files printed before.
import assert from 'node:assert/strict';
import { WorkspaceIndex } from '../../src/core/workspace';
import { WORKSPACE_CODES } from '../../src/core/rules';
import type { Finding } from '../../src/core/types';
import { WORKSHEET, variant } from './helpers';

const ROOT = '/team';
const sheet = (name: string) => `${ROOT}/${name}.worksheet.yaml`;

/** Worksheets with a finding of every cross-file kind a worksheet can have, and some with none. */
const SHEETS: Record<string, string> = {
  // One partner id under two names: partner-renamed.
  'renamed-a': variant(WORKSHEET, [['partner', 'id'], 'lakeside'], [['partner', 'organization'], 'Lakeside Arts'], [['meeting', 'date'], '2026-10-01']),
  'renamed-b': variant(WORKSHEET, [['partner', 'id'], 'lakeside'], [['partner', 'organization'], 'Lakeside Arts Collective'], [['meeting', 'date'], '2026-10-20']),
  // One organisation under two ids: duplicate-partner.
  'dup-a': variant(WORKSHEET, [['partner', 'id'], 'hill-choir'], [['partner', 'organization'], 'Hill Choir'], [['meeting', 'date'], '2026-10-05']),
  'dup-b': variant(WORKSHEET, [['partner', 'id'], 'the-hill-choir'], [['partner', 'organization'], 'Hill Choir'], [['meeting', 'date'], '2026-10-08']),
  // No round, dated among the autumn meetings: missing-round names that round with the workspace.
  roundless: variant(WORKSHEET, [['round']], [['partner', 'id'], 'elm-street'], [['partner', 'organization'], 'Elm Street Garden'], [['meeting', 'date'], '2026-10-15']),
  // A typo of the round the others share: round-lookalike.
  typo: variant(WORKSHEET, [['round'], 'autum-2026'], [['partner', 'id'], 'oak-library'], [['partner', 'organization'], 'Oak Library Friends'], [['meeting', 'date'], '2026-10-16']),
  // Nothing cross-file to say.
  plain: variant(WORKSHEET, [['partner', 'id'], 'pine-club'], [['partner', 'organization'], 'Pine Club']),
  'plain-gappy': variant(WORKSHEET, [['partner', 'id'], 'birch-youth'], [['partner', 'organization'], 'Birch Youth'], [['confirmation']], [['next_step']]),
};

const key = (f: Finding) => `${f.range.start.line}:${f.range.start.character}:${f.code}:${f.message}`;
const sorted = (list: Finding[]) => [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

describe('checking with the workspace rules alone', () => {
  for (const fixes of [false, true]) {
    it(`adds to a check without the workspace exactly what a full check finds${fixes ? ', quick fixes included' : ''}`, () => {
      const index = new WorkspaceIndex(() => '2026-11-01');
      for (const [name, text] of Object.entries(SHEETS)) index.set(sheet(name), text);
      const options = { fixes, related: false, retain: false } as const;
      const added = new Set<string>();
      for (const name of Object.keys(SHEETS)) {
        const uri = sheet(name);
        const full = index.check(uri, options);
        const local = index.check(uri, { ...options, local: true });
        const workspace = index.check(uri, { ...options, onlyWorkspaceRules: true });
        assert.ok(workspace.every((f) => WORKSPACE_CODES.has(f.code)), `${name}: only the workspace rules run`);
        workspace.forEach((f) => added.add(f.code));
        assert.deepEqual(sorted([...local.filter((f) => !WORKSPACE_CODES.has(f.code)), ...workspace]), sorted(full), name);
      }
      // Not an empty comparison: every kind above was found, by the workspace pass.
      assert.deepEqual([...added].sort(), ['duplicate-partner', 'missing-round', 'partner-renamed', 'round-lookalike']);
      const roundless = index.check(sheet('roundless'), { ...options, onlyWorkspaceRules: true });
      assert.match(roundless[0].message, /Meetings near its date are in `autumn-2026`/);
    });
  }
});
