// From suggestion to vocabulary: the round's themes that the team has not
// agreed yet, written into `partner-worksheets.yaml` as a draft for the team
// to edit. Once written, they are the team's vocabulary: the review counts
// them as matched, and trends and opportunities use them.
//
// The edit is a text insertion, never a rewrite: the file's comments, order
// and every other line stay as they were. An existing vocabulary is never
// replaced; merging adds only the themes it lacks, and only when asked.
import { isMap, isScalar, isSeq } from 'yaml';
import { parseDocument } from '../yaml/plain-env';
import type { Node, Pair, Scalar } from 'yaml';
import type { Theme } from '../facts';
import { slugify } from '../paths';
import { flowScalar } from '../yaml';
import { byCodeUnit } from '../order';
import type { ReviewSummary } from '../summary/model';
import { STARTER_THEMES } from './vocabulary';

export interface DraftTheme extends Theme {
  /** Partners of the round who raised it (in any note category). */
  partners: number;
}

/**
 * The round's themes outside the agreed vocabulary, most partners first:
 * suggestions (two or more partners raised them) and tags the vocabulary
 * lacks. A starter theme brings its synonyms; a keyword stands for itself
 * (its plurals match without listing them).
 */
export function draftThemes(summary: Pick<ReviewSummary, 'themes'>, agreed: readonly Theme[]): DraftTheme[] {
  const known = new Set(agreed.map((t) => t.id));
  const starter = new Map(STARTER_THEMES.map((t) => [t.id, t]));
  const byId = new Map<string, { partners: Set<string> }>();
  for (const t of summary.themes) {
    if (t.source === 'matched') continue;
    const id = slugify(t.id);
    if (!id || known.has(id)) continue;
    const slot = byId.get(id) ?? { partners: new Set<string>() };
    for (const p of t.partners) slot.partners.add(p);
    byId.set(id, slot);
  }
  const out: DraftTheme[] = [];
  for (const [id, { partners }] of byId) {
    const s = starter.get(id);
    // A label made from the id, not the tag as typed: tags come from many hands.
    out.push({ id, label: s?.label ?? readable(id), synonyms: s ? [...s.synonyms] : id.includes('-') ? [id.replace(/-/g, ' ')] : [], partners: partners.size });
  }
  return out.sort((a, b) => b.partners - a.partners || byCodeUnit(a.label, b.label));
}

function readable(id: string): string {
  const w = id.replace(/-/g, ' ');
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** A name from a worksheet on one line of plain text: no line breaks or control characters. */
export function oneLine(s: string): string {
  return s.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim();
}

/** A replacement of text[start, end) by `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export type VocabularyEdit =
  | { kind: 'edit'; edit: TextEdit; added: DraftTheme[] }
  /** The file has a vocabulary (merge was not asked for), or nothing to add, or a shape we will not edit. */
  | { kind: 'refused'; reason: 'has-vocabulary' | 'nothing-to-add' | 'not-settings' };


/** One theme as one line: `{id: transport, label: Getting there, synonyms: [bus, van]}`. */
export function themeLine(t: Theme): string {
  const syn = t.synonyms.length ? `, synonyms: [${t.synonyms.map(flowScalar).join(', ')}]` : '';
  return `{id: ${flowScalar(t.id)}, label: ${flowScalar(t.label)}${syn}}`;
}

function draftComment(round: string, eol: string): string {
  return [
    `# Draft theme vocabulary from the ${oneLine(round) || 'latest'} round: themes partners raised, grouped`,
    '# from untagged notes and tags (the number is how many partners). Edit it as a team:',
    '# rename, merge, add words partners use, delete what you do not agree. Every theme',
    '# listed here is agreed: the review counts it, and tracks it from round to round.',
  ].join(eol) + eol;
}

function items(draft: readonly DraftTheme[], indent: string, eol: string): string {
  return draft.map((t) => `${indent}- ${themeLine(t)}  # ${t.partners} partner${t.partners === 1 ? '' : 's'}`).join(eol);
}

/**
 * The edit that writes a draft vocabulary into a settings file's text
 * (`undefined`: no file yet). A file with themes is left alone unless
 * `merge`, which adds only the themes whose id it lacks.
 */
export function vocabularyEdit(text: string | undefined, draft: readonly DraftTheme[], options: { merge: boolean; round: string }): VocabularyEdit {
  const eol = text?.includes('\r\n') ? '\r\n' : '\n';
  if (text === undefined || !text.trim()) {
    if (!draft.length) return { kind: 'refused', reason: 'nothing-to-add' };
    const body = `# Team settings for Partner Worksheets.${eol}kind: config${eol}version: 1${eol}${draftComment(options.round, eol)}themes:${eol}${items(draft, '  ', eol)}${eol}`;
    return { kind: 'edit', edit: { start: 0, end: text?.length ?? 0, text: body }, added: [...draft] };
  }
  const doc = parseDocument(text, { keepSourceTokens: true, prettyErrors: false });
  if (doc.errors.length || !isMap(doc.contents)) return { kind: 'refused', reason: 'not-settings' };
  const root = doc.contents;
  const pair = root.items.find((p) => (p.key as Scalar | null)?.value === 'themes') as Pair<Scalar, Node | null> | undefined;
  const value = pair?.value;
  // `themes: 5`, a text or a block: not a vocabulary to add to, and not one to replace without asking.
  if (value && !isSeq(value) && !(isScalar(value) && (value.value === null || value.value === ''))) return { kind: 'refused', reason: 'not-settings' };
  const existing = isSeq(value) ? value.items : [];
  const have = new Set(existing.map((i) => (isMap(i) ? String(i.get('id') ?? '') : '')));
  const add = draft.filter((t) => !have.has(t.id));
  if (!add.length) return { kind: 'refused', reason: 'nothing-to-add' };
  if (existing.length && !options.merge) return { kind: 'refused', reason: 'has-vocabulary' };

  // Top-level keys start their line; a root map written otherwise is edited by hand.
  const lineStart = (offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
  if (!pair) {
    if (root.flow) return { kind: 'refused', reason: 'not-settings' };
    const sep = text.endsWith('\n') ? '' : eol;
    return { kind: 'edit', edit: { start: text.length, end: text.length, text: `${sep}${draftComment(options.round, eol)}themes:${eol}${items(add, '  ', eol)}${eol}` }, added: add };
  }
  const key = pair.key;
  if (!key?.range || lineStart(key.range[0]) !== key.range[0] || root.flow) return { kind: 'refused', reason: 'not-settings' };
  if (!existing.length) {
    // `themes:`, `themes: []` or `themes: ~`: the value is replaced by the draft.
    const end = value?.range ? value.range[1] : key.range[1];
    const colon = text.indexOf(':', key.range[1]);
    return { kind: 'edit', edit: { start: colon + 1, end, text: `${eol}${items(add, '  ', eol)}` }, added: add };
  }
  const seq = value as Node & { flow?: boolean; range: [number, number, number] };
  if (seq.flow) {
    const close = text.lastIndexOf(']', seq.range[1]);
    return { kind: 'edit', edit: { start: close, end: close, text: add.map((t) => `, ${themeLine(t)}`).join('') }, added: add };
  }
  const first = existing[0] as Node;
  const last = existing[existing.length - 1] as Node;
  if (!first.range || !last.range) return { kind: 'refused', reason: 'not-settings' };
  const firstLine = lineStart(first.range[0]);
  const indent = /^[ ]*/.exec(text.slice(firstLine))![0];
  // After the last item's value (its comment, if any, stays on its line).
  const lastEnd = last.range[1];
  const lineEnd = text.indexOf('\n', lastEnd);
  const at = lineEnd < 0 ? text.length : text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
  return { kind: 'edit', edit: { start: at, end: at, text: `${eol}${items(add, indent, eol)}` }, added: add };
}

export function applyTextEdit(text: string, e: TextEdit): string {
  return text.slice(0, e.start) + e.text + text.slice(e.end);
}
