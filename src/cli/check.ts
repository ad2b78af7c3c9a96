// `partner-worksheets check`: the findings of every worksheet, convening,
// review and settings file under the given paths, in the format CI wants.
// A single file is checked with its workspace around it, so cross-file rules
// (unknown partners, rounds not held) see its neighbours as the editor does.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { WorkspaceIndex } from '../core/workspace';
import { CONFIG_FILE_NAMES, kindOfFile } from '../core/kinds';
import { readsOtherFiles } from '../core/rules';
import type { Finding } from '../core/types';
import { findFilesSync } from './node-fs';
import { formatFindings, summaryLine } from './format';
import type { CheckFormat, FileFindings } from './format';
import type { CliIo } from './io';
import { toPath, toUri } from './io';
import pkg from '../../package.json';

export interface CheckArgs {
  /** Files or folders (default: the current folder). */
  paths: string[];
  /** ISO date the rules treat as today. */
  today: string;
  format: CheckFormat;
  /** Fail when there are more warnings than this (Infinity: never). */
  maxWarnings: number;
  /** Report errors only. */
  quiet: boolean;
}

/** Returns the exit code: 0 clean, 1 errors or too many warnings, 2 a path that cannot be read. */
export async function runCheck(args: CheckArgs, io: CliIo): Promise<number> {
  const targets = (args.paths.length ? args.paths : ['.']).map((p) => resolve(io.cwd, p));
  for (const t of targets) {
    if (!existsSync(t)) {
      io.err(`partner-worksheets: no such file or folder: ${relative(io.cwd, t) || t}\n`);
      return 2;
    }
  }

  // Every file read is checked next: the index keeps the parse for that check.
  const index = new WorkspaceIndex(() => args.today, { checkEvery: true });
  const wanted = new Set<string>();
  // Every file of every workspace root, each once: the roots' files, then files given alone.
  const toLoad = new Set<string>();
  for (const t of targets) {
    const isDir = statSync(t).isDirectory();
    // A single file is checked in the context of its workspace (the nearest
    // folder with settings or a .git), so cross-file rules see its neighbours.
    const root = isDir ? t : workspaceRootOf(t);
    if (!isDir && !kindOfFile(t)) {
      io.err(`partner-worksheets: skipped ${relative(io.cwd, t)}: not a *.worksheet.yaml, *.convening.yaml, *.review.yaml or partner-worksheets.yaml file\n`);
      continue;
    }
    for (const f of findFilesSync(root)) toLoad.add(f);
    for (const f of isDir ? findFilesSync(t) : [t]) {
      toLoad.add(f);
      wanted.add(toUri(f));
    }
  }

  // One pass, in linear time: settings first (every finding depends on them),
  // then each file read, indexed and, when its findings read no other file
  // (worksheets), checked at once from the same parse. Files read
  // synchronously: the command has nothing else to do meanwhile, and a
  // promise per file costs more than the read. Files whose rules read the
  // whole workspace (convenings, reviews) are checked once everything is in.
  const findings = new Map<string, Finding[]>();
  const later: string[] = [];
  const files = [...toLoad].sort();
  for (const f of [...files.filter((x) => kindOfFile(x) === 'config'), ...files.filter((x) => kindOfFile(x) !== 'config')]) {
    const uri = toUri(f);
    if (index.has(uri)) continue;
    index.set(uri, readText(f));
    if (!wanted.has(uri)) continue;
    const kind = kindOfFile(f) ?? '';
    if (kind !== 'worksheet' && readsOtherFiles(kind)) later.push(uri);
    else findings.set(uri, index.check(uri, { retain: false }));
  }
  // A worksheet's identity and round findings read the other worksheets: those
  // that share a name, an id or a lookalike round, or have no round, are
  // checked again now that every worksheet is in (usually a handful).
  for (const uri of index.identityConcerned()) if (findings.has(uri)) later.push(uri);
  for (const uri of later) findings.set(uri, index.check(uri, { retain: false }));

  const results: FileFindings[] = [];
  for (const uri of [...wanted].sort()) {
    let list: Finding[] = findings.get(uri) ?? index.check(uri, { retain: false });
    if (args.quiet) list = list.filter((f) => f.severity === 'error');
    results.push({ file: relative(io.cwd, toPath(uri)) || uri, findings: list });
  }

  io.out(formatFindings(results, args.format, pkg.version));
  const count = (severity: Finding['severity']) => results.reduce((n, r) => n + r.findings.filter((f) => f.severity === severity).length, 0);
  const errors = count('error');
  const warnings = count('warning');
  if (args.format === 'text' || args.format === 'github') io.err(summaryLine(results, args.quiet));
  if (errors > 0) return 1;
  if (warnings > args.maxWarnings) {
    io.err(`partner-worksheets: ${warnings} warnings is more than --max-warnings ${args.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/** A file's text; an unreadable file reads as empty, which its check reports, as the index does. */
function readText(file: string): string {
  try {
    const text = readFileSync(file, 'utf8');
    // As TextDecoder reads files for the index and the editor: without a byte order mark.
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return '';
  }
}

function workspaceRootOf(file: string): string {
  let dir = dirname(file);
  for (;;) {
    if (CONFIG_FILE_NAMES.some((n) => existsSync(resolve(dir, n))) || existsSync(resolve(dir, '.git'))) return dir;
    const up = dirname(dir);
    if (up === dir) return dirname(file);
    dir = up;
  }
}
