// `review --out FILE`: where an export may go, and how it gets there without
// losing a file. The page is written to a temporary file beside the target and
// then moved into place, so a write that fails half way (a full disk) leaves
// the old file as it was; without --force the move is a hard link, which
// fails when the target exists, so no other process's file is replaced in a
// window between a check and the write either.
import * as fs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { kindOfFile } from '../core/kinds';
import { UsageError } from './io';

/**
 * Refuses a target that cannot be meant: an empty name, a folder, a device
 * or a pipe, or a name
 * the tools would read back as a worksheet, convening, review or settings file.
 * (`-` means standard output; the caller handles it before.)
 */
export function checkOutName(out: string, abs: string): void {
  if (!out.trim()) throw new UsageError('--out needs a file name (or - for standard output)');
  let isDir = /[\\/]$/.test(out);
  let special = false;
  try {
    const s = fs.statSync(abs);
    isDir ||= s.isDirectory();
    special = !s.isDirectory() && !s.isFile();
  } catch {
    // Not there yet: the usual case.
  }
  // A device or a pipe would be replaced by the move into place, not written to.
  if (special) throw new UsageError(`--out ${out} is not a regular file; use --out - (or no --out) for standard output`);
  if (isDir) throw new UsageError(`--out ${out} is a folder; give the name of the file to write, such as ${join(out, 'review.html')}`);
  if (kindOfFile(basename(abs))) throw new UsageError(`--out ${out} has the name of a file the tools read as input; give the export another name, such as review.html`);
}

/** Whether `target` is one of the files the run read (the same file, through any name or link). */
export function isInput(target: string, inputs: Iterable<string>): boolean {
  let t: fs.Stats;
  try {
    t = fs.statSync(target);
  } catch {
    return false; // nothing there: nothing to overwrite
  }
  for (const p of inputs) {
    try {
      const s = fs.statSync(p);
      if (s.ino === t.ino && s.dev === t.dev) return true;
    } catch {
      // gone since it was read: not the target
    }
  }
  return false;
}

/** Writes `text` to `target` through a temporary file beside it; throws with `code` EEXIST when it exists and !force. */
export function writeOutFile(target: string, text: string, force: boolean): void {
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    fs.writeFileSync(tmp, text, { flag: 'wx' });
    if (force) {
      fs.renameSync(tmp, target);
    } else {
      try {
        fs.linkSync(tmp, target);
      } catch (e) {
        // File systems without hard links: the check and the move are then two steps.
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw e;
        if (fs.existsSync(target)) throw Object.assign(new Error(`${target} exists`), { code: 'EEXIST' });
        fs.renameSync(tmp, target);
      }
    }
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
