// Forgive the harmless slips, once. People write `thanked: yes`, a date as
// 11/12/2026 or 12 Nov 2026, `90 min`, `status: Held`, `owner: Ellen`,
// challenges as one paragraph, or `Next step:` for `next_step`. Each is
// plainly meant, so it is read as meant, and each gives one finding (a
// `format-slip` warning with the fix that writes it in the format's form)
// rather than a red schema error plus a second finding from a rule that read
// the value as missing. The walk follows the file kind's JSON Schema, so
// "what is expected here" comes from one place. Copy on write: a file with no
// slip is returned as it is.
import worksheetSchema from '../../schemas/worksheet.schema.json';
import conveningSchema from '../../schemas/convening.schema.json';
import reviewSchema from '../../schemas/review.schema.json';
import configSchema from '../../schemas/config.schema.json';
import type { ValidateFunction } from 'ajv';
import type { FileKind } from './types';
import * as VALIDATORS from './generated/validators';
import type { YamlPath } from './yaml';
import { keyForm } from './yaml/view';
import { slugify } from './paths';

type Schema = Record<string, unknown>;

const ROOTS: Record<FileKind, Schema> = {
  worksheet: worksheetSchema as Schema,
  convening: conveningSchema as Schema,
  review: reviewSchema as Schema,
  config: configSchema as Schema,
};

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

export type SlipKind = 'boolean' | 'date' | 'number' | 'case' | 'id' | 'paragraph' | 'key';

/** One slip: where it is (in the file as written), what was written, and how to write it. */
export interface Slip {
  kind: SlipKind;
  /** The path of the value as written (for `key`, of the key). */
  path: YamlPath;
  written: string;
  /** The forms that fix it, most likely first; two for a date whose day and month could swap. */
  meant: string[];
  /** For `paragraph`: the items it splits into. */
  items?: string[];
  /** What the value names (`person`, `partner`...), for `id`. */
  refersTo?: string;
  /** For `case`: the allowed values. */
  allowed?: string[];
}

export interface AsMeant {
  data: unknown;
  slips: Slip[];
  /**
   * Keys renamed in `data` (`Next step` read as `next_step`): the path in
   * `data`, joined with `/`, to the key as written.
   */
  renamed: ReadonlyMap<string, string>;
  /** True when the data is valid against the kind's schema as written, and so has no slip. */
  valid?: boolean;
}

/** The data read as meant, with the slips it took. */
export function readAsMeant(kind: FileKind, data: unknown): AsMeant {
  if (!ROOTS[kind] || typeof data !== 'object' || data === null) return { data, slips: [], renamed: NO_RENAMES };
  // The facts and the schema check both read a file's data as meant: walk it once.
  const known = (data as { [READING]?: { kind: FileKind; meant: AsMeant } })[READING];
  if (known?.kind === kind) return known.meant;
  // Every slip is a value or key the schema refuses, so data the schema takes
  // as written has none: most files are like that, and the validator that
  // tells (needed by the schema check anyway) costs less than the walk.
  const out: AsMeant = (VALIDATORS[kind] as ValidateFunction)(data) ? { data, slips: [], renamed: NO_RENAMES, valid: true } : walkAsMeant(kind, data);
  // Kept on the data itself, under a symbol that is not enumerable (copies,
  // comparisons and JSON leave it out), for as long as the data is held. A
  // WeakMap of every document read cost the garbage collector more than the walk.
  Object.defineProperty(data, READING, { value: { kind, meant: out }, configurable: true });
  return out;
}

/** What the walk fills in: the keys it renames among the rest. */
type Walking = AsMeant & { renamed: Map<string, string> };

/** Data with no slip renames no key: one empty map for all of it, where a map each was an allocation per file read. */
const NO_RENAMES: ReadonlyMap<string, string> = new Map();

/** The walk alone, without the validator's shortcut or the reading kept: for the test that the shortcut changes nothing. */
export function walkAsMeant(kind: FileKind, data: unknown): AsMeant {
  const out: Walking = { data, slips: [], renamed: new Map() };
  if (typeof data === 'object' && data !== null) out.data = walk(ROOTS[kind], ROOTS[kind], data, { segs: [], written: [] }, out);
  return out;
}

/** Where a parsed document keeps its reading (parsed data is never changed in place otherwise). */
const READING = Symbol('reading as meant');

/** The data read as meant; the data itself when it has no slip. */
export function asMeant(kind: FileKind, data: unknown): unknown {
  return readAsMeant(kind, data).data;
}

// The schemas are constants: each node's resolution (its $ref followed, an anyOf
// branch merged), its types and its typed branches are worked out once and
// kept on the node itself, under symbols that are not enumerable (so copies,
// spreads and JSON leave them out). The walk visits every value of every
// file: a WeakMap lookup per question cost more than the rest of the walk.
const RESOLVED = Symbol('resolved');
const MERGED = Symbol('merged');
const TYPES = Symbol('types');
const TYPED_BRANCHES = Symbol('typed branches');
const ALLOWED = Symbol('allowed');

interface Kept {
  [RESOLVED]?: Schema;
  [MERGED]?: Map<Schema, Schema>;
  [TYPES]?: readonly string[];
  [TYPED_BRANCHES]?: readonly Schema[] | null;
  [ALLOWED]?: string[];
}

function keep<K extends keyof Kept>(node: object, key: K, value: Kept[K]): void {
  Object.defineProperty(node, key, { value });
}

/** What a missing schema node resolves to: it says nothing. */
const NOTHING: Schema = {};

function resolve(root: Schema, node: unknown): Schema {
  if (!node || typeof node !== 'object') return NOTHING;
  const kept = (node as Kept)[RESOLVED];
  if (kept) return kept;
  const r = resolveOnce(root, node);
  keep(node, RESOLVED, r);
  return r;
}

function mergedBranch(s: Schema, branch: Schema): Schema {
  let byBranch = (s as Kept)[MERGED];
  if (!byBranch) keep(s, MERGED, (byBranch = new Map()));
  let m = byBranch.get(branch);
  if (!m) byBranch.set(branch, (m = { ...withoutBranches(s), ...branch }));
  return m;
}

function resolveOnce(root: Schema, node: unknown, depth = 0): Schema {
  if (!node || typeof node !== 'object') return {};
  const s = node as Schema;
  const ref = s.$ref;
  if (typeof ref !== 'string' || depth > 8 || !ref.startsWith('#/')) return s;
  let target: unknown = root;
  for (const part of ref.slice(2).split('/')) target = (target as Schema | undefined)?.[part];
  const { $ref: _ignored, ...rest } = s;
  return { ...resolveOnce(root, target, depth + 1), ...rest };
}

function types(s: Schema): readonly string[] {
  let ts = (s as Kept)[TYPES];
  if (!ts) {
    const t = s.type;
    ts = Array.isArray(t) ? t.map(String) : typeof t === 'string' ? [t] : [];
    keep(s, TYPES, ts);
  }
  return ts;
}

/** A schema node's anyOf or oneOf branches that name a type, resolved once. */
function typedBranches(root: Schema, s: Schema): readonly Schema[] | null {
  let typed = (s as Kept)[TYPED_BRANCHES];
  if (typed === undefined) {
    // anyOf first, then oneOf: the first whose branches name a type decides (untyped ones only add `required`).
    typed = null;
    for (const branches of [s.anyOf, s.oneOf]) {
      if (!Array.isArray(branches)) continue;
      const named = branches.map((b) => resolve(root, b)).filter((b) => types(b).length > 0);
      if (named.length > 0) {
        typed = named;
        break;
      }
    }
    keep(s, TYPED_BRANCHES, typed);
  }
  return typed;
}

/**
 * Where the walk is: the path in the data as meant, and as written (a renamed
 * key's written form), pushed and popped as it goes. A path is copied out
 * only for a slip, so a file without one allocates no path at all.
 */
interface Trail {
  segs: (string | number)[];
  written: (string | number)[];
}

function pathOf(t: Trail, written: boolean): YamlPath {
  return (written ? t.written : t.segs).slice();
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function accepts(s: Schema, v: unknown): boolean {
  const ts = types(s);
  if (ts.length === 0) return true;
  const t = typeOf(v);
  return ts.includes(t) || (t === 'integer' && ts.includes('number'));
}


function walk(root: Schema, node: unknown, value: unknown, trail: Trail, out: Walking): unknown {
  const s = resolve(root, node);
  const typed = typedBranches(root, s);
  if (typed) {
    // The branch the value's type matches (a note as a line or a block); untyped branches only add `required`.
    for (const branch of typed) if (accepts(branch, value)) return walk(root, mergedBranch(s, branch), value, trail, out);
    if (typed.length > 0) return value;
  }
  if (typeof value === 'string' && !accepts(s, value)) return fromString(root, s, value, trail, out);
  if (typeof value === 'string') return stringSlip(s, value, trail, out);
  if (Array.isArray(value)) {
    const items = s.items;
    if (!items || types(s).length && !types(s).includes('array')) return value;
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const next = descend(root, items, item, trail, i, i, out);
      if (next !== item) (copy ??= [...value])[i] = next;
    }
    return copy ?? value;
  }
  if (value && typeof value === 'object') {
    const props = s.properties as Record<string, unknown> | undefined;
    if (!props) return value;
    const obj = value as Record<string, unknown>;
    let copy: Record<string, unknown> | undefined;
    for (const k in obj) {
      if (!Object.prototype.hasOwnProperty.call(obj, k)) continue;
      const v = obj[k];
      let key = k;
      // Own keys only: `__proto__` or `constructor` in a file names no field (and `in` would find Object's).
      if (!hasOwn(props, k) && s.additionalProperties === false) {
        const meant = keyForm(k);
        if (meant !== k && hasOwn(props, meant) && !hasOwn(obj, meant)) {
          key = meant;
          out.slips.push({ kind: 'key', path: [...pathOf(trail, true), k], written: k, meant: [meant] });
          out.renamed.set([...pathOf(trail, false), meant].join('/'), k);
        }
      }
      const sub = hasOwn(props, key) ? props[key] : undefined;
      // A field left blank (`success_in_their_words:` from a template) is not
      // filled in yet: read as absent, so the rule that asks for it speaks once,
      // rather than a schema error beside it. Required keys keep their error.
      if (v === null && sub && !accepts(resolve(root, sub), v) && !(Array.isArray(s.required) && s.required.includes(key))) {
        copy ??= { ...obj };
        delete copy[k];
        continue;
      }
      const next = sub ? descend(root, sub, v, trail, key, k, out) : v;
      if (key !== k || next !== v) {
        copy ??= { ...obj };
        if (key !== k) delete copy[k];
        copy[key] = next;
      }
    }
    return copy ?? value;
  }
  return value;
}

/** The walk one level down, at segment `seg` (written `written`), with the trail back as it was after. */
function descend(root: Schema, node: unknown, value: unknown, trail: Trail, seg: string | number, written: string | number, out: Walking): unknown {
  trail.segs.push(seg);
  trail.written.push(written);
  const next = walk(root, node, value, trail, out);
  trail.segs.pop();
  trail.written.pop();
  return next;
}

function hasOwn(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

function withoutBranches(s: Schema): Schema {
  const { anyOf: _a, oneOf: _o, ...rest } = s;
  return rest;
}

/** A string where the schema wants another type: yes for true, `90 min`, a paragraph or `a, b` for a list. */
function fromString(root: Schema, s: Schema, value: string, trail: Trail, out: Walking): unknown {
  const ts = types(s);
  const path = pathOf(trail, true);
  if (ts.includes('boolean')) {
    const b = readBoolean(value);
    if (b !== undefined) {
      out.slips.push({ kind: 'boolean', path, written: value, meant: [String(b)] });
      return b;
    }
  }
  if (ts.includes('integer') || ts.includes('number')) {
    const n = readMinutes(value);
    if (n !== undefined && (ts.includes('number') || Number.isInteger(n))) {
      out.slips.push({ kind: 'number', path, written: value, meant: [String(n)] });
      return n;
    }
  }
  if (ts.includes('array') && value.trim() !== '') {
    const items = resolve(root, s.items);
    // Only a list of lines or ids can be read from one string (not a list of blocks, like people).
    if (!takesStrings(root, items)) return value;
    const ids = isIdPattern(items.pattern);
    const parts = ids ? splitIds(value) : splitSentences(value);
    if (parts.length > 0) {
      const list = ids ? parts.map((p) => (isSlug(p) ? p : slugify(p))).filter((p) => p !== '') : parts;
      out.slips.push({ kind: 'paragraph', path, written: value, meant: [], items: list, refersTo: ids ? refersTo(s, items) : undefined });
      return list;
    }
  }
  return value;
}

function takesStrings(root: Schema, s: Schema): boolean {
  if (types(s).includes('string')) return true;
  const branches = [s.anyOf, s.oneOf].find(Array.isArray) as unknown[] | undefined;
  return !!branches && branches.some((b) => types(resolve(root, b)).includes('string'));
}

function allowedOf(s: Schema): string[] {
  let allowed = (s as Kept)[ALLOWED];
  if (!allowed) keep(s, ALLOWED, (allowed = (s.enum as unknown[]).filter((e): e is string => typeof e === 'string')));
  return allowed;
}

/** A string of the right type in the wrong form: a date, a capitalised value, an id with spaces. */
function stringSlip(s: Schema, value: string, trail: Trail, out: Walking): unknown {
  const path = () => pathOf(trail, true);
  if (Array.isArray(s.enum)) {
    const allowed = allowedOf(s);
    if (allowed.includes(value)) return value;
    const form = value.trim().toLowerCase().replace(/[\s_]+/g, '-');
    const hit = allowed.find((a) => a === form);
    if (hit) {
      out.slips.push({ kind: 'case', path: path(), written: value, meant: [hit], allowed });
      return hit;
    }
    return value;
  }
  if (s.pattern === DATE_PATTERN) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
    const readings = readDate(value);
    if (readings.length === 0) return value;
    out.slips.push({ kind: 'date', path: path(), written: value, meant: readings });
    // Day and month that could swap: neither reading is taken for the facts.
    return readings.length === 1 ? readings[0] : value;
  }
  // Only a name-like slip (`Ellen`, `Greenway Allotments`, `St. Mary's`) is an id written another way;
  // anything with other signs in it is no id at all, and the schema says so.
  // Letters an id cannot hold (`ѕam` with a Cyrillic ѕ) would vanish from it (`am`): that is no slip to read as meant.
  // Two people (`maya and tom`) are no one id: read as `maya-and-tom`, they became a person who does not exist.
  const people = s['x-refers-to'] === 'person' && /\s(?:and|or)\s/i.test(value);
  if (isIdPattern(s.pattern) && !isSlug(value) && /^[\p{L}\p{N}][\p{L}\p{N} _.'’-]*$/u.test(value.trim()) && onlyLatinLetters(value) && !people) {
    const id = slugify(value);
    if (id !== '' && isSlug(id)) {
      out.slips.push({ kind: 'id', path: path(), written: value, meant: [id], refersTo: typeof s['x-refers-to'] === 'string' ? s['x-refers-to'] : undefined });
      return id;
    }
  }
  return value;
}

/** Whether every letter is a Latin one, accents aside: what slugify() keeps. */
function onlyLatinLetters(v: string): boolean {
  return !/[^\p{Script=Latin}\P{L}]/u.test(v.normalize('NFKD'));
}

function refersTo(list: Schema, items: Schema): string | undefined {
  const r = items['x-refers-to'] ?? list['x-refers-to'];
  return typeof r === 'string' ? r : undefined;
}

function isIdPattern(p: unknown): boolean {
  return p === '^[a-z0-9]+(?:-[a-z0-9]+)*$';
}

function isSlug(v: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v);
}

export function readBoolean(v: string): boolean | undefined {
  const t = v.trim().toLowerCase();
  if (['yes', 'y', 'true', 'on'].includes(t)) return true;
  if (['no', 'n', 'false', 'off'].includes(t)) return false;
  return undefined;
}

/** `90`, `90 min`, `45 minutes`, `1 hour`, `1.5 hours`, `1h30`: minutes. */
export function readMinutes(v: string): number | undefined {
  const t = v.trim().toLowerCase();
  let m = /^(\d+(?:\.\d+)?)\s*(?:m|mins?|minutes?)?\.?$/.exec(t);
  if (m) return Number(m[1]);
  m = /^(\d+(?:\.\d+)?)\s*(?:h|hrs?|hours?)\.?$/.exec(t);
  if (m) return Math.round(Number(m[1]) * 60);
  m = /^(\d+)\s*(?:h|hrs?|hours?)\s*(?:and\s*)?(\d+)\s*(?:m|mins?|minutes?)?\.?$/.exec(t);
  if (m) return Number(m[1]) * 60 + Number(m[2]);
  return undefined;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function iso(y: number, m: number, d: number): string | undefined {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function month(word: string): number | undefined {
  const i = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  return i < 0 ? undefined : i + 1;
}

/**
 * The ISO readings of a date written another way: one for `12 Nov 2026`,
 * `2026/11/12` or `13/11/2026`; two for `11/12/2026`, day first then month
 * first, when both are dates; none for what is no date.
 */
export function readDate(v: string): string[] {
  const t = v.trim().replace(/(\d)(st|nd|rd|th)\b/gi, '$1').replace(/,/g, ' ').replace(/\s+/g, ' ');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (m) return compactDates([iso(+m[1], +m[2], +m[3])]);
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  if (m) {
    const a = +m[1];
    const b = +m[2];
    const dayFirst = iso(+m[3], b, a);
    const monthFirst = iso(+m[3], a, b);
    return [...new Set(compactDates([dayFirst, monthFirst]))];
  }
  m = /^(\d{1,2}) ([a-z]+)\.? (\d{4})$/i.exec(t);
  if (m && month(m[2])) return compactDates([iso(+m[3], month(m[2])!, +m[1])]);
  m = /^([a-z]+)\.? (\d{1,2}) (\d{4})$/i.exec(t);
  if (m && month(m[1])) return compactDates([iso(+m[3], month(m[1])!, +m[2])]);
  return [];
}

function compactDates(xs: (string | undefined)[]): string[] {
  return xs.filter((x): x is string => x !== undefined);
}

/** A paragraph's sentences (or its lines, or its `;`-separated parts), as list items. */
export function splitSentences(v: string): string[] {
  const lines = v.split(/\r?\n/).map((l) => l.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '').trim()).filter(Boolean);
  if (lines.length > 1) return lines;
  const one = lines[0] ?? '';
  const parts = one.split(/(?<=[.!?])\s+(?=[A-Z0-9"'“‘])|;\s+/).map((p) => p.trim()).filter(Boolean);
  return parts.length ? parts : [one];
}

/** `maria, tom` or `maria and tom`: the ids of a list written on one line. */
function splitIds(v: string): string[] {
  return v.split(/\s*(?:,|;|\band\b|&)\s*/i).map((p) => p.trim()).filter(Boolean);
}
