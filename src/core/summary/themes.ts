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
import { slugify } from '../paths';
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

/**
 * A bounded memo. Stems and lemmas of the same words come back in every
 * summary (and every live update), so they are kept per process; the bound keeps
 * a long session's memory flat.
 */
class Memo<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string, make: (key: string) => V): V {
    let v = this.map.get(key);
    if (v === undefined) {
      if (this.map.size >= this.max) this.map.clear();
      v = make(key);
      this.map.set(key, v);
    }
    return v;
  }
}

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
export function vocabularyKey(themes: readonly Theme[]): string {
  return JSON.stringify(themes.map((t) => [t.id, t.label, t.synonyms]));
}

/** Compiled vocabulary: phrases indexed by the stem of their first word. */
export class ThemeMatcher {
  /** Identifies the vocabulary, for caches that depend on it. */
  readonly key: string;
  private readonly byFirst = new Map<string, Phrase[]>();
  private readonly labels: Map<string, string>;

  constructor(themes: readonly Theme[]) {
    this.key = vocabularyKey(themes);
    this.labels = new Map(themes.map((t) => [t.id, t.label]));
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

  /** The vocabulary's label, or the id made readable (tags may use ids outside it). */
  label(id: string): string {
    const known = this.labels.get(id);
    if (known) return known;
    const words = id.replace(/-/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  has(id: string): boolean {
    return this.labels.has(id);
  }

  /** Theme ids of the vocabulary found in a text, in the order they appear. */
  match(text: string): string[] {
    if (this.byFirst.size === 0) return [];
    const ss = words(text).map(stemOf);
    const found: string[] = [];
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

  /** Tags, else vocabulary matches, else (when asked for) suggestions. */
  themesOf(text: string, tags: readonly string[], suggest: boolean): NoteThemes {
    if (tags.length) return { ids: [...new Set(tags)], source: 'tagged' };
    const matched = this.match(text);
    if (matched.length || !suggest) return { ids: matched, source: 'matched' };
    return { ids: suggestThemes(text), source: 'suggested' };
  }
}

/** Nouns too general to say what a partner cares about. */
const GENERIC = new Set([
  'thing', 'things', 'way', 'lot', 'people', 'person', 'year', 'time', 'day', 'week', 'month', 'one', 'something',
  'everyone', 'everybody', 'nobody', 'anything', 'nothing', 'place', 'part', 'kind', 'sort', 'number', 'bit', 'end',
  'start', 'side', 'area', 'work', 'need', 'use', 'idea', 'problem', 'issue', 'fact', 'case', 'point', 'stuff',
]);

const MAX_SUGGESTIONS = 3;

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
      const doc = tagger()(t);
      doc.compute('root');
      const out: string[] = [];
      for (const sentence of doc.docs) {
        for (const term of sentence) {
          const tags = term.tags;
          // Names, numbers and dates say who and when, not what about.
          if (!tags || !tags.has('Noun') || ['Pronoun', 'Value', 'ProperNoun', 'Acronym', 'Date', 'Duration'].some((x) => tags.has(x))) continue;
          const id = slugify((term as typeof term & { root?: string }).root ?? term.normal ?? '');
          if (id.length < 3 || GENERIC.has(id) || out.includes(id)) continue;
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
