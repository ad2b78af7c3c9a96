// Stamps of files on this machine's disk, taken with Node's file system: for
// the Node extension host (its loader hands this to the extension) and the
// bench. The web build has no Node and takes each stamp through
// vscode.workspace.fs.
//
// A warm start needs every file's stamp before it can tell which files the
// snapshot still holds. One at a time through vscode.workspace.fs (or Node's
// asynchronous stat), each is a trip through the thread pool and a promise:
// 60-100 ms for 10,000 files, where a synchronous stat of each takes 25-35 ms.
// Taken a slice at a time, the host still answers in between.
import { statSync } from 'node:fs';

/** How long the host is held at most before it may answer anything else. */
const SLICE_MS = 8;

/**
 * Each path's stamp as vscode.workspace.fs gives it (modification time to
 * the nearest millisecond, size: `${mtime}:${size}`), so stamps taken either way
 * compare equal; undefined for a file that cannot be stat'ed.
 */
export async function localStamps(paths: readonly string[]): Promise<(string | undefined)[]> {
  const out: (string | undefined)[] = new Array<string | undefined>(paths.length).fill(undefined);
  let sliceStart = Date.now();
  for (let i = 0; i < paths.length; i++) {
    if (Date.now() - sliceStart >= SLICE_MS) {
      await new Promise<void>((resume) => setTimeout(resume, 0));
      sliceStart = Date.now();
    }
    try {
      const st = statSync(paths[i], { throwIfNoEntry: false });
      // VS Code's FileStat.mtime is Node's stat's mtime Date, which Node makes from mtimeMs rounded.
      if (st) out[i] = `${Math.round(st.mtimeMs)}:${st.size}`;
    } catch {
      // Not allowed to look, say: no stamp, so the file is read again.
    }
  }
  return out;
}

/** What the Node extension host gives the extension beyond the vscode API. */
export interface NodeHost {
  /** Stamps of paths on this machine's disk (localStamps). */
  stamps(paths: readonly string[]): Promise<(string | undefined)[]>;
}
