// The Worksheet Form in a real workbench: opened with vscode.openWith, its page
// loads in a real webview (it asks for its state), and the messages its page
// posts (handed in through the extension's API, the same handler) change the
// document as the text editor would: undoable, dirty until saved, with the
// diagnostics following. Opening it writes nothing.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { WorksheetForm } from '../../src/features/form';
import { activate, createFile, deleteFile, diagnosticCodes, gappyWorksheet, waitFor, workspaceUri } from './util';

const PARTNER = 'zz-form-tests';
const VIEW_TYPE = 'partnerWorksheets.form';
const GAPPY = gappyWorksheet(PARTNER, 'Form Tests Group');
const read = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
const docOf = (uri: vscode.Uri) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());

async function openForm(name: string, text: string): Promise<{ uri: vscode.Uri; form: WorksheetForm }> {
  const api = await activate();
  const uri = workspaceUri(PARTNER, name);
  await createFile(uri, text);
  await waitFor(() => api.services.index.has(uri.toString()), { message: 'the worksheet in the index' });
  await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
  const form = await waitFor(() => api.worksheetForms().find((f) => f.document.uri.toString() === uri.toString()), { message: 'the form for the worksheet' });
  // The page has loaded in the webview, under its CSP, and asked for its state.
  await waitFor(() => form.lastState, { message: 'the page to load and ask for its state' });
  return { uri, form };
}

describe('Worksheet Form', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    const api = await activate();
    await deleteFile(workspaceUri(PARTNER));
    await waitFor(() => !api.partnerIds().includes(PARTNER), { message: 'the test partner to leave the index' });
  });

  it('opens a worksheet without changing it, and keeps its diagnostics', async () => {
    const api = await activate();
    const uri = workspaceUri(PARTNER, '2026-10-20.worksheet.yaml');
    await createFile(uri, GAPPY);
    await waitFor(() => diagnosticCodes(uri).length === 2, { message: 'the two gaps before the form opens' });
    await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
    const form = await waitFor(() => api.worksheetForms().find((f) => f.document.uri.toString() === uri.toString()), { message: 'the form' });
    const state = await waitFor(() => form.lastState, { message: 'the page to ask for its state' });
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputCustom && tab.input.viewType.endsWith(VIEW_TYPE), 'the form is the active tab');
    assert.equal(form.document.isDirty, false);
    assert.equal(form.document.getText(), GAPPY);
    assert.equal(await read(uri), GAPPY);
    assert.deepEqual(diagnosticCodes(uri), ['missing-confirmation', 'missing-next-step']);
    // The page got the worksheet and its gaps, each on its block.
    assert.deepEqual(state.model.values['partner.organization'], { state: 'value', value: 'Form Tests Group', line: 7 });
    assert.deepEqual(state.gaps.map((g) => [g.code, g.field]).sort(), [['missing-confirmation', 'confirmation'], ['missing-next-step', 'next_step']]);
    assert.ok(state.layout, 'the layout comes with the first state');
  });

  it('turns a field change into a text edit: dirty, diagnostics follow, undo restores the text, save writes it', async () => {
    const { uri, form } = await openForm('2026-10-21.worksheet.yaml', GAPPY);
    const before = form.document.getText();
    await form.receive({ type: 'edit', version: form.document.version, edit: { op: 'set', path: ['next_step', 'action'], value: 'Book the hall for their meal' } });
    await waitFor(() => form.document.getText() !== before, { message: 'the text to change' });
    assert.equal(form.document.getText(), before.replace('thanked: true\n', 'next_step:\n  action: Book the hall for their meal\nthanked: true\n'));
    assert.equal(form.document.isDirty, true);
    await waitFor(() => !diagnosticCodes(uri).includes('missing-next-step') && diagnosticCodes(uri).includes('next-step-owner'), { message: () => `the diagnostics to follow (now ${diagnosticCodes(uri).join(', ')})` });
    // The page hears of the change at once.
    await waitFor(() => form.lastState?.model.values['next_step.action']?.state === 'value', { message: 'the page to get the new value' });
    await vscode.commands.executeCommand('undo');
    await waitFor(() => form.document.getText() === before, { message: 'undo to restore the text' });
    await waitFor(() => diagnosticCodes(uri).includes('missing-next-step'), { message: 'the gap back after undo' });
    await vscode.commands.executeCommand('redo');
    await waitFor(() => form.document.getText() !== before, { message: 'redo to make the change again' });
    await vscode.commands.executeCommand('workbench.action.files.save');
    await waitFor(async () => (await read(uri)).includes('action: Book the hall for their meal'), { message: 'the change on disk after save' });
    assert.equal(form.document.isDirty, false);
  });

  it('applies a gap\'s quick fix from its button, and follows edits made in the text', async () => {
    const { uri, form } = await openForm('2026-10-22.worksheet.yaml', GAPPY);
    const state = await waitFor(() => (form.lastState?.gapsCurrent ? form.lastState : undefined), { message: 'current gaps' });
    const gap = state.gaps.find((g) => g.code === 'missing-confirmation')!;
    assert.deepEqual(gap.fixes, ['Add a confirmation block']);
    await form.receive({ type: 'fix', version: state.version, gap: gap.id, fix: 0 });
    await waitFor(() => !diagnosticCodes(uri).includes('missing-confirmation'), { message: 'the fixed gap to go' });
    assert.match(form.document.getText(), /\nconfirmation:\n {2}asked: true\n/);
    // An edit in the text (here through a WorkspaceEdit, as the text editor or git would) reaches
    // the page at once: before the gaps are rechecked, which waits for typing to pause.
    const states: { version: number; gapsCurrent: boolean }[] = [];
    const sub = form.onDidPost((m) => { if (m.type === 'state') states.push(m); });
    const edit = new vscode.WorkspaceEdit();
    const doc = docOf(uri)!;
    const at = doc.getText().indexOf('Form Tests Group');
    edit.replace(uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'Form Tests Group'.length)), 'Form Tests Collective');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor(() => {
      const v = form.lastState?.model.values['partner.organization'];
      return v?.state === 'value' && v.value === 'Form Tests Collective';
    }, { message: 'the page to show the text\'s change' });
    sub.dispose();
    assert.ok(states.some((m) => m.version === doc.version && !m.gapsCurrent), JSON.stringify(states));
  });

  it('refuses an edit it cannot make safely, says why, and leaves the text alone', async () => {
    const broken = GAPPY.replace('thanked: true', 'thanked: [true');
    const { form } = await openForm('2026-10-23.worksheet.yaml', broken);
    assert.equal(form.lastState!.model.editable, false);
    assert.ok(form.lastState!.model.problems.some((p) => p.kind === 'syntax'));
    const messages: string[] = [];
    const sub = form.onDidPost((m) => { if (m.type === 'error') messages.push(m.message); });
    try {
      await form.receive({ type: 'edit', version: form.document.version, edit: { op: 'set', path: ['thanked'], value: true } });
      await form.receive({ type: 'edit', version: form.document.version, edit: { op: 'set', path: ['kind'], value: 'convening' } });
      await form.receive({ type: 'run', command: 'rm -rf' });
    } finally {
      sub.dispose();
    }
    assert.equal(messages.length, 2);
    assert.match(messages[0], /fix it in the text/);
    assert.equal(form.document.getText(), broken);
    assert.equal(form.document.isDirty, false);
  });

  it('opens as text from the form, and in the form from the text', async () => {
    const { uri } = await openForm('2026-10-24.worksheet.yaml', GAPPY);
    await vscode.commands.executeCommand('partnerWorksheets.openFormAsText', uri);
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString(), { message: 'the text editor' });
    await vscode.commands.executeCommand('partnerWorksheets.openForm');
    await waitFor(() => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputCustom && input.uri.toString() === uri.toString();
    }, { message: 'the form as the active tab' });
  });

  it('opens a new meeting worksheet in the form when the form is the default', async () => {
    await activate();
    const config = vscode.workspace.getConfiguration();
    await config.update('partnerWorksheets.form.openByDefault', true, vscode.ConfigurationTarget.Global);
    try {
      const uri = await vscode.commands.executeCommand<vscode.Uri>('partnerWorksheets.newWorksheet', PARTNER);
      assert.ok(uri);
      await waitFor(() => {
        const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
        return input instanceof vscode.TabInputCustom && input.uri.toString() === uri.toString() && input.viewType.endsWith(VIEW_TYPE);
      }, { message: 'the new worksheet in the form' });
    } finally {
      await config.update('partnerWorksheets.form.openByDefault', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('makes the form the default editor for worksheets when the setting asks', async () => {
    const config = () => vscode.workspace.getConfiguration();
    const associations = () => config().inspect<Record<string, string>>('workbench.editorAssociations')?.globalValue ?? {};
    await activate();
    await config().update('partnerWorksheets.form.openByDefault', true, vscode.ConfigurationTarget.Global);
    try {
      await waitFor(() => associations()['*.worksheet.yaml'] === VIEW_TYPE, { message: 'the association for worksheets' });
    } finally {
      await config().update('partnerWorksheets.form.openByDefault', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(() => associations()['*.worksheet.yaml'] === undefined, { message: 'the association gone with the setting' });
  });
});
