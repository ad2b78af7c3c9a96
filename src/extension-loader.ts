// The extension's entry in VS Code's Node extension host (dist/extension.js):
// a small loader for the extension's bundle (dist/extension-main.js, built
// from extension.ts) that hands V8 the code it compiled for that bundle in an
// earlier session (./code-cache.ts).
//
// VS Code counts loading the bundle as activation, and the bundle is large
// (the rules, the schema validators, the YAML reader): its parse and compile
// cost more than activate() itself. Once the first session has built and
// checked its index, the loader writes V8's code for everything that ran so
// far into the extension's global storage, so later sessions compile only
// what it lacks.
//
// Unlike the CLI's, this cache is made where it is used: the extension host's
// V8 (Electron's, or the Node of a VS Code server) is not the one that built
// the bundle, and V8 refuses a cache from another version. It is made again
// when V8 refuses it (VS Code was updated) or it belongs to another bundle
// (the extension was). When anything about it fails, the bundle loads as it
// would without one. The loader also hands the extension what only Node has:
// stamps of the files on this machine's disk, all at once, for a reopened
// workspace (features/workspace/local-stamps.ts). The web build (vscode.dev)
// has no Node: its entry is extension.ts itself.
import type * as vscode from 'vscode';
import { join } from 'node:path';
import { loadWithCodeCache } from './code-cache';
import { localStamps } from './features/workspace/local-stamps';
import type * as Main from './extension';

let main: typeof Main | undefined;

/** Where the code cache of the bundle is kept: the extension's global storage, when that is on this machine's disk. */
export function codeCacheFile(context: Pick<vscode.ExtensionContext, 'globalStorageUri'>): string | undefined {
  const storage = context.globalStorageUri;
  return storage.scheme === 'file' ? join(storage.fsPath, 'code-cache', 'extension-main.bin') : undefined;
}

export function activate(context: vscode.ExtensionContext): Main.PartnerWorksheetsApi {
  const cacheFile = codeCacheFile(context);
  const loaded = loadWithCodeCache<typeof Main>(join(__dirname, 'extension-main.js'), cacheFile);
  main = loaded.exports;
  const api = main.activate(context, { stamps: localStamps });
  if (cacheFile === undefined) return api;
  api.codeCache = { file: cacheFile, taken: loaded.cacheTaken };
  if (!loaded.cacheTaken) {
    // After the first index is built and checked, so the code of reading and
    // checking worksheets is in the cache too, not only activate()'s.
    void api.whenIndexed().then(() => {
      try {
        loaded.saveCodeCache();
      } catch (e) {
        api.services.log.warn(`Could not save the extension's code cache (it starts as it did before): ${String(e)}`);
      }
    });
  }
  return api;
}

export function deactivate(): void {
  main?.deactivate();
}
