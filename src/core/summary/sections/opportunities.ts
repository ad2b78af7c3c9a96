// Where the team can help: its offers against partner goals, one partner's
// challenge another commits to, partners with shared goals, and goals no next
// step serves yet.
import type { Meeting } from '../../workspace';
import type { Offer } from '../../facts';
import type { Context, FirmThemes, NoteRecord } from '../context';
import { MAX_LISTED, byName, listed, shorten } from '../context';
import { normal } from '../cache';
import type { Cluster, Complement, OfferMatch, Opportunities, PartnerRef, Quote } from '../model';

const NO_THEMES: ReadonlyMap<string, Map<string, NoteRecord>> = new Map();

/** normal() of a meeting's next step goal, kept with its document. */
function servesGoal(ctx: Context, m: Meeting, goal: string): string {
  const doc = ctx.index.get(m.uri);
  return doc ? ctx.cache.servesGoal(doc, goal) : normal(goal);
}

/**
 * `firm`: the round's firm themes (firmThemes): suggested keywords are for
 * people to confirm, and pairing partners on them would be guesswork.
 * `unserved`: the round's goals no next step serves (unservedGoals).
 */
export function opportunities(ctx: Context, firm: FirmThemes, offers: readonly Offer[], unserved: Unserved): Opportunities {
  const goals = firm.get('goals') ?? NO_THEMES;
  const challenges = firm.get('challenges') ?? NO_THEMES;
  const commitments = firm.get('commitments') ?? NO_THEMES;

  // (a) Our offers against partner goals and challenges, by shared theme; one
  // note per partner, offer and category: free bus trips meet the partners who
  // cannot get there as well as those who want to visit.
  const offerMatches: OfferMatch[] = [];
  const matching = (byTheme: ReadonlyMap<string, Map<string, NoteRecord>>, themes: readonly string[]) => {
    const chosen = new Map<string, NoteRecord>();
    for (const t of themes) for (const [p, n] of byTheme.get(t) ?? []) if (!chosen.has(p)) chosen.set(p, n);
    // Sorted as notes, so only the notes listed are quoted.
    return listed([...chosen.values()].sort(ctx.byPartner));
  };
  for (const offer of offers) {
    const g = matching(goals, offer.themes);
    const c = matching(challenges, offer.themes);
    if (!g.total && !c.total) continue;
    offerMatches.push({
      offer: { text: offer.text, themes: offer.themes },
      goals: g.items.map((n) => ctx.goal(n)),
      goalsTotal: g.total,
      challenges: c.items.map((n) => ctx.goal(n)),
      challengesTotal: c.total,
    });
  }

  // (b) A challenge theme of one partner that another partner commits to.
  const complementary: Complement[] = [];
  for (const [theme, needs] of challenges) {
    const gives = commitments.get(theme);
    if (!gives) continue;
    let both = 0;
    for (const p of needs.keys()) if (gives.has(p)) both++;
    const pairs = needs.size * gives.size - both;
    if (pairs === 0) continue;
    complementary.push({
      theme,
      label: ctx.matcher.label(theme),
      needs: [...needs.values()].slice(0, MAX_LISTED).map((n) => ctx.quote(n)),
      needsTotal: needs.size,
      offers: [...gives.values()].slice(0, MAX_LISTED).map((n) => ctx.quote(n)),
      offersTotal: gives.size,
      pairs,
    });
  }
  complementary.sort((a, b) => b.pairs - a.pairs || byName(a.label, b.label));

  // (c) Partners sharing goal themes; themes with the very same partners are one cluster.
  const clusters = new Map<string, { themes: Cluster['themes']; partners: PartnerRef[] }>();
  for (const [theme, byPartner] of goals) {
    if (byPartner.size < 2) continue;
    const partners = [...byPartner.values()].map((n) => n.partner);
    const key = partners.map((p) => p.id).join('\u0000');
    const c = clusters.get(key);
    const t = { id: theme, label: ctx.matcher.label(theme) };
    if (c) c.themes.push(t);
    else clusters.set(key, { themes: [t], partners });
  }
  const found = [...clusters.values()];
  for (const c of found) c.themes.sort((a, b) => byName(a.label, b.label));
  found.sort((a, b) => b.partners.length - a.partners.length || b.themes.length - a.themes.length || byName(a.themes[0].label, b.themes[0].label));
  const clusterList: Cluster[] = found.map((c) => {
    const partners = listed(c.partners);
    return { themes: c.themes, partners: partners.items, partnersTotal: partners.total };
  });

  return { offers: offerMatches, complementary, clusters: clusterList, unservedGoals: unserved.items, unservedGoalsTotal: unserved.total };
}

/** Goals no next step serves: the first MAX_LISTED, and how many. */
export interface Unserved {
  items: Quote[];
  total: number;
}

/**
 * (d) The goals of these meetings' partners that no next step of theirs
 * serves: compared as words, either containing the other. Each partner's
 * are their own: by `group` of each meeting (its partner, or one group for
 * all), in meeting order, the first MAX_LISTED of each group and how many.
 */
export function unservedGoals(ctx: Context, held: readonly Meeting[], group: (m: Meeting) => string): Map<string, Unserved> {
  const serves = new Map<string, string[]>();
  for (const m of held) {
    const goal = m.nextStep?.servesGoal;
    if (!goal || m.nextStep?.status === 'dropped') continue;
    const l = serves.get(m.partnerId) ?? [];
    l.push(servesGoal(ctx, m, goal));
    serves.set(m.partnerId, l);
  }
  const out = new Map<string, Unserved>();
  const seenGoal = new Set<string>();
  for (const m of held) {
    const doc = ctx.index.get(m.uri);
    if (!doc) continue;
    for (const note of ctx.cache.notes(doc)) {
      if (note.category !== 'goals') continue;
      const g = (note.normal ??= normal(note.text));
      const key = `${m.partnerId}\u0000${g}`;
      if (!g || seenGoal.has(key)) continue;
      seenGoal.add(key);
      const served = (serves.get(m.partnerId) ?? []).some((s) => s === g || (s.length > 0 && (g.includes(s) || s.includes(g))));
      if (served) continue;
      const k = group(m);
      let u = out.get(k);
      if (!u) out.set(k, (u = { items: [], total: 0 }));
      if (++u.total <= MAX_LISTED) u.items.push({ partner: ctx.partner(m), text: shorten(note.text), uri: doc.uri, line: ctx.cache.noteLine(doc, note) });
    }
  }
  return out;
}
