import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, createFile, deleteFile, diagnosticCodes, gappyWorksheet, waitFor, workspaceUri } from './util';

// Each test works on files of a partner of its own, removed afterwards, so the
// other suites see the fixture workspace as it was.
const PARTNER = 'zz-editing-tests';

const GAPPY = gappyWorksheet(PARTNER, 'Editing Tests Group');

/** A worksheet named for its day records a meeting that day, as people name them: two of a day would be duplicate-meeting. */
async function openFresh(name: string, text: string): Promise<vscode.TextEditor> {
  const uri = workspaceUri(PARTNER, name);
  const day = /^\d{4}-\d{2}-\d{2}/.exec(name)?.[0];
  await createFile(uri, day ? text.replace(/^( {2}date: )2026-10-20$/m, `$1${day}`) : text);
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc);
}

async function actionsFor(uri: vscode.Uri, code: string): Promise<vscode.CodeAction[]> {
  const diagnostic = await waitFor(() => vscode.languages.getDiagnostics(uri).find((d) => typeof d.code === 'object' && d.code.value === code), { message: `a ${code} diagnostic` });
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  // The command's results do not carry their diagnostics: callers pick by title.
  return actions;
}

describe('editing worksheets', () => {
  before(async () => {
    await activate();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    const api = await activate();
    await deleteFile(workspaceUri(PARTNER));
    await waitFor(() => !api.partnerIds().includes(PARTNER), { message: 'the test partner to leave the index' });
  });

  it('shows the gaps of an open worksheet in the Problems panel', async () => {
    const editor = await openFresh('2026-10-20.worksheet.yaml', GAPPY);
    const uri = editor.document.uri;
    await waitFor(() => diagnosticCodes(uri).length === 2, { message: 'two diagnostics' });
    assert.deepEqual(diagnosticCodes(uri), ['missing-confirmation', 'missing-next-step']);
    const d = vscode.languages.getDiagnostics(uri)[0];
    assert.equal(d.source, 'partner-worksheets');
    assert.equal(editor.document.getText(d.range), 'shared');
  });

  it('fixes a missing confirmation with a quick fix, and undo brings the gap back', async () => {
    const editor = await openFresh('2026-10-21.worksheet.yaml', GAPPY);
    const uri = editor.document.uri;
    const fix = (await actionsFor(uri, 'missing-confirmation')).find((a) => a.title === 'Add a confirmation block');
    assert.ok(fix);
    assert.ok(fix.isPreferred);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    await waitFor(() => !diagnosticCodes(uri).includes('missing-confirmation'), { message: 'missing-confirmation to clear' });
    assert.match(editor.document.getText(), /\nconfirmation:\n {2}asked: true\n {2}statement: Everyone in the neighbourhood has a seat at the table\.\n {2}response: confirmed/);
    // `undo` acts on the focused editor: make sure it is this one, not a panel.
    await vscode.window.showTextDocument(editor.document, { preserveFocus: false });
    await vscode.commands.executeCommand('undo');
    await waitFor(() => !/\nconfirmation:/.test(editor.document.getText()), { message: 'the undo to take the block out' });
    await waitFor(() => diagnosticCodes(uri).includes('missing-confirmation'), { message: 'missing-confirmation after undo' });
  });

  it('undo brings the gap back when the index already holds the text undone to (a read from disk that ended after the fix)', async () => {
    const api = await activate();
    const editor = await openFresh('2026-10-27.worksheet.yaml', GAPPY);
    const uri = editor.document.uri;
    const written = editor.document.getText();
    const fix = (await actionsFor(uri, 'missing-confirmation')).find((a) => a.title === 'Add a confirmation block');
    assert.ok(fix && await vscode.workspace.applyEdit(fix.edit!));
    await waitFor(() => !diagnosticCodes(uri).includes('missing-confirmation'), { message: 'missing-confirmation to clear' });
    // What a late read of the file does: the index holds the text on disk, while the buffer keeps the fix.
    api.services.index.set(uri.toString(), written);
    await vscode.window.showTextDocument(editor.document, { preserveFocus: false });
    await vscode.commands.executeCommand('undo');
    await waitFor(() => editor.document.getText() === written, { message: 'the undo to take the block out' });
    // The undone buffer leaves the index as it was; its diagnostics, made from the fix, are made again.
    await waitFor(() => diagnosticCodes(uri).includes('missing-confirmation'), { message: 'missing-confirmation after undo' });
  });

  it('offers the quick fix of a closed file\'s gap, as from the Problems panel', async () => {
    // Written to disk, never opened: its diagnostics come from the index, made without fixes.
    const uri = workspaceUri(PARTNER, '2026-10-25.worksheet.yaml');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(GAPPY.replace('date: 2026-10-20', 'date: 2026-10-25')));
    await waitFor(() => diagnosticCodes(uri).includes('missing-confirmation'), { message: 'the closed file\'s diagnostics' });
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && !d.isClosed), 'the file is not open');
    // The Problems panel loads the file (no editor) to ask for its fixes; so does the command.
    await vscode.workspace.openTextDocument(uri);
    const fix = (await actionsFor(uri, 'missing-confirmation')).find((a) => a.title === 'Add a confirmation block');
    assert.ok(fix, 'the quick fix is offered');
    assert.ok(fix.edit?.get(uri).some((e) => /^confirmation:\n {2}asked: true/m.test(e.newText)), 'it writes the confirmation block');
  });

  it('offers a next step (preferred) or a follow-up for a missing next step', async () => {
    const editor = await openFresh('2026-10-22.worksheet.yaml', GAPPY);
    const actions = await actionsFor(editor.document.uri, 'missing-next-step');
    const nextStep = actions.find((a) => a.title === 'Add a next step (the partner is ready)');
    const followUp = actions.find((a) => a.title === 'Add a follow-up date (the partner is not ready yet)');
    assert.ok(nextStep && followUp);
    assert.ok(nextStep.isPreferred && !followUp.isPreferred);
    assert.ok(actions.indexOf(nextStep) < actions.indexOf(followUp), 'the next step comes first');
    assert.ok(await vscode.workspace.applyEdit(followUp.edit!));
    await waitFor(() => !diagnosticCodes(editor.document.uri).includes('missing-next-step'), { message: 'missing-next-step to clear' });
  });

  it('a harmless slip is one warning whose quick fix writes the format\'s form', async () => {
    const editor = await openFresh('2026-10-26.worksheet.yaml', GAPPY.replace('thanked: true', 'thanked: yes'));
    const uri = editor.document.uri;
    const write = (await actionsFor(uri, 'format-slip')).find((a) => a.title === 'Write `true`');
    assert.ok(write?.isPreferred, 'the fix is offered first');
    const slip = vscode.languages.getDiagnostics(uri).filter((d) => typeof d.code === 'object' && (d.code.value === 'format-slip' || d.code.value === 'schema'));
    assert.deepEqual(slip.map((d) => d.severity), [vscode.DiagnosticSeverity.Warning], 'one warning, no schema error');
    assert.ok(await vscode.workspace.applyEdit(write.edit!));
    await waitFor(() => !diagnosticCodes(uri).includes('format-slip'), { message: 'the slip to clear' });
    assert.ok(editor.document.getText().includes('thanked: true\n'));
  });

  it('one organisation under a second id: duplicate-partner on the newer worksheet, fixed to the existing id', async () => {
    await openFresh('2026-10-27.worksheet.yaml', GAPPY);
    const newer = await openFresh('2026-10-29.worksheet.yaml', GAPPY
      .replace(`id: ${PARTNER}`, `id: ${PARTNER}-copy`).replace('organization: Editing Tests Group', 'organization: Editing Tests Group.').replace('date: 2026-10-20', 'date: 2026-10-29'));
    const uri = newer.document.uri;
    const use = (await actionsFor(uri, 'duplicate-partner')).find((a) => a.title === `Use the existing id \`${PARTNER}\``);
    assert.ok(use, 'the fix names the existing id');
    assert.ok(await vscode.workspace.applyEdit(use.edit!));
    await waitFor(() => !diagnosticCodes(uri).includes('duplicate-partner'), { message: 'duplicate-partner to clear' });
    assert.ok(newer.document.getText().includes(`id: ${PARTNER}\n`));
  });

  it('"Ignore <code> here" writes a disable comment that silences only that finding', async () => {
    const editor = await openFresh('2026-10-23.worksheet.yaml', GAPPY);
    const uri = editor.document.uri;
    const ignore = (await actionsFor(uri, 'missing-next-step')).find((a) => a.title === 'Ignore missing-next-step here');
    assert.ok(ignore);
    assert.ok(await vscode.workspace.applyEdit(ignore.edit!));
    await waitFor(() => !diagnosticCodes(uri).includes('missing-next-step'), { message: 'the ignored finding to go' });
    assert.ok(editor.document.getText().includes('# worksheets-disable-next-line missing-next-step\nstatus: shared'));
    assert.ok(diagnosticCodes(uri).includes('missing-confirmation'));
  });

  it('fixes every auto-fixable gap at once with the source action', async () => {
    const editor = await openFresh('2026-10-24.worksheet.yaml', GAPPY.replace('thanked: true', 'thanked: false'));
    const uri = editor.document.uri;
    await waitFor(() => diagnosticCodes(uri).includes('not-thanked'), { message: 'not-thanked' });
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.partnerWorksheets');
    const fixAll = actions.find((a) => a.title === 'Fix all auto-fixable gaps in this file');
    assert.ok(fixAll);
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit!));
    await waitFor(() => diagnosticCodes(uri).length === 0, { message: `no gaps left (still ${diagnosticCodes(uri).join(', ')})` });
  });

  it('shows a gap while typing, before saving', async () => {
    const editor = await openFresh('2026-10-25.worksheet.yaml', GAPPY.replace('after:', 'next_step: {action: Book the hall, owner: ana, due: 2030-01-01, serves_goal: A weekly community meal}\nconfirmation: {asked: true, statement: A seat for everyone, response: confirmed}\nafter:'));
    const uri = editor.document.uri;
    await waitFor(() => diagnosticCodes(uri).length === 0, { message: 'a complete worksheet' });
    await editor.edit((b) => {
      const text = editor.document.getText();
      const at = text.indexOf('owner: ana, ');
      b.delete(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 'owner: ana, '.length)));
    });
    assert.ok(editor.document.isDirty);
    await waitFor(() => diagnosticCodes(uri).includes('next-step-owner'), { message: 'next-step-owner while typing' });
  });

  it('completes keys in a worksheet and partner ids in a convening', async () => {
    const editor = await openFresh('2026-10-26.worksheet.yaml', 'kind: worksheet\nmeeting:\n  \n');
    const keys = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(2, 2));
    const labels = keys.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('partner_chose_time_and_place'), labels.join(', '));
    const conv = await openFresh('test.convening.yaml', 'kind: convening\nname: Test\nvision_setting:\n  sessions:\n    - partners_present: []\n');
    const items = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', conv.document.uri, new vscode.Position(4, 25));
    const ids = items.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(ids.includes('riverside-youth') && ids.includes('eastside-library'), ids.join(', '));
  });

  it('explains a key on hover', async () => {
    const editor = await openFresh('2026-10-27.worksheet.yaml', GAPPY);
    const line = editor.document.getText().split('\n').findIndex((l) => l.includes('success_in_their_words'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(line, 4));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /the way they said it/i);
  });

  it('warns that a worksheet not named *.worksheet.yaml is left out, and renames it', async () => {
    const api = await activate();
    // A worksheet snippet typed into a file named for its date alone: the tools do not read it.
    const editor = await openFresh('2026-10-30.yaml', GAPPY);
    const uri = editor.document.uri;
    const warning = await waitFor(() => vscode.languages.getDiagnostics(uri).find((d) => d.code === 'misnamed-file'), { message: 'a misnamed-file warning' });
    assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(editor.document.getText(warning.range), 'worksheet');
    assert.match(warning.message, /says `kind: worksheet` but is not named \*\.worksheet\.yaml.*not counted in the review\. Rename it 2026-10-30\.worksheet\.yaml\./);
    assert.ok(!api.services.index.has(uri.toString()));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, warning.range, vscode.CodeActionKind.QuickFix.value);
    const rename = actions.find((a) => a.title === 'Rename to 2026-10-30.worksheet.yaml');
    assert.ok(rename?.edit, `a rename among ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(rename.edit));
    const renamed = workspaceUri(PARTNER, '2026-10-30.worksheet.yaml');
    await waitFor(() => api.services.index.has(renamed.toString()), { message: 'the renamed worksheet in the index' });
    await waitFor(() => diagnosticCodes(renamed).includes('missing-confirmation'), { message: 'the renamed worksheet\'s gaps' });
    assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(renamed)), /^kind: worksheet\n/);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(uri)));
  });

  it('offers no rename over a file that has the name already', async () => {
    await activate();
    await createFile(workspaceUri(PARTNER, '2026-10-31.worksheet.yaml'), '# kept as it is\n');
    const editor = await openFresh('2026-10-31.yaml', GAPPY);
    const uri = editor.document.uri;
    const warning = await waitFor(() => vscode.languages.getDiagnostics(uri).find((d) => d.code === 'misnamed-file'), { message: 'a misnamed-file warning' });
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, warning.range, vscode.CodeActionKind.QuickFix.value);
    assert.deepEqual(actions.filter((a) => a.title.startsWith('Rename')).map((a) => a.title), []);
    // Once the text no longer says it is a worksheet, the warning goes.
    await editor.edit((b) => b.replace(new vscode.Range(0, 0, 0, 'kind: worksheet'.length), 'kind: notes'));
    await waitFor(() => !vscode.languages.getDiagnostics(uri).some((d) => d.code === 'misnamed-file'), { message: 'the warning to clear' });
  });

  it('New Meeting Worksheet creates a valid planned worksheet and never overwrites', async () => {
    const api = await activate();
    const first = await vscode.commands.executeCommand<vscode.Uri>('partnerWorksheets.newWorksheet', PARTNER);
    assert.ok(first);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(first));
    assert.match(text, /status: planned/);
    await waitFor(() => api.services.index.has(first.toString()), { message: 'the new worksheet in the index' });
    assert.deepEqual(api.services.index.check(first.toString()).filter((f) => f.code === 'schema'), []);
    await vscode.workspace.fs.writeFile(first, new TextEncoder().encode(`${text}# edited by hand\n`));
    const second = await vscode.commands.executeCommand<vscode.Uri>('partnerWorksheets.newWorksheet', PARTNER);
    assert.notEqual(second.toString(), first.toString());
    assert.match(second.path, /-2\.worksheet\.yaml$/);
    assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(first)), /# edited by hand/);
  });

  it('New Meeting Worksheet that cannot write its file changes nothing and does not throw', async () => {
    await activate();
    // A file where the partner's folder would go: the new worksheet cannot be created below it.
    const blocker = workspaceUri('zz-blocked');
    await createFile(blocker, 'not a folder\n');
    try {
      const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('partnerWorksheets.newWorksheet', 'zz-blocked');
      assert.equal(uri, undefined);
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(blocker)), 'not a folder\n');
    } finally {
      await deleteFile(blocker);
    }
  });
});
