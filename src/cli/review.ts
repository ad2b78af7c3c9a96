// `partner-worksheets review`: the team review of a round as Markdown, a
// self-contained HTML page (the panel's renderer) or JSON.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { WorkspaceIndex } from '../core/workspace-index';
import { summarize } from '../core/summary/summarize';
import type { Ref } from '../core/summary/summarize';
import { renderMarkdown } from '../core/summary/render-markdown';
import { renderStandaloneHtml } from '../core/summary/render-html';
import { nodeFileSystem } from './node-fs';
import type { CliIo } from './main';

export interface ReviewArgs {
  paths: string[];
  round?: string;
  today: string;
  format: 'markdown' | 'html' | 'json';
  out?: string;
  force: boolean;
}

export async function runReview(args: ReviewArgs, io: CliIo): Promise<number> {
  const index = new WorkspaceIndex(() => args.today);
  for (const p of args.paths.length ? args.paths : ['.']) {
    const abs = resolve(io.cwd, p);
    if (!existsSync(abs) || !statSync(abs).isDirectory()) {
      io.err(`partner-worksheets: review needs a folder of worksheets: ${p}\n`);
      return 2;
    }
    await index.loadFolder(nodeFileSystem, abs.split(sep).join('/'));
  }
  if (args.round && !index.rounds().includes(args.round)) {
    io.err(`partner-worksheets: no round '${args.round}'; rounds here: ${index.rounds().join(', ') || 'none'}\n`);
    return 2;
  }
  const summary = summarize(index, { round: args.round, today: args.today });
  const outDir = args.out ? resolve(io.cwd, args.out, '..') : io.cwd;
  const rel = (uri: string) => relative(outDir, uri.split('/').join(sep)).split(sep).join('/');
  const label = (r: Ref) => `${rel(r.uri)}:${r.line}`;
  let text: string;
  if (args.format === 'json') {
    // Paths relative to where the output goes, like the check command's.
    text = `${JSON.stringify(summary, (k, v) => (k === 'uri' && typeof v === 'string' ? rel(v) : v), 2)}\n`;
  } else if (args.format === 'html') {
    text = renderStandaloneHtml(summary, { href: (r) => rel(r.uri) });
  } else {
    text = renderMarkdown(summary, label);
  }
  if (!args.out) {
    io.out(text);
    return 0;
  }
  const target = resolve(io.cwd, args.out);
  if (existsSync(target) && !args.force) {
    io.err(`partner-worksheets: ${args.out} exists; nothing was written (use --force to replace it)\n`);
    return 2;
  }
  try {
    writeFileSync(target, text);
  } catch (e) {
    io.err(`partner-worksheets: could not write ${args.out}: ${(e as Error).message}\n`);
    return 2;
  }
  io.err(`Wrote the ${summary.round} review to ${args.out}\n`);
  return 0;
}
