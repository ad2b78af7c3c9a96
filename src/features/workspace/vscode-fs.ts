// The core's FileSystem over vscode.workspace.fs, so the extension also works
// where there is no Node file system (vscode.dev, remote workspaces).
import * as vscode from 'vscode';
import type { FileSystem } from '../../core/types';
import { FILE_GLOB, SKIPPED_FOLDERS } from '../../core/kinds';

const EXCLUDE = `**/{${[...SKIPPED_FOLDERS].join(',')}}/**`;

export const WATCH_GLOB = FILE_GLOB;

export const vscodeFileSystem: FileSystem = {
  readFile: async (uri) => vscode.workspace.fs.readFile(vscode.Uri.parse(uri)),
  async findFiles(rootUri) {
    const folder = vscode.Uri.parse(rootUri);
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, FILE_GLOB), EXCLUDE);
    return found.map((u) => u.toString()).sort();
  },
  async stamp(uri) {
    const st = await vscode.workspace.fs.stat(vscode.Uri.parse(uri));
    return `${st.mtime}:${st.size}`;
  },
};
