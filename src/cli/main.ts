// `partner-worksheets`: check worksheets in CI and print the team review.
// This file reads the arguments and dispatches; each command lives in its own
// module (check.ts, review.ts), and what they share in io.ts.
// Exit codes: 0 clean (info allowed), 1 errors (or too many warnings), 2 usage or I/O error.
import { parseArgs } from 'node:util';
import { isCalendarDate, localToday } from '../core/dates';
import pkg from '../../package.json';
import { oneLine } from '../core/visible';
import { UsageError } from './io';
import type { CliIo } from './io';
import { runCheck } from './check';
import { CHECK_FORMATS } from './format';
import { REVIEW_FORMATS, runReview } from './review';
import { PARTNER_FORMATS, SHARE_FORMATS, runPartner, runShare } from './partner';
import { runThemes } from './themes';

export const USAGE = `Usage: partner-worksheets <command> [options] [paths...]

Commands:
  check [paths...]      Check worksheets, convenings, reviews and settings for gaps.
                        Paths are files or folders (default: the current folder);
                        folders are searched for *.worksheet.yaml, *.convening.yaml,
                        *.review.yaml (or .yml) and partner-worksheets.yaml,
                        skipping node_modules and .git.

  review [paths...]     Print the team review of a round: coverage, similarities,
                        outliers, trends, opportunities, gaps, what the team
                        wrote in its review file, and commitments.
                        Paths are folders (default: the current folder).

  partner <id> [paths...]
                        Print one partner's history: every meeting, success in
                        their words over time, notes marked new, repeated or no
                        longer mentioned, next steps, review commitments,
                        convenings and open gaps. Paths are folders.

  share <worksheet>     Print what we heard in one meeting, for the partner:
                        their words, their correction and the next step. Our
                        preparation, questions, themes, gaps and notes marked
                        internal: true are left out.

  themes --suggest [paths...]
                        Write a draft theme vocabulary into partner-worksheets.yaml
                        (in the first folder): the round's tags, and the themes
                        suggested for untagged notes that two or more partners
                        raised, grouped, with their synonyms, for the team to
                        edit and agree. A file that has a vocabulary
                        is left alone unless --merge is given.

Options for check:
  --format <f>          text (default: path:line:col: severity code message),
                        json (an array of findings), sarif (SARIF 2.1.0), or
                        github (GitHub Actions annotations on the lines).
  --today <YYYY-MM-DD>  The date rules treat as today (default: today).
  --max-warnings <n>    Fail when there are more than n warnings.
  --quiet               Report errors only.

Options for review:
  --round <r>           The round to review (default: the latest with held meetings).
  --format <f>          markdown (default), html (a self-contained page, the same
                        renderer as the VS Code panel) or json (the summary data).
  --out <file>          Write to a file instead of standard output (- is standard
                        output). An existing file is never overwritten unless
                        --force is given, and never a file the review read.
  --force               Replace an existing --out file.
  --today <YYYY-MM-DD>  The date overdue items are measured against.

Options for partner and share:
  --format <f>          markdown (default) or html (a self-contained page);
                        partner also takes json (the history data).
  --out <file>, --force, --today <YYYY-MM-DD>: as for review (for share, a meeting
                        dated after today is not shared yet).

Options for themes:
  --suggest             Draft the vocabulary from the round's suggested themes.
  --merge               Add the themes an existing vocabulary lacks (nothing else
                        in the file changes).
  --round <r>           The round to draft from (default: the latest with held meetings).

  -h, --help            Show this help.
  -v, --version         Show the version.

Exit codes:
  0  no errors (warnings within --max-warnings; info findings never fail)
  1  errors found, or more warnings than --max-warnings; themes: nothing written
     (a vocabulary exists without --merge, or nothing to add)
  2  usage error, or a path that cannot be read
`;

export async function main(argv: string[], given: CliIo): Promise<number> {
  // Messages name paths and values from the command line and the worksheets:
  // each line of them stays one line, with control and bidi characters shown.
  const io: CliIo = { ...given, err: (t) => given.err(t.split('\n').map(oneLine).join('\n')) };
  try {
    return await run(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`partner-worksheets: ${oneLine(e.message)}\nRun 'partner-worksheets --help' for usage.\n`);
      return 2;
    }
    io.err(`partner-worksheets: ${oneLine((e as Error)?.message ?? String(e))}\n`);
    return 2;
  }
}

/** The value if it is one of `allowed`; else a usage error that lists them. */
function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const list = `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}`;
  throw new UsageError(`${option} must be ${list}, not '${value}'`);
}

async function run(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        today: { type: 'string' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        round: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
        suggest: { type: 'boolean', default: false },
        merge: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (e) {
    // Node's option parser writes its advice over several lines: one line here, as every message.
    throw new UsageError((e as Error).message.replace(/\s*\n\s*/g, ' '));
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
  if (command !== 'check' && command !== 'review' && command !== 'partner' && command !== 'share' && command !== 'themes') throw new UsageError(`unknown command '${command}'`);
  const today = values.today ?? localToday();
  // A date the calendar has: Date would read 2026-13-45 as 2027-02-14.
  if (!isCalendarDate(today)) throw new UsageError(`--today must be a calendar date written YYYY-MM-DD, not '${today}'`);

  if (command === 'themes') return runThemes({ paths, suggest: values.suggest ?? false, merge: values.merge ?? false, round: values.round, today }, io);

  if (command === 'review') {
    // `text` is the check's default; for a review it means the readable form.
    const format = oneOf('--format', values.format === undefined || values.format === 'text' ? 'markdown' : values.format, REVIEW_FORMATS);
    return runReview({ paths, round: values.round, today, format, out: values.out, force: values.force ?? false }, io);
  }

  if (command === 'partner' || command === 'share') {
    const [target, ...rest] = paths;
    if (!target) throw new UsageError(command === 'partner' ? 'partner needs a partner id' : 'share needs a worksheet file');
    const readable = values.format === undefined || values.format === 'text' ? 'markdown' : values.format;
    const out = { out: values.out, force: values.force ?? false };
    if (command === 'share') {
      if (rest.length) throw new UsageError('share takes one worksheet');
      return runShare({ worksheet: target, today, format: oneOf('--format', readable, SHARE_FORMATS), ...out }, io);
    }
    return runPartner({ id: target, paths: rest, today, format: oneOf('--format', readable, PARTNER_FORMATS), ...out }, io);
  }

  const format = oneOf('--format', values.format ?? 'text', CHECK_FORMATS);
  let maxWarnings = Infinity;
  if (values['max-warnings'] !== undefined) {
    const n = Number(values['max-warnings']);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`--max-warnings must be a whole number, not '${values['max-warnings']}'`);
    maxWarnings = n;
  }
  return runCheck({ paths, today, format, maxWarnings, quiet: values.quiet ?? false }, io);
}

/**
 * The `partner-worksheets` binary: main() over the process's streams. Output
 * that cannot be written is an I/O error, not a crash: a reader that stops
 * early (`check | head -1`) ends the run quietly with the exit code it had,
 * and any other failed write (a full disk, `> /dev/full`) is exit 2 with one
 * line on stderr. Returns the exit code once everything written has been flushed.
 */
export async function runBinary(argv: string[], stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream, cwd: string): Promise<number> {
  let closed = false;
  let failure: Error | undefined;
  const onError = (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') closed = true;
    else failure ??= e;
  };
  stdout.on('error', onError);
  stderr.on('error', () => undefined); // nowhere left to say it
  const code = await main(argv, {
    out: (t) => {
      if (!closed && !failure) stdout.write(t);
    },
    err: (t) => stderr.write(t),
    cwd,
  });
  // An empty write calls back once what was written before it is flushed (or failed).
  await new Promise<void>((done) => {
    if (closed || failure) done();
    else stdout.write('', (e) => { if (e) onError(e); done(); });
  });
  if (failure && !closed) {
    const why = (failure as NodeJS.ErrnoException).code ?? failure.message;
    stderr.write(`partner-worksheets: could not write the output: ${oneLine(why)}\n`);
    return 2;
  }
  return code;
}

/**
 * The command as this process: its arguments, its streams, its exit code.
 * Once the output is written, the process exits at once: left to end by
 * itself, Node would first take down the heap of a large check, which a
 * user waits for as well (25 ms of a check of 10,000 worksheets).
 */
export function runProcess(): void {
  // Node ends a process whose event loop runs dry with exit code 0, even with
  // the command still waiting on something that keeps nothing alive: that
  // would be a check that passes without a word. It fails instead.
  const unfinished = () => {
    process.stderr.write('partner-worksheets: the command stopped before it finished (an internal error; please report it)\n');
    process.exitCode = 2;
  };
  process.once('beforeExit', unfinished);
  void runBinary(process.argv.slice(2), process.stdout, process.stderr, process.cwd()).then((code) => {
    process.off('beforeExit', unfinished);
    // runBinary waited for stdout to take everything; stderr is waited for here.
    process.stderr.write('', () => process.exit(code));
  });
}

// Run when the bundle is run itself (`node dist/cli-main.js`); the binary's
// loader (bin.ts) calls runProcess, and tests import main.
if (typeof require !== 'undefined' && require.main === module) runProcess();
