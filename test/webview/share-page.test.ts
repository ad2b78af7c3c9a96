// "What we heard" as the partner opens it: the self-contained HTML page from
// one worksheet, in headless Chromium. Every section, hostile text inert,
// nothing loaded, axe on screen, and a print stylesheet that applies.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { shareBack } from '../../src/core/history/share';
import { renderShareHtml } from '../../src/core/history/render-share';
import CHROMIUM from '../../scripts/chromium.json';
import type { Recorded } from './harness';
import { seriousViolations } from './harness';

const AUTUMN = resolve('test/fixtures/history/harbour-seniors/2026-09-30.worksheet.yaml');
const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';

describe('What we heard page in Chromium', () => {
  let browser: Browser | undefined;
  before(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM.executablePath, args: CHROMIUM.args });
  });
  after(async () => {
    await browser?.close();
  });

  async function open(text: string) {
    const page = await browser!.newPage({ viewport: { width: 900, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => { if (!r.url().startsWith('about:') && !r.url().startsWith('data:')) errors.push(`load: ${r.url()}`); });
    await page.setContent(renderShareHtml(shareBack(AUTUMN, text)!));
    return { page, errors };
  }

  it('shows thanks, their words, their correction, what we heard and the next step, and nothing of ours', async () => {
    const { page, errors } = await open(readFileSync(AUTUMN, 'utf8'));
    assert.deepEqual(await page.locator('h2').allInnerTexts(), ['What success means to you', 'What stands in your way', 'What matters to you', 'What you want to achieve', 'What you are already putting in', 'Our next step together']);
    assert.equal(await page.locator('blockquote').innerText(), 'Members see each other every week, even without the minibus.');
    const text = await page.locator('main').innerText();
    assert.match(text, /You also told us: Even without the minibus\./);
    assert.match(text, /Introduce Rose to the library's ground-floor room booking \(sam will take it forward\)\./);
    for (const ours of ['board is split', 'transport', 'Members run the club', 'challenges-in-the-way', 'Success is members meeting']) assert.ok(!text.includes(ours), ours);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('shows hostile text as text and runs none of it', async () => {
    const hostile = readFileSync(AUTUMN, 'utf8').replace('We lost the minibus', `'${XSS}'`).replace('Harbour Seniors Club', `'${XSS}'`);
    const { page, errors } = await open(hostile);
    assert.ok((await page.locator('main').innerText()).includes(XSS));
    assert.equal(await page.locator('img, script').count(), 0);
    assert.equal(await page.title(), `What we heard: ${XSS}`);
    assert.equal(await page.evaluate(() => (window as unknown as Recorded).__xss), undefined);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('passes axe, and prints without the screen margins', async () => {
    const { page } = await open(readFileSync(AUTUMN, 'utf8'));
    assert.deepEqual(await seriousViolations(page, readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')), []);
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).marginTop), '32px');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).marginTop), '0px');
    await page.close();
  });
});
