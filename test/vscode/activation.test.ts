import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { WorkspaceIndex } from '../../src/core/workspace';
import { Indexer } from '../../src/features/workspace/indexer';
import { EXTENSION_ID, activate, workspaceSettled, workspaceUri } from './util';

describe('extension', () => {
  it('activates on the fixture workspace and indexes its files', async () => {
    const api = await activate();
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
    assert.deepEqual(api.partnerIds().sort(), ['eastside-library', 'riverside-youth']);
    const uris = api.documentUris();
    assert.ok(uris.includes(workspaceUri('riverside-youth', '2026-10-14.worksheet.yaml').toString()), uris.join('\n'));
    assert.ok(uris.includes(workspaceUri('convenings', 'westside.convening.yaml').toString()));
    assert.ok(uris.includes(workspaceUri('partner-worksheets.yaml').toString()));
  });

  it('a feature that asks, before the indexer starts, when the index is ready waits for the first load', async () => {
    const api = await activate();
    const index = new WorkspaceIndex(() => '2026-11-24');
    const log = vscode.window.createOutputChannel('Partner Worksheets (indexer test)', { log: true });
    const indexer = new Indexer(index, log);
    try {
      // As the diagnostics ask when activate() registers them: before start().
      const ready = indexer.whenIndexed();
      indexer.start();
      await ready;
      // Had it answered at once, the diagnostics would take the load as over and
      // re-check every convening and review after each batch of worksheets read.
      assert.deepEqual(index.documents().map((d) => d.uri).sort(), [...api.documentUris()].sort());
    } finally {
      indexer.dispose();
      log.dispose();
    }
  });

  it('reopens the workspace from the snapshot it saved: every file as it was, none read again', async () => {
    const api = await activate();
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const snapshotUri = vscode.Uri.joinPath(folder, '..', `pw-snapshot-test-${Date.now()}`, 'index-snapshot');
    const log = vscode.window.createOutputChannel('Partner Worksheets (snapshot test)', { log: true });
    const session = async () => {
      const index = new WorkspaceIndex(() => '2026-11-24');
      const indexer = new Indexer(index, log, snapshotUri);
      try {
        indexer.start();
        // The first load's snapshot is saved before the load counts as over.
        await indexer.whenIndexed();
        return { index, reused: indexer.reusedAtLoad };
      } finally {
        indexer.dispose();
      }
    };
    await workspaceSettled();
    try {
      const first = await session();
      assert.equal(first.reused, 0);
      const second = await session();
      const uris = [...api.documentUris()].sort();
      assert.deepEqual(second.index.documents().map((d) => d.uri).sort(), uris);
      assert.equal(second.reused, uris.length, 'every file taken from the snapshot');
      for (const uri of uris) assert.equal(second.index.get(uri)?.text, first.index.get(uri)?.text, uri);
      assert.deepEqual(second.index.partnerIds(), first.index.partnerIds());
    } finally {
      log.dispose();
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(snapshotUri, '..'), { recursive: true }).then(undefined, () => undefined);
    }
  });

  it('registers every command it contributes', async () => {
    await activate();
    const declared = (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    assert.ok(declared.length >= 2);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declared.filter((c) => !registered.has(c));
    assert.deepEqual(missing, []);
  });
});
