import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, waitFor, workspaceUri } from './util';

describe('Partners view', () => {
  it('shows the fixture\'s partners, their meetings and the convening', async () => {
    const api = await activate();
    const view = await waitFor(() => api.partnersView(), { message: 'the Partners view' });
    // The view refreshes shortly after index changes (other suites add files).
    const expected = JSON.stringify(['Eastside Library', 'Riverside Youth Collective', 'Convenings']);
    await waitFor(() => JSON.stringify(view.getChildren().map((n) => n.label)) === expected, { message: `the roots ${expected}, not ${JSON.stringify(view.getChildren().map((n) => n.label))} (index: ${api.partnerIds().join(', ')})` });
    const roots = view.getChildren();
    assert.deepEqual(roots[1].children.map((n) => n.label), ['2026-10-14', '2026-04-20']);
    const item = view.getTreeItem(roots[0].children[0]);
    assert.equal(item.contextValue, 'meeting');
    assert.match(String(item.description), /held · autumn-2026 · 3 gaps/);
    assert.equal(view.getParent(roots[0].children[0])?.id, roots[0].id);
  });

  it('follows files being created and deleted', async () => {
    const api = await activate();
    const view = api.partnersView()!;
    const uri = workspaceUri('northgate-choir', '2026-11-01.worksheet.yaml');
    const text = 'kind: worksheet\nversion: 1\nstatus: planned\nround: autumn-2026\npartner: {id: northgate-choir, organization: Northgate Choir}\nmeeting: {date: 2026-11-01}\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    await waitFor(() => view.getChildren().some((n) => n.label === 'Northgate Choir'), { message: 'the new partner in the tree' });
    await vscode.workspace.fs.delete(uri);
    await waitFor(() => !view.getChildren().some((n) => n.label === 'Northgate Choir'), { message: 'the partner to leave the tree' });
  });
});
