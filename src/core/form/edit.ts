// What the form may change in a worksheet, and the text edits that make each
// change. The page sends a typed edit (set this field, add this note); this
// module checks it against the form's layout (only the worksheet's own fields
// can be written, with values of their type), asks the YAML editor for the
// smallest text edits, then reads the result back and refuses any edit whose
// data is not exactly the intended change: nothing else in the file may move.
import { isMap, isScalar, isSeq } from 'yaml';
import type { Scalar } from 'yaml';
import type { TextEdit } from '../types';
import { parseFull } from '../yaml';
import { FORM_FIELDS, keyOrder } from './layout';
import type { FieldSpec, FormEdit } from './types';
import { NOTE_KEYS, PERSON_KEYS } from './types';
import type { OffsetEdit, Path, WriteValue } from './yaml-edit';
import { FormEditError, UnsafeEditError, YamlTextEditor, applyOffsetEdits, normalizeEdits, parseForEdit } from './yaml-edit';

export type { FormEdit, FormPath } from './types';
export { FormEditError, UnsafeEditError } from './yaml-edit';

/** Where an edit lands: a field, or a part of one item of a notes or people list. */
interface Target {
  field: FieldSpec;
  index?: number;
  sub?: string;
}

const LIST_CONTROLS = new Set(['people', 'questions', 'tags']);
const MAX_TEXT = 20_000;

/**
 * The text edits for one form edit, as small as the change allows. Throws
 * FormEditError, with a message for the person, when the edit cannot be made
 * safely (a syntax error in the file, a value of the wrong type, an item that
 * is gone); the text is then left as it was.
 */
export function applyFormEdit(text: string, edit: FormEdit): TextEdit[] {
  return toTextEdits(text, formEditOffsets(text, edit));
}

/** The same, as offsets into `text` (normalised: sorted, none touching). */
export function formEditOffsets(text: string, edit: FormEdit): OffsetEdit[] {
  const checked = parseFull('form.worksheet.yaml', text);
  if (checked.findings.length) throw new FormEditError('The file has a problem the form cannot work around (see the banner): fix it in the text first.');
  const doc = parseForEdit(text);
  if (doc.contents !== null && !isMap(doc.contents)) throw new FormEditError('This file is not a block of keys, so the form cannot edit it: fix it in the text first.');
  const editor = new YamlTextEditor(text, keyOrder, doc);
  const before = doc.toJS() as unknown;
  const { edits, expect } = plan(editor, edit);
  const result = normalizeEdits(text, edits);
  verify(text, result, before, expect);
  return result;
}

type Expect = (data: Record<string, unknown>) => void;

function plan(editor: YamlTextEditor, edit: FormEdit): { edits: OffsetEdit[]; expect: Expect } {
  const target = resolve(edit);
  const { field } = target;
  const base = field.path;
  if (edit.op === 'insert' || edit.op === 'remove' || edit.op === 'move') {
    if (target.index !== undefined || (field.control !== 'notes' && field.control !== 'persons')) throw new FormEditError('Only notes and people can be added, removed or moved.');
    const list = () => editor.doc.getIn(base, true);
    if (edit.op === 'insert') {
      const value = checkText(edit.value, true);
      const item: WriteValue = field.control === 'persons' ? { name: value } : value;
      return {
        edits: editor.insertItem(base, edit.index, item, { blockList: true }),
        expect: (d) => {
          const arr = getIn(d, base);
          if (Array.isArray(arr)) arr.splice(Math.max(0, Math.min(edit.index, arr.length)), 0, item);
          else setIn(d, base, [item]);
        },
      };
    }
    if (edit.op === 'remove') {
      const seq = list();
      if (!isSeq(seq) || edit.index < 0 || edit.index >= seq.items.length) throw new FormEditError('That item does not exist any more.');
      if (seq.items.length === 1) return clear(editor, base);
      return { edits: editor.removeItem(base, edit.index), expect: (d) => { (getIn(d, base) as unknown[]).splice(edit.index, 1); } };
    }
    return {
      edits: editor.moveItem(base, edit.from, edit.to),
      expect: (d) => {
        const arr = getIn(d, base) as unknown[];
        const [moved] = arr.splice(edit.from, 1);
        arr.splice(edit.to, 0, moved);
      },
    };
  }
  if (target.index !== undefined) return planItem(editor, edit, target);
  if (edit.op === 'clear') return clear(editor, base);
  if (field.control === 'notes' || field.control === 'persons') throw new FormEditError('Notes and people are changed one at a time.');
  if (LIST_CONTROLS.has(field.control)) {
    const values = checkList(edit.value);
    if (values.length === 0) return clear(editor, base);
    return { edits: editor.setList(base, values), expect: (d) => setIn(d, base, values) };
  }
  const value = checkScalar(field, edit.value);
  if (value === '') return clear(editor, base);
  return { edits: editor.set(base, value, { quoted: field.quoted }), expect: (d) => setIn(d, base, value) };
}

/** An edit inside one note or person of a list. */
function planItem(editor: YamlTextEditor, edit: Exclude<FormEdit, { op: 'insert' | 'remove' | 'move' }>, target: Target): { edits: OffsetEdit[]; expect: Expect } {
  const { field, sub } = target;
  const index = target.index!;
  const itemPath = [...field.path, index];
  const item = editor.doc.getIn(itemPath, true);
  if (item === undefined) throw new FormEditError('That item does not exist any more.');
  const plain = isScalar(item);
  // A plain note is its text; a plain person line is their name.
  const mainKey = field.control === 'notes' ? 'text' : 'name';
  const subPath = [...itemPath, sub!];
  if (!plain && !isMap(item)) throw new FormEditError('This item is written in a way the form cannot change: edit it in the text.');

  if (edit.op === 'clear') {
    if (sub === 'text') throw new FormEditError('A note needs its text: remove the note instead.');
    if (plain) {
      if (sub === mainKey) throw new FormEditError('Remove the person instead.');
      return { edits: [], expect: () => undefined };
    }
    return clear(editor, subPath);
  }
  let value: WriteValue;
  if (sub === 'themes') {
    const values = checkList(edit.value);
    if (values.length === 0) return planItem(editor, { op: 'clear', path: edit.path }, target);
    value = values;
  } else if (sub === 'internal') {
    if (typeof edit.value !== 'boolean') throw new FormEditError('Expected yes or no.');
    // Shared back is what a note is unless it says otherwise: unticked, the key goes.
    if (!edit.value) return planItem(editor, { op: 'clear', path: edit.path }, target);
    value = true;
  } else {
    value = checkText(edit.value, sub === 'text');
    if (value === '') return planItem(editor, { op: 'clear', path: edit.path }, target);
  }
  if (plain) {
    const current = (item as Scalar).value;
    if (sub === mainKey) return { edits: editor.set(itemPath, value), expect: (d) => setIn(d, itemPath, value) };
    const block: Record<string, WriteValue> = { [mainKey]: current === null ? '' : String(current) };
    block[sub!] = value;
    const ordered = orderedBlock(block, field.control === 'notes' ? NOTE_KEYS : PERSON_KEYS);
    return { edits: editor.set(itemPath, ordered), expect: (d) => setIn(d, itemPath, ordered) };
  }
  if (sub === 'themes') {
    const values = value as string[];
    return { edits: editor.setList(subPath, values), expect: (d) => setIn(d, subPath, values) };
  }
  return { edits: editor.set(subPath, value), expect: (d) => setIn(d, subPath, value) };
}

function clear(editor: YamlTextEditor, path: Path): { edits: OffsetEdit[]; expect: Expect } {
  const { edits, removed, left } = editor.remove(path);
  return {
    edits,
    expect: (d) => {
      deleteIn(d, removed);
      if (left !== undefined) setIn(d, removed.slice(0, -1), left);
    },
  };
}

/** The field and item an edit's path names; anything else is refused. */
function resolve(edit: FormEdit): Target {
  const path = edit.path;
  if (!Array.isArray(path) || path.length === 0) throw new FormEditError('The form sent an edit without a field.');
  for (const field of FORM_FIELDS) {
    const n = field.path.length;
    if (path.length < n || !field.path.every((s, i) => s === path[i])) continue;
    if (path.length === n) return { field };
    if ((field.control === 'notes' || field.control === 'persons') && path.length === n + 2) {
      const index = path[n];
      const sub = path[n + 1];
      const subs: readonly string[] = field.control === 'notes' ? NOTE_KEYS : PERSON_KEYS;
      if (typeof index === 'number' && Number.isInteger(index) && index >= 0 && typeof sub === 'string' && subs.includes(sub)) return { field, index, sub };
    }
  }
  throw new FormEditError(`The form cannot write ${path.join('.')}.`);
}

function checkText(v: unknown, required: boolean): string {
  if (typeof v !== 'string') throw new FormEditError('Expected text.');
  if (v.length > MAX_TEXT) throw new FormEditError(`That is more than ${MAX_TEXT.toLocaleString('en')} characters: keep notes short, or write them in the text.`);
  const s = v.replace(/\r\n?/g, '\n');
  if (required && s.trim() === '') throw new FormEditError('Write the text first.');
  return s;
}

function checkList(v: unknown): string[] {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new FormEditError('Expected a list of names or ids.');
  const out: string[] = [];
  for (const x of v as string[]) {
    const t = x.trim();
    if (t && !out.includes(t) && !t.includes('\n')) out.push(t);
  }
  return out;
}

/** The value as the field's type; '' means "clear it". */
function checkScalar(field: FieldSpec, v: unknown): string | number | boolean {
  switch (field.control) {
    case 'boolean':
      if (typeof v !== 'boolean') throw new FormEditError('Expected yes or no.');
      return v;
    case 'number': {
      if (v === '') return '';
      const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
      if (!Number.isInteger(n) || n < 0 || n > 100_000) throw new FormEditError('Write a whole number of minutes, like 45.');
      return n;
    }
    case 'choice': {
      if (v === '') return '';
      if (typeof v !== 'string' || !field.choices?.some((c) => c.value === v)) throw new FormEditError(`Choose one of: ${field.choices?.map((c) => c.value).join(', ')}.`);
      return v;
    }
    case 'multiline':
      return checkText(v, false).replace(/\s+$/, '');
    default: {
      const s = checkText(v, false);
      if (s.includes('\n')) throw new FormEditError('This field takes one line.');
      return s.trim();
    }
  }
}

function orderedBlock(block: Record<string, WriteValue>, keys: readonly string[]): Record<string, WriteValue> {
  const out: Record<string, WriteValue> = {};
  for (const k of keys) if (block[k] !== undefined) out[k] = block[k];
  return out;
}

// ---- checking the result --------------------------------------------------------

/**
 * Reads the edited text back: it must parse cleanly and hold exactly the data
 * before the edit with the intended change made. Anything else is a bug here,
 * and the person's file must not pay for it.
 */
function verify(text: string, edits: OffsetEdit[], before: unknown, expect: Expect): void {
  const after = applyOffsetEdits(text, edits);
  const doc = parseForEdit(after);
  const intended = structuredClone(before ?? {}) as Record<string, unknown>;
  expect(intended);
  const got = doc.errors.length ? undefined : (doc.toJS() as unknown) ?? {};
  if (!deepEqual(got, intended)) {
    throw new UnsafeEditError('The form could not make this change without touching other parts of the file, so nothing was changed. Make it in the text (Open as Text).');
  }
}

function getIn(data: unknown, path: Path): unknown {
  let cur = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

function setIn(data: Record<string, unknown>, path: Path, value: unknown): void {
  let cur: Record<string | number, unknown> = data;
  path.forEach((seg, i) => {
    if (i === path.length - 1) {
      cur[seg] = value;
      return;
    }
    const next = cur[seg];
    if (next === null || typeof next !== 'object') cur[seg] = {};
    cur = cur[seg] as Record<string | number, unknown>;
  });
}

function deleteIn(data: Record<string, unknown>, path: Path): void {
  const parent = getIn(data, path.slice(0, -1));
  if (parent && typeof parent === 'object') delete (parent as Record<string | number, unknown>)[path[path.length - 1]];
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Offsets to the core's line/character ranges, line breaks of either kind. */
export function toTextEdits(text: string, edits: OffsetEdit[]): TextEdit[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const pos = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - starts[lo] };
  };
  return edits.map((e) => ({ range: { start: pos(e.start), end: pos(e.end) }, newText: e.text }));
}
