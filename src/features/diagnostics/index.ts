// Diagnostics for every worksheet file in the workspace: open documents from
// their buffer (at once on open, then after the indexer's typing debounce),
// closed ones from the index, so the Problems panel lists every gap before the
// team meeting. Per-URI set/delete; never a blanket clear.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { kindOfFile } from '../../core/kinds';
import { CheckSchedule } from '../../core/workspace';
import { SOURCE, toDiagnostic } from './convert';

const YAML_EXTENSION = 'redhat.vscode-yaml';

export function register(context: vscode.ExtensionContext, services: Services): void {
  const collection = vscode.languages.createDiagnosticCollection(SOURCE);
  const docsUri = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules.md');
  const { index, indexer, findings } = services;

  // Looked up once per batch of diagnostics published, not per file checked
  // (published, or changed settings and extensions, ask again).
  let skipping: boolean | undefined;
  const skipSchema = (): boolean => {
    if (skipping !== undefined) return skipping;
    const setting = vscode.workspace.getConfiguration('partnerWorksheets').get<string>('schemaDiagnostics', 'auto');
    // Red Hat YAML reads our yamlValidation schemas and reports the same errors.
    skipping = setting === 'on' ? false : setting === 'off' ? true : vscode.extensions.getExtension(YAML_EXTENSION)?.isActive === true;
    return skipping;
  };

  // Diagnostics checked and not yet published, keyed by file: a later check
  // or a deletion replaces what waits. They go to the workbench a batch at a
  // time (CheckSchedule's publish): one message for many files, not one each.
  const unpublished = new Map<string, [vscode.Uri, vscode.Diagnostic[]]>();
  const publish = (): void => {
    if (unpublished.size) collection.set([...unpublished.values()]);
    unpublished.clear();
    skipping = undefined;
  };

  /** New diagnostics for one file, to publish with its batch. `local`: while the workspace first loads (see CheckSchedule). */
  const refresh = (uri: string, local: boolean): void => {
    try {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri && !d.isClosed);
      if (!index.has(uri) && !open) {
        unpublished.delete(uri);
        collection.delete(vscode.Uri.parse(uri));
        findings.delete(uri);
        checks.markChecked(uri, false);
        return;
      }
      // A closed file's quick fixes are made when asked for (FindingStore.fixable).
      const list = index.check(uri, { text: open?.getText(), skipSchema: skipSchema(), local, fixes: open !== undefined });
      findings.set(uri, list, open?.version);
      unpublished.set(uri, [vscode.Uri.parse(uri), list.map((f) => toDiagnostic(f, docsUri))]);
      checks.markChecked(uri);
    } catch (e) {
      services.log.error(`Checking ${uri} failed: ${(e as Error)?.stack ?? String(e)}`);
    }
  };

  /** Check these files and publish them now (a document just opened), with whatever waits. */
  const refreshNow = (uris: Iterable<string>): void => {
    for (const u of uris) refresh(u, false);
    publish();
  };

  // A closed file's findings are kept without fixes; asked for them, the store makes them as refresh would.
  findings.makeFixesWith((document) => index.check(document.uri.toString(), { text: document.getText(), skipSchema: skipSchema() }));

  // Index updates come in bursts (a folder loading, a branch switch): coalesced into batches.
  // Timers wrapped, not passed as they are: called as a method of the options, a
  // browser's setTimeout throws "Illegal invocation" (the web worker host).
  const checks = new CheckSchedule(index, { check: refresh, publish, delayMs: 20, setTimer: (fn, ms) => setTimeout(fn, ms), clearTimer: (t) => clearTimeout(t as ReturnType<typeof setTimeout>) });
  const schedule = (uris: Iterable<string>): void => checks.add(uris);
  const openUris = (): string[] => vscode.workspace.textDocuments.filter((d) => kindOfFile(d.uri.path)).map((d) => d.uri.toString());
  const refreshAll = (): void => schedule([...index.documents().map((d) => d.uri), ...openUris()]);

  context.subscriptions.push(
    collection,
    checks,
    indexer.onDidChange((change) => schedule(change.affected)),
    indexer.onDidRevertToIndexed((uri) => schedule([uri])),
    vscode.workspace.onDidOpenTextDocument((d) => {
      if (kindOfFile(d.uri.path)) refreshNow([d.uri.toString()]);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => {
      // Files outside the workspace are only checked while open.
      if (kindOfFile(d.uri.path) && !index.has(d.uri.toString())) {
        collection.delete(d.uri);
        findings.delete(d.uri.toString());
        checks.markChecked(d.uri.toString(), false);
      }
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('partnerWorksheets')) {
        skipping = undefined;
        index.invalidate();
        refreshAll();
      }
    }),
    vscode.extensions.onDidChange(() => {
      skipping = undefined;
      refreshAll();
    }),
  );

  refreshNow(openUris());
  void indexer.whenIndexed().then(() => checks.loaded(openUris()));
  scheduleMidnight(context, () => {
    index.invalidate();
    refreshAll();
  });
}

/** Overdue rules depend on the date: recheck once the day changes. */
function scheduleMidnight(context: vscode.ExtensionContext, run: () => void): void {
  let timer: ReturnType<typeof setTimeout>;
  const arm = () => {
    const now = new Date();
    const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 5);
    timer = setTimeout(() => { run(); arm(); }, next.getTime() - now.getTime());
  };
  arm();
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
}
