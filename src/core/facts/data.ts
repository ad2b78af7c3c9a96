// Small readers for untyped YAML data. The facts of each file kind are read
// with them, once, in this folder; the rest of the core reads the facts.
import type { YamlPath } from '../yaml';

export function field(data: unknown, ...path: (string | number)[]): unknown {
  let cur = data;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[p];
  }
  return cur;
}

/** A value as trimmed text (numbers too); undefined when empty or not text. */
export function text(v: unknown): string | undefined {
  if (typeof v === 'string') {
    const trimmed = v.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  if (typeof v === 'number') return String(v);
  return undefined;
}

export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** The texts of a list, blanks and non-texts left out. */
export function texts(v: unknown): string[] {
  return collect(v, text);
}

/**
 * What `read` gives for each item of a list, the items it gives nothing for
 * left out. A loop, not map().filter(): the optimizing compiler specializes
 * those on the kind of array they first see, and an empty list (or one of
 * numbers) met later throws the optimized code away, readWorksheet's with it.
 */
export function collect(v: unknown, read: (item: unknown) => string | undefined): string[] {
  const out: string[] = [];
  if (!Array.isArray(v)) return out;
  for (const item of v) {
    const t = read(item);
    if (t !== undefined) out.push(t);
  }
  return out;
}

export function isBlock(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The text of a note that may be a plain string or `{text, themes, quote}`. */
export function noteText(note: unknown): string | undefined {
  return typeof note === 'string' ? text(note) : text(field(note, 'text'));
}

/** A partner id named in a file, with the path of the value that names it. */
export interface PartnerMention {
  id: string;
  path: YamlPath;
}

/** The partner ids of a list of ids at `path`, with their paths. */
export function mentionsIn(items: unknown, path: YamlPath): PartnerMention[] {
  return list(items).flatMap((p, i) => {
    const id = text(p);
    return id ? [{ id, path: [...path, i] }] : [];
  });
}
