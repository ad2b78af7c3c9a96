// The notes of the round's held meetings, their themes and what is built on
// them: the similarities, the firm themes that trends and opportunities read,
// the opportunities. Worked out of the whole round, or, after an edit of a few
// meetings' notes or next steps, out of the last review's: a team types notes
// with the review open, and at 10,000 worksheets the whole round took 40 ms
// an edit.
//
// The held meetings come in partner order, so each partner's meetings are
// together (a segment), and every theme's partners, quotes and firm partners
// are in that order. An edit changes one partner's notes: for each theme that
// partner's notes had or have, that partner is put in or taken out of the
// theme's lists, and the rest of each list is kept. Where a partner's
// meetings are not together (never, in partner order; checked all the same),
// every edit counts the whole round again.
import type { Meeting } from '../../workspace';
import type { Offer } from '../../facts';
import type { Context, FirmThemes, NoteRecord } from '../context';
import { MAX_LISTED, byName } from '../context';
import { sourceRank, withoutLoneSuggestions } from '../themes';
import { NOTE_CATEGORIES } from '../model';
import type { NoteCategory, Opportunities, Quote, ThemeEntry, ThemeSource } from '../model';
import { opportunities, unservedGoals } from './opportunities';
import type { Unserved } from './opportunities';

/** Where a note with a theme is: the held meeting's place, the note's place among that meeting's notes, the theme's among the note's. */
interface Where {
  place: number;
  note: number;
  at: number;
}

/** A theme of one category, as the round's notes give it. */
interface ThemeState {
  entry: ThemeEntry;
  /** Its first note: the order the review first lists themes in. */
  first: Where;
  /** How many notes have it, by sourceRank (tagged, matched, suggested). */
  sources: readonly number[];
  /** Each partner's first note with it that is no suggestion, in partner order, and the first of those; absent when all are suggestions. */
  firm?: { byPartner: Map<string, NoteRecord>; first: Where };
}

/** By category, then theme. */
type Themes = Map<NoteCategory, Map<string, ThemeState>>;

/** A partner's meetings: places from..to (excluded) in the held meetings. */
interface Segment {
  from: number;
  to: number;
}

export interface RoundNotes {
  /** The notes with themes, in held meeting order. */
  notes: NoteRecord[];
  /** The round's themes, lone suggestions left out, in the order the review lists them. */
  themes: ThemeEntry[];
  suggestedOnce: number;
  firm: FirmThemes;
  opps: Opportunities;
  /** Where each held meeting's notes start in `notes` (and, last, its length). */
  readonly starts: readonly number[];
  readonly byTheme: Themes;
  /** Each partner's meetings, in partner order; undefined where a partner's meetings are not together. */
  readonly segments: Map<string, Segment> | undefined;
  /** The goals no next step serves, by partner (with `segments`). */
  readonly unserved: Map<string, Unserved> | undefined;
}

/** How many meetings' notes an edit may change for the last review's to be brought up to date (more are counted afresh). */
export const PATCHED_MAX = 8;

const SOURCES: readonly ThemeSource[] = ['tagged', 'matched', 'suggested'];

const NONE_UNSERVED: Unserved = { items: [], total: 0 };

/** The notes of `held` and all built on them, out of the whole round. */
export function roundNotes(ctx: Context, held: readonly Meeting[], offers: readonly Offer[]): RoundNotes {
  const starts: number[] = [];
  const notes = ctx.notes(held, true, starts);
  const segments = segmentsOf(held);
  const unserved = segments && unservedGoals(ctx, held, byPartner);
  return built(ctx, held, offers, notes, starts, count(ctx, notes, starts, segments !== undefined), segments, unserved);
}

const byPartner = (m: Meeting) => m.partnerId;

/**
 * The notes after the held meetings at `changed` (places in `held`, the
 * same meetings of the same partners as in `before`, in the same order)
 * changed their notes or next steps; undefined when the whole round is to be
 * counted again.
 */
export function patchRoundNotes(ctx: Context, before: RoundNotes, held: readonly Meeting[], changed: readonly number[], offers: readonly Offer[]): RoundNotes | undefined {
  const segments = before.segments;
  if (!segments || !before.unserved || changed.length > PATCHED_MAX || before.starts.length !== held.length + 1) return undefined;
  // The changed meetings' notes in place of theirs.
  const notes: NoteRecord[] = [];
  const starts: number[] = [];
  let from = 0;
  for (const p of changed) {
    for (let i = from; i < p; i++) starts.push(before.starts[i] + notes.length - before.starts[from]);
    pushAll(notes, before.notes, before.starts[from], before.starts[p]);
    starts.push(notes.length);
    for (const n of ctx.notes([held[p]], true)) notes.push(n);
    from = p + 1;
  }
  for (let i = from; i < held.length; i++) starts.push(before.starts[i] + notes.length - before.starts[from]);
  pushAll(notes, before.notes, before.starts[from], before.notes.length);
  starts.push(notes.length);

  const was: Round = { notes: before.notes, starts: before.starts };
  const now: Round = { notes, starts };
  const byTheme: Themes = new Map([...before.byTheme].map(([c, themes]) => [c, new Map(themes)]));
  const unserved = new Map(before.unserved);
  for (const partner of new Set(changed.map((p) => held[p].partnerId))) {
    const segment = segments.get(partner);
    if (!segment) return undefined;
    unserved.set(partner, unservedGoals(ctx, held.slice(segment.from, segment.to), byPartner).get(partner) ?? NONE_UNSERVED);
    const old = partnerThemes(was, segment);
    const fresh = partnerThemes(now, segment);
    for (const category of NOTE_CATEGORIES) {
      const o = old.get(category);
      const f = fresh.get(category);
      if (!o && !f) continue;
      let themes = byTheme.get(category);
      if (!themes) byTheme.set(category, (themes = new Map()));
      for (const id of new Set([...(o?.keys() ?? []), ...(f?.keys() ?? [])])) {
        const state = retold(ctx, now, segments, { category, id, partner }, themes.get(id), o?.get(id), f?.get(id));
        if (state) themes.set(id, state);
        else themes.delete(id);
      }
      if (themes.size === 0) byTheme.delete(category);
    }
  }
  return built(ctx, held, offers, notes, starts, byTheme, segments, unserved);
}

/** The round's notes, and where each held meeting's notes start. */
interface Round {
  notes: readonly NoteRecord[];
  starts: readonly number[];
}

/** Appends `from[start..end)` to `to`. */
function pushAll<T>(to: T[], from: readonly T[], start: number, end: number): void {
  for (let i = start; i < end; i++) to.push(from[i]);
}

/** Each partner's meetings, if each partner's are together. */
function segmentsOf(held: readonly Meeting[]): Map<string, Segment> | undefined {
  const segments = new Map<string, Segment>();
  for (let p = 0; p < held.length; p++) {
    const id = held[p].partnerId;
    const s = segments.get(id);
    if (!s) segments.set(id, { from: p, to: p + 1 });
    else if (s.to === p) s.to = p + 1;
    else return undefined;
  }
  return segments;
}

/**
 * Each theme's entry (every partner once, in note order, with their first
 * quote), its first note, its notes by source, and its firm partners (each
 * partner's first note with it that is not a suggestion). `together`: each
 * partner's notes come one after another, so a partner already counted for a
 * theme is its last one.
 */
function count(ctx: Context, notes: readonly NoteRecord[], starts: readonly number[], together: boolean): Themes {
  const out: Themes = new Map();
  const seen = new Map<ThemeEntry, Set<string>>();
  for (let place = 0; place + 1 < starts.length; place++) {
    for (let i = starts[place]; i < starts[place + 1]; i++) {
      const n = notes[i];
      const category = n.note.category;
      let themes = out.get(category);
      if (!themes) out.set(category, (themes = new Map()));
      for (let at = 0; at < n.themes.length; at++) {
        const id = n.themes[at];
        let s = themes.get(id) as { -readonly [K in keyof ThemeState]: ThemeState[K] } | undefined;
        if (!s) {
          s = { entry: { id, label: ctx.matcher.label(id), category, source: n.source, partners: [], quotes: [] }, first: { place, note: i - starts[place], at }, sources: [0, 0, 0] };
          themes.set(id, s);
          if (!together) seen.set(s.entry, new Set());
        }
        const rank = sourceRank(n.source);
        (s.sources as number[])[rank]++;
        const e = s.entry;
        if (rank < sourceRank(e.source)) e.source = n.source;
        const partners = seen.get(e);
        const counted = partners ? partners.has(n.partner.id) : e.partners[e.partners.length - 1] === n.partner.id;
        if (!counted) {
          partners?.add(n.partner.id);
          e.partners.push(n.partner.id);
          if (e.quotes.length < MAX_LISTED) e.quotes.push(ctx.quote(n));
        }
        // Suggested keywords are for people to confirm: they make no firm theme.
        if (n.source === 'suggested') continue;
        s.firm ??= { byPartner: new Map(), first: { place, note: i - starts[place], at } };
        if (!s.firm.byPartner.has(n.partner.id)) s.firm.byPartner.set(n.partner.id, n);
      }
    }
  }
  return out;
}

/** One partner's part in a theme: its first note, its first firm note, its notes by source. */
interface Part {
  first: { where: Where; note: NoteRecord };
  firm?: { where: Where; note: NoteRecord };
  sources: number[];
}

/** The themes of a partner's notes, by category. */
function partnerThemes(round: Round, segment: Segment): Map<NoteCategory, Map<string, Part>> {
  const out = new Map<NoteCategory, Map<string, Part>>();
  for (let place = segment.from; place < segment.to; place++) {
    for (let i = round.starts[place]; i < round.starts[place + 1]; i++) {
      const n = round.notes[i];
      let themes = out.get(n.note.category);
      if (!themes) out.set(n.note.category, (themes = new Map()));
      for (let at = 0; at < n.themes.length; at++) {
        const where = { place, note: i - round.starts[place], at };
        let part = themes.get(n.themes[at]);
        if (!part) themes.set(n.themes[at], (part = { first: { where, note: n }, sources: [0, 0, 0] }));
        part.sources[sourceRank(n.source)]++;
        if (n.source !== 'suggested') part.firm ??= { where, note: n };
      }
    }
  }
  return out;
}

/** A partner's first note (or first firm note) with a theme, in the round as it is now. */
function firstOf(round: Round, segment: Segment, category: NoteCategory, id: string, firm: boolean): { where: Where; note: NoteRecord } {
  for (let place = segment.from; place < segment.to; place++) {
    for (let i = round.starts[place]; i < round.starts[place + 1]; i++) {
      const n = round.notes[i];
      if (n.note.category !== category || (firm && n.source === 'suggested')) continue;
      const at = n.themes.indexOf(id);
      if (at >= 0) return { where: { place, note: i - round.starts[place], at }, note: n };
    }
  }
  // A partner in a theme's lists has a note with it.
  throw new Error(`no note of theme ${id}`);
}

/**
 * A theme with one partner's part in it changed from `was` to `now`
 * (either absent when the partner had or has no note with it); undefined
 * when no note has it any more.
 */
function retold(
  ctx: Context,
  round: Round,
  segments: ReadonlyMap<string, Segment>,
  theme: { category: NoteCategory; id: string; partner: string },
  state: ThemeState | undefined,
  was: Part | undefined,
  now: Part | undefined,
): ThemeState | undefined {
  const { category, id, partner } = theme;
  const sources = [0, 1, 2].map((r) => (state?.sources[r] ?? 0) - (was?.sources[r] ?? 0) + (now?.sources[r] ?? 0));
  const strongest = sources.findIndex((k) => k > 0);
  if (strongest < 0) return undefined;
  const first = (p: string, firm: boolean) => firstOf(round, segments.get(p)!, category, id, firm);

  const before = state?.entry.partners ?? [];
  const partners = was && now ? before : now ? withPartner(ctx, before, partner) : before.filter((p) => p !== partner);
  // Quotes go with the first partners: made again when this partner is among them, before or now.
  const placeBefore = was ? before.indexOf(partner) : -1;
  const placeNow = now ? partners.indexOf(partner) : -1;
  let quotes = state?.entry.quotes ?? [];
  if ((placeBefore >= 0 && placeBefore < MAX_LISTED) || (placeNow >= 0 && placeNow < MAX_LISTED)) {
    const oldQuotes = new Map<string, Quote>();
    before.slice(0, MAX_LISTED).forEach((p, i) => oldQuotes.set(p, state!.entry.quotes[i]));
    quotes = partners.slice(0, MAX_LISTED).map((p) => (p === partner ? ctx.quote(now!.first.note) : oldQuotes.get(p) ?? ctx.quote(first(p, false).note)));
  }
  const entry: ThemeEntry = { id, label: state?.entry.label ?? ctx.matcher.label(id), category, source: SOURCES[strongest], partners, quotes };
  const lead = partners[0];
  const where = lead === partner ? now!.first.where : state && before[0] === lead ? state.first : first(lead, false).where;

  let firm: ThemeState['firm'];
  if (sources[0] + sources[1] > 0) {
    const had = state?.firm?.byPartner;
    let byPartner: Map<string, NoteRecord>;
    if (had && was?.firm?.note === now?.firm?.note) byPartner = had;
    else if (had && was?.firm && now?.firm) byPartner = new Map(had).set(partner, now.firm.note);
    else if (now?.firm) byPartner = withFirm(ctx, had, partner, now.firm.note);
    else {
      byPartner = new Map(had);
      byPartner.delete(partner);
    }
    const firmLead = byPartner.keys().next().value!;
    const firmWhere = firmLead === partner ? now!.firm!.where : state?.firm && had?.keys().next().value === firmLead ? state.firm.first : first(firmLead, true).where;
    firm = { byPartner, first: firmWhere };
  }
  return { entry, first: where, sources, firm };
}

/** `partners` with `partner` put in at its place in partner order. */
function withPartner(ctx: Context, partners: readonly string[], partner: string): string[] {
  const rank = ctx.rank(partner);
  let lo = 0;
  let hi = partners.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.rank(partners[mid]) < rank) lo = mid + 1;
    else hi = mid;
  }
  return [...partners.slice(0, lo), partner, ...partners.slice(lo)];
}

/** A theme's firm partners with `partner` put in at its place in partner order. */
function withFirm(ctx: Context, byPartner: ReadonlyMap<string, NoteRecord> | undefined, partner: string, note: NoteRecord): Map<string, NoteRecord> {
  const out = new Map<string, NoteRecord>();
  const rank = ctx.rank(partner);
  for (const [p, n] of byPartner ?? []) {
    if (!out.has(partner) && ctx.rank(p) > rank) out.set(partner, note);
    out.set(p, n);
  }
  if (!out.has(partner)) out.set(partner, note);
  return out;
}

function byFirstNote(a: Where, b: Where): number {
  return a.place - b.place || a.note - b.note || a.at - b.at;
}

function built(
  ctx: Context,
  held: readonly Meeting[],
  offers: readonly Offer[],
  notes: NoteRecord[],
  starts: number[],
  byTheme: Themes,
  segments: Map<string, Segment> | undefined,
  unserved: Map<string, Unserved> | undefined,
): RoundNotes {
  // Categories in their order, and within one the themes in the order the notes first give them.
  const entries: ThemeEntry[] = [];
  const firmPlaces: { category: NoteCategory; id: string; first: Where; byPartner: Map<string, NoteRecord> }[] = [];
  for (const category of NOTE_CATEGORIES) {
    const themes = byTheme.get(category);
    if (!themes) continue;
    const listed: ThemeState[] = [];
    for (const [id, s] of themes) {
      listed.push(s);
      if (s.firm) firmPlaces.push({ category, id, ...s.firm });
    }
    listed.sort((a, b) => byFirstNote(a.first, b.first));
    for (const s of listed) entries.push(s.entry);
  }
  const { entries: kept, suggestedOnce } = withoutLoneSuggestions(entries);
  const themes = kept.sort((a, b) =>
    NOTE_CATEGORIES.indexOf(a.category) - NOTE_CATEGORIES.indexOf(b.category)
    || b.partners.length - a.partners.length
    || sourceRank(a.source) - sourceRank(b.source)
    || byName(a.label, b.label));
  // The firm themes in the order the notes first give them, their categories too (as firmThemes gives them).
  firmPlaces.sort((a, b) => byFirstNote(a.first, b.first));
  const firm: FirmThemes = new Map();
  for (const f of firmPlaces) {
    let themesOf = firm.get(f.category);
    if (!themesOf) firm.set(f.category, (themesOf = new Map()));
    themesOf.set(f.id, f.byPartner);
  }
  // The goals no next step serves: each partner's, in partner order, or the round's at once.
  const goals = unserved && segments ? joined([...segments.keys()].map((p) => unserved.get(p) ?? NONE_UNSERVED)) : unservedGoals(ctx, held, () => '').get('') ?? NONE_UNSERVED;
  return { notes, themes, suggestedOnce, firm, opps: opportunities(ctx, firm, offers, goals), starts, byTheme, segments, unserved };
}

/** The partners' unserved goals one after another: the first MAX_LISTED, and how many in all. */
function joined(parts: readonly Unserved[]): Unserved {
  const items: Quote[] = [];
  let total = 0;
  for (const u of parts) {
    total += u.total;
    for (const q of u.items) if (items.length < MAX_LISTED) items.push(q);
  }
  return { items, total };
}
