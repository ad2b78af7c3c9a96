// The commitments already recorded in the round's review files.
import type { IndexedDocument } from '../../workspace';
import { factsOfKind } from '../../facts';
import { isIsoDate } from '../../dates';
import { SourceLines } from '../locate';
import type { Commitment } from '../model';

export function commitments(reviews: readonly IndexedDocument[], today: string): Commitment[] {
  const out: Commitment[] = [];
  for (const doc of reviews) {
    const items = factsOfKind(doc.facts, 'review')?.commitments ?? [];
    const lines = new SourceLines(doc.uri, doc.text).itemLines(['commitments'], items.map((c) => c.action));
    items.forEach(({ action, owner, due, status, partners }, i) => {
      if (!action) return;
      out.push({
        action,
        ...(owner ? { owner } : {}),
        ...(due ? { due } : {}),
        ...(status ? { status } : {}),
        partners: partners.map((p) => p.id),
        overdue: (status ?? 'open') === 'open' && isIsoDate(due) && due < today,
        uri: doc.uri,
        line: lines[i],
      });
    });
  }
  return out;
}
