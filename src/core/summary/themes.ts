// Which themes a note is about, in three steps of falling certainty:
//   1. its explicit `themes` tags ("tagged");
//   2. the team vocabulary found in its text: ids, labels and synonyms, as whole
//      words compared by their Porter2 stems, so "venues" finds "venue" and
//      "volunteering" finds "volunteer" ("matched");
//   3. nouns of the text lemmatised by compromise ("suggested": people confirm
//      them by tagging the note).
// Counting partners per theme is what the team review is built on, and it runs
// over every note of a round, so everything here is linear in the words of a
// note, and the costly steps are memoised.
// The stemmer's types live beside this file; the reference brings them into every
// program that compiles it (the page's and the tests' tsconfigs too).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./wink-porter2-stemmer.d.ts" />
import type nlpFunction from 'compromise/two';
import stem from 'wink-porter2-stemmer';
import type { Theme } from '../facts';
import { Memo } from '../memo';
import { slugify } from '../paths';
import { isGeneric } from '../themes/generic-words';
import type { ThemeSource } from './model';

export type { ThemeSource };

export interface NoteThemes {
  ids: string[];
  source: ThemeSource;
}

/** Strongest evidence first: a tag beats a match beats a suggestion. */
export function sourceRank(s: ThemeSource): number {
  return s === 'tagged' ? 0 : s === 'matched' ? 1 : 2;
}

// Stems and lemmas of the same words come back in every summary (and every
// live update), so they are kept per process, in bounded memos.
const stems = new Memo<string>(50_000);
const suggestions = new Memo<string[]>(20_000);

/** Lower-case words of a text: letters and digits, hyphens and possessives split off. */
export function words(text: string): string[] {
  return text.toLowerCase().replace(/['’]s\b/g, '').match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function stemOf(word: string): string {
  return stems.get(word, (w) => stem(w));
}

interface Phrase {
  id: string;
  /** Stems after the first one. */
  rest: string[];
}

/** Identifies a vocabulary, for caches that depend on it. */
export function vocabularyKey(themes: readonly Theme[], suggestWith: readonly Theme[] = []): string {
  const key = (ts: readonly Theme[]) => ts.map((t) => [t.id, t.label, t.synonyms]);
  return JSON.stringify(suggestWith.length ? [key(themes), key(suggestWith)] : key(themes));
}

/** Phrases of a vocabulary indexed by the stem of their first word. */
class PhraseIndex {
  private readonly byFirst = new Map<string, Phrase[]>();

  constructor(themes: readonly Theme[]) {
    for (const t of themes) {
      // The label only as a whole phrase: its single words ("and") would match anything.
      const terms = new Set([t.id, t.label, ...t.synonyms].map((s) => s.trim()).filter(Boolean));
      for (const term of terms) {
        const ws = words(term);
        if (!ws.length) continue;
        const last = ws[ws.length - 1];
        // Porter2 leaves some plurals apart from their singular ("buses" -> "buse"):
        // index the plural forms of the last word too.
        for (const variant of new Set([last, `${last}s`, `${last}es`])) {
          const ss = [...ws.slice(0, -1), variant].map(stemOf);
          const list = this.byFirst.get(ss[0]) ?? [];
          if (!list.some((p) => p.id === t.id && p.rest.join(' ') === ss.slice(1).join(' '))) list.push({ id: t.id, rest: ss.slice(1) });
          this.byFirst.set(ss[0], list);
        }
      }
    }
  }

  get empty(): boolean {
    return this.byFirst.size === 0;
  }

  /** Theme ids whose phrases occur in these stems, in the order they appear. */
  match(ss: readonly string[]): string[] {
    const found: string[] = [];
    if (this.byFirst.size === 0) return found;
    for (let i = 0; i < ss.length; i++) {
      const candidates = this.byFirst.get(ss[i]);
      if (!candidates) continue;
      for (const p of candidates) {
        if (found.includes(p.id)) continue;
        if (p.rest.every((s, k) => ss[i + 1 + k] === s)) found.push(p.id);
      }
    }
    return found;
  }

  /** The theme one of whose phrases is exactly these stems. */
  exact(ss: readonly string[]): string | undefined {
    return this.byFirst.get(ss[0] ?? '')?.find((p) => p.rest.length === ss.length - 1 && p.rest.every((s, k) => ss[k + 1] === s))?.id;
  }
}

/**
 * Compiled vocabularies: the agreed one (the team's, see
 * ../themes/vocabulary.ts), whose matches are "matched", and the one that
 * only groups suggestions (the starter's themes the team has not agreed).
 */
export class ThemeMatcher {
  /** Identifies the vocabularies, for caches that depend on them. */
  readonly key: string;
  private readonly agreed: PhraseIndex;
  private readonly grouping: PhraseIndex;
  private readonly labels: Map<string, string>;
  private readonly suggestLabels: Map<string, string>;
  private readonly tags = new Memo<string>(5_000);
  /** Notes repeat across a round's files (and every live update asks again). */
  private readonly suggested = new Memo<string[]>(20_000);
  private taggerBudget = Infinity;

  constructor(themes: readonly Theme[], suggestWith: readonly Theme[] = []) {
    this.key = vocabularyKey(themes, suggestWith);
    this.labels = new Map(themes.map((t) => [t.id, t.label]));
    this.agreed = new PhraseIndex(themes);
    // A starter theme the team's own words already cover would only be a
    // second name for one of its themes: its other words suggest the team's.
    const cover = (t: Theme) => (this.labels.has(t.id) ? t.id : undefined)
      ?? [t.label, ...t.synonyms].map((term) => this.agreed.exact(words(term).map(stemOf))).find((id) => id !== undefined);
    const grouping = suggestWith.map((t) => ({ ...t, id: cover(t) ?? t.id }));
    this.suggestLabels = new Map(grouping.filter((t) => !this.labels.has(t.id)).map((t) => [t.id, t.label]));
    this.grouping = new PhraseIndex(grouping);
  }

  /** The vocabulary's label, or the id made readable (tags may use ids outside it). */
  label(id: string): string {
    const known = this.labels.get(id) ?? this.suggestLabels.get(id);
    if (known) return known;
    const words = id.replace(/-/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  /** Whether the id is an agreed theme. */
  has(id: string): boolean {
    return this.labels.has(id);
  }

  /** Theme ids of the agreed vocabulary found in a text, in the order they appear. */
  match(text: string): string[] {
    if (this.agreed.empty) return [];
    return this.agreed.match(words(text).map(stemOf));
  }

  /**
   * A tag as the theme it names: an agreed id as it is; a tag that is
   * exactly one of a theme's words ("transportation", "teens") as that
   * theme, so a team's tags and its untagged notes meet in one theme.
   */
  canonicalTag(tag: string): string {
    if (this.labels.has(tag)) return tag;
    return this.tags.get(tag, (t) => {
      const ss = words(t).map(stemOf);
      return this.agreed.exact(ss) ?? this.grouping.exact(ss) ?? t;
    });
  }

  /**
   * Suggested themes of an untagged note nothing agreed matched: the
   * grouping vocabulary's themes found in it, else its nouns.
   */
  suggest(text: string): string[] {
    const known = this.suggested.peek(text);
    if (known) return known;
    const grouped = this.grouping.empty ? [] : this.grouping.match(words(text).map(stemOf));
    if (grouped.length) return this.suggested.get(text, () => grouped.slice(0, MAX_SUGGESTIONS));
    // Past the round's budget, a note no theme covers gets no keyword (and
    // is not remembered without one, so a later review may still tag it).
    if (this.taggerBudget <= 0) return [];
    this.taggerBudget -= Math.min(text.length, TAGGED_CHARS);
    return this.suggested.get(text, suggestThemes);
  }

  /**
   * How many characters of notes the part-of-speech tagger may read from now
   * on (a summary sets it per round). Tagging costs microseconds a
   * character; the vocabularies' matching is cheap and always runs.
   */
  limitTagging(chars: number): void {
    this.taggerBudget = chars;
  }

  /** Tags, else agreed matches, else (when asked for) suggestions. */
  themesOf(text: string, tags: readonly string[], suggest: boolean): NoteThemes {
    if (tags.length) return { ids: [...new Set(tags.map((t) => this.canonicalTag(t)))], source: 'tagged' };
    const matched = this.match(text);
    if (matched.length || !suggest) return { ids: matched, source: 'matched' };
    return { ids: this.suggest(text), source: 'suggested' };
  }
}

const MAX_SUGGESTIONS = 3;

/**
 * Characters of one review's notes the tagger reads for keywords (notes no
 * vocabulary covers, each distinct text once, at most TAGGED_CHARS of each):
 * a real round's untagged notes (fifty partners, a thousand short notes)
 * fit, and a round of thousands of long notes costs a second at most, not a
 * minute. Past this, suggestions come from the vocabularies.
 */
export const MAX_TAGGED_CHARS = 120_000;

/**
 * The tagger reads this much of a note: a note's themes show in its first
 * sentences, and a pasted transcript must not cost seconds (tagging is
 * linear, about a microsecond a character).
 */
const TAGGED_CHARS = 400;

let nlp: typeof nlpFunction | undefined;

/**
 * compromise builds its lexicon when it is loaded, a tenth of a second or more:
 * it is loaded when the first untagged note needs a suggestion, not when the
 * extension activates. A require (bundled by esbuild, run lazily) keeps this
 * synchronous, so the summary stays a plain function.
 */
function tagger(): typeof nlpFunction {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  nlp ??= require('compromise/two') as typeof nlpFunction;
  return nlp;
}

/**
 * Up to three lemmatised nouns of a note, as theme ids ("venues" -> "venue").
 * compromise tags parts of speech without a model download, in Node and in a
 * browser alike; its lemmas ("root") turn plurals and verb forms back.
 */
export function suggestThemes(text: string): string[] {
  return suggestions.get(text, (t) => {
    try {
      const doc = tagger()(t.length > TAGGED_CHARS ? t.slice(0, TAGGED_CHARS) : t);
      doc.compute('root');
      const out: string[] = [];
      for (const sentence of doc.docs) {
        for (const term of sentence) {
          const tags = term.tags;
          // Names, numbers and dates say who and when, not what about.
          if (!tags || !tags.has('Noun') || ['Pronoun', 'Value', 'ProperNoun', 'Acronym', 'Date', 'Duration'].some((x) => tags.has(x))) continue;
          const id = slugify((term as typeof term & { root?: string }).root ?? term.normal ?? '');
          if (id.length < 3 || isGeneric(id) || out.includes(id)) continue;
          out.push(id);
          if (out.length === MAX_SUGGESTIONS) return out;
        }
      }
      return out;
    } catch {
      // A tagger failure costs the suggestion, never the review.
      return [];
    }
  });
}

/**
 * A round's theme entries without the suggestions only one partner raised in
 * a note category, and how many such suggestions there were. One partner's
 * keyword is a guess about one conversation; the review lists what partners
 * share, and says how many it left out.
 */
export function withoutLoneSuggestions<E extends { source: ThemeSource; partners: readonly string[] }>(entries: readonly E[]): { entries: E[]; suggestedOnce: number } {
  const kept = entries.filter((e) => e.source !== 'suggested' || e.partners.length >= 2);
  return { entries: kept, suggestedOnce: entries.length - kept.length };
}
