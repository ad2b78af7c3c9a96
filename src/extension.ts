// The composition root: build the shared services once, then let each feature
// folder register what it contributes. Everything registered goes into
// context.subscriptions, so deactivation cleans up.
import * as vscode from 'vscode';
import { WorkspaceIndex } from './core/workspace';
import { localToday } from './core/dates';
import { Indexer } from './features/workspace/indexer';
import type { NodeHost } from './features/workspace/local-stamps';
import { FindingStore } from './features/diagnostics/findings';
import type { Services } from './services';
import * as diagnostics from './features/diagnostics';
import * as editing from './features/editing';
import * as commands from './features/commands';
import * as partners from './features/partners';
import * as review from './features/review';
import * as form from './features/form';
import * as history from './features/history';
import * as themes from './features/themes';
import * as names from './features/names';
import type { PartnersProvider, PartnersView } from './features/partners';
import type { TreeNode } from './features/partners/tree-model';
import type { WorksheetForm } from './features/form';

/** What the extension exports to other extensions and to its own tests. */
export interface PartnerWorksheetsApi {
  whenIndexed(): Promise<void>;
  partnerIds(): string[];
  documentUris(): string[];
  services: Services;
  /** The Partners view's data, for tests and other extensions. */
  partnersView(): PartnersProvider | undefined;
  /** The Partners tree view itself: its selection, after a reveal say. */
  partnersTreeView(): vscode.TreeView<TreeNode> | undefined;
  /** The open Worksheet Forms, for tests. */
  worksheetForms(): WorksheetForm[];
  /** The Partner History panel, when open: its partner, and the one its page was last sent. */
  historyPanel(): { partnerId: string | undefined; shownOnPage: string | undefined } | undefined;
  /** V8's code cache of the bundle, set by the Node extension host's loader (extension-loader.ts): its file, and whether this session took it back. */
  codeCache?: { file: string; taken: boolean };
}

/** `host`: what the Node extension host's loader adds (extension-loader.ts); the web build has none. */
export function activate(context: vscode.ExtensionContext, host?: NodeHost): PartnerWorksheetsApi {
  const log = vscode.window.createOutputChannel('Partner Worksheets', { log: true });
  const today = () => localToday();
  // Every indexed file gets its diagnostics soon after: parse each once for both.
  const index = new WorkspaceIndex(today, { checkEvery: true });
  // Named as when it was JSON, so the new format takes the old file's place (its version tells them apart).
  const snapshotUri = context.storageUri && vscode.Uri.joinPath(context.storageUri, 'index-snapshot.json');
  const indexer = new Indexer(index, log, snapshotUri, host);
  context.subscriptions.push(log, indexer);
  const services: Services = { index, indexer, findings: new FindingStore(), log, today };

  let partnersView: PartnersView | undefined;
  let forms: form.WorksheetFormProvider | undefined;
  const features: [string, () => void][] = [
    ['diagnostics', () => diagnostics.register(context, services)],
    ['editing', () => editing.register(context, services)],
    ['commands', () => commands.register(context, services)],
    ['partners', () => { partnersView = partners.register(context, services); }],
    ['review', () => review.register(context, services)],
    ['form', () => { forms = form.register(context, services); }],
    ['history', () => history.register(context, services)],
    ['themes', () => themes.register(context, services)],
    ['names', () => names.register(context, services)],
  ];
  for (const [name, register] of features) {
    try {
      register();
    } catch (e) {
      // One broken feature must not take the others down.
      log.error(`The ${name} feature failed to start: ${(e as Error)?.stack ?? String(e)}`);
    }
  }
  indexer.start();
  log.info(`Partner Worksheets ${String(context.extension.packageJSON.version)} activated`);

  return {
    whenIndexed: () => indexer.whenIndexed(),
    partnerIds: () => [...index.partnerIds()],
    documentUris: () => index.documents().map((d) => d.uri),
    services,
    partnersView: () => partnersView?.provider,
    partnersTreeView: () => partnersView?.view,
    worksheetForms: () => forms?.open() ?? [],
    historyPanel: () => {
      const panel = history.HistoryPanel.active;
      return panel && { partnerId: panel.currentPartner, shownOnPage: panel.shownOnPage };
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
