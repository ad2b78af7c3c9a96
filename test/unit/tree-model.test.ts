import assert from 'node:assert/strict';
import { WorkspaceIndex } from '../../src/core/workspace';
import { NO_ROUND_LABEL, allNodes, buildTree, findMeeting, gapCount, parentMap, reconcile, totalGaps } from '../../src/features/partners/tree-model';
import { inertMarkdown } from '../../src/core/markdown';
import type { TreeNode, TreeOptions } from '../../src/features/partners/tree-model';
import { CONVENING, REVIEW, WORKSHEET, variant } from './helpers';

const A = '/ws/a';
const B = '/ws/b';
const RIVERSIDE_NEW = `${A}/riverside-youth/2026-10-14.worksheet.yaml`;
const RIVERSIDE_OLD = `${A}/riverside-youth/2026-04-20.worksheet.yaml`;
const EASTSIDE = `${A}/eastside-library/2026-10-20.worksheet.yaml`;

const opts = (o: Partial<TreeOptions> = {}): TreeOptions => ({ groupBy: 'partner', onlyWithGaps: false, roots: [{ uri: A, name: 'a' }], ...o });

/** Two partners (one with a gap), a convening of both and the autumn review. */
function build(): WorkspaceIndex {
  const index = new WorkspaceIndex(() => '2026-10-21');
  index.set(RIVERSIDE_NEW, WORKSHEET);
  index.set(RIVERSIDE_OLD, variant(WORKSHEET, [['meeting', 'date'], '2026-04-20'], [['round'], 'spring-2026'], [['next_step', 'status'], 'done']));
  index.set(EASTSIDE, variant(WORKSHEET, [['partner'], { id: 'eastside-library', organization: 'Eastside Library' }], [['meeting', 'date'], '2026-10-20'], [['confirmation']], [['status'], 'held']));
  index.set(`${A}/convenings/westside.convening.yaml`, CONVENING);
  index.set(`${A}/reviews/autumn-2026.review.yaml`, REVIEW);
  return index;
}

const labels = (nodes: readonly TreeNode[]) => nodes.map((n) => n.label);
const byLabel = (nodes: readonly TreeNode[], label: string) => {
  const hit = nodes.find((n) => n.label === label);
  assert.ok(hit, `no node ${label} among ${JSON.stringify(labels(nodes))}`);
  return hit;
};

describe('partners tree model', () => {
  it('lists partners alphabetically with their meetings newest first, then the convenings', () => {
    const tree = buildTree(build(), opts());
    assert.deepEqual(labels(tree), ['Eastside Library', 'Riverside Youth Collective', 'Convenings']);
    const riverside = tree[1];
    assert.deepEqual(riverside.children.map((m) => [m.label, m.status, m.kind]), [['2026-10-14', 'shared', 'meeting'], ['2026-04-20', 'shared', 'meeting']]);
    assert.equal(riverside.description, '2 meetings · next 2026-10-28', 'count and the open next step\'s due date');
    assert.equal(riverside.partnerId, 'riverside-youth');
  });

  it('lists each convening with its partners, once each', () => {
    const index = build();
    index.set(`${A}/convenings/westside.convening.yaml`, variant(CONVENING, [['partners', 2], { id: 'riverside-youth' }], [['partners', 3], { id: 'northgate-choir' }]));
    const convenings = buildTree(index, opts()).at(-1)!;
    assert.equal(convenings.kind, 'convenings');
    const westside = convenings.children[0];
    assert.equal(westside.label, 'Westside Arts Access Network');
    assert.deepEqual(westside.children.map((c) => [c.label, c.description]), [
      ['Riverside Youth Collective', 'riverside-youth'],
      ['Eastside Library', 'eastside-library'],
      ['northgate-choir', 'northgate-choir (no worksheet yet)'],
    ]);
    assert.equal(westside.children[0].uri, RIVERSIDE_NEW, 'a known partner opens its latest worksheet');
    assert.equal(new Set(allNodes(buildTree(index, opts())).map((n) => n.id)).size, allNodes(buildTree(index, opts())).length, 'ids are unique');
  });

  it('counts errors and warnings as gaps per meeting and partner, and suggestions apart', () => {
    const index = build();
    index.set(RIVERSIDE_OLD, variant(WORKSHEET, [['meeting', 'date'], '2026-04-20'], [['round'], 'spring-2026'], [['thanked'], false]));
    const tree = buildTree(index, opts());
    const eastside = byLabel(tree, 'Eastside Library');
    assert.equal(gapCount(eastside.children[0].gaps), 1, 'missing-confirmation');
    assert.match(eastside.children[0].description!, /^held · autumn-2026 · 1 gap$/);
    assert.equal(gapCount(eastside.gaps), 1);
    assert.equal(eastside.description, '1 meeting · next 2026-10-28', 'the partner\'s gaps show as a badge, not in the description');
    const riverside = byLabel(tree, 'Riverside Youth Collective');
    assert.equal(gapCount(riverside.gaps), 0);
    assert.equal(riverside.children[1].gaps.infos, 1, 'not-thanked is a suggestion');
    assert.equal(riverside.gaps.infos, 1);
    assert.doesNotMatch(riverside.description!, /gap/);
    const convenings = byLabel(tree, 'Convenings');
    assert.equal(gapCount(totalGaps(tree)), gapCount(eastside.gaps) + gapCount(convenings.gaps));
  });

  it('groups by round, newest first, each with its team review, and keeps meetings with no round', () => {
    const index = build();
    index.set(`${A}/northgate/2026-09-01.worksheet.yaml`, variant(WORKSHEET, [['round']], [['partner'], { id: 'northgate-choir', organization: 'Northgate Choir' }], [['meeting', 'date'], '2026-09-01']));
    const tree = buildTree(index, opts({ groupBy: 'round' }));
    assert.deepEqual(labels(tree), ['autumn-2026', 'spring-2026', NO_ROUND_LABEL, 'Convenings']);
    const autumn = tree[0];
    assert.deepEqual(autumn.children.map((n) => [n.kind, n.label]), [['partner', 'Eastside Library'], ['partner', 'Riverside Youth Collective'], ['review', 'Team review 2026-11-20']]);
    assert.match(autumn.description!, /^2 meetings/);
    assert.equal(autumn.round, 'autumn-2026');
    assert.deepEqual(labels(byLabel(autumn.children, 'Riverside Youth Collective').children), ['2026-10-14']);
    assert.deepEqual(labels(tree[2].children), ['Northgate Choir']);
    assert.equal(tree[2].round, undefined);
  });

  it('filters to one round', () => {
    const spring = buildTree(build(), opts({ round: 'spring-2026' }));
    assert.deepEqual(labels(spring), ['Riverside Youth Collective', 'Convenings']);
    assert.deepEqual(labels(spring[0].children), ['2026-04-20']);
    assert.equal(spring[0].description, '1 meeting · next 2026-10-28', 'the next contact is the partner\'s, whatever the filter');
    const byRound = buildTree(build(), opts({ groupBy: 'round', round: 'autumn-2026' }));
    assert.deepEqual(labels(byRound), ['autumn-2026', 'Convenings']);
    assert.deepEqual(buildTree(build(), opts({ round: 'no-such-round' })).filter((n) => n.kind !== 'convenings'), []);
  });

  it('shows only meetings with gaps, and the partners and convenings that have some', () => {
    const tree = buildTree(build(), opts({ onlyWithGaps: true }));
    assert.deepEqual(labels(tree), ['Eastside Library'], 'Riverside and the convening have no gaps');
    assert.deepEqual(labels(tree[0].children), ['2026-10-20']);
    const index = build();
    // A convening partner no worksheet knows is a gap of the convening.
    index.set(`${A}/convenings/westside.convening.yaml`, variant(CONVENING, [['partners', 2], { id: 'northgate-choir' }]));
    assert.deepEqual(labels(buildTree(index, opts({ onlyWithGaps: true }))), ['Eastside Library', 'Convenings']);
    assert.deepEqual(labels(buildTree(index, opts({ onlyWithGaps: true, groupBy: 'round' }))), ['autumn-2026', 'Convenings']);
    index.set(EASTSIDE, variant(WORKSHEET, [['partner'], { id: 'eastside-library', organization: 'Eastside Library' }], [['meeting', 'date'], '2026-10-20']));
    index.delete(`${A}/convenings/westside.convening.yaml`);
    index.delete(`${A}/reviews/autumn-2026.review.yaml`);
    assert.deepEqual(buildTree(index, opts({ onlyWithGaps: true })), []);
    assert.deepEqual(buildTree(index, opts({ onlyWithGaps: true, groupBy: 'round' })), []);
  });

  it('groups by workspace folder only when there are several', () => {
    const index = build();
    index.set(`${B}/northgate/2026-10-01.worksheet.yaml`, variant(WORKSHEET, [['partner'], { organization: 'Northgate Choir' }]));
    const single = buildTree(index, opts());
    assert.ok(single.every((n) => n.kind !== 'folder'));
    const tree = buildTree(index, opts({ roots: [{ uri: A, name: 'a' }, { uri: B, name: 'b' }] }));
    assert.deepEqual(tree.map((n) => [n.kind, n.label]), [['folder', 'a'], ['folder', 'b']]);
    assert.deepEqual(labels(tree[0].children), ['Eastside Library', 'Riverside Youth Collective', 'Convenings']);
    assert.deepEqual(labels(tree[1].children), ['Northgate Choir']);
    assert.equal(gapCount(tree[0].gaps), gapCount(totalGaps(tree[0].children)));
    const empty = buildTree(index, opts({ roots: [{ uri: A, name: 'a' }, { uri: B, name: 'b' }, { uri: '/ws/c', name: 'c' }] }));
    assert.deepEqual(labels(empty), ['a', 'b'], 'a folder with nothing to show is left out');
  });

  it('keeps node ids stable across an update, so expansion state survives', () => {
    const index = build();
    for (const groupBy of ['partner', 'round'] as const) {
      const before = allNodes(buildTree(index, opts({ groupBy }))).map((n) => n.id);
      index.set(RIVERSIDE_NEW, variant(WORKSHEET, [['notes', 'values'], [`Teens decide (${groupBy})`]], [['next_step', 'due'], '2026-11-02']));
      const after = allNodes(buildTree(index, opts({ groupBy }))).map((n) => n.id);
      assert.deepEqual(after, before);
    }
  });

  it('reconciles an update into the previous objects and reports only what changed', () => {
    const index = build();
    const first = buildTree(index, opts());
    const riverside = first[1];
    const newest = riverside.children[0];
    const eastside = first[0];

    // The success statement shows in the meeting's tooltip and in the partner's (its latest meeting).
    index.set(RIVERSIDE_NEW, variant(WORKSHEET, [['notes', 'success_in_their_words'], 'Paid shows']));
    const second = reconcile(first, buildTree(index, opts()));
    assert.ok(second.roots[1] === riverside && second.roots[1].children[0] === newest, 'the same objects, updated in place');
    assert.match(newest.tooltip!, /Paid shows/);
    assert.deepEqual(second.changed?.map((n) => n.id).sort(), [riverside.id, newest.id].sort());

    // So is a next step's new due date, in the meeting's tooltip and the partner's description.
    index.set(RIVERSIDE_NEW, variant(WORKSHEET, [['notes', 'success_in_their_words'], 'Paid shows'], [['next_step', 'due'], '2026-11-04']));
    const moved = reconcile(second.roots, buildTree(index, opts()));
    assert.equal(riverside.description, '2 meetings · next 2026-11-04');
    assert.deepEqual(moved.changed?.map((n) => n.id).sort(), [riverside.id, newest.id].sort());
    index.set(RIVERSIDE_NEW, variant(WORKSHEET, [['notes', 'success_in_their_words'], 'Paid shows']));
    reconcile(second.roots, buildTree(index, opts()));
    assert.ok(second.roots[0] === eastside);

    // A change nobody can see in the tree is no refresh at all.
    index.set(RIVERSIDE_NEW, variant(WORKSHEET, [['notes', 'success_in_their_words'], 'Paid shows'], [['notes', 'values'], ['Teens decide']]));
    assert.deepEqual(reconcile(second.roots, buildTree(index, opts())).changed, []);

    // A new meeting of a known partner refreshes that partner only.
    index.set(`${A}/riverside-youth/2026-11-01.worksheet.yaml`, variant(WORKSHEET, [['meeting', 'date'], '2026-11-01'], [['status'], 'planned']));
    const third = reconcile(second.roots, buildTree(index, opts()));
    assert.ok(third.changed?.includes(riverside));
    assert.ok(!third.changed?.includes(eastside));
    assert.deepEqual(labels(riverside.children), ['2026-11-01', '2026-10-14', '2026-04-20']);

    // A new partner changes the top level: the whole tree refreshes.
    index.set(`${A}/northgate/2026-10-01.worksheet.yaml`, variant(WORKSHEET, [['partner'], { organization: 'Northgate Choir' }]));
    assert.equal(reconcile(third.roots, buildTree(index, opts())).changed, undefined);
  });

  it('drops fields a node no longer has when it reuses the object', () => {
    const node = (description?: string): TreeNode => ({ id: 'x', kind: 'round', label: 'x', ...(description ? { description } : {}), gaps: { errors: 0, warnings: 0, infos: 0 }, children: [] });
    const first = [node('3 meetings')];
    const { roots, changed } = reconcile(first, [node()]);
    assert.equal(roots[0], first[0]);
    assert.equal('description' in roots[0], false);
    assert.deepEqual(changed, [first[0]]);
  });

  it('links every node to its parent, for reveal', () => {
    const tree = buildTree(build(), opts({ groupBy: 'round' }));
    const parents = parentMap(tree);
    const meeting = findMeeting(tree, RIVERSIDE_OLD)!;
    assert.equal(meeting.kind, 'meeting');
    const partner = parents.get(meeting.id)!;
    assert.equal(partner.label, 'Riverside Youth Collective');
    assert.equal(parents.get(partner.id)?.label, 'spring-2026');
    assert.equal(parents.get(parents.get(partner.id)!.id), undefined);
    assert.equal(findMeeting(buildTree(build(), opts({ round: 'autumn-2026' })), RIVERSIDE_OLD), undefined, 'hidden by the filter');
  });

  it('shows success in their words, the confirmed statement and the next step in tooltips', () => {
    const meeting = findMeeting(buildTree(build(), opts()), RIVERSIDE_NEW)!;
    assert.match(meeting.tooltip!, /Success in their words: _Teens show their work in public places, and are paid for it\\._/);
    assert.match(meeting.tooltip!, /Confirmed: Success looks like teens showing their work publicly\\./);
    assert.match(meeting.tooltip!, /Next step: Send our summer gallery calendar and hold two dates \(due 2026\\-10\\-28\)/);
  });

  it('shows when a partner was last met and their latest success statement, and marks those not met for long', () => {
    const index = build();
    // A planned meeting after the latest held one: neither the last met date nor a success statement.
    index.set(`${A}/riverside-youth/2026-12-01.worksheet.yaml`, variant(WORKSHEET, [['meeting', 'date'], '2026-12-01'], [['status'], 'planned'], [['notes']], [['confirmation']]));
    const riverside = (o: Partial<TreeOptions>) => byLabel(buildTree(index, opts(o)), 'Riverside Youth Collective');
    const recent = riverside({ today: '2026-10-21' });
    assert.match(recent.tooltip!, /\n\nLast met: 2026-10-14 \\\(7 days ago\\\)\n\nSuccess in their words \\\(2026-10-14\\\): _Teens show their work in public places, and are paid for it\\._/);
    assert.doesNotMatch(recent.description!, /not met/);
    const late = riverside({ today: '2027-04-13', unmetAfterDays: 180 });
    assert.match(late.tooltip!, /\*\*Last met: 2026-10-14 \\\(181 days ago\\\): not met for over 180 days\*\*/);
    assert.match(late.description!, /not met for 181 days$/);
    assert.doesNotMatch(riverside({ today: '2027-04-12', unmetAfterDays: 180 }).description!, /not met/, '180 days is not over the limit');
    assert.match(riverside({ today: '2026-10-21', unmetAfterDays: 5 }).description!, /not met for 7 days$/, 'the setting moves the limit');
    const planned = new WorkspaceIndex(() => '2026-10-21');
    planned.set(`${A}/new/2026-11-01.worksheet.yaml`, variant(WORKSHEET, [['status'], 'planned'], [['meeting', 'date'], '2026-11-01']));
    const fresh = buildTree(planned, opts({ today: '2026-10-21' }))[0];
    assert.match(fresh.tooltip!, /\*\*Not met yet\*\*/);
    assert.match(fresh.description!, /not met yet$/);
  });

  it('escapes worksheet text in tooltips', () => {
    const index = new WorkspaceIndex(() => '2026-10-21');
    const evil = '[click](command:evil) <img src=x> $(zap) https://example.org\n# heading';
    index.set(`${A}/x/2026-10-01.worksheet.yaml`, variant(WORKSHEET, [['notes', 'success_in_their_words'], evil], [['partner', 'organization'], '**Bold** `Org`']));
    const tree = buildTree(index, opts());
    for (const n of allNodes(tree)) {
      // Every Markdown-significant character in the values comes out escaped.
      assert.doesNotMatch(n.tooltip ?? '', /(?<!\\)[[<`]|(?<!\\)\$\(|(?<!\\)\*\*Bold/, `${n.kind}: ${n.tooltip}`);
    }
    const meeting = allNodes(tree).find((n) => n.kind === 'meeting')!;
    assert.ok(meeting.tooltip!.includes('\\[click\\]\\(command\\:evil\\) \\<img src\\=x\\> \\$\\(zap\\) https\\:'), meeting.tooltip);
    assert.ok(!meeting.tooltip!.includes('\n\\# heading') && !meeting.tooltip!.includes('\n# heading'), 'line breaks are folded');
    assert.equal(inertMarkdown('a\n\n  b'), 'a b');
  });
});
