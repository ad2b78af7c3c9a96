// The review page's HTML shell, without the vscode module so the page tests in
// Chromium serve exactly what the panel serves. CSP: nothing by default;
// styles and fonts from the bundle; scripts only with this load's nonce.
export interface PageResources {
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  nonce: string;
}

export function pageHtml({ cspSource, scriptUri, styleUri, nonce }: PageResources): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource}; font-src ${cspSource}; img-src ${cspSource}; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${styleUri}">
<title>Team Review</title>
</head>
<body>
<div class="toolbar" role="toolbar" aria-label="Team review">
  <label for="round">Round</label>
  <vscode-single-select id="round" label="Round"></vscode-single-select>
  <vscode-button id="start">Start team review</vscode-button>
  <vscode-button id="export-md" secondary>Export Markdown</vscode-button>
  <vscode-button id="export-html" secondary>Export HTML</vscode-button>
  <span id="status" role="status"></span>
</div>
<main id="content" aria-live="polite"><p>Loading the review…</p></main>
<script nonce="${nonce}" src="${scriptUri}"></script>
</body>
</html>`;
}
