import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, waitFor, workspaceUri } from './util';

function reviewTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('partnerWorksheets.review'));
}

describe('Team Review panel', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens as one webview tab titled with the round', async () => {
    await activate();
    await vscode.commands.executeCommand('partnerWorksheets.openReview');
    const tab = await waitFor(() => reviewTab(), { message: 'the review tab' });
    await waitFor(() => reviewTab()?.label === 'Team Review: autumn-2026', { message: `the round in the title (is ${reviewTab()?.label})` });
    await vscode.commands.executeCommand('partnerWorksheets.openReview', 'spring-2026');
    await waitFor(() => reviewTab()?.label === 'Team Review: spring-2026', { message: 'the spring round' });
    assert.equal(vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview).length, 1, 'one panel');
    assert.ok(tab);
  });

  it('Start Team Review opens the round\'s existing review file rather than overwrite it', async () => {
    await activate();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('partnerWorksheets.startReview', 'autumn-2026');
    assert.equal(uri.toString(), workspaceUri('reviews', 'autumn-2026.review.yaml').toString());
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    assert.match(vscode.window.activeTextEditor!.document.getText(), /Offer the library rooms to Riverside/);
  });

  it('Start Team Review creates a valid, prefilled review file for a round without one', async () => {
    const api = await activate();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('partnerWorksheets.startReview', 'spring-2026');
    try {
      assert.equal(uri.toString(), workspaceUri('reviews', 'spring-2026.review.yaml').toString());
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      assert.match(text, /^kind: review\nversion: 1\nround: spring-2026\n/);
      await waitFor(() => api.services.index.has(uri.toString()), { message: 'the review in the index' });
      const errors = api.services.index.check(uri.toString()).filter((f) => f.code === 'schema' || f.code === 'yaml-syntax');
      assert.deepEqual(errors, []);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
      await waitFor(() => !api.services.index.has(uri.toString()), { message: 'the review to leave the index' });
    }
  });
});
