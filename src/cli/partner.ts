// `partner-worksheets partner <id>`: one partner's story over time as
// Markdown, a self-contained HTML page (the panel's own renderer) or JSON
// (the history data). `partner-worksheets share <worksheet>`: what we heard in
// one meeting, as Markdown or a printable HTML page for the partner. Paths in
// the output are relative to where the output goes.
import { existsSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { WorkspaceIndex } from '../core/workspace';
import { partnerHistory } from '../core/history/build';
import { renderHistoryMarkdown } from '../core/history/render-markdown';
import { renderHistoryHtml } from '../core/history/render-html';
import { shareBack } from '../core/history/share';
import { renderShareHtml, renderShareMarkdown } from '../core/history/render-share';
import type { Ref } from '../core/history/model';
import { kindOfFile } from '../core/kinds';
import { nodeFileSystemFor } from './node-fs';
import { uriReference } from './format';
import { checkOutName, isInput, writeOutFile } from './out-file';
import { decodeText } from '../core/decode';
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

/** The file system for the command: links out of the tree are skipped with a line on stderr, as in check and review. */
function fileSystem(io: CliIo) {
  const told = new Set<string>();
  return nodeFileSystemFor((path, why) => {
    const line = `partner-worksheets: skipped ${relative(io.cwd, path) || path}: ${why}\n`;
    if (!told.has(line)) io.err(line);
    told.add(line);
  });
}

/** `-` or no --out is standard output; anything else is checked before any work, as for review. */
function outTarget(out: string | undefined, io: CliIo): string | undefined {
  if (out === undefined || out === '-') return undefined;
  const target = resolve(io.cwd, out);
  checkOutName(out, target);
  return target;
}

/**
 * Writes to --out as review does (a temporary file moved into place, never
 * over a file unless --force, never over a file the run read) or to standard
 * output; the exit code.
 */
function emit(io: CliIo, text: string, out: string | undefined, target: string | undefined, force: boolean, what: string, inputs: string[]): number {
  if (target === undefined || out === undefined) {
    io.out(text);
    return 0;
  }
  if (isInput(target, inputs)) {
    io.err(`partner-worksheets: --out ${out} is one of the files this run read; nothing was written\n`);
    return 2;
  }
  try {
    writeOutFile(target, text, force);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(code === 'EEXIST'
      ? `partner-worksheets: ${out} exists; nothing was written (use --force to replace it)\n`
      : `partner-worksheets: could not write ${out}: ${e instanceof Error ? e.message : String(e)}; nothing was changed\n`);
    return 2;
  }
  io.err(`Wrote ${what} to ${out}\n`);
  return 0;
}

export async function runPartner(args: PartnerArgs, io: CliIo): Promise<number> {
  const target = outTarget(args.out, io);
  const index = new WorkspaceIndex(() => args.today);
  const nodeFileSystem = fileSystem(io);
  for (const p of args.paths.length ? args.paths : ['.']) {
    const abs = resolve(io.cwd, p);
    if (!existsSync(abs)) {
      io.err(`partner-worksheets: no such folder: ${p}\n`);
      return 2;
    }
    const { unreadable } = await index.loadFolder(nodeFileSystem, toUri(statSync(abs).isDirectory() ? abs : dirname(abs)));
    // A history that left a file out would be wrong without saying so.
    if (unreadable.length) {
      for (const u of unreadable) io.err(`partner-worksheets: ${u.reason}\n`);
      return 2;
    }
  }
  const history = partnerHistory(index, args.id, { today: args.today });
  if (!history) {
    const ids = index.partnerIds();
    io.err(`partner-worksheets: no worksheet names the partner '${args.id}'; ${ids.length ? `partners here: ${ids.join(', ')}` : 'no partners here'}\n`);
    return 2;
  }
  const base = target ? dirname(target) : io.cwd;
  // A relative path with '/' separators: links and labels read the same on every platform.
  const rel = (uri: string) => relative(base, toPath(uri)).split(sep).join('/') || uri;
  let text: string;
  if (args.format === 'json') text = `${JSON.stringify(history, (k, v: unknown) => (k === 'uri' && typeof v === 'string' ? rel(v) : v), 2)}\n`;
  // Each segment percent-encoded, behind `./` when not `../`: a file name is never a scheme.
  else if (args.format === 'html') text = renderHistoryHtml(history, { href: (r: Ref) => `${rel(r.uri).startsWith('../') ? '' : './'}${uriReference(rel(r.uri))}` });
  else text = renderHistoryMarkdown(history, (r) => `${rel(r.uri)}:${r.line}`);
  return emit(io, text, args.out, target, args.force, `the history of ${args.id}`, index.documents().map((d) => toPath(d.uri)));
}

export async function runShare(args: ShareArgs, io: CliIo): Promise<number> {
  const target = outTarget(args.out, io);
  const abs = resolve(io.cwd, args.worksheet);
  if (kindOfFile(toUri(abs)) !== 'worksheet') {
    io.err(`partner-worksheets: ${args.worksheet} is not a meeting worksheet (*.worksheet.yaml)\n`);
    return 2;
  }
  let source: string;
  try {
    // Regular files only, size checked first, as for check: a worksheet link to a device is refused.
    source = decodeText(await fileSystem(io).readFile(toUri(abs)));
  } catch (e) {
    io.err(`partner-worksheets: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const summary = shareBack(toUri(abs), source);
  if (!summary) {
    io.err(`partner-worksheets: ${args.worksheet} holds no worksheet fields to share\n`);
    return 2;
  }
  const text = args.format === 'html' ? renderShareHtml(summary) : renderShareMarkdown(summary);
  return emit(io, text, args.out, target, args.force, 'what we heard', [abs]);
}
