// What the schema validators are compiled from: the four JSON Schemas, our
// own keyword, the calendar check on dates, and ajv's options. The
// validators are compiled when the extension is built
// (scripts/generate-validators.ts writes generated/validators.js with ajv's
// standalone code): compiling them when first needed took a sixth of a
// second of every run of `check` and of the extension's first diagnostics,
// and this way needs no `new Function` at run time. The compiled code
// requires FORMATS from this module by name.
import type { KeywordDefinition } from 'ajv';
import worksheetSchema from '../../schemas/worksheet.schema.json';
import conveningSchema from '../../schemas/convening.schema.json';
import reviewSchema from '../../schemas/review.schema.json';
import configSchema from '../../schemas/config.schema.json';
import type { FileKind } from './types';
import { isCalendarDate as existsInCalendar, isIsoDate } from './dates';

export type JsonSchema = Record<string, unknown>;

export const SCHEMAS: Record<FileKind, JsonSchema> = {
  worksheet: worksheetSchema as JsonSchema,
  convening: conveningSchema as JsonSchema,
  review: reviewSchema as JsonSchema,
  config: configSchema as JsonSchema,
};

/**
 * What a field's value names, marked in the schemas with our own keyword
 * `x-refers-to` (on the field, its list's items, or a definition such as
 * `person`): completion offers the workspace's ids of that kind there, and
 * hover explains them. Marking the schema keeps "which fields hold a partner
 * id" in one place, beside the field's description.
 */
export const REFERENCE_KINDS = ['partner', 'person', 'theme', 'metric', 'question', 'round'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

/** `x-refers-to` for ajv: an annotation that validates nothing, whose value must be one of REFERENCE_KINDS. */
export const REFERS_TO_KEYWORD: KeywordDefinition = { keyword: 'x-refers-to', schemaType: 'string', metaSchema: { enum: [...REFERENCE_KINDS] } };

export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/** A date can match YYYY-MM-DD and still not exist (2026-02-30). */
export function isCalendarDate(s: string): boolean {
  // Not in the YYYY-MM-DD form at all: the pattern says so, once.
  return !isIsoDate(s) || existsInCalendar(s);
}

/** The formats beyond JSON Schema's keywords, by name. */
export const FORMATS = {
  'calendar-date': { type: 'string' as const, validate: isCalendarDate },
};

/**
 * The options the validators are compiled with. `unicode: false` measures
 * strings in UTF-16 code units (`.length`) rather than walking each one for
 * code points: the schemas' lengths are a `minLength` of 1 (the same either
 * way) and the 64 of an id, whose pattern allows ASCII only. Walking every
 * note's text for its `minLength` was 5% of the CPU of checking hand-written
 * worksheets.
 */
export const AJV_OPTIONS = { allErrors: true, verbose: true, strict: false, unicode: false } as const;

/** A copy of the schema where every date pattern also checks the calendar: what the validators are compiled from. */
export function withCalendarDates(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withCalendarDates);
  if (schema && typeof schema === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(schema)) out[k] = withCalendarDates(v);
    if (out.pattern === DATE_PATTERN) out.format = 'calendar-date';
    return out;
  }
  return schema;
}
