// The errors and warnings of the round's files: what to fix before the team
// meets.
import type { IndexedDocument, Meeting } from '../../workspace';
import { NO_FIXES } from '../../workspace';
import { fileLabel } from '../../paths';
import type { Context } from '../context';
import { listed } from '../context';
import { byCodeUnit } from '../../order';
import type { Gap, PartnerRef } from '../model';

export function gaps(ctx: Context, meetings: readonly Meeting[], reviews: readonly IndexedDocument[]): { items: Gap[]; total: number } {
  const partnerOf = new Map<string, PartnerRef>();
  for (const m of meetings) partnerOf.set(m.uri, ctx.partner(m));
  const uris = [...new Set([...meetings.map((m) => m.uri), ...reviews.map((d) => d.uri)])];
  const out: Gap[] = [];
  for (const uri of uris) {
    const partner = partnerOf.get(uri);
    let file: string | undefined;
    for (const f of ctx.index.check(uri, NO_FIXES)) {
      if (f.severity === 'info') continue;
      file ??= fileLabel(uri);
      const gap: Gap = { uri, line: f.range.start.line + 1, code: f.code, severity: f.severity, message: f.message, file };
      if (partner) gap.partner = partner;
      out.push(gap);
    }
  }
  return listed(out.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || byCodeUnit(a.file, b.file) || a.line - b.line));
}
