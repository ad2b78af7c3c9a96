// The Partners view in a real extension host: its tree for the fixture
// workspace, its TreeItems, reveal, grouping, and live updates from the disk.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PartnerWorksheetsApi } from '../../src/extension';
import type { PartnersProvider } from '../../src/features/partners';
import type { TreeNode } from '../../src/features/partners/tree-model';
import { activate, createFile, deleteFile, waitFor, workspaceUri } from './util';

const FIXTURE_ROOTS = ['Eastside Library', 'Riverside Youth Collective', 'Convenings'];

/** The view's top level by label, once it equals `expected` (other suites add and remove files). */
let index: PartnerWorksheetsApi['services']['index'] | undefined;

async function rootsAre(view: PartnersProvider, expected: string[]): Promise<TreeNode[]> {
  let last: string[] = [];
  return waitFor(async () => {
    const roots = await view.getChildren();
    last = roots.map((n) => n.label);
    return JSON.stringify(last) === JSON.stringify(expected) ? roots : undefined;
  }, { message: () => `the roots ${JSON.stringify(expected)} (they were ${JSON.stringify(last)}; the index has ${JSON.stringify(index?.partnerIds())})` });
}

/** The theme colour of an item's icon (ThemeColor.id is in the API's types only from 1.94). */
function colorOf(item: vscode.TreeItem): string | undefined {
  return ((item.iconPath as vscode.ThemeIcon).color as { id?: string } | undefined)?.id;
}

describe('Partners view', () => {
  let api: PartnerWorksheetsApi;
  let view: PartnersProvider;

  before(async () => {
    api = await activate();
    index = api.services.index;
    view = await waitFor(() => api.partnersView(), { message: 'the Partners view' });
  });

  afterEach(async () => {
    // Grouping and filters persist per workspace: leave them as found.
    await vscode.commands.executeCommand('partnerWorksheets.partners.groupByPartner');
    await vscode.commands.executeCommand('partnerWorksheets.partners.clearFilters');
  });

  it('shows the fixture\'s partners with their meetings, newest first, and the convening', async () => {
    const roots = await rootsAre(view, FIXTURE_ROOTS);
    // The same partners and meetings as the index, in the same order.
    const partners = api.services.index.partners();
    assert.deepEqual(roots.slice(0, -1).map((n) => n.partnerId), partners.map((p) => p.id));
    for (const [i, p] of partners.entries()) {
      assert.deepEqual((await view.getChildren(roots[i])).map((n) => n.uri), p.meetings.map((m) => m.uri));
    }
    assert.deepEqual(roots[1].children.map((n) => n.label), ['2026-10-14', '2026-04-20']);
    assert.deepEqual(roots[2].children[0].children.map((n) => n.partnerId), ['riverside-youth', 'eastside-library', 'ghost-choir']);
  });

  it('dresses meetings as TreeItems: status icon, gaps, escaped tooltip, opens on select', async () => {
    const roots = await rootsAre(view, FIXTURE_ROOTS);
    const meeting = roots[0].children[0];
    const item = view.getTreeItem(meeting);
    assert.equal(item.id, meeting.id);
    assert.equal(item.contextValue, 'meeting');
    assert.match(String(item.description), /^held · autumn-2026 · \d+ gaps?$/);
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'comment-discussion');
    assert.equal(item.resourceUri?.toString(), workspaceUri('eastside-library', '2026-10-20.worksheet.yaml').toString());
    assert.equal(item.command?.command, 'partnerWorksheets.partners.open');
    const tip = item.tooltip as vscode.MarkdownString;
    assert.ok(tip instanceof vscode.MarkdownString);
    assert.ok(!tip.isTrusted && !tip.supportHtml, 'worksheet text must not run commands');
    assert.equal(view.getParent(meeting), roots[0]);
    assert.equal(view.getParent(roots[0]), undefined);
    assert.equal(view.getTreeItem(roots[0]).contextValue, 'partner');
  });

  it('reveals and selects the active editor\'s worksheet, found through getParent', async () => {
    await rootsAre(view, FIXTURE_ROOTS);
    const tree = await waitFor(() => api.partnersTreeView(), { message: 'the Partners tree view' });
    const uri = workspaceUri('riverside-youth', '2026-04-20.worksheet.yaml');
    await vscode.window.showTextDocument(uri);
    // view.reveal rejects when getParent does not lead back to a root.
    await vscode.commands.executeCommand('partnerWorksheets.partners.reveal');
    const node = view.findMeeting(uri.toString());
    assert.equal(node?.label, '2026-04-20');
    assert.equal(view.getParent(node!)?.partnerId, 'riverside-youth');
    // The workbench reports the selection back to the extension host after the reveal.
    await waitFor(() => tree.selection.length === 1 && tree.selection[0] === node, {
      message: () => `the revealed worksheet as the selection (it is ${JSON.stringify(tree.selection.map((n) => n.id))})`,
    });
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('dresses each kind of node: context value, icon, collapsible state, and what it opens', async () => {
    const { Collapsed, Expanded, None } = vscode.TreeItemCollapsibleState;
    const file = workspaceUri('riverside-youth', '2026-10-14.worksheet.yaml');
    const warning = { errors: 0, warnings: 1, infos: 0 };
    let n = 0;
    const node = (kind: TreeNode['kind'], extra: Partial<TreeNode> = {}): TreeNode =>
      ({ id: `test/${kind}/${n++}`, kind, label: `A ${kind}`, description: 'described', tooltip: '**tip**', gaps: warning, children: [], ...extra });
    const withFile = { uri: file.toString() };
    // [node, contextValue, icon, collapsible state, what the item stands for]
    type Stands = 'gaps' | 'file' | 'opens' | 'nothing';
    const cases: [TreeNode, string, string, vscode.TreeItemCollapsibleState, Stands][] = [
      [node('folder'), 'folder', 'root-folder', Expanded, 'gaps'],
      [node('round', { round: 'autumn-2026' }), 'round', 'history', Expanded, 'gaps'],
      [node('round'), 'roundUnnamed', 'history', Expanded, 'gaps'],
      [node('partner'), 'partner', 'organization', Collapsed, 'gaps'],
      [node('meeting', { ...withFile, status: 'planned' }), 'meeting', 'calendar', None, 'file'],
      [node('meeting', { ...withFile, status: 'prepared' }), 'meeting', 'checklist', None, 'file'],
      [node('meeting', { ...withFile, status: 'held' }), 'meeting', 'comment-discussion', None, 'file'],
      [node('meeting', { ...withFile, status: 'filled' }), 'meeting', 'edit', None, 'file'],
      [node('meeting', { ...withFile, status: 'shared' }), 'meeting', 'check-all', None, 'file'],
      [node('meeting', withFile), 'meeting', 'circle-outline', None, 'file'],
      [node('review', withFile), 'review', 'tasklist', None, 'file'],
      [node('convenings'), 'convenings', 'broadcast', Collapsed, 'gaps'],
      [node('convening', { ...withFile, children: [node('convening-partner')] }), 'convening', 'project', Collapsed, 'file'],
      [node('convening', withFile), 'convening', 'project', None, 'file'],
      [node('convening-partner', withFile), 'conveningPartner', 'person', None, 'opens'],
      [node('convening-partner'), 'conveningPartnerUnmet', 'person', None, 'nothing'],
    ];
    for (const [n, contextValue, icon, state, stands] of cases) {
      const item = view.getTreeItem(n);
      const what = `${n.kind} ${contextValue} ${icon}`;
      assert.equal(item.id, n.id, what);
      assert.equal(item.label, n.label, what);
      assert.equal(item.description, 'described', what);
      assert.equal((item.tooltip as vscode.MarkdownString).value, '**tip**', what);
      assert.equal(item.contextValue, contextValue, what);
      assert.equal((item.iconPath as vscode.ThemeIcon).id, icon, what);
      assert.equal(colorOf(item), 'problemsWarningIcon.foreground', what);
      assert.equal(item.collapsibleState, state, what);
      const opens = item.command && { command: item.command.command, target: String(item.command.arguments?.[0]) };
      const open = { command: 'partnerWorksheets.partners.open', target: file.toString() };
      if (stands === 'gaps') {
        // A resource in the view's own scheme, for the gap badge: not a file to open.
        assert.equal(item.resourceUri?.scheme, 'partner-worksheets-gaps', what);
        assert.equal(item.command, undefined, what);
      } else if (stands === 'file') {
        assert.equal(item.resourceUri?.toString(), file.toString(), what);
        assert.deepEqual(opens, open, what);
      } else {
        assert.equal(item.resourceUri, undefined, what);
        assert.deepEqual(opens, stands === 'opens' ? open : undefined, what);
      }
    }
    // Errors colour the icon red, no gaps leave it plain.
    assert.equal(colorOf(view.getTreeItem(node('partner', { gaps: { errors: 1, warnings: 1, infos: 0 } }))), 'problemsErrorIcon.foreground');
    assert.equal(colorOf(view.getTreeItem(node('partner', { gaps: { errors: 0, warnings: 0, infos: 2 } }))), undefined);
    // Grouped by round, a round holds few partners: they open at once.
    await vscode.commands.executeCommand('partnerWorksheets.partners.groupByRound');
    assert.equal(view.getTreeItem(node('partner')).collapsibleState, Expanded);
  });

  it('groups by round with the round\'s team review, and back', async () => {
    await rootsAre(view, FIXTURE_ROOTS);
    await vscode.commands.executeCommand('partnerWorksheets.partners.groupByRound');
    const rounds = await rootsAre(view, ['autumn-2026', 'spring-2026', 'Convenings']);
    assert.deepEqual(rounds[0].children.map((n) => n.kind), ['partner', 'partner', 'review']);
    assert.equal(view.getTreeItem(rounds[0]).contextValue, 'round');
    await vscode.commands.executeCommand('partnerWorksheets.partners.groupByPartner');
    await rootsAre(view, FIXTURE_ROOTS);
  });

  it('follows a worksheet being created and deleted, keeping the other nodes', async () => {
    const before = await rootsAre(view, FIXTURE_ROOTS);
    const uri = workspaceUri('northgate-choir', '2026-11-01.worksheet.yaml');
    const text = 'kind: worksheet\nversion: 1\nstatus: planned\nround: autumn-2026\npartner: {id: northgate-choir, organization: Northgate Choir}\nmeeting: {date: 2026-11-01}\n';
    try {
      await createFile(uri, text);
      const during = await rootsAre(view, ['Eastside Library', 'Northgate Choir', 'Riverside Youth Collective', 'Convenings']);
      assert.equal(during[1].children[0].uri, uri.toString());
      // The same objects for the partners that did not change: VS Code knows them by identity.
      assert.equal(during[0], before[0]);
      assert.equal(during[2], before[1]);
    } finally {
      await deleteFile(workspaceUri('northgate-choir'));
    }
    await rootsAre(view, FIXTURE_ROOTS);
  });
});
