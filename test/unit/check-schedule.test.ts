import assert from 'node:assert/strict';
import { CheckSchedule, WorkspaceIndex } from '../../src/core/workspace';
import { CONFIG, CONVENING, REVIEW, WORKSHEET, variant } from './helpers';

const ROOT = '/team';
const sheet = (i: number) => `${ROOT}/p${i}/2026-10-14.worksheet.yaml`;
const CONV = `${ROOT}/convenings/westside.convening.yaml`;
const REV = `${ROOT}/reviews/autumn-2026.review.yaml`;

/** Partner i's worksheet: its own id and organisation (one organisation under two ids is a duplicate, which re-checks both). */
const partnerSheet = (i: number, ...more: [string[], unknown][]) =>
  variant(WORKSHEET, [['partner', 'id'], `p-${i}`], [['partner', 'organization'], `Partner ${i}`], ...more);

/** A schedule whose timer runs only when the test says, recording each file checked and each batch published. */
function scheduled(index: WorkspaceIndex) {
  const checked: string[] = [];
  const batches: string[][] = [];
  const local: boolean[] = [];
  let batch: string[] = [];
  let batchLocal = false;
  let timer: (() => void) | undefined;
  const schedule = new CheckSchedule(index, {
    check: (u, isLocal) => {
      checked.push(u);
      batch.push(u);
      batchLocal = isLocal;
      schedule.markChecked(u);
    },
    publish: () => {
      batches.push(batch);
      local.push(batchLocal);
      batch = [];
    },
    delayMs: 20,
    setTimer: (fn) => (timer = fn),
    clearTimer: () => (timer = undefined),
  });
  index.onDidChange((c) => schedule.add(c.affected));
  const tick = () => {
    const t = timer;
    timer = undefined;
    t?.();
  };
  return { schedule, checked, batches, local, tick };
}

describe('check schedule (what the diagnostics re-check, and when)', () => {
  it('while the workspace loads, convenings and reviews wait, then are checked once; worksheets once each, as each is indexed', () => {
    const index = new WorkspaceIndex(() => '2026-10-21', { checkEvery: true });
    const { schedule, checked, batches, local, tick } = scheduled(index);
    index.set(CONV, CONVENING);
    index.set(REV, REVIEW);
    for (let i = 0; i < 3; i++) {
      index.set(sheet(i), partnerSheet(i));
      assert.equal(checked.at(-1), sheet(i), 'checked before the next file is read, with no timer');
    }
    assert.equal(batches.length, 0, 'published a batch at a time, not one file each');
    tick();
    for (let i = 3; i < 6; i++) index.set(sheet(i), partnerSheet(i));
    tick();
    assert.deepEqual(batches, [[sheet(0), sheet(1), sheet(2)], [sheet(3), sheet(4), sheet(5)]], 'no convening or review during the load');
    schedule.loaded();
    tick();
    assert.deepEqual(batches[2], [CONV, REV], 'after the load: the files that read the others, not the worksheets again');
    // From now on a worksheet's change re-checks its dependents with it, in the next batch.
    index.set(sheet(0), partnerSheet(0, [['status'], 'planned']));
    assert.equal(checked.length, 8);
    tick();
    assert.deepEqual(batches[3], [sheet(0), CONV, REV]);
    assert.deepEqual(local, [true, true, false, false], 'one-file rules only while the load goes on');
  });

  it('after the load, files no update announced (taken from a snapshot) get their first check', () => {
    const index = new WorkspaceIndex(() => '2026-10-21');
    index.set(sheet(0), partnerSheet(0));
    const { schedule, batches, tick } = scheduled(index);
    index.set(sheet(1), partnerSheet(1));
    tick();
    schedule.loaded(['/elsewhere/open.worksheet.yaml']);
    tick();
    assert.deepEqual(batches, [[sheet(1)], [sheet(0), '/elsewhere/open.worksheet.yaml']]);
  });

  it('after the load, worksheets whose identity depends on others are checked again, and only those', () => {
    const index = new WorkspaceIndex(() => '2026-10-21', { checkEvery: true });
    const { schedule, batches, tick } = scheduled(index);
    index.set(sheet(0), partnerSheet(0));
    index.set(sheet(1), variant(WORKSHEET, [['partner', 'id'], 'oak-library'], [['partner', 'organization'], 'Oak Library']));
    tick();
    index.set(sheet(2), variant(WORKSHEET, [['partner', 'id'], 'oak-public-library'], [['partner', 'organization'], 'Oak Library']));
    tick();
    schedule.loaded();
    tick();
    // The first id keeps the name: what its worksheet's first check found stands.
    assert.deepEqual(batches[2], [sheet(2)], 'one organisation under two ids: the worksheet of the later id again, not the others');
  });

  it('a check after set() uses the parse set() made, and finds what a fresh index finds', () => {
    const texts = [WORKSHEET, variant(WORKSHEET, [['next_step']]), `${WORKSHEET}extra: [unclosed\n`, variant(WORKSHEET, [['notes', 'success_in_their_words'], 'Line one\nline two'])];
    for (const text of texts) {
      const once = new WorkspaceIndex(() => '2026-10-21', { checkEvery: true });
      const plain = new WorkspaceIndex(() => '2026-10-21');
      for (const index of [once, plain]) {
        index.set(`${ROOT}/partner-worksheets.yaml`, CONFIG);
        index.set(sheet(0), text);
      }
      assert.deepEqual(once.check(sheet(0)), plain.check(sheet(0)));
      assert.deepEqual(once.get(sheet(0))?.lines, plain.get(sheet(0))?.lines);
    }
  });
});

describe('a one-pass check (retain: false)', () => {
  it('gives the same findings, and the worksheet\'s facts are read again when asked for', () => {
    const index = new WorkspaceIndex(() => '2026-10-21', { checkEvery: true });
    const plain = new WorkspaceIndex(() => '2026-10-21');
    const text = variant(WORKSHEET, [['meeting', 'duration_minutes'], 200]);
    index.set(sheet(0), text);
    plain.set(sheet(0), text);
    const once = index.check(sheet(0), { retain: false });
    assert.deepEqual(once, plain.check(sheet(0)));
    assert.ok(once.some((f) => f.code === 'meeting-length'));
    assert.deepEqual(index.get(sheet(0))?.facts, plain.get(sheet(0))?.facts);
    assert.deepEqual(index.check(sheet(0)), once);
  });
});

describe('settings resolved per folder', () => {
  it('the nearest settings file wins, and adding or removing one changes what applies below it', () => {
    const index = new WorkspaceIndex(() => '2026-10-21');
    const deep = `${ROOT}/east/p1/2026-10-14.worksheet.yaml`;
    const other = `${ROOT}/west/p2/2026-10-14.worksheet.yaml`;
    const long = variant(WORKSHEET, [['meeting', 'duration_minutes'], 75]);
    index.set(deep, long);
    index.set(other, long);
    const severity = (uri: string) => index.check(uri).find((f) => f.code === 'meeting-length')?.severity;
    assert.equal(severity(deep), 'info');
    index.set(`${ROOT}/partner-worksheets.yaml`, CONFIG);
    assert.equal(severity(deep), 'warning');
    assert.equal(severity(other), 'warning');
    index.set(`${ROOT}/east/partner-worksheets.yaml`, CONFIG.replace('meeting-length: warning', 'meeting-length: error'));
    assert.equal(severity(deep), 'error', 'the nearer file');
    assert.equal(severity(other), 'warning', 'a sibling folder keeps the outer file');
    index.delete(`${ROOT}/east/partner-worksheets.yaml`);
    assert.equal(severity(deep), 'warning', 'back to the outer file');
    index.delete(`${ROOT}/partner-worksheets.yaml`);
    assert.equal(severity(deep), 'info', 'back to the defaults');
    // A folder whose name starts like another's is not below it.
    index.set(`${ROOT}/ea/partner-worksheets.yaml`, CONFIG.replace('meeting-length: warning', 'meeting-length: off'));
    assert.equal(severity(deep), 'info');
  });
});

describe('a bulk load checked as it goes (the extension in a real workbench)', () => {
  /** Reads that wait a turn each, as vscode.workspace.fs does, so checks run between them. */
  function slowFs(files: Record<string, string>) {
    return {
      findFiles: async () => Object.keys(files).sort(),
      readFile: async (uri: string) => {
        await new Promise((r) => setImmediate(r));
        return new TextEncoder().encode(files[uri]);
      },
    };
  }

  it('settles identity findings once at the end, and no file of the load looks for its relatives on its own', async () => {
    // Read first, the newer worksheet of a library written under two ids; read last, the older one.
    const files: Record<string, string> = {
      [`${ROOT}/a/2026-11-12.worksheet.yaml`]: variant(WORKSHEET, [['partner'], { id: 'oak-public-library', organization: 'Oak Public Library.' }], [['meeting', 'date'], '2026-11-12']),
      // More than the load reads at once (64), so checks run between its reads.
      ...Object.fromEntries(Array.from({ length: 200 }, (_, i) => [sheet(i), partnerSheet(i)])),
      [`${ROOT}/z/2026-05-11.worksheet.yaml`]: variant(WORKSHEET, [['partner'], { id: 'oak-library', organization: 'Oak Public Library' }], [['meeting', 'date'], '2026-05-11'], [['round'], 'spring-2026']),
    };
    const index = new WorkspaceIndex(() => '2026-11-20', { checkEvery: true });
    // Checked between reads, each file's latest findings kept, as the diagnostics publish them.
    const published = new Map<string, unknown>();
    const schedule = new CheckSchedule(index, {
      check: (u, local) => {
        published.set(u, index.check(u, { local }));
        schedule.markChecked(u);
      },
      publish: () => undefined,
      delayMs: 0,
      setTimer: (fn) => setImmediate(fn),
      clearTimer: (t) => clearImmediate(t as ReturnType<typeof setImmediate>),
    });
    index.onDidChange((c) => schedule.add(c.affected));
    const proto = Object.getPrototypeOf(index) as { relatedTo: (...a: unknown[]) => string[]; identity: () => unknown };
    const { relatedTo, identity } = proto;
    let lookups = 0;
    let identities = 0;
    proto.relatedTo = function (this: unknown, ...a: unknown[]) {
      lookups++;
      return relatedTo.apply(this, a);
    };
    proto.identity = function (this: unknown) {
      identities++;
      return identity.apply(this);
    };
    try {
      await index.loadFolder(slowFs(files), ROOT);
    } finally {
      proto.relatedTo = relatedTo;
      proto.identity = identity;
    }
    assert.ok(published.size > 0, 'files were checked during the load');
    assert.equal(lookups, 0, 'a file read by the load looked for its relatives');
    // The identity maps change with every file read: worked out once the load is over, not per batch.
    assert.equal(identities, 0, 'the identity maps were worked out during the load');
    schedule.loaded();
    schedule.flush();
    const fresh = new WorkspaceIndex(() => '2026-11-20');
    for (const [u, t] of Object.entries(files)) fresh.set(u, t);
    const newer = `${ROOT}/a/2026-11-12.worksheet.yaml`;
    assert.ok(fresh.check(newer).some((f) => f.code === 'duplicate-partner'));
    for (const u of Object.keys(files)) assert.deepEqual(published.get(u), fresh.check(u), u);
  });

  it('reads that resolve at once still let timers run as the load goes (the host stays responsive), unless told never to pause', async () => {
    // A fast or in-memory file system: no read waits, so only the load's own pauses free the thread.
    const files = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [sheet(i), partnerSheet(i)]));
    const fastFs = { findFiles: async () => Object.keys(files).sort(), readFile: async (uri: string) => new TextEncoder().encode(files[uri]) };
    const timerRunWhileLoading = async (sliceMs: number) => {
      const index = new WorkspaceIndex(() => '2026-11-20', { checkEvery: true });
      let fired = false;
      const timer = setTimeout(() => { fired = true; }, 0);
      let firedAtLastRead = false;
      await index.loadFolder(fastFs, ROOT, { sliceMs, onRead: () => { firedAtLastRead = fired; } });
      clearTimeout(timer);
      return firedAtLastRead;
    };
    assert.equal(await timerRunWhileLoading(0), true, 'no timer ran before the last file was read');
    assert.equal(await timerRunWhileLoading(Infinity), false);
  });

  it('checks each worksheet of the load before the next is read, on the parse the index made of it', async () => {
    const files = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [sheet(i), partnerSheet(i)]));
    const fastFs = { findFiles: async () => Object.keys(files).sort(), readFile: async (uri: string) => new TextEncoder().encode(files[uri]) };
    const index = new WorkspaceIndex(() => '2026-11-20', { checkEvery: true });
    const checked: string[] = [];
    const schedule = new CheckSchedule(index, {
      check: (u, local) => {
        index.check(u, { local });
        schedule.markChecked(u);
        checked.push(u);
      },
      publish: () => undefined,
      delayMs: 1000,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
    });
    index.onDidChange((c) => schedule.add(c.affected));
    const late: string[] = [];
    await index.loadFolder(fastFs, ROOT, { onRead: (u) => { if (checked.at(-1) !== u) late.push(u); } });
    schedule.dispose();
    assert.deepEqual(late, [], 'worksheets left for a later batch');
    assert.deepEqual(checked, Object.keys(files).sort());
    // The parse set() made was the one checked: none waits any more.
    assert.equal((index as unknown as { fresh: Map<string, unknown> }).fresh.size, 0);
  });

  it('an index told nothing asks for positions (the CLI) still gives a meeting\'s range and note lines when asked', () => {
    const ask = (options: { checkEvery: true; positions?: false }) => {
      const index = new WorkspaceIndex(() => '2026-10-21', options);
      index.set(sheet(1), partnerSheet(1));
      index.check(sheet(1), { retain: false, fixes: false });
      const doc = index.get(sheet(1))!;
      return { range: doc.meeting?.range, lines: doc.lines };
    };
    const made = ask({ checkEvery: true });
    assert.ok(made.range && made.range.end.line > 0 && made.lines && Object.keys(made.lines).length > 2);
    assert.deepEqual(ask({ checkEvery: true, positions: false }), made);
  });
});

