// The core's FileSystem over vscode.workspace.fs, so the extension also works
// where there is no Node file system (vscode.dev, remote workspaces).
import * as vscode from 'vscode';
import type { FileSystem } from '../../core/types';

const INCLUDE = '**/{*.worksheet.yaml,*.worksheet.yml,*.convening.yaml,*.convening.yml,*.review.yaml,*.review.yml,partner-worksheets.yaml,partner-worksheets.yml}';
const EXCLUDE = '**/{node_modules,.git}/**';

export const WATCH_GLOB = INCLUDE;

export const vscodeFileSystem: FileSystem = {
  readFile: async (uri) => vscode.workspace.fs.readFile(vscode.Uri.parse(uri)),
  async findFiles(rootUri) {
    const folder = vscode.Uri.parse(rootUri);
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, INCLUDE), EXCLUDE);
    return found.map((u) => u.toString()).sort();
  },
  async stamp(uri) {
    const st = await vscode.workspace.fs.stat(vscode.Uri.parse(uri));
    return `${st.mtime}:${st.size}`;
  },
};
