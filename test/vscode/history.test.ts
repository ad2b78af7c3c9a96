// Partner History and Share What We Heard in a real workbench, on
// test/fixtures/workspace (Riverside Youth Collective, met in April and October).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PartnerWorksheetsApi } from '../../src/extension';
import type { TreeNode } from '../../src/features/partners/tree-model';
import { activate, deleteFile, waitFor, workspaceUri } from './util';

const VIEW_TYPE = 'partnerWorksheets.history';

function historyTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(VIEW_TYPE));
}

const read = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));

describe('Partner History and Share What We Heard', () => {
  let api: PartnerWorksheetsApi;
  let riverside: TreeNode;

  before(async () => {
    api = await activate();
    const view = await waitFor(() => api.partnersView(), { message: 'the Partners view' });
    riverside = await waitFor(async () => (await view.getChildren()).find((n) => n.partnerId === 'riverside-youth' && n.kind === 'partner'), { message: 'Riverside in the tree' });
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the tree offers it on a partner, says when they were last met, and opens the history from the partner node', async () => {
    const menus = vscode.extensions.getExtension('partner-worksheets.partner-worksheets')!.packageJSON.contributes.menus;
    const onItem = (menus['view/item/context'] as { command: string; when: string }[]).filter((m) => m.command === 'partnerWorksheets.openPartnerHistory');
    assert.ok(onItem.some((m) => /viewItem =~ \/\^\(partner\|/.test(m.when)), 'in the context menu of a partner');
    const item = api.partnersView()!.getTreeItem(riverside);
    const tooltip = (item.tooltip as vscode.MarkdownString).value;
    assert.match(tooltip, /Last met: 2026-10-14 \\\(\d+ days ago\\\)/);
    assert.match(tooltip, /Success in their words: _Teens show their work in public places, and are paid for it\\._/);

    await api.partnersTreeView()!.reveal(riverside, { select: true, focus: true });
    // The context menu runs the command with the node it was opened on.
    await vscode.commands.executeCommand('partnerWorksheets.openPartnerHistory', riverside);
    await waitFor(() => historyTabs()[0]?.label === 'History: Riverside Youth Collective', { message: () => `the history tab (tabs: ${historyTabs().map((t) => t.label).join(', ')})` });
    await waitFor(() => api.historyPanel()?.shownOnPage === 'riverside-youth', { message: 'the page to load and receive the history' });
    assert.equal(historyTabs().length, 1);
  });

  it('opens the history of the worksheet in the editor, in the same one panel', async () => {
    await vscode.commands.executeCommand('partnerWorksheets.openPartnerHistory', 'eastside-library');
    await waitFor(() => api.historyPanel()?.shownOnPage === 'eastside-library', { message: 'the Eastside history' });
    await vscode.window.showTextDocument(workspaceUri('riverside-youth', '2026-04-20.worksheet.yaml'), { preview: false });
    await vscode.commands.executeCommand('partnerWorksheets.openPartnerHistory');
    await waitFor(() => api.historyPanel()?.shownOnPage === 'riverside-youth', { message: 'the Riverside history from the editor' });
    assert.deepEqual(historyTabs().map((t) => t.label), ['History: Riverside Youth Collective']);
  });

  it('Share What We Heard saves their words and the next step, without our notes or gaps, and never over a file', async () => {
    const meeting = riverside.children.find((c) => c.label === '2026-10-14')!;
    const target = workspaceUri('riverside-youth', 'shared.what-we-heard.md');
    try {
      const uri = await vscode.commands.executeCommand<vscode.Uri>('partnerWorksheets.shareWhatWeHeard', meeting, 'markdown', target);
      assert.equal(uri?.toString(), target.toString());
      const text = await read(target);
      assert.match(text, /^# What we heard: Riverside Youth Collective\n\nDear Dana Ortiz,\n/);
      assert.match(text, /"Teens show their work in public places, and are paid for it\."\n\nYou also told us: "Also that teens are paid for it\."/);
      assert.match(text, /## Our next step together\n\nSend our summer gallery calendar and hold two dates \(sam will take it forward, by 2030-01-15\)\./);
      for (const ours of ['goals-year-from-now', 'Their alumni', 'visibility', 'Success looks like', 'next-step']) assert.ok(!text.includes(ours), `${ours} left out`);
      // Asked again with the same target, it leaves the file as it is.
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode('kept'));
      assert.equal(await vscode.commands.executeCommand('partnerWorksheets.shareWhatWeHeard', meeting, 'markdown', target), undefined);
      assert.equal(await read(target), 'kept');
    } finally {
      await deleteFile(target);
    }
  });

  it('shares the worksheet open in the editor as a printable HTML page, unsaved typing included', async () => {
    const editor = await vscode.window.showTextDocument(workspaceUri('riverside-youth', '2026-04-20.worksheet.yaml'), { preview: false });
    await editor.edit((e) => e.replace(editor.document.lineAt(16).range, '  success_in_their_words: Every teen <b>who wants</b> a studio has one.'));
    const target = workspaceUri('riverside-youth', 'spring.what-we-heard.html');
    try {
      await vscode.commands.executeCommand('partnerWorksheets.shareWhatWeHeard', undefined, 'html', target);
      const html = await read(target);
      assert.match(html, /<blockquote>Every teen &#60;b&#62;who wants&#60;\/b&#62; a studio has one\.<\/blockquote>/);
      assert.match(html, /@media print/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await deleteFile(target);
    }
  });
});
