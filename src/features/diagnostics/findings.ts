// The findings behind the diagnostics on screen, by URI. Diagnostics carry
// only a code, a range and a message; the quick-fix provider needs the
// finding itself (its fixes), and looks it up here. One store, built by the
// composition root and handed to both features through Services.
import type * as vscode from 'vscode';
import type { Finding } from '../../core/types';

export class FindingStore {
  private readonly byUri = new Map<string, { findings: Finding[]; version: number | undefined }>();
  get(uri: vscode.Uri): Finding[] {
    return this.byUri.get(uri.toString())?.findings ?? [];
  }
  /**
   * The version of the open document the findings were made from (undefined
   * for a closed file's): a view of the buffer knows whether they are current.
   */
  versionOf(uri: vscode.Uri): number | undefined {
    return this.byUri.get(uri.toString())?.version;
  }
  /** How many files have findings on record (none counts): the benchmark waits for all of them. */
  get size(): number {
    return this.byUri.size;
  }
  set(uri: string, findings: Finding[], version?: number): void {
    this.byUri.set(uri, { findings, version });
  }
  delete(uri: string): void {
    this.byUri.delete(uri);
  }
}
