import * as vscode from 'vscode';
import { exists } from './exists';

/** How an export is named when it is not written, and what is said once it is. */
export interface ExportWords {
  /** `the partner history`, `the review`. */
  what: string;
  saved(where: string): string;
}

/**
 * Writes an export (Markdown, HTML) to a file: one the user picked in the save
 * dialog, which asked before replacing it, or one a caller gave, which is
 * never replaced. Says where it went, or why it did not; a failed write
 * changes nothing.
 */
export async function writeExport(log: vscode.LogOutputChannel, target: vscode.Uri, given: boolean, text: string, words: ExportWords): Promise<vscode.Uri | undefined> {
  const where = vscode.workspace.asRelativePath(target);
  if (given && (await exists(target))) {
    void vscode.window.showWarningMessage(`${where} already exists; ${words.what} was not written over it.`);
    return undefined;
  }
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    void vscode.window.showInformationMessage(words.saved(where));
    return target;
  } catch (e) {
    log.error(`Writing ${target.toString()} failed: ${String(e)}`);
    void vscode.window.showErrorMessage(`Could not write ${where}: ${e instanceof Error ? e.message : String(e)}. Nothing was changed.`);
    return undefined;
  }
}
