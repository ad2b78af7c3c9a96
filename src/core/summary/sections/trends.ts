// Trends: which themes most partners of this round share, and how the reviewed
// round compares with the one before. Both count partners, not mentions, per
// note category (a partner offering rooms, a commitment, does not make space a
// rising challenge), and compare shares of the partners met: from 1 of 2 to 3
// of 9 is a fall, not a rise. Suggested keywords are left out: they are not
// comparable across rounds, nor confirmed.
import type { Meeting } from '../../workspace';
import type { Context, NoteRecord } from '../context';
import { byName } from '../context';
import { NOTE_CATEGORIES } from '../model';
import type { NoteCategory, Trend, Trends } from '../model';

/** Themes of the round most partners share, per category. */
const WITHIN_MAX = 5;

const key = (category: NoteCategory, id: string) => `${category}\u0000${id}`;

interface ThemePartners { category: NoteCategory; id: string; partners: Set<string> }

/**
 * Partners per category and theme, firm themes only, by key(); in each
 * category in the order the notes come. Gathered by category, then theme: a
 * key made for every note's every theme cost more than the rest of the trends.
 */
function partnersPerTheme(notes: readonly NoteRecord[]): Map<string, ThemePartners> {
  const byCategory = new Map<NoteCategory, Map<string, ThemePartners>>();
  for (const n of notes) {
    if (n.source === 'suggested' || n.themes.length === 0) continue;
    const category = n.note.category;
    let themes = byCategory.get(category);
    if (!themes) byCategory.set(category, (themes = new Map()));
    for (const id of n.themes) {
      const e = themes.get(id);
      if (e) e.partners.add(n.partner.id);
      else themes.set(id, { category, id, partners: new Set([n.partner.id]) });
    }
  }
  const map = new Map<string, ThemePartners>();
  for (const themes of byCategory.values()) for (const e of themes.values()) map.set(key(e.category, e.id), e);
  return map;
}

/**
 * `notes` are the reviewed round's (held meetings); `previousHeld` the held
 * meetings of the round before, when there is one.
 */
export function trends(ctx: Context, held: readonly Meeting[], notes: readonly NoteRecord[], previousHeld: readonly Meeting[] | undefined): Trends {
  const partners = { previous: new Set((previousHeld ?? []).map((m) => m.partnerId)).size, current: new Set(held.map((m) => m.partnerId)).size };
  const current = partnersPerTheme(notes);

  // Within the round: themes two or more partners share, as a share of the partners met.
  const within = NOTE_CATEGORIES.map((category) => ({
    category,
    themes: [...current.values()]
      .filter((e) => e.category === category && e.partners.size >= 2)
      .map((e) => ({ id: e.id, label: ctx.matcher.label(e.id), partners: e.partners.size }))
      .sort((a, b) => b.partners - a.partners || byName(a.label, b.label))
      .slice(0, WITHIN_MAX),
  })).filter((g) => g.themes.length > 0);

  const result: Trends = { partners, within, rising: [], falling: [], new: [], gone: [], steady: [] };
  if (!previousHeld) return result;
  const previous = partnersPerTheme(ctx.notes(previousHeld, false));
  for (const k of new Set([...current.keys(), ...previous.keys()])) {
    const e = (current.get(k) ?? previous.get(k))!;
    const t: Trend = { id: e.id, label: ctx.matcher.label(e.id), category: e.category, previous: previous.get(k)?.partners.size ?? 0, current: current.get(k)?.partners.size ?? 0 };
    // Shares compared without rounding: current/currentTotal against previous/previousTotal.
    const a = t.current * partners.previous;
    const b = t.previous * partners.current;
    if (t.previous === 0) result.new.push(t);
    else if (t.current === 0) result.gone.push(t);
    else if (a > b) result.rising.push(t);
    else if (a < b) result.falling.push(t);
    else result.steady.push(t);
  }
  const share = (n: number, total: number) => (total ? n / total : 0);
  const change = (t: Trend) => Math.abs(share(t.current, partners.current) - share(t.previous, partners.previous));
  const byChange = (a: Trend, b: Trend) => change(b) - change(a)
    || Math.max(b.current, b.previous) - Math.max(a.current, a.previous)
    || NOTE_CATEGORIES.indexOf(a.category) - NOTE_CATEGORIES.indexOf(b.category)
    || byName(a.label, b.label);
  for (const l of [result.rising, result.falling, result.new, result.gone, result.steady]) l.sort(byChange);
  return result;
}
