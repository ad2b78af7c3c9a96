// `partner-worksheets review`: the team review of a round as Markdown, a
// self-contained HTML page (the panel's own renderer) or JSON (the summary
// data, themes and coverage included). Paths in the output are relative to
// where the output goes, so an exported page's links work from beside it.
import { existsSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { WorkspaceIndex } from '../core/workspace';
import { summarize } from '../core/summary/summarize';
import type { Ref } from '../core/summary/summarize';
import { renderMarkdown } from '../core/summary/render-markdown';
import { renderStandaloneHtml } from '../core/summary/render-html';
import { nodeFileSystemFor } from './node-fs';
import type { CliIo } from './io';
import { uriReference } from './format';
import { checkOutName, isInput, writeOutFile } from './out-file';
import { toPath, toUri } from './io';

export const REVIEW_FORMATS = ['markdown', 'html', 'json'] as const;
export type ReviewFormat = (typeof REVIEW_FORMATS)[number];

export interface ReviewArgs {
  /** Folders to read (default: the current folder). */
  paths: string[];
  round?: string;
  /** ISO date that overdue items are measured against. */
  today: string;
  format: ReviewFormat;
  out?: string;
  /** Replace an existing --out file. */
  force: boolean;
}

/** Returns the exit code: 0 written, 2 for a usage or I/O problem. */
export async function runReview(args: ReviewArgs, io: CliIo): Promise<number> {
  // `-` is standard output, as for most tools; anything else is checked before any work.
  const out = args.out === '-' ? undefined : args.out;
  const target = out === undefined ? undefined : resolve(io.cwd, out);
  if (out !== undefined && target) checkOutName(out, target);
  const index = new WorkspaceIndex(() => args.today);
  const told = new Set<string>();
  const nodeFileSystem = nodeFileSystemFor((path, why) => {
    const line = `partner-worksheets: skipped ${relative(io.cwd, path) || path}: ${why}\n`;
    if (!told.has(line)) io.err(line);
    told.add(line);
  });
  for (const p of args.paths.length ? args.paths : ['.']) {
    const abs = resolve(io.cwd, p);
    if (!existsSync(abs)) {
      io.err(`partner-worksheets: no such folder: ${p}\n`);
      return 2;
    }
    // A file stands for the folder it is in: a review is about a whole round.
    const { unreadable } = await index.loadFolder(nodeFileSystem, toUri(statSync(abs).isDirectory() ? abs : dirname(abs)));
    // A review that left a file out would be wrong without saying so.
    if (unreadable.length) {
      for (const u of unreadable) io.err(`partner-worksheets: ${u.reason}\n`);
      return 2;
    }
  }
  const rounds = index.rounds();
  if (!rounds.length) {
    io.err(`partner-worksheets: no worksheet with a round in ${args.paths.join(', ') || '.'}; nothing to review\n`);
    return 2;
  }
  if (args.round !== undefined && !rounds.includes(args.round)) {
    io.err(`partner-worksheets: no round '${args.round}'; rounds here: ${rounds.join(', ')}\n`);
    return 2;
  }
  const summary = summarize(index, { round: args.round, today: args.today });

  const base = target ? dirname(target) : io.cwd;
  // A relative path with '/' separators: links and labels read the same on every platform.
  const rel = (uri: string) => relative(base, toPath(uri)).split(sep).join('/') || uri;
  const label = (r: Ref) => `${rel(r.uri)}:${r.line}`;
  let text: string;
  if (args.format === 'json') {
    text = `${JSON.stringify(summary, (k, v: unknown) => (k === 'uri' && typeof v === 'string' ? rel(v) : v), 2)}\n`;
  } else if (args.format === 'html') {
    // Each segment percent-encoded, behind `./` (the renderer adds it): a file name is never a scheme.
    text = renderStandaloneHtml(summary, { href: (r) => uriReference(rel(r.uri)) });
  } else {
    text = renderMarkdown(summary, label);
  }
  if (!target) {
    io.out(text);
    return 0;
  }
  // Not even with --force: replacing a worksheet with a page loses the worksheet.
  if (isInput(target, index.documents().map((d) => toPath(d.uri)))) {
    io.err(`partner-worksheets: --out ${out} is one of the files this review read; nothing was written\n`);
    return 2;
  }
  try {
    writeOutFile(target, text, args.force);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(code === 'EEXIST'
      ? `partner-worksheets: ${out} exists; nothing was written (use --force to replace it)\n`
      : `partner-worksheets: could not write ${out}: ${e instanceof Error ? e.message : String(e)}; nothing was changed\n`);
    return 2;
  }
  io.err(`Wrote the ${summary.round} review to ${out}\n`);
  return 0;
}
