import type { FileKind } from './types';
import { basename } from './paths';

export const CONFIG_FILE_NAMES = ['partner-worksheets.yaml', 'partner-worksheets.yml'];

/** Glob patterns of the files the tools read, for watchers and `findFiles`. */
export const FILE_GLOBS = [
  '**/*.worksheet.{yaml,yml}',
  '**/*.convening.{yaml,yml}',
  '**/*.review.{yaml,yml}',
  '**/partner-worksheets.{yaml,yml}',
];

/** The file kind from the file name; undefined for files the tools do not read. */
export function kindOfFile(uri: string): FileKind | undefined {
  const name = basename(uri).toLowerCase();
  if (CONFIG_FILE_NAMES.includes(name)) return 'config';
  const m = /\.(worksheet|convening|review)\.ya?ml$/.exec(name);
  return m ? (m[1] as FileKind) : undefined;
}

export const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
