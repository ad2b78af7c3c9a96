// `partner-worksheets themes --suggest`: the round's suggested themes, grouped,
// written into partner-worksheets.yaml as a draft vocabulary for the team to
// edit. A file that has a vocabulary is left alone unless --merge, which adds
// only the themes it lacks; nothing else in the file changes.
import { closeSync, constants, existsSync, lstatSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { WorkspaceIndex } from '../core/workspace';
import { summarize } from '../core/summary/summarize';
import { applyTextEdit, draftThemes, oneLine, vocabularyEdit } from '../core/themes/draft';
import { nodeFileSystem } from './node-fs';
import { writeFailure } from './export';
import type { CliIo } from './io';
import { COMMAND_LOAD, UsageError, toUri } from './io';
import { parseFile } from '../core/yaml';

export interface ThemesArgs {
  paths: string[];
  suggest: boolean;
  merge: boolean;
  round?: string;
  today: string;
}

/** Returns the exit code: 0 written, 1 refused (a vocabulary exists, nothing to add), 2 usage or I/O. */
export async function runThemes(args: ThemesArgs, io: CliIo): Promise<number> {
  if (!args.suggest) throw new UsageError('themes needs --suggest (write a draft vocabulary from the round\'s suggested themes)');
  const folders = (args.paths.length ? args.paths : ['.']).map((p) => resolve(io.cwd, p));
  const index = new WorkspaceIndex(() => args.today);
  for (const abs of folders) {
    if (!existsSync(abs)) {
      io.err(`partner-worksheets: no such folder: ${relative(io.cwd, abs) || '.'}\n`);
      return 2;
    }
    await index.loadFolder(nodeFileSystem, toUri(statSync(abs).isDirectory() ? abs : dirname(abs)), COMMAND_LOAD);
  }
  const rounds = index.rounds();
  if (!rounds.length) {
    io.err('partner-worksheets: no worksheet with a round here; nothing to suggest\n');
    return 2;
  }
  if (args.round !== undefined && !rounds.includes(args.round)) {
    io.err(`partner-worksheets: no round '${args.round}'; rounds here: ${rounds.join(', ')}\n`);
    return 2;
  }
  const summary = summarize(index, { round: args.round, today: args.today });
  const root = statSync(folders[0]).isDirectory() ? folders[0] : dirname(folders[0]);
  const target = ['partner-worksheets.yaml', 'partner-worksheets.yml'].map((n) => join(root, n)).find((f) => existsSync(f)) ?? join(root, 'partner-worksheets.yaml');
  const shown = relative(io.cwd, target) || target;
  const refusal = notEditable(target);
  if (refusal) {
    io.err(`partner-worksheets: ${shown} ${refusal}; nothing was written.\n`);
    return 2;
  }
  const text = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
  if (text !== undefined && !isSettingsData(parseFile(toUri(target), text).data)) {
    io.err(`partner-worksheets: ${shown} is not a settings file this command can edit (it has no \`kind: config\`); nothing was written.\n`);
    return 2;
  }
  const agreed = index.configFor(toUri(target)).themes;
  const draft = draftThemes(summary, agreed);
  const result = vocabularyEdit(text, draft, { merge: args.merge, round: summary.round });
  if (result.kind === 'refused') {
    const why = {
      'has-vocabulary': `${shown} has a theme vocabulary; nothing was written. Run again with --merge to add the ${draft.length} suggested theme${draft.length === 1 ? '' : 's'} it lacks.`,
      'nothing-to-add': `No theme to add: every theme two or more partners raised in ${oneLine(summary.round)} is in the vocabulary already.`,
      'not-settings': `${shown} is not a settings file this command can edit (a syntax error, not a mapping, or \`themes\` that are not a list); nothing was written.`,
    }[result.reason];
    io.err(`partner-worksheets: ${why}\n`);
    return result.reason === 'not-settings' ? 2 : 1;
  }
  try {
    // A new file with 'wx': never over one that appeared since it was read.
    // Over the file read, never through a link put there since (O_NOFOLLOW, where the system has it).
    const flags = text === undefined ? 'wx' : constants.O_NOFOLLOW === undefined ? 'w' : constants.O_WRONLY | constants.O_TRUNC | constants.O_NOFOLLOW;
    const fd = openSync(target, flags);
    try {
      writeFileSync(fd, applyTextEdit(text ?? '', result.edit));
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    io.err(`partner-worksheets: could not write ${shown}: ${writeFailure(e)}\n`);
    return 2;
  }
  io.out(`${text === undefined ? 'Wrote' : 'Added to'} ${shown}: ${result.added.length} theme${result.added.length === 1 ? '' : 's'} from ${oneLine(summary.round)} (${result.added.map((t) => oneLine(t.label)).join(', ')}).\nEdit them as a team; the review counts every theme listed there as agreed.\n`);
  return 0;
}

/**
 * Why the settings file may not be written, or undefined. Only a regular file
 * (or none yet) is edited: a link could lead anywhere, inside the repository (a
 * worksheet) or out of it, and the check and review refuse such links too.
 */
function notEditable(target: string): string | undefined {
  let st;
  try {
    st = lstatSync(target);
  } catch {
    return undefined; // none yet: written new, never over one that appears meanwhile
  }
  if (st.isSymbolicLink()) return 'is a link; edit the file it points to yourself, or replace the link with a file';
  if (!st.isFile()) return 'is not a regular file';
  return undefined;
}

/**
 * Settings data: an empty file, or a mapping whose `kind` is `config` (as the
 * schema asks). A mapping without it is some other file under this name (a
 * service's settings, with its passwords): not written into.
 */
function isSettingsData(data: unknown): boolean {
  if (data === null || data === undefined) return true;
  if (typeof data !== 'object' || Array.isArray(data)) return true; // vocabularyEdit refuses it with its own message
  return (data as { kind?: unknown }).kind === 'config';
}
