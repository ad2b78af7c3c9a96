// The core's FileSystem over node:fs, for the command-line tool.
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
      for (const e of entries) {
        const full = join(dir, e.name);
        if (e.isDirectory()) {
          if (!SKIPPED_FOLDERS.has(e.name)) await walk(full);
        } else if (e.isFile() && kindOfFile(full)) {
          out.push(full);
        }
      }
    };
    const s = await stat(root);
    if (s.isDirectory()) await walk(root);
    else out.push(root);
    return out.sort();
  },
};
