// The Team Review panel in a real workbench, on test/fixtures/workspace
// (rounds spring-2026 and autumn-2026; autumn-2026 already has its review).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, deleteFile, waitFor, workspaceUri } from './util';
import { markCommitmentDone } from '../../src/features/review';

const VIEW_TYPE = 'partnerWorksheets.review';

function isReviewTab(tab: vscode.Tab | undefined): boolean {
  return tab?.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(VIEW_TYPE);
}

function webviewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter(isReviewTab);
}

describe('Team Review panel', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens as one webview tab titled with the latest round, and switches rounds in place', async () => {
    await activate();
    await vscode.commands.executeCommand('partnerWorksheets.openReview');
    await waitFor(() => webviewTabs()[0]?.label === 'Team Review: autumn-2026', { message: `the review tab (tabs: ${webviewTabs().map((t) => t.label).join(', ')})` });
    await vscode.commands.executeCommand('partnerWorksheets.openReview', 'spring-2026');
    await waitFor(() => webviewTabs()[0]?.label === 'Team Review: spring-2026', { message: 'the spring round in the title' });
    // Put a worksheet in front of the panel, then open the review again. The
    // review tab that becomes active is the panel the command showed: had it
    // made a second panel, that one, so it is among the tabs counted below.
    await vscode.window.showTextDocument(workspaceUri('riverside-youth', '2026-10-14.worksheet.yaml'), { viewColumn: vscode.ViewColumn.Active, preview: false });
    await waitFor(() => vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputText, { message: 'the worksheet in front of the panel' });
    await vscode.commands.executeCommand('partnerWorksheets.openReview');
    await waitFor(() => isReviewTab(vscode.window.tabGroups.activeTabGroup.activeTab), { message: () => `a review tab in front (tabs: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(', ')})` });
    assert.deepEqual(webviewTabs().map((t) => t.label), ['Team Review: spring-2026'], 'one panel per workspace, still on the round it showed');
  });

  it('closes with its tab and opens again', async () => {
    await activate();
    await vscode.commands.executeCommand('partnerWorksheets.openReview');
    await waitFor(() => webviewTabs().length === 1, { message: 'the review tab' });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor(() => webviewTabs().length === 0, { message: 'the tab to close' });
    await vscode.commands.executeCommand('partnerWorksheets.openReview', 'autumn-2026');
    await waitFor(() => webviewTabs()[0]?.label === 'Team Review: autumn-2026', { message: 'the review tab again' });
  });

  it('Start Team Review opens the round\'s existing review file and leaves it as it was', async () => {
    await activate();
    const file = workspaceUri('reviews', 'autumn-2026.review.yaml');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    const uri = await vscode.commands.executeCommand<vscode.Uri>('partnerWorksheets.startReview', 'autumn-2026');
    assert.equal(uri.toString(), file.toString());
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === file.toString(), { message: 'the review in the editor' });
    assert.equal(vscode.window.activeTextEditor!.document.getText(), before);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)), before, 'not overwritten');
  });

  it('Start Team Review creates a valid, prefilled review file for a round without one', async () => {
    const api = await activate();
    const target = workspaceUri('reviews', 'spring-2026.review.yaml');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('partnerWorksheets.startReview', 'spring-2026');
    try {
      assert.equal(uri.toString(), target.toString());
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      assert.match(text, /\nkind: review\nversion: 1\nround: spring-2026\ndate: \d{4}-\d{2}-\d{2}\n/);
      assert.match(text, /\nsimilarities:/);
      assert.match(text, /\ncommitments: \[\]\n$/);
      assert.match(text, /owner: \S+, due: YYYY-MM-DD/, 'a template for the commitments with owner and due');
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
      assert.equal(vscode.window.activeTextEditor?.document.isDirty, false, 'saved');
      await waitFor(() => api.services.index.has(uri.toString()), { message: 'the review in the index' });
      const errors = api.services.index.check(uri.toString()).filter((f) => f.code === 'schema' || f.code === 'yaml-syntax');
      assert.deepEqual(errors, []);
      // Asked again, it opens the file it made rather than making another.
      const again = await vscode.commands.executeCommand<vscode.Uri>('partnerWorksheets.startReview', 'spring-2026');
      assert.equal(again.toString(), uri.toString());
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await deleteFile(target);
      await waitFor(() => !api.services.index.has(target.toString()), { message: 'the review to leave the index' });
    }
  });

  it('"Mark done" on a commitment sets its status in the review file, as one undoable edit left unsaved', async () => {
    const api = await activate();
    const file = workspaceUri('reviews', 'autumn-2026.review.yaml');
    const onDisk = async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    const before = await onDisk();
    // What the review page's button asks of the extension (the page's own test sends it).
    assert.equal(await markCommitmentDone(api.services, file.toString(), 0), true);
    const doc = await vscode.workspace.openTextDocument(file);
    const line = doc.getText().split('\n').find((l) => l.includes('Offer the library rooms to Riverside')) ?? '';
    assert.match(line, /status: done/, line);
    assert.equal(doc.getText().replace(/,? ?status: done/, ''), before, 'nothing else changed');
    assert.ok(doc.isDirty, 'left unsaved, like a quick fix');
    assert.equal(await onDisk(), before, 'the file on disk is as it was');
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => doc.getText() === before, { message: 'the undo to take it back' });
    // A page showing an older summary (the commitment gone since), or a file that is no review: nothing changes.
    assert.equal(await markCommitmentDone(api.services, file.toString(), 7), false);
    assert.equal(await markCommitmentDone(api.services, workspaceUri('riverside-youth', '2026-10-14.worksheet.yaml').toString(), 0), false);
    assert.equal(doc.getText(), before);
  });

  it('Export Team Review writes Markdown, never over an existing file, and a failed write changes nothing', async () => {
    await activate();
    const target = workspaceUri('zz-export', 'autumn-2026-review.md');
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('partnerWorksheets.exportReview', 'markdown', target, 'autumn-2026');
      assert.equal(written?.toString(), target.toString());
      assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), /^# Team review: autumn-2026\n/);
      // A second export to the same place leaves the first one (here, with the team's edits) alone.
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode('# Our notes\n'));
      const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('partnerWorksheets.exportReview', 'html', target, 'autumn-2026');
      assert.equal(again, undefined);
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), '# Our notes\n');
      // A write that cannot happen (the "folder" is a file): no throw, nothing changed.
      const blocked = vscode.Uri.joinPath(target, 'inside.md');
      const failed = await vscode.commands.executeCommand<vscode.Uri | undefined>('partnerWorksheets.exportReview', 'markdown', blocked, 'autumn-2026');
      assert.equal(failed, undefined);
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), '# Our notes\n');
    } finally {
      await deleteFile(workspaceUri('zz-export'));
    }
  });
});
