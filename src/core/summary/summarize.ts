// The team review of a round, as plain JSON: coverage, similarities, outliers,
// trends against the previous round, opportunities, open gaps and the team's
// commitments. The panel, the Markdown and HTML exports and the CLI all render
// this one structure (./model.ts).
//
// It runs on every live update of the panel and over rounds of thousands of
// meetings, so every step is one pass over the notes with maps keyed by theme
// or partner, and what depends on one document only (its notes, their themes,
// their lines) is cached per indexed document: an edit recomputes one file.
import type { IndexedDocument, Meeting, WorkspaceIndex } from '../workspace';
import type { Offer, Theme } from '../facts/settings';
import { FILLED, HELD, isHeld, statusRank } from '../facts/status';
import { field, isBlock, list, noteText, text } from '../facts/data';
import { daysBetween, isIsoDate } from '../dates';
import { ThemeMatcher, sourceRank, stemOf, suggestThemes, vocabularyKey, words } from './themes';
import { SourceLines } from './locate';
import { NOTE_CATEGORIES } from './model';
import type {
  Cluster, Commitment, Complement, Coverage, DatedItem, Gap, NoteCategory, OfferMatch, Opportunities, Outlier,
  PartnerRef, Quote, ReviewSummary, Status, ThemeEntry, ThemeSource, Trend, Trends,
} from './model';

export * from './model';

export interface SummaryOptions {
  /** The round to review; default: the latest with a held meeting. */
  round?: string;
  /** ISO date that overdue items are measured against. */
  today: string;
}

const STATUSES: readonly Status[] = ['planned', 'prepared', 'held', 'filled', 'shared'];
/** Quotes stay short: the panel is read on a shared screen. */
const QUOTE_MAX = 140;

// ---- per-document cache -------------------------------------------------------

interface RawNote {
  category: NoteCategory;
  index: number;
  text: string;
  /** Their words when the note has a `quote`, else the note. */
  quote: string;
  tags: string[];
  /** The quote cut to length, made when first quoted. */
  shortQuote?: string;
  /** 1-based line, found when first linked. */
  line?: number;
  /** The text as compared with next steps (see normal()), made when first compared. */
  normal?: string;
}

interface NoteThemes {
  note: RawNote;
  themes: string[];
  source: ThemeSource;
}

interface DocCache {
  notes: RawNote[];
  source?: SourceLines;
  lines?: Map<NoteCategory, number[]>;
  /** Lines of key paths (`next_step.due`), found when first linked. */
  keyLines?: Map<string, number>;
  /** The next step's goal as compared with goals (see normal()). */
  servesGoal?: { text: string; normal: string };
  /** Vocabulary matches of each untagged note, for one vocabulary. */
  matched?: { key: string; ids: string[][] };
  /** Themes of the tagged and matched notes, each once in note order, for one vocabulary. */
  firm?: { key: string; ids: string[] };
  /** The notes with themes, for one vocabulary, with suggestions or without. */
  themed?: { key: string; suggest: boolean; list: NoteThemes[] };
}

// Indexed documents are replaced, never mutated, when their text changes: a
// WeakMap on them is a cache that invalidates itself and never outlives them.
const docCache = new WeakMap<IndexedDocument, DocCache>();

function cacheOf(doc: IndexedDocument): DocCache {
  let c = docCache.get(doc);
  if (!c) {
    const notes: RawNote[] = [];
    for (const category of NOTE_CATEGORIES) {
      list(field(doc.data, 'notes', category)).forEach((n, index) => {
        const t = noteText(n);
        if (!t) return;
        const tags = list(field(n, 'themes')).filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
        notes.push({ category, index, text: t, quote: text(field(n, 'quote')) ?? t, tags });
      });
    }
    c = { notes };
    docCache.set(doc, c);
  }
  return c;
}

function sourceOf(doc: IndexedDocument): SourceLines {
  const c = cacheOf(doc);
  c.source ??= new SourceLines(doc.uri, doc.text);
  return c.source;
}

function noteLine(doc: IndexedDocument, note: RawNote): number {
  note.line ??= findNoteLine(doc, note);
  return note.line;
}

function findNoteLine(doc: IndexedDocument, note: RawNote): number {
  // The index keeps the lines of its own parse; documents from elsewhere are searched.
  const kept = doc.lines?.[`notes.${note.category}.${note.index}`];
  if (kept) return kept;
  const c = cacheOf(doc);
  c.lines ??= new Map();
  let lines = c.lines.get(note.category);
  if (!lines) {
    const items = list(field(doc.data, 'notes', note.category)).map(noteText);
    lines = sourceOf(doc).itemLines(['notes', note.category], items);
    c.lines.set(note.category, lines);
  }
  return lines[note.index] ?? 1;
}

function vocabularyMatches(doc: IndexedDocument, matcher: ThemeMatcher): string[][] {
  const c = cacheOf(doc);
  if (c.matched?.key !== matcher.key) c.matched = { key: matcher.key, ids: c.notes.map((n) => (n.tags.length ? [] : matcher.match(n.text))) };
  return c.matched.ids;
}

/** Each note of a document that has themes, with them and where they come from. */
function noteThemes(doc: IndexedDocument, matcher: ThemeMatcher, suggest: boolean): readonly NoteThemes[] {
  const c = cacheOf(doc);
  if (c.themed?.key !== matcher.key || c.themed.suggest !== suggest) {
    const matched = vocabularyMatches(doc, matcher);
    const list: NoteThemes[] = [];
    c.notes.forEach((note, i) => {
      let themes: string[];
      let source: ThemeSource;
      if (note.tags.length) {
        themes = [...new Set(note.tags)];
        source = 'tagged';
      } else if (matched[i].length || !suggest) {
        themes = matched[i];
        source = 'matched';
      } else {
        themes = suggestThemes(note.text);
        source = 'suggested';
      }
      if (themes.length) list.push({ note, themes, source });
    });
    c.themed = { key: matcher.key, suggest, list };
  }
  return c.themed.list;
}

/** The themes of a document's notes that are no suggestion: what rounds are compared on. */
function firmThemes(doc: IndexedDocument, matcher: ThemeMatcher): string[] {
  const c = cacheOf(doc);
  if (c.firm?.key !== matcher.key) {
    const matched = vocabularyMatches(doc, matcher);
    const ids = new Set<string>();
    c.notes.forEach((note, i) => {
      for (const id of note.tags.length ? note.tags : matched[i]) ids.add(id);
    });
    c.firm = { key: matcher.key, ids: [...ids] };
  }
  return c.firm.ids;
}

const matchers = new Map<string, ThemeMatcher>();

/** One compiled matcher per vocabulary, kept while the vocabulary stays the same. */
function matcherFor(themes: readonly Theme[]): ThemeMatcher {
  const key = vocabularyKey(themes);
  let m = matchers.get(key);
  if (!m) {
    if (matchers.size >= 8) matchers.clear();
    m = new ThemeMatcher(themes);
    matchers.set(key, m);
  }
  return m;
}

// ---- notes with themes --------------------------------------------------------

interface NoteRecord {
  doc: IndexedDocument;
  partner: PartnerRef;
  note: RawNote;
  themes: string[];
  source: ThemeSource;
}

function shorten(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length <= QUOTE_MAX ? one : `${one.slice(0, QUOTE_MAX - 1).trimEnd()}…`;
}

/** Organisation names compare in the reader's sense of order ("Ō" beside "O"), and fast. */
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const byName = (a: string, b: string): number => collator.compare(a, b);
/** Code-unit order, for ISO dates, ids and URIs. */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The partner order of the last review (see Context.rank). */
let lastRanks: { key: string; ranks: ReadonlyMap<string, number> } | undefined;

class Context {
  private readonly partners = new Map<string, PartnerRef>();
  /** Organisation names by partner id, read once (index.partner() copies its list on every call). */
  private readonly names: Map<string, string>;

  private ranks: ReadonlyMap<string, number> | undefined;

  constructor(readonly index: WorkspaceIndex, readonly matcher: ThemeMatcher, readonly today: string, private readonly round: readonly Meeting[]) {
    this.names = new Map(index.partners().map((p) => [p.id, p.organization]));
  }

  /**
   * A partner's place in name order. Lists of thousands of partners sort by
   * it: one collation per partner instead of one per comparison.
   */
  rank(partnerId: string): number {
    if (!this.ranks) {
      const refs = [...new Map(this.round.map((m) => [m.partnerId, this.partner(m)])).values()];
      // The same partners and names as the last review: the same order, without collating again.
      const key = refs.map((p) => `${p.id}\u0001${p.organization}`).join('\u0000');
      if (lastRanks?.key !== key) {
        refs.sort((a, b) => byName(a.organization, b.organization) || cmp(a.id, b.id));
        lastRanks = { key, ranks: new Map(refs.map((p, i) => [p.id, i])) };
      }
      this.ranks = lastRanks.ranks;
    }
    return this.ranks.get(partnerId) ?? Number.MAX_SAFE_INTEGER;
  }

  /** Compares by partner, in name order. */
  readonly byPartner = (a: { partner: PartnerRef }, b: { partner: PartnerRef }): number =>
    this.rank(a.partner.id) - this.rank(b.partner.id) || cmp(a.partner.id, b.partner.id);

  partner(m: Meeting): PartnerRef {
    let p = this.partners.get(m.partnerId);
    if (!p) {
      p = { id: m.partnerId, organization: this.names.get(m.partnerId) ?? m.organization ?? m.partnerId };
      this.partners.set(m.partnerId, p);
    }
    return p;
  }

  /**
   * The notes of these meetings with their themes. Suggestions cost a tagger
   * run per note: only the reviewed round asks for them.
   */
  notes(meetings: readonly Meeting[], suggest: boolean): NoteRecord[] {
    const out: NoteRecord[] = [];
    for (const meeting of meetings) {
      const doc = this.index.get(meeting.uri);
      if (!doc) continue;
      const partner = this.partner(meeting);
      for (const { note, themes, source } of noteThemes(doc, this.matcher, suggest)) out.push({ doc, partner, note, themes, source });
    }
    return out;
  }

  quote(n: NoteRecord, source: ThemeSource | undefined = n.source): Quote {
    n.note.shortQuote ??= shorten(n.note.quote);
    const q: Quote = { partner: n.partner, text: n.note.shortQuote, uri: n.doc.uri, line: noteLine(n.doc, n.note) };
    if (source) q.source = source;
    return q;
  }

  /** The goal's own words (not a quote): what the offers and next steps are compared with. */
  goal(n: NoteRecord): Quote {
    return { partner: n.partner, text: shorten(n.note.text), uri: n.doc.uri, line: noteLine(n.doc, n.note), source: n.source };
  }

  line(meeting: Meeting, keys: string[]): number {
    const doc = this.index.get(meeting.uri);
    if (!doc) return 1;
    const key = keys.join('.');
    const c = cacheOf(doc);
    c.keyLines ??= new Map();
    let line = c.keyLines.get(key);
    if (line === undefined) {
      line = doc.lines?.[key] ?? sourceOf(doc).keyLine(keys);
      c.keyLines.set(key, line);
    }
    return line;
  }
}

// ---- the summary --------------------------------------------------------------

/**
 * How many items one list of the summary holds; its total is kept beside it.
 * A round of a few dozen meetings never reaches it. One of thousands would
 * otherwise post megabytes to the panel on every change, for lists nobody
 * reads to the end, and spend most of the summary's time building them.
 */
export const MAX_LISTED = 50;

/** The first MAX_LISTED items, and how many there were. */
function listed<T>(items: T[]): { items: T[]; total: number } {
  return { items: items.length > MAX_LISTED ? items.slice(0, MAX_LISTED) : items, total: items.length };
}

export function summarize(index: WorkspaceIndex, options: SummaryOptions): ReviewSummary {
  const rounds = index.rounds();
  const byRound = new Map<string, Meeting[]>();
  for (const m of index.meetings()) {
    if (m.round === undefined) continue;
    const l = byRound.get(m.round);
    if (l) l.push(m);
    else byRound.set(m.round, [m]);
  }
  const round = options.round ?? [...rounds].reverse().find((r) => byRound.get(r)?.some((m) => isHeld(m.status))) ?? rounds[rounds.length - 1] ?? '';
  const at = rounds.indexOf(round);
  const previousRound = at > 0 ? rounds[at - 1] : undefined;

  const byDate = (a: Meeting, b: Meeting) => cmp(a.date ?? '9999', b.date ?? '9999') || cmp(a.uri, b.uri);
  const meetings = [...(byRound.get(round) ?? [])].sort(byDate);
  const reviews = index.documents('review').filter((d) => d.round === round).sort((a, b) => cmp(a.uri, b.uri));
  const config = index.configFor(meetings[0]?.uri ?? reviews[0]?.uri ?? '');
  const ctx = new Context(index, matcherFor(config.themes), options.today, meetings);
  // Gaps first: checking the round's files parses each of them once, and the
  // index keeps the note lines of those parses for the quotes below.
  const gapList = gaps(ctx, meetings, reviews);
  // Partner name order, then date: every list built from the notes (quotes,
  // needs and offers, clusters, goals) comes out in the order it is shown in,
  // with each partner's first meeting of the round first, and needs no sort.
  const held = meetings.filter((m) => isHeld(m.status)).sort((a, b) => ctx.rank(a.partnerId) - ctx.rank(b.partnerId) || byDate(a, b));
  const previousHeld = (previousRound ? byRound.get(previousRound) ?? [] : []).filter((m) => isHeld(m.status));

  const notes = ctx.notes(held, true);
  const entries = themeEntries(ctx, notes);
  const themes = entries.sort((a, b) =>
    NOTE_CATEGORIES.indexOf(a.category) - NOTE_CATEGORIES.indexOf(b.category)
    || b.partners.length - a.partners.length
    || sourceRank(a.source) - sourceRank(b.source)
    || byName(a.label, b.label));

  return {
    round,
    rounds,
    previousRound,
    today: options.today,
    coverage: coverage(ctx, meetings, held, config.thresholds.meetingMinutes),
    similarities: NOTE_CATEGORIES.map((category) => ({ category, themes: themes.filter((e) => e.category === category && e.partners.length >= 2) })),
    outliers: outliers(ctx, held, notes, themes),
    trends: trends(ctx, held, previousRound ? previousHeld : undefined),
    opportunities: opportunities(ctx, notes, held, config.offers),
    gaps: gapList.items,
    gapsTotal: gapList.total,
    commitments: commitments(reviews, options.today),
    ...(reviews[0] ? { review: { uri: reviews[0].uri, line: 1 } } : {}),
    themes: themes.map((e) => ({ id: e.id, label: e.label, category: e.category, partners: e.partners, source: e.source })),
  };
}

/** Themes per category, counting partners (each once) with their first quote, in partner order. */
function themeEntries(ctx: Context, notes: readonly NoteRecord[]): ThemeEntry[] {
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

function median(xs: number[]): number | undefined {
  if (!xs.length) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function coverage(ctx: Context, meetings: readonly Meeting[], held: readonly Meeting[], range: { min: number; max: number }): Coverage {
  const meetingCounts = { planned: 0, prepared: 0, held: 0, filled: 0, shared: 0, total: meetings.length };
  const furthest = new Map<string, { rank: number; meeting: Meeting }>();
  for (const m of meetings) {
    const rank = statusRank(m.status);
    if (rank >= 0) meetingCounts[STATUSES[rank]]++;
    const f = furthest.get(m.partnerId);
    if (!f || rank > f.rank) furthest.set(m.partnerId, { rank, meeting: m });
  }
  const partnerCounts = { planned: 0, prepared: 0, held: 0, filled: 0, shared: 0, total: furthest.size };
  const toMeet: Coverage['toMeet'] = [];
  for (const { rank, meeting: m } of furthest.values()) {
    if (rank >= 0) partnerCounts[STATUSES[rank]]++;
    if (rank >= HELD) continue;
    // Built field by field (spreads of optional fields allocate): the same keys in the same order.
    const p = ctx.partner(m);
    const item: Coverage['toMeet'][number] = { id: p.id, organization: p.organization, uri: m.uri, line: m.range.start.line + 1 };
    if (m.date) item.date = m.date;
    if (m.status) item.status = m.status;
    toMeet.push(item);
  }
  toMeet.sort((a, b) => byName(a.organization, b.organization));
  const toMeetList = listed(toMeet);

  const today = ctx.today;
  // Due dates repeat across a round: each one's lateness is counted once.
  const lateness = new Map<string, number>();
  const late = (date: string): number => {
    let days = lateness.get(date);
    if (days === undefined) lateness.set(date, (days = daysBetween(date, today)));
    return days;
  };
  const overdueNextSteps: DatedItem[] = [];
  const overdueFollowUps: DatedItem[] = [];
  for (const m of meetings) {
    const n = m.nextStep;
    if (n && (n.status ?? 'open') === 'open' && isIsoDate(n.due) && n.due < today) {
      const partner = ctx.partner(m);
      const daysLate = late(n.due);
      const line = ctx.line(m, ['next_step', 'due']);
      overdueNextSteps.push(n.owner
        ? { partner, text: n.action, date: n.due, owner: n.owner, daysLate, uri: m.uri, line }
        : { partner, text: n.action, date: n.due, daysLate, uri: m.uri, line });
    }
    const data = ctx.index.get(m.uri)?.data;
    if (!n && m.followUpDate && m.followUpDate < today && field(data, 'follow_up', 'done') !== true) {
      const owner = text(field(data, 'follow_up', 'owner'));
      const partner = ctx.partner(m);
      const label = `Follow up with ${partner.organization}`;
      const daysLate = late(m.followUpDate);
      const line = ctx.line(m, ['follow_up', 'date']);
      overdueFollowUps.push(owner
        ? { partner, text: label, date: m.followUpDate, owner, daysLate, uri: m.uri, line }
        : { partner, text: label, date: m.followUpDate, daysLate, uri: m.uri, line });
    }
  }
  const byLate = (a: DatedItem, b: DatedItem) => b.daysLate - a.daysLate || ctx.byPartner(a, b);
  const steps = listed(overdueNextSteps.sort(byLate));
  const followUps = listed(overdueFollowUps.sort(byLate));

  const minutes = held.map((m) => m.durationMinutes).filter((x): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0);
  const med = median(minutes);
  const asked = (m: Meeting) => {
    // The same test as the missing-confirmation rule: asked, or a response recorded.
    const c = field(ctx.index.get(m.uri)?.data, 'confirmation');
    return isBlock(c) && (c.asked === true || c.response === 'confirmed' || c.response === 'corrected');
  };
  return {
    partners: partnerCounts,
    meetings: meetingCounts,
    funnel: {
      planned: meetings.length,
      held: held.length,
      filled: meetings.filter((m) => statusRank(m.status) >= FILLED).length,
      shared: meetingCounts.shared,
    },
    toMeet: toMeetList.items,
    toMeetTotal: toMeetList.total,
    confirmation: { count: held.filter(asked).length, total: held.length },
    nextStep: { count: held.filter((m) => m.nextStep).length, total: held.length },
    followUpOnly: { count: held.filter((m) => !m.nextStep && m.followUpDate).length, total: held.length },
    overdueNextSteps: steps.items,
    overdueNextStepsTotal: steps.total,
    overdueFollowUps: followUps.items,
    overdueFollowUpsTotal: followUps.total,
    ...(med === undefined ? {} : { medianMinutes: med }),
    withinRange: { count: minutes.filter((x) => x >= range.min && x <= range.max).length, total: minutes.length },
    range,
  };
}

/** Themes only one partner raised (any category) that sit in their success in their own words. */
function outliers(ctx: Context, held: readonly Meeting[], notes: readonly NoteRecord[], entries: readonly ThemeEntry[]): Outlier[] {
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

/**
 * Partners per theme (suggestions left out: they are not comparable across
 * rounds), themes and partners in the order their notes come.
 */
function partnersPerTheme(ctx: Context, meetings: readonly Meeting[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const m of meetings) {
    const doc = ctx.index.get(m.uri);
    if (!doc) continue;
    for (const id of firmThemes(doc, ctx.matcher)) {
      const s = map.get(id);
      if (s) s.add(m.partnerId);
      else map.set(id, new Set([m.partnerId]));
    }
  }
  return map;
}

/** The reviewed round's held meetings against the previous round's, when there is one. */
function trends(ctx: Context, held: readonly Meeting[], previousHeld: readonly Meeting[] | undefined): Trends {
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

/** Lower-case words joined by single spaces: how goal texts are compared. */
function normal(s: string): string {
  return words(s).join(' ');
}

/** normal() of a meeting's next step goal, kept with its document. */
function servesGoal(ctx: Context, m: Meeting, goal: string): string {
  const doc = ctx.index.get(m.uri);
  if (!doc) return normal(goal);
  const c = cacheOf(doc);
  if (c.servesGoal?.text !== goal) c.servesGoal = { text: goal, normal: normal(goal) };
  return c.servesGoal.normal;
}

function opportunities(ctx: Context, notes: readonly NoteRecord[], held: readonly Meeting[], offers: readonly Offer[]): Opportunities {
  // Suggested keywords are for people to confirm; pairing partners on them would be guesswork.
  const firm = notes.filter((n) => n.source !== 'suggested');
  /** category -> theme -> partner -> their first note of the category with that theme. */
  const byTheme = new Map<NoteCategory, Map<string, Map<string, NoteRecord>>>([['goals', new Map()], ['challenges', new Map()], ['commitments', new Map()]]);
  for (const n of firm) {
    const map = byTheme.get(n.note.category);
    if (!map) continue;
    for (const t of n.themes) {
      let byPartner = map.get(t);
      if (!byPartner) map.set(t, (byPartner = new Map()));
      if (!byPartner.has(n.partner.id)) byPartner.set(n.partner.id, n);
    }
  }
  const goals = byTheme.get('goals')!;
  const challenges = byTheme.get('challenges')!;
  const commitments = byTheme.get('commitments')!;

  // (a) Our offers against partner goals, by shared theme; one goal per partner and offer.
  const offerMatches: OfferMatch[] = [];
  for (const offer of offers) {
    const chosen = new Map<string, NoteRecord>();
    for (const t of offer.themes) for (const [p, n] of goals.get(t) ?? []) if (!chosen.has(p)) chosen.set(p, n);
    if (!chosen.size) continue;
    // Sorted as notes, so only the goals listed are quoted.
    const listedGoals = listed([...chosen.values()].sort(ctx.byPartner));
    offerMatches.push({ offer: { text: offer.text, themes: offer.themes }, goals: listedGoals.items.map((n) => ctx.goal(n)), goalsTotal: listedGoals.total });
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

  // (d) Goals no next step serves: compared as words, either containing the other.
  const serves = new Map<string, string[]>();
  for (const m of held) {
    const goal = m.nextStep?.servesGoal;
    if (!goal || m.nextStep?.status === 'dropped') continue;
    const l = serves.get(m.partnerId) ?? [];
    l.push(servesGoal(ctx, m, goal));
    serves.set(m.partnerId, l);
  }
  const unservedGoals: Quote[] = [];
  let unservedGoalsTotal = 0;
  const seenGoal = new Set<string>();
  for (const m of held) {
    const doc = ctx.index.get(m.uri);
    if (!doc) continue;
    for (const note of cacheOf(doc).notes) {
      if (note.category !== 'goals') continue;
      const g = (note.normal ??= normal(note.text));
      const key = `${m.partnerId}\u0000${g}`;
      if (!g || seenGoal.has(key)) continue;
      seenGoal.add(key);
      const served = (serves.get(m.partnerId) ?? []).some((s) => s === g || (s.length > 0 && (g.includes(s) || s.includes(g))));
      if (served) continue;
      if (++unservedGoalsTotal <= MAX_LISTED) unservedGoals.push({ partner: ctx.partner(m), text: shorten(note.text), uri: doc.uri, line: noteLine(doc, note) });
    }
  }
  return { offers: offerMatches, complementary, clusters: clusterList, unservedGoals, unservedGoalsTotal };
}

function gaps(ctx: Context, meetings: readonly Meeting[], reviews: readonly IndexedDocument[]): { items: Gap[]; total: number } {
  const partnerOf = new Map<string, PartnerRef>();
  for (const m of meetings) partnerOf.set(m.uri, ctx.partner(m));
  const uris = [...new Set([...meetings.map((m) => m.uri), ...reviews.map((d) => d.uri)])];
  const out: Gap[] = [];
  for (const uri of uris) {
    const partner = partnerOf.get(uri);
    let file: string | undefined;
    for (const f of ctx.index.check(uri)) {
      if (f.severity === 'info') continue;
      file ??= uri.split('/').slice(-2).join('/');
      const gap: Gap = { uri, line: f.range.start.line + 1, code: f.code, severity: f.severity, message: f.message, file };
      if (partner) gap.partner = partner;
      out.push(gap);
    }
  }
  return listed(out.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || cmp(a.file, b.file) || a.line - b.line));
}

function commitments(reviews: readonly IndexedDocument[], today: string): Commitment[] {
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
