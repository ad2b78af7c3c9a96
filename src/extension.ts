// The composition root: build the shared services once, then let each feature
// folder register what it contributes. Everything registered goes into
// context.subscriptions, so deactivation cleans up.
import * as vscode from 'vscode';
import { WorkspaceIndex } from './core/workspace-index';
import { localToday } from './core/dates';
import { Indexer } from './features/workspace/indexer';
import type { Services } from './services';
import * as diagnostics from './features/diagnostics';
import * as editing from './features/editing';
import * as commands from './features/commands';
import * as partners from './features/partners';
import * as review from './features/review';

/** What the extension exports to other extensions and to its own tests. */
export interface PartnerWorksheetsApi {
  whenIndexed(): Promise<void>;
  partnerIds(): string[];
  documentUris(): string[];
  services: Services;
}

export function activate(context: vscode.ExtensionContext): PartnerWorksheetsApi {
  const log = vscode.window.createOutputChannel('Partner Worksheets', { log: true });
  const today = () => localToday();
  const index = new WorkspaceIndex(today);
  const indexer = new Indexer(index, log);
  context.subscriptions.push(log, indexer);
  const services: Services = { index, indexer, log, today };

  for (const feature of [diagnostics, editing, commands, partners, review]) {
    try {
      feature.register(context, services);
    } catch (e) {
      // One broken feature must not take the others down.
      log.error(`A feature failed to start: ${(e as Error)?.stack ?? String(e)}`);
    }
  }
  indexer.start();
  log.info(`Partner Worksheets ${String(context.extension.packageJSON.version)} activated`);

  return {
    whenIndexed: () => indexer.whenIndexed(),
    partnerIds: () => index.partnerIds(),
    documentUris: () => index.documents().map((d) => d.uri),
    services,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
