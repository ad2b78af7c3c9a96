// `partner-worksheets`: check worksheets in CI and print the team review.
// Exit codes: 0 clean (info allowed), 1 errors (or too many warnings), 2 usage or I/O error.
import { existsSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { WorkspaceIndex } from '../core/workspace';
import { localToday } from '../core/dates';
import { CONFIG_FILE_NAMES, kindOfFile } from '../core/kinds';
import type { Finding } from '../core/types';
import { nodeFileSystem } from './node-fs';
import { formatFindings } from './format';
import type { FileFindings } from './format';
import pkg from '../../package.json';
import { runReview } from './review';

export const USAGE = `Usage: partner-worksheets <command> [options] [paths...]

Commands:
  check [paths...]      Check worksheets, convenings, reviews and settings for gaps.
                        Paths are files or folders (default: the current folder);
                        folders are searched for *.worksheet.yaml, *.convening.yaml,
                        *.review.yaml (or .yml) and partner-worksheets.yaml,
                        skipping node_modules and .git.

  review [paths...]     Print the team review of a round: coverage, similarities,
                        outliers, trends, opportunities, gaps and commitments.
                        Paths are folders (default: the current folder).

Options for check:
  --format <f>          text (default: path:line:col: severity code message),
                        json (an array of findings), or sarif (SARIF 2.1.0).
  --today <YYYY-MM-DD>  The date rules treat as today (default: today).
  --max-warnings <n>    Fail when there are more than n warnings.
  --quiet               Report errors only.

Options for review:
  --round <r>           The round to review (default: the latest with held meetings).
  --format <f>          markdown (default), html (a self-contained page, the same
                        renderer as the VS Code panel) or json (the summary data).
  --out <file>          Write to a file instead of standard output. An existing
                        file is never overwritten unless --force is given.
  --force               Replace an existing --out file.
  --today <YYYY-MM-DD>  The date overdue items are measured against.

  -h, --help            Show this help.
  -v, --version         Show the version.

Exit codes:
  0  no errors (warnings within --max-warnings; info findings never fail)
  1  errors found, or more warnings than --max-warnings
  2  usage error, or a path that cannot be read
`;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

class UsageError extends Error {}

export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`partner-worksheets: ${e.message}\nRun 'partner-worksheets --help' for usage.\n`);
      return 2;
    }
    io.err(`partner-worksheets: ${(e as Error)?.message ?? String(e)}\n`);
    return 2;
  }
}

async function run(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        today: { type: 'string' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        round: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (values.version) {
    io.out(`${pkg.version}\n`);
    return 0;
  }
  const [command, ...paths] = positionals;
  if (!command) throw new UsageError('missing command (try `check`)');
  if (command !== 'check' && command !== 'review') throw new UsageError(`unknown command '${command}'`);
  const today = values.today ?? localToday();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError(`--today must be a date written YYYY-MM-DD, not '${today}'`);
  if (command === 'review') {
    const format = values.format === 'text' ? 'markdown' : values.format;
    if (!['markdown', 'html', 'json'].includes(format)) throw new UsageError(`--format must be markdown, html or json, not '${format}'`);
    return runReview({ paths, round: values.round, today, format: format as 'markdown' | 'html' | 'json', out: values.out, force: values.force ?? false }, io);
  }

  const format = values.format ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif, not '${format}'`);
  let maxWarnings = Infinity;
  if (values['max-warnings'] !== undefined) {
    const n = Number(values['max-warnings']);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`--max-warnings must be a whole number, not '${values['max-warnings']}'`);
    maxWarnings = n;
  }

  const targets = (paths.length ? paths : ['.']).map((p) => resolve(io.cwd, p));
  for (const t of targets) {
    if (!existsSync(t)) {
      io.err(`partner-worksheets: no such file or folder: ${relative(io.cwd, t) || t}\n`);
      return 2;
    }
  }

  const index = new WorkspaceIndex(() => today);
  const wanted: string[] = [];
  const loaded = new Set<string>();
  for (const t of targets) {
    const isDir = statSync(t).isDirectory();
    // A single file is checked in the context of its workspace (the nearest
    // folder with settings or a .git), so cross-file rules see its neighbours.
    const root = isDir ? t : workspaceRootOf(t);
    if (!isDir && !kindOfFile(t)) {
      io.err(`partner-worksheets: skipped ${relative(io.cwd, t)}: not a *.worksheet.yaml, *.convening.yaml, *.review.yaml or partner-worksheets.yaml file\n`);
      continue;
    }
    const files = await nodeFileSystem.findFiles(t);
    if (!loaded.has(root)) {
      await index.loadFolder(nodeFileSystem, toUri(root));
      loaded.add(root);
    }
    for (const f of files) {
      const uri = toUri(f);
      if (!index.has(uri)) index.set(uri, new TextDecoder().decode(await nodeFileSystem.readFile(f)));
      wanted.push(uri);
    }
  }

  const results: FileFindings[] = [];
  for (const uri of [...new Set(wanted)].sort()) {
    let findings: Finding[] = index.check(uri);
    if (values.quiet) findings = findings.filter((f) => f.severity === 'error');
    results.push({ file: relative(io.cwd, uri.split('/').join(sep)) || uri, findings });
  }

  io.out(formatFindings(results, format as 'text' | 'json' | 'sarif', pkg.version));
  const errors = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
  const warnings = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);
  if (format === 'text') {
    const infos = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'info').length, 0);
    io.err(`${results.length} file${results.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info\n`);
  }
  if (errors > 0) return 1;
  if (warnings > maxWarnings) {
    io.err(`partner-worksheets: ${warnings} warnings is more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}

function toUri(path: string): string {
  return path.split(sep).join('/');
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

// Run when bundled as the `partner-worksheets` binary (not when imported by tests).
if (typeof require !== 'undefined' && require.main === module) {
  main(process.argv.slice(2), {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    cwd: process.cwd(),
  }).then((code) => {
    process.exitCode = code;
  });
}
