// Themes only one partner raised that sit in their success in their own
// words: what matters to one community, which the team should not average away.
import type { Meeting } from '../../workspace';
import type { Context, NoteRecord } from '../context';
import { byName, shorten } from '../context';
import { sourceRank, stemOf, words } from '../themes';
import type { Outlier, ThemeEntry, ThemeSource } from '../model';

/** Themes only one partner raised (any category) that sit in their success in their own words. */
export function outliers(ctx: Context, held: readonly Meeting[], notes: readonly NoteRecord[], entries: readonly ThemeEntry[]): Outlier[] {
  // The one partner who raised each theme, or null once a second one did.
  const only = new Map<string, string | null>();
  const firm = new Set<string>();
  for (const e of entries) {
    const cur = only.get(e.id);
    const p = e.partners.length === 1 ? e.partners[0] : null;
    only.set(e.id, cur === undefined ? p : cur === p ? cur : null);
    // Suggested keywords of one partner are many and unconfirmed: outliers need a tag or a vocabulary match.
    if (e.source !== 'suggested') firm.add(e.id);
  }
  const success = new Map<string, { meeting: Meeting; text: string; stems?: Set<string>; matched?: string[] }>();
  for (const m of held) if (m.successInTheirWords && !success.has(m.partnerId)) success.set(m.partnerId, { meeting: m, text: m.successInTheirWords });

  const accepted = new Map<string, { partnerId: string; label: string; raised: NoteRecord[] }>();
  for (const e of entries) {
    const partnerId = only.get(e.id);
    if (!partnerId || !firm.has(e.id) || accepted.has(e.id)) continue;
    const s = success.get(partnerId);
    if (!s) continue;
    let inSuccess: boolean;
    if (ctx.matcher.has(e.id)) {
      s.matched ??= ctx.matcher.match(s.text);
      inSuccess = s.matched.includes(e.id);
    } else {
      // Tags outside the vocabulary: all their words, by stem.
      s.stems ??= new Set(words(s.text).map(stemOf));
      const ws = words(e.id);
      inSuccess = ws.length > 0 && ws.every((w) => s.stems!.has(stemOf(w)));
    }
    if (inSuccess) accepted.set(e.id, { partnerId, label: e.label, raised: [] });
  }
  if (!accepted.size) return [];
  for (const n of notes) {
    if (n.source === 'suggested') continue;
    for (const id of n.themes) {
      const a = accepted.get(id);
      if (a && a.partnerId === n.partner.id) a.raised.push(n);
    }
  }
  const out: Outlier[] = [];
  for (const [id, a] of accepted) {
    const s = success.get(a.partnerId)!;
    const partner = ctx.partner(s.meeting);
    const source = a.raised.reduce<ThemeSource>((best, n) => (sourceRank(n.source) < sourceRank(best) ? n.source : best), 'matched');
    out.push({
      theme: { id, label: a.label, source },
      partner,
      success: { partner, text: shorten(s.text), uri: s.meeting.uri, line: ctx.line(s.meeting, ['notes', 'success_in_their_words']) },
      notes: a.raised.map((n) => ctx.quote(n)),
    });
  }
  return out.sort((a, b) => byName(a.theme.label, b.theme.label));
}
