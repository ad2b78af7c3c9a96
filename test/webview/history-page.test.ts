// The Partner History page in headless Chromium: built with esbuild as the
// extension builds it, served with the panel's own HTML and CSP from a local
// server, and fed the fixture partner's history by message, the way the panel
// feeds it. acquireVsCodeApi is a stub that records what the page posts.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { contentSecurityPolicy } from '../../src/features/panels/page-shell';
import { historyPageHtml } from '../../src/features/history/page-html';
import { parsePageMessage } from '../../src/features/history/messages';
import { WorkspaceIndex } from '../../src/core/workspace';
import { nodeFileSystem } from '../../src/cli/node-fs';
import { partnerHistory } from '../../src/core/history/build';
import type { PartnerHistory } from '../../src/core/history/model';
import CHROMIUM from '../../scripts/chromium.json';
import type { PageServer, Recorded } from './harness';
import { NONCE, newPage, posted, seriousViolations, servePage } from './harness';

const ROOT = resolve('.').split('\\').join('/');
const FIXTURE = `${ROOT}/test/fixtures/history`;
const XSS_NAME = '<img src=x onerror="window.__xss=1">Evil & Co';
const XSS_NOTE = '<script>window.__xss=2</script> No room <img src=x onerror=window.__xss=3>';

async function histories(): Promise<{ seniors: PartnerHistory; evil: PartnerHistory }> {
  const index = new WorkspaceIndex(() => '2026-12-01');
  await index.loadFolder(nodeFileSystem, FIXTURE);
  index.set(`${FIXTURE}/evil/2026-10-30.worksheet.yaml`, [
    'kind: worksheet', 'status: held', `partner: {id: evil-co, organization: '${XSS_NAME}'}`, 'meeting: {date: 2026-10-30, our_attendees: [sam]}',
    'notes:', `  success_in_their_words: '${XSS_NOTE}'`, `  challenges: ['${XSS_NOTE}']`,
    `next_step: {action: '${XSS_NOTE}', owner: sam, due: 2026-11-01}`, '',
  ].join('\n'));
  return {
    seniors: partnerHistory(index, 'harbour-seniors', { today: '2026-12-01' })!,
    evil: partnerHistory(index, 'evil-co', { today: '2026-12-01' })!,
  };
}

describe('partner history page in Chromium', () => {
  let server: PageServer | undefined;
  let browser: Browser | undefined;
  let seniors: PartnerHistory;
  let evil: PartnerHistory;

  before(async () => {
    ({ seniors, evil } = await histories());
    await build({ entryPoints: ['src/webview/history/main.ts'], bundle: true, outfile: 'dist/webview/history/main.js', platform: 'browser', format: 'iife', target: 'es2022', logLevel: 'silent' });
    server = await servePage({
      html: (base) => historyPageHtml({ cspSource: base, scriptUri: '/main.js', styleUri: '/review.css', nonce: NONCE }),
      scriptPath: '/main.js',
      csp: (base) => contentSecurityPolicy(base, NONCE),
      files: {
        '/main.js': { type: 'text/javascript', body: readFileSync(join(ROOT, 'dist', 'webview', 'history', 'main.js')) },
        '/review.css': { type: 'text/css', body: readFileSync(join(ROOT, 'media', 'review.css')) },
      },
    });
    browser = await chromium.launch({ executablePath: CHROMIUM.executablePath, args: CHROMIUM.args });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(theme = 'light', history = seniors): Promise<{ page: Page; errors: string[] }> {
    const { page, errors } = await newPage(browser!, server!.base, theme);
    await page.waitForFunction(() => (window as unknown as Recorded).__posted.some((m) => m.type === 'ready'));
    await page.evaluate((h) => window.postMessage({ type: 'history', history: h }, '*'), history);
    await page.locator('#gaps').waitFor();
    return { page, errors };
  }

  it('renders every section: both meetings, both success statements with the correction, the marks, steps, commitments, convenings and gaps', async () => {
    const { page, errors } = await open();
    assert.deepEqual(await page.locator('main section').evaluateAll((els) => els.map((e) => e.id)), ['meetings', 'success', 'notes', 'steps', 'commitments', 'convenings', 'gaps']);
    assert.equal(await page.locator('h1').innerText(), 'Partner history: Harbour Seniors Club');
    assert.match(await page.locator('.last-met').innerText(), /^Last met 2026-09-30 \(62 days ago\)\. 2 meetings\./);
    assert.deepEqual(await page.locator('#meetings li a.ref').allInnerTexts(), ['2026-03-12', '2026-09-30']);
    assert.deepEqual(await page.locator('#success blockquote').allInnerTexts(), ['Members get out of the flats every week.', 'Members see each other every week, even without the minibus.']);
    assert.match(await page.locator('#success').innerText(), /Corrected: we heard “?Success is members meeting every week\.”?; they said “?Even without the minibus\.”?/);
    const marks = await page.locator('#notes .tracks > li').evaluateAll((els) => els.map((e) => `${e.querySelector('.label')!.textContent}: ${e.querySelector('.badge.mark')!.textContent}`));
    assert.deepEqual(marks.slice(0, 3), ['Getting around: repeated', 'Space and rooms: no longer mentioned', 'The board is split on raising fees: new']);
    assert.equal(await page.locator('#notes .badge.internal').count(), 1);
    assert.match(await page.locator('#steps').innerText(), /Follow up \(ana, on 2026-11-15\)\s*open\s*overdue/);
    assert.match(await page.locator('#commitments').innerText(), /Book a trial morning for the seniors in the library room \(sam, by 2026-11-10\)/);
    assert.match(await page.locator('#convenings').innerText(), /Harbour Getting Around \(exploring\): role member, advisory/);
    assert.match(await page.locator('#gaps').innerText(), /next-step-due/);
    assert.equal(await page.locator('#share').evaluate((b) => (b as HTMLElement & { disabled: boolean }).disabled), false);
    assert.deepEqual(errors, []);
    assert.equal(await page.evaluate(() => (window as unknown as Recorded).__csp), undefined);
    await page.close();
  });

  it('posts the typed open message with file and line for each kind of link', async () => {
    const { page } = await open();
    await page.locator('#meetings a.ref').nth(1).click();
    await page.locator('#success a.ref', { hasText: 'Corrected' }).click();
    await page.locator('#commitments a.ref').click();
    await page.locator('#convenings a.ref').click();
    const opens = (await posted(page)).filter((m) => m.type === 'open').map(parsePageMessage);
    assert.deepEqual(opens, [
      { type: 'open', uri: `${FIXTURE}/harbour-seniors/2026-09-30.worksheet.yaml`, line: 10 },
      { type: 'open', uri: `${FIXTURE}/harbour-seniors/2026-09-30.worksheet.yaml`, line: 26 },
      { type: 'open', uri: `${FIXTURE}/reviews/autumn-2026.review.yaml`, line: 9 },
      { type: 'open', uri: `${FIXTURE}/convenings/harbour-transport.convening.yaml`, line: 10 },
    ]);
    await page.close();
  });

  it('posts typed messages from the buttons, keeps its partner in the state, and ignores malformed messages', async () => {
    const { page, errors } = await open();
    await page.evaluate(() => {
      window.postMessage({ type: 'history', history: { partner: 42 } }, '*');
      window.postMessage({ type: 'nonsense' }, '*');
      window.postMessage('<img src=x onerror=window.__xss=9>', '*');
    });
    await page.locator('#share').click();
    await page.locator('#export-md').click();
    await page.locator('#export-html').click();
    const sent = (await posted(page)).filter((m) => m.type !== 'ready');
    assert.deepEqual(sent, [{ type: 'share' }, { type: 'export', format: 'markdown' }, { type: 'export', format: 'html' }]);
    assert.ok(sent.every((m) => parsePageMessage(m)), 'the host accepts every message the page sends');
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __state: unknown }).__state), { partnerId: 'harbour-seniors' });
    assert.match(await page.locator('h1').innerText(), /Harbour Seniors Club/, 'the malformed history changed nothing');
    assert.equal(await page.evaluate(() => (window as unknown as Recorded).__xss), undefined);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('shows a partner name, success statement, note and next step holding markup as text, and runs none of it', async () => {
    const { page, errors } = await open('light', evil);
    const text = await page.locator('#content').innerText();
    assert.ok(text.includes(XSS_NAME), 'the name is shown literally');
    assert.equal(text.split(XSS_NOTE).length - 1, 3, 'success, challenge and next step shown literally');
    assert.equal(await page.locator('#content img').count(), 0);
    assert.equal(await page.locator('#content script').count(), 0);
    assert.equal(await page.locator('[onerror]').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as Recorded).__xss), undefined);
    assert.match(text, /Not met yet|Last met/);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('has no serious or critical accessibility violations (axe-core), in light and dark', async () => {
    const axe = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    for (const theme of ['light', 'dark']) {
      const { page } = await open(theme);
      assert.deepEqual(await seriousViolations(page, axe), [], theme);
      await page.close();
    }
  });

  it('follows the VS Code theme in light and dark (screenshots saved)', async () => {
    mkdirSync('test-output/screenshots', { recursive: true });
    const expected: Record<string, [string, string]> = { light: ['rgb(255, 255, 255)', 'rgb(59, 59, 59)'], dark: ['rgb(31, 31, 31)', 'rgb(204, 204, 204)'] };
    for (const [theme, [bg, fg]] of Object.entries(expected)) {
      const { page, errors } = await open(theme);
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), bg);
      assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('blockquote')!).color), fg);
      await page.screenshot({ path: `test-output/screenshots/history-${theme}.png`, fullPage: true });
      assert.deepEqual(errors, []);
      await page.close();
    }
  });
});
