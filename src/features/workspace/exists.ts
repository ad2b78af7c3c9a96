import * as vscode from 'vscode';

/** Whether something is at `uri`, through vscode.workspace.fs (works on any file system). */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
