// What the command's parts share: where their output goes, the error that
// means "you called it wrong" (exit 2, with a pointer to --help), and the
// conversion between the platform's paths and the core's '/'-separated URIs.
// Its own module so that main.ts (arguments) and the commands it dispatches
// to depend on it, not on each other.
import { sep } from 'node:path';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

/** A bad argument: main prints it with a pointer to --help and exits 2. */
export class UsageError extends Error {}

/** A platform path as the core's URI: '/'-separated. */
export function toUri(path: string): string {
  return path.split(sep).join('/');
}

/** The core's URI as a platform path. */
export function toPath(uri: string): string {
  return uri.split('/').join(sep);
}
