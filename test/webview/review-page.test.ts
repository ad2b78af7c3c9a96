// The review panel's page in headless Chromium, served with the panel's own
// HTML and CSP, fed a summary the way the extension feeds it.
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { pageHtml } from '../../src/features/review/page-html';
import { WorkspaceIndex } from '../../src/core/workspace-index';
import { summarize } from '../../src/core/summary/summarize';
import type { ReviewSummary } from '../../src/core/summary/summarize';
import { WORKSHEET, variant } from '../unit/helpers';

const root = resolve('.');
const NONCE = 'dGVzdC1ub25jZS0xMjM0NQ==';
const XSS_NAME = '<img src=x onerror="window.__xss=1">Evil & Co';
const XSS_NOTE = '<script>window.__xss=2</script> No room';

const THEMES: Record<string, string> = {
  light: ':root{--vscode-foreground:#333;--vscode-editor-background:#fff;--vscode-descriptionForeground:#616161;--vscode-textLink-foreground:#005fb8;--vscode-charts-blue:#1a85ff;--vscode-panel-border:#ddd;--vscode-font-family:sans-serif;--vscode-font-size:13px;--vscode-editorWarning-foreground:#8a5a00;--vscode-errorForeground:#b00020}',
  dark: ':root{--vscode-foreground:#ccc;--vscode-editor-background:#1f1f1f;--vscode-descriptionForeground:#a0a0a0;--vscode-textLink-foreground:#4daafc;--vscode-charts-blue:#3794ff;--vscode-panel-border:#444;--vscode-font-family:sans-serif;--vscode-font-size:13px;--vscode-editorWarning-foreground:#cca700;--vscode-errorForeground:#f48771}',
};

// Stands in for the webview's acquireVsCodeApi, recording what the page posts.
const STUB = `window.__posted=[];window.__state=undefined;window.acquireVsCodeApi=()=>({postMessage:(m)=>window.__posted.push(m),getState:()=>window.__state,setState:(s)=>{window.__state=s;}});`;

function fixtureSummary(): ReviewSummary {
  const index = new WorkspaceIndex(() => '2026-11-24');
  const w = (id: string, org: string, extra: [string[], unknown][] = []) => variant(WORKSHEET, [['partner'], { id, organization: org }], ...extra.map(([p, v]) => [p, v] as [string[], unknown]));
  index.set('/ws/a/1.worksheet.yaml', w('riverside-youth', 'Riverside Youth Collective'));
  index.set('/ws/b/1.worksheet.yaml', w('evil-co', XSS_NAME, [[['notes', 'challenges'], [{ text: XSS_NOTE, themes: ['space'] }]]]));
  index.set('/ws/c/1.worksheet.yaml', w('eastside-library', 'Eastside Library', [[['notes', 'challenges'], [{ text: 'Not enough rooms', themes: ['space'] }]], [['notes', 'commitments'], [{ text: 'Free rooms on weekday evenings', themes: ['space'] }]]]));
  return summarize(index, { today: '2026-11-24' });
}

describe('review page in Chromium', () => {
  let server: Server;
  let browser: Browser;
  let base: string;
  const summary = fixtureSummary();

  before(async () => {
    await build({ entryPoints: ['src/webview/main.ts'], bundle: true, outfile: 'dist/webview/main.js', platform: 'browser', format: 'iife', target: 'es2022', logLevel: 'silent' });
    const css = readFileSync(join(root, 'media', 'review.css'));
    const js = readFileSync(join(root, 'dist', 'webview', 'main.js'));
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/main.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
      if (url.pathname === '/review.css') return void res.writeHead(200, { 'content-type': 'text/css' }).end(css);
      if (url.pathname === '/stub.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(STUB);
      if (url.pathname.startsWith('/theme-')) return void res.writeHead(200, { 'content-type': 'text/css' }).end(THEMES[url.pathname.slice(7, -4)] ?? '');
      const theme = url.searchParams.get('theme') ?? 'light';
      const html = pageHtml({ cspSource: base, scriptUri: '/main.js', styleUri: '/review.css', nonce: NONCE })
        .replace('<link rel="stylesheet"', `<link rel="stylesheet" href="/theme-${theme}.css"><link rel="stylesheet"`)
        .replace(`<script nonce="${NONCE}" src="/main.js">`, `<script nonce="${NONCE}" src="/stub.js"></script><script nonce="${NONCE}" src="/main.js">`)
        .replace('<body>', `<body class="vscode-${theme}">`);
      res.writeHead(200, { 'content-type': 'text/html' }).end(html);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
  });

  after(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  async function open(theme = 'light'): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/?theme=${theme}`);
    await page.evaluate(() => document.addEventListener('securitypolicyviolation', (e) => { (window as unknown as { __csp: string[] }).__csp = [...((window as unknown as { __csp?: string[] }).__csp ?? []), `${e.violatedDirective} ${e.blockedURI}`]; }));
    await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'ready'));
    await page.evaluate((s) => window.postMessage({ type: 'summary', summary: s }, '*'), summary);
    await page.locator('#coverage').waitFor();
    return { page, errors };
  }

  it('renders every section of the summary, with no console errors or CSP violations', async () => {
    const { page, errors } = await open();
    for (const id of ['coverage', 'similarities', 'outliers', 'trends', 'opportunities', 'gaps', 'commitments']) {
      assert.ok(await page.locator(`section#${id} h2`).isVisible(), id);
    }
    assert.match(await page.locator('h1').innerText(), /Team review: autumn-2026/);
    assert.match(await page.locator('#similarities').innerText(), /Space and venues|space/i);
    assert.ok(await page.locator('#coverage svg[role="img"]').count() > 0, 'a chart');
    assert.match(await page.locator('#coverage figcaption').innerText(), /held: 0, filled: 0, shared: 3/);
    assert.deepEqual(errors, []);
    assert.equal(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp), undefined);
    await page.close();
  });

  it('shows partner-controlled markup as text and runs none of it', async () => {
    const { page } = await open();
    const text = await page.locator('#content').innerText();
    assert.ok(text.includes(XSS_NAME), 'the partner name is shown literally');
    assert.ok(text.includes('<script>window.__xss=2</script> No room'), 'the note is shown literally');
    assert.equal(await page.locator('#content img').count(), 0);
    assert.equal(await page.locator('#content script').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
    await page.close();
  });

  it('posts an open message with the file and line when a quote is clicked', async () => {
    const { page } = await open();
    await page.locator('#similarities summary').first().click();
    const link = page.locator('#similarities a.ref').first();
    await link.click();
    const posted = await page.evaluate(() => (window as unknown as { __posted: { type: string; uri?: string; line?: number }[] }).__posted.filter((m) => m.type === 'open'));
    assert.equal(posted.length, 1);
    assert.match(posted[0].uri ?? '', /^\/ws\/[abc]\/1\.worksheet\.yaml$/);
    assert.ok((posted[0].line ?? 0) > 1);
    await page.close();
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    const { page } = await open();
    await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    const result = await page.evaluate(async () => (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run(document, { resultTypes: ['violations'] }));
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
    assert.deepEqual(bad, []);
    await page.close();
  });

  it('looks right in light and dark themes (screenshots saved)', async () => {
    mkdirSync('test-output/screenshots', { recursive: true });
    for (const theme of ['light', 'dark']) {
      const { page } = await open(theme);
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(bg, theme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(31, 31, 31)');
      await page.screenshot({ path: `test-output/screenshots/review-${theme}.png`, fullPage: true });
      await page.close();
    }
  });
});
