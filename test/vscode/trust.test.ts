// Workspace trust: the extension runs no workspace code, so it declares itself
// supported in untrusted workspaces and must work fully in restricted mode.
// The runner opens one run's workspace untrusted and says so through
// PW_EXPECT_UNTRUSTED (the Node extension host inherits the server's
// environment; the web worker has no `process`, and its run is trusted).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, activate, diagnosticCodes, waitFor, workspaceUri } from './util';

const expectUntrusted = typeof process !== 'undefined' && process.env?.PW_EXPECT_UNTRUSTED === '1';

describe('workspace trust', () => {
  it(expectUntrusted ? 'works in an untrusted workspace (restricted mode)' : 'works in a trusted workspace', async () => {
    assert.equal(vscode.workspace.isTrusted, !expectUntrusted, `isTrusted is ${vscode.workspace.isTrusted}`);
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const supported = (ext.packageJSON.capabilities?.untrustedWorkspaces as { supported?: unknown } | undefined)?.supported;
    assert.equal(supported, true);
    const api = await activate();
    assert.ok(ext.isActive);
    assert.deepEqual(api.partnerIds().sort(), ['eastside-library', 'riverside-youth']);
    // Diagnostics for a closed file come from the index, as in a trusted workspace.
    const convening = workspaceUri('convenings', 'westside.convening.yaml');
    await waitFor(() => diagnosticCodes(convening).includes('unknown-partner'), { message: () => `unknown-partner in the convening (it has ${diagnosticCodes(convening).join(', ')})` });
  });
});
