// The review panel's page in headless Chromium: built with esbuild as the
// extension builds it, served with the panel's own HTML and CSP from a local
// server, and fed the fixture round's summary by message, the way the panel
// feeds it. acquireVsCodeApi is a stub that records what the page posts.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { contentSecurityPolicy } from '../../src/features/panels/page-shell';
import { pageHtml } from '../../src/features/review/page-html';
import { parsePageMessage } from '../../src/features/review/messages';
import { WorkspaceIndex } from '../../src/core/workspace';
import { nodeFileSystem } from '../../src/cli/node-fs';
import { summarize } from '../../src/core/summary/summarize';
import type { ReviewSummary } from '../../src/core/summary/summarize';
import { WORKSHEET, variant } from '../unit/helpers';
import CHROMIUM from '../../scripts/chromium.json';
import type { PageServer, Recorded } from './harness';
import { NONCE, newPage, posted, seriousViolations, servePage } from './harness';

const ROOT = resolve('.');
const XSS_NAME = '<img src=x onerror="window.__xss=1">Evil & Co';
const XSS_NOTE = '<script>window.__xss=2</script> No room <img src=x onerror=window.__xss=3>';

/** The fixture round, plus a partner whose name and notes are markup. */
async function fixtureSummary(): Promise<ReviewSummary> {
  const index = new WorkspaceIndex(() => '2026-11-24');
  const root = `${ROOT.split('\\').join('/')}/test/fixtures/review-round`;
  await index.loadFolder(nodeFileSystem, root);
  index.set(`${root}/evil-co/2026-10-30.worksheet.yaml`, variant(WORKSHEET,
    [['partner'], { id: 'evil-co', organization: XSS_NAME }],
    [['meeting', 'date'], '2026-10-30'],
    [['notes', 'challenges'], [{ text: XSS_NOTE, themes: ['space'] }]]));
  // An earlier review whose commitment is still open: carried into autumn's.
  index.set(`${root}/reviews/spring-2026.review.yaml`, 'kind: review\nversion: 1\nround: spring-2026\ndate: 2026-05-02\ncommitments:\n  - {action: Find an evening venue for Alpha, owner: sam, due: 2026-06-30}\n');
  // A convening with two of the round's partners and a name that is markup.
  index.set(`${root}/convenings/youth.convening.yaml`, `kind: convening\nversion: 1\nname: ${JSON.stringify(XSS_NAME)}\nstatus: forming\nconvener: {organization: City Museum}\npartners:\n  - {id: alpha-arts, roles: [member]}\n  - {id: echo-youth, roles: [member]}\n`);
  return summarize(index, { today: '2026-11-24' });
}

describe('review page in Chromium', () => {
  let server: PageServer | undefined;
  let browser: Browser | undefined;
  let summary: ReviewSummary;

  before(async () => {
    summary = await fixtureSummary();
    await build({ entryPoints: ['src/webview/main.ts'], bundle: true, outfile: 'dist/webview/main.js', platform: 'browser', format: 'iife', target: 'es2022', logLevel: 'silent' });
    server = await servePage({
      // The panel's page as the panel builds it.
      html: (base) => pageHtml({ cspSource: base, scriptUri: '/main.js', styleUri: '/review.css', nonce: NONCE }),
      scriptPath: '/main.js',
      csp: (base) => contentSecurityPolicy(base, NONCE),
      files: {
        '/main.js': { type: 'text/javascript', body: readFileSync(join(ROOT, 'dist', 'webview', 'main.js')) },
        '/review.css': { type: 'text/css', body: readFileSync(join(ROOT, 'media', 'review.css')) },
      },
    });
    browser = await chromium.launch({ executablePath: CHROMIUM.executablePath, args: CHROMIUM.args });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(theme = 'light'): Promise<{ page: Page; errors: string[] }> {
    const { page, errors } = await newPage(browser!, server!.base, theme);
    await page.waitForFunction(() => (window as unknown as Recorded).__posted.some((m) => m.type === 'ready'));
    await page.evaluate((s) => window.postMessage({ type: 'summary', summary: s }, '*'), summary);
    await page.locator('#commitments').waitFor();
    return { page, errors };
  }

  it('renders every section of the summary in order, with no console errors, CSP violations or remote loads', async () => {
    const { page, errors } = await open();
    const ids = await page.locator('main section').evaluateAll((els) => els.map((e) => e.id));
    assert.deepEqual(ids, ['success', 'coverage', 'similarities', 'outliers', 'trends', 'opportunities', 'convenings', 'gaps', 'team-review', 'commitments']);
    for (const id of ids) assert.ok(await page.locator(`section#${id} h2`).isVisible(), id);
    assert.match(await page.locator('h1').innerText(), /Team review: autumn-2026/);
    // The five fixture partners met, and the partner whose name is markup.
    assert.equal(await page.locator('#success li').count(), 6);
    assert.equal(await page.locator('#success li', { hasText: 'Echo Youth Film' }).innerText(), 'Echo Youth Film: Their films are seen by the whole estate. corrected\nTheir correction: In a cinema, not a community hall.');
    assert.equal(await page.locator('#success li', { hasText: 'City Community Choir' }).innerText(), 'City Community Choir: Anyone who wants to sing has a choir to sing in. not checked with them');
    assert.match(await page.locator('#similarities').innerText(), /Space and venues\s+4 partners/);
    assert.match(await page.locator('#outliers').innerText(), /Funding: Alpha Arts/);
    // Shares of partners met, within the round and across rounds, both figures.
    assert.match(await page.locator('#trends').innerText(), /Within this round[\s\S]*Challenges\s+Space and venues: 67% \(4 of 6\)/);
    assert.match(await page.locator('#trends').innerText(), /Since spring-2026[\s\S]*Rising\nBeing seen \(goals\): 1 of 3 to 83% \(5 of 6\)\nSpace and venues \(challenges\): 1 of 3 to 67% \(4 of 6\)/);
    assert.match(await page.locator('#opportunities').innerText(), /Museum minibus on weekday afternoons\s+1 goal, 2 challenges/);
    const minibus = page.locator('#opportunities details', { hasText: 'Museum minibus' });
    await minibus.locator('summary').click();
    await minibus.locator('li').first().waitFor();
    assert.match(await minibus.innerText(), /Challenges it can meet\nAlpha Arts: “?Getting to the city centre by bus/);
    assert.match(await page.locator('#gaps').innerText(), /overdue-next-step/);
    assert.match(await page.locator('#commitments').innerText(), /Offer the library rooms to Echo Youth Film/);
    // Charts are SVG for the eye, with the same numbers as text for screen readers.
    assert.ok(await page.locator('#coverage svg[aria-hidden="true"] rect.bar').count() === 4);
    assert.equal(await page.locator('#coverage .sr-only li').allTextContents().then((t) => t.join('; ')), 'All meetings: 7 meetings; Held: 6 meetings; Filled in: 5 meetings; Shared: 4 meetings');
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

  it('links each success statement and its correction to their lines', async () => {
    const { page } = await open();
    await page.locator('#success a.ref', { hasText: 'Echo Youth Film' }).click();
    await page.locator('#success li', { hasText: 'Echo Youth Film' }).locator('a.ref', { hasText: 'Their correction' }).click();
    const opens = (await posted(page)).filter((m) => m.type === 'open');
    const uri = `${ROOT}/test/fixtures/review-round/echo-youth/2026-10-26.worksheet.yaml`;
    assert.deepEqual(opens, [{ type: 'open', uri, line: 17 }, { type: 'open', uri, line: 24 }]);
    await page.close();
  });

  it('lists the convenings with the round\'s partners, links their gaps to their lines, and the goals no convening covers', async () => {
    const { page } = await open();
    const item = page.locator('#convenings ul.convenings > li');
    assert.equal(await item.count(), 1);
    assert.match(await item.innerText(), /forming: Alpha Arts, Echo Youth Film/);
    // The name is markup, shown as text.
    assert.equal(await page.locator('#convenings img, #convenings script').count(), 0);
    await item.locator('ul.gaps a.ref').first().click();
    const opens = (await posted(page)).filter((m) => m.type === 'open');
    assert.equal(opens.length, 1);
    assert.equal(opens[0].uri, `${ROOT}/test/fixtures/review-round/convenings/youth.convening.yaml`);
    assert.ok(typeof opens[0].line === 'number' && opens[0].line >= 1);
    assert.match(await page.locator('#convenings').innerText(), /Shared goals no convening covers yet\nBeing seen: /);
    await page.close();
  });

  it('marks an open commitment done with a button, posting its file and index; done ones have none', async () => {
    const { page, errors } = await open();
    assert.match(await page.locator('#commitments').innerText(), /Still open from earlier reviews\n[\s\S]*Find an evening venue for Alpha \(sam, by 2026-06-30\) overdue \(from spring-2026, made 206 days ago, 147 days overdue\)/);
    const buttons = page.locator('#commitments button.mark-done');
    assert.equal(await buttons.count(), 2, 'the done commitment has no button');
    await page.locator('#commitments .carried a.ref').click();
    assert.deepEqual((await posted(page)).filter((m) => m.type === 'open'), [{ type: 'open', uri: `${ROOT}/test/fixtures/review-round/reviews/spring-2026.review.yaml`, line: 6 }]);
    assert.equal(await buttons.first().getAttribute('aria-label'), 'Mark done: Offer the library rooms to Echo Youth Film');
    await buttons.first().click();
    const sent = (await posted(page)).filter((m) => m.type === 'commitmentDone');
    assert.deepEqual(sent, [{ type: 'commitmentDone', uri: `${ROOT}/test/fixtures/review-round/reviews/autumn-2026.review.yaml`, index: 0 }]);
    assert.ok(sent.every((m) => parsePageMessage(m)), 'the host accepts it');
    assert.equal(await buttons.first().isDisabled(), true, 'no second edit while the first is under way');
    assert.deepEqual(errors, []);
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
      assert.deepEqual(await seriousViolations(page, readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')), [], theme);
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
