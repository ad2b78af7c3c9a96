import type { FileKind } from './types';
import { basename } from './paths';

export const CONFIG_FILE_NAMES = ['partner-worksheets.yaml', 'partner-worksheets.yml'];

/**
 * The files the tools read (the names `kindOfFile` knows), as one glob for
 * watchers, `findFiles` and document selectors. Flat, with no nested braces,
 * which not every glob matcher reads.
 */
export const FILE_GLOB = `**/{${[
  ...['worksheet', 'convening', 'review'].flatMap((kind) => [`*.${kind}.yaml`, `*.${kind}.yml`]),
  ...CONFIG_FILE_NAMES,
].join(',')}}`;

/** The file kind from the file name; undefined for files the tools do not read. */
export function kindOfFile(uri: string): FileKind | undefined {
  // Asked several times in a row of the same file (listed, indexed, checked): the last answer is kept.
  if (uri === lastUri) return lastKind;
  // The last segment as it is first: in a decoded path, `#` and `?` are part of a file's name.
  lastKind = kindOfName(uri.slice(uri.lastIndexOf('/') + 1)) ?? kindOfName(basename(uri));
  lastUri = uri;
  return lastKind;
}

let lastUri: string | undefined;
let lastKind: FileKind | undefined;

/** The name endings before `.yaml` or `.yml`, with their kinds. */
const KIND_ENDINGS: [string, FileKind][] = [['.worksheet', 'worksheet'], ['.convening', 'convening'], ['.review', 'review']];

/** `*.worksheet.yaml` and the others, `.yml` too, in any case; asked of every file found, several times. */
function kindOfName(fileName: string): FileKind | undefined {
  const name = fileName.toLowerCase();
  if (CONFIG_FILE_NAMES.includes(name)) return 'config';
  const stem = name.endsWith('.yaml') ? name.length - 5 : name.endsWith('.yml') ? name.length - 4 : -1;
  if (stem < 0) return undefined;
  for (const [ending, kind] of KIND_ENDINGS) if (name.endsWith(ending, stem)) return kind;
  return undefined;
}

export const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
