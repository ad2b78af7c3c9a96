// The form's fields as DOM, from the layout (which field, which control, the
// method's tip), the model (each field's value or why it cannot be shown) and
// what the workspace knows (suggestions). Returns the controls bound to their
// YAML paths; main.ts fills their values and sends their changes.
import type { FieldSpec, FieldValue, FormLayout, FormModel, GroupSpec, ItemValue, SectionSpec } from '../../core/form/types';
import type { FormVocabulary } from '../../features/form/messages';
import { append, domId, h, withCode } from './dom';

export type ControlKind = 'text' | 'textarea' | 'date' | 'time' | 'number' | 'checkbox' | 'select' | 'combo';

export type ControlElement = HTMLElement & { value: string; checked: boolean; disabled: boolean };

/** One control bound to the place in the worksheet it writes. */
export interface Binding {
  key: string;
  el: ControlElement;
  kind: ControlKind;
  path: readonly (string | number)[];
  /** A note's text: it cannot be cleared, only the note removed. */
  required?: boolean;
  /** What the model holds for it (what the control was last filled with). */
  current: string | boolean;
}

/** A list of ids shown as chips: its path and its values. */
export interface ChipList {
  path: readonly (string | number)[];
  values: string[];
  label: string;
}

export interface View {
  root: DocumentFragment;
  layout: FormLayout;
  bindings: Map<string, Binding>;
  chips: Map<string, ChipList>;
}

interface Suggestion {
  value: string;
  label?: string;
  description?: string;
}

/** How the list's items are named in labels ("Move challenge 2 up"). */
const ITEM_NAMES: Record<string, string> = {
  'notes.challenges': 'challenge',
  'notes.values': 'value',
  'notes.goals': 'goal',
  'notes.commitments': 'commitment',
  'notes.compelling': 'compelling note',
  'notes.other': 'note',
  'partner.people': 'person',
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * What decides the DOM's structure (everything but the text in the fields):
 * when it is unchanged, an update only fills values and gaps, so the focus
 * and the caret stay where they are.
 */
export function shapeOf(model: FormModel, vocab: FormVocabulary): string {
  const fields = Object.entries(model.values).map(([id, v]) => {
    switch (v.state) {
      case 'items':
        return [id, v.state, v.items.map((i) => [i.plain, i.raw ?? '', i.values.themes ?? null])];
      case 'value':
        return [id, v.state, Array.isArray(v.value) ? v.value : mode(v.value)];
      case 'other':
        return [id, v.state, v.raw, v.replaceable];
      default:
        return [id, v.state];
    }
  });
  return JSON.stringify([model.editable, fields, vocab]);
}

/** Date and time fields show a picker for well-formed values, and plain text otherwise. */
function mode(v: unknown): string {
  if (typeof v !== 'string') return typeof v;
  return `${ISO_DATE.test(v) ? 'd' : ''}${TIME.test(v) ? 't' : ''}${v === '' ? 'e' : ''}`;
}

export function renderForm(layout: FormLayout, model: FormModel, vocab: FormVocabulary): View {
  const view: View = { root: document.createDocumentFragment(), bindings: new Map(), chips: new Map(), layout };
  for (const section of layout.sections) view.root.append(renderSection(section, model, vocab, view));
  return view;
}

function renderSection(section: SectionSpec, model: FormModel, vocab: FormVocabulary, view: View): HTMLElement {
  const headingId = `h-${section.id}`;
  return h('section', { id: section.id, class: 'part', 'aria-labelledby': headingId },
    h('h2', { id: headingId, tabindex: -1 }, section.title),
    h('p', { class: 'intro' }, section.intro),
    ...section.groups.map((g) => renderGroup(g, model, vocab, view)));
}

function renderGroup(group: GroupSpec, model: FormModel, vocab: FormVocabulary, view: View): HTMLElement {
  const headingId = domId('h', group.id);
  const blocked = group.fields.every((f) => model.values[f.id]?.state === 'blocked');
  const intro = group.intro?.split('\n\n')[0];
  return h('section', { class: 'group', id: domId('g', group.id), 'aria-labelledby': headingId },
    h('h3', { id: headingId }, group.title),
    intro && h('p', { class: 'intro' }, intro),
    blocked && h('p', { class: 'note' }, ...withCode(`\`${group.id}\` holds something other than a block of fields, so the form cannot show them. Fix it in the text.`)),
    h('div', { class: 'gaps', 'data-gaps-for': group.id }),
    ...group.fields.map((f) => renderField(f, model.values[f.id] ?? { state: 'absent' }, !model.editable, vocab, view)));
}

function renderField(field: FieldSpec, value: FieldValue, readOnly: boolean, vocab: FormVocabulary, view: View): HTMLElement {
  if (field.control === 'notes' || field.control === 'persons') return renderList(field, value, readOnly, vocab, view);
  const id = domId('f', field.id);
  const tipId = domId('tip', field.id);
  const disabled = readOnly || value.state === 'blocked' || (value.state === 'other' && !value.replaceable);
  const current = value.state === 'value' ? value.value : undefined;
  const wrapper = h('div', { class: `field field-${field.control}`, 'data-field': field.id });
  const label = h('vscode-label', { for: id }, field.label);
  let control: HTMLElement;
  switch (field.control) {
    case 'boolean':
      control = bind(view, field.id, field.path, 'checkbox', h('vscode-checkbox', { id, label: field.label }), current === true);
      break;
    case 'multiline':
      control = bind(view, field.id, field.path, 'textarea', h('vscode-textarea', { id, rows: 3, label: field.label }), str(current));
      break;
    case 'date':
    case 'time': {
      const s = str(current);
      const picker = s === '' || (field.control === 'date' ? ISO_DATE.test(s) : TIME.test(s));
      control = bind(view, field.id, field.path, picker ? field.control : 'text', h('vscode-textfield', { id, type: picker ? field.control : 'text', label: field.label }), s);
      break;
    }
    case 'number':
      control = bind(view, field.id, field.path, 'number', h('vscode-textfield', { id, type: 'number', min: 1, label: field.label }), str(current));
      break;
    case 'choice':
      control = bind(view, field.id, field.path, 'select', select(id, field.label, [{ value: '', label: 'Not set' }, ...(field.choices ?? [])], str(current), false), str(current));
      break;
    case 'partner':
    case 'person':
    case 'round':
    case 'goal':
      control = bind(view, field.id, field.path, 'combo', select(id, field.label, suggestionsFor(field.control, vocab), str(current), true), str(current));
      break;
    case 'people':
    case 'questions':
    case 'tags': {
      const values = Array.isArray(current) ? current : [];
      append(wrapper, [
        h('span', { class: 'label', id: domId('l', field.id) }, field.label),
        renderChips(field.id, field.path, field.label, values, suggestionsFor(field.control, vocab), disabled, view),
        tip(tipId, field.tip), otherNote(value), h('div', { class: 'gaps', 'data-gaps-for': field.id }),
      ]);
      return wrapper;
    }
    default:
      control = bind(view, field.id, field.path, 'text', h('vscode-textfield', { id, label: field.label }), str(current));
  }
  if (disabled) lock(control);
  append(wrapper, [field.control !== 'boolean' && label, control, tip(tipId, field.tip), otherNote(value), h('div', { class: 'gaps', 'data-gaps-for': field.id })]);
  return wrapper;
}

/** Notes and people: one row per item, with its parts, moves and removal, then a row to add one. */
function renderList(field: FieldSpec, value: FieldValue, readOnly: boolean, vocab: FormVocabulary, view: View): HTMLElement {
  const name = ITEM_NAMES[field.id] ?? 'item';
  const items = value.state === 'items' ? value.items : [];
  const disabled = readOnly || value.state === 'blocked' || value.state === 'other';
  const legendId = domId('l', field.id);
  const list = h('ol', { class: 'items', 'aria-labelledby': legendId });
  items.forEach((item, i) => list.append(renderItem(field, name, item, i, items.length, disabled, vocab, view)));
  const addId = domId('add', field.id);
  const addField = h('vscode-textfield', { id: addId, 'data-add': field.id, label: `New ${name}`, placeholder: field.control === 'persons' ? 'Their name' : `What you heard: a ${name}` });
  const add = h('div', { class: 'add-row' },
    h('vscode-label', { for: addId }, `Add a ${name}`),
    addField,
    h('vscode-button', { secondary: true, 'data-action': 'add', 'data-list': field.id, 'data-focus-key': `add:${field.id}` }, 'Add'));
  if (disabled) {
    lock(addField);
    (add.lastElementChild as ControlElement).disabled = true;
  }
  return h('fieldset', { class: `field list field-${field.control}`, 'data-field': field.id },
    h('legend', { id: legendId }, field.label),
    tip(domId('tip', field.id), field.tip),
    otherNote(value),
    h('div', { class: 'gaps', 'data-gaps-for': field.id }),
    list,
    add);
}

function renderItem(field: FieldSpec, name: string, item: ItemValue, i: number, count: number, disabled: boolean, vocab: FormVocabulary, view: View): HTMLElement {
  const n = i + 1;
  const base = [...field.path, i];
  const key = `${field.id}.${i}`;
  const parts = h('div', { class: 'item-parts' });
  if (item.raw !== undefined) {
    parts.append(h('p', { class: 'note' }, 'Written in a way the form cannot show field by field: edit it in the text.'), h('pre', { class: 'raw' }, item.raw));
  } else if (field.control === 'notes') {
    parts.append(
      part(view, `${key}.text`, [...base, 'text'], `${cap(name)} ${n}`, view.layout.note.text.label, h('vscode-textarea', { rows: 2 }), 'textarea', str(item.values.text), disabled, true),
      chipsPart(`${key}.themes`, [...base, 'themes'], `Themes of ${name} ${n}`, view.layout.note.themes.label, arr(item.values.themes), suggestionsFor('themes', vocab), disabled, view),
      part(view, `${key}.quote`, [...base, 'quote'], `Quote for ${name} ${n}`, view.layout.note.quote.label, h('vscode-textfield', { placeholder: 'Their exact words' }), 'text', str(item.values.quote), disabled),
      checkPart(view, `${key}.internal`, [...base, 'internal'], `${cap(name)} ${n} is for our team only`, view.layout.note.internal.label, item.values.internal === true, disabled),
    );
  } else {
    parts.append(
      part(view, `${key}.name`, [...base, 'name'], `Name of ${name} ${n}`, view.layout.person.name.label, h('vscode-textfield', {}), 'text', str(item.values.name), disabled),
      part(view, `${key}.role`, [...base, 'role'], `Role of ${name} ${n}`, view.layout.person.role.label, h('vscode-textfield', {}), 'text', str(item.values.role), disabled),
      part(view, `${key}.contact`, [...base, 'contact'], `Contact for ${name} ${n}`, view.layout.person.contact.label, h('vscode-textfield', {}), 'text', str(item.values.contact), disabled),
    );
  }
  const button = (action: string, text: string, label: string, extra: Record<string, string | number>, off: boolean) => {
    const b = h('vscode-button', { secondary: true, 'data-action': action, 'data-list': field.id, 'aria-label': label, 'data-focus-key': `${action}:${field.id}:${i}:${text}`, ...extra }, text);
    if (off || disabled) (b as ControlElement).disabled = true;
    return b;
  };
  const actions = h('div', { class: 'item-actions' },
    button('move', 'Up', `Move ${name} ${n} up`, { 'data-from': i, 'data-to': i - 1 }, i === 0),
    button('move', 'Down', `Move ${name} ${n} down`, { 'data-from': i, 'data-to': i + 1 }, i === count - 1),
    button('remove', 'Remove', `Remove ${name} ${n}`, { 'data-index': i }, false));
  return h('li', { class: 'item', 'data-item': key }, parts, actions);
}

/** One part of an item: a labelled control bound to its path. */
function part(view: View, key: string, path: readonly (string | number)[], label: string, visible: string, el: HTMLElement, kind: ControlKind, value: string, disabled: boolean, required = false): HTMLElement {
  const id = domId('f', key);
  el.id = id;
  el.setAttribute('label', label);
  const control = bind(view, key, path, kind, el, value);
  if (required) view.bindings.get(key)!.required = true;
  if (disabled) lock(control);
  return h('div', { class: 'part' }, h('vscode-label', { for: id }, visible), control);
}

/** A tick box of an item, bound to its path (a note's `internal`). */
function checkPart(view: View, key: string, path: readonly (string | number)[], label: string, visible: string, checked: boolean, disabled: boolean): HTMLElement {
  const control = bind(view, key, path, 'checkbox', h('vscode-checkbox', { id: domId('f', key), label: visible, 'aria-label': label }), checked);
  if (disabled) lock(control);
  return h('div', { class: 'part part-check' }, control);
}

function chipsPart(key: string, path: readonly (string | number)[], label: string, visible: string, values: string[], suggestions: Suggestion[], disabled: boolean, view: View): HTMLElement {
  return h('div', { class: 'part' }, h('span', { class: 'label' }, visible), renderChips(key, path, label, values, suggestions, disabled, view));
}

/** A list of ids as chips, each removable, and a box to add one (a suggestion or a new value). */
function renderChips(key: string, path: readonly (string | number)[], label: string, values: string[], suggestions: Suggestion[], disabled: boolean, view: View): HTMLElement {
  view.chips.set(key, { path, values, label });
  const byValue = new Map(suggestions.map((s) => [s.value, s]));
  const chips = h('ul', { class: 'chips', 'aria-label': label });
  values.forEach((v) => {
    const shown = byValue.get(v)?.label ?? v;
    const remove = h('vscode-button', { secondary: true, class: 'chip-remove', 'data-action': 'chip-remove', 'data-chips': key, 'data-value': v, 'aria-label': `Remove ${shown} from ${label}`, 'data-focus-key': `chip:${key}:${v}` }, '×');
    if (disabled) (remove as ControlElement).disabled = true;
    chips.append(h('li', { class: 'chip' }, h('span', {}, shown), remove));
  });
  if (values.length === 0) chips.append(h('li', { class: 'chip-none' }, 'None yet'));
  const addId = domId('add', key);
  const add = select(addId, `Add to ${label}`, suggestions.filter((s) => !values.includes(s.value)), '', true);
  add.setAttribute('data-chips-add', key);
  add.setAttribute('placeholder', 'Add…');
  if (disabled) (add as ControlElement).disabled = true;
  return h('div', { class: 'chips-field' }, chips, add);
}

/**
 * A control the form cannot write: text stays at full contrast and can be
 * selected and copied (read-only); other controls are disabled.
 */
function lock(control: HTMLElement): void {
  if (control.tagName === 'VSCODE-TEXTFIELD' || control.tagName === 'VSCODE-TEXTAREA') control.setAttribute('readonly', '');
  else (control as ControlElement).disabled = true;
}

function bind(view: View, key: string, path: readonly (string | number)[], kind: ControlKind, el: HTMLElement, current: string | boolean): HTMLElement {
  el.setAttribute('data-key', key);
  el.setAttribute('data-focus-key', `field:${key}`);
  view.bindings.set(key, { key, el: el as ControlElement, kind, path, current });
  return el;
}

/** A select, or a combobox that also takes a new value; the current value is always among its options. */
function select(id: string, label: string, options: Suggestion[], current: string, combobox: boolean): HTMLElement {
  const all = current && !options.some((o) => o.value === current) ? [{ value: current }, ...options] : options;
  const el = h('vscode-single-select', { id, label, combobox, creatable: combobox, filter: combobox ? 'contains' : undefined });
  for (const o of all) {
    const opt = h('vscode-option', { value: o.value, description: o.description, selected: o.value === current }, o.label ?? o.value);
    el.append(opt);
  }
  return el;
}

function suggestionsFor(kind: string, vocab: FormVocabulary): Suggestion[] {
  switch (kind) {
    case 'partner':
      return vocab.partners.map((p) => ({ value: p.id, description: p.organization }));
    case 'person':
    case 'people':
      return vocab.people.map((p) => ({ value: p }));
    case 'round':
      return vocab.rounds.map((r) => ({ value: r }));
    case 'goal':
      return vocab.goals.map((g) => ({ value: g }));
    case 'tags':
      return vocab.sharedWith.map((s) => ({ value: s }));
    case 'themes':
      return vocab.themes.map((t) => ({ value: t.id, description: t.label }));
    case 'questions':
      return vocab.questions.map((q) => ({ value: q.id, label: q.text, description: q.category }));
    default:
      return [];
  }
}

function tip(id: string, text: string): HTMLElement {
  return h('p', { class: 'tip', id }, text);
}

/** What the text holds when the control cannot show it. */
function otherNote(value: FieldValue): HTMLElement | undefined {
  if (value.state !== 'other') return undefined;
  const lead = value.replaceable
    ? 'In the text this is written as shown below; a value chosen here replaces it.'
    : 'In the text this is written in a way the form cannot show: edit it in the text.';
  return h('div', { class: 'note' }, h('p', {}, lead), h('pre', { class: 'raw' }, value.raw),
    h('vscode-button', { secondary: true, 'data-action': 'show', 'data-line': value.line }, 'Show in text'));
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const arr = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
