// The commitments already recorded in the round's review files.
import type { IndexedDocument } from '../../workspace';
import { field, list, text } from '../../facts/data';
import { isIsoDate } from '../../dates';
import { SourceLines } from '../locate';
import type { Commitment } from '../model';

export function commitments(reviews: readonly IndexedDocument[], today: string): Commitment[] {
  const out: Commitment[] = [];
  for (const doc of reviews) {
    const items = list(field(doc.data, 'commitments'));
    const lines = new SourceLines(doc.uri, doc.text).itemLines(['commitments'], items.map((c) => text(field(c, 'action'))));
    items.forEach((c, i) => {
      const action = text(field(c, 'action'));
      if (!action) return;
      const owner = text(field(c, 'owner'));
      const due = text(field(c, 'due'));
      const status = text(field(c, 'status'));
      out.push({
        action,
        ...(owner ? { owner } : {}),
        ...(due ? { due } : {}),
        ...(status ? { status } : {}),
        partners: list(field(c, 'partners')).filter((p): p is string => typeof p === 'string'),
        overdue: (status ?? 'open') === 'open' && isIsoDate(due) && due < today,
        uri: doc.uri,
        line: lines[i],
      });
    });
  }
  return out;
}
