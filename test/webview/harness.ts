// What the page tests share: a loopback server that serves a page's HTML under
// its own CSP with a stand-in for acquireVsCodeApi and a theme's variables,
// and a Chromium page that records console errors, CSP violations and any
// request that leaves the server.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';

export const NONCE = 'dGVzdC1ub25jZS0xMjM0NTY3OA==';

// VS Code sets these variables and a body class per theme; these (VS Code's own
// defaults for Light Modern, Dark Modern and High Contrast) are enough for the pages.
export const THEMES: Record<string, string> = {
  light: ':root{--vscode-foreground:#3b3b3b;--vscode-editor-background:#ffffff;--vscode-descriptionForeground:#595959;--vscode-textLink-foreground:#005fb8;--vscode-textLink-activeForeground:#005fb8;--vscode-charts-blue:#1a85ff;--vscode-panel-border:#d4d4d4;--vscode-focusBorder:#005fb8;--vscode-font-family:sans-serif;--vscode-font-size:13px;--vscode-editorWarning-foreground:#8a5a00;--vscode-errorForeground:#b00020;--vscode-input-background:#ffffff;--vscode-input-foreground:#3b3b3b;--vscode-input-border:#cecece;--vscode-input-placeholderForeground:#767676;--vscode-button-background:#005fb8;--vscode-button-foreground:#ffffff;--vscode-button-hoverBackground:#0258a8;--vscode-button-secondaryBackground:#e5e5e5;--vscode-button-secondaryForeground:#3b3b3b;--vscode-button-secondaryHoverBackground:#cccccc;--vscode-dropdown-background:#ffffff;--vscode-dropdown-foreground:#3b3b3b;--vscode-dropdown-border:#cecece;--vscode-checkbox-background:#f8f8f8;--vscode-checkbox-border:#cecece;--vscode-checkbox-foreground:#3b3b3b;--vscode-badge-background:#cccccc;--vscode-badge-foreground:#3b3b3b;--vscode-editorWidget-background:#f8f8f8;--vscode-editorInfo-foreground:#1a85ff;--vscode-list-activeSelectionBackground:#e8e8e8;--vscode-list-activeSelectionForeground:#000000;--vscode-list-hoverBackground:#f2f2f2;--vscode-settings-textInputBackground:#ffffff;--vscode-settings-textInputForeground:#3b3b3b;--vscode-settings-textInputBorder:#cecece;--vscode-settings-dropdownBackground:#ffffff;--vscode-settings-dropdownForeground:#3b3b3b;--vscode-settings-dropdownBorder:#cecece;--vscode-settings-dropdownListBorder:#c8c8c8}',
  dark: ':root{--vscode-foreground:#cccccc;--vscode-editor-background:#1f1f1f;--vscode-descriptionForeground:#a0a0a0;--vscode-textLink-foreground:#4daafc;--vscode-textLink-activeForeground:#4daafc;--vscode-charts-blue:#3794ff;--vscode-panel-border:#444444;--vscode-focusBorder:#0078d4;--vscode-font-family:sans-serif;--vscode-font-size:13px;--vscode-editorWarning-foreground:#cca700;--vscode-errorForeground:#f48771;--vscode-input-background:#313131;--vscode-input-foreground:#cccccc;--vscode-input-border:#3c3c3c;--vscode-input-placeholderForeground:#989898;--vscode-button-background:#0078d4;--vscode-button-foreground:#ffffff;--vscode-button-hoverBackground:#026ec1;--vscode-button-secondaryBackground:#313131;--vscode-button-secondaryForeground:#cccccc;--vscode-button-secondaryHoverBackground:#3c3c3c;--vscode-dropdown-background:#313131;--vscode-dropdown-foreground:#cccccc;--vscode-dropdown-border:#3c3c3c;--vscode-checkbox-background:#313131;--vscode-checkbox-border:#3c3c3c;--vscode-checkbox-foreground:#cccccc;--vscode-badge-background:#616161;--vscode-badge-foreground:#f8f8f8;--vscode-editorWidget-background:#202020;--vscode-editorInfo-foreground:#3794ff;--vscode-list-activeSelectionBackground:#04395e;--vscode-list-activeSelectionForeground:#ffffff;--vscode-list-hoverBackground:#2a2d2e;--vscode-settings-textInputBackground:#313131;--vscode-settings-textInputForeground:#cccccc;--vscode-settings-textInputBorder:#3c3c3c;--vscode-settings-dropdownBackground:#313131;--vscode-settings-dropdownForeground:#cccccc;--vscode-settings-dropdownBorder:#3c3c3c;--vscode-settings-dropdownListBorder:#454545}',
  'high-contrast': ':root{--vscode-foreground:#ffffff;--vscode-editor-background:#000000;--vscode-descriptionForeground:#ffffff;--vscode-textLink-foreground:#21a6ff;--vscode-charts-blue:#3794ff;--vscode-panel-border:#6fc3df;--vscode-contrastBorder:#6fc3df;--vscode-contrastActiveBorder:#f38518;--vscode-focusBorder:#f38518;--vscode-font-family:sans-serif;--vscode-font-size:13px;--vscode-editorWarning-foreground:#ffd700;--vscode-errorForeground:#f48771;--vscode-input-background:#000000;--vscode-input-foreground:#ffffff;--vscode-input-border:#6fc3df;--vscode-input-placeholderForeground:#ffffff;--vscode-button-background:#000000;--vscode-button-foreground:#ffffff;--vscode-button-border:#6fc3df;--vscode-button-secondaryBackground:#000000;--vscode-button-secondaryForeground:#ffffff;--vscode-dropdown-background:#000000;--vscode-dropdown-foreground:#ffffff;--vscode-dropdown-border:#6fc3df;--vscode-checkbox-background:#000000;--vscode-checkbox-border:#6fc3df;--vscode-checkbox-foreground:#ffffff;--vscode-badge-background:#000000;--vscode-badge-foreground:#ffffff;--vscode-editorWidget-background:#0c141f;--vscode-editorInfo-foreground:#3794ff;--vscode-list-activeSelectionBackground:#000000;--vscode-list-activeSelectionForeground:#ffffff;--vscode-list-hoverBackground:#000000;--vscode-settings-textInputBackground:#000000;--vscode-settings-textInputForeground:#ffffff;--vscode-settings-textInputBorder:#6fc3df;--vscode-settings-dropdownBackground:#000000;--vscode-settings-dropdownForeground:#ffffff;--vscode-settings-dropdownBorder:#6fc3df;--vscode-settings-dropdownListBorder:#6fc3df}',
};

// Stands in for the webview's acquireVsCodeApi, recording what the page posts.
export const STUB = 'window.__posted=[];window.__state=undefined;window.acquireVsCodeApi=()=>({postMessage:(m)=>window.__posted.push(JSON.parse(JSON.stringify(m))),getState:()=>window.__state,setState:(s)=>{window.__state=s;}});';

export interface Recorded {
  __posted: { type: string; [k: string]: unknown }[];
  __csp?: string[];
  __xss?: number;
  axe?: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
}

export interface PageServer {
  base: string;
  close(): Promise<void>;
}

/**
 * Serves `html(theme)` (the page as the extension builds it, with `scriptUri`
 * and `styleUri` as given) plus the files in `files`, on 127.0.0.1. The stub
 * and the theme's variables are added beside the page's own, under its CSP.
 */
export async function servePage(opts: { html: (base: string) => string; scriptPath: string; csp: (base: string) => string; files: Record<string, { type: string; body: string | Buffer }> }): Promise<PageServer> {
  let base = '';
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (type: string, body: string | Buffer) => void res.writeHead(200, { 'content-type': type }).end(body);
    const file = opts.files[url.pathname];
    if (file) return send(file.type, file.body);
    if (url.pathname === '/stub.js') return send('text/javascript', STUB);
    const theme = url.pathname.match(/^\/theme-(.+)\.css$/)?.[1];
    if (theme) return send('text/css', THEMES[theme] ?? '');
    const name = url.searchParams.get('theme') ?? 'light';
    const html = opts.html(base)
      .replace('<link rel="stylesheet"', `<link rel="stylesheet" href="/theme-${name}.css"><link rel="stylesheet"`)
      .replace(`<script nonce="${NONCE}" src="${opts.scriptPath}">`, `<script nonce="${NONCE}" src="/stub.js"></script><script nonce="${NONCE}" src="${opts.scriptPath}">`)
      .replace('<body>', `<body class="vscode-${name}">`);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': opts.csp(base) }).end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A page on the server in a theme, recording errors, CSP violations and remote loads into `errors`. */
export async function newPage(browser: Browser, base: string, theme: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 }, colorScheme: theme === 'light' ? 'light' : 'dark' });
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => { if (!r.url().startsWith(base)) errors.push(`remote load: ${r.url()}`); });
  // Registered before any page script runs, so a violation during load is seen too.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as unknown as { __csp?: string[] };
      (w.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(`${base}/?theme=${theme}`);
  return { page, errors };
}

export const posted = (page: Page) => page.evaluate(() => (window as unknown as Recorded).__posted);

/** axe-core's serious and critical violations, injected through the DevTools protocol (which the CSP does not govern). */
export async function seriousViolations(page: Page, axeSource: string): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => (window as unknown as Recorded).axe!.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => JSON.stringify((n as { target?: unknown }).target)).join(' ')}`);
}
