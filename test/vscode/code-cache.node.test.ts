// The extension's loader in a real extension host (src/extension-loader.ts): it
// keeps V8's code for the bundle in the extension's global storage once the
// first index is built, for later sessions to activate faster. Node extension
// host only: the web build has no loader.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, activate, waitFor } from './util';

describe('the code cache of the extension\'s bundle', () => {
  it('is saved in the extension\'s global storage once the first index is built, for the bundle it loaded', async () => {
    const api = await activate();
    await api.whenIndexed();
    const cache = api.codeCache;
    assert.ok(cache, 'the Node extension host loads the extension through its loader');
    assert.match(cache.file, /[\\/]globalStorage[\\/]partner-worksheets\.partner-worksheets[\\/]code-cache[\\/]extension-main\.bin$/);
    const saved = await waitFor(() => {
      try {
        return readFileSync(cache.file);
      } catch {
        return undefined;
      }
    }, { message: 'the code cache to be saved' });
    // Headed by the SHA-256 of the bundle this session runs, then V8's code.
    const extensionPath = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    const digest = createHash('sha256').update(readFileSync(join(extensionPath, 'dist', 'extension-main.js'))).digest();
    assert.ok(saved.subarray(0, 32).equals(digest));
    assert.ok(saved.length > 100_000, `${saved.length} bytes: the code of the check is in it, not only activate()'s`);
  });
});
