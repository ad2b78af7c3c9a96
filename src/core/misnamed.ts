// A YAML file that says which kind it is (`kind: worksheet`) but is not named
// for it (`2026-11-10.yaml`, `riverside-worksheet.yaml`). The tools find files
// by their names, so such a file is left out of the check, the Partners view
// and the review, which nobody would guess: a worksheet snippet typed into a
// new `notes.yaml` gets no completion and no findings, and its meeting is
// missing from the round. The CLI names these files on stderr; the editor
// puts a warning on the open file's `kind` with a rename.
import type { FileKind } from './types';
import { kindOfFile } from './kinds';
import { basename } from './paths';

export interface Misnamed {
  kind: FileKind;
  /** The names the tools read for that kind: `*.worksheet.yaml`, or `partner-worksheets.yaml`. */
  pattern: string;
  /** The name to give the file: its own, with the kind's ending. */
  suggested: string;
}

/**
 * How much of a file is looked at: `kind:` is among a file's first lines (the
 * snippets and templates put it first), and the CLI reads only this much of
 * files it does not otherwise read.
 */
export const MISNAMED_HEAD_BYTES = 4096;

/** A top-level `kind:` line naming one of the four kinds, as written or quoted. */
const KIND_LINE = /^kind:[ \t]*(["']?)(worksheet|convening|review|config)\1[ \t]*(?:#.*)?\r?$/m;

/** The kinds' endings, and the near misses people write for them (`-worksheet`, `.worksheets`). */
const NEAR_ENDING = /[._ -](worksheets?|convenings?|reviews?)$/i;

/**
 * The kind a YAML file says it is, when its name is not that kind's: undefined
 * for a file the tools read already, a file that is not YAML, or one without
 * such a `kind:` line in its first MISNAMED_HEAD_BYTES.
 */
export function misnamed(uri: string, text: string): Misnamed | undefined {
  if (!namedAsNoKind(uri)) return undefined;
  const name = basename(uri);
  const kind = KIND_LINE.exec(text.slice(0, MISNAMED_HEAD_BYTES).replace(/^\uFEFF/, ''))?.[2] as FileKind | undefined;
  if (!kind) return undefined;
  if (kind === 'config') return { kind, pattern: 'partner-worksheets.yaml', suggested: 'partner-worksheets.yaml' };
  const stem = name.replace(/\.ya?ml$/i, '').replace(NEAR_ENDING, '');
  return { kind, pattern: `*.${kind}.yaml`, suggested: `${stem || kind}.${kind}.yaml` };
}

/** A YAML file of no kind the tools read: one whose text misnamed() need look at. */
export function namedAsNoKind(uri: string): boolean {
  return /\.ya?ml$/i.test(basename(uri)) && !kindOfFile(uri);
}

/** What is left out because of the name, for a message. */
export function leftOut(m: Misnamed): string {
  return m.kind === 'config' ? 'not read as the team settings' : 'not checked, not in the Partners view, and not counted in the review';
}
