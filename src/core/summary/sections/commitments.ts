// The commitments recorded in the round's review files, and the open ones of
// earlier rounds' reviews, carried forward until they are done or dropped: a
// commitment made in spring and never done must not vanish from autumn's
// review. Reviews are few; their facts are read once by the index.
import type { IndexedDocument } from '../../workspace';
import { factsOfKind } from '../../facts';
import { daysBetween, isIsoDate } from '../../dates';
import { SourceLines } from '../locate';
import { listed } from '../context';
import { byCodeUnit } from '../../order';
import type { CarriedCommitment, Commitment } from '../model';

function commitmentsOf(doc: IndexedDocument, today: string): Commitment[] {
  const items = factsOfKind(doc.facts, 'review')?.commitments ?? [];
  const lines = new SourceLines(doc.uri, doc.text).itemLines(['commitments'], items.map((c) => c.action));
  const out: Commitment[] = [];
  items.forEach(({ action, owner, due, status, partners }, i) => {
    if (!action) return;
    out.push({
      action,
      ...(owner ? { owner } : {}),
      ...(due ? { due } : {}),
      ...(status ? { status } : {}),
      partners: partners.map((p) => p.id),
      overdue: (status ?? 'open') === 'open' && isIsoDate(due) && due < today,
      index: i,
      uri: doc.uri,
      line: lines[i],
    });
  });
  return out;
}

export function commitments(reviews: readonly IndexedDocument[], today: string): Commitment[] {
  return reviews.flatMap((doc) => commitmentsOf(doc, today));
}

/**
 * Open commitments of the reviews of `earlierRounds` (oldest first), the most
 * overdue first, then the oldest.
 */
export function carried(reviews: readonly IndexedDocument[], earlierRounds: readonly string[], today: string): { items: CarriedCommitment[]; total: number } {
  const order = new Map(earlierRounds.map((r, i) => [r, i]));
  const out: CarriedCommitment[] = [];
  for (const doc of reviews) {
    const facts = factsOfKind(doc.facts, 'review');
    const round = facts?.round;
    if (!facts || round === undefined || !order.has(round) || !facts.commitments.some((c) => c.action && (c.status ?? 'open') === 'open')) continue;
    const made = isIsoDate(facts.date) && facts.date <= today ? facts.date : undefined;
    for (const c of commitmentsOf(doc, today)) {
      if ((c.status ?? 'open') !== 'open') continue;
      const item: CarriedCommitment = { ...c, round };
      if (made) {
        item.made = made;
        item.ageDays = daysBetween(made, today);
      }
      if (c.overdue) item.daysLate = daysBetween(c.due!, today);
      out.push(item);
    }
  }
  out.sort((a, b) => (b.daysLate ?? -1) - (a.daysLate ?? -1) || order.get(a.round)! - order.get(b.round)! || byCodeUnit(a.uri, b.uri) || a.index - b.index);
  return listed(out);
}
