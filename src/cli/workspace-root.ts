// Where a path's workspace is: the folder the cross-file rules and the team's
// settings are read from. People run the command in a subfolder (`cd
// riverside-youth && partner-worksheets check`, `check convenings`); read alone,
// such a folder has no settings (so no severity the team set) and none of the
// partners its files name (so every partner is unknown).
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CONFIG_FILE_NAMES } from '../core/kinds';

/** Whether the folder holds the team's settings file. */
function hasSettings(dir: string): boolean {
  return CONFIG_FILE_NAMES.some((n) => existsSync(resolve(dir, n)));
}

/**
 * A named file's workspace: the nearest folder above it with the settings or a
 * `.git`, else the file's own folder.
 */
export function workspaceRootOfFile(file: string): string {
  let dir = dirname(file);
  for (;;) {
    if (hasSettings(dir) || existsSync(resolve(dir, '.git'))) return dir;
    const up = dirname(dir);
    if (up === dir) return dirname(file);
    dir = up;
  }
}

/**
 * A named folder's workspace: the folder, or the nearest one above it with the
 * team's settings file, within its repository. Only the settings make a
 * workspace here, not a `.git`: a folder of worksheets inside a larger
 * repository without settings is read as it is, rather than the whole
 * repository around it. The search stops at the repository's top (the folder
 * with the `.git`): a settings file above a checkout (`/tmp/partner-worksheets.yaml`,
 * put there by anyone) must not change what CI reports.
 */
export function workspaceRootOfFolder(folder: string): string {
  for (let dir = folder; ; ) {
    if (hasSettings(dir)) return dir;
    const up = dirname(dir);
    if (up === dir || existsSync(resolve(dir, '.git'))) return folder;
    dir = up;
  }
}
