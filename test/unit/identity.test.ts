// Who is who and which round is which across the workspace: the cases the
// table in rules.test.ts cannot show, because they are about more than the
// one document checked (which of two files is flagged, aliases, and that an
// edit to one worksheet refreshes the findings of the others).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { IdentitySoFar, WorkspaceIndex } from '../../src/core/workspace';
import { buildIdentity, roundsAlike, roundsNear } from '../../src/core/workspace/identity';
import { CONVENING, WORKSHEET, applyEdits, bareMeeting, codes, variant } from './helpers';
import { summarize } from '../../src/core/summary/summarize';

const OLDER = '/team/oak/2026-05-11.worksheet.yaml';
const NEWER = '/team/oak/2026-11-12.worksheet.yaml';
const CONV = '/team/convenings/oak.convening.yaml';
const SETTINGS = '/team/partner-worksheets.yaml';

const oak = (id: string, organization: string, date: string, round: string) => variant(WORKSHEET,
  [['partner'], { id, organization }], [['meeting', 'date'], date], [['round'], round], [['next_step', 'status'], 'done'], [['follow_up']]);

function workspace(): WorkspaceIndex {
  const index = new WorkspaceIndex(() => '2026-11-20');
  index.set(OLDER, oak('oak-library', 'Oak Public Library', '2026-05-11', 'spring-2026'));
  index.set(NEWER, oak('oak-public-library', 'Oak Public Library.', '2026-11-12', 'autumn-2026'));
  return index;
}

const only = (index: WorkspaceIndex, uri: string, code: string) => index.check(uri).filter((f) => f.code === code);

describe('identity and rounds across the workspace', () => {
  it('duplicate-partner flags the newer id only, pointing at the older worksheet', () => {
    const index = workspace();
    assert.deepEqual(only(index, OLDER, 'duplicate-partner'), []);
    const [f] = only(index, NEWER, 'duplicate-partner');
    assert.match(f.message, /"Oak Public Library\." already has the partner id `oak-library` \(first met 2026-05-11\)/);
    assert.equal(f.related?.[0].uri, OLDER);
  });

  it('an alias in the settings joins the old id to the partner: one partner, no duplicate, a known id in convenings', () => {
    const index = workspace();
    index.set(CONV, variant(CONVENING, [['partners'], [{ id: 'oak-public-library', roles: ['leadership'] }]], [['vision_setting', 'sessions'], []]));
    index.set(SETTINGS, 'kind: config\naliases: {oak-public-library: oak-library}\n');
    assert.deepEqual(index.partners().map((p) => [p.id, p.meetings.length]), [['oak-library', 2]]);
    assert.deepEqual(only(index, NEWER, 'duplicate-partner'), []);
    assert.deepEqual(only(index, CONV, 'unknown-partner'), []);
    assert.equal(index.meetingsOf('oak-public-library').length, 2);
  });

  it('an edit to one worksheet refreshes the identity findings of the other', () => {
    const index = workspace();
    assert.equal(only(index, NEWER, 'duplicate-partner').length, 1);
    // The older worksheet is renamed to another organisation: the newer id is no duplicate any more.
    const change = index.set(OLDER, oak('oak-library', 'Oak Street Library', '2026-05-11', 'spring-2026'));
    assert.ok(change.affected.includes(NEWER), 'the other worksheet is among the affected');
    assert.deepEqual(only(index, NEWER, 'duplicate-partner'), []);
  });

  it('an edit that keeps who is who updates the partners, rounds and identity in place, lines moved included', () => {
    const index = workspace();
    const identity = index.identity();
    const firstLine = () => index.partnersNamed('Oak Public Library')[0].first.range.start.line;
    const line = firstLine();
    assert.equal(index.partner('oak-library')!.community, undefined);
    assert.equal(index.meetingsInRound('spring-2026')[0].range.start.line, line);
    // Two comment lines on top, a new next step and community: the same partner, round, date and status.
    const edited = `# Met at the branch.\n# Notes typed up the same day.\n${variant(oak('oak-library', 'Oak Public Library', '2026-05-11', 'spring-2026'),
      [['next_step', 'action'], 'Book the reading room for the autumn fair'],
      [['partner', 'community'], 'Families around Oak Street'])}`;
    const change = index.set(OLDER, edited);
    assert.equal(change.structure, false);
    // Built once, kept through the edit: rebuilding it per keystroke is what made edits slow in big workspaces.
    assert.equal(index.identity(), identity);
    assert.equal(firstLine(), line + 2, 'the earliest meeting points at its line in the edited text');
    const partner = index.partner('oak-library')!;
    assert.equal(partner.meetings[0].nextStep?.action, 'Book the reading room for the autumn fair');
    assert.equal(partner.community, 'Families around Oak Street');
    assert.equal(index.meetingsInRound('spring-2026')[0].range.start.line, line + 2);
    assert.equal(index.meetingsOf('oak-library')[0].range.start.line, line + 2);
    index.invalidate();
    const [f] = only(index, NEWER, 'duplicate-partner');
    assert.equal(f.related?.[0].range.start.line, line + 2, 'the duplicate finding relates the line as it is now');
    // A change to who is who builds them again.
    index.set(OLDER, oak('oak-library', 'Oak Street Library', '2026-05-11', 'spring-2026'));
    assert.notEqual(index.identity(), identity);
    assert.deepEqual(index.partnersNamed('Oak Public Library'), []);
  });

  it('the duplicate-partner fix gives the partner its existing id, and the finding goes', () => {
    const index = workspace();
    const [f] = only(index, NEWER, 'duplicate-partner');
    const fixed = applyEdits(index.get(NEWER)!.text, f.fixes![0].edits);
    index.set(NEWER, fixed);
    assert.deepEqual(codes(index.check(NEWER)).filter((c) => c === 'duplicate-partner' || c === 'schema'), []);
    assert.equal(index.partners().length, 1);
  });

  it('missing-round offers the round of the nearest meetings by date first', () => {
    const index = workspace();
    const uri = '/team/harbour/2026-11-20.worksheet.yaml';
    index.set(uri, variant(oak('harbour-youth', 'Harbour Youth Trust', '2026-11-20', 'x'), [['round']]));
    const [f] = only(index, uri, 'missing-round');
    assert.deepEqual(f.fixes?.map((x) => x.title), ['Put it in `autumn-2026` (its neighbours by date)', 'Put it in `spring-2026`']);
    assert.equal(f.fixes?.[0].preferred, true);
  });

  it('missing-round finds the nearest meetings by date whatever order the worksheets were read in', () => {
    const index = new WorkspaceIndex(() => '2026-11-20');
    // Newest first, as a folder of dated files can be read.
    index.set('/team/a/2026-11-12.worksheet.yaml', oak('a', 'A', '2026-11-12', 'autumn-2026'));
    index.set('/team/b/2026-05-11.worksheet.yaml', oak('b', 'B', '2026-05-11', 'spring-2026'));
    index.set('/team/c/2025-10-01.worksheet.yaml', oak('c', 'C', '2025-10-01', 'autumn-2025'));
    const uri = '/team/d/2025-10-05.worksheet.yaml';
    index.set(uri, variant(oak('d', 'D', '2025-10-05', 'x'), [['round']]));
    const [f] = only(index, uri, 'missing-round');
    assert.deepEqual(f.fixes?.map((x) => x.title), ['Put it in `autumn-2025` (its neighbours by date)', 'Put it in `spring-2026`']);
  });

  it('round-lookalike needs far fewer meetings and the same numbers', () => {
    const index = workspace();
    for (const [i, p] of ['a', 'b', 'c'].entries()) index.set(`/team/${p}/2026-10-0${i + 1}.worksheet.yaml`, oak(p, p.toUpperCase(), `2026-10-0${i + 1}`, 'autumn-2026'));
    const typo = '/team/d/2026-10-09.worksheet.yaml';
    index.set(typo, oak('d', 'D', '2026-10-09', 'autum-2026'));
    assert.equal(only(index, typo, 'round-lookalike').length, 1);
    // Two rounds of nearly the same size are two rounds.
    // The typo, later than the round it copies, is not the review's default round.
    assert.equal(summarize(index, { today: '2026-11-20' }).round, 'autumn-2026');
    for (const p of ['e', 'f', 'g']) index.set(`/team/${p}/2026-10-10.worksheet.yaml`, oak(p, p.toUpperCase(), '2026-10-10', 'autum-2026'));
    assert.deepEqual(only(index, typo, 'round-lookalike'), []);
  });
});

describe('who is who as worksheets are read one after another (IdentitySoFar)', () => {
  // Read in this order; the CLI keeps a worksheet's answers for its second check where add() says true.
  const reads: [string, string, string][] = [
    ['/team/a/1.worksheet.yaml', 'oak-library', 'Oak Public Library'],
    ['/team/b/1.worksheet.yaml', 'birch-hall', 'Birch Hall'],
    ['/team/a/2.worksheet.yaml', 'oak-library', 'Oak Public Library.'], // the same name, written another way
    ['/team/b/2.worksheet.yaml', 'birch-hall', 'Birch Community Hall'], // renamed
    ['/team/b/3.worksheet.yaml', 'birch-hall', 'Birch Hall'], // the first name again
    ['/team/c/1.worksheet.yaml', 'cedar-club', 'Cedar Club'],
    ['/team/c/2.worksheet.yaml', 'cedar', 'Cedar Club'], // the same name under a second id
    ['/team/c/3.worksheet.yaml', 'cedar-club', 'Cedar Club'],
    ['/team/d/1.worksheet.yaml', 'elm', 'Elm Group'],
  ];
  const said = () => {
    const soFar = new IdentitySoFar();
    return reads.map(([, id, organization]) => soFar.add({ partnerId: id, organization }));
  };

  it('says a meeting is concerned once what was read before makes it so, and of later meetings of that partner', () => {
    assert.deepEqual(said(), [false, false, false, true, true, false, true, true, false]);
  });

  it('says so of the meetings the workspace, once all read, checks again, and of a few more', () => {
    const index = new WorkspaceIndex(() => '2026-11-20');
    reads.forEach(([uri, id, organization], i) => index.set(uri, oak(id, organization, `2026-10-${10 + i}`, 'autumn-2026')));
    const concerned = index.mayBeFlaggedByWorkspaceRules();
    // Checked again: the first meeting under the second name, and the meeting under the second id.
    assert.deepEqual(reads.filter(([uri]) => concerned.has(uri)).map(([uri]) => uri), ['/team/b/2.worksheet.yaml', '/team/c/2.worksheet.yaml']);
    said().forEach((yes, i) => { if (concerned.has(reads[i][0])) assert.ok(yes, reads[i][0]); });
    // Said of later meetings of those partners too, which cannot be told apart as they are read: a recording each, for nothing.
    assert.deepEqual(reads.filter(([uri], i) => said()[i] && !concerned.has(uri)).map(([uri]) => uri), ['/team/b/3.worksheet.yaml', '/team/c/3.worksheet.yaml']);
  });

  it('gives the share of meetings concerned when added', () => {
    const soFar = new IdentitySoFar();
    assert.equal(soFar.concernedShare, 0);
    for (const [, id, organization] of reads) soFar.add({ partnerId: id, organization });
    assert.equal(soFar.concernedShare, 4 / 9);
  });
});

describe('the rounds nearest a worksheet with no round (roundsNear)', () => {
  /** The walk one meeting at a time, as roundsNear was first written: what the walk by runs must give. */
  function oneByOne(meetings: { date: string; round: string }[], lookalikes: ReadonlySet<string>, date: string, limit: number): string[] {
    const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);
    const t = ms(date);
    if (Number.isNaN(t)) return [];
    const dated = meetings.filter((m) => !Number.isNaN(ms(m.date))).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    let lo = 0;
    while (lo < dated.length && dated[lo].date < date) lo++;
    const out: string[] = [];
    let left = lo - 1;
    let right = lo;
    while (out.length < limit && (left >= 0 || right < dated.length)) {
      const dl = left >= 0 ? t - ms(dated[left].date) : Infinity;
      const dr = right < dated.length ? ms(dated[right].date) - t : Infinity;
      const x = dr <= dl ? dated[right++] : dated[left--];
      if (!lookalikes.has(x.round) && !out.includes(x.round)) out.push(x.round);
    }
    return out;
  }

  const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-0${1 + (d % 9)}-${String(d).padStart(2, '0')}`);
  // Few rounds, so that meetings of one round sit together in long runs, and a lookalike among them.
  const round = fc.constantFrom('spring-2026', 'autumn-2026', 'autum-2026', 'winter-2026');
  const meeting = fc.record({ date: fc.oneof(day, fc.constant('2026-13-01')), round });

  it('gives the rounds of the nearest meetings, nearest first, as the walk one meeting at a time', () => {
    fc.assert(fc.property(fc.array(meeting, { maxLength: 60 }), fc.oneof(day, fc.constant('2026-02-30')), fc.integer({ min: 1, max: 3 }), (meetings, date, limit) => {
      const list = meetings.map((m, i) => bareMeeting(`/team/p${i}/x.worksheet.yaml`, `p${i}`, m.round, m.date));
      const identity = buildIdentity(list);
      // The index's own lookalikes: a round far smaller than one it is a typo of.
      const lookalikes = new Set(identity.lookalikes.keys());
      assert.deepEqual(roundsNear(identity, date, limit), oneByOne(meetings, lookalikes, date, limit));
    }), { numRuns: 500 });
  });

  it('finds the lookalike rounds that comparing every round with every other finds', () => {
    const word = fc.constantFrom('spring', 'sprin', 'autumn', 'autum', 'visit', 'vist');
    const roundName = fc.tuple(word, fc.constantFrom('2025', '2026', '2026-b', '2026-2')).map(([w, n]) => `${w}-${n}`);
    fc.assert(fc.property(fc.array(roundName, { maxLength: 40 }), (rounds) => {
      const list = rounds.map((round, i) => bareMeeting(`/team/p${i}/x.worksheet.yaml`, `p${i}`, round, '2026-05-01'));
      const sizes = new Map<string, number>();
      for (const r of rounds) sizes.set(r, (sizes.get(r) ?? 0) + 1);
      const expected = new Map<string, string>();
      for (const [small, n] of sizes) {
        let best: [string, number] | undefined;
        for (const [big, m] of sizes) if (n * 2 <= m && roundsAlike(small, big) && (!best || m > best[1])) best = [big, m];
        if (best) expected.set(small, best[0]);
      }
      assert.deepEqual(new Map([...buildIdentity(list).lookalikes].map(([small, { round }]) => [small, round])), expected);
    }), { numRuns: 300 });
  });

  it('offers the round of the worksheets around it in a check, and the next one over', () => {
    const index = new WorkspaceIndex(() => '2026-12-01');
    for (let i = 0; i < 40; i++) index.set(`/team/p${i}/a.worksheet.yaml`, oak(`p${i}`, `Partner ${i}`, `2026-05-${String(1 + (i % 28)).padStart(2, '0')}`, 'spring-2026'));
    index.set('/team/q/a.worksheet.yaml', oak('q', 'Q', '2026-11-02', 'autumn-2026'));
    const roundless = variant(WORKSHEET, [['partner'], { id: 'r', organization: 'R' }], [['meeting', 'date'], '2026-05-20'], [['round']]);
    index.set('/team/r/a.worksheet.yaml', roundless);
    const [finding] = only(index, '/team/r/a.worksheet.yaml', 'missing-round');
    assert.match(finding.message, /Meetings near its date are in `spring-2026`/);
    assert.deepEqual(finding.fixes?.map((f) => f.title), ['Put it in `spring-2026` (its neighbours by date)', 'Put it in `autumn-2026`']);
  });
});
