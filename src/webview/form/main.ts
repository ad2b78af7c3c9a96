// The worksheet form's page. It keeps no copy of the worksheet: the extension
// sends the model of the text as it is now, the page fills its fields, and
// each change the person makes goes back as one typed edit (messages.ts). The
// text stays the source of truth; the page only asks for changes. Typing is
// sent when the person pauses or leaves the field, so a field's typing is one
// undo step in the editor, not one per key.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { FormEdit, FormGap, FormLayout, FormModel } from '../../core/form/types';
import type { HostMessage, PageMessage } from '../../features/form/messages';
import { parseHostMessage } from '../../features/form/messages';
import { h, withCode } from './dom';
import type { Binding, ControlElement, View } from './render';
import { renderForm, shapeOf } from './render';

interface VsCodeApi {
  postMessage(message: PageMessage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

type State = Extract<HostMessage, { type: 'state' }>;

const vscode = acquireVsCodeApi();
const post = (m: PageMessage) => vscode.postMessage(m);

/**
 * A pause this long in typing sends the field (leaving it sends it at once):
 * long enough that a sentence typed at an even pace is one edit, so one undo
 * step in the editor; short enough that the gaps follow while they type.
 */
const TYPING_PAUSE_MS = 1500;
/** After focus leaves a combobox, what was typed into it (and not picked) is taken as its value. */
const COMBO_SETTLE_MS = 150;

const form = document.getElementById('form') as HTMLElement;
const banner = document.getElementById('banner') as HTMLElement;
const status = document.getElementById('status') as HTMLElement;
const toc = document.getElementById('toc') as HTMLElement;
const title = document.getElementById('title') as HTMLElement;
const subtitle = document.getElementById('subtitle') as HTMLElement;

let state: State | undefined;
let layout: FormLayout | undefined;
let view: View | undefined;
let shape = '';
const typing = new Map<string, ReturnType<typeof setTimeout>>();
/** A list change is on its way: further ones wait for the new state (item numbers shift). */
let listBusy = false;
/** Where the focus goes after the next rebuild (the moved item's button, the add box). */
let focusNext: string | undefined;

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const msg = parseHostMessage(event.data);
  if (!msg) return;
  if (msg.type === 'error') {
    // A state follows, and puts the refused field back to what the file holds.
    listBusy = false;
    say(msg.message);
    return;
  }
  show(msg);
});

function show(next: State): void {
  layout = next.layout ?? layout;
  if (!layout) return;
  state = next;
  listBusy = false;
  chipsSent.clear();
  header(next.model);
  renderBanner(next.model, next.gaps);
  const key = shapeOf(next.model, next.vocabulary);
  if (key !== shape || !view) {
    const focus = focusNext ?? focusedKey();
    focusNext = undefined;
    // What is being typed (and not sent yet) moves into the new controls.
    const pending = new Map([...typing.keys()].map((k) => [k, view?.bindings.get(k)?.el.value]));
    view = renderForm(layout, next.model, next.vocabulary);
    form.replaceChildren(view.root);
    shape = key;
    for (const [k, v] of pending) {
      const b = view.bindings.get(k);
      if (b && v !== undefined) b.el.value = v;
    }
    if (focus) restoreFocus(focus);
  }
  fill(next.model);
  renderGaps(next.gaps, next.gapsCurrent, !next.model.editable);
  form.setAttribute('aria-busy', 'false');
}

// ---- header, banner, table of contents -------------------------------------------

function header(model: FormModel): void {
  const v = (id: string) => {
    const f = model.values[id];
    return f?.state === 'value' && typeof f.value === 'string' ? f.value : '';
  };
  title.textContent = v('partner.organization') || v('partner.id') || 'Meeting worksheet';
  subtitle.textContent = [v('meeting.date') && `Meeting on ${v('meeting.date')}`, v('status') && `status: ${v('status')}`].filter(Boolean).join(' · ');
}

function renderBanner(model: FormModel, gaps: FormGap[]): void {
  const parts: HTMLElement[] = [];
  const list = (items: { message: string; line: number }[]) => h('ul', {}, ...items.map((p) => h('li', {}, ...withCode(p.message), ' ', lineButton(p.line))));
  const syntax = model.problems.filter((p) => p.kind !== 'unknown-key');
  if (syntax.length || !model.editable) {
    parts.push(h('div', { class: 'banner banner-error' },
      h('p', {}, h('strong', {}, 'The form is read-only until the text is fixed.'), ' It shows what it can read; nothing here changes the file.'),
      list(syntax)));
  }
  const unknown = model.problems.filter((p) => p.kind === 'unknown-key');
  if (unknown.length) {
    parts.push(h('div', { class: 'banner banner-info' },
      h('p', {}, 'Some of this file is not shown in the form. It stays in the file as written.'),
      list(unknown)));
  }
  const fileGaps = h('div', { class: 'gaps file-gaps', 'data-gaps-for': '' });
  if (gaps.some((g) => g.field === undefined)) parts.push(h('div', { class: 'banner' }, h('p', {}, 'Gaps in this file:'), fileGaps));
  banner.replaceChildren(...parts);
  if (!toc.childElementCount) {
    toc.append(h('ul', {}, ...[['before', 'Before'], ['during', 'During'], ['after', 'After']].map(([id, text]) => h('li', {}, h('a', { href: `#${id}` }, text)))));
  }
}

function lineButton(line: number): HTMLElement {
  return h('vscode-button', { secondary: true, 'data-action': 'show', 'data-line': line, 'aria-label': `Show line ${line} in the text` }, `Line ${line}`);
}

// ---- values and gaps ---------------------------------------------------------------

/** Fills every control from the model, except one the person is typing in. */
function fill(model: FormModel): void {
  if (!view) return;
  for (const b of view.bindings.values()) {
    if (typing.has(b.key)) continue;
    const value = modelValue(model, b);
    b.current = value;
    if (b.kind === 'checkbox') {
      if (b.el.checked !== value) b.el.checked = value === true;
    } else if (b.el.value !== value) {
      b.el.value = String(value);
    }
  }
}

function modelValue(model: FormModel, b: Binding): string | boolean {
  const [a, c, index, sub] = b.path;
  const id = typeof index === 'number' ? `${a}.${c}` : b.path.join('.');
  const v = model.values[id];
  if (typeof index === 'number') {
    const item = v?.state === 'items' ? v.items[index] : undefined;
    const x = item?.values[sub as string];
    if (b.kind === 'checkbox') return x === true;
    return typeof x === 'string' ? x : '';
  }
  if (v?.state !== 'value') return b.kind === 'checkbox' ? false : '';
  if (b.kind === 'checkbox') return v.value === true;
  return Array.isArray(v.value) ? '' : String(v.value);
}

function renderGaps(gaps: FormGap[], current: boolean, readOnly: boolean): void {
  const slots = new Map<string, Element>();
  for (const el of document.querySelectorAll('[data-gaps-for]')) {
    el.replaceChildren();
    slots.set(el.getAttribute('data-gaps-for') ?? '', el);
  }
  for (const g of gaps) {
    const slot = slots.get(g.field ?? '') ?? slots.get('');
    if (!slot) continue;
    const fixes = g.fixes.map((title, i) => {
      const b = h('vscode-button', { 'data-action': 'fix', 'data-gap': g.id, 'data-fix': i, 'data-focus-key': `fix:${g.code}:${i}` }, title);
      if (!current || readOnly) (b as ControlElement).disabled = true;
      return b;
    });
    const severity = g.severity === 'error' ? 'Error' : g.severity === 'warning' ? 'Warning' : 'Suggestion';
    slot.append(h('div', { class: `gap gap-${g.severity}`, 'data-code': g.code },
      h('span', { class: 'gap-severity' }, `${severity}:`), ' ',
      h('span', { class: 'gap-message' }, ...withCode(g.message)), ' ',
      h('span', { class: 'gap-code' }, `(${g.code})`),
      h('span', { class: 'gap-actions' }, ...fixes, lineButton(g.line))));
  }
}

// ---- sending changes ----------------------------------------------------------------

function edit(e: FormEdit): void {
  if (!state) return;
  // A message about an earlier change is answered by this one.
  say('');
  post({ type: 'edit', version: state.version, edit: e });
}

/** Sends a control's value if it differs from what the file holds. */
function commit(b: Binding): void {
  clearTimeout(typing.get(b.key));
  typing.delete(b.key);
  if (!state?.model.editable || b.el.disabled || b.el.hasAttribute('readonly')) return;
  const value: string | boolean = b.kind === 'checkbox' ? b.el.checked : b.el.value;
  if (value === b.current) return;
  if (b.required && typeof value === 'string' && value.trim() === '') {
    b.el.value = String(b.current);
    say('A note needs its text. To delete the note, use its Remove button.');
    return;
  }
  b.current = value;
  if (value === '') {
    edit({ op: 'clear', path: b.path });
  } else if (b.kind === 'number' && typeof value === 'string' && /^\d+$/.test(value.trim())) {
    edit({ op: 'set', path: b.path, value: Number(value) });
  } else {
    edit({ op: 'set', path: b.path, value });
  }
}

/**
 * The binding of the control an event came from. A control replaced by a
 * rebuild still sends 'change' as it loses the focus; that is not the current
 * control's change (its text moved into the new one), so it is ignored.
 */
function bindingOf(target: EventTarget | null): Binding | undefined {
  const el = target instanceof Element ? target.closest('[data-key]') : null;
  const b = el ? view?.bindings.get(el.getAttribute('data-key') ?? '') : undefined;
  return b && b.el === el ? b : undefined;
}

// The controls dispatch 'change' (and the selects 'input') without bubbling: listen in the capture phase.
form.addEventListener('input', (e) => {
  const b = bindingOf(e.target);
  if (!b || (b.kind !== 'text' && b.kind !== 'textarea')) return;
  clearTimeout(typing.get(b.key));
  // By key: the control may be rebuilt before the pause ends.
  typing.set(b.key, setTimeout(() => {
    const current = view?.bindings.get(b.key);
    if (current) commit(current);
    else typing.delete(b.key);
  }, TYPING_PAUSE_MS));
}, true);

form.addEventListener('change', (e) => {
  const target = e.target instanceof Element ? e.target : null;
  const chipsKey = target?.getAttribute('data-chips-add');
  if (chipsKey) {
    addChip(chipsKey, (target as ControlElement).value);
    return;
  }
  const b = bindingOf(target);
  if (b) commit(b);
}, true);

// A value typed into a combobox and left without Enter is taken too, once the focus has settled.
form.addEventListener('focusout', (e) => {
  const target = e.target instanceof Element ? e.target.closest('vscode-single-select[combobox]') : null;
  if (!target) return;
  setTimeout(() => {
    if (target.matches(':focus-within') || (target as HTMLElement & { open?: boolean }).open) return;
    const typed = target.shadowRoot?.querySelector('input')?.value.trim();
    if (typed === undefined) return;
    // An option's label (a question's wording) stands for its value (the question's id).
    const option = [...target.querySelectorAll('vscode-option')].find((o) => o.textContent === typed || o.getAttribute('value') === typed);
    const value = option?.getAttribute('value') ?? typed;
    const chipsKey = target.getAttribute('data-chips-add');
    if (chipsKey) {
      if (value) addChip(chipsKey, value);
      return;
    }
    const b = bindingOf(target);
    if (b) commitValue(b, value);
  }, COMBO_SETTLE_MS);
});

function commitValue(b: Binding, value: string): void {
  if (value === b.current || !state?.model.editable) return;
  b.current = value;
  edit(value === '' ? { op: 'clear', path: b.path } : { op: 'set', path: b.path, value });
}

/** Chips sent and not yet back in a state: picking one fires both 'change' and the focus-out check. */
const chipsSent = new Set<string>();

function addChip(key: string, value: string): void {
  const list = view?.chips.get(key);
  const v = value.trim();
  if (!list || !v || list.values.includes(v) || chipsSent.has(`${key}\n${v}`) || !state?.model.editable) return;
  chipsSent.add(`${key}\n${v}`);
  focusNext = `chips-add:${key}`;
  edit({ op: 'set', path: list.path, value: [...list.values, v] });
}

form.addEventListener('keydown', (e) => {
  const target = e.target instanceof Element ? e.target : null;
  const list = target?.getAttribute('data-add');
  if (list && e.key === 'Enter') {
    e.preventDefault();
    addItem(list);
  }
});

function addItem(listId: string): void {
  const input = form.querySelector<ControlElement>(`[data-add="${CSS.escape(listId)}"]`);
  const text = input?.value.trim();
  if (!input || !text || listBusy || !state?.model.editable) return;
  const value = state.model.values[listId];
  const count = value?.state === 'items' ? value.items.length : 0;
  listBusy = true;
  focusNext = `add-field:${listId}`;
  edit({ op: 'insert', path: listId.split('.'), index: count, value: text });
  input.value = '';
}

document.addEventListener('click', (e) => {
  const button = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-action]') : null;
  if (!button || (button as ControlElement).disabled) return;
  const d = button.dataset;
  switch (d.action) {
    case 'show':
      post({ type: 'openText', line: Number(d.line) });
      return;
    case 'fix':
      if (state) post({ type: 'fix', version: state.version, gap: Number(d.gap), fix: Number(d.fix) });
      return;
    case 'add':
      addItem(d.list ?? '');
      return;
    case 'chip-remove': {
      const list = view?.chips.get(d.chips ?? '');
      if (!list) return;
      focusNext = `chips-add:${d.chips}`;
      edit({ op: 'set', path: list.path, value: list.values.filter((v) => v !== d.value) });
      return;
    }
    case 'move':
    case 'remove': {
      if (listBusy || !d.list) return;
      listBusy = true;
      const path = d.list.split('.');
      if (d.action === 'move') {
        const to = Number(d.to);
        focusNext = `move:${d.list}:${to}:${button.textContent}`;
        edit({ op: 'move', path, from: Number(d.from), to });
      } else {
        focusNext = `add-field:${d.list}`;
        edit({ op: 'remove', path, index: Number(d.index) });
      }
    }
  }
});

document.getElementById('open-text')!.addEventListener('click', () => post({ type: 'openText' }));

// The page may go away (the tab closed or hidden) before a pause ends: send what was typed first.
function flushTyping(): void {
  for (const key of [...typing.keys()]) {
    const b = view?.bindings.get(key);
    if (b) commit(b);
    else typing.delete(key);
  }
}
window.addEventListener('blur', flushTyping);
document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') flushTyping(); });
window.addEventListener('pagehide', flushTyping);

// In-page links move the focus too, so keyboard users land in the part they chose.
toc.addEventListener('click', (e) => {
  const a = e.target instanceof Element ? e.target.closest('a[href^="#"]') : null;
  if (!a) return;
  const heading = document.getElementById(`h-${a.getAttribute('href')!.slice(1)}`);
  if (!heading) return;
  e.preventDefault();
  heading.scrollIntoView();
  heading.focus();
});

// ---- focus across rebuilds ------------------------------------------------------------

function focusedKey(): string | undefined {
  const el = document.activeElement;
  return el?.closest('[data-focus-key]')?.getAttribute('data-focus-key') ?? undefined;
}

function restoreFocus(key: string): void {
  let el: Element | null = null;
  if (key.startsWith('add-field:')) el = form.querySelector(`[data-add="${CSS.escape(key.slice(10))}"]`);
  else if (key.startsWith('chips-add:')) el = form.querySelector(`[data-chips-add="${CSS.escape(key.slice(10))}"]`);
  else el = form.querySelector(`[data-focus-key="${CSS.escape(key)}"]`);
  // An item moved to an end has that way disabled: its other move button takes the focus.
  if (key.startsWith('move:') && (!el || (el as ControlElement).disabled)) {
    const other = key.endsWith(':Down') ? key.replace(/:Down$/, ':Up') : key.replace(/:Up$/, ':Down');
    el = form.querySelector(`[data-focus-key="${CSS.escape(other)}"]`);
  }
  if (el instanceof HTMLElement && !(el as ControlElement).disabled) el.focus();
}

function say(message: string): void {
  status.textContent = message;
}

post({ type: 'ready' });
