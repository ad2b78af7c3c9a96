// Trends: which themes most partners of this round share, and how the reviewed
// round compares with the one before. Both count partners, not mentions, per
// note category (a partner offering rooms, a commitment, does not make space a
// rising challenge), and compare shares of the partners met: from 1 of 2 to 3
// of 9 is a fall, not a rise. Suggested keywords are left out: they are not
// comparable across rounds, nor confirmed.
import type { IndexedDocument, Meeting } from '../../workspace';
import type { Context, FirmThemes } from '../context';
import { byName, firmThemes } from '../context';
import { NOTE_CATEGORIES } from '../model';
import type { NoteCategory, Trend, Trends } from '../model';

/** Themes of the round most partners share, per category. */
const WITHIN_MAX = 5;

/**
 * `current`: the firm themes of the reviewed round's held meetings
 * (firmThemes); `previousHeld` the held meetings of the round before, when
 * there is one.
 */
export function trends(ctx: Context, held: readonly Meeting[], current: FirmThemes, previousHeld: readonly Meeting[] | undefined): Trends {
  const partners = { previous: new Set((previousHeld ?? []).map((m) => m.partnerId)).size, current: new Set(held.map((m) => m.partnerId)).size };

  // Within the round: themes two or more partners share, as a share of the partners met.
  const within = NOTE_CATEGORIES.map((category) => ({
    category,
    themes: [...(current.get(category) ?? [])]
      .filter(([, byPartner]) => byPartner.size >= 2)
      .map(([id, byPartner]) => ({ id, label: ctx.matcher.label(id), partners: byPartner.size }))
      .sort((a, b) => b.partners - a.partners || byName(a.label, b.label))
      .slice(0, WITHIN_MAX),
  })).filter((g) => g.themes.length > 0);

  const result: Trends = { partners, within, rising: [], falling: [], new: [], gone: [], steady: [] };
  if (!previousHeld) return result;
  // The last review's while the round before has the very same documents (replaced, never
  // changed in place), the same partner of each and the same vocabulary (SummaryCache.kept):
  // while a team edits this round, the round before stays as it was.
  const entries: { doc: IndexedDocument; partnerId: string }[] = [];
  for (const m of previousHeld) {
    const doc = ctx.index.get(m.uri);
    if (doc) entries.push({ doc, partnerId: m.partnerId });
  }
  const previous = ctx.cache.kept('earlier', [ctx.matcher.key], entries, (a, b) => a.doc === b.doc && a.partnerId === b.partnerId, () => firmThemes(ctx.notes(previousHeld, false)));
  const add = (category: NoteCategory, id: string) => {
    const now = current.get(category)?.get(id)?.size ?? 0;
    const before = previous.get(category)?.get(id)?.size ?? 0;
    const t: Trend = { id, label: ctx.matcher.label(id), category, previous: before, current: now };
    // Shares compared without rounding: current/currentTotal against previous/previousTotal.
    const a = t.current * partners.previous;
    const b = t.previous * partners.current;
    if (t.previous === 0) result.new.push(t);
    else if (t.current === 0) result.gone.push(t);
    else if (a > b) result.rising.push(t);
    else if (a < b) result.falling.push(t);
    else result.steady.push(t);
  };
  // Every theme of either round once: this round's in its order, then those only the round before had.
  for (const [category, themes] of current) for (const id of themes.keys()) add(category, id);
  for (const [category, themes] of previous) for (const id of themes.keys()) if (!current.get(category)?.has(id)) add(category, id);
  const share = (n: number, total: number) => (total ? n / total : 0);
  const change = (t: Trend) => Math.abs(share(t.current, partners.current) - share(t.previous, partners.previous));
  const byChange = (a: Trend, b: Trend) => change(b) - change(a)
    || Math.max(b.current, b.previous) - Math.max(a.current, a.previous)
    || NOTE_CATEGORIES.indexOf(a.category) - NOTE_CATEGORIES.indexOf(b.category)
    || byName(a.label, b.label);
  for (const l of [result.rising, result.falling, result.new, result.gone, result.steady]) l.sort(byChange);
  return result;
}
