// Convenings beside the round: the partnerships being convened that include
// this round's partners, with their open gaps (a convening is where the
// team's coordinator role is kept up), and the goals partners share that no
// convening brings them together on yet.
import type { Meeting } from '../../workspace';
import { NO_FIXES } from '../../workspace';
import type { Context } from '../context';
import { byName, listed } from '../context';
import { byCodeUnit } from '../../order';
import type { Cluster, ConveningEntry, ConveningsSection, PartnerRef } from '../model';

export function convenings(ctx: Context, held: readonly Meeting[], clusters: readonly Cluster[]): ConveningsSection {
  const roundPartners = new Map<string, PartnerRef>();
  for (const m of held) roundPartners.set(m.partnerId, ctx.partner(m));
  const items: ConveningEntry[] = [];
  // Which round partners each convening brings together: to tell a shared goal it already covers.
  const together: Set<string>[] = [];
  for (const doc of ctx.index.documents('convening')) {
    const facts = doc.facts;
    if (facts.kind !== 'convening' || facts.status === 'closed') continue;
    const ids = new Set(facts.partners.map((p) => ctx.index.canonicalPartner(p.id)));
    together.push(ids);
    const partners = [...ids].flatMap((id) => roundPartners.get(id) ?? []).sort((a, b) => byName(a.organization, b.organization));
    if (partners.length === 0) continue;
    const gaps = ctx.index.check(doc.uri, NO_FIXES)
      .filter((f) => f.severity !== 'info')
      .map((f) => ({ code: f.code, severity: f.severity as 'error' | 'warning', message: f.message, line: f.range.start.line + 1 }))
      .sort((a, b) => a.line - b.line);
    const listedGaps = listed(gaps);
    items.push({
      uri: doc.uri,
      line: 1,
      name: facts.name ?? doc.uri.split('/').pop() ?? doc.uri,
      status: facts.status,
      partners,
      gaps: listedGaps.items,
      gapsTotal: listedGaps.total,
    });
  }
  items.sort((a, b) => b.partners.length - a.partners.length || byName(a.name, b.name) || byCodeUnit(a.uri, b.uri));
  // A shared goal is covered when one convening has every partner who shares it.
  const uncovered = clusters.filter((c) => !together.some((ids) => c.partners.every((p) => ids.has(p.id))));
  return { items: listed(items).items, itemsTotal: items.length, uncovered };
}
