// The review page's HTML: the shared page shell (panels/page-shell.ts) with
// the review's toolbar. The content arrives later, by message.
import type { PageResources } from '../panels/page-shell';
import { webviewDocument } from '../panels/page-shell';

export function pageHtml(resources: PageResources): string {
  return webviewDocument(resources, 'Team Review', `<div class="toolbar" role="toolbar" aria-label="Team review actions">
  <span class="round-picker">
    <span class="label" aria-hidden="true">Round</span>
    <vscode-single-select id="round" label="Round"></vscode-single-select>
  </span>
  <vscode-button id="start" disabled>Start team review</vscode-button>
  <vscode-button id="export-md" secondary disabled>Export Markdown</vscode-button>
  <vscode-button id="export-html" secondary disabled>Export HTML</vscode-button>
  <span id="status" role="status" aria-live="polite"></span>
</div>
<main id="content"><p class="empty">Loading the review…</p></main>`);
}
