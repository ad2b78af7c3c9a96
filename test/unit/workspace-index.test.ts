import assert from 'node:assert/strict';
import fc from 'fast-check';
import { NO_FIXES, WorkspaceIndex, decodeSnapshot, encodeSnapshot } from '../../src/core/workspace';
import { SNAPSHOT_VERSION } from '../../src/core/workspace/snapshot';
import { CONFIG, CONVENING, REVIEW, WORKSHEET, codes, variant } from './helpers';
import { EXAMPLES, read } from './yaml-seeds';

const ROOT = '/team';
const RIVERSIDE = `${ROOT}/riverside-youth/2026-10-14.worksheet.yaml`;
const EASTSIDE = `${ROOT}/eastside-library/2026-10-20.worksheet.yaml`;
const CONV = `${ROOT}/convenings/westside.convening.yaml`;
const REV = `${ROOT}/reviews/autumn-2026.review.yaml`;

const eastside = (status: string) => variant(WORKSHEET,
  [['partner'], { id: 'eastside-library', organization: 'Eastside Library' }],
  [['status'], status],
  [['meeting', 'date'], '2026-10-20']);

function build(today = '2026-10-21'): WorkspaceIndex {
  const index = new WorkspaceIndex(() => today);
  index.set(RIVERSIDE, WORKSHEET);
  index.set(CONV, CONVENING);
  return index;
}

describe('workspace index', () => {
  it('groups meetings by partner id, newest first, with the default id from the organization', () => {
    const index = build();
    index.set(`${ROOT}/riverside-youth/2026-05-02.worksheet.yaml`, variant(WORKSHEET, [['meeting', 'date'], '2026-05-02'], [['round'], 'spring-2026']));
    index.set(`${ROOT}/x/2026-10-01.worksheet.yaml`, variant(WORKSHEET, [['partner'], { organization: 'Northgate Choir & Friends' }]));
    const partners = index.partners();
    assert.deepEqual(partners.map((p) => p.id), ['northgate-choir-and-friends', 'riverside-youth']);
    const riverside = index.partner('riverside-youth')!;
    assert.deepEqual(riverside.meetings.map((m) => m.date), ['2026-10-14', '2026-05-02']);
    assert.equal(riverside.organization, 'Riverside Youth Collective');
    assert.deepEqual(index.rounds(), ['spring-2026', 'autumn-2026']);
  });

  it('orders rounds by their middle meeting: one mistyped year does not make the latest round the oldest', () => {
    const index = new WorkspaceIndex(() => '2026-12-05');
    const meeting = (partner: string, date: string, round: string) => index.set(`${ROOT}/${partner}/${date}.worksheet.yaml`,
      variant(WORKSHEET, [['partner'], { id: partner, organization: partner }], [['meeting', 'date'], date], [['round'], round]));
    meeting('a', '2026-04-10', 'spring-2026');
    meeting('b', '2026-04-20', 'spring-2026');
    meeting('a', '2026-10-10', 'autumn-2026');
    meeting('b', '2026-10-20', 'autumn-2026');
    meeting('c', '2006-10-14', 'autumn-2026'); // 2026 typed as 2006
    assert.deepEqual(index.rounds(), ['spring-2026', 'autumn-2026']);
    // Two meetings: the round is placed by the first, as by the earliest.
    meeting('d', '2025-11-01', 'winter-2025');
    meeting('e', '2026-06-01', 'winter-2025');
    assert.deepEqual(index.rounds(), ['winter-2025', 'spring-2026', 'autumn-2026']);
  });

  it('unknown-partner names the convening partner with no worksheet, and suggests the nearest id', () => {
    const index = build();
    const findings = index.check(CONV).filter((f) => f.code === 'unknown-partner');
    assert.equal(findings.length, 3, 'the partners list and the two session lists');
    assert.match(findings[0].message, /eastside-library/);
    index.set(EASTSIDE, eastside('shared'));
    assert.deepEqual(index.check(CONV), []);
  });

  it('partner-not-met points at the partner and relates its planned meeting', () => {
    const index = build();
    index.set(EASTSIDE, eastside('planned'));
    const f = index.check(CONV).find((x) => x.code === 'partner-not-met');
    assert.ok(f);
    assert.equal(f.range.start.line, CONVENING.split('\n').findIndex((l) => l.includes('{id: eastside-library')));
    assert.equal(f.related?.[0].uri, EASTSIDE);
    index.set(EASTSIDE, eastside('held'));
    assert.ok(!index.check(CONV).some((x) => x.code === 'partner-not-met'), 'a held meeting counts');
  });

  it('round-not-all-held lists the round\'s meetings that are not held yet', () => {
    const index = build('2026-11-24');
    index.set(EASTSIDE, eastside('planned'));
    index.set(REV, REVIEW);
    const f = index.check(REV).find((x) => x.code === 'round-not-all-held');
    assert.ok(f);
    assert.match(f.message, /1 meeting of autumn-2026 is not held yet \(eastside-library\)/);
    assert.deepEqual(f.related?.map((r) => r.uri), [EASTSIDE]);
  });

  it('findings without quick fixes are kept apart: a caller that offers fixes gets them, one that offers none takes either', () => {
    const unthanked = variant(WORKSHEET, [['thanked'], false]);
    const strip = (list: readonly { fixes?: unknown }[]) => list.map(({ fixes: _, ...rest }) => rest);
    const index = new WorkspaceIndex(() => '2026-10-21');
    index.set(RIVERSIDE, unthanked);
    const bare = index.check(RIVERSIDE, NO_FIXES);
    assert.ok(bare.some((f) => f.code === 'not-thanked'));
    assert.ok(bare.every((f) => !f.fixes?.length), 'no fixes asked for, none made');
    assert.equal(index.check(RIVERSIDE, NO_FIXES), bare, 'kept: asked again, the same list');
    const full = index.check(RIVERSIDE);
    assert.ok(full.find((f) => f.code === 'not-thanked')?.fixes?.length, 'the findings kept without fixes do not serve a caller that offers them');
    assert.deepEqual(strip(full), strip(bare));

    const other = new WorkspaceIndex(() => '2026-10-21');
    other.set(RIVERSIDE, unthanked);
    const first = other.check(RIVERSIDE);
    assert.equal(other.check(RIVERSIDE, NO_FIXES), first, 'the findings with fixes serve a caller that offers none');

    // An edit forgets both.
    index.set(RIVERSIDE, WORKSHEET);
    assert.ok(!index.check(RIVERSIDE, NO_FIXES).some((f) => f.code === 'not-thanked'));
    assert.ok(!index.check(RIVERSIDE).some((f) => f.code === 'not-thanked'));
  });

  it('a check told to leave out related locations (the CLI prints none) says the same, without them', () => {
    const index = build('2026-11-24');
    index.set(EASTSIDE, eastside('planned'));
    index.set(REV, REVIEW);
    index.set(CONV, CONVENING);
    const withRelated = [...index.check(REV), ...index.check(CONV)];
    const without = [...index.check(REV, { related: false }), ...index.check(CONV, { related: false })];
    const related = withRelated.filter((f) => f.related?.length);
    assert.deepEqual(related.map((f) => f.code).sort(), ['partner-not-met', 'round-not-all-held']);
    assert.ok(related.every((f) => f.related!.every((r) => r.uri === EASTSIDE && r.range.start.line > 0)), 'each points at the partner id in its worksheet');
    assert.deepEqual(without.map(({ related: _, ...rest }) => rest), withRelated.map(({ related: _, ...rest }) => rest));
    assert.ok(without.every((f) => f.related === undefined));
    assert.ok(index.check(REV).some((f) => f.related?.length), 'the uncached check after it has them again');
  });

  it('round-not-all-held names partners in order whatever order files came in, a handful of them, and counts the rest', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `p-${String.fromCharCode(108 - i)}`); // p-l, p-k, ... p-a
    const messages = [ids, [...ids].reverse()].map((order) => {
      const index = build('2026-11-24');
      for (const id of order) index.set(`/ws/${id}.worksheet.yaml`, eastside('planned').replace(/eastside-library/g, id));
      index.set(REV, REVIEW);
      return index.check(REV).find((x) => x.code === 'round-not-all-held')?.message;
    });
    assert.equal(messages[0], messages[1]);
    assert.match(messages[0] ?? '', /not held yet \(p-a, p-b, p-c, p-d, p-e, p-f, p-g, p-h and 4 more\)/);
  });

  it('a worksheet change reports the convenings and reviews it affects, and their findings update', () => {
    const index = build();
    const seen: string[][] = [];
    index.onDidChange((c) => seen.push(c.affected));
    assert.ok(index.check(CONV).some((f) => f.code === 'unknown-partner'));
    const change = index.set(EASTSIDE, eastside('shared'));
    assert.deepEqual(change.affected.sort(), [CONV, EASTSIDE].sort());
    assert.equal(seen.length, 1);
    assert.deepEqual(codes(index.check(CONV)), []);
    const del = index.delete(EASTSIDE);
    assert.ok(del.affected.includes(CONV));
    assert.ok(index.check(CONV).some((f) => f.code === 'unknown-partner'));
  });

  it('a worksheet with no round, and no partner either, follows the rounds of the others', () => {
    // Found by the robustness property: its missing-round finding names the
    // rounds of its neighbours by date, and kept one that was gone.
    const index = new WorkspaceIndex(() => '2026-10-21');
    const noPartner = `${ROOT}/unsorted/2026-10-14.worksheet.yaml`;
    index.set(RIVERSIDE, WORKSHEET);
    index.set(noPartner, variant(WORKSHEET, [['partner']], [['round']]));
    const message = () => index.check(noPartner).find((f) => f.code === 'missing-round')?.message ?? '';
    assert.match(message(), /Meetings near its date are in `autumn-2026`/);
    const change = index.set(RIVERSIDE, variant(WORKSHEET, [['round'], 'spring-2027']));
    assert.ok(change.affected.includes(noPartner), change.affected.join(', '));
    assert.match(message(), /Meetings near its date are in `spring-2027`/);
    index.delete(RIVERSIDE);
    assert.doesNotMatch(message(), /Meetings near/);
    assert.ok(index.mayBeFlaggedByWorkspaceRules().has(noPartner), 'the CLI and the diagnostics check it again once a load is over');
  });

  it('the nearest settings file sets severities and thresholds for files below it', () => {
    const index = build();
    const long = variant(WORKSHEET, [['meeting', 'duration_minutes'], 75]);
    index.set(RIVERSIDE, long);
    assert.equal(index.check(RIVERSIDE).find((f) => f.code === 'meeting-length')?.severity, 'info');
    const change = index.set(`${ROOT}/partner-worksheets.yaml`, CONFIG);
    assert.ok(change.affected.includes(RIVERSIDE));
    assert.equal(index.check(RIVERSIDE).find((f) => f.code === 'meeting-length')?.severity, 'warning');
    index.set(`${ROOT}/partner-worksheets.yaml`, CONFIG.replace('max: 60', 'max: 90'));
    assert.ok(!index.check(RIVERSIDE).some((f) => f.code === 'meeting-length'));
  });

  it('a settings file with errors falls back to the defaults, with its findings on the settings file', () => {
    const index = build();
    const settings = `${ROOT}/partner-worksheets.yaml`;
    const long = variant(WORKSHEET, [['meeting', 'duration_minutes'], 75]);
    index.set(RIVERSIDE, long);
    // A syntax error: nothing of it applies; the worksheet is checked with the default severities.
    index.set(settings, `${CONFIG}rules: {meeting-length: [warning\n`);
    assert.ok(index.check(settings).some((f) => f.code === 'yaml-syntax'), 'the settings file says what is wrong');
    assert.equal(index.check(RIVERSIDE).find((f) => f.code === 'meeting-length')?.severity, 'info');
    // Wrong values: the usable parts apply, the rest falls back, and each mistake is a finding on its line.
    index.set(settings, CONFIG.replace('meeting-length: warning', 'meeting-length: loud').replace('max: 60', 'max: sixty'));
    const findings = index.check(settings);
    assert.deepEqual(findings.map((f) => [f.code, f.range.start.line + 1]).sort(), [['schema', 5], ['schema', 6]]);
    assert.ok(findings.some((f) => /must be one of: error, warning, info, off/.test(f.message)), JSON.stringify(findings.map((f) => f.message)));
    assert.equal(index.check(RIVERSIDE).find((f) => f.code === 'meeting-length')?.severity, 'info', 'the bad severity falls back to the default');
    assert.ok(index.check(RIVERSIDE).some((f) => f.code === 'meeting-length'), 'the bad maximum falls back to 60');
    assert.ok(!index.check(RIVERSIDE).some((f) => f.code === 'not-thanked'), 'the good parts still apply');
  });

  it('checks an editor buffer without changing the indexed text', () => {
    const index = build();
    const edited = variant(WORKSHEET, [['confirmation']]);
    assert.ok(index.check(RIVERSIDE, { text: edited }).some((f) => f.code === 'missing-confirmation'));
    assert.deepEqual(index.check(RIVERSIDE), []);
  });

  it('keeps the vocabulary completion offers (partners, people, themes, rounds) and follows every edit', () => {
    const index = build();
    index.set(REV, REVIEW);
    const before = index.vocabulary();
    assert.deepEqual(before.partners, [{ id: 'riverside-youth', organization: 'Riverside Youth Collective', meetings: 1 }]);
    assert.deepEqual(before.people, ['ana', 'jordan', 'sam'], 'attendees, owners and the coordinator');
    assert.deepEqual(before.themes, ['space', 'visibility', 'capacity']);
    assert.deepEqual(before.rounds, ['autumn-2026']);
    assert.equal(index.vocabulary(), before, 'asked again without a change, the same answer');
    index.set(EASTSIDE, variant(eastside('held'), [['meeting', 'our_attendees'], ['lee']], [['round'], 'spring-2027'], [['notes', 'goals'], [{ text: 'A reading room', themes: ['space', 'reading'] }]]));
    const after = index.vocabulary();
    assert.deepEqual(after.partners.map((p) => p.id), ['eastside-library', 'riverside-youth']);
    assert.deepEqual(after.people, ['ana', 'jordan', 'lee', 'sam']);
    assert.deepEqual(after.themes, ['space', 'visibility', 'capacity', 'reading']);
    assert.deepEqual(after.rounds, ['autumn-2026', 'spring-2027']);
    index.delete(REV);
    assert.deepEqual(index.vocabulary().people, ['jordan', 'lee', 'sam'], 'a deleted review takes its attendees along');
  });

  it('loads a folder through the FileSystem interface, and an unreadable file does not stop it', async () => {
    const files: Record<string, string> = { [RIVERSIDE]: WORKSHEET, [CONV]: CONVENING, [`${ROOT}/broken.worksheet.yaml`]: '' };
    const fs = {
      findFiles: async () => Object.keys(files),
      readFile: async (uri: string) => {
        if (uri.endsWith('broken.worksheet.yaml')) throw new Error('EACCES');
        return new TextEncoder().encode(files[uri]);
      },
    };
    const index = new WorkspaceIndex(() => '2026-10-21');
    const progress: number[] = [];
    const result = await index.loadFolder(fs, ROOT, (done) => progress.push(done));
    // Listed with the reason, not indexed as an empty worksheet.
    assert.deepEqual(result.unreadable, [{ uri: `${ROOT}/broken.worksheet.yaml`, reason: 'EACCES' }]);
    assert.equal(index.documents().length, 2);
    assert.deepEqual(progress.sort(), [1, 2, 3]);
    assert.deepEqual(index.partnerIds(), ['riverside-youth']);
  });

  it('names the files it is about to read, settings first and convenings and reviews last, and reads them in that order through readText where the file system decodes', async () => {
    const settings = `${ROOT}/partner-worksheets.yaml`;
    const files: Record<string, string> = { [CONV]: CONVENING, [RIVERSIDE]: WORKSHEET, [settings]: CONFIG };
    const named: string[][] = [];
    const read: string[] = [];
    const fs = {
      findFiles: async () => Object.keys(files).sort(),
      readFile: async (): Promise<Uint8Array> => { throw new Error('readText is there'); },
      readText: async (uri: string) => { read.push(uri); return files[uri]; },
      willRead: (uris: readonly string[]) => { named.push([...uris]); },
    };
    const index = new WorkspaceIndex(() => '2026-10-21');
    const result = await index.loadFolder(fs, ROOT);
    assert.deepEqual(result.unreadable, []);
    assert.deepEqual(named, [[settings, RIVERSIDE, CONV]]);
    assert.deepEqual(read, named[0]);
    assert.equal(index.documents().length, 3);
  });

  it('tells each convening and review once while a folder loads, not once per worksheet read after it', async () => {
    // Listed first by path, as a `convenings/` folder is beside `partner-…` folders.
    const files: Record<string, string> = {};
    for (let i = 0; i < 20; i++) files[`${ROOT}/a-convenings/c${i}.convening.yaml`] = CONVENING;
    for (let i = 0; i < 200; i++) files[`${ROOT}/partner-${i}/m.worksheet.yaml`] = WORKSHEET.replace('riverside-youth', `partner-${i}`);
    const fs = { findFiles: async () => Object.keys(files).sort(), readFile: async (uri: string) => new TextEncoder().encode(files[uri]) };
    const index = new WorkspaceIndex(() => '2026-10-21');
    let told = 0;
    index.onDidChange((change) => { told += change.affected.length; });
    await index.loadFolder(fs, ROOT);
    assert.equal(index.documents().length, 220);
    // Each file once; read before the worksheets, the convenings were told again with each (4,220).
    assert.ok(told <= 220 + 20, `${told} files told as changed`);
  });
});

describe('index snapshot', () => {
  it('restores unchanged files without reading them, and lists changed and new ones', () => {
    const index = build();
    index.set(EASTSIDE, eastside('held'));
    const stamps = new Map([[RIVERSIDE, 'a'], [CONV, 'b'], [EASTSIDE, 'c']]);
    const snap = JSON.parse(JSON.stringify(index.snapshot((u) => stamps.get(u))));
    const warm = new WorkspaceIndex(() => '2026-10-21');
    const now = new Map([[RIVERSIDE, 'a'], [CONV, 'b'], [EASTSIDE, 'changed'], [REV, 'new']]);
    const toRead = warm.restore(snap, now);
    assert.deepEqual(toRead.sort(), [EASTSIDE, REV].sort());
    assert.deepEqual(warm.partnerIds(), ['riverside-youth']);
    assert.deepEqual(warm.check(CONV), build().check(CONV));
  });

  it('reads again a file the file system gave no stamp for, and keeps no such file in the snapshot', () => {
    const index = build();
    const unknown = (u: string) => (u === CONV ? 'unknown' : 'a');
    const kept = index.snapshot(unknown).docs.map((d) => d.uri);
    assert.ok(kept.includes(RIVERSIDE) && !kept.includes(CONV), kept.join(', '));
    // A snapshot written before that rule, holding the stamp a failed stat gives.
    const snap = { version: index.snapshot(() => 'a').version, docs: index.snapshot(() => 'a').docs.map((d) => ({ ...d, stamp: 'unknown' })) };
    const warm = new WorkspaceIndex(() => '2026-10-21');
    assert.deepEqual(warm.restore(snap, new Map([[RIVERSIDE, 'unknown']])), [RIVERSIDE]);
    assert.equal(warm.documents().length, 0);
  });

  it('keeps each partner id as the worksheet writes it, not as the team\'s aliases read it', () => {
    // The team once called Riverside "riverside"; that worksheet is kept under the id it writes,
    // so a later start without the alias groups it as written.
    const index = new WorkspaceIndex(() => '2026-10-21');
    index.set(`${ROOT}/partner-worksheets.yaml`, `${CONFIG}\naliases: {riverside: riverside-youth}\n`);
    index.set(RIVERSIDE, WORKSHEET.replace('id: riverside-youth', 'id: riverside'));
    assert.deepEqual(index.partnerIds(), ['riverside-youth']);
    const snap = JSON.parse(JSON.stringify(index.snapshot((u) => (u === RIVERSIDE ? 'a' : undefined))));
    const warm = new WorkspaceIndex(() => '2026-10-21');
    assert.deepEqual(warm.restore(snap, new Map([[RIVERSIDE, 'a']])), []);
    assert.deepEqual(warm.partnerIds(), ['riverside']);
  });

  // As the extension persists it: encoded, written, read back.
  const persisted = (index: WorkspaceIndex, stampOf: (u: string) => string | undefined) => decodeSnapshot(encodeSnapshot(index.snapshot(stampOf)));

  it('persists the texts apart from the JSON and gives back every text and fact as written', () => {
    const index = build();
    // Line ends of both kinds, quotes, a backslash, letters beyond ASCII and beyond 16 bits, a line that looks like JSON.
    index.set(EASTSIDE, `${eastside('held').replace(/\n/g, '\r\n')}# "Østre" \\ café 🎨\n{"version":6,"docs":[]}\n`);
    index.set(`${ROOT}/empty.worksheet.yaml`, '');
    const stamps = () => 'stamp';
    const back = persisted(index, stamps);
    assert.deepEqual(back, JSON.parse(JSON.stringify(index.snapshot(stamps))));
    const warm = new WorkspaceIndex(() => '2026-10-21');
    assert.deepEqual(warm.restore(back, new Map(index.documents().map((d) => [d.uri, 'stamp']))), []);
    for (const d of index.documents()) {
      assert.equal(warm.get(d.uri)?.text, d.text, d.uri);
      assert.deepEqual(warm.check(d.uri), index.check(d.uri), d.uri);
    }
  });

  it('gives back every meeting of the example workspace with each of its facts, every fact of a meeting held by one of them', () => {
    const index = new WorkspaceIndex(() => '2026-11-24');
    for (const path of EXAMPLES) index.set(path, read(path));
    const back = persisted(index, () => 'stamp');
    const warm = new WorkspaceIndex(() => '2026-11-24');
    assert.deepEqual(warm.restore(back, new Map(index.documents().map((d) => [d.uri, 'stamp']))), []);
    const facts = (m: unknown) => JSON.parse(JSON.stringify(m, (_k, v: unknown) => (v === undefined ? '(none)' : v))) as Record<string, unknown>;
    const held = new Set<string>();
    for (const d of index.documents('worksheet')) {
      const meeting = facts(d.meeting);
      assert.deepEqual(facts(warm.get(d.uri)?.meeting), meeting, d.uri);
      for (const [key, value] of Object.entries(meeting)) {
        if (value === '(none)') continue;
        held.add(key);
        if (key === 'nextStep') for (const [k, v] of Object.entries(value as object)) if (v !== '(none)') held.add(`nextStep.${k}`);
      }
    }
    // Not an empty comparison: each field of a snapshot's meeting went through it at least once.
    assert.deepEqual([...held].sort(), ['community', 'confirmation', 'date', 'durationMinutes', 'followUpDate', 'nextStep', 'nextStep.action', 'nextStep.due', 'nextStep.owner',
      'nextStep.servesGoal', 'nextStep.status', 'organization', 'partnerId', 'round', 'start', 'status', 'successInTheirWords', 'uri', 'writtenId']);
  });

  it('gives back any texts exactly', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string().map((t) => `\uFEFF${t}`)), { maxLength: 5 }), (texts) => {
      const index = new WorkspaceIndex(() => '2026-10-21');
      texts.forEach((t, i) => index.set(`${ROOT}/p${i}/x.worksheet.yaml`, t));
      const back = persisted(index, () => 's');
      assert.deepEqual(back?.docs.map((d) => d.text), index.documents().map((d) => d.text));
    }), { numRuns: 200 });
  });

  it('reads no snapshot from a file cut short, grown, or in the format before', () => {
    const index = build();
    const whole = encodeSnapshot(index.snapshot(() => 'a'));
    const bytes = (text: string) => new TextEncoder().encode(text);
    assert.ok(decodeSnapshot(whole));
    assert.equal(decodeSnapshot(whole.subarray(0, -1)), undefined, 'cut short');
    assert.equal(decodeSnapshot(new Uint8Array([...whole, 0x78])), undefined, 'grown');
    assert.equal(decodeSnapshot(whole.subarray(0, whole.indexOf(0x0a))), undefined, 'no texts');
    assert.equal(decodeSnapshot(bytes(JSON.stringify({ ...index.snapshot(() => 'a'), version: SNAPSHOT_VERSION - 1 }))), undefined, 'the format before');
    assert.equal(decodeSnapshot(new Uint8Array()), undefined);
    assert.equal(decodeSnapshot(bytes(`{"version":${SNAPSHOT_VERSION},"lengths":[-1],"docs":[{"uri":"x"}]}\n`)), undefined);
    assert.equal(decodeSnapshot(bytes(`{"version":${SNAPSHOT_VERSION},"lengths":[1, 0],"docs":[{"uri":"x"}]}\na`)), undefined);
  });

  it('reopens a folder from its snapshot, read while the files are found and stamped, all stamps at once where the file system can', async () => {
    const files: Record<string, string> = { [RIVERSIDE]: WORKSHEET, [CONV]: CONVENING, [EASTSIDE]: eastside('held') };
    const stampOf: Record<string, string> = { [RIVERSIDE]: 'a', [CONV]: 'b', [EASTSIDE]: 'c' };
    const read: string[] = [];
    const events: string[] = [];
    const fs = {
      findFiles: async () => { events.push('find'); return Object.keys(files).sort(); },
      readFile: async (uri: string) => { read.push(uri); return new TextEncoder().encode(files[uri]); },
      stamp: async (uri: string) => stampOf[uri],
    };
    const first = new WorkspaceIndex(() => '2026-10-21');
    const loaded = await first.loadFolder(fs, ROOT);
    const persisted = encodeSnapshot(first.snapshot((u) => loaded.stamps.get(u)));
    read.length = 0;
    // Eastside changed while VS Code was closed.
    stampOf[EASTSIDE] = 'c2';
    files[EASTSIDE] = eastside('filled');
    let taken = 0;
    const snapshot = Promise.resolve().then(() => { events.push('snapshot read'); return decodeSnapshot(persisted); });
    const warm = new WorkspaceIndex(() => '2026-10-21');
    const result = await warm.loadFolder({ ...fs, stamps: async (uris: readonly string[]) => { taken++; return uris.map((u) => stampOf[u]); } }, ROOT, { snapshot });
    assert.deepEqual(events.slice(-2), ['find', 'snapshot read'], 'the snapshot is read while the files are found');
    assert.equal(taken, 1, 'every stamp in one call');
    assert.equal(result.reused, 2);
    assert.deepEqual(read, [EASTSIDE], 'only the changed file is read');
    assert.deepEqual([...result.stamps].sort(), [[CONV, 'b'], [EASTSIDE, 'c2'], [RIVERSIDE, 'a']].sort());
    assert.equal(warm.get(EASTSIDE)?.meeting?.status, 'filled');
    const fresh = new WorkspaceIndex(() => '2026-10-21');
    await fresh.loadFolder(fs, ROOT);
    for (const uri of Object.keys(files)) assert.deepEqual(warm.check(uri), fresh.check(uri), uri);
  });

  it('reads again the files whose entries a damaged snapshot holds in another shape, and takes the rest', () => {
    const index = build();
    const snap = index.snapshot(() => 's');
    const [good, ...others] = snap.docs;
    const damaged = [
      { ...others[0], meeting: 5 },
      { ...good, uri: `${ROOT}/b/x.worksheet.yaml`, meeting: [42, ...good.meeting!.slice(1)] },
      { ...good, uri: `${ROOT}/c/x.worksheet.yaml`, meeting: good.meeting!.map((v, i) => (i === 1 ? ['Oak'] : v)) },
      { ...good, uri: `${ROOT}/d/x.worksheet.yaml`, readFindings: [{ code: 'yaml-syntax' }] },
      { ...good, uri: `${ROOT}/e/x.worksheet.yaml`, meeting: good.meeting!.map((v, i) => (i === 10 ? 'call them' : v)) },
      { ...good, uri: `${ROOT}/f/x.worksheet.yaml`, positions: { range: null, lines: {} } },
      // A meeting kept as an object, as the format before wrote it under the same version.
      { ...good, uri: `${ROOT}/g/x.worksheet.yaml`, meeting: { partnerId: 'riverside-youth' } },
      // Rows of another length: a build with another list of facts under the same version.
      { ...good, uri: `${ROOT}/h/x.worksheet.yaml`, meeting: good.meeting!.slice(0, -1) },
      { ...good, uri: `${ROOT}/i/x.worksheet.yaml`, meeting: [...good.meeting!, null] },
    ];
    assert.ok(good.meeting, 'the first entry is a worksheet');
    const warm = new WorkspaceIndex(() => '2026-10-21');
    const current = new Map([good, ...damaged].map((d) => [d.uri, 's']));
    const toRead = warm.restore({ version: snap.version, docs: [good, ...damaged] }, current);
    assert.deepEqual(toRead.sort(), damaged.map((d) => d.uri).sort());
    assert.deepEqual(warm.documents().map((d) => d.uri), [good.uri]);
    assert.deepEqual(warm.partners().map((p) => p.id), index.partners().filter((p) => p.meetings.some((m) => m.uri === good.uri)).map((p) => p.id));
  });

  it('ignores a snapshot of another version or shape', () => {
    const warm = new WorkspaceIndex(() => '2026-10-21');
    assert.deepEqual(warm.restore({ version: 99, docs: [] }, new Map([[RIVERSIDE, 'a']])), [RIVERSIDE]);
    assert.deepEqual(warm.restore('nonsense', new Map([[RIVERSIDE, 'a']])), [RIVERSIDE]);
    assert.equal(warm.documents().length, 0);
  });
});
