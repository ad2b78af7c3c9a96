// The worksheet form page's HTML: the shared page shell (panels/page-shell.ts)
// with the form's header. The fields arrive by message.
import { webviewDocument } from '../panels/page-shell';
import type { PageResources } from '../panels/page-shell';

export function formPageHtml(resources: PageResources): string {
  return webviewDocument(resources, 'Worksheet Form', `<header class="toolbar">
  <div class="heading">
    <h1 id="title">Meeting worksheet</h1>
    <p id="subtitle" class="subtitle"></p>
  </div>
  <vscode-button id="open-text" secondary>Open as Text</vscode-button>
</header>
<p id="status" class="status" role="status" aria-live="polite"></p>
<div id="banner"></div>
<nav id="toc" aria-label="Parts of the meeting"></nav>
<main id="form" aria-busy="true"><p class="empty">Loading the worksheet…</p></main>`);
}
