// The errors and warnings of the round's files: what to fix before the team
// meets.
import type { IndexedDocument, Meeting } from '../../workspace';
import { NO_FIXES } from '../../workspace';
import { fileLabel } from '../../paths';
import type { Context } from '../context';
import { firstListed } from '../context';
import { byCodeUnit } from '../../order';
import type { Gap, PartnerRef } from '../model';
import type { Finding } from '../../types';

/** One file of the round with what its check found. */
interface Checked {
  uri: string;
  /** Its meeting's partner as it is now (the index sets it in place when the aliases change). */
  partnerId: string | undefined;
  findings: readonly Finding[];
}

/** The same gaps: a file checked again (after an edit) often finds what it found before. */
function sameFindings(before: Checked, now: Checked): boolean {
  if (before.uri !== now.uri || before.partnerId !== now.partnerId) return false;
  const a = before.findings;
  const b = now.findings;
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.severity !== y.severity || x.code !== y.code || x.message !== y.message || x.range.start.line !== y.range.start.line) return false;
  }
  return true;
}

/**
 * The gaps of the round's files, and of the files that may belong to it but
 * are not counted in it (`strays`: the meetings of a lookalike of the round,
 * `autum-2026`, those with no round dated nearest it, and a meeting's later
 * write-up (duplicate-meeting); `unplaced`: worksheets
 * that give no meeting, not readable or naming no partner). Left out of the
 * coverage without a word, those read as a round fully met.
 */
export function gaps(ctx: Context, meetings: readonly Meeting[], reviews: readonly IndexedDocument[], strays: readonly Meeting[] = [], unplaced: readonly IndexedDocument[] = []): { items: Gap[]; total: number } {
  // Every file is checked (the index keeps the note lines of those parses); the list is the last review's while they find the same.
  // A meeting is a worksheet's, one each, and no review is a worksheet: each file comes once.
  const checked: Checked[] = [];
  for (const m of meetings) checked.push({ uri: m.uri, partnerId: m.partnerId, findings: ctx.index.check(m.uri, NO_FIXES) });
  for (const d of reviews) checked.push({ uri: d.uri, partnerId: undefined, findings: ctx.index.check(d.uri, NO_FIXES) });
  for (const m of strays) checked.push({ uri: m.uri, partnerId: m.partnerId, findings: ctx.index.check(m.uri, NO_FIXES) });
  for (const d of unplaced) checked.push({ uri: d.uri, partnerId: undefined, findings: ctx.index.check(d.uri, NO_FIXES) });
  // Partner names come with the partner order (Context.ranking): the same map only while they are the same.
  return ctx.cache.kept('gaps', [ctx.ranking()], checked, sameFindings, () => listGaps(ctx, strays.length ? [...meetings, ...strays] : meetings, checked));
}

function listGaps(ctx: Context, meetings: readonly Meeting[], checked: readonly Checked[]): { items: Gap[]; total: number } {
  const partnerOf = new Map<string, PartnerRef>();
  for (const m of meetings) partnerOf.set(m.uri, ctx.partner(m));
  // Every finding is counted; only the listed ones are made into gaps.
  const found: { uri: string; file: string; f: Finding; severity: Gap['severity'] }[] = [];
  for (const { uri, findings } of checked) {
    let file: string | undefined;
    for (const f of findings) {
      if (f.severity === 'info') continue;
      file ??= fileLabel(uri);
      found.push({ uri, file, f, severity: f.severity });
    }
  }
  const first = firstListed(found, (a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || byCodeUnit(a.file, b.file) || a.f.range.start.line - b.f.range.start.line);
  const items = first.items.map(({ uri, file, f, severity }) => {
    const gap: Gap = { uri, line: f.range.start.line + 1, code: f.code, severity, message: f.message, file };
    const partner = partnerOf.get(uri);
    if (partner) gap.partner = partner;
    return gap;
  });
  return { items, total: first.total };
}
