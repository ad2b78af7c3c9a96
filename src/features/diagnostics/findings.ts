// The findings behind the diagnostics on screen, by URI. Diagnostics carry
// only a code, a range and a message; the quick-fix provider needs the
// finding itself (its fixes), and looks it up here. One store, built by the
// composition root and handed to both features through Services.
//
// A closed file's findings are kept without their quick fixes: a workspace
// of thousands of files is checked at once, and their fixes (edits worked
// out for every gap) cost a tenth of that check and the memory to hold them,
// for files nobody is editing. Asked for the fixes of such a file (a quick
// fix from the Problems panel opens it), the store has them made then.
import type * as vscode from 'vscode';
import type { Finding } from '../../core/types';

interface Entry {
  findings: Finding[];
  /** The open document's version; undefined for a closed file's findings, which carry no fixes. */
  version: number | undefined;
}

export class FindingStore {
  private readonly byUri = new Map<string, Entry>();
  /** Makes a document's findings with their quick fixes, as its diagnostics were made (set by the diagnostics feature). */
  private withFixes: (document: vscode.TextDocument) => Finding[] = () => [];

  /** How the findings of a file kept without fixes are made again with them. */
  makeFixesWith(check: (document: vscode.TextDocument) => Finding[]): void {
    this.withFixes = check;
  }

  get(uri: vscode.Uri): Finding[] {
    return this.byUri.get(uri.toString())?.findings ?? [];
  }

  /**
   * The findings of this document with their quick fixes: those on record,
   * or, when they were kept without fixes, made now from the document's text
   * (and kept, until the next check of the file replaces them).
   */
  fixable(document: vscode.TextDocument): Finding[] {
    const uri = document.uri.toString();
    const entry = this.byUri.get(uri);
    if (!entry || entry.version !== undefined) return entry?.findings ?? [];
    const findings = this.withFixes(document);
    this.byUri.set(uri, { findings, version: document.version });
    return findings;
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

  /** `version`: the open document's the findings were made from, with their fixes; none for a closed file's, made without. */
  set(uri: string, findings: Finding[], version?: number): void {
    this.byUri.set(uri, { findings, version });
  }

  delete(uri: string): void {
    this.byUri.delete(uri);
  }
}
