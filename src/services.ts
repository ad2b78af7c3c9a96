// The services `activate` builds once and hands to every feature's `register`.
import type * as vscode from 'vscode';
import type { WorkspaceIndex } from './core/workspace';
import type { Indexer } from './features/workspace/indexer';
import type { FindingStore } from './features/diagnostics/findings';

export interface Services {
  /** The pure core's index of every worksheet, convening, review and settings file. */
  index: WorkspaceIndex;
  /** Keeps the index current from disk and from open editors; fires after each update. */
  indexer: Indexer;
  /** The findings behind the diagnostics on screen: the diagnostics feature fills it, quick fixes read it. */
  findings: FindingStore;
  log: vscode.LogOutputChannel;
  /** Today's date as the rules see it (ISO). */
  today(): string;
}
