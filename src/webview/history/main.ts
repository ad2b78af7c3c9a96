// The Partner History page. It renders the history with the renderer of the
// CLI's HTML (every worksheet string escaped there), keeps no data of its own
// beyond the partner it shows, and talks to the extension only through the
// typed messages of messages.ts.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { SHARED_CSS } from '../../core/summary/render-html';
import { HISTORY_CSS, renderHistoryBody } from '../../core/history/render-html';
import type { PageMessage, PageState } from '../../features/history/messages';
import { parseHostMessage } from '../../features/history/messages';

interface VsCodeApi {
  postMessage(message: PageMessage): void;
  getState(): unknown;
  setState(state: PageState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const post = (m: PageMessage) => vscode.postMessage(m);

// The CSP allows no inline <style>; constructed sheets need none.
const sheet = new CSSStyleSheet();
sheet.replaceSync(SHARED_CSS + HISTORY_CSS);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

const content = document.getElementById('content') as HTMLElement;
const status = document.getElementById('status') as HTMLElement;
const share = document.getElementById('share') as HTMLElement & { disabled: boolean };
const exports = ['export-md', 'export-html'].map((id) => document.getElementById(id) as HTMLElement & { disabled: boolean });

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const msg = parseHostMessage(event.data);
  if (!msg) return;
  if (msg.type === 'history') {
    const h = msg.history;
    vscode.setState({ partnerId: h.partner.id });
    const y = window.scrollY;
    // Escaped by the renderer: every worksheet string in it is text.
    content.innerHTML = renderHistoryBody(h);
    window.scrollTo(0, y);
    share.disabled = !h.meetings.some((m) => m.held);
    for (const b of exports) b.disabled = false;
    status.textContent = '';
  } else {
    status.textContent = msg.message;
  }
});

// One listener for every link to a file (the content is re-rendered on each update).
content.addEventListener('click', (e) => {
  const target = e.target instanceof Element ? e.target.closest('a.ref') : null;
  if (!(target instanceof HTMLAnchorElement)) return;
  e.preventDefault();
  const line = Number(target.dataset.line);
  const uri = target.dataset.uri;
  if (uri && Number.isInteger(line) && line > 0) post({ type: 'open', uri, line });
});

// In-page links (the table of contents) move the focus too, so keyboard users land in the section.
content.addEventListener('click', (e) => {
  const a = e.target instanceof Element ? e.target.closest('a[href^="#"]:not(.ref)') : null;
  if (!a) return;
  const heading = document.getElementById(`h-${a.getAttribute('href')!.slice(1)}`);
  if (!heading) return;
  e.preventDefault();
  heading.scrollIntoView();
  heading.focus();
});

share.addEventListener('click', () => post({ type: 'share' }));
document.getElementById('export-md')!.addEventListener('click', () => post({ type: 'export', format: 'markdown' }));
document.getElementById('export-html')!.addEventListener('click', () => post({ type: 'export', format: 'html' }));

// The extension answers with the history of its partner (restored from this page's state after a reload).
post({ type: 'ready' });
