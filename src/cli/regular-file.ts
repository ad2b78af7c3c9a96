// Reading one file that a repository may have made anything: only a regular
// file is read, its size taken from `stat` first and the read stopped at a
// limit, and whatever goes wrong is a ReadError with the path and a reason in
// plain words. The CLI's file system (node-fs.ts) and its reading thread
// (read-ahead.ts) both read through here.
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { MAX_FILE_BYTES } from '../core/yaml/limits';

/** A file or folder that cannot be read: its message is `cannot read PATH: reason`. */
export class ReadError extends Error {
  constructor(readonly path: string, readonly reason: string) {
    super(`cannot read ${path}: ${reason}`);
  }
}

export function reasonOf(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'no such file (a broken link, or a name that is not valid UTF-8)';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EISDIR':
      return 'it is a folder';
    default:
      return err?.code ?? (err instanceof Error ? err.message : String(e));
  }
}

function notRegular(s: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isDirectory(): boolean }): string {
  if (s.isFIFO()) return 'not a regular file (a named pipe)';
  if (s.isSocket()) return 'not a regular file (a socket)';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'not a regular file (a device)';
  if (s.isDirectory()) return 'it is a folder';
  return 'not a regular file';
}

/**
 * The file's bytes, up to MAX_FILE_BYTES; throws ReadError for anything but a
 * readable regular file. The calls are synchronous: each is a few
 * microseconds, and five promise round trips per file cost more than reading
 * it (a third of `check` over 10,000 worksheets went to them).
 */
export async function readRegularFile(path: string): Promise<Uint8Array> {
  return readRegularFileSync(path, false);
}

/**
 * `listedRegular`: the folder's listing said a regular file, which spares the
 * stat before opening it. Reads `maxBytes` at most.
 */
export function readRegularFileSync(path: string, listedRegular: boolean, maxBytes = MAX_FILE_BYTES): Uint8Array {
  let fd: number | undefined;
  try {
    // Not even opened unless it is a regular file: opening a device can have effects of its own.
    if (!listedRegular) {
      const before = statSync(path);
      if (!before.isFile()) throw new ReadError(path, notRegular(before));
    }
    // O_NONBLOCK: should the file be swapped for a FIFO after the stat, opening it does not wait for a writer.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const s = fstatSync(fd);
    if (!s.isFile()) throw new ReadError(path, notRegular(s));
    const size = Math.min(s.size, maxBytes);
    const buf = new Uint8Array(size);
    let got = 0;
    while (got < size) {
      const bytesRead = readSync(fd, buf, got, size - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return buf.subarray(0, got);
  } catch (e) {
    throw e instanceof ReadError ? e : new ReadError(path, reasonOf(e));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
