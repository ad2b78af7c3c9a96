// The review panel's messages: what the host accepts from its page, and what
// the page accepts from the host. Anything else is dropped.
import assert from 'node:assert/strict';
import { parseHostMessage, parsePageMessage, parsePageState } from '../../src/features/review/messages';
import { contentSecurityPolicy } from '../../src/features/panels/page-shell';
import { pageHtml } from '../../src/features/review/page-html';

describe('review panel messages', () => {
  it('accepts the page\'s typed messages', () => {
    assert.deepEqual(parsePageMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parsePageMessage({ type: 'open', uri: 'file:///w/a.worksheet.yaml', line: 3, extra: 1 }), { type: 'open', uri: 'file:///w/a.worksheet.yaml', line: 3 });
    assert.deepEqual(parsePageMessage({ type: 'selectRound', round: 'autumn-2026' }), { type: 'selectRound', round: 'autumn-2026' });
    assert.deepEqual(parsePageMessage({ type: 'startReview', round: 'autumn-2026' }), { type: 'startReview', round: 'autumn-2026' });
    assert.deepEqual(parsePageMessage({ type: 'export', format: 'html' }), { type: 'export', format: 'html' });
    assert.deepEqual(parsePageMessage({ type: 'commitmentDone', uri: 'file:///w/r.review.yaml', index: 0 }), { type: 'commitmentDone', uri: 'file:///w/r.review.yaml', index: 0 });
  });

  it('drops unknown types and bad payloads', () => {
    const bad: unknown[] = [
      undefined, null, 'open', 42, [], {}, { type: 'run', command: 'rm' },
      { type: 'open', uri: 'file:///a', line: 0 }, { type: 'open', uri: 'file:///a', line: 1.5 }, { type: 'open', uri: 'file:///a', line: '3' },
      { type: 'open', uri: '', line: 1 }, { type: 'open', uri: 'x'.repeat(5000), line: 1 }, { type: 'open', line: 1 },
      { type: 'selectRound' }, { type: 'selectRound', round: '' }, { type: 'selectRound', round: 'r'.repeat(201) }, { type: 'startReview', round: 7 },
      { type: 'export', format: 'pdf' }, { type: 'export' },
      { type: 'commitmentDone', uri: 'file:///r', index: -1 }, { type: 'commitmentDone', uri: 'file:///r', index: 1.5 }, { type: 'commitmentDone', uri: 'file:///r', index: '0' }, { type: 'commitmentDone', index: 0 },
    ];
    for (const m of bad) assert.equal(parsePageMessage(m), undefined, JSON.stringify(m));
  });

  it('lets the page ignore malformed host messages', () => {
    assert.equal(parseHostMessage({ type: 'summary', summary: { round: 1 } }), undefined);
    assert.equal(parseHostMessage({ type: 'summary' }), undefined);
    assert.equal(parseHostMessage({ type: 'busy', busy: 'yes' }), undefined);
    assert.equal(parseHostMessage('<script>'), undefined);
    assert.deepEqual(parseHostMessage({ type: 'busy', busy: true }), { type: 'busy', busy: true });
  });

  it('restores only a round from the page state', () => {
    assert.deepEqual(parsePageState({ round: 'spring-2026', other: 1 }), { round: 'spring-2026' });
    assert.deepEqual(parsePageState(undefined), {});
    assert.deepEqual(parsePageState({ round: 3 }), {});
  });

  it('serves the page with a strict policy: nothing by default, bundle styles, nonce scripts', () => {
    const csp = contentSecurityPolicy('https://x.vscode-cdn.net', 'abc123');
    assert.ok(!/unsafe-(inline|eval)/.test(csp), 'no inline or evaluated script, whatever a worksheet holds');
    assert.equal(csp, "default-src 'none'; style-src https://x.vscode-cdn.net; font-src https://x.vscode-cdn.net; img-src https://x.vscode-cdn.net; script-src 'nonce-abc123';");
    const html = pageHtml({ cspSource: 'https://x.vscode-cdn.net', nonce: 'abc123', scriptUri: 'https://x/main.js', styleUri: 'https://x/review.css' });
    assert.ok(html.includes(`content="${csp}"`));
    assert.deepEqual([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]), ['<script nonce="abc123" src="https://x/main.js">']);
    assert.ok(!/style=|<style/i.test(html), 'no inline styles');
  });
});
