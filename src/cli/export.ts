// What the exporting commands (review, partner, share) share: reading folders
// into the index through the guarded file system, paths relative to where the
// output goes, and --out written without losing a file.
import { existsSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import type { WorkspaceIndex } from '../core/workspace';
import { nodeFileSystemFor } from './node-fs';
import type { CliIo } from './io';
import { COMMAND_LOAD, toUri } from './io';
import { checkOutName, isInput, writeOutFile } from './out-file';
import { oneLine } from '../core/visible';
import { workspaceRootOfFolder } from './workspace-root';

/** The file system for a command: links out of the tree are skipped with one line on stderr each. */
export function commandFileSystem(io: CliIo) {
  const told = new Set<string>();
  return nodeFileSystemFor((path, why) => {
    const line = `partner-worksheets: skipped ${relative(io.cwd, path) || path}: ${why}\n`;
    if (!told.has(line)) io.err(line);
    told.add(line);
  });
}

/**
 * Reads each folder (a file stands for its folder) into the index; false, with
 * the reasons on stderr, when a path is missing or a file could not be read: an
 * export that left a file out would be wrong without saying so.
 */
export async function loadFolders(index: WorkspaceIndex, paths: readonly string[], io: CliIo): Promise<boolean> {
  const fs = commandFileSystem(io);
  for (const p of paths.length ? paths : ['.']) {
    const abs = resolve(io.cwd, p);
    if (!existsSync(abs)) {
      io.err(`partner-worksheets: no such folder: ${p}\n`);
      return false;
    }
    // A subfolder stands for the team's workspace around it (workspace-root.ts): a partner's folder holds one partner's meetings, not their history.
    const { unreadable } = await index.loadFolder(fs, toUri(workspaceRootOfFolder(statSync(abs).isDirectory() ? abs : dirname(abs))), COMMAND_LOAD);
    if (unreadable.length) {
      for (const u of unreadable) io.err(`partner-worksheets: ${u.reason}\n`);
      return false;
    }
  }
  return true;
}

/** `-` or no --out is standard output (undefined); any other name is checked before any work. */
export function outTarget(out: string | undefined, io: CliIo): string | undefined {
  if (out === undefined || out === '-') return undefined;
  const target = resolve(io.cwd, out);
  checkOutName(out, target);
  return target;
}

/** A path relative to `base` with '/' separators: links and labels read the same on every platform. */
export function relativeTo(base: string, path: string): string {
  return relative(base, path).split(sep).join('/');
}

/**
 * Prints `text`, or writes it to --out through a temporary file moved into
 * place: never over a file unless --force, and never, even with --force, over
 * one of the files the command read. The exit code.
 */
export function writeExport(io: CliIo, text: string, out: { name?: string; target?: string; force: boolean; inputs: readonly string[]; what: string }): number {
  const { name, target } = out;
  if (!target || name === undefined) {
    io.out(text);
    return 0;
  }
  // Not even with --force: replacing a worksheet with a page loses the worksheet.
  if (isInput(target, out.inputs)) {
    io.err(`partner-worksheets: --out ${name} is one of the files this command read; nothing was written\n`);
    return 2;
  }
  try {
    writeOutFile(target, text, out.force);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(code === 'EEXIST'
      ? `partner-worksheets: ${name} exists; nothing was written (use --force to replace it)\n`
      : `partner-worksheets: could not write ${name}: ${writeFailure(e)}; nothing was changed\n`);
    return 2;
  }
  io.err(`Wrote ${out.what} to ${name}\n`);
  return 0;
}

/** Why a file could not be written, in words (not the temporary file's name in a system message). */
export function writeFailure(e: unknown): string {
  switch ((e as NodeJS.ErrnoException)?.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'its folder does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'no space left on the disk';
    case 'EROFS':
      return 'the disk is read-only';
    case 'EISDIR':
      return 'it is a folder';
    default:
      return oneLine((e as NodeJS.ErrnoException)?.code ?? (e instanceof Error ? e.message : String(e)));
  }
}
