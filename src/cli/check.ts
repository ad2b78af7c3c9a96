// `partner-worksheets check`: the findings of every worksheet, convening,
// review and settings file under the given paths, in the format CI wants.
// A single file is checked with its workspace around it, so cross-file rules
// (unknown partners, rounds not held) see its neighbours as the editor does.
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { IdentitySoFar, WorkspaceIndex } from '../core/workspace';
import { kindOfFile } from '../core/kinds';
import { WORKSPACE_CODES } from '../core/rules';
import { completedByWorkspaceRules } from '../core/check';
import { byCodeUnit } from '../core/order';
import type { Finding, Range, Severity } from '../core/types';
import { nodeFileSystemFor } from './node-fs';
import type { NodeFileSystem } from './node-fs';
import { formatFindings, sarifOfFailedRun, severityCounts, summaryLine } from './format';
import type { CheckFormat, FileFindings } from './format';
import type { CliIo } from './io';
import { COMMAND_LOAD, UsageError, toPath, toUri } from './io';
import { workspaceRootOfFile, workspaceRootOfFolder } from './workspace-root';
import { oneLine } from '../core/visible';
import { MISNAMED_HEAD_BYTES, misnamed } from '../core/misnamed';
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

/** Returns the exit code: 0 clean, 1 errors or too many warnings, 2 a path that cannot be read or listed. */
export async function runCheck(args: CheckArgs, io: CliIo): Promise<number> {
  const targets = (args.paths.length ? args.paths : ['.']).map((p) => resolve(io.cwd, p));
  for (const t of targets) {
    if (!existsSync(t)) {
      const reason = `no such file or folder: ${relative(io.cwd, t) || t}`;
      io.err(`partner-worksheets: ${reason}\n`);
      if (args.format === 'sarif') io.out(sarifOfFailedRun([reason], pkg.version));
      return 2;
    }
  }

  const told = new Set<string>();
  // Files are read on a second thread while this one parses (read-ahead.ts),
  // where there is a second processor to run it: on one, that thread's start
  // and hand-overs only add to the check (6% of a check of 10,000 on one core).
  const guarded = nodeFileSystemFor((path, why) => {
    const line = `partner-worksheets: skipped ${relative(io.cwd, path) || path}: ${why}\n`;
    if (!told.has(line)) io.err(line);
    told.add(line);
  }, { readAhead: availableParallelism() > 1 });
  // With --format sarif, a run that stops before its findings still prints a valid log (sarifOfFailedRun).
  const said: string[] = [];
  let printed = false;
  const watched: CliIo = args.format === 'sarif'
    ? { ...io, out: (t) => { printed = true; io.out(t); }, err: (t) => { said.push(...t.split('\n').filter(Boolean).map((l) => l.replace(/^partner-worksheets: /, ''))); io.err(t); } }
    : io;
  try {
    const code = await checkTargets(targets, args, watched, guarded);
    if (code === 2 && args.format === 'sarif' && !printed) io.out(sarifOfFailedRun(said, pkg.version));
    return code;
  } catch (e) {
    if (args.format === 'sarif' && !printed) io.out(sarifOfFailedRun([...said, e instanceof Error ? e.message : String(e)], pkg.version));
    throw e;
  } finally {
    // The reading thread ends with the check, however the check ended.
    await guarded.dispose();
  }
}

async function checkTargets(targets: string[], args: CheckArgs, io: CliIo, guarded: NodeFileSystem): Promise<number> {
  // checkEvery: set() keeps the parse it makes, and the check right after reads it: one parse per file.
  const index = new WorkspaceIndex(() => args.today, { checkEvery: true, positions: false });
  // `check .` lists the folder for the files wanted, then loadFolder lists its workspace: one walk of each folder.
  const listed = new Map<string, Promise<string[]>>();
  const nodeFileSystem: NodeFileSystem = {
    ...guarded,
    findFiles: (uri) => {
      let files = listed.get(uri);
      if (!files) listed.set(uri, (files = guarded.findFiles(uri)));
      return files;
    },
  };
  const wanted: string[] = [];
  const roots: string[] = [];
  for (const t of targets) {
    const isDir = statSync(t).isDirectory();
    // A file or folder is checked in the context of its workspace
    // (workspace-root.ts), so cross-file rules see its neighbours and the
    // team's settings apply; only its own files are reported.
    const root = isDir ? workspaceRootOfFolder(t) : workspaceRootOfFile(t);
    if (!isDir && !kindOfFile(basename(t))) {
      // Named on purpose and never read: passing in silence would be a false all-clear.
      throw new UsageError(`${relative(io.cwd, t) || t} is not a file the check reads: name a folder, or a *.worksheet.yaml, *.convening.yaml, *.review.yaml or partner-worksheets.yaml file`);
    }
    const found = await nodeFileSystem.findFiles(toUri(t));
    if (found.length === 0) {
      // A CI job pointed at the wrong folder would otherwise pass forever.
      for (const note of misnamedNotes(guarded.otherYaml(), [t], io.cwd)) io.err(note);
      io.err(`partner-worksheets: nothing to check in ${relative(io.cwd, t) || '.'}: no *.worksheet.yaml, *.convening.yaml, *.review.yaml or partner-worksheets.yaml file there\n`);
      return 2;
    }
    wanted.push(...found);
    if (!roots.includes(root)) roots.push(root);
  }
  const folders = targets.filter((t) => statSync(t).isDirectory());
  const isWanted = new Set(wanted);

  // Worksheets are checked as they are read, by the rules that read one file
  // alone, and their parse let go at once: memory stays flat however many
  // there are, and nothing workspace-wide is worked out per file. Once all
  // are read, those whose findings may depend on other worksheets (identity,
  // rounds: mayBeFlaggedByWorkspaceRules) are checked again with every rule, as are
  // convenings, reviews and settings, which read the whole workspace.
  // Settings are read before any worksheet (loadFolder), so none is checked
  // without them.
  const early = new Map<string, Finding[]>();
  // The first check keeps what the second will ask of a worksheet's view
  // (recordAnswers) only where a second check is foreseen by then: no round,
  // a partner already read under another name (IdentitySoFar), or a
  // workspace where many were so far. Keeping it for every worksheet cost
  // 60 ms of 1,300 at 10,000 worksheets, where none was checked again; a
  // worksheet found concerned later is parsed again.
  const soFar = new IdentitySoFar();
  const onRead = (uri: string) => {
    if (kindOfFile(uri) !== 'worksheet') return;
    const meeting = index.get(uri)?.meeting;
    const foreseen = meeting !== undefined && (soFar.add(meeting) || meeting.round === undefined || soFar.concernedShare >= 0.25);
    if (isWanted.has(uri)) early.set(uri, printed(index.check(uri, foreseen ? CHECK_ONCE_RECORDING : CHECK_ONCE_LOCAL)));
  };
  const problems = new Set<string>();
  for (const root of roots) {
    const { unreadable } = await index.loadFolder(nodeFileSystem, toUri(root), { ...COMMAND_LOAD, onRead });
    unreadable.forEach((u) => problems.add(u.reason));
  }
  for (const uri of wanted) {
    if (index.has(uri)) continue;
    try {
      index.set(uri, await nodeFileSystem.readText(uri));
      onRead(uri);
    } catch (e) {
      problems.add(e instanceof Error ? e.message : String(e));
    }
  }
  // Everything is read: the reading thread stops while the rest of the check
  // goes on, where its stop at the end was a wait of 4-6 ms.
  nodeFileSystem.doneReading();
  // A file left unread is no pass: say which and why, and stop (exit 2).
  if (problems.size) {
    for (const p of [...problems].sort()) io.err(`partner-worksheets: ${p}\n`);
    return 2;
  }

  const concerned = index.mayBeFlaggedByWorkspaceRules();
  const results: FileFindings[] = [];
  const fromCwd = relativeFrom(io.cwd);
  // Each path worked out once, not per comparison; files in the same order on every machine (order.ts).
  const byPath = [...isWanted].map((uri) => ({ uri, path: toPath(uri) })).sort((a, b) => byCodeUnit(a.path, b.path));
  for (const { uri, path } of byPath) {
    let findings = withWorkspace(index, uri, early.get(uri), concerned.get(uri));
    if (args.quiet) findings = findings.filter((f) => f.severity === 'error');
    results.push({ file: fromCwd(path) || uri, findings });
  }

  for (const piece of formatFindings(results, args.format, pkg.version)) io.out(piece);
  // Files that say they are a worksheet (or another kind) under another name: left out of the check and the review, so said.
  for (const note of misnamedNotes(guarded.otherYaml(), folders, io.cwd)) io.err(note);
  const { error: errors, warning: warnings } = severityCounts(results);
  if (args.format === 'text' || args.format === 'github') io.err(summaryLine(results, args.quiet));
  if (errors > 0) return 1;
  if (warnings > args.maxWarnings) {
    io.err(`partner-worksheets: ${warnings} warnings is more than --max-warnings ${args.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/** Each file is checked once, and no format prints quick fixes or related locations. */
const CHECK_ONCE = { retain: false, fixes: false, related: false } as const;
/** A worksheet's first check, by the rules that read one file alone. */
const CHECK_ONCE_LOCAL = { ...CHECK_ONCE, local: true } as const;
/** ...keeping what its second asks of its view: that one then parses nothing. */
const CHECK_ONCE_RECORDING = { ...CHECK_ONCE_LOCAL, recordAnswers: true } as const;

/**
 * A file's findings with every rule. A worksheet checked as it was read
 * (`early`, without the workspace) has all but those of the rules that read
 * other files (WORKSPACE_CODES); where other files may give some of those
 * something to say (`concerned`: their codes), only those rules run again
 * (the others have nothing to say of it: Rule.mayFlag), and their findings take
 * the place of what they found without the workspace, where that gives a
 * full check's findings (completedByWorkspaceRules); any other file is checked
 * again whole, as are files not checked early.
 */
function withWorkspace(index: WorkspaceIndex, uri: string, early: Finding[] | undefined, concerned: ReadonlySet<string> | undefined): Finding[] {
  if (early && !concerned) return early;
  if (!early || !concerned || !completedByWorkspaceRules(early)) return index.check(uri, CHECK_ONCE);
  return [...early.filter((f) => !WORKSPACE_CODES.has(f.code) || !concerned.has(f.code)), ...printed(index.check(uri, { ...CHECK_ONCE, onlyWorkspaceRules: true, onlyCodes: concerned }))];
}

/**
 * What the output formats print of a finding, held from its file's read to
 * the end of the run. The rest (fixes with their edits, related locations) is
 * for the editor; held for every file, it would be most of what the check
 * keeps. The range is kept as four numbers and made when a format asks for
 * it: the collector copies what a check holds for every file as the run goes
 * on, and a range is three objects.
 */
class PrintedFinding implements Finding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  private readonly startLine: number;
  private readonly startCharacter: number;
  private readonly endLine: number;
  private readonly endCharacter: number;

  constructor(f: Finding) {
    this.code = f.code;
    this.severity = f.severity;
    this.message = f.message;
    this.startLine = f.range.start.line;
    this.startCharacter = f.range.start.character;
    this.endLine = f.range.end.line;
    this.endCharacter = f.range.end.character;
  }

  get range(): Range {
    return { start: { line: this.startLine, character: this.startCharacter }, end: { line: this.endLine, character: this.endCharacter } };
  }
}

function printed(findings: Finding[]): Finding[] {
  return findings.map((f) => new PrintedFinding(f));
}

/**
 * path.relative from `cwd`, for many paths, which costs far less than
 * relative() resolving both paths each time (a fiftieth of a check of 10,000
 * files). A path below `cwd` (the files of `check .`) is the rest after its
 * prefix; any other (`check ../team` or a folder elsewhere) is its folder's
 * relative path, worked out once per folder, and its name.
 */
export function relativeFrom(cwd: string): (path: string) => string {
  const resolved = resolve(cwd);
  const below = resolved.endsWith(sep) ? resolved : `${resolved}${sep}`;
  const folders = new Map<string, string>();
  return (path) => {
    if (UNNORMALIZED.test(path)) return relative(cwd, path);
    if (path.startsWith(below)) return path.slice(below.length);
    // The working folder itself or one above it (never a file the walk found): its name is not a step down.
    if (below.startsWith(path) && below[path.length] === sep) return relative(cwd, path);
    const folder = dirname(path);
    let fromCwd = folders.get(folder);
    if (fromCwd === undefined) folders.set(folder, (fromCwd = relative(cwd, folder)));
    const name = path.slice(path.lastIndexOf(sep) + 1);
    return fromCwd ? `${fromCwd}${sep}${name}` : name;
  };
}

/**
 * A `.`, `..` or empty segment, or a trailing separator (and on Windows any
 * `/`): what relative() would normalize. The walk's paths have none, so this
 * only sends odd paths (or an odd cwd) the long way.
 */
const UNNORMALIZED = sep === '/' ? /\/(?:\.\.?)?(?:\/|$)/ : /\/|\\(?:\.\.?)?(?:\\|$)/;

/**
 * One line each for the YAML files under `folders` whose `kind:` names one of
 * the four kinds but whose name does not (`2026-11-10.yaml` with `kind:
 * worksheet`): the check, the review and the editor read files by their name,
 * so such a file is left out of all of them, which nobody would guess.
 */
function misnamedNotes(others: readonly string[], folders: readonly string[], cwd: string): string[] {
  const notes: string[] = [];
  for (const path of others) {
    if (!folders.some((f) => path.startsWith(f.endsWith(sep) ? f : `${f}${sep}`))) continue;
    const m = misnamed(basename(path), headOf(path));
    if (!m) continue;
    notes.push(`partner-worksheets: ${oneLine(relative(cwd, path))} says \`kind: ${m.kind}\` but is not named ${m.pattern}, so it was ${m.kind === 'config' ? 'not read as the settings' : 'not checked (nor counted in the review)'}: rename it ${oneLine(m.suggested)}\n`);
  }
  return notes;
}

/** The start of a file, where `kind:` is; empty when it cannot be read (the check reads none of these files). */
function headOf(path: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(MISNAMED_HEAD_BYTES);
    return buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
