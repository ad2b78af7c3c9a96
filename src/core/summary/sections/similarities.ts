// The themes of the round per note category, with the partners who raised
// them: what the similarities, the outliers and the opportunities start from.
import type { Context, NoteRecord } from '../context';
import { MAX_LISTED } from '../context';
import { sourceRank } from '../themes';
import { NOTE_CATEGORIES } from '../model';
import type { NoteCategory, ThemeEntry } from '../model';

/** Themes per category, counting partners (each once) with their first quote, in partner order. */
export function themeEntries(ctx: Context, notes: readonly NoteRecord[]): ThemeEntry[] {
  const byCategory = new Map<NoteCategory, Map<string, { entry: ThemeEntry; seen: Set<string> }>>(NOTE_CATEGORIES.map((c) => [c, new Map()]));
  for (const n of notes) {
    const map = byCategory.get(n.note.category)!;
    for (const id of n.themes) {
      let slot = map.get(id);
      if (!slot) {
        slot = { entry: { id, label: ctx.matcher.label(id), category: n.note.category, source: n.source, partners: [], quotes: [] }, seen: new Set() };
        map.set(id, slot);
      }
      const e = slot.entry;
      if (sourceRank(n.source) < sourceRank(e.source)) e.source = n.source;
      if (slot.seen.has(n.partner.id)) continue;
      slot.seen.add(n.partner.id);
      e.partners.push(n.partner.id);
      if (e.quotes.length < MAX_LISTED) e.quotes.push(ctx.quote(n));
    }
  }
  return [...byCategory.values()].flatMap((m) => [...m.values()].map((x) => x.entry));
}
