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

export function gaps(ctx: Context, meetings: readonly Meeting[], reviews: readonly IndexedDocument[]): { items: Gap[]; total: number } {
  const partnerOf = new Map<string, PartnerRef>();
  for (const m of meetings) partnerOf.set(m.uri, ctx.partner(m));
  const uris = [...new Set([...meetings.map((m) => m.uri), ...reviews.map((d) => d.uri)])];
  // Every finding is counted; only the listed ones are made into gaps.
  const found: { uri: string; file: string; f: Finding; severity: Gap['severity'] }[] = [];
  for (const uri of uris) {
    let file: string | undefined;
    for (const f of ctx.index.check(uri, NO_FIXES)) {
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
