// The HTML shell every webview page of the extension shares (the review, the
// partner history, the worksheet form). No vscode import, so the page tests in
// Chromium serve exactly what the panels serve, CSP included: nothing by
// default; styles, fonts and images only from the extension's bundle; scripts
// only with this load's nonce. The content arrives later, by message.
export interface PageResources {
  /** The webview's source for the bundle (`webview.cspSource`). */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  /** Fresh for every load, from a cryptographic source. */
  nonce: string;
}

/**
 * A fresh nonce for each page load: Web Crypto, which the Node and the web
 * worker extension hosts both have.
 */
export function newNonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return `default-src 'none'; style-src ${cspSource}; font-src ${cspSource}; img-src ${cspSource}; script-src 'nonce-${nonce}';`;
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * A webview page: the policy, the stylesheet, the given body (static markup
 * of our own, never worksheet text), then the one script with the nonce.
 */
export function webviewDocument({ cspSource, scriptUri, styleUri, nonce }: PageResources, title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${attr(styleUri)}">
<title>${title}</title>
</head>
<body>
${body}
<script nonce="${attr(nonce)}" src="${attr(scriptUri)}"></script>
</body>
</html>`;
}
