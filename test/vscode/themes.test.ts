import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, createFile, deleteFile, waitFor, workspaceUri } from './util';

// A partner of its own, removed afterwards, so the other suites see the fixture workspace as it was.
const PARTNER = 'zz-themes-tests';

const UNTAGGED = `kind: worksheet
version: 1
status: held
round: autumn-2026
partner: {id: ${PARTNER}, organization: Themes Tests Group}
meeting: {date: 2026-10-20, duration_minutes: 45, partner_chose_time_and_place: true, our_attendees: [sam]}
notes:
  success_in_their_words: Members get to every session.
  challenges:
    - No hall on weekdays, and the bus stops running at six
`;

describe('themes', () => {
  before(async () => {
    await activate();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const api = await activate();
    await deleteFile(workspaceUri(PARTNER));
    await waitFor(() => !api.partnerIds().includes(PARTNER), { message: 'the test partner to leave the index' });
  });

  it('tags an untagged note with the quick fix "Tag as <theme>", agreed themes first, and undo takes it back', async () => {
    const uri = workspaceUri(PARTNER, '2026-10-20.worksheet.yaml');
    await createFile(uri, UNTAGGED);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const line = editor.document.getText().split('\n').findIndex((l) => l.includes('No hall on'));
    const at = new vscode.Range(line, 10, line, 10);
    const actions = await waitFor(async () => {
      const all = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, at, vscode.CodeActionKind.QuickFix.value);
      const tags = all.filter((a) => a.title.startsWith('Tag as '));
      return tags.length ? tags : undefined;
    }, { message: 'Tag as actions' });
    // The fixture team's vocabulary has "hall" under Space and venues; the bus is only the starter's.
    assert.deepEqual(actions.map((a) => a.title), ['Tag as Space and venues', 'Tag as Getting there (suggested)']);
    assert.ok(await vscode.workspace.applyEdit(actions[0].edit!));
    assert.match(editor.document.getText(), /\n {4}- text: No hall on weekdays, and the bus stops running at six\n {6}themes: \[space\]\n/);
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => editor.document.getText() === UNTAGGED, { message: 'undo to restore the note' });
  });
});
