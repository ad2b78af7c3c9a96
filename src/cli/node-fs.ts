// The core's FileSystem over node:fs, for the command-line tool. URIs are
// `file:` URIs made by vscode-uri (io.ts), so a `#`, `?`, `%` or space in a
// folder or file name is part of the path, as in the editor.
//
// A repository is not trusted to hold only files: a name that looks like a
// worksheet may be a FIFO, a socket, a device or a link to one (a committed
// `z.worksheet.yaml -> /dev/zero`). Only regular files are read, their size is
// taken from `stat` first and reading stops at MAX_FILE_BYTES, and anything
// that cannot be read or listed is an error with the path and the reason,
// never an empty file or a silently skipped folder. Links are followed inside
// the tree, each folder once (see nodeFileSystemFor). With `readAhead`, the
// files a load names (willRead) that the listing gave as regular are read on
// a second thread (read-ahead.ts), which hands back anything but a small
// regular file to be read here.
import { readdirSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { basename, normalize, sep } from 'node:path';
import type { FileSystem } from '../core/types';
import { kindOfFile, SKIPPED_FOLDERS } from '../core/kinds';
import { toPath, toUri } from './io';
import { ReadAhead } from './read-ahead';
import { decodeText } from '../core/decode';
import { primeBounds } from '../core/yaml/bounds';
import { ReadError, reasonOf, readRegularFileSync } from './regular-file';

export { ReadError, readRegularFile } from './regular-file';

/** The CLI's file system: it decodes texts itself (readText), and a reading thread, if any, ends with dispose(). */
export interface NodeFileSystem extends FileSystem {
  readText(uri: string): Promise<string>;
  willRead(uris: readonly string[]): void;
  /** No file will be read ahead any more: the reading thread starts to stop, and any later read is made here. */
  doneReading(): void;
  /** Resolves once the reading thread has stopped. */
  dispose(): Promise<void>;
  /** The `.yaml` and `.yml` files the searches passed over, named as none of the kinds: a worksheet misnamed is among them. */
  otherYaml(): readonly string[];
}

/**
 * The file system for one run. Links are followed, but only to files and
 * folders inside the folder being searched, each real folder once: a link
 * out of a repository (`x.worksheet.yaml -> ~/.ssh/id_rsa`, a folder link to
 * `..`) could print what it points to in a CI log, or walk the whole disk.
 * What is passed over is told to `onSkip`, never skipped silently.
 * URIs in give URIs out; plain paths (tests, the benchmark) give paths.
 */
export function nodeFileSystemFor(onSkip: (path: string, why: string) => void, options: { readAhead?: boolean } = {}): NodeFileSystem {
  // Files found that must not be read, with the reason readFile gives.
  const refused = new Map<string, string>();
  // Files their folder's listing gave as regular files (not links, FIFOs or devices).
  const regular = new Set<string>();
  // With readAhead, the files a load names are read on a worker thread (read-ahead.ts).
  const ahead = options.readAhead ? new ReadAhead() : undefined;
  const others = new Set<string>();
  /** The path of a file that may be read: a link out of the tree is refused. */
  const readable = (uri: string): string => {
    const path = toPath(uri);
    const why = refused.get(path);
    if (why) throw new ReadError(path, why);
    return path;
  };
  return {
    otherYaml: () => [...others].sort(),
    doneReading: () => void ahead?.dispose(),
    dispose: async () => ahead?.dispose(),
    readFile: async (uri) => {
      const path = readable(uri);
      return readRegularFileSync(path, regular.has(path));
    },
    // The load names the files it reads, in its order: the listed regular files go to the reading thread.
    willRead: (uris) => ahead?.plan(uris.map(toPath).filter((p) => regular.has(p) && !refused.has(p))),
    readText: async (uri) => {
      const path = readable(uri);
      const read = ahead?.take(path);
      if (!read) return decodeText(readRegularFileSync(path, regular.has(path)));
      primeBounds(read.text, read.bounds);
      return read.text;
    },
    async findFiles(rootUri) {
      const root = toPath(rootUri);
      const out: string[] = [];
      const seen = new Set<string>();
      let top = '';
      const inside = (real: string) => real === top || real.startsWith(top.endsWith(sep) ? top : `${top}${sep}`);
      // Links wait until every real folder is searched, then go one at a time in
      // order: which name a linked file is found under never depends on timing.
      const links: string[] = [];
      // Synchronous, as the reads: one folder per partner makes thousands of
      // folders, and a promise per folder costs more than listing it.
      const walk = (dir: string, real: string): void => {
        if (seen.has(real)) return;
        seen.add(real);
        let entries: Dirent[];
        try {
          entries = readdirSync(dir, { withFileTypes: true });
        } catch (e) {
          throw new ReadError(dir, reasonOf(e));
        }
        // What join() gives for a name in a normalized folder, without normalizing every path again: a join per file was over 1% of a check of 10,000.
        const inDir = inFolder(dir);
        const inReal = inFolder(real);
        for (const e of entries) {
          const full = `${inDir}${e.name}`;
          if (e.isSymbolicLink()) links.push(full);
          else if (e.isDirectory()) {
            if (!SKIPPED_FOLDERS.has(e.name)) walk(full, `${inReal}${e.name}`);
          } else if (kindOfFile(e.name)) {
            // Not only regular files: a FIFO or a device with a worksheet's name is reported by readFile, not skipped.
            out.push(full);
            if (e.isFile()) regular.add(full);
          } else if (e.isFile() && YAML_NAME.test(e.name)) {
            others.add(full);
          }
        }
      };
      const follow = async (link: string): Promise<void> => {
        const name = basename(link);
        const target = await realpath(link).catch(() => undefined);
        const isDir = target !== undefined && (await stat(target).catch(() => undefined))?.isDirectory();
        if (isDir ? SKIPPED_FOLDERS.has(name) : !kindOfFile(name)) return;
        // A broken link with a worksheet's name is listed: reading it fails with its reason.
        if (target !== undefined && !inside(target)) {
          // A file named like a worksheet that leads out of the repository is refused, not read.
          if (isDir) onSkip(link, `a link to ${target}, outside ${top}`);
          else {
            refused.set(link, `a link to ${target}, outside ${top}; it was not read`);
            out.push(link);
          }
        } else if (isDir && seen.has(target)) onSkip(link, `a link to ${target}, searched already`);
        else if (isDir) walk(link, target);
        else out.push(link);
      };
      let s;
      try {
        s = await stat(root);
        top = await realpath(root);
      } catch (e) {
        throw new ReadError(root, reasonOf(e));
      }
      if (s.isDirectory()) {
        // Normalized once (`a/./b/`, `a//b`), as join() would have each path below it.
        walk(normalize(root), top);
        while (links.length) {
          links.sort();
          await follow(links.shift()!);
        }
      } else {
        out.push(root);
      }
      out.sort();
      return rootUri.startsWith('file:') ? out.map(toUri) : out;
    },
  };
}

/** The start of the paths of a normalized folder's entries: `join(dir, name)` is `inFolder(dir) + name`. */
function inFolder(dir: string): string {
  if (dir === '.') return '';
  return dir.endsWith(sep) ? dir : `${dir}${sep}`;
}

/** A YAML file's name, of any kind or none. */
const YAML_NAME = /\.ya?ml$/i;

/** For tests and the benchmark: links out of the tree are passed over without a word. */
export const nodeFileSystem: FileSystem = nodeFileSystemFor(() => undefined);
