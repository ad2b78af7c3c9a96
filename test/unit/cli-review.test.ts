// `partner-worksheets review` on the fixture round: the three formats, paths
// relative to the output, the overwrite guard, and the usage errors.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, USAGE } from '../../src/cli/main';
import { runReview } from '../../src/cli/review';

const FIXTURE = 'test/fixtures/review-round';
const TODAY = '2026-11-24';

async function cli(args: string[], cwd = process.cwd()) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => { out += t; }, err: (t) => { err += t; }, cwd });
  return { code, out, err };
}

const review = (...args: string[]) => cli(['review', FIXTURE, '--today', TODAY, ...args]);

describe('partner-worksheets review', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'pw-review-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the latest round as Markdown by default, with paths relative to the current folder', async () => {
    const r = await review();
    assert.equal(r.code, 0, r.err);
    assert.equal(r.err, '');
    assert.match(r.out, /^# Team review: autumn-2026\n\n6 partners, 6 meetings; compared with spring-2026\. As of 2026-11-24\./);
    assert.match(r.out, /- Meetings: 6 in the round, 5 held, 4 filled in, 3 shared\n/);
    assert.match(r.out, /\*\*Space and venues\*\*: 3 partners\n\n- \*\*Alpha Arts\*\*: "The work never leaves the studio\." \(`test\/fixtures\/review-round\/alpha-arts\/2026-10-05\.worksheet\.yaml:19`\)/);
    assert.match(r.out, /- Getting there \(2 pairs\): \*\*Alpha Arts\*\*, \*\*Delta Seniors Club\*\* need it; \*\*City Community Choir\*\* commits to it/);
  });

  it('gives the summary as JSON: themes with their source, coverage figures, relative paths', async () => {
    const r = await review('--format', 'json');
    assert.equal(r.code, 0, r.err);
    const s = JSON.parse(r.out);
    assert.equal(s.round, 'autumn-2026');
    assert.deepEqual(s.coverage.funnel, { all: 6, held: 5, filled: 4, shared: 3 });
    assert.deepEqual(s.coverage.confirmation, { count: 4, total: 5 });
    assert.deepEqual(s.coverage.toMeet.map((p: { id: string }) => p.id), ['fern-garden']);
    const space = s.themes.find((t: { id: string; category: string }) => t.id === 'space' && t.category === 'challenges');
    assert.deepEqual(space, { id: 'space', label: 'Space and venues', category: 'challenges', partners: ['alpha-arts', 'city-choir', 'echo-youth'], source: 'tagged' });
    assert.deepEqual([...new Set(s.themes.map((t: { source: string }) => t.source))].sort(), ['matched', 'suggested', 'tagged']);
    assert.equal(s.similarities[0].themes[0].quotes[0].uri, 'test/fixtures/review-round/alpha-arts/2026-10-05.worksheet.yaml');
  });

  it('reviews another round with --round, and says which rounds exist when it does not', async () => {
    const spring = JSON.parse((await review('--round', 'spring-2026', '--format', 'json')).out);
    assert.equal(spring.round, 'spring-2026');
    assert.equal(spring.previousRound, undefined);
    assert.deepEqual(spring.coverage.funnel, { all: 3, held: 3, filled: 3, shared: 3 });
    const r = await review('--round', 'summer-2030');
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.match(r.err, /no round 'summer-2030'; rounds here: spring-2026, autumn-2026/);
  });

  it('writes a self-contained HTML page with links relative to it, and never over an existing file without --force', async () => {
    const out = join(dir, 'review.html');
    const first = await review('--format', 'html', '--out', out);
    assert.equal(first.code, 0, first.err);
    assert.match(first.err, /Wrote the autumn-2026 review to /);
    const html = readFileSync(out, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.ok(!/<script|<link|<img|\bsrc=|@import|url\(/i.test(html), 'nothing to load: one file holds it all');
    assert.match(html, /<style>/);
    const link = /<a class="ref" href="([^"]+alpha-arts\/2026-10-05\.worksheet\.yaml)"/.exec(html)?.[1];
    assert.ok(link && existsSync(join(dir, link)), `a link that resolves from the page's folder: ${link}`);

    writeFileSync(out, 'keep me');
    const again = await review('--format', 'html', '--out', out);
    assert.equal(again.code, 2);
    assert.match(again.err, /exists; nothing was written \(use --force to replace it\)/);
    assert.equal(readFileSync(out, 'utf8'), 'keep me');
    const forced = await review('--format', 'markdown', '--out', out, '--force');
    assert.equal(forced.code, 0, forced.err);
    assert.match(readFileSync(out, 'utf8'), /^# Team review: autumn-2026/);
  });

  it('refuses a bad format, a missing folder and a folder with no worksheets', async () => {
    const bad = await review('--format', 'pdf');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--format must be markdown, html or json, not 'pdf'/);
    const missing = await cli(['review', join(dir, 'nope'), '--today', TODAY]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /no such folder/);
    const empty = await cli(['review', dir, '--today', TODAY]);
    assert.equal(empty.code, 2);
    assert.match(empty.err, /no worksheet with a round/);
  });

  it('documents the command and its overwrite guard in --help', async () => {
    assert.match(USAGE, /review \[paths\.\.\.\]/);
    assert.match(USAGE, /--format <f> +markdown \(default\), html/);
    assert.match(USAGE, /--force +Replace an existing --out file\./);
    const r = await cli(['--help']);
    assert.equal(r.out, USAGE);
  });

  it('runs from the exported runReview with parsed arguments', async () => {
    let out = '';
    const code = await runReview({ paths: [FIXTURE], today: TODAY, format: 'json', force: false }, { out: (t) => { out += t; }, err: () => undefined, cwd: process.cwd() });
    assert.equal(code, 0);
    assert.equal(JSON.parse(out).opportunities.complementary.length, 3);
  });
});
