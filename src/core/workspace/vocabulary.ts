// What the workspace knows that completion offers: people ids in use.
import { field, list, text } from '../facts/data';
import type { WorkspaceIndex } from './workspace-index';

/** People ids used anywhere (attendees, owners), for completion. */
export function peopleIds(index: WorkspaceIndex): string[] {
  const ids = new Set<string>();
  for (const d of index.documents()) {
    const data = d.data;
    for (const a of list(field(data, 'meeting', 'our_attendees'))) if (typeof a === 'string') ids.add(a);
    for (const path of [['next_step', 'owner'], ['follow_up', 'owner'], ['coordinator', 'person']]) {
      const v = text(field(data, ...path));
      if (v) ids.add(v);
    }
    for (const c of list(field(data, 'commitments'))) {
      const o = text(field(c, 'owner'));
      if (o) ids.add(o);
    }
    for (const a of list(field(data, 'attendees'))) if (typeof a === 'string') ids.add(a);
  }
  return [...ids].sort();
}
