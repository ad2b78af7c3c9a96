// What the command's parts share: where their output goes, the error that
// means "you called it wrong" (exit 2, with a pointer to --help), and the
// conversion between the platform's paths and the core's URIs.
// Its own module so that main.ts (arguments) and the commands it dispatches
// to depend on it, not on each other.
import { sep } from 'node:path';
import { URI } from 'vscode-uri';
import type { LoadOptions } from '../core/workspace';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

/** How the commands load a folder: without the pauses that let other work in (nothing else runs in this process). */
export const COMMAND_LOAD: LoadOptions = { sliceMs: Infinity };

/** A bad argument: main prints it with a pointer to --help and exits 2. */
export class UsageError extends Error {}

/**
 * A platform path as the core's URI: a `file:` URI, percent-encoded by
 * vscode-uri (the library VS Code uses), so the CLI and the editor name a file
 * the same way and a `#`, `?`, `%` or space in a name stays part of the path.
 */
export function toUri(path: string): string {
  // Every file is named both ways, and the library's parse and format cost
  // more than reading a worksheet's facts: a path of only the characters it
  // leaves as they are is written out directly, to the very same URI.
  if (PLAIN && PLAIN_PATH.test(path)) return `file://${path}`;
  return URI.file(path).toString();
}

/** The core's URI as a platform path (a plain path, as tests pass, stays as it is). */
export function toPath(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  if (PLAIN && PLAIN_URI.test(uri)) return uri.slice(7);
  return URI.parse(uri).fsPath;
}

/**
 * A file's path as the JSON and github formats print it: with `/` on every
 * system, as in the repository. Only where the backslash separates folders
 * (Windows): elsewhere it is a character of a name (`back\\slash.worksheet.yaml`),
 * and printing it as `/` named a file that does not exist.
 */
export function slashed(path: string, separator: string = sep): string {
  // Asked of every file: a path without a backslash (any path on POSIX) is not split and joined again.
  return separator === '\\' && path.includes('\\') ? path.split('\\').join('/') : path;
}

/**
 * On POSIX systems, an absolute path of letters, digits, `-._~` and single
 * slashes is its URI's path unchanged (no percent-encoding, no drive letter,
 * no authority); a property test holds both shortcuts to vscode-uri.
 */
const PLAIN = sep === '/';
const PLAIN_PATH = /^(?:\/[A-Za-z0-9\-._~]+)+$/;
const PLAIN_URI = /^file:\/\/(?:\/[A-Za-z0-9\-._~]+)+$/;
