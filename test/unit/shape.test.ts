// The check and the team review grow with the workspace, not faster: their
// work for 4N worksheets is about four times their work for N. A per-file
// scan of the whole workspace makes it sixteen. Not a speed target (those are
// in `npm run bench`): a ratio of two sizes in this process, each the median
// CPU time of several runs taken in turns, so a busy machine slows both alike.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { roundName, writeCorpus } from '../../bench/corpus';
import { runCheck } from '../../src/cli/check';
import { WorkspaceIndex } from '../../src/core/workspace';
import type { Meeting } from '../../src/core/workspace';
import { buildIdentity, roundsNear } from '../../src/core/workspace/identity';
import { bareMeeting } from './helpers';
import { summarize } from '../../src/core/summary/summarize';

const TODAY = '2026-12-20';
const COPY = 'kind: worksheet\nversion: 1\nstatus: held\nround: autumn-2026\npartner: {id: oak-library, organization: Oak Library}\nmeeting: {date: 2026-11-12}\n';
/** Worksheets checked; the summary, quicker per meeting and noisier, reads twice as many. */
const N = 800;
const N_SUMMARY = 1600;
/** Meetings among which rounds are offered to worksheets without one (missing-round). */
const N_NEAR = 4000;
/** Rounds among which lookalikes (typos of a bigger round) are looked for. */
const N_ROUNDS = 2000;
/** Copies of one worksheet, its date never changed: one meeting written up that many times (duplicate-meeting). */
const N_COPIES = 2000;
/** Linear work gives about 4; quadratic 16. */
const MAX_GROWTH = 6;

// A full collection before each run, so that none falls inside one run and not the other.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** The CPU time (user and system, in microseconds) of one run of `fn`. */
async function cpu(fn: () => unknown): Promise<number> {
  collectGarbage();
  const before = process.cpuUsage();
  await fn();
  const used = process.cpuUsage(before);
  return used.user + used.system;
}

/**
 * The median CPU time of `runs` runs of each, taken in turns (N, 4N, N,
 * 4N...) so that a machine slowing down for a while weighs on both sizes. Not
 * the least: now and then a run is twice as fast as the others, and it
 * happening to one size only made the ratio swing from 2 to 4.5.
 */
async function medianCpu(small: () => unknown, big: () => unknown, runs: number): Promise<[number, number]> {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    a.push(await cpu(small));
    b.push(await cpu(big));
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
  return [median(a), median(b)];
}

describe('work grows linearly with the workspace', function () {
  this.timeout(120_000);
  const root = mkdtempSync(join(tmpdir(), 'pw-shape-'));
  const dirs = new Map<number, string>();
  const texts = new Map<number, { uri: string; text: string }[]>();

  before(() => {
    for (const n of [N, 4 * N, N_SUMMARY, 4 * N_SUMMARY]) {
      const dir = join(root, String(n));
      mkdirSync(dir);
      writeCorpus(dir, { worksheets: n, rounds: 2 });
      dirs.set(n, dir);
      if (n === N_SUMMARY || n === 4 * N_SUMMARY) texts.set(n, [...listFiles(dir)].map((uri) => ({ uri, text: readFileSync(uri, 'utf8') })));
    }
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it(`check: 4 x ${N} worksheets cost at most ${MAX_GROWTH} times ${N}`, async () => {
    const check = (n: number) => async () => {
      let out = '';
      await runCheck({ paths: [dirs.get(n)!], today: TODAY, format: 'json', maxWarnings: Infinity, quiet: false }, { out: (t) => { out += t; }, err: () => undefined, cwd: root });
      // Every worksheet was checked: the output names each file with a finding.
      assert.ok(out.length > n * 50);
    };
    await check(N)(); // warm the code up
    const [small, big] = await medianCpu(check(N), check(4 * N), 5);
    assert.ok(big / small <= MAX_GROWTH, `check of ${4 * N} took ${(big / small).toFixed(1)} times that of ${N} (${(big / 1000).toFixed(0)} ms and ${(small / 1000).toFixed(0)} ms of CPU)`);
  });

  it(`the rounds offered to worksheets without one: for 4 x ${N_NEAR} meetings, at most ${MAX_GROWTH} times ${N_NEAR}`, async () => {
    // Two rounds of meetings, one after the other by date, and a third as many dates to place.
    const offers = (n: number) => () => {
      const meetings = Array.from({ length: n }, (_, i) => bareMeeting(`/t/p${i}.worksheet.yaml`, `p${i}`, i < n / 2 ? 'spring-2026' : 'autumn-2026', dayOf(i, n)));
      // Built and asked twice: once, the smaller size is a few milliseconds, where the clock's noise weighs.
      for (let k = 0; k < 2; k++) {
        const identity = buildIdentity(meetings);
        for (let i = 0; i < n; i += 3) assert.equal(roundsNear(identity, dayOf(i, n)).length, 2);
      }
    };
    offers(N_NEAR)();
    const [small, big] = await medianCpu(offers(N_NEAR), offers(4 * N_NEAR), 5);
    assert.ok(big / small <= MAX_GROWTH, `offering rounds among ${4 * N_NEAR} meetings took ${(big / small).toFixed(1)} times that among ${N_NEAR} (${(big / 1000).toFixed(0)} ms and ${(small / 1000).toFixed(0)} ms of CPU)`);
  });

  it(`lookalike rounds among 4 x ${N_ROUNDS} rounds named by their day: at most ${MAX_GROWTH} times ${N_ROUNDS}`, async () => {
    // A round per day, some held by one meeting and some by three: no two share their numbers, so none is a lookalike.
    const identityOf = (n: number) => () => {
      const meetings: Meeting[] = [];
      for (let r = 0; r < n; r++) {
        for (let k = 0; k < (r % 2 ? 3 : 1); k++) meetings.push(bareMeeting(`/t/${r}-${k}.worksheet.yaml`, `p${r}`, `visit-${dayOf(r, n)}-${r}`, dayOf(r, n)));
      }
      // Built four times: one build of the smaller size is a few milliseconds, where the clock's noise weighs.
      for (let i = 0; i < 4; i++) assert.equal(buildIdentity(meetings).lookalikes.size, 0);
    };
    identityOf(N_ROUNDS)();
    const [small, big] = await medianCpu(identityOf(N_ROUNDS), identityOf(4 * N_ROUNDS), 5);
    assert.ok(big / small <= MAX_GROWTH, `${4 * N_ROUNDS} rounds took ${(big / small).toFixed(1)} times ${N_ROUNDS} (${(big / 1000).toFixed(0)} ms and ${(small / 1000).toFixed(0)} ms of CPU)`);
  });

  it(`one meeting written up 4 x ${N_COPIES} times (a template copied, its date kept): at most ${MAX_GROWTH} times ${N_COPIES}`, async () => {
    const indexes = new Map<number, WorkspaceIndex>();
    for (const n of [N_COPIES, 4 * N_COPIES]) {
      const index = new WorkspaceIndex(() => TODAY);
      for (let i = 0; i < n; i++) index.set(`/t/p/copy-${i}.worksheet.yaml`, COPY);
      assert.equal(index.laterWriteUps().size, n - 1);
      indexes.set(n, index);
    }
    // Every copy checked by the rules that read the workspace: each asks which copies came before it.
    const copies = (n: number) => () => {
      const index = indexes.get(n)!;
      for (let i = 0; i < n; i++) assert.equal(index.check(`/t/p/copy-${i}.worksheet.yaml`, { fixes: false, related: false, onlyWorkspaceRules: true }).length, i === 0 ? 0 : 1);
    };
    copies(N_COPIES)();
    const [small, big] = await medianCpu(copies(N_COPIES), copies(4 * N_COPIES), 5);
    assert.ok(big / small <= MAX_GROWTH, `${4 * N_COPIES} copies took ${(big / small).toFixed(1)} times ${N_COPIES} (${(big / 1000).toFixed(0)} ms and ${(small / 1000).toFixed(0)} ms of CPU)`);
  });

  it(`team review summary: 4 x ${N_SUMMARY} meetings cost at most ${MAX_GROWTH} times ${N_SUMMARY}`, async () => {
    const indexes = new Map<number, WorkspaceIndex>();
    for (const n of [N_SUMMARY, 4 * N_SUMMARY]) {
      const index = new WorkspaceIndex(() => TODAY);
      for (const { uri, text } of texts.get(n)!) index.set(uri, text);
      indexes.set(n, index);
    }
    // From nothing kept: the summary's per-round cache is emptied before each run.
    const review = (n: number) => () => {
      const index = indexes.get(n)!;
      index.summaryCache.clear();
      const s = summarize(index, { round: roundName(1), today: TODAY });
      assert.ok(s.coverage.meetings.total > 0);
    };
    // Once each first: the first summary of an index reads every worksheet's facts.
    review(N_SUMMARY)();
    review(4 * N_SUMMARY)();
    const [small, big] = await medianCpu(review(N_SUMMARY), review(4 * N_SUMMARY), 9);
    assert.ok(big / small <= MAX_GROWTH, `the summary of ${4 * N_SUMMARY} took ${(big / small).toFixed(1)} times that of ${N_SUMMARY} (${(big / 1000).toFixed(0)} ms and ${(small / 1000).toFixed(0)} ms of CPU)`);
  });
});

/** The i-th of n days spread over 2026, in order. */
function dayOf(i: number, n: number): string {
  return new Date(Date.UTC(2026, 0, 1) + Math.floor((i / n) * 364) * 86_400_000).toISOString().slice(0, 10);
}

function* listFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) yield* listFiles(full);
    else if (e.name.endsWith('.yaml')) yield full;
  }
}
