// The reviewed round against the one before: themes rising, falling, new,
// gone and steady, by the partners who raised them.
import type { Meeting } from '../../workspace';
import type { Context } from '../context';
import { byName } from '../context';
import type { Trend, Trends } from '../model';

/**
 * Partners per theme (suggestions left out: they are not comparable across
 * rounds), themes and partners in the order their notes come.
 */
function partnersPerTheme(ctx: Context, meetings: readonly Meeting[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const m of meetings) {
    const doc = ctx.index.get(m.uri);
    if (!doc) continue;
    for (const id of ctx.cache.firmThemes(doc, ctx.matcher)) {
      const s = map.get(id);
      if (s) s.add(m.partnerId);
      else map.set(id, new Set([m.partnerId]));
    }
  }
  return map;
}

/** The reviewed round's held meetings against the previous round's, when there is one. */
export function trends(ctx: Context, held: readonly Meeting[], previousHeld: readonly Meeting[] | undefined): Trends {
  const result: Trends = {
    partners: { previous: new Set((previousHeld ?? []).map((m) => m.partnerId)).size, current: new Set(held.map((m) => m.partnerId)).size },
    rising: [], falling: [], new: [], gone: [], steady: [],
  };
  if (!previousHeld) return result;
  const current = partnersPerTheme(ctx, held);
  const previous = partnersPerTheme(ctx, previousHeld);
  for (const id of new Set([...current.keys(), ...previous.keys()])) {
    const t: Trend = { id, label: ctx.matcher.label(id), previous: previous.get(id)?.size ?? 0, current: current.get(id)?.size ?? 0 };
    if (t.previous === 0) result.new.push(t);
    else if (t.current === 0) result.gone.push(t);
    else if (t.current > t.previous) result.rising.push(t);
    else if (t.current < t.previous) result.falling.push(t);
    else result.steady.push(t);
  }
  const byChange = (a: Trend, b: Trend) => Math.abs(b.current - b.previous) - Math.abs(a.current - a.previous) || Math.max(b.current, b.previous) - Math.max(a.current, a.previous) || byName(a.label, b.label);
  for (const l of [result.rising, result.falling, result.new, result.gone, result.steady]) l.sort(byChange);
  return result;
}
