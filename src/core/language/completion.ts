// Completion that teaches the method: keys valid at the cursor with their
// descriptions, allowed values, and values the workspace already knows
// (partner ids, people, themes, metrics, questions, rounds) wherever the
// schema marks a field as naming one.
import type { JsonSchema } from '../schema';
import { SCHEMAS } from '../schema';
import { locate } from './locate';
import type { CursorContext } from './locate';
import type { LanguageOptions } from './options';
import { description, propertiesAt, referenceAt, typeOf, valuesAt } from './schema-nav';
import type { SchemaPath } from './schema-nav';
import { QUESTIONS } from '../questions';
import { parseFile } from '../yaml';
import { snippetChoice, snippetText } from '../snippet-text';

export type CompletionKind = 'property' | 'value' | 'enum' | 'reference';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  /** Snippet text (VS Code snippet syntax). */
  insertText: string;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  sortText?: string;
}

/** The entries for the cursor at `offset`, and where it is (its range's start is where they replace from). */
export function complete(text: string, offset: number, options: LanguageOptions): { context: CursorContext; items: CompletionEntry[] } {
  const ctx = locate(text, offset);
  const root = options.schema ?? SCHEMAS[options.kind];
  const keys = options.keys !== false;
  // Nothing to offer in a comment, in a scalar over several lines (a note
  // being written), or right after a whole `[...]` or `{...}`.
  if (ctx.comment || /[\r\n]/.test(ctx.prefix) || /^[[{]/.test(ctx.prefix)) return { context: ctx, items: [] };
  if (ctx.on === 'key') {
    return { context: ctx, items: keys ? keyItems(root, ctx.path.slice(0, -1), ctx.siblings, ctx.flow) : [] };
  }
  const items = [...referenceValues(text, ctx, root, options), ...schemaValues(root, ctx)];
  // A new item of a list whose items may be maps (notes: text or {text, themes, quote}) may start with a key.
  if (items.length === 0 && ctx.inList && keys) return { context: ctx, items: keyItems(root, ctx.path, [], ctx.flow) };
  return { context: ctx, items: dedupe(items) };
}

function keyItems(root: JsonSchema, mapPath: SchemaPath, siblings: string[], flow: boolean): CompletionEntry[] {
  const props = propertiesAt(root, mapPath);
  const items: CompletionEntry[] = [];
  let order = 0;
  for (const [key, schema] of Object.entries(props)) {
    order++;
    if (siblings.includes(key)) continue;
    items.push({
      label: key,
      kind: 'property',
      insertText: keySnippet(root, key, schema, flow),
      detail: typeof schema.description === 'string' ? firstSentence(schema.description) : undefined,
      documentation: description(schema),
      // Keep the schema's order, which follows the flow of a meeting.
      sortText: String(order).padStart(3, '0'),
    });
  }
  return items;
}

/** A key and the start of its value; inside `{...}` a collection stays on the line. */
function keySnippet(root: JsonSchema, key: string, schema: JsonSchema, flow: boolean): string {
  const type = typeOf(root, schema);
  const enumValues = Array.isArray(schema.enum) ? (schema.enum as unknown[]).filter((v) => v !== null).map(String) : [];
  if (enumValues.length) return `${key}: \${1|${enumValues.map(snippetChoice).join(',')}|}`;
  if (schema.const !== undefined) return `${key}: ${String(schema.const)}`;
  switch (type) {
    case 'object':
      return flow ? `${key}: {$0}` : `${key}:\n  $0`;
    case 'array': {
      const items = schema.items as JsonSchema | undefined;
      const itemType = items ? typeOf(root, items) : undefined;
      return itemType === 'object' && !flow ? `${key}:\n  - $0` : `${key}: [$0]`;
    }
    case 'boolean':
      return `${key}: \${1|true,false|}`;
    default:
      return `${key}: $0`;
  }
}

function schemaValues(root: JsonSchema, ctx: CursorContext): CompletionEntry[] {
  return valuesAt(root, ctx.path).map((v, i) => ({
    label: v.value,
    kind: 'enum' as const,
    insertText: snippetText(v.value),
    documentation: v.description,
    sortText: `1${String(i).padStart(3, '0')}`,
  }));
}

/** The ids the workspace knows of the kind the field names. */
function referenceValues(text: string, ctx: CursorContext, root: JsonSchema, options: LanguageOptions): CompletionEntry[] {
  const ref = (label: string, detail?: string, documentation?: string): CompletionEntry => ({ label, kind: 'reference', insertText: snippetText(label), detail, documentation, sortText: `0${label}` });
  const { vocabulary } = options;
  switch (referenceAt(root, ctx.path)) {
    case 'partner':
      return vocabulary.partners.map((p) => ref(p.id, p.organization, `${p.organization}: ${p.meetings.length} meeting${p.meetings.length === 1 ? '' : 's'}`));
    case 'person':
      return vocabulary.people.map((p) => ref(p, 'team member'));
    case 'theme':
      return vocabulary.themes.map((t) => ref(t.id, t.label));
    case 'metric':
      return indicatorIds(text).map((m) => ref(m, 'indicator of this partnership'));
    case 'question':
      return (options.questions ?? QUESTIONS).map((q) => ref(q.id, q.text, `**${q.text}**${q.why ? `\n\n${q.why}` : ''}\n\n_Category: ${q.category}_`));
    case 'round':
      return vocabulary.rounds.map((r) => ref(r, 'round in use'));
    default:
      return [];
  }
}

/** A goal's metrics name indicators of the same convening: the ids under `measurement.indicators`. */
function indicatorIds(text: string): string[] {
  const data = parseFile('', text).data as { measurement?: { indicators?: unknown } } | undefined;
  const indicators = data?.measurement?.indicators;
  if (!Array.isArray(indicators)) return [];
  return indicators.map((i) => (i as { id?: unknown } | null)?.id).filter((id): id is string => typeof id === 'string' && id !== '');
}

function dedupe(items: CompletionEntry[]): CompletionEntry[] {
  const seen = new Set<string>();
  return items.filter((i) => (seen.has(i.label) ? false : (seen.add(i.label), true)));
}

function firstSentence(s: string): string {
  const m = /^(.+?[.!?])(\s|$)/.exec(s);
  return m ? m[1] : s;
}
