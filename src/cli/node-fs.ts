// The core's FileSystem over node:fs, for the command-line tool.
import { readdirSync, statSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileSystem } from '../core/types';
import { kindOfFile, SKIPPED_FOLDERS } from '../core/kinds';

export const nodeFileSystem: FileSystem = {
  readFile: (uri) => readFile(uri),
  async findFiles(root) {
    const out: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        return; // unreadable folders are skipped, as editors do
      }
      // Sibling folders are listed at the same time (the list is sorted at the end):
      // one folder per partner makes thousands of them.
      const folders: Promise<void>[] = [];
      for (const e of entries) {
        const full = join(dir, e.name);
        if (e.isDirectory()) {
          if (!SKIPPED_FOLDERS.has(e.name)) folders.push(walk(full));
        } else if (e.isFile() && kindOfFile(full)) {
          out.push(full);
        }
      }
      await Promise.all(folders);
    };
    const s = await stat(root);
    if (s.isDirectory()) await walk(root);
    else out.push(root);
    return out.sort();
  },
};

/**
 * The same files as nodeFileSystem.findFiles, listed synchronously: `check`
 * has nothing else to do meanwhile, and a promise per folder (one folder per
 * partner makes thousands) costs more than the listing.
 */
export function findFilesSync(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // unreadable folders are skipped, as editors do
    }
    for (const e of entries) {
      const full = join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(e.name)) walk(full);
      } else if (e.isFile() && kindOfFile(full)) {
        out.push(full);
      }
    }
  };
  if (statSync(root).isDirectory()) walk(root);
  else out.push(root);
  return out.sort();
}
