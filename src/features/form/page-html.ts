// The worksheet form page's HTML shell, with the review page's policy: nothing
// by default; styles and fonts only from the extension's bundle; scripts only
// with this load's nonce. No vscode import, so the page tests in Chromium
// serve exactly what the editor serves. The fields arrive by message.
import { contentSecurityPolicy } from '../review/page-html';
import type { PageResources } from '../review/page-html';

export { contentSecurityPolicy };

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function formPageHtml({ cspSource, scriptUri, styleUri, nonce }: PageResources): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${attr(styleUri)}">
<title>Worksheet Form</title>
</head>
<body>
<header class="toolbar">
  <div class="heading">
    <h1 id="title">Meeting worksheet</h1>
    <p id="subtitle" class="subtitle"></p>
  </div>
  <vscode-button id="open-text" secondary>Open as Text</vscode-button>
</header>
<p id="status" class="status" role="status" aria-live="polite"></p>
<div id="banner"></div>
<nav id="toc" aria-label="Parts of the meeting"></nav>
<main id="form" aria-busy="true"><p class="empty">Loading the worksheet…</p></main>
<script nonce="${attr(nonce)}" src="${attr(scriptUri)}"></script>
</body>
</html>`;
}
