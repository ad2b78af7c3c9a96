// `partner-worksheets partner <id>`: one partner's story over time as
// Markdown, a self-contained HTML page (the panel's own renderer) or JSON
// (the history data). `partner-worksheets share <worksheet>`: what we heard in
// one meeting, as Markdown or a printable HTML page for the partner. Paths in
// the output are relative to where the output goes.
import { dirname, resolve } from 'node:path';
import { WorkspaceIndex, organizationKey } from '../core/workspace';
import { partnerHistory } from '../core/history/build';
import { renderHistoryMarkdown } from '../core/history/render-markdown';
import { renderHistoryHtml } from '../core/history/render-html';
import { nothingToShare, shareBack } from '../core/history/share';
import { oneLine } from '../core/visible';
import { renderShareHtml, renderShareMarkdown } from '../core/history/render-share';
import type { Ref } from '../core/history/model';
import { kindOfFile } from '../core/kinds';
import { slugify } from '../core/paths';
import { byCodeUnit } from '../core/order';
import { uriReference } from './format';
import { commandFileSystem, loadFolders, outTarget, relativeTo, writeExport } from './export';
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
  /** A meeting dated after it has not happened yet: nothing is shared. */
  today: string;
  format: ShareFormat;
  out?: string;
  force: boolean;
}

export async function runPartner(args: PartnerArgs, io: CliIo): Promise<number> {
  const target = outTarget(args.out, io);
  const index = new WorkspaceIndex(() => args.today);
  if (!(await loadFolders(index, args.paths, io))) return 2;
  const id = partnerAsWritten(index, args.id);
  const history = partnerHistory(index, id, { today: args.today });
  if (!history) {
    const ids = [...index.partnerIds()].sort(byCodeUnit);
    io.err(`partner-worksheets: no worksheet names the partner '${args.id}'; ${ids.length ? `partners here: ${ids.join(', ')}` : 'no partners here'}\n`);
    return 2;
  }
  const base = target ? dirname(target) : io.cwd;
  const rel = (uri: string) => relativeTo(base, toPath(uri)) || uri;
  let text: string;
  if (args.format === 'json') text = `${JSON.stringify(history, (k, v: unknown) => (k === 'uri' && typeof v === 'string' ? rel(v) : v), 2)}\n`;
  // Each segment percent-encoded, behind `./` when not `../`: a file name is never a scheme.
  else if (args.format === 'html') text = renderHistoryHtml(history, { href: (r: Ref) => `${rel(r.uri).startsWith('../') ? '' : './'}${uriReference(rel(r.uri))}` });
  else text = renderHistoryMarkdown(history, (r) => `${rel(r.uri)}:${r.line}`);
  return writeExport(io, text, { name: args.out, target, force: args.force, inputs: index.documents().map((d) => toPath(d.uri)), what: `the history of ${id}` });
}

/**
 * The partner an id given on the command line names, as the checks read ids:
 * an old id through the settings' aliases, and `Riverside Youth` or
 * `riverside_youth` as riverside-youth (the worksheets' own slips are read so);
 * else the partner whose organisation has that name.
 */
function partnerAsWritten(index: WorkspaceIndex, written: string): string {
  for (const id of [written, slugify(written)]) {
    const canonical = index.canonicalPartner(id);
    if (index.partner(canonical)) return canonical;
  }
  // The organisation's name as a worksheet writes it (`Riverside Youth Collective`), when it names one partner.
  const key = organizationKey(written);
  const named = index.partners().filter((p) => p.organization !== undefined && organizationKey(p.organization) === key);
  return named.length === 1 ? named[0].id : written;
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
    source = decodeText(await commandFileSystem(io).readFile(toUri(abs)));
  } catch (e) {
    io.err(`partner-worksheets: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const summary = shareBack(toUri(abs), source, args.today);
  if (!summary) {
    io.err(`partner-worksheets: ${oneLine(args.worksheet)} ${oneLine(nothingToShare(toUri(abs), source))}\n`);
    return 2;
  }
  if (summary.notReady) {
    // A letter to a partner from a meeting not held, or with part of the notes lost to a syntax error, is not sent.
    io.err(`partner-worksheets: ${oneLine(args.worksheet)} was not shared: ${summary.notReady}\n`);
    return 1;
  }
  const text = args.format === 'html' ? renderShareHtml(summary) : renderShareMarkdown(summary);
  return writeExport(io, text, { name: args.out, target, force: args.force, inputs: [abs], what: 'what we heard' });
}
