// `partner-worksheets partner <id>`: one partner's story over time as
// Markdown, a self-contained HTML page (the panel's own renderer) or JSON
// (the history data). `partner-worksheets share <worksheet>`: what we heard in
// one meeting, as Markdown or a printable HTML page for the partner. Paths in
// the output are relative to where the output goes.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { WorkspaceIndex } from '../core/workspace';
import { partnerHistory } from '../core/history/build';
import { renderHistoryMarkdown } from '../core/history/render-markdown';
import { renderHistoryHtml } from '../core/history/render-html';
import { shareBack } from '../core/history/share';
import { renderShareHtml, renderShareMarkdown } from '../core/history/render-share';
import type { Ref } from '../core/history/model';
import { kindOfFile } from '../core/kinds';
import { nodeFileSystem } from './node-fs';
import type { CliIo } from './io';
import { toPath, toUri } from './io';

export const PARTNER_FORMATS = ['markdown', 'html', 'json'] as const;
export type PartnerFormat = (typeof PARTNER_FORMATS)[number];
export const SHARE_FORMATS = ['markdown', 'html'] as const;
export type ShareFormat = (typeof SHARE_FORMATS)[number];

export interface PartnerArgs {
  id: string;
  /** Folders to read (default: the current folder). */
  paths: string[];
  today: string;
  format: PartnerFormat;
  out?: string;
  force: boolean;
}

export interface ShareArgs {
  worksheet: string;
  format: ShareFormat;
  out?: string;
  force: boolean;
}

/** Writes to --out (never over a file unless --force) or standard output; the exit code. */
function emit(io: CliIo, text: string, out: string | undefined, force: boolean, what: string): number {
  if (out === undefined) {
    io.out(text);
    return 0;
  }
  try {
    // 'wx' fails if the file exists: no window between a check and the write.
    writeFileSync(resolve(io.cwd, out), text, { flag: force ? 'w' : 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(code === 'EEXIST'
      ? `partner-worksheets: ${out} exists; nothing was written (use --force to replace it)\n`
      : `partner-worksheets: could not write ${out}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  io.err(`Wrote ${what} to ${out}\n`);
  return 0;
}

export async function runPartner(args: PartnerArgs, io: CliIo): Promise<number> {
  const index = new WorkspaceIndex(() => args.today);
  for (const p of args.paths.length ? args.paths : ['.']) {
    const abs = resolve(io.cwd, p);
    if (!existsSync(abs)) {
      io.err(`partner-worksheets: no such folder: ${p}\n`);
      return 2;
    }
    await index.loadFolder(nodeFileSystem, toUri(statSync(abs).isDirectory() ? abs : dirname(abs)));
  }
  const history = partnerHistory(index, args.id, { today: args.today });
  if (!history) {
    const ids = index.partnerIds();
    io.err(`partner-worksheets: no worksheet names the partner '${args.id}'; ${ids.length ? `partners here: ${ids.join(', ')}` : 'no partners here'}\n`);
    return 2;
  }
  const target = args.out === undefined ? undefined : resolve(io.cwd, args.out);
  const base = target ? dirname(target) : io.cwd;
  const rel = (uri: string) => toUri(relative(base, toPath(uri))) || uri;
  let text: string;
  if (args.format === 'json') text = `${JSON.stringify(history, (k, v: unknown) => (k === 'uri' && typeof v === 'string' ? rel(v) : v), 2)}\n`;
  else if (args.format === 'html') text = renderHistoryHtml(history, { href: (r: Ref) => rel(r.uri) });
  else text = renderHistoryMarkdown(history, (r) => `${rel(r.uri)}:${r.line}`);
  return emit(io, text, args.out, args.force, `the history of ${args.id}`);
}

export function runShare(args: ShareArgs, io: CliIo): number {
  const abs = resolve(io.cwd, args.worksheet);
  if (kindOfFile(toUri(abs)) !== 'worksheet') {
    io.err(`partner-worksheets: ${args.worksheet} is not a meeting worksheet (*.worksheet.yaml)\n`);
    return 2;
  }
  let source: string;
  try {
    source = readFileSync(abs, 'utf8');
  } catch (e) {
    io.err(`partner-worksheets: could not read ${args.worksheet}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const summary = shareBack(toUri(abs), source);
  if (!summary) {
    io.err(`partner-worksheets: ${args.worksheet} holds no worksheet fields to share\n`);
    return 2;
  }
  const text = args.format === 'html' ? renderShareHtml(summary) : renderShareMarkdown(summary);
  return emit(io, text, args.out, args.force, 'what we heard');
}
