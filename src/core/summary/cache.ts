// What the team review keeps between runs. The summary runs on every live
// update of the panel, over rounds of thousands of meetings: what depends on
// one document only (its notes, their themes, their lines) is kept per indexed
// document, so an edit recomputes one file; the compiled theme matchers and the
// last partner order are kept while the vocabulary and the partners stay the
// same; each section of the last review (kept()) and the round's orders
// (ordered()) while what they read stays the same. The workspace index owns one SummaryCache and tells it which documents
// it replaced; the summary is handed the cache, so it holds no state itself.
import type { IndexedDocument } from '../workspace/indexed-document';
import type { NoteCategory, NoteFacts, Theme } from '../facts';
import { NOTE_CATEGORIES, factsOfKind } from '../facts';
import { ThemeMatcher, vocabularyKey, words } from './themes';
import { SourceLines } from './locate';
import { Memo } from '../memo';
import type { ThemeSource } from './model';

export interface RawNote {
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

export interface NoteThemes {
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

/** A worksheet's notes of one category. */
function notesOf(doc: IndexedDocument, category: NoteCategory): readonly NoteFacts[] {
  return factsOfKind(doc.facts, 'worksheet')?.notes[category] ?? [];
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Lower-case words joined by single spaces: how goal texts are compared. */
export function normal(s: string): string {
  return words(s).join(' ');
}

/**
 * A section of the last review brought up to date where at most `most` of
 * its entries changed: `apply` gets the last value, the places of the changed
 * entries (in order) and the last entries, and gives the new value, or
 * undefined to have it made afresh.
 */
export interface Patch<E, T> {
  most: number;
  apply(before: T, changed: readonly number[], entries: readonly E[]): T | undefined;
}

export class SummaryCache {
  // Indexed documents are replaced, never mutated, when their text changes: a
  // WeakMap on them never outlives them, and the index forgets replaced ones.
  private readonly docs = new WeakMap<IndexedDocument, DocCache>();
  private readonly matchers = new Memo<ThemeMatcher>(8);
  /** The partner order of the last review (see ranks()). */
  private lastRanks: { key: string; ranks: ReadonlyMap<string, number> } | undefined;
  /** What the last review worked out of the round it reviewed, by section (see kept()). */
  private readonly sections = new Map<string, { deps: readonly unknown[]; entries: readonly unknown[]; value: unknown }>();
  /** The last order of each list the review sorts (see ordered()). */
  private readonly orders = new Map<string, { keys: readonly string[]; deps: readonly unknown[]; order: readonly number[] }>();

  /** Drop what was kept of a document the index replaced or removed. */
  forget(doc: IndexedDocument): void {
    this.docs.delete(doc);
  }

  /** Drop everything (the index took back a snapshot). */
  clear(): void {
    this.matchers.clear();
    this.lastRanks = undefined;
    this.sections.clear();
    this.orders.clear();
  }

  /**
   * What `make()` works out for a section of the review (`slot`: the notes,
   * the gaps, the coverage, the round before): the last review's, when
   * `deps` are the very same and each of `entries` (what the section reads,
   * one per meeting or file, in order) is `same` as the last review's at its
   * place. An edit of one worksheet that leaves what
   * a section reads as it was then costs a comparison per meeting instead of
   * working the section out of the whole round again. `same` must hold only
   * where `make()` would give an equal value. With `patch`, a section where
   * a few entries changed is brought up to date from the last value.
   */
  kept<E, T>(slot: string, deps: readonly unknown[], entries: readonly E[], same: (before: E, now: E) => boolean, make: () => T, patch?: Patch<E, T>): T {
    const last = this.sections.get(slot);
    if (last && sameItems(last.deps, deps) && last.entries.length === entries.length) {
      const changed: number[] = [];
      const most = patch?.most ?? 0;
      for (let i = 0; i < entries.length && changed.length <= most; i++) if (!same(last.entries[i] as E, entries[i])) changed.push(i);
      // Compared next time with the documents as they are now: a document edited once is compared in full once.
      const value = changed.length === 0 ? (last.value as T) : changed.length <= most ? patch!.apply(last.value as T, changed, last.entries as readonly E[]) : undefined;
      if (value !== undefined) {
        this.sections.set(slot, { deps, entries, value });
        return value;
      }
    }
    const value = make();
    this.sections.set(slot, { deps, entries, value });
    return value;
  }

  /**
   * The items `order()` picks, in its order (it returns their places in
   * `items`): the last call's order for `slot` when `deps` are the very same
   * and each item's `key` (what the order reads of it) is the last call's at
   * its place. A round of thousands of meetings is sorted by date and by
   * partner on every live update, and an edit mostly replaces one meeting
   * with one sorted alike. Keys, not the items: the index sets a meeting's
   * partner id in place when the aliases change.
   */
  ordered<T>(slot: string, items: readonly T[], deps: readonly unknown[], key: (item: T) => string, order: (items: readonly T[]) => readonly number[]): T[] {
    const last = this.orders.get(slot);
    const keys = items.map(key);
    const kept = last && sameItems(last.deps, deps) && sameItems(last.keys, keys);
    const places = kept ? last.order : order(items);
    this.orders.set(slot, { keys, deps, order: places });
    return places.map((i) => items[i]);
  }

  /**
   * One compiled matcher per vocabulary (agreed themes, and those that only
   * group suggestions), kept while the vocabularies stay the same.
   */
  matcher(themes: readonly Theme[], suggestWith: readonly Theme[] = []): ThemeMatcher {
    return this.matchers.get(vocabularyKey(themes, suggestWith), () => new ThemeMatcher(themes, suggestWith));
  }

  /**
   * The partner order for `key` (the partners and their names): the last
   * review's when they are the same, else `make()`'s.
   */
  ranks(key: string, make: () => ReadonlyMap<string, number>): ReadonlyMap<string, number> {
    if (this.lastRanks?.key !== key) this.lastRanks = { key, ranks: make() };
    return this.lastRanks.ranks;
  }

  /** A document's notes, in category order. */
  notes(doc: IndexedDocument): readonly RawNote[] {
    return this.of(doc).notes;
  }

  /** 1-based line of a note. */
  noteLine(doc: IndexedDocument, note: RawNote): number {
    note.line ??= this.findNoteLine(doc, note);
    return note.line;
  }

  /** 1-based line of a key path (`next_step.due`). */
  keyLine(doc: IndexedDocument, keys: string[]): number {
    const key = keys.join('.');
    const c = this.of(doc);
    c.keyLines ??= new Map();
    let line = c.keyLines.get(key);
    if (line === undefined) {
      line = doc.lines?.[key] ?? this.source(doc).keyLine(keys);
      c.keyLines.set(key, line);
    }
    return line;
  }

  /** Each note of a document that has themes, with them and where they come from. */
  noteThemes(doc: IndexedDocument, matcher: ThemeMatcher, suggest: boolean): readonly NoteThemes[] {
    const c = this.of(doc);
    if (c.themed?.key !== matcher.key || c.themed.suggest !== suggest) {
      const matched = this.vocabularyMatches(doc, matcher);
      const list: NoteThemes[] = [];
      c.notes.forEach((note, i) => {
        let themes: string[];
        let source: ThemeSource;
        if (note.tags.length) {
          themes = [...new Set(note.tags.map((t) => matcher.canonicalTag(t)))];
          source = 'tagged';
        } else if (matched[i].length || !suggest) {
          themes = matched[i];
          source = 'matched';
        } else {
          themes = matcher.suggest(note.text);
          source = 'suggested';
        }
        if (themes.length) list.push({ note, themes, source });
      });
      c.themed = { key: matcher.key, suggest, list };
    }
    return c.themed.list;
  }

  /** The themes of a document's notes that are no suggestion: what rounds are compared on. */
  firmThemes(doc: IndexedDocument, matcher: ThemeMatcher): string[] {
    const c = this.of(doc);
    if (c.firm?.key !== matcher.key) {
      const matched = this.vocabularyMatches(doc, matcher);
      const ids = new Set<string>();
      c.notes.forEach((note, i) => {
        for (const id of note.tags.length ? note.tags.map((t) => matcher.canonicalTag(t)) : matched[i]) ids.add(id);
      });
      c.firm = { key: matcher.key, ids: [...ids] };
    }
    return c.firm.ids;
  }

  /** normal() of a document's next step goal. */
  servesGoal(doc: IndexedDocument, goal: string): string {
    const c = this.of(doc);
    if (c.servesGoal?.text !== goal) c.servesGoal = { text: goal, normal: normal(goal) };
    return c.servesGoal.normal;
  }

  private of(doc: IndexedDocument): DocCache {
    let c = this.docs.get(doc);
    if (!c) {
      const notes: RawNote[] = [];
      for (const category of NOTE_CATEGORIES) {
        notesOf(doc, category).forEach((n, index) => {
          if (n.text) notes.push({ category, index, text: n.text, quote: n.quote ?? n.text, tags: n.themes });
        });
      }
      c = { notes };
      this.docs.set(doc, c);
    }
    return c;
  }

  private source(doc: IndexedDocument): SourceLines {
    const c = this.of(doc);
    c.source ??= new SourceLines(doc.uri, doc.text);
    return c.source;
  }

  private findNoteLine(doc: IndexedDocument, note: RawNote): number {
    // The index keeps the lines of its own parse; documents from elsewhere are searched.
    const kept = doc.lines?.[`notes.${note.category}.${note.index}`];
    if (kept) return kept;
    const c = this.of(doc);
    c.lines ??= new Map();
    let lines = c.lines.get(note.category);
    if (!lines) {
      const items = notesOf(doc, note.category).map((n) => n.text);
      lines = this.source(doc).itemLines(['notes', note.category], items);
      c.lines.set(note.category, lines);
    }
    return lines[note.index] ?? 1;
  }

  private vocabularyMatches(doc: IndexedDocument, matcher: ThemeMatcher): string[][] {
    const c = this.of(doc);
    if (c.matched?.key !== matcher.key) c.matched = { key: matcher.key, ids: c.notes.map((n) => (n.tags.length ? [] : matcher.match(n.text))) };
    return c.matched.ids;
  }
}
