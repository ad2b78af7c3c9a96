// Schema validation, and the translation of ajv's errors into messages a
// community-engagement team can act on, placed on the exact YAML node. The
// validators are compiled when the extension is built (schema-source.ts).
import type { ErrorObject, ValidateFunction } from 'ajv';
import { distance } from 'fastest-levenshtein';
import type { FileKind, Finding, Fix } from './types';
import type { YamlPath , YamlView} from './yaml';
import { flowScalar, yamlString } from './yaml';
import type { Slip } from './forgive';
import { readAsMeant } from './forgive';
import { basename } from './paths';
import type { JsonSchema } from './schema-source';
import { DATE_PATTERN } from './schema-source';
import * as VALIDATORS from './generated/validators';

export type { JsonSchema, ReferenceKind } from './schema-source';
export { REFERENCE_KINDS, REFERS_TO_KEYWORD, SCHEMAS, isCalendarDate } from './schema-source';

const TIME_PATTERN_HINT = /^\^\(\[01\]/;

/** The validator of a file kind, compiled when the extension was built. */
function validatorFor(kind: FileKind): ValidateFunction {
  return VALIDATORS[kind] as ValidateFunction;
}

/**
 * Schema findings for one parsed document of a known kind. The data is
 * validated as meant (forgive.ts): each harmless slip gives one `format-slip`
 * warning with its fix, and no schema error of its own.
 */
export function validateSchema(kind: FileKind, data: unknown, view: YamlView): Finding[] {
  const meant = readAsMeant(kind, data);
  const validate = validatorFor(kind);
  const slips = meant.slips.map((s) => slipFinding(s, view, kind));
  const extra = kind === 'config' ? [...emptyMeetingRange(meant.data, view), ...aliasLoops(meant.data, view), ...themesTwice(meant.data, view)] : [];
  if (meant.valid || validate(meant.data)) return [...slips, ...extra];
  // A value read two ways (a date whose day and month could swap) stays as written: its slip says it all.
  const held = meant.slips.filter((s) => s.kind !== 'key').map((s) => s.path.join('/'));
  const toWritten = (path: YamlPath) => writtenPath(path, meant.renamed);
  // A value of the wrong type gets that error alone: `.nan` minutes is not a whole number, and not also "must be >= 1".
  const mistyped = new Set((validate.errors ?? []).filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const errors = (validate.errors ?? []).filter((e) => {
    if (e.keyword !== 'type' && mistyped.has(e.instancePath) && BOUNDS.has(e.keyword)) return false;
    const p = toWritten(pathOf(e.instancePath)).join('/');
    return !held.some((h) => p === h || p.startsWith(`${h}/`));
  });
  return [...humanize(errors, view, kind, toWritten), ...slips, ...extra];
}

/**
 * The letters of an id that only look like a-z (a Cyrillic `о` in
 * `riverside-yоuth`), named with their code points: printed as they are, the
 * two ids look the same, and the message would make no sense.
 */
function lookalikes(id: string): string {
  const odd = [...new Set([...id].filter((c) => /\p{L}/u.test(c) && !/[a-zA-Z]/.test(c)))];
  if (!odd.length) return '';
  return `, where ${odd.map((c) => `\`${c}\` is U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(', ')}, not a letter a-z`;
}

/**
 * The sections the schema wants as a block or a list that hold something
 * else (`next_step: Send them the calendar`, `goals: {text: ...}`), from the
 * validator's own type errors, read as meant: a paragraph of notes that
 * forgive.ts makes a list is no such section. Paths in the data as meant.
 */
export function mistypedSections(kind: FileKind, data: unknown): YamlPath[] {
  const meant = readAsMeant(kind, data);
  // Data the schema takes as written (most files) has none.
  if (meant.valid) return [];
  const validate = validatorFor(kind);
  if (validate(meant.data)) return [];
  return (validate.errors ?? [])
    .filter((e) => e.keyword === 'type' && (e.params.type === 'object' || e.params.type === 'array') && e.data !== null)
    .map((e) => pathOf(e.instancePath))
    .filter((p) => p.length > 0);
}

/** Keywords that bound a value a type error already refuses. */
const BOUNDS = new Set(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'pattern', 'format']);

/** A path in the data as meant, as written in the file (`next_step` back to `Next step`). */
function writtenPath(path: YamlPath, renamed: ReadonlyMap<string, string>): YamlPath {
  if (renamed.size === 0) return path;
  return path.map((seg, i) => renamed.get(path.slice(0, i + 1).join('/')) ?? seg);
}

/** `meeting_minutes` with min above max: what JSON Schema cannot say, in the schema's words. */
function emptyMeetingRange(data: unknown, view: YamlView): Finding[] {
  const mm = (data as { thresholds?: { meeting_minutes?: { min?: unknown; max?: unknown } } } | null)?.thresholds?.meeting_minutes;
  if (typeof mm?.min !== 'number' || typeof mm.max !== 'number' || mm.min <= mm.max) return [];
  return [{
    code: 'schema',
    severity: 'error',
    message: `\`thresholds.meeting_minutes.min\` (${mm.min}) is above \`max\` (${mm.max}), so no meeting could be the right length; the defaults (30-60) apply until it is fixed.`,
    range: view.anchor(['thresholds', 'meeting_minutes', 'min']),
  }];
}

/**
 * Aliases that lead back to themselves (`a: b` with `b: a`, or `a: a`): an old
 * id then joins no partner (which one it ends at depends on how long the loop
 * is), and nothing else would say why a partner's history stays split.
 */
function aliasLoops(data: unknown, view: YamlView): Finding[] {
  const aliases = (data as { aliases?: unknown } | null)?.aliases;
  if (!aliases || typeof aliases !== 'object' || Array.isArray(aliases)) return [];
  const map = aliases as Record<string, unknown>;
  const out: Finding[] = [];
  const reported = new Set<string>();
  for (const start of Object.keys(map)) {
    if (reported.has(start)) continue;
    const chain = [start];
    let cur: unknown = map[start];
    while (typeof cur === 'string' && Object.prototype.hasOwnProperty.call(map, cur) && !chain.includes(cur)) {
      chain.push(cur);
      cur = map[cur];
    }
    if (typeof cur !== 'string' || !chain.includes(cur) || cur !== start) continue;
    chain.forEach((id) => reported.add(id));
    const message = chain.length === 1
      ? `\`aliases\` leads \`${start}\` to itself, which does nothing: remove it, or write the id it is now.`
      : `\`aliases\` go round in a circle (${[...chain, start].map((id) => `\`${id}\``).join(' to ')}), so none of these ids leads to a partner: each old id should lead to the one the partner has now. Remove the one that points back.`;
    out.push({ code: 'schema', severity: chain.length === 1 ? 'warning' : 'error', message, range: view.keyRange(['aliases', start]) ?? view.anchor(['aliases']) });
  }
  return out;
}

/** A theme id listed twice in the vocabulary: one of the two is never used, and which is not the team's choice. */
function themesTwice(data: unknown, view: YamlView): Finding[] {
  const themes = (data as { themes?: unknown } | null)?.themes;
  if (!Array.isArray(themes)) return [];
  const seen = new Set<string>();
  const out: Finding[] = [];
  themes.forEach((t, i) => {
    const id = (t as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return;
    if (seen.has(id)) {
      out.push({ code: 'schema', severity: 'warning', message: `The theme \`${id}\` is listed twice in the vocabulary; keep one, with the synonyms of both.`, range: view.anchor(['themes', i, 'id'], ['themes', i]) });
    }
    seen.add(id);
  });
  return out;
}

function pathOf(instancePath: string): YamlPath {
  if (!instancePath) return [];
  return instancePath.slice(1).split('/').map((s) => {
    const unescaped = s.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(unescaped) ? Number(unescaped) : unescaped;
  });
}

const ID_EXAMPLES: Record<string, string> = {
  person: 'a person id is short and lower case, like `sam`',
  partner: 'a partner id is lower case with dashes, like `riverside-youth`',
  round: 'a round id is lower case with dashes, like `autumn-2026`',
  theme: 'a theme id is lower case with dashes, like `youth-voice`',
  metric: 'a metric id is lower case with dashes, like `teens-exhibiting`',
  question: 'a question id is lower case with dashes, like `goals-year-from-now`',
};

/** What an id names, from where it is when the schema does not say: owners and attendees are people. */
function idKindOf(path: YamlPath): string {
  const names = path.filter((p): p is string => typeof p === 'string');
  const last = names[names.length - 1] ?? '';
  if (['owner', 'person', 'our_attendees', 'attendees', 'managed_by'].includes(last) || names.includes('duties')) return 'person';
  if (last === 'round') return 'round';
  if (last === 'themes') return 'theme';
  if (last === 'metrics') return 'metric';
  return 'partner';
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function spoken(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

/** One slip as a warning on the value (or key) as written, with the fix that writes it in the format's form. */
function slipFinding(slip: Slip, view: YamlView, kind: FileKind): Finding {
  const base = { code: 'format-slip', severity: 'warning' as const };
  const here = label(slip.path, kind);
  const w = `\`${slip.written.length > 60 ? `${slip.written.slice(0, 57)}...` : slip.written}\``;
  if (slip.kind === 'key') {
    const range = view.keyRange(slip.path) ?? view.anchor(slip.path);
    const [to] = slip.meant;
    return { ...base, message: `${w} is read as \`${to}\`: field names are lower case with underscores. Rename it \`${to}\`.`, range, fixes: [{ title: `Rename to \`${to}\``, edits: [{ range, newText: to }], preferred: true }] };
  }
  const range = view.anchor(slip.path);
  const change = (to: string, title = `Write \`${to}\``, preferred = true): Fix => ({ title, edits: [{ range, newText: to }], ...(preferred ? { preferred } : {}) });
  switch (slip.kind) {
    case 'boolean':
      return { ...base, message: `${here} is written ${w}, read as \`${slip.meant[0]}\`: write \`${slip.meant[0]}\`, as yes/no fields take true or false.`, range, fixes: [change(slip.meant[0])] };
    case 'number':
      return { ...base, message: `${here} is written ${w}, read as ${slip.meant[0]}: write the number alone, \`${slip.meant[0]}\`.`, range, fixes: [change(slip.meant[0])] };
    case 'case':
      return { ...base, message: `${here} is written ${w}, read as \`${slip.meant[0]}\`: write it \`${slip.meant[0]}\` (one of: ${(slip.allowed ?? []).join(', ')}).`, range, fixes: [change(slip.meant[0])] };
    case 'id': {
      const what = ID_EXAMPLES[slip.refersTo ?? ''] ?? 'an id is lower case with dashes, like `riverside-youth`';
      return { ...base, message: `${here} is written ${w}: ${what}. Read as \`${slip.meant[0]}\`: write \`${slip.meant[0]}\`.`, range, fixes: [change(slip.meant[0])] };
    }
    case 'date': {
      if (slip.meant.length === 1) {
        const [d] = slip.meant;
        return { ...base, message: `${here} is written ${w}, read as ${spoken(d)}: write it \`${d}\` (dates are YYYY-MM-DD, so the checks can compare them).`, range, fixes: [change(d)] };
      }
      // Day and month could swap: the file name's date, when it is one of them, is the likely one.
      const hint = /\d{4}-\d{2}-\d{2}/.exec(basename(view.file.uri))?.[0];
      const readings = hint && slip.meant.includes(hint) ? [hint, ...slip.meant.filter((d) => d !== hint)] : slip.meant;
      return {
        ...base,
        message: `${here} ${w} could be ${readings.map(spoken).join(' or ')}: write it YYYY-MM-DD, ${readings.map((d) => `\`${d}\``).join(' or ')}.`,
        range,
        fixes: readings.map((d, i) => change(d, `It is ${spoken(d)}: write \`${d}\``, i === 0 && readings[0] === hint)),
      };
    }
    case 'paragraph': {
      const items = slip.items ?? [];
      const list = `[${items.map((x) => flowScalar(x)).join(', ')}]`;
      const message = slip.refersTo
        ? `${here} is written on one line; it is a list of ids. Read as ${list}: write it as a list.`
        : `${here} is written as one paragraph; it is a list, one point per item. Read as ${items.length} item${items.length === 1 ? '' : 's'}: split it into a list.`;
      return { ...base, message, range, fixes: [change(list, items.length === 1 ? 'Make it a list of one item' : `Split it into ${items.length} list items`)] };
    }
  }
}

function label(path: YamlPath, kind: FileKind): string {
  if (path.length === 0) return `this ${kind} file`;
  const parts: string[] = [];
  for (const seg of path) {
    if (typeof seg === 'number') parts[parts.length - 1] = `${parts[parts.length - 1] ?? ''}[${seg + 1}]`;
    else parts.push(seg);
  }
  return `\`${parts.slice(-2).join('.')}\``;
}

function describeType(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  // What YAML tags make: `!!binary` and `!!timestamp` are no block of fields.
  if (value instanceof Uint8Array) return 'binary data (`!!binary`)';
  if (value instanceof Date) return 'a timestamp (`!!timestamp`)';
  switch (typeof value) {
    case 'string': return 'text';
    case 'number': return 'a number';
    case 'boolean': return 'true/false';
    case 'object': return 'a block of fields';
    default: return typeof value;
  }
}

function expectedType(t: unknown): string {
  const names = (Array.isArray(t) ? t : [t]).map((x) => {
    switch (x) {
      case 'string': return 'text';
      case 'number': case 'integer': return 'a number';
      case 'boolean': return 'true or false';
      case 'object': return 'a block of fields';
      case 'array': return 'a list';
      case 'null': return 'empty';
      default: return String(x);
    }
  });
  return names.join(' or ');
}

/**
 * ajv reports every failing branch of an anyOf/oneOf. Keep the branch whose
 * type matched the data (its errors are the useful ones); when no branch's
 * type matched, keep the one summary error for that node.
 */
function pruneBranches(errors: ErrorObject[]): ErrorObject[] {
  const branchy = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  let out = errors;
  for (const b of branchy) {
    const prefix = `${b.schemaPath}/`;
    const inside = out.filter((e) => e.schemaPath.startsWith(prefix));
    const branchOf = (e: ErrorObject) => e.schemaPath.slice(prefix.length).split('/')[0];
    const typeFailed = new Set(inside.filter((e) => e.keyword === 'type' && e.instancePath === b.instancePath).map(branchOf));
    const branches = new Set(inside.map(branchOf));
    const matched = [...branches].filter((br) => !typeFailed.has(br));
    if (matched.length > 0) {
      // Report the matched branch's own errors; drop the others and the summary.
      const keep = matched[0];
      out = out.filter((e) => e !== b && (!e.schemaPath.startsWith(prefix) || branchOf(e) === keep));
    } else {
      out = out.filter((e) => !e.schemaPath.startsWith(prefix));
    }
  }
  return out;
}

function humanize(errors: ErrorObject[], view: YamlView, kind: FileKind, toWritten: (path: YamlPath) => YamlPath = (p) => p): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const e of pruneBranches(errors)) {
    const path = toWritten(pathOf(e.instancePath));
    const f = toFinding(e, path, view, kind);
    if (!f) continue;
    const key = `${f.range.start.line}:${f.range.start.character}:${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(f);
  }
  return findings;
}

function toFinding(e: ErrorObject, path: YamlPath, view: YamlView, kind: FileKind): Finding | undefined {
  const base = { code: 'schema', severity: 'error' as const };
  const here = label(path, kind);
  const params = e.params as Record<string, unknown>;
  const propertyName = (e as ErrorObject & { propertyName?: string }).propertyName;
  if (propertyName !== undefined && e.keyword !== 'propertyNames') {
    // A key that is not allowed by name (a misspelt rule code under `rules`).
    const allowed = ((e.params as { allowedValues?: unknown[] }).allowedValues ?? []).map(String);
    const keyPath = [...path, propertyName];
    const range = view.keyRange(keyPath) ?? view.anchor(keyPath);
    const near = nearestKey(propertyName, allowed);
    return {
      ...base,
      message: `\`${propertyName}\` is not a known name in ${here}${near ? `: did you mean \`${near}\`?` : '.'}`,
      range,
      fixes: near ? [{ title: `Rename to \`${near}\``, edits: [{ range, newText: near }], preferred: true }] : undefined,
    };
  }
  switch (e.keyword) {
    case 'additionalProperties': {
      const unknown = String(params.additionalProperty);
      const keyPath = [...path, unknown];
      const props = Object.keys(((e.parentSchema as JsonSchema | undefined)?.properties as JsonSchema | undefined) ?? {});
      const near = nearestKey(unknown, props);
      const where = path.length ? ` in ${here}` : '';
      const range = view.keyRange(keyPath) ?? view.anchor(keyPath);
      if (unknown === '<<') {
        return { ...base, message: `\`<<\` (a YAML merge key) is not read in these files${where}: write the fields out in full.`, range };
      }
      if (near) {
        const fix: Fix = { title: `Rename to \`${near}\``, edits: [{ range, newText: near }], preferred: true };
        return { ...base, message: `\`${unknown}\` is not a known field${where}: did you mean \`${near}\`?`, range, fixes: [fix] };
      }
      return { ...base, message: `\`${unknown}\` is not a known field${where}. Known fields: ${props.join(', ')}.`, range };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]) ?? [];
      const range = view.anchor(path);
      const fixes: Fix[] = allowed.map((v) => ({ title: `Change to \`${String(v)}\``, edits: [{ range, newText: typeof v === 'string' ? yamlString(v) : String(v) }] }));
      return { ...base, message: `${here} must be one of: ${allowed.map(String).join(', ')} (it is \`${String(e.data)}\`).`, range, fixes };
    }
    case 'const': {
      const wanted = params.allowedValue;
      const range = view.anchor(path);
      const why = path[path.length - 1] === 'kind' ? (wanted === 'config' ? ' in partner-worksheets.yaml' : ` in a *.${String(wanted)}.yaml file`) : '';
      return {
        ...base,
        message: `${here} must be \`${String(wanted)}\`${why}.`,
        range,
        fixes: [{ title: `Change to \`${String(wanted)}\``, edits: [{ range, newText: String(wanted) }], preferred: true }],
      };
    }
    case 'type': {
      const range = view.anchor(path);
      if (path.length === 0) {
        return { ...base, message: `A ${kind} file holds one block of fields, starting with \`kind: ${kind}\`; this one holds ${describeType(e.data)}.`, range };
      }
      if (params.type === 'integer' && typeof e.data === 'number') {
        return { ...base, message: `${here} should be a whole number (it is ${String(e.data)}).`, range };
      }
      // For a block, the fields it takes: `next_step: Send the calendar` is then one edit away from right.
      const fields = params.type === 'object' ? Object.keys(((e.parentSchema as JsonSchema | undefined)?.properties as JsonSchema | undefined) ?? {}) : [];
      const takes = fields.length ? ` with ${fields.map((f) => `\`${f}\``).join(', ')}` : '';
      return { ...base, message: `${here} should be ${expectedType(params.type)}${takes}, not ${describeType(e.data)}.`, range };
    }
    case 'required': {
      const missing = String(params.missingProperty);
      const range = path.length ? view.anchor(path) : view.anchor([missing]);
      return { ...base, message: `${path.length ? here : `This ${kind} file`} needs \`${missing}\`.`, range };
    }
    case 'anyOf':
    case 'oneOf': {
      const range = view.anchor(path);
      const schema = e.schema as JsonSchema[] | undefined;
      const requiredSets = Array.isArray(schema) ? schema.map((s) => (s.required as string[] | undefined)?.join(' and ')).filter(Boolean) : [];
      if (requiredSets.length === (schema?.length ?? -1) && requiredSets.length > 0) {
        return { ...base, message: `${here} needs ${requiredSets.map((r) => `\`${r}\``).join(' or ')}.`, range };
      }
      return { ...base, message: `${here} should be a short text, or a block with \`text\` (and optional \`themes\` and \`quote\`).`, range };
    }
    case 'pattern': {
      const range = view.anchor(path);
      const pattern = String(params.pattern);
      if (pattern === DATE_PATTERN) return { ...base, message: `${here} should be a date written YYYY-MM-DD, like 2026-10-14 (it is \`${String(e.data)}\`).`, range };
      if (TIME_PATTERN_HINT.test(pattern)) return { ...base, message: `${here} should be a time of day written "HH:MM", from "00:00" to "23:59", in quotes, like "16:00" (it is \`${String(e.data)}\`).`, range };
      if (pattern.includes('[a-z0-9]')) {
        const refers = (e.parentSchema as JsonSchema | undefined)?.['x-refers-to'];
        const what = ID_EXAMPLES[typeof refers === 'string' ? refers : idKindOf(path)] ?? 'an id is lower case with dashes, like `riverside-youth`';
        return { ...base, message: `${here} should be an id: ${what} (it is \`${String(e.data)}\`${lookalikes(String(e.data))}).`, range };
      }
      return { ...base, message: `${here} does not have the expected form (${pattern}).`, range };
    }
    case 'format': {
      if (params.format === 'calendar-date') {
        return { ...base, message: `${here} is not a real date: ${String(e.data)} does not exist in the calendar.`, range: view.anchor(path) };
      }
      return { ...base, message: `${here} does not have the form ${String(params.format)}.`, range: view.anchor(path) };
    }
    case 'maxLength':
      return { ...base, message: `${here} is ${String((e.data as string)?.length ?? 'too many')} characters long; no real ${kind} needs more than ${String(params.limit)} here. Shorten it.`, range: view.anchor(path) };
    case 'maxItems':
      return { ...base, message: `${here} has ${Array.isArray(e.data) ? e.data.length : 'too many'} items; no real ${kind} needs more than ${String(params.limit)}. Split it, or check that it is really a ${kind}.`, range: view.anchor(path) };
    case 'minLength':
      return { ...base, message: `${here} is empty: write something, or remove the line.`, range: view.anchor(path) };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { ...base, message: `${here} ${e.message ?? 'is out of range'}.`, range: view.anchor(path) };
    case 'minItems':
      return { ...base, message: `${here} needs at least ${String(params.limit)} item(s).`, range: view.anchor(path) };
    case 'propertyNames':
      return undefined; // reported through the nested error on the name itself
    default:
      return { ...base, message: `${here} ${e.message ?? 'is not valid'}.`, range: view.anchor(path) };
  }
}

/** The known key a misspelt one most likely meant, or undefined when none is close. */
export function nearestKey(key: string, known: readonly string[]): string | undefined {
  // Bounded work: an edit distance costs the product of the lengths, and a
  // hostile 490,000-character id would take minutes. No id or key is longer
  // than MAX_SUGGESTED (the schemas' maxLength), and a candidate whose length
  // alone puts it out of reach is not measured.
  // Only a word can be a misspelt word: `<<` is not `id` two edits away.
  if (known.length === 0 || key.length > MAX_SUGGESTED || !/^[\p{L}\p{N}]/u.test(key)) return undefined;
  const k = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of known) {
    if (c.length > MAX_SUGGESTED) continue;
    const reach = Math.max(2, Math.floor(c.length / 3));
    if (Math.abs(c.length - k.length) > reach) continue;
    const d = distance(k, c.toLowerCase());
    if (d <= reach && d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** Keys and ids longer than this get no "did you mean" (and the schemas refuse ids this long). */
export const MAX_SUGGESTED = 64;
