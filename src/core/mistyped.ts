// A section written as something else than its schema's block or list
// (`next_step: Send them the calendar`, `notes: We talked about transport`,
// `goals: {text: ...}`) gets its schema error, and the rules that read that
// section find nothing in it: "No next step", "No notes on goals". Both at
// once contradict each other and bury the one thing to fix, so the rules'
// findings inside such a section are left out until it is written as a block.
import type { FileKind, Finding, Range } from './types';
import type { YamlPath, YamlView } from './yaml';
import { SCHEMAS } from './schema-source';
import type { JsonSchema } from './schema-source';
import { readAsMeant } from './forgive';

/** The type a schema node asks for, through one `$ref` to the definitions. */
function typeOf(root: JsonSchema, node: unknown): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const s = node as JsonSchema;
  if (typeof s.type === 'string') return s.type;
  const ref = s.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/definitions/')) {
    const target = (root.definitions as Record<string, unknown> | undefined)?.[ref.slice('#/definitions/'.length)];
    return target && typeof target === 'object' && typeof (target as JsonSchema).type === 'string' ? (target as JsonSchema).type as string : undefined;
  }
  return undefined;
}

function holds(type: string, value: unknown): boolean {
  if (type === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value);
  if (type === 'array') return Array.isArray(value);
  return true;
}

/**
 * The paths of the sections (top-level blocks and their fields) that the
 * schema wants as a block or a list and that hold something else, read as
 * meant: a paragraph of notes that forgive.ts makes a list is no mistype.
 */
export function mistypedSections(kind: FileKind, data: unknown): YamlPath[] {
  const reading = readAsMeant(kind, data);
  // Data the schema takes as written (most files) has no section of the wrong type.
  if (reading.valid || !holds('object', reading.data)) return [];
  const root = SCHEMAS[kind];
  const meant = reading.data;
  const out: YamlPath[] = [];
  const visit = (schema: unknown, value: Record<string, unknown>, at: YamlPath, depth: number) => {
    const props = (schema as JsonSchema | undefined)?.properties as Record<string, unknown> | undefined;
    if (!props) return;
    for (const [key, sub] of Object.entries(props)) {
      const type = typeOf(root, sub);
      const v = value[key];
      if ((type !== 'object' && type !== 'array') || v === undefined || v === null) continue;
      if (!holds(type, v)) out.push([...at, key]);
      else if (type === 'object' && depth < 1) visit(sub, v as Record<string, unknown>, [...at, key], depth + 1);
    }
  };
  visit(root, meant as Record<string, unknown>, [], 0);
  return out;
}

const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);

/**
 * The findings without those of `local` rules (not schema, slips or syntax)
 * that start inside a mistyped section, from its key to the end of its value.
 */
export function withoutFindingsInMistyped(findings: Finding[], view: YamlView, paths: readonly YamlPath[], isLocalRule: (code: string) => boolean): Finding[] {
  const spans: Range[] = [];
  for (const path of paths) {
    const value = view.rangeOfNode(view.node(path));
    if (!value) continue;
    spans.push({ start: view.keyRange(path)?.start ?? value.start, end: value.end });
  }
  if (spans.length === 0) return findings;
  return findings.filter((f) => !isLocalRule(f.code) || !spans.some((s) => !before(f.range.start, s.start) && before(f.range.start, s.end)));
}
