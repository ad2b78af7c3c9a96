// The review panel's page in headless Chromium: built with esbuild as the
// extension builds it, served with the panel's own HTML and CSP from a local
// server, and fed the fixture round's summary by message, the way the panel
// feeds it. acquireVsCodeApi is a stub that records what the page posts.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { contentSecurityPolicy, pageHtml } from '../../src/features/review/page-html';
import { parsePageMessage } from '../../src/features/review/messages';
import { WorkspaceIndex } from '../../src/core/workspace';
import { nodeFileSystem } from '../../src/cli/node-fs';
import { summarize } from '../../src/core/summary/summarize';
import type { ReviewSummary } from '../../src/core/summary/summarize';
import { WORKSHEET, variant } from '../unit/helpers';
import CHROMIUM from '../../scripts/chromium.json';

const ROOT = resolve('.');
const NONCE = 'dGVzdC1ub25jZS0xMjM0NTY3OA==';
const XSS_NAME = '<img src=x onerror="window.__xss=1">Evil & Co';
const XSS_NOTE = '<script>window.__xss=2</script> No room <img src=x onerror=window.__xss=3>';

// VS Code sets these variables and a body class per theme; a few are enough for the page.
const THEMES: Record<string, string> = {
  light: ':root{--vscode-foreground:#3b3b3b;--vscode-editor-background:#ffffff;--vscode-descriptionForeground:#595959;--vscode-textLink-foreground:#005fb8;--vscode-textLink-activeForeground:#005fb8;--vscode-charts-blue:#1a85ff;--vscode-panel-border:#d4d4d4;--vscode-focusBorder:#005fb8;--vscode-font-family:sans-serif;--vscode-font-size:13px;--vscode-editorWarning-foreground:#8a5a00;--vscode-errorForeground:#b00020}',
  dark: ':root{--vscode-foreground:#cccccc;--vscode-editor-background:#1f1f1f;--vscode-descriptionForeground:#a0a0a0;--vscode-textLink-foreground:#4daafc;--vscode-textLink-activeForeground:#4daafc;--vscode-charts-blue:#3794ff;--vscode-panel-border:#444444;--vscode-focusBorder:#0078d4;--vscode-font-family:sans-serif;--vscode-font-size:13px;--vscode-editorWarning-foreground:#cca700;--vscode-errorForeground:#f48771}',
  'high-contrast': ':root{--vscode-foreground:#ffffff;--vscode-editor-background:#000000;--vscode-descriptionForeground:#ffffff;--vscode-textLink-foreground:#21a6ff;--vscode-charts-blue:#3794ff;--vscode-panel-border:#6fc3df;--vscode-contrastBorder:#6fc3df;--vscode-contrastActiveBorder:#f38518;--vscode-focusBorder:#f38518;--vscode-font-family:sans-serif;--vscode-font-size:13px;--vscode-editorWarning-foreground:#ffd700;--vscode-errorForeground:#f48771}',
};

// Stands in for the webview's acquireVsCodeApi, recording what the page posts.
const STUB = 'window.__posted=[];window.__state=undefined;window.acquireVsCodeApi=()=>({postMessage:(m)=>window.__posted.push(JSON.parse(JSON.stringify(m))),getState:()=>window.__state,setState:(s)=>{window.__state=s;}});';

interface Recorded {
  __posted: { type: string; [k: string]: unknown }[];
  __csp?: string[];
  __xss?: number;
  axe?: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
}

/** The fixture round, plus a partner whose name and notes are markup. */
async function fixtureSummary(): Promise<ReviewSummary> {
  const index = new WorkspaceIndex(() => '2026-11-24');
  const root = `${ROOT.split('\\').join('/')}/test/fixtures/review-round`;
  await index.loadFolder(nodeFileSystem, root);
  index.set(`${root}/evil-co/2026-10-30.worksheet.yaml`, variant(WORKSHEET,
    [['partner'], { id: 'evil-co', organization: XSS_NAME }],
    [['meeting', 'date'], '2026-10-30'],
    [['notes', 'challenges'], [{ text: XSS_NOTE, themes: ['space'] }]]));
  return summarize(index, { today: '2026-11-24' });
}

describe('review page in Chromium', () => {
  let server: Server | undefined;
  let browser: Browser | undefined;
  let base = '';
  let summary: ReviewSummary;

  before(async () => {
    summary = await fixtureSummary();
    await build({ entryPoints: ['src/webview/main.ts'], bundle: true, outfile: 'dist/webview/main.js', platform: 'browser', format: 'iife', target: 'es2022', logLevel: 'silent' });
    const css = readFileSync(join(ROOT, 'media', 'review.css'));
    const js = readFileSync(join(ROOT, 'dist', 'webview', 'main.js'));
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const send = (type: string, body: string | Buffer) => void res.writeHead(200, { 'content-type': type }).end(body);
      if (url.pathname === '/main.js') return send('text/javascript', js);
      if (url.pathname === '/review.css') return send('text/css', css);
      if (url.pathname === '/stub.js') return send('text/javascript', STUB);
      const theme = url.pathname.match(/^\/theme-(.+)\.css$/)?.[1];
      if (theme) return send('text/css', THEMES[theme] ?? '');
      const name = url.searchParams.get('theme') ?? 'light';
      // The panel's page as the panel builds it; the stub and the theme are added beside, under the same CSP.
      const html = pageHtml({ cspSource: base, scriptUri: '/main.js', styleUri: '/review.css', nonce: NONCE })
        .replace('<link rel="stylesheet"', `<link rel="stylesheet" href="/theme-${name}.css"><link rel="stylesheet"`)
        .replace(`<script nonce="${NONCE}" src="/main.js">`, `<script nonce="${NONCE}" src="/stub.js"></script><script nonce="${NONCE}" src="/main.js">`)
        .replace('<body>', `<body class="vscode-${name}">`);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': contentSecurityPolicy(base, NONCE) }).end(html);
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM.executablePath, args: CHROMIUM.args });
  });

  after(async () => {
    await browser?.close();
    if (server) await new Promise<void>((r) => server!.close(() => r()));
  });

  async function open(theme = 'light'): Promise<{ page: Page; errors: string[] }> {
    const page = await browser!.newPage({ viewport: { width: 1000, height: 900 }, colorScheme: theme === 'light' ? 'light' : 'dark' });
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
    await page.waitForFunction(() => (window as unknown as Recorded).__posted.some((m) => m.type === 'ready'));
    await page.evaluate((s) => window.postMessage({ type: 'summary', summary: s }, '*'), summary);
    await page.locator('#commitments').waitFor();
    return { page, errors };
  }

  const posted = (page: Page) => page.evaluate(() => (window as unknown as Recorded).__posted);

  it('renders every section of the summary in order, with no console errors, CSP violations or remote loads', async () => {
    const { page, errors } = await open();
    const ids = await page.locator('main section').evaluateAll((els) => els.map((e) => e.id));
    assert.deepEqual(ids, ['coverage', 'similarities', 'outliers', 'trends', 'opportunities', 'gaps', 'commitments']);
    for (const id of ids) assert.ok(await page.locator(`section#${id} h2`).isVisible(), id);
    assert.match(await page.locator('h1').innerText(), /Team review: autumn-2026/);
    assert.match(await page.locator('#similarities').innerText(), /Space and venues\s+4 partners/);
    assert.match(await page.locator('#outliers').innerText(), /Funding: Alpha Arts/);
    assert.match(await page.locator('#trends').innerText(), /Being seen: 1 → 5 partners/);
    assert.match(await page.locator('#opportunities').innerText(), /Museum minibus on weekday afternoons/);
    assert.match(await page.locator('#gaps').innerText(), /overdue-next-step/);
    assert.match(await page.locator('#commitments').innerText(), /Offer the library rooms to Echo Youth Film/);
    // Charts are SVG for the eye, with the same numbers as text for screen readers.
    assert.ok(await page.locator('#coverage svg[aria-hidden="true"] rect.bar').count() === 4);
    assert.equal(await page.locator('#coverage .sr-only li').allTextContents().then((t) => t.join('; ')), 'Planned: 7 meetings; Held: 6 meetings; Filled in: 5 meetings; Shared: 4 meetings');
    assert.equal(await page.locator('#round').evaluate((e) => (e as HTMLElement & { value: string }).value), 'autumn-2026');
    assert.deepEqual(errors, []);
    assert.equal(await page.evaluate(() => (window as unknown as Recorded).__csp), undefined);
    await page.close();
  });

  it('shows a partner name and a note holding markup as text, and runs none of it', async () => {
    const { page, errors } = await open();
    await page.locator('#similarities details:has-text("Space and venues") summary').first().click();
    // The list is filled on the details' 'toggle' event, which fires after the click returns.
    await page.locator('#similarities details[data-filled]:has-text("Space and venues")').first().waitFor();
    const text = await page.locator('#content').innerText();
    assert.ok(text.includes(XSS_NAME), 'the partner name is shown literally');
    assert.ok(text.includes(XSS_NOTE), 'the note is shown literally');
    assert.equal(await page.locator('#content img').count(), 0);
    assert.equal(await page.locator('#content script').count(), 0);
    assert.equal(await page.locator('[onerror]').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as Recorded).__xss), undefined);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('posts the typed open message with file and line when a quote is clicked', async () => {
    const { page } = await open();
    await page.locator('#similarities details:has-text("Space and venues") summary').first().click();
    await page.locator('#similarities details:has-text("Space and venues") a.ref', { hasText: 'Alpha Arts' }).click();
    const opens = (await posted(page)).filter((m) => m.type === 'open');
    assert.deepEqual(opens.map(parsePageMessage), [{ type: 'open', uri: `${ROOT}/test/fixtures/review-round/alpha-arts/2026-10-05.worksheet.yaml`, line: 19 }]);
    await page.close();
  });

  it('posts typed messages from the round selector and the buttons, and ignores malformed messages', async () => {
    const { page, errors } = await open();
    await page.evaluate(() => {
      window.postMessage({ type: 'summary', summary: { round: 42 } }, '*');
      window.postMessage({ type: 'nonsense' }, '*');
      window.postMessage('<img src=x onerror=window.__xss=9>', '*');
    });
    await page.locator('#round').evaluate((e) => {
      const select = e as HTMLElement & { value: string };
      select.value = 'spring-2026';
      select.dispatchEvent(new Event('change'));
    });
    await page.locator('#start').click();
    await page.locator('#export-md').click();
    await page.locator('#export-html').click();
    const sent = (await posted(page)).filter((m) => m.type !== 'ready');
    assert.deepEqual(sent, [
      { type: 'selectRound', round: 'spring-2026' },
      { type: 'startReview', round: 'autumn-2026' },
      { type: 'export', format: 'markdown' },
      { type: 'export', format: 'html' },
    ]);
    assert.ok(sent.every((m) => parsePageMessage(m)), 'the host accepts every message the page sends');
    assert.match(await page.locator('h1').innerText(), /autumn-2026/, 'the malformed summary changed nothing');
    assert.equal(await page.evaluate(() => (window as unknown as Recorded).__xss), undefined);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('renders a closed list when it opens, and keeps it open across a live update', async () => {
    const { page, errors } = await open();
    const space = page.locator('#similarities details[data-part]', { hasText: 'Space and venues' }).first();
    assert.equal(await space.locator('li').count(), 0, 'nothing rendered while closed');
    await space.locator('summary').click();
    await space.locator('li').first().waitFor();
    assert.equal(await space.locator('li').count(), 4);
    await page.evaluate((s) => window.postMessage({ type: 'summary', summary: s }, '*'), summary);
    await page.waitForFunction(() => document.querySelector('#similarities details[open][data-filled] li'));
    assert.equal(await page.locator('#similarities details[open] li').count(), 4);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('can be used with the keyboard, with a visible focus', async () => {
    const { page } = await open();
    // Tab from the top until a link in the content has the focus.
    let found = false;
    for (let i = 0; i < 20 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => !!document.activeElement?.closest('#content a'));
    }
    assert.ok(found, 'a link in the content takes the focus by Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    assert.notEqual(outline, 'none', 'the focused link shows it');
    // A theme opens with Enter on its summary.
    const summaryEl = page.locator('#similarities details summary').first();
    await summaryEl.focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('#similarities details').first().evaluate((d) => (d as HTMLDetailsElement).open), true);
    // Enter on a quote link posts the open message, as a click does.
    await page.locator('#similarities details').first().locator('a.ref').first().focus();
    await page.keyboard.press('Enter');
    assert.equal((await posted(page)).filter((m) => m.type === 'open').length, 1);
    await page.close();
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    for (const theme of ['light', 'dark']) {
      const { page } = await open(theme);
      // Open every theme so the quotes are checked too.
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      // Closed lists are rendered when opened: wait until every one is.
      await page.waitForFunction(() => document.querySelectorAll('details[data-part]:not([data-filled])').length === 0);
      // axe is injected through the DevTools protocol, which the page's CSP does not govern.
      await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
      const result = await page.evaluate(async () => (window as unknown as Recorded).axe!.run(document, { resultTypes: ['violations'] }));
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
      assert.deepEqual(bad, [], theme);
      await page.close();
    }
  });

  it('follows the VS Code theme in light, dark and high contrast (screenshots saved)', async () => {
    mkdirSync('test-output/screenshots', { recursive: true });
    const expected: Record<string, string> = { light: 'rgb(255, 255, 255)', dark: 'rgb(31, 31, 31)', 'high-contrast': 'rgb(0, 0, 0)' };
    for (const theme of Object.keys(expected)) {
      const { page, errors } = await open(theme);
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), expected[theme]);
      await page.locator('#similarities details').first().evaluate((d) => { (d as HTMLDetailsElement).open = true; });
      await page.screenshot({ path: `test-output/screenshots/review-${theme === 'high-contrast' ? 'hc' : theme}.png`, fullPage: true });
      assert.deepEqual(errors, []);
      await page.close();
    }
  });
});
