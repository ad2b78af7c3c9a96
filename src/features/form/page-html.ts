// The worksheet form page's HTML shell, with the review page's policy: nothing
// by default; styles and fonts only from the extension's bundle; scripts only
// with this load's nonce. No vscode import, so the page tests in Chromium
// serve exactly what the editor serves. The fields arrive by message.
import { contentSecurityPolicy, webviewDocument } from '../review/page-html';
import type { PageResources } from '../review/page-html';

export { contentSecurityPolicy };

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
