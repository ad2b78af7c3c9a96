// Which themes a note is about: its explicit `themes` tags; otherwise the team
// vocabulary's ids and synonyms found in its text ("matched"); otherwise
// keywords from the text, lemmatised by compromise ("suggested", for people to
// confirm). Counting partners per theme is what the team review is built on.
import nlp from 'compromise';
import type { Theme } from '../config';
import { slugify } from '../paths';

export type ThemeSource = 'tagged' | 'matched' | 'suggested';

export interface NoteThemes {
  ids: string[];
  source: ThemeSource;
}

const STOP = new Set(['thing', 'way', 'lot', 'people', 'year', 'time', 'day', 'week', 'one', 'something', 'everyone', 'nobody', 'anything', 'place', 'part', 'kind', 'sort']);

/** Compiled matchers for a vocabulary, built once per summary. */
export class ThemeMatcher {
  private readonly patterns: { id: string; re: RegExp }[];
  private readonly labels: Map<string, string>;
  private readonly lemmaCache = new Map<string, string[]>();

  constructor(themes: Theme[]) {
    this.labels = new Map(themes.map((t) => [t.id, t.label]));
    this.patterns = themes.map((t) => {
      const terms = [t.id.replace(/-/g, ' '), ...t.synonyms].filter((s) => s.trim()).map(escapeRe);
      // Whole words, with an optional plural: "venue" finds "venues".
      return { id: t.id, re: new RegExp(`\\b(?:${terms.join('|')})(?:s|es)?\\b`, 'i') };
    });
  }

  label(id: string): string {
    return this.labels.get(id) ?? id.replace(/-/g, ' ');
  }

  /** Theme ids of the vocabulary found in a text. */
  match(text: string): string[] {
    return this.patterns.filter((p) => p.re.test(text)).map((p) => p.id);
  }

  themesOf(text: string, tags: string[] | undefined): NoteThemes {
    if (tags && tags.length) return { ids: [...new Set(tags)], source: 'tagged' };
    const matched = this.match(text);
    if (matched.length) return { ids: matched, source: 'matched' };
    return { ids: this.keywords(text), source: 'suggested' };
  }

  /** Lemmatised nouns of a text, as theme-like ids. */
  keywords(text: string): string[] {
    const cached = this.lemmaCache.get(text);
    if (cached) return cached;
    let out: string[] = [];
    try {
      const doc = nlp(text);
      doc.compute('root');
      const terms = doc.json() as { terms: { tags: string[]; root?: string; normal?: string }[] }[];
      out = [...new Set(terms.flatMap((s) => s.terms)
        .filter((t) => t.tags.includes('Noun') && !t.tags.includes('Pronoun') && !t.tags.includes('Value'))
        .map((t) => slugify(t.root ?? t.normal ?? ''))
        .filter((w) => w.length > 2 && !STOP.has(w)))];
    } catch {
      out = [];
    }
    this.lemmaCache.set(text, out);
    return out;
  }
}

function escapeRe(s: string): string {
  return s.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}
