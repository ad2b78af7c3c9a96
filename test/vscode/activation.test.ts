import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
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

  it('registers every command it contributes', async () => {
    await activate();
    const declared = (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    assert.ok(declared.length >= 2);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declared.filter((c) => !registered.has(c));
    assert.deepEqual(missing, []);
  });
});
