// Completion that teaches the method: keys valid at the cursor with their
// descriptions, allowed values, and values the workspace already knows
// (partner ids, people, themes, metrics, questions, rounds).
import type { FileKind } from '../types';
import type { JsonSchema } from '../schema';
import { SCHEMAS } from '../schema';
import { cursorContext } from './cursor';
import type { CursorContext } from './cursor';
import { description, propertiesAt, schemaAt, typeOf, valuesAt } from './schema-nav';
import { QUESTIONS } from '../questions';
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

/** What the workspace knows, for value completion. */
export interface WorkspaceVocabulary {
  partners: { id: string; organization: string; meetings: number }[];
  people: string[];
  themes: { id: string; label: string }[];
  rounds: string[];
}

export interface CompletionOptions {
  /** Leave key completion to another provider (Red Hat YAML reads the same schemas). */
  keys?: boolean;
}

const PARTNER_KEYS = new Set(['partners', 'partners_present', 'partners_contributed', 'holder']);
const PEOPLE_KEYS = new Set(['our_attendees', 'owner', 'person', 'attendees', 'managed_by', 'meetings', 'agendas', 'communication_channels', 'goals_and_metrics', 'shared_measurement', 'resources']);

export function complete(
  kind: FileKind,
  text: string,
  line: number,
  character: number,
  vocab: WorkspaceVocabulary,
  docMetrics: string[] = [],
  options: CompletionOptions = {},
): { context: CursorContext; items: CompletionEntry[] } {
  const root = SCHEMAS[kind];
  const ctx = cursorContext(text, line, character);
  if (ctx.position === 'key') {
    return { context: ctx, items: options.keys === false ? [] : keyItems(root, ctx) };
  }
  const items = [...workspaceValues(kind, ctx, vocab, docMetrics), ...schemaValues(root, ctx)];
  // A new `- ` item in a list of blocks starts with a key.
  if (items.length === 0 && ctx.inList && options.keys !== false) {
    const itemSchema = schemaAt(root, [...ctx.path, 0]);
    if (itemSchema && typeOf(root, itemSchema) === 'object') {
      return { context: ctx, items: keyItems(root, { ...ctx, path: [...ctx.path, 0], position: 'key', siblings: [] }) };
    }
  }
  return { context: ctx, items: dedupe(items) };
}

function keyItems(root: JsonSchema, ctx: CursorContext): CompletionEntry[] {
  const props = propertiesAt(root, ctx.path);
  const items: CompletionEntry[] = [];
  let order = 0;
  for (const [key, schema] of Object.entries(props)) {
    order++;
    if (ctx.siblings.includes(key)) continue;
    items.push({
      label: key,
      kind: 'property',
      insertText: keySnippet(root, key, schema),
      detail: typeof schema.description === 'string' ? firstSentence(schema.description) : undefined,
      documentation: description(schema),
      // Keep the schema's order, which follows the flow of a meeting.
      sortText: String(order).padStart(3, '0'),
    });
  }
  return items;
}

function keySnippet(root: JsonSchema, key: string, schema: JsonSchema): string {
  const type = typeOf(root, schema);
  const enumValues = Array.isArray(schema.enum) ? (schema.enum as unknown[]).filter((v) => v !== null).map(String) : [];
  if (enumValues.length) return `${key}: \${1|${enumValues.map(snippetChoice).join(',')}|}`;
  if (schema.const !== undefined) return `${key}: ${String(schema.const)}`;
  switch (type) {
    case 'object':
      return `${key}:\n  $0`;
    case 'array': {
      const items = schema.items as JsonSchema | undefined;
      const itemType = items ? typeOf(root, items) : undefined;
      return itemType === 'object' ? `${key}:\n  - $0` : `${key}: [$0]`;
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

function workspaceValues(kind: FileKind, ctx: CursorContext, vocab: WorkspaceVocabulary, docMetrics: string[]): CompletionEntry[] {
  const key = [...ctx.path].reverse().find((s): s is string => typeof s === 'string');
  if (!key) return [];
  const ref = (label: string, detail?: string, documentation?: string): CompletionEntry => ({ label, kind: 'reference', insertText: snippetText(label), detail, documentation, sortText: `0${label}` });
  const parent = ctx.path.filter((s): s is string => typeof s === 'string').slice(-2)[0];
  if (PARTNER_KEYS.has(key) || (key === 'id' && parent === 'partners' && kind === 'convening')) {
    return vocab.partners.map((p) => ref(p.id, p.organization, `${p.organization}: ${p.meetings} meeting${p.meetings === 1 ? '' : 's'}`));
  }
  if (key === 'id' && parent === 'partner' && kind === 'worksheet') {
    return vocab.partners.map((p) => ref(p.id, p.organization));
  }
  if (PEOPLE_KEYS.has(key) && !(kind === 'config')) {
    return vocab.people.map((p) => ref(p, 'team member'));
  }
  if (key === 'themes') return vocab.themes.map((t) => ref(t.id, t.label));
  if (key === 'metrics') return docMetrics.map((m) => ref(m, 'indicator of this partnership'));
  if (key === 'questions') {
    return QUESTIONS.map((q) => ref(q.id, q.text, `**${q.text}**${q.why ? `\n\n${q.why}` : ''}\n\n_Category: ${q.category}_`));
  }
  if (key === 'round') return vocab.rounds.map((r) => ref(r, 'round in use'));
  return [];
}

function dedupe(items: CompletionEntry[]): CompletionEntry[] {
  const seen = new Set<string>();
  return items.filter((i) => (seen.has(i.label) ? false : (seen.add(i.label), true)));
}

function firstSentence(s: string): string {
  const m = /^(.+?[.!?])(\s|$)/.exec(s);
  return m ? m[1] : s;
}
