// The worksheet form's page in headless Chromium: built with esbuild as the
// extension builds it, served with the editor's own HTML and CSP, and fed the
// state of a full fixture by message, the way the custom editor feeds it.
// Every message the page posts must be one the host accepts, and every edit
// in it must apply to the fixture's text.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { contentSecurityPolicy } from '../../src/features/panels/page-shell';
import { formPageHtml } from '../../src/features/form/page-html';
import type { FormVocabulary, HostMessage } from '../../src/features/form/messages';
import { parsePageMessage } from '../../src/features/form/messages';
import { FORM_FIELDS, FORM_LAYOUT, applyFormEdit, buildFormModel, formGaps } from '../../src/core/form';
import type { FormEdit } from '../../src/core/form';
import { checkText } from '../../src/core/check';
import { QUESTIONS } from '../../src/core/questions';
import CHROMIUM from '../../scripts/chromium.json';
import type { PageServer, Recorded } from './harness';
import { NONCE, newPage, posted, seriousViolations, servePage } from './harness';

const FULL = readFileSync('test/fixtures/form/full.worksheet.yaml', 'utf8');
/** The full worksheet with two gaps that have fixes: no owner for the next step, not thanked. */
const GAPPY = FULL.replace('  owner: sam\n  due: 2026-10-28', '  due: 2026-10-28').replace('thanked: true', 'thanked: false');
const XSS_NAME = '<img src=x onerror="window.__xss=1">Evil & Co';
const XSS_NOTE = '<script>window.__xss=2</script> No room <img src=x onerror=window.__xss=3>';

const VOCABULARY: FormVocabulary = {
  partners: [{ id: 'riverside-youth', organization: 'Riverside Youth Collective' }, { id: 'eastside-library', organization: 'Eastside Library' }],
  people: ['ana', 'jordan', 'sam'],
  themes: [{ id: 'space', label: 'Space and venues' }, { id: 'visibility', label: 'Being seen' }, { id: 'capacity', label: 'used in notes' }, { id: 'transport', label: 'Getting there' }],
  rounds: ['spring-2026', 'autumn-2026'],
  goals: ['Two public exhibitions this year', 'Paid commissions for ten teens'],
  sharedWith: ['ana', 'community-team', 'sam'],
  questions: QUESTIONS.map((q) => ({ id: q.id, text: q.text, category: q.category })),
};

function stateOf(text: string, version = 7): Extract<HostMessage, { type: 'state' }> {
  const doc = buildFormModel(text);
  const gaps = formGaps(doc, checkText('/team/riverside-youth/2026-10-14.worksheet.yaml', text, { today: '2026-10-20' }).findings);
  return { type: 'state', version, model: doc.model, gaps, gapsCurrent: true, vocabulary: VOCABULARY, layout: FORM_LAYOUT };
}

type Control = HTMLElement & { value: string; checked: boolean; disabled: boolean };

describe('worksheet form page in Chromium', () => {
  let server: PageServer | undefined;
  let browser: Browser | undefined;

  before(async () => {
    await build({ entryPoints: ['src/webview/form/main.ts'], bundle: true, outfile: 'dist/webview/form/main.js', platform: 'browser', format: 'iife', target: 'es2022', logLevel: 'silent' });
    server = await servePage({
      html: (base) => formPageHtml({ cspSource: base, scriptUri: '/form.js', styleUri: '/form.css', nonce: NONCE }),
      scriptPath: '/form.js',
      csp: (base) => contentSecurityPolicy(base, NONCE),
      files: {
        '/form.js': { type: 'text/javascript', body: readFileSync('dist/webview/form/main.js') },
        '/form.css': { type: 'text/css', body: readFileSync('media/form.css') },
      },
    });
    browser = await chromium.launch({ executablePath: CHROMIUM.executablePath, args: CHROMIUM.args });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(text = FULL, theme = 'light'): Promise<{ page: Page; errors: string[] }> {
    const { page, errors } = await newPage(browser!, server!.base, theme);
    await page.waitForFunction(() => (window as unknown as Recorded).__posted.some((m) => m.type === 'ready'));
    await page.evaluate((s) => window.postMessage(s, '*'), stateOf(text));
    await page.locator('#after .group').first().waitFor();
    return { page, errors };
  }

  /** What the page sent since it said it was ready. */
  const sent = async (page: Page) => (await posted(page)).filter((m) => m.type !== 'ready');
  const edits = async (page: Page) => (await sent(page)).filter((m) => m.type === 'edit').map((m) => m.edit as FormEdit);
  const control = (page: Page, id: string) => page.locator(`#${id}`);

  it('renders every field of a full worksheet with its value and tip, with no errors, CSP violations or remote loads', async () => {
    const { page, errors } = await open();
    for (const f of FORM_FIELDS) {
      const field = page.locator(`[data-field="${f.id}"]`);
      assert.equal(await field.count(), 1, f.id);
      assert.ok(await field.isVisible(), `${f.id} is visible`);
      assert.equal(await field.locator('.tip').first().innerText(), f.tip, `${f.id} shows its tip`);
    }
    assert.deepEqual(await page.locator('main > section').evaluateAll((els) => els.map((e) => e.id)), ['before', 'during', 'after']);
    const value = (id: string) => control(page, id).evaluate((e) => (e as Control).value);
    const checked = (id: string) => control(page, id).evaluate((e) => (e as Control).checked);
    assert.equal(await value('f-partner-organization'), 'Riverside Youth Collective');
    assert.equal(await value('f-partner-id'), 'riverside-youth');
    assert.equal(await value('f-meeting-date'), '2026-10-14');
    assert.equal(await control(page, 'f-meeting-date').getAttribute('type'), 'date');
    assert.equal(await value('f-meeting-start'), '16:00');
    assert.equal(await value('f-meeting-duration_minutes'), '45');
    assert.equal(await checked('f-meeting-partner_chose_time_and_place'), true);
    assert.equal(await value('f-meeting-medium'), 'in-person');
    assert.equal(await value('f-round'), 'autumn-2026');
    assert.equal(await value('f-preparation-plan'), 'Open with their alumni show.\nListen for what stands in the way.');
    assert.equal(await value('f-confirmation-response'), 'corrected');
    assert.equal(await value('f-next_step-serves_goal'), 'Two public exhibitions this year');
    assert.equal(await value('f-next_step-owner'), 'sam');
    assert.equal(await checked('f-follow_up-done'), false);
    assert.equal(await checked('f-thanked'), true);
    assert.equal(await value('f-status'), 'shared');
    assert.equal(await value('f-after-shared_back_on'), '2026-10-16');
    assert.equal(await control(page, 'f-after-shared_back_on').getAttribute('type'), 'date');
    // Lists of ids as chips; a question from the bank by its wording, one of their own as written.
    assert.deepEqual(await page.locator('[data-field="meeting.our_attendees"] li.chip span').allInnerTexts(), ['sam', 'ana']);
    assert.deepEqual(await page.locator('[data-field="preparation.questions"] li.chip span').allInnerTexts(), ['A year from now, what would you love to be celebrating?', 'What keeps you up at night?']);
    assert.deepEqual(await page.locator('[data-field="after.shared_with"] li.chip span').allInnerTexts(), ['community-team']);
    // Notes and people, item by item.
    assert.equal(await page.locator('[data-field="notes.challenges"] li.item').count(), 2);
    assert.equal(await value('f-notes-challenges-0-quote'), 'We make the work, then it sits in a cupboard.');
    assert.deepEqual(await page.locator('[data-item="notes.challenges.0"] li.chip span').allInnerTexts(), ['space', 'visibility']);
    assert.equal(await value('f-notes-challenges-1-text'), 'Getting teens home after evening events');
    assert.equal(await value('f-partner-people-0-contact'), 'dana@example.org');
    assert.equal(await value('f-partner-people-1-name'), 'Kofi Mensah');
    assert.match(await page.locator('h1').innerText(), /Riverside Youth Collective/);
    assert.deepEqual(errors, []);
    assert.equal(await page.evaluate(() => (window as unknown as Recorded).__csp), undefined);
    await page.close();
  });

  it('posts a typed edit from each kind of control, each accepted by the host and applying to the text', async () => {
    const { page, errors } = await open();
    // As the controls do it: a 'change' that does not bubble.
    const set = (id: string, v: string) => control(page, id).evaluate((e, val) => {
      (e as Control).value = val;
      e.dispatchEvent(new Event('change'));
    }, v);
    // A text field, sent when the person leaves it.
    await control(page, 'f-meeting-location').locator('input').fill('The library annexe');
    await control(page, 'f-meeting-location').locator('input').blur();
    // A date, a number, a time, a choice, a combobox, a text area.
    await set('f-next_step-due', '2026-11-04');
    await set('f-meeting-duration_minutes', '50');
    await set('f-meeting-start', '17:30');
    await set('f-meeting-medium', 'video');
    await set('f-next_step-owner', 'jordan');
    await set('f-notes-success_in_their_words', 'Teens are paid.\nAnd seen.');
    // A yes/no.
    await control(page, 'f-follow_up-done').click();
    // Clearing a field.
    await set('f-partner-community', '');
    // A chip added and one removed.
    await set('add-meeting-our_attendees', 'jordan');
    await page.locator('[data-field="after.shared_with"] .chip-remove').first().click();
    // A note's theme, a note added with Enter, one moved, one removed.
    await set('add-notes-challenges-1-themes', 'transport');
    await control(page, 'add-notes-goals').locator('input').fill('A paid summer programme');
    await control(page, 'add-notes-goals').locator('input').press('Enter');
    const sentSoFar = (await edits(page)).length;
    // The page waits for the new state before a second list change (item numbers shift).
    await page.evaluate((s) => window.postMessage(s, '*'), stateOf(FULL, 8));
    await page.locator('[data-field="notes.challenges"] vscode-button[aria-label="Move challenge 1 down"]').click();
    await page.evaluate((s) => window.postMessage(s, '*'), stateOf(FULL, 9));
    await page.locator('[data-field="partner.people"] vscode-button[aria-label="Remove person 2"]').click();
    const got = await edits(page);
    assert.equal(sentSoFar, 13);
    assert.deepEqual(got, [
      { op: 'set', path: ['meeting', 'location'], value: 'The library annexe' },
      { op: 'set', path: ['next_step', 'due'], value: '2026-11-04' },
      { op: 'set', path: ['meeting', 'duration_minutes'], value: 50 },
      { op: 'set', path: ['meeting', 'start'], value: '17:30' },
      { op: 'set', path: ['meeting', 'medium'], value: 'video' },
      { op: 'set', path: ['next_step', 'owner'], value: 'jordan' },
      { op: 'set', path: ['notes', 'success_in_their_words'], value: 'Teens are paid.\nAnd seen.' },
      { op: 'set', path: ['follow_up', 'done'], value: true },
      { op: 'clear', path: ['partner', 'community'] },
      { op: 'set', path: ['meeting', 'our_attendees'], value: ['sam', 'ana', 'jordan'] },
      { op: 'set', path: ['after', 'shared_with'], value: [] },
      { op: 'set', path: ['notes', 'challenges', 1, 'themes'], value: ['transport'] },
      { op: 'insert', path: ['notes', 'goals'], index: 1, value: 'A paid summer programme' },
      { op: 'move', path: ['notes', 'challenges'], from: 0, to: 1 },
      { op: 'remove', path: ['partner', 'people'], index: 1 },
    ].slice(0, got.length));
    assert.equal(got.length, 15);
    // The host takes each message as it is, and each edit applies to the fixture.
    for (const m of await sent(page)) {
      const parsed = parsePageMessage(m);
      assert.ok(parsed, JSON.stringify(m));
      if (parsed.type === 'edit') assert.ok(applyFormEdit(FULL, parsed.edit).length > 0, JSON.stringify(parsed.edit));
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('shows a note for the team only as a ticked box, and unticking or ticking it sends the edit', async () => {
    const marked = FULL.replace('quote: "We make the work, then it sits in a cupboard."}', 'quote: "We make the work, then it sits in a cupboard.", internal: true}');
    const { page } = await open(marked);
    const box = (i: number) => control(page, `f-notes-challenges-${i}-internal`);
    assert.equal(await box(0).evaluate((e) => (e as Control).checked), true);
    assert.equal(await box(1).evaluate((e) => (e as Control).checked), false);
    assert.equal(await box(0).getAttribute('aria-label'), 'Challenge 1 is for our team only');
    await box(0).click();
    await box(1).click();
    await page.waitForFunction(() => (window as unknown as Recorded).__posted.filter((m) => m.type === 'edit').length === 2);
    assert.deepEqual(await edits(page), [
      { op: 'set', path: ['notes', 'challenges', 0, 'internal'], value: false },
      { op: 'set', path: ['notes', 'challenges', 1, 'internal'], value: true },
    ]);
    await page.close();
  });

  it('sends typing once the person pauses, and keeps what they type while a state arrives', async () => {
    const { page } = await open();
    const input = control(page, 'f-partner-organization').locator('input');
    await input.fill('Riverside Youth');
    // A state from elsewhere (the text editor) arrives while they type: their text stays.
    await page.evaluate((s) => window.postMessage(s, '*'), stateOf(FULL, 8));
    assert.equal(await input.inputValue(), 'Riverside Youth');
    // Even when that state rebuilds the fields (a note got a theme).
    const quote = () => control(page, 'f-notes-challenges-1-quote').locator('input');
    await quote().fill('Buses stop at nine');
    await page.evaluate((s) => window.postMessage(s, '*'), stateOf(FULL.replace('    - Getting teens home after evening events', '    - {text: Getting teens home after evening events, themes: [transport]}'), 9));
    await page.locator('[data-item="notes.challenges.1"] li.chip').waitFor();
    assert.equal(await quote().inputValue(), 'Buses stop at nine');
    await page.waitForFunction(() => (window as unknown as Recorded).__posted.filter((m) => m.type === 'edit').length === 2);
    assert.deepEqual(await edits(page), [
      { op: 'set', path: ['partner', 'organization'], value: 'Riverside Youth' },
      { op: 'set', path: ['notes', 'challenges', 1, 'quote'], value: 'Buses stop at nine' },
    ]);
    await page.close();
  });

  it('sends what was typed at once when the page loses the focus (the tab closes or hides)', async () => {
    const { page } = await open();
    await control(page, 'f-meeting-location').locator('input').fill('Upstairs');
    assert.deepEqual(await edits(page), [], 'nothing yet: the pause has not ended');
    await page.evaluate(() => window.dispatchEvent(new Event('blur')));
    assert.deepEqual(await edits(page), [{ op: 'set', path: ['meeting', 'location'], value: 'Upstairs' }]);
    await page.close();
  });

  it('shows each gap beside its field, with its quick fixes as buttons that post the fix', async () => {
    const { page } = await open(GAPPY);
    const owner = page.locator('[data-gaps-for="next_step.owner"] .gap');
    assert.match(await owner.innerText(), /no owner/);
    const thanked = page.locator('[data-gaps-for="thanked"] .gap');
    assert.match(await thanked.innerText(), /Thank the partner/);
    await owner.locator('vscode-button', { hasText: 'Set the owner to sam' }).click();
    await thanked.locator('vscode-button', { hasText: 'Mark as thanked' }).click();
    await owner.locator('vscode-button', { hasText: 'Line' }).click();
    const state = stateOf(GAPPY);
    const ownerGap = state.gaps.find((g) => g.code === 'next-step-owner')!;
    const thankedGap = state.gaps.find((g) => g.code === 'not-thanked')!;
    assert.deepEqual(await sent(page), [
      { type: 'fix', version: 7, gap: ownerGap.id, fix: 0 },
      { type: 'fix', version: 7, gap: thankedGap.id, fix: 0 },
      { type: 'openText', line: ownerGap.line },
    ]);
    // While the gaps are rechecked after a change, their fixes wait.
    await page.evaluate((s) => window.postMessage({ ...s, gapsCurrent: false }, '*'), stateOf(GAPPY, 8));
    assert.equal(await page.locator('[data-gaps-for="thanked"] vscode-button', { hasText: 'Mark as thanked' }).evaluate((e) => (e as Control).disabled), true);
    await page.close();
  });

  it('shows a partner name and notes holding markup as text, and runs none of it', async () => {
    const text = FULL.replace('organization: Riverside Youth Collective', `organization: ${JSON.stringify(XSS_NAME)}`).replace('  - Getting teens home after evening events', `  - ${JSON.stringify(XSS_NOTE)}`);
    const { page, errors } = await open(text);
    assert.equal(await page.locator('h1').innerText(), XSS_NAME);
    assert.equal(await control(page, 'f-notes-challenges-1-text').evaluate((e) => (e as Control).value), XSS_NOTE);
    assert.equal(await page.locator('main img, header img, main script').count(), 0);
    assert.equal(await page.locator('[onerror]').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as Recorded).__xss), undefined);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('is read-only with a banner for a file it cannot represent, and names the keys it does not show', async () => {
    const broken = FULL.replace('  location: Their studio\n', '  location: [Their studio\n');
    const { page } = await open(broken);
    assert.match(await page.locator('#banner').innerText(), /read-only until the text is fixed/);
    assert.equal(await control(page, 'f-partner-organization').getAttribute('readonly'), '', 'text stays readable, and cannot be changed');
    assert.equal(await control(page, 'f-thanked').evaluate((e) => (e as Control).disabled), true);
    assert.equal(await control(page, 'f-partner-organization').evaluate((e) => (e as Control).value), 'Riverside Youth Collective');
    // A change that reaches it anyway sends nothing.
    await control(page, 'f-partner-organization').evaluate((e) => {
      (e as Control).value = 'Changed';
      e.dispatchEvent(new Event('change'));
    });
    await page.locator('#banner vscode-button').first().click();
    assert.equal((await sent(page))[0]?.type, 'openText');
    await page.close();
    const { page: other } = await open(`${FULL}budget_code: X-12\n`);
    assert.match(await other.locator('#banner').innerText(), /not shown in the form[\s\S]*budget_code/);
    assert.equal(await control(other, 'f-partner-organization').getAttribute('readonly'), null);
    await other.close();
  });

  it('ignores malformed messages from the host', async () => {
    const { page, errors } = await open();
    await page.evaluate(() => {
      window.postMessage({ type: 'state', version: 'x', model: {} }, '*');
      window.postMessage({ type: 'nonsense' }, '*');
      window.postMessage('<img src=x onerror=window.__xss=9>', '*');
    });
    await page.evaluate((s) => window.postMessage(s, '*'), stateOf(FULL, 8));
    assert.equal(await control(page, 'f-partner-organization').evaluate((e) => (e as Control).value), 'Riverside Youth Collective');
    assert.equal(await page.evaluate(() => (window as unknown as Recorded).__xss), undefined);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('can be filled in with the keyboard alone, with a visible focus', async () => {
    const { page } = await open();
    // Tab from the top reaches the first field.
    let reached = false;
    for (let i = 0; i < 10 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'f-partner-organization');
    }
    assert.ok(reached, 'the organisation field takes the focus by Tab');
    await page.keyboard.press('End');
    await page.keyboard.type(' CIC');
    await page.keyboard.press('Tab');
    // A note is added by typing and Enter, and the focus stays in the box for the next one.
    await control(page, 'add-notes-values').focus();
    await page.keyboard.type('Paying teens for their work');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'add-notes-values');
    // A move button works with Enter, and shows its focus.
    const down = page.locator('vscode-button[aria-label="Move challenge 1 down"]');
    await down.focus();
    const outline = await down.evaluate((e) => getComputedStyle(e).outlineStyle + getComputedStyle(e.shadowRoot?.querySelector('*') ?? e).outlineStyle);
    assert.notEqual(outline, 'nonenone', 'the focused button shows it');
    await page.keyboard.press('Enter');
    assert.deepEqual((await edits(page)).map((e) => e.op), ['set', 'insert']);
    // A list change waits for the new state; after it, Enter moves the note.
    await page.evaluate((s) => window.postMessage(s, '*'), stateOf(FULL, 8));
    await page.locator('vscode-button[aria-label="Move challenge 1 down"]').focus();
    await page.keyboard.press('Enter');
    assert.deepEqual((await edits(page))[2], { op: 'move', path: ['notes', 'challenges'], from: 0, to: 1 });
    assert.deepEqual((await edits(page))[0], { op: 'set', path: ['partner', 'organization'], value: 'Riverside Youth Collective CIC' });
    await page.close();
  });

  it('has no serious or critical accessibility violations (axe-core)', async function () {
    // Four pages of a long form, each checked in full: slower than the others.
    this.timeout(180_000);
    const axe = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    for (const theme of ['light', 'dark', 'high-contrast']) {
      const { page } = await open(GAPPY, theme);
      assert.deepEqual(await seriousViolations(page, axe), [], theme);
      await page.close();
    }
    const { page } = await open(`${FULL.replace('  location: Their studio\n', '  location: [Their studio\n')}`);
    assert.deepEqual(await seriousViolations(page, axe), [], 'read-only');
    await page.close();
  });

  it('follows the VS Code theme in light, dark and high contrast (screenshots saved)', async function () {
    this.timeout(120_000);
    mkdirSync('test-output/screenshots', { recursive: true });
    const expected: Record<string, string> = { light: 'rgb(255, 255, 255)', dark: 'rgb(31, 31, 31)', 'high-contrast': 'rgb(0, 0, 0)' };
    for (const theme of Object.keys(expected)) {
      const { page, errors } = await open(GAPPY, theme);
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), expected[theme]);
      await page.screenshot({ path: `test-output/screenshots/form-${theme === 'high-contrast' ? 'hc' : theme}.png`, fullPage: true });
      assert.deepEqual(errors, []);
      await page.close();
    }
  });
});
