// What the form shows for one worksheet text: each field's value as its
// control takes it, or why it cannot (absent, written in another shape, under
// a block that is not a block), the keys the form does not show, and the
// reading problems that make the form read-only. Built from the same parse as
// the checks (parseFull), so a hostile file costs a banner, never a hang.
import type { Range } from '../types';
import type { PosMap, PosNode } from '../yaml';
import { YamlView, parseFull, toRange } from '../yaml';
import { FORM_FIELDS, FORM_SECTIONS, knownKey } from './layout';
import type { FieldSpec, FieldValue, FormModel, FormProblem, ItemValue } from './types';
import { NOTE_KEYS, PERSON_KEYS } from './types';

export type { FieldValue, FormModel, FormProblem, ItemValue, ScalarValue } from './types';

/** The model, and where each field and block sits in the text (for placing gaps). */
export interface FormDocument {
  model: FormModel;
  /** Field or group id -> ranges of its key and value, deepest first when several match. */
  places: { id: string; ranges: Range[] }[];
}

const MAX_RAW = 2000;

export function buildFormModel(text: string, uri = 'form.worksheet.yaml'): FormDocument {
  const file = parseFull(uri, text);
  const view = new YamlView(file);
  const problems: FormProblem[] = file.findings.map((f) => ({ kind: 'syntax' as const, message: f.message, line: f.range.start.line + 1 }));
  const data = file.data;
  const values: Record<string, FieldValue> = {};
  const places: FormDocument['places'] = [];
  const lineOf = (node: PosNode | undefined) => (node ? file.lines.linePos(node.range[0]).line : 1);
  const rangeOf = (node: PosNode | undefined) => (node ? toRange(file.lines, node.range[0], node.range[1]) : undefined);
  const raw = (node: PosNode | undefined) => (node ? text.slice(node.range[0], node.range[1]).trimEnd().slice(0, MAX_RAW) : '');
  const isRoot = data === undefined || data === null || isRecord(data);
  if (!isRoot) problems.push({ kind: 'shape', message: 'This file is not a block of keys, so the form can only show it empty. Fix it in the text.', line: lineOf(file.tree) });
  const editable = problems.length === 0;

  for (const field of FORM_FIELDS) {
    const parentPath = field.path.slice(0, -1);
    const parent = parentPath.length ? at(data, parentPath) : data;
    const node = view.node(field.path);
    const keyRange = view.keyRange(field.path);
    const ranges = [node && node.range[1] > node.range[0] ? rangeOf(node) : undefined, keyRange].filter((r): r is Range => !!r);
    if (ranges.length) places.push({ id: field.id, ranges });
    if (!isRoot || (parent !== undefined && parent !== null && !isRecord(parent))) {
      values[field.id] = { state: 'blocked', line: lineOf(view.node(parentPath)) };
      continue;
    }
    const v = at(data, field.path);
    const line = node ? lineOf(node) : keyRange ? keyRange.start.line + 1 : 0;
    values[field.id] = valueOf(field, v, line, node, raw, lineOf);
  }
  // Blocks too, so a gap about a block (no next step yet) lands on it.
  for (const s of FORM_SECTIONS) {
    for (const g of s.groups) {
      const key = view.keyRange([g.id]);
      const node = view.node([g.id]);
      const ranges = [key, rangeOf(node)].filter((r): r is Range => !!r);
      if (ranges.length) places.push({ id: g.id, ranges });
    }
  }
  if (isRecord(data)) problems.push(...unknownKeys(view, data, lineOf));
  return { model: { editable, problems, values }, places };
}

function valueOf(
  field: FieldSpec,
  v: unknown,
  line: number,
  node: PosNode | undefined,
  raw: (n: PosNode | undefined) => string,
  lineOf: (n: PosNode | undefined) => number,
): FieldValue {
  if (v === undefined) return line ? { state: 'absent', line } : { state: 'absent' };
  const other = (replaceable: boolean): FieldValue => ({ state: 'other', raw: raw(node), line, replaceable });
  const isCollection = typeof v === 'object' && v !== null;
  switch (field.control) {
    case 'boolean':
      if (v === null) return { state: 'absent', line };
      return typeof v === 'boolean' ? { state: 'value', value: v, line } : other(!isCollection || flowNode(node));
    case 'number':
      if (v === null) return { state: 'value', value: '', line };
      return typeof v === 'number' ? { state: 'value', value: v, line } : other(!isCollection || flowNode(node));
    case 'choice':
      if (v === null) return { state: 'absent', line };
      return typeof v === 'string' && field.choices?.some((c) => c.value === v) ? { state: 'value', value: v, line } : other(!isCollection || flowNode(node));
    case 'people':
    case 'questions':
    case 'tags':
      if (v === null) return { state: 'absent', line };
      if (Array.isArray(v) && v.every((x) => isScalar(x))) return { state: 'value', value: v.map((x) => String(x)), line };
      return other(!isCollection);
    case 'notes':
    case 'persons': {
      if (v === null) return { state: 'absent', line };
      if (!Array.isArray(v)) return other(false);
      const items = node?.kind === 'seq' ? node.items : [];
      return { state: 'items', line, items: v.map((item, i) => itemOf(field, item, items[i], raw, lineOf)) };
    }
    default:
      if (v === null) return { state: 'value', value: '', line };
      return isScalar(v) ? { state: 'value', value: String(v), line } : other(flowNode(node));
  }
}

function itemOf(field: FieldSpec, item: unknown, node: PosNode | undefined, raw: (n: PosNode | undefined) => string, lineOf: (n: PosNode | undefined) => number): ItemValue {
  const line = lineOf(node);
  const main = field.control === 'notes' ? 'text' : 'name';
  const keys: readonly string[] = field.control === 'notes' ? NOTE_KEYS : PERSON_KEYS;
  if (isScalar(item) && item !== null) return { plain: true, values: { [main]: String(item) }, line };
  if (isRecord(item)) {
    const values: Record<string, string | string[] | boolean> = {};
    let shown = true;
    for (const k of keys) {
      const x = item[k];
      if (x === undefined || x === null) continue;
      if (k === 'themes') {
        if (Array.isArray(x) && x.every(isScalar)) values[k] = x.map(String);
        else shown = false;
      } else if (k === 'internal') {
        // A tick box: `internal: yes` is not one (the format-slip finding says how to write it).
        if (typeof x === 'boolean') values[k] = x;
        else shown = false;
      } else if (isScalar(x)) {
        values[k] = String(x);
      } else {
        shown = false;
      }
    }
    if (shown) return { plain: false, values, line };
  }
  return { plain: false, values: {}, line, raw: raw(node) };
}

/** Keys the form does not show: the text keeps them as they are. */
function unknownKeys(view: YamlView, data: Record<string, unknown>, lineOf: (n: PosNode | undefined) => number): FormProblem[] {
  const out: FormProblem[] = [];
  const visit = (path: (string | number)[], value: unknown, depth: number) => {
    if (!isRecord(value) || depth > 3) return;
    const node = path.length ? view.node(path) : view.root;
    const pairs = node?.kind === 'map' ? (node as PosMap).pairs : [];
    for (const p of pairs) {
      const key = p.keyValue;
      if (typeof key !== 'string') continue;
      if (!knownKey(path, key)) {
        out.push({ kind: 'unknown-key', message: `\`${[...path, key].join('.')}\` is not a worksheet field, so the form does not show it; it stays in the file as written.`, line: lineOf(p.key) });
        continue;
      }
      const child = value[key];
      if (isRecord(child)) visit([...path, key], child, depth + 1);
      else if (Array.isArray(child)) child.forEach((item, i) => visit([...path, key, i], item, depth + 1));
    }
  };
  visit([], data, 0);
  return out;
}

function flowNode(node: PosNode | undefined): boolean {
  return !!node && node.kind !== 'scalar' && node.flow;
}

function at(data: unknown, path: readonly (string | number)[]): unknown {
  let cur = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isScalar(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}
