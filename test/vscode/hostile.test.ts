// The hostile-input corpus in a real workbench: every file is created in the
// workspace and opened; each gets its finding on the right line in the
// Problems panel, and a good worksheet beside them still gets its diagnostics,
// its place in the Partners view and in the team review's summary.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { HOSTILE_CASES, hugeWorksheet } from '../fixtures/hostile-cases';
import { summarize } from '../../src/core/summary/summarize';
import type { PartnerWorksheetsApi } from '../../src/extension';
import { EXTENSION_ID, activate, codeOf, createFile, deleteFile, diagnosticCodes, gappyWorksheet, waitFor, workspaceUri } from './util';

const FOLDER = 'zz-hostile';
const GOOD_PARTNER = 'zz-hostile-neighbour';
const GOOD = gappyWorksheet(GOOD_PARTNER, 'Hostile Neighbours Association');

describe('hostile input in the workbench', () => {
  let api: PartnerWorksheetsApi;
  const good = () => workspaceUri(GOOD_PARTNER, '2026-10-20.worksheet.yaml');

  before(async () => {
    api = await activate();
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    for (const name of Object.keys(HOSTILE_CASES)) {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, 'test', 'fixtures', 'hostile', name));
      await createFile(workspaceUri(FOLDER, name), bytes); // as bytes: the binary file and the BOM stay as they are
    }
    await createFile(workspaceUri(FOLDER, 'huge.worksheet.yaml'), hugeWorksheet());
    await createFile(good(), GOOD);
  });

  after(async function () {
    this.timeout(180_000); // a hang guard: closing and deleting two dozen files on a loaded two-core machine
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await deleteFile(workspaceUri(FOLDER));
    await deleteFile(workspaceUri(GOOD_PARTNER));
    await waitFor(() => !api.documentUris().some((u) => u.includes(`/${FOLDER}/`) || u.includes(`/${GOOD_PARTNER}/`)), { message: 'the corpus to leave the index' });
  });

  it('opens every file of the corpus, and each gets its finding on the right line', async function () {
    this.timeout(180_000); // a hang guard: the corpus is two dozen editors, each opened in turn
    const refused: string[] = [];
    for (const name of [...Object.keys(HOSTILE_CASES), 'huge.worksheet.yaml']) {
      try {
        await vscode.window.showTextDocument(workspaceUri(FOLDER, name), { preview: false });
      } catch {
        refused.push(name); // VS Code declines to open a binary file as text; the index still reads it
      }
    }
    assert.ok(refused.every((n) => n === 'binary.worksheet.yaml'), `VS Code refused ${refused.join(', ')}`);
    const cases = { ...HOSTILE_CASES, 'huge.worksheet.yaml': ['file-too-large', 1, /characters/] as const };
    for (const [name, [code, line, message]] of Object.entries(cases)) {
      const uri = workspaceUri(FOLDER, name);
      await waitFor(
        () => vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === code && d.range.start.line + 1 === line && message.test(d.message)),
        { message: () => `${code} on line ${line} in ${name} (it has ${vscode.languages.getDiagnostics(uri).map((d) => `${codeOf(d)}@${d.range.start.line + 1}`).join(', ') || 'none'})` },
      );
    }
  });

  it('keeps a good worksheet beside the corpus working: diagnostics, Partners view, summary', async () => {
    const uri = good();
    await waitFor(() => JSON.stringify(diagnosticCodes(uri)) === JSON.stringify(['missing-confirmation', 'missing-next-step']), {
      message: () => `the good worksheet's two gaps (it has ${diagnosticCodes(uri).join(', ')})`,
    });
    const view = await waitFor(() => api.partnersView(), { message: 'the Partners view' });
    const roots = await waitFor(async () => {
      const nodes = await view.getChildren();
      return nodes.some((n) => n.partnerId === GOOD_PARTNER) ? nodes : undefined;
    }, { message: 'the good partner in the Partners view' });
    const partner = roots.find((n) => n.partnerId === GOOD_PARTNER)!;
    assert.equal(partner.label, 'Hostile Neighbours Association');
    assert.deepEqual((await view.getChildren(partner)).map((n) => n.uri), [uri.toString()]);
    const summary = summarize(api.services.index, { round: 'autumn-2026', today: api.services.today() });
    assert.ok(summary.gaps.some((g) => g.uri === uri.toString() && g.code === 'missing-confirmation'), 'the summary lists the good worksheet\'s gap');

    // Still live: an edit in the editor updates its diagnostics.
    const editor = await vscode.window.showTextDocument(uri);
    const thanked = editor.document.getText().split('\n').indexOf('thanked: true');
    await editor.edit((b) => b.replace(editor.document.lineAt(thanked).range, 'thanked: false'));
    await waitFor(() => diagnosticCodes(uri).includes('not-thanked'), { message: 'not-thanked after the edit' });
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
