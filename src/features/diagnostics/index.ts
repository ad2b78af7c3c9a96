// Diagnostics for every worksheet file in the workspace: open documents from
// their buffer (at once on open, then after the indexer's typing debounce),
// closed ones from the index, so the Problems panel lists every gap before the
// team meeting. Per-URI set/delete; never a blanket clear.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { kindOfFile } from '../../core/kinds';
import { SOURCE, toDiagnostic } from './convert';

const YAML_EXTENSION = 'redhat.vscode-yaml';

export function register(context: vscode.ExtensionContext, services: Services): void {
  const collection = vscode.languages.createDiagnosticCollection(SOURCE);
  const docsUri = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules.md');
  const { index, indexer, findings } = services;
  const pending = new Set<string>();
  let flushTimer: ReturnType<typeof setTimeout> | undefined;

  const skipSchema = (): boolean => {
    const setting = vscode.workspace.getConfiguration('partnerWorksheets').get<string>('schemaDiagnostics', 'auto');
    if (setting === 'on') return false;
    if (setting === 'off') return true;
    // Red Hat YAML reads our yamlValidation schemas and reports the same errors.
    return vscode.extensions.getExtension(YAML_EXTENSION)?.isActive === true;
  };

  const refresh = (uri: string): void => {
    try {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri && !d.isClosed);
      if (!index.has(uri) && !open) {
        collection.delete(vscode.Uri.parse(uri));
        findings.delete(uri);
        return;
      }
      const list = index.check(uri, { text: open?.getText(), skipSchema: skipSchema() });
      findings.set(uri, list, open?.version);
      collection.set(vscode.Uri.parse(uri), list.map((f) => toDiagnostic(f, docsUri)));
    } catch (e) {
      services.log.error(`Checking ${uri} failed: ${(e as Error)?.stack ?? String(e)}`);
    }
  };

  // Index updates come in bursts (a folder loading, a branch switch): coalesce.
  const schedule = (uris: Iterable<string>): void => {
    for (const u of uris) pending.add(u);
    if (flushTimer) return;
    flushTimer = setTimeout(() => {
      flushTimer = undefined;
      const batch = [...pending];
      pending.clear();
      batch.forEach(refresh);
    }, 20);
  };

  const refreshAll = (): void => schedule([
    ...index.documents().map((d) => d.uri),
    ...vscode.workspace.textDocuments.filter((d) => kindOfFile(d.uri.path)).map((d) => d.uri.toString()),
  ]);

  context.subscriptions.push(
    collection,
    { dispose: () => clearTimeout(flushTimer) },
    indexer.onDidChange((change) => schedule(change.affected)),
    vscode.workspace.onDidOpenTextDocument((d) => {
      if (kindOfFile(d.uri.path)) refresh(d.uri.toString());
    }),
    vscode.workspace.onDidCloseTextDocument((d) => {
      // Files outside the workspace are only checked while open.
      if (kindOfFile(d.uri.path) && !index.has(d.uri.toString())) {
        collection.delete(d.uri);
        findings.delete(d.uri.toString());
      }
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('partnerWorksheets')) {
        index.invalidate();
        refreshAll();
      }
    }),
    vscode.extensions.onDidChange(() => refreshAll()),
  );

  vscode.workspace.textDocuments.forEach((d) => {
    if (kindOfFile(d.uri.path)) refresh(d.uri.toString());
  });
  void indexer.whenIndexed().then(refreshAll);
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
