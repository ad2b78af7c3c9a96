// The round a summary is made of, as every section reads it: the partners of
// the round with their names and order, the notes of its meetings with their
// themes, and quotes and lines that link back to the files. What outlives one
// summary is kept in the SummaryCache the context is given.
import type { IndexedDocument, Meeting, WorkspaceIndex } from '../workspace';
import type { WorksheetFacts } from '../facts';
import { factsOfKind } from '../facts';
import type { ThemeMatcher } from './themes';
import type { RawNote, SummaryCache } from './cache';
import type { NoteCategory, PartnerRef, Quote, ThemeSource } from './model';
import { byCodeUnit } from '../order';

/** Quotes stay short: the panel is read on a shared screen. */
const QUOTE_MAX = 140;

/**
 * How many items one list of the summary holds; its total is kept beside it.
 * A round of a few dozen meetings never reaches it. One of thousands would
 * otherwise post megabytes to the panel on every change, for lists nobody
 * reads to the end, and spend most of the summary's time building them.
 */
export const MAX_LISTED = 50;

/** The first MAX_LISTED items, and how many there were. */
export function listed<T>(items: T[]): { items: T[]; total: number } {
  return { items: items.length > MAX_LISTED ? items.slice(0, MAX_LISTED) : items, total: items.length };
}

/**
 * What `listed(items.sort(compare))` gives (the sort is stable), without
 * sorting them all: a round of thousands of meetings has thousands of gaps
 * and overdue steps, of which MAX_LISTED are shown. One pass keeps the first
 * MAX_LISTED in order; most items lose their one comparison with the last
 * kept. `items` is left as it was.
 */
export function firstListed<T>(items: readonly T[], compare: (a: T, b: T) => number): { items: T[]; total: number } {
  const kept: T[] = [];
  for (const item of items) {
    if (kept.length === MAX_LISTED && compare(item, kept[MAX_LISTED - 1]) >= 0) continue;
    // After every kept item that compares equal: the earlier stays first, as in a stable sort.
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(item, kept[mid]) < 0) hi = mid;
      else lo = mid + 1;
    }
    kept.splice(lo, 0, item);
    if (kept.length > MAX_LISTED) kept.pop();
  }
  return { items: kept, total: items.length };
}

export interface NoteRecord {
  doc: IndexedDocument;
  partner: PartnerRef;
  note: RawNote;
  themes: string[];
  source: ThemeSource;
}

/**
 * category -> theme -> partner id -> that partner's first note of the
 * category with the theme: suggested keywords left out (people have not
 * confirmed them, and they are not comparable across rounds). Categories and
 * themes in the order the notes first give them.
 */
export type FirmThemes = Map<NoteCategory, Map<string, Map<string, NoteRecord>>>;

/**
 * The firm themes of these notes: the round before's, for the trends. The
 * reviewed round's are kept by sections/round-notes.ts, edit by edit, and
 * come out the same (the tests compare them).
 */
export function firmThemes(notes: readonly NoteRecord[]): FirmThemes {
  const out: FirmThemes = new Map();
  for (const n of notes) {
    if (n.source === 'suggested' || n.themes.length === 0) continue;
    const category = n.note.category;
    let themes = out.get(category);
    if (!themes) out.set(category, (themes = new Map()));
    for (const t of n.themes) {
      let byPartner = themes.get(t);
      if (!byPartner) themes.set(t, (byPartner = new Map()));
      if (!byPartner.has(n.partner.id)) byPartner.set(n.partner.id, n);
    }
  }
  return out;
}

export function shorten(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length <= QUOTE_MAX ? one : `${one.slice(0, QUOTE_MAX - 1).trimEnd()}…`;
}

/**
 * Organisation names compare in the reader's sense of order ("Ō" beside "O"),
 * and fast. Made when first asked for: setting up a collator costs 7 ms, on
 * the extension's activation and on every command, which mostly sort nothing by name.
 */
let collator: Intl.Collator | undefined;
export const byName = (a: string, b: string): number => (collator ??= new Intl.Collator('en', { sensitivity: 'base', numeric: true })).compare(a, b);

export class Context {
  private readonly partners = new Map<string, PartnerRef>();
  /** Organisation names by partner id, read once (index.partner() copies its list on every call). */
  private readonly names: Map<string, string>;

  private ranks: ReadonlyMap<string, number> | undefined;

  constructor(
    readonly index: WorkspaceIndex,
    readonly cache: SummaryCache,
    readonly matcher: ThemeMatcher,
    readonly today: string,
    private readonly round: readonly Meeting[],
  ) {
    this.names = new Map(index.partners().map((p) => [p.id, p.organization]));
  }

  /**
   * A partner's place in name order. Lists of thousands of partners sort by
   * it: one collation per partner instead of one per comparison.
   */
  rank(partnerId: string): number {
    return this.ranking().get(partnerId) ?? Number.MAX_SAFE_INTEGER;
  }

  /** Partner ids to their place in name order: the same map while the round's partners and names stay the same. */
  ranking(): ReadonlyMap<string, number> {
    if (!this.ranks) {
      const refs = [...new Map(this.round.map((m) => [m.partnerId, this.partner(m)])).values()];
      // The same partners and names as the last review: the same order, without collating again.
      const key = refs.map((p) => `${p.id}\u0001${p.organization}`).join('\u0000');
      this.ranks = this.cache.ranks(key, () => {
        refs.sort((a, b) => byName(a.organization, b.organization) || byCodeUnit(a.id, b.id));
        return new Map(refs.map((p, i) => [p.id, i]));
      });
    }
    return this.ranks;
  }

  /** Compares by partner, in name order. */
  readonly byPartner = (a: { partner: PartnerRef }, b: { partner: PartnerRef }): number =>
    this.rank(a.partner.id) - this.rank(b.partner.id) || byCodeUnit(a.partner.id, b.partner.id);

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
   * run per note: only the reviewed round asks for them. `starts`, if given,
   * gets where each meeting's notes start, and last the notes' number.
   */
  notes(meetings: readonly Meeting[], suggest: boolean, starts?: number[]): NoteRecord[] {
    const out: NoteRecord[] = [];
    for (const meeting of meetings) {
      starts?.push(out.length);
      const doc = this.index.get(meeting.uri);
      if (!doc) continue;
      const partner = this.partner(meeting);
      for (const { note, themes, source } of this.cache.noteThemes(doc, this.matcher, suggest)) out.push({ doc, partner, note, themes, source });
    }
    starts?.push(out.length);
    return out;
  }

  quote(n: NoteRecord, source: ThemeSource | undefined = n.source): Quote {
    n.note.shortQuote ??= shorten(n.note.quote);
    const q: Quote = { partner: n.partner, text: n.note.shortQuote, uri: n.doc.uri, line: this.cache.noteLine(n.doc, n.note) };
    if (source) q.source = source;
    return q;
  }

  /** The goal's own words (not a quote): what the offers and next steps are compared with. */
  goal(n: NoteRecord): Quote {
    return { partner: n.partner, text: shorten(n.note.text), uri: n.doc.uri, line: this.cache.noteLine(n.doc, n.note), source: n.source };
  }

  /** The whole facts of a meeting's worksheet. */
  worksheet(meeting: Meeting): WorksheetFacts | undefined {
    const doc = this.index.get(meeting.uri);
    return doc && factsOfKind(doc.facts, 'worksheet');
  }

  line(meeting: Meeting, keys: string[]): number {
    const doc = this.index.get(meeting.uri);
    return doc ? this.cache.keyLine(doc, keys) : 1;
  }
}
