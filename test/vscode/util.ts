// Helpers for suites in the extension host: waiting without sleeping.
import * as vscode from 'vscode';
import type { PartnerWorksheetsApi } from '../../src/extension';
import { SETTLED_MS } from '../../src/features/workspace/vscode-fs';

export const EXTENSION_ID = 'partner-worksheets.partner-worksheets';

/** Polls `predicate` until it returns a truthy value or the deadline passes. */
export async function waitFor<T>(
  predicate: () => T | Promise<T>,
  // A CI machine under load is slow: the deadline is generous, the polling fast.
  { timeout = 30_000, interval = 50, message = 'condition' as string | (() => string) } = {},
): Promise<NonNullable<T>> {
  const until = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const v = await predicate();
      if (v) return v as NonNullable<T>;
      last = v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) {
      const what = typeof message === 'function' ? message() : message;
      throw new Error(`Timed out after ${timeout} ms waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

export async function activate(): Promise<PartnerWorksheetsApi> {
  const ext = vscode.extensions.getExtension<PartnerWorksheetsApi>(EXTENSION_ID);
  if (!ext) throw new Error(`Extension ${EXTENSION_ID} is not installed`);
  const api = await ext.activate();
  await api.whenIndexed();
  return api;
}

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The tests need the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Diagnostics codes for a file, sorted and unique. */
export function diagnosticCodes(uri: vscode.Uri): string[] {
  return [...new Set(vscode.languages.getDiagnostics(uri).map(codeOf))].sort();
}

/** A shared worksheet complete but for two gaps: missing-confirmation and missing-next-step. */
export function gappyWorksheet(partnerId: string, organization: string): string {
  return `kind: worksheet
version: 1
status: shared
round: autumn-2026
partner:
  id: ${partnerId}
  organization: ${organization}
meeting:
  date: 2026-10-20
  duration_minutes: 45
  partner_chose_time_and_place: true
  our_attendees: [ana]
preparation:
  worksheet_reviewed: true
  questions: [goals-year-from-now]
notes:
  success_in_their_words: Everyone in the neighbourhood has a seat at the table.
  challenges: [No room to meet]
  values: [Open doors]
  goals: [A weekly community meal]
  commitments: [Volunteers every Friday]
thanked: true
after: {filled_on: 2026-10-21, shared_on: 2026-10-22}
`;
}

// Files are created and deleted through WorkspaceEdits, as the commands and the
// Explorer do: VS Code reports those to extensions at once (onDidCreateFiles,
// onDidDeleteFiles), while file watcher events can lag on a loaded machine.
export async function createFile(uri: vscode.Uri, content: string | Uint8Array): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: true, contents: typeof content === 'string' ? new TextEncoder().encode(content) : content });
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`Could not create ${uri.toString()}`);
}

export async function deleteFile(uri: vscode.Uri): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.deleteFile(uri, { recursive: true, ignoreIfNotExists: true });
  await vscode.workspace.applyEdit(edit);
}

/**
 * Waits until every YAML file of the workspace was last written SETTLED_MS
 * ago or more: a first load stamps for the next session only files that
 * cannot have changed since they were read, and the runner copies the
 * workspace just before VS Code starts.
 */
export async function workspaceSettled(): Promise<void> {
  const files = await vscode.workspace.findFiles('**/*.{yaml,yml}');
  const newest = Math.max(0, ...(await Promise.all(files.map(async (f) => (await vscode.workspace.fs.stat(f)).mtime))));
  await waitFor(() => Date.now() - newest > SETTLED_MS, { timeout: SETTLED_MS * 3, message: 'the workspace\'s files to be settled' });
}
