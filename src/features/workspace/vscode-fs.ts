// The core's FileSystem over vscode.workspace.fs, so the extension also works
// where there is no Node file system (vscode.dev, remote workspaces).
import * as vscode from 'vscode';
import type { FileSystem } from '../../core/types';
import { FILE_GLOB, SKIPPED_FOLDERS } from '../../core/kinds';
import { MAX_FILE_BYTES } from '../../core/yaml';

const EXCLUDE = `**/{${[...SKIPPED_FOLDERS].join(',')}}/**`;

export const WATCH_GLOB = FILE_GLOB;

/** Far above any worksheet (the core refuses past MAX_FILE_BYTES with a finding), far below what would exhaust the host. */
const READ_LIMIT = 16 * MAX_FILE_BYTES;

/**
 * A file's bytes, regular files only: a committed `x.worksheet.yaml` that is a
 * FIFO, a device or a link to one (`-> /dev/zero`) would block or grow without
 * end. Too large a file is refused before reading; one a little over the
 * core's limit is read and gets its finding. `known`: the file's stat, when
 * the caller has just taken it.
 */
export async function readRegularFile(uri: vscode.Uri, known?: vscode.FileStat): Promise<Uint8Array> {
  const st = known ?? await vscode.workspace.fs.stat(uri);
  if (!(st.type & vscode.FileType.File)) throw new Error(`cannot read ${uri.toString(true)}: not a regular file`);
  if (st.size > READ_LIMIT) throw new Error(`cannot read ${uri.toString(true)}: ${st.size} bytes, far more than a worksheet file may have`);
  return vscode.workspace.fs.readFile(uri);
}

/**
 * The file system for one load. Each file's stat is taken once and serves
 * both the snapshot's stamp and the guard before its read, whichever asks
 * first: over a remote connection every call is a round trip, and a load of
 * 10,000 files made three per file where reading them takes one.
 */
export function loadFileSystem(): FileSystem {
  const stats = new Map<string, Promise<vscode.FileStat>>();
  /** The file's stat, taken now or by the other asker; handed out once. */
  const statOf = (uri: string): Promise<vscode.FileStat> => {
    const taken = stats.get(uri);
    if (taken) {
      stats.delete(uri);
      return taken;
    }
    const st = Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.parse(uri)));
    stats.set(uri, st);
    return st;
  };
  return {
    readFile: async (uri) => readRegularFile(vscode.Uri.parse(uri), await statOf(uri)),
    async findFiles(rootUri) {
      const folder = vscode.Uri.parse(rootUri);
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, FILE_GLOB), EXCLUDE);
      return found.map((u) => u.toString()).sort();
    },
    async stamp(uri) {
      const st = await statOf(uri);
      return `${st.mtime}:${st.size}`;
    },
  };
}
