// Files named like worksheets that are not regular files, in a real workbench.
// A committed `x.worksheet.yaml` may be a FIFO (reading it would wait for a
// writer for ever) or a link to /dev/zero (reading it would never end): each
// is left out at once, with its reason kept for the user, and the rest of the
// workspace goes on working. Node extension host only: making a FIFO needs
// Node (the web worker host reads the same files through the same code).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import * as vscode from 'vscode';
import type { PartnerWorksheetsApi } from '../../src/extension';
import { activate, createFile, deleteFile, diagnosticCodes, gappyWorksheet, waitFor, workspaceUri } from './util';

const FOLDER = 'zz-not-files';

describe('files that are not regular files, in the workbench', () => {
  let api: PartnerWorksheetsApi;
  const good = () => workspaceUri(FOLDER, '2026-10-20.worksheet.yaml');
  const fifo = () => workspaceUri(FOLDER, 'pipe.worksheet.yaml');
  const zero = () => workspaceUri(FOLDER, 'zero.worksheet.yaml');

  before(async () => {
    api = await activate();
    await createFile(good(), gappyWorksheet('zz-not-files-neighbour', 'Pipe Street Neighbours'));
    await waitFor(() => diagnosticCodes(good()).includes('missing-confirmation'), { message: 'the good worksheet\'s gaps' });
  });

  after(async () => {
    await deleteFile(workspaceUri(FOLDER));
    await waitFor(() => ![...api.services.indexer.leftOut().keys()].some((u) => u.includes(`/${FOLDER}/`)), { message: 'the files to leave the list of those left out' });
  });

  it('a FIFO and a link to /dev/zero are left out with their reason, and the workspace goes on', async () => {
    execFileSync('mkfifo', [fifo().fsPath]);
    symlinkSync('/dev/zero', zero().fsPath);
    const left = await waitFor(() => {
      const m = api.services.indexer.leftOut();
      return m.has(fifo().toString()) && m.has(zero().toString()) ? m : undefined;
    }, { message: () => `both files left out (so far: ${[...api.services.indexer.leftOut().keys()].join(', ') || 'none'})` });
    assert.match(left.get(fifo().toString())!, /not a regular file/);
    assert.match(left.get(zero().toString())!, /not a regular file/);
    assert.ok(!api.documentUris().includes(fifo().toString()) && !api.documentUris().includes(zero().toString()));

    // The extension host is not stuck on either: an edit still updates diagnostics at once.
    const editor = await vscode.window.showTextDocument(good());
    const thanked = editor.document.getText().split('\n').indexOf('thanked: true');
    await editor.edit((b) => b.replace(editor.document.lineAt(thanked).range, 'thanked: false'));
    await waitFor(() => diagnosticCodes(good()).includes('not-thanked'), { message: 'not-thanked after the edit' });
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
