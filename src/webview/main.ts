// The review panel's page. It renders the summary with the renderer of the
// HTML export (every worksheet string escaped there), keeps no data of its own
// beyond the round it shows, and talks to the extension only through the typed
// messages of messages.ts: links, the round selector and the buttons post;
// the extension answers with a new summary.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import { SHARED_CSS, renderPart, renderSummaryBody } from '../core/summary/render-html';
import type { ReviewSummary } from '../core/summary/model';
import type { PageMessage, PageState } from '../features/review/messages';
import { parseHostMessage } from '../features/review/messages';

interface VsCodeApi {
  postMessage(message: PageMessage): void;
  getState(): unknown;
  setState(state: PageState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const post = (m: PageMessage) => vscode.postMessage(m);

// The layout shared with the export, as a constructed stylesheet: the page's
// CSP allows no inline <style>, and constructed sheets need none.
const sheet = new CSSStyleSheet();
sheet.replaceSync(SHARED_CSS);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

const content = document.getElementById('content') as HTMLElement;
const select = document.getElementById('round') as HTMLElement & { value: string };
const status = document.getElementById('status') as HTMLElement;
const buttons = ['start', 'export-md', 'export-html'].map((id) => document.getElementById(id) as HTMLElement & { disabled: boolean });
const saved = vscode.getState() as PageState | undefined;
let current: string | undefined = typeof saved?.round === 'string' ? saved.round : undefined;
/** The summary on screen: closed lists are rendered from it when opened. */
let shown: ReviewSummary | undefined;
let shownRounds = '';

function setRounds(rounds: string[], selected: string): void {
  const key = JSON.stringify(rounds);
  if (key !== shownRounds) {
    shownRounds = key;
    // Newest first: the round people want is usually the latest.
    select.replaceChildren(...[...rounds].reverse().map((r) => {
      const o = document.createElement('vscode-option');
      o.textContent = r;
      o.setAttribute('value', r);
      return o;
    }));
  }
  select.value = selected;
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const msg = parseHostMessage(event.data);
  if (!msg) return;
  if (msg.type === 'summary') {
    const s = msg.summary;
    current = s.round || undefined;
    vscode.setState(current ? { round: current } : {});
    setRounds(s.rounds, s.round);
    // Keep the reader's place, and the lists they opened, across live updates.
    const y = window.scrollY;
    const open = new Set([...content.querySelectorAll('details[open][data-part]')].map((d) => d.getAttribute('data-part')));
    shown = s;
    // Escaped by the renderer: every worksheet string in it is text. Closed lists stay empty until opened.
    content.innerHTML = renderSummaryBody(s, { lazy: true, actions: true });
    for (const d of content.querySelectorAll<HTMLDetailsElement>('details[data-part]')) if (open.has(d.getAttribute('data-part'))) d.open = true;
    window.scrollTo(0, y);
    for (const b of buttons) b.disabled = !current;
    status.textContent = '';
  } else if (msg.type === 'busy') {
    status.textContent = msg.busy ? 'Updating…' : '';
  } else {
    status.textContent = msg.message;
  }
});

// A list is rendered the first time it opens ('toggle' does not bubble: listen in the capture phase).
content.addEventListener('toggle', (e) => {
  const d = e.target;
  if (!(d instanceof HTMLDetailsElement) || !d.open || !shown || d.dataset.filled) return;
  const key = d.dataset.part;
  if (!key) return;
  d.dataset.filled = 'true';
  d.insertAdjacentHTML('beforeend', renderPart(shown, key));
}, true);

// One listener for every link to a worksheet (the content is re-rendered on each update).
content.addEventListener('click', (e) => {
  const target = e.target instanceof Element ? e.target.closest('a.ref') : null;
  if (!(target instanceof HTMLAnchorElement)) return;
  e.preventDefault();
  const line = Number(target.dataset.line);
  const uri = target.dataset.uri;
  if (uri && Number.isInteger(line) && line > 0) post({ type: 'open', uri, line });
});

// "Mark done" on a commitment: the extension edits the review file, and the update re-renders.
content.addEventListener('click', (e) => {
  const b = e.target instanceof Element ? e.target.closest('button.mark-done') : null;
  if (!(b instanceof HTMLButtonElement)) return;
  const uri = b.dataset.uri;
  const index = Number(b.dataset.index);
  if (!uri || !Number.isInteger(index) || index < 0) return;
  b.disabled = true;
  post({ type: 'commitmentDone', uri, index });
});

// In-page links (the table of contents) move the focus too, so keyboard users land in the section.
content.addEventListener('click', (e) => {
  const a = e.target instanceof Element ? e.target.closest('a[href^="#"]:not(.ref)') : null;
  if (!a) return;
  const id = a.getAttribute('href')!.slice(1);
  const heading = document.getElementById(`h-${id}`);
  if (!heading) return;
  e.preventDefault();
  heading.scrollIntoView();
  heading.focus();
});

select.addEventListener('change', () => {
  if (select.value && select.value !== current) {
    status.textContent = 'Loading…';
    post({ type: 'selectRound', round: select.value });
  }
});
document.getElementById('start')!.addEventListener('click', () => { if (current) post({ type: 'startReview', round: current }); });
document.getElementById('export-md')!.addEventListener('click', () => post({ type: 'export', format: 'markdown' }));
document.getElementById('export-html')!.addEventListener('click', () => post({ type: 'export', format: 'html' }));

// The extension answers with the summary of its round (restored from this page's state after a reload).
post({ type: 'ready' });
