// Messages between the worksheet form's page and its custom editor, shared by
// both sides so they cannot drift apart. Each side checks what it receives:
// the host because the page shows text from many hands and must not be able
// to make it write anything but a worksheet field, the page because a
// malformed message must not break it. No vscode import: the page bundles it.
import type { FormEdit, FormGap, FormLayout, FormModel } from '../../core/form/types';
import type { ErrorMessage } from '../panels/message-parts';
import { errorMessage, isRecord } from '../panels/message-parts';

/** What the workspace knows, offered beside the fields. */
export interface FormVocabulary {
  partners: { id: string; organization: string }[];
  /** Team members' ids. */
  people: string[];
  themes: { id: string; label: string }[];
  rounds: string[];
  /** This partner's goals: this worksheet's first, then their other meetings'. */
  goals: string[];
  /** Who worksheets are shared with: people and groups already used. */
  sharedWith: string[];
  questions: { id: string; text: string; category: string }[];
}

/** Extension -> page. */
export type HostMessage =
  | {
    type: 'state';
    /** The document version the model was built from; edits name it back. */
    version: number;
    model: FormModel;
    gaps: FormGap[];
    /** False while the gaps are rechecked after a change: their fixes wait. */
    gapsCurrent: boolean;
    vocabulary: FormVocabulary;
    /** The fields, their tips and choices: sent with the first state after the page is (re)loaded. */
    layout?: FormLayout;
  }
  /** An edit or fix that was not made, and why. */
  | ErrorMessage;

/** Page -> extension. */
export type PageMessage =
  | { type: 'ready' }
  | { type: 'edit'; version: number; edit: FormEdit }
  | { type: 'fix'; version: number; gap: number; fix: number }
  | { type: 'openText'; line?: number };

const MAX_TEXT = 20_000;
const MAX_LIST = 200;
const MAX_ID = 500;

const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 100_000;

function path(v: unknown): (string | number)[] | undefined {
  if (!Array.isArray(v) || v.length === 0 || v.length > 6) return undefined;
  return v.every((s) => (typeof s === 'string' && s.length > 0 && s.length <= 100) || isIndex(s)) ? (v as (string | number)[]) : undefined;
}

function editValue(v: unknown): string | number | boolean | string[] | undefined {
  if (typeof v === 'string') return v.length <= MAX_TEXT ? v : undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'boolean') return v;
  if (Array.isArray(v) && v.length <= MAX_LIST && v.every((x) => typeof x === 'string' && x.length <= MAX_ID)) return v as string[];
  return undefined;
}

function formEdit(raw: unknown): FormEdit | undefined {
  if (!isRecord(raw)) return undefined;
  const p = path(raw.path);
  if (!p) return undefined;
  switch (raw.op) {
    case 'set': {
      const value = editValue(raw.value);
      return value === undefined ? undefined : { op: 'set', path: p, value };
    }
    case 'clear':
      return { op: 'clear', path: p };
    case 'insert':
      return isIndex(raw.index) && typeof raw.value === 'string' && raw.value.length <= MAX_TEXT ? { op: 'insert', path: p, index: raw.index, value: raw.value } : undefined;
    case 'remove':
      return isIndex(raw.index) ? { op: 'remove', path: p, index: raw.index } : undefined;
    case 'move':
      return isIndex(raw.from) && isIndex(raw.to) ? { op: 'move', path: p, from: raw.from, to: raw.to } : undefined;
    default:
      return undefined;
  }
}

/** The message as a PageMessage, or undefined when its type or payload is not one we accept. */
export function parsePageMessage(raw: unknown): PageMessage | undefined {
  if (!isRecord(raw) || typeof raw.type !== 'string') return undefined;
  switch (raw.type) {
    case 'ready':
      return { type: 'ready' };
    case 'edit': {
      const edit = formEdit(raw.edit);
      return edit && isIndex(raw.version) ? { type: 'edit', version: raw.version, edit } : undefined;
    }
    case 'fix':
      return isIndex(raw.version) && isIndex(raw.gap) && isIndex(raw.fix) && raw.fix < 50 ? { type: 'fix', version: raw.version, gap: raw.gap, fix: raw.fix } : undefined;
    case 'openText':
      if (raw.line === undefined) return { type: 'openText' };
      return isIndex(raw.line) && raw.line >= 1 ? { type: 'openText', line: raw.line } : undefined;
    default:
      return undefined;
  }
}

/** The message as a HostMessage, or undefined (the page ignores anything else). */
export function parseHostMessage(raw: unknown): HostMessage | undefined {
  if (!isRecord(raw)) return undefined;
  switch (raw.type) {
    case 'state': {
      const { model, gaps, vocabulary } = raw;
      // The host built it from the same types; check the parts the page relies on first.
      if (!isIndex(raw.version) || !isRecord(model) || !isRecord(model.values) || !Array.isArray(model.problems) || typeof model.editable !== 'boolean') return undefined;
      if (!Array.isArray(gaps) || !isRecord(vocabulary) || !Array.isArray(vocabulary.people)) return undefined;
      const layout = isRecord(raw.layout) && Array.isArray(raw.layout.sections) ? (raw.layout as unknown as FormLayout) : undefined;
      const state: HostMessage = { type: 'state', version: raw.version, model: model as unknown as FormModel, gaps: gaps as FormGap[], gapsCurrent: raw.gapsCurrent === true, vocabulary: vocabulary as unknown as FormVocabulary };
      return layout ? { ...state, layout } : state;
    }
    case 'error':
      return errorMessage(raw);
    default:
      return undefined;
  }
}
