import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { WorkspaceIndex } from '../../src/core/workspace';
import { Indexer } from '../../src/features/workspace/indexer';
import { EXTENSION_ID, activate, workspaceUri } from './util';

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

  it('registers every command it contributes', async () => {
    await activate();
    const declared = (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    assert.ok(declared.length >= 2);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declared.filter((c) => !registered.has(c));
    assert.deepEqual(missing, []);
  });
});
