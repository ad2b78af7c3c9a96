import assert from 'node:assert/strict';
import { WorkspaceIndex } from '../../src/core/workspace-index';
import { allNodes, buildTree, gapCount } from '../../src/features/partners/tree-model';
import type { TreeOptions } from '../../src/features/partners/tree-model';
import { CONVENING, REVIEW, WORKSHEET, variant } from './helpers';

const A = '/ws/a';
const B = '/ws/b';
const opts = (o: Partial<TreeOptions> = {}): TreeOptions => ({ groupBy: 'partner', onlyWithGaps: false, roots: [{ uri: A, name: 'a' }], ...o });

function build(): WorkspaceIndex {
  const index = new WorkspaceIndex(() => '2026-10-21');
  index.set(`${A}/riverside-youth/2026-10-14.worksheet.yaml`, WORKSHEET);
  index.set(`${A}/riverside-youth/2026-04-20.worksheet.yaml`, variant(WORKSHEET, [['meeting', 'date'], '2026-04-20'], [['round'], 'spring-2026'], [['next_step', 'status'], 'done']));
  index.set(`${A}/eastside-library/2026-10-20.worksheet.yaml`, variant(WORKSHEET, [['partner'], { id: 'eastside-library', organization: 'Eastside Library' }], [['meeting', 'date'], '2026-10-20'], [['confirmation']], [['status'], 'held']));
  index.set(`${A}/convenings/westside.convening.yaml`, CONVENING);
  index.set(`${A}/reviews/autumn-2026.review.yaml`, REVIEW);
  return index;
}

describe('partners tree model', () => {
  it('lists partners alphabetically with their meetings newest first, then convenings', () => {
    const tree = buildTree(build(), opts());
    assert.deepEqual(tree.map((n) => n.label), ['Eastside Library', 'Riverside Youth Collective', 'Convenings']);
    const riverside = tree[1];
    assert.deepEqual(riverside.children.map((m) => m.label), ['2026-10-14', '2026-04-20']);
    assert.match(riverside.description!, /^2 meetings · next 2026-10-28$/);
    assert.deepEqual(tree[2].children[0].children.map((c) => c.label), ['Riverside Youth Collective', 'Eastside Library']);
  });

  it('counts gaps per meeting and partner', () => {
    const tree = buildTree(build(), opts());
    const eastside = tree[0];
    assert.equal(gapCount(eastside.children[0].gaps), 1, 'missing-confirmation');
    assert.equal(gapCount(eastside.gaps), 1);
    assert.equal(gapCount(tree[1].gaps), 0);
  });

  it('groups by round, newest round first, with the round\'s review', () => {
    const tree = buildTree(build(), opts({ groupBy: 'round' }));
    assert.deepEqual(tree.map((n) => n.label), ['autumn-2026', 'spring-2026', 'Convenings']);
    assert.deepEqual(tree[0].children.map((n) => n.kind), ['partner', 'partner', 'review']);
    assert.equal(tree[0].description, '2 meetings');
  });

  it('filters by round and to meetings with gaps', () => {
    const spring = buildTree(build(), opts({ round: 'spring-2026' }));
    assert.deepEqual(spring.filter((n) => n.kind === 'partner').map((n) => n.label), ['Riverside Youth Collective']);
    const gaps = buildTree(build(), opts({ onlyWithGaps: true }));
    assert.deepEqual(gaps.map((n) => n.label), ['Eastside Library']);
  });

  it('groups by workspace folder when there are several', () => {
    const index = build();
    index.set(`${B}/northgate/2026-10-01.worksheet.yaml`, variant(WORKSHEET, [['partner'], { organization: 'Northgate Choir' }]));
    const tree = buildTree(index, opts({ roots: [{ uri: A, name: 'a' }, { uri: B, name: 'b' }] }));
    assert.deepEqual(tree.map((n) => [n.kind, n.label]), [['folder', 'a'], ['folder', 'b']]);
    assert.deepEqual(tree[1].children.map((n) => n.label), ['Northgate Choir']);
  });

  it('keeps node ids stable across an update, so expansion state survives', () => {
    const index = build();
    const before = allNodes(buildTree(index, opts())).map((n) => n.id);
    index.set(`${A}/riverside-youth/2026-10-14.worksheet.yaml`, variant(WORKSHEET, [['notes', 'values'], ['Teens decide']]));
    const after = allNodes(buildTree(index, opts())).map((n) => n.id);
    assert.deepEqual(after, before);
  });

  it('escapes worksheet text in tooltips', () => {
    const index = new WorkspaceIndex(() => '2026-10-21');
    index.set(`${A}/x/2026-10-01.worksheet.yaml`, variant(WORKSHEET, [['notes', 'success_in_their_words'], '[click](command:evil) <img src=x>']));
    const meeting = allNodes(buildTree(index, opts())).find((n) => n.kind === 'meeting')!;
    assert.ok(meeting.tooltip!.includes('\\[click\\]\\(command:evil\\) \\<img src=x\\>'), meeting.tooltip);
  });
});
