// The findings behind the diagnostics on screen, by URI. Diagnostics carry
// only a code, a range and a message; the quick-fix provider needs the
// finding itself (its fixes), and looks it up here. One store, built by the
// composition root and handed to both features through Services.
import type * as vscode from 'vscode';
import type { Finding } from '../../core/types';

export class FindingStore {
  private readonly byUri = new Map<string, Finding[]>();
  get(uri: vscode.Uri): Finding[] {
    return this.byUri.get(uri.toString()) ?? [];
  }
  set(uri: string, findings: Finding[]): void {
    this.byUri.set(uri, findings);
  }
  delete(uri: string): void {
    this.byUri.delete(uri);
  }
}
