// The Partner History page's HTML: the shared page shell (panels/page-shell.ts)
// with the history's toolbar. The content arrives later, by message.
import type { PageResources } from '../panels/page-shell';
import { webviewDocument } from '../panels/page-shell';

export function historyPageHtml(resources: PageResources): string {
  return webviewDocument(resources, 'Partner History', `<div class="toolbar" role="toolbar" aria-label="Partner history actions">
  <vscode-button id="share" disabled>Share What We Heard…</vscode-button>
  <vscode-button id="export-md" secondary disabled>Export Markdown</vscode-button>
  <vscode-button id="export-html" secondary disabled>Export HTML</vscode-button>
  <span id="status" role="status" aria-live="polite"></span>
</div>
<main id="content"><p class="empty">Loading the history…</p></main>`);
}
