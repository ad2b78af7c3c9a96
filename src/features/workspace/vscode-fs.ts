// The core's FileSystem over vscode.workspace.fs, so the extension also works
// where there is no Node file system (vscode.dev, remote workspaces).
import * as vscode from 'vscode';
import type { FileSystem } from '../../core/types';
import { FILE_GLOB, SKIPPED_FOLDERS } from '../../core/kinds';
import { MAX_FILE_BYTES } from '../../core/yaml';
import { forEachLimit } from '../../core/concurrency';
import type { NodeHost } from './local-stamps';

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
  if (st.size > READ_LIMIT) throw tooLarge(uri, st.size);
  return vscode.workspace.fs.readFile(uri);
}

function tooLarge(uri: vscode.Uri, size: number): Error {
  return new Error(`cannot read ${uri.toString(true)}: ${size} bytes, far more than a worksheet file may have`);
}

/**
 * The file system for one load. Each file's stat is taken once and serves
 * both the snapshot's stamp and the guard before its read, whichever asks
 * first: over a remote connection every call is a round trip, and a load of
 * 10,000 files made three per file where reading them takes one. `host`:
 * Node's stamps, for a folder on this machine's disk (`file:` URIs) only.
 */
export function loadFileSystem(host?: NodeHost): FileSystem {
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
  const stamp = async (uri: string) => {
    const st = await statOf(uri);
    return `${st.mtime}:${st.size}`;
  };
  return {
    readFile: async (uri) => readRegularFile(vscode.Uri.parse(uri), await statOf(uri)),
    findFiles,
    stamp,
    // All at once, in the Node extension host (local-stamps.ts); without, the load takes them one by one.
    stamps: host && ((uris) => host.stamps(uris.map((u) => vscode.Uri.parse(u).fsPath))),
  };
}

async function findFiles(rootUri: string): Promise<string[]> {
  const folder = vscode.Uri.parse(rootUri);
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, FILE_GLOB), EXCLUDE);
  return found.map((u) => u.toString()).sort();
}

/** What a first load adds to the FileSystem: the stamps of what it read, taken once it is over. */
export interface ColdLoadFileSystem extends FileSystem {
  /**
   * Each file read so far, with its stamp where the file cannot have changed
   * since it was read (see coldLoadFileSystem).
   */
  stampsOfRead(): Promise<Map<string, string>>;
}

/**
 * A file's modification time this long before its read began, or more: it
 * cannot have changed during or after the read without a later time, even on
 * a file system that keeps times to the second or two (FAT keeps two).
 */
export const SETTLED_MS = 3000;

/**
 * The file system for a load with no snapshot to compare stamps with (a
 * first start, or a lost snapshot): each file costs one call, its read. In a
 * remote workbench every call is a round trip, and a `stat` before each read
 * (the guard, and the stamp) made the load wait half as long again as it
 * does without (10,000 worksheets in code-server: 25-33 s, now 19-20 s).
 * - The guard: a file its folder lists as a plain regular file (one
 *   readDirectory per folder) is read at once; anything else (a link, a
 *   FIFO, a device, a file the listing does not have) goes through
 *   readRegularFile's `stat` as before. The size is known only after such a
 *   read: a file past the limit is refused then, before it is decoded, with
 *   the same reason.
 * - The stamps, for the snapshot the next start compares with, are taken once
 *   the load is over (stampsOfRead), when the user has the findings. A file is
 *   stamped only if its stat shows the size that was read and a modification
 *   time SETTLED_MS before its read began: any later change would show a later
 *   time or another size. Files not stamped are read again at the next start.
 */
export function coldLoadFileSystem(): ColdLoadFileSystem {
  const listings = new Map<string, Promise<Map<string, vscode.FileType>>>();
  /** The file's type as its folder lists it (one readDirectory per folder, whichever file asks first). */
  const listedType = async (uri: vscode.Uri): Promise<vscode.FileType | undefined> => {
    const slash = uri.path.lastIndexOf('/');
    const folder = uri.with({ path: uri.path.slice(0, Math.max(slash, 1)) });
    const key = folder.toString();
    let listing = listings.get(key);
    if (!listing) {
      // An unreadable folder lists nothing: its files take the guarded way, which words the problem.
      listing = Promise.resolve(vscode.workspace.fs.readDirectory(folder)).then((entries) => new Map(entries), () => new Map<string, vscode.FileType>());
      listings.set(key, listing);
    }
    return (await listing).get(uri.path.slice(slash + 1));
  };
  const reads = new Map<string, { started: number; size: number }>();
  return {
    async readFile(uri) {
      const u = vscode.Uri.parse(uri);
      const started = Date.now();
      let bytes: Uint8Array;
      if ((await listedType(u)) === vscode.FileType.File) {
        bytes = await vscode.workspace.fs.readFile(u);
        if (bytes.length > READ_LIMIT) throw tooLarge(u, bytes.length);
      } else {
        bytes = await readRegularFile(u);
      }
      reads.set(uri, { started, size: bytes.length });
      return bytes;
    },
    findFiles,
    async stampsOfRead() {
      const stamps = new Map<string, string>();
      await forEachLimit([...reads], 32, async ([uri, read]) => {
        try {
          const st = await vscode.workspace.fs.stat(vscode.Uri.parse(uri));
          if (st.size === read.size && st.mtime <= read.started - SETTLED_MS) stamps.set(uri, `${st.mtime}:${st.size}`);
        } catch {
          // Gone since: no stamp, so the next start reads it (or finds it gone).
        }
      });
      return stamps;
    },
  };
}
