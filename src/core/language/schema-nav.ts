// Walking a JSON Schema along a YAML path: the subschema for a key, its
// description, its allowed values. Enough of draft-07 for our own schemas
// ($ref to definitions, anyOf/oneOf, items), not a general resolver.
import type { JsonSchema, ReferenceKind } from '../schema';
import { REFERENCE_KINDS } from '../schema';

export type SchemaPath = readonly (string | number)[];

function resolveRef(root: JsonSchema, s: JsonSchema): JsonSchema {
  let cur = s;
  for (let i = 0; i < 10 && typeof cur.$ref === 'string'; i++) {
    const ref = cur.$ref as string;
    if (!ref.startsWith('#/')) break;
    let target: unknown = root;
    for (const part of ref.slice(2).split('/')) target = (target as Record<string, unknown> | undefined)?.[part];
    if (!target || typeof target !== 'object') break;
    // Keep the referring schema's own descriptions: they are specific to this use.
    cur = { ...(target as JsonSchema), ...withoutRef(cur) };
  }
  return cur;
}

function withoutRef(s: JsonSchema): JsonSchema {
  const { $ref: _ignored, ...rest } = s;
  return rest;
}

/** The branches of a schema: itself, or its anyOf/oneOf alternatives. */
function branches(root: JsonSchema, s: JsonSchema): JsonSchema[] {
  const r = resolveRef(root, s);
  const alts = (r.anyOf ?? r.oneOf) as JsonSchema[] | undefined;
  if (!Array.isArray(alts)) return [r];
  return alts.flatMap((a) => branches(root, a)).map((b) => ({ ...stripAlternatives(r), ...b }));
}

function stripAlternatives(s: JsonSchema): JsonSchema {
  const { anyOf: _a, oneOf: _o, ...rest } = s;
  return rest;
}

/** The subschema at `path` (numbers step into list items), or undefined. */
export function schemaAt(root: JsonSchema, path: SchemaPath): JsonSchema | undefined {
  let cur: JsonSchema | undefined = resolveRef(root, root);
  for (const seg of path) {
    if (!cur) return undefined;
    let next: JsonSchema | undefined;
    for (const b of branches(root, cur)) {
      if (typeof seg === 'number') {
        const items = b.items as JsonSchema | undefined;
        if (items && typeof items === 'object' && !Array.isArray(items)) next = resolveRef(root, items);
      } else {
        const props = b.properties as Record<string, JsonSchema> | undefined;
        if (props?.[seg]) next = resolveRef(root, props[seg]);
      }
      if (next) break;
    }
    cur = next;
  }
  return cur;
}

/** The properties of the object schema at `path` (merging anyOf branches). */
export function propertiesAt(root: JsonSchema, path: SchemaPath): Record<string, JsonSchema> {
  const s = schemaAt(root, path);
  if (!s) return {};
  const out: Record<string, JsonSchema> = {};
  for (const b of branches(root, s)) {
    const props = b.properties as Record<string, JsonSchema> | undefined;
    if (props) for (const [k, v] of Object.entries(props)) out[k] ??= resolveRef(root, v);
  }
  return out;
}

export interface ValueChoice {
  value: string;
  description?: string;
}

/** Enum values (with their descriptions) or booleans allowed at `path`; for lists, their items'. */
export function valuesAt(root: JsonSchema, path: SchemaPath): ValueChoice[] {
  const s = schemaAt(root, path);
  if (!s) return [];
  const out: ValueChoice[] = [];
  const visit = (schema: JsonSchema, depth: number) => {
    for (const b of branches(root, schema)) {
      if (Array.isArray(b.enum)) {
        const descs = (b.enumDescriptions as string[] | undefined) ?? [];
        b.enum.forEach((v, i) => { if (v !== null) out.push({ value: String(v), description: descs[i] }); });
      } else if (b.const !== undefined) {
        out.push({ value: String(b.const) });
      } else if (b.type === 'boolean') {
        out.push({ value: 'true' }, { value: 'false' });
      } else if (b.type === 'array' && depth === 0 && b.items && typeof b.items === 'object') {
        visit(resolveRef(root, b.items as JsonSchema), 1);
      }
    }
  };
  visit(s, 0);
  return out;
}

/**
 * What kind of id the value at `path` names, as its schema marks it with
 * `x-refers-to`; for a list, what its items name.
 */
export function referenceAt(root: JsonSchema, path: SchemaPath): ReferenceKind | undefined {
  const s = schemaAt(root, path);
  if (!s) return undefined;
  for (const b of branches(root, s)) {
    const own = referenceOf(b);
    if (own) return own;
    const items = b.items as JsonSchema | undefined;
    if (b.type === 'array' && items && typeof items === 'object') {
      const item = referenceOf(resolveRef(root, items));
      if (item) return item;
    }
  }
  return undefined;
}

function referenceOf(s: JsonSchema): ReferenceKind | undefined {
  const r = s['x-refers-to'];
  return (REFERENCE_KINDS as readonly unknown[]).includes(r) ? (r as ReferenceKind) : undefined;
}

export function description(s: JsonSchema | undefined): string | undefined {
  if (!s) return undefined;
  const md = s.markdownDescription ?? s.description;
  return typeof md === 'string' ? md : undefined;
}

export function typeOf(root: JsonSchema, s: JsonSchema): string | undefined {
  for (const b of branches(root, s)) {
    if (typeof b.type === 'string') return b.type;
    if (Array.isArray(b.type)) return b.type.find((t) => t !== 'null') as string | undefined;
    if (b.properties) return 'object';
  }
  return undefined;
}
