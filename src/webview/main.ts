// The review panel's page. It renders the summary with the same renderer as
// the HTML export (every worksheet string escaped there), and talks to the
// extension only through the typed messages in messages.ts.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import { SHARED_CSS, renderSummaryBody } from '../core/summary/render-html';
import type { HostMessage, PageMessage, PageState } from '../features/review/messages';

interface VsCodeApi {
  postMessage(message: PageMessage): void;
  getState(): PageState | undefined;
  setState(state: PageState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
// The layout shared with the HTML export, as a constructed stylesheet (the
// page's CSP allows no inline styles).
const sheet = new CSSStyleSheet();
sheet.replaceSync(SHARED_CSS);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
const content = document.getElementById('content')!;
const rounds = document.getElementById('round') as HTMLElement & { value: string };
const status = document.getElementById('status')!;
let current: string | undefined = vscode.getState()?.round;

function setOptions(list: string[], selected: string): void {
  rounds.replaceChildren(...list.map((r) => {
    const o = document.createElement('vscode-option');
    o.textContent = r;
    o.setAttribute('value', r);
    if (r === selected) o.setAttribute('selected', '');
    return o;
  }));
  rounds.value = selected;
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const msg = event.data;
  if (msg?.type === 'summary') {
    const s = msg.summary;
    current = s.round;
    vscode.setState({ round: current });
    setOptions(s.rounds, s.round);
    content.innerHTML = renderSummaryBody(s);
    status.textContent = '';
  } else if (msg?.type === 'busy') {
    status.textContent = msg.busy ? 'Updating…' : '';
  }
});

// Links to worksheets: one listener for all of them (the content is re-rendered).
content.addEventListener('click', (e) => {
  const a = (e.target as Element | null)?.closest?.('a.ref') as HTMLAnchorElement | null;
  if (!a) return;
  e.preventDefault();
  vscode.postMessage({ type: 'open', uri: a.dataset.uri ?? '', line: Number(a.dataset.line ?? '1') });
});

rounds.addEventListener('change', () => {
  if (rounds.value && rounds.value !== current) vscode.postMessage({ type: 'selectRound', round: rounds.value });
});
document.getElementById('start')!.addEventListener('click', () => { if (current) vscode.postMessage({ type: 'startReview', round: current }); });
document.getElementById('export-md')!.addEventListener('click', () => vscode.postMessage({ type: 'export', format: 'markdown' }));
document.getElementById('export-html')!.addEventListener('click', () => vscode.postMessage({ type: 'export', format: 'html' }));

vscode.postMessage({ type: 'ready' });
if (current) vscode.postMessage({ type: 'selectRound', round: current });
