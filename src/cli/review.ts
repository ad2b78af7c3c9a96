// `partner-worksheets review`: the team review of a round as Markdown, a
// self-contained HTML page (the panel's own renderer) or JSON (the summary
// data, themes and coverage included). Paths in the output are relative to
// where the output goes, so an exported page's links work from beside it.
import { dirname } from 'node:path';
import { WorkspaceIndex } from '../core/workspace';
import { summarize } from '../core/summary/summarize';
import type { Ref } from '../core/summary/summarize';
import { renderMarkdown } from '../core/summary/render-markdown';
import { renderStandaloneHtml } from '../core/summary/render-html';
import type { CliIo } from './io';
import { uriReference } from './format';
import { toPath } from './io';
import { loadFolders, outTarget, relativeTo, writeExport } from './export';

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
  const target = outTarget(args.out, io);
  const index = new WorkspaceIndex(() => args.today);
  if (!(await loadFolders(index, args.paths, io))) return 2;
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
  const rel = (uri: string) => relativeTo(base, toPath(uri)) || uri;
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
  return writeExport(io, text, { name: args.out, target, force: args.force, inputs: index.documents().map((d) => toPath(d.uri)), what: `the ${summary.round} review` });
}
