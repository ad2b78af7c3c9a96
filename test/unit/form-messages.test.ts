// The worksheet form's messages: what the custom editor accepts from its page,
// and what the page accepts from the editor. Anything else is dropped.
import assert from 'node:assert/strict';
import { parseHostMessage, parsePageMessage } from '../../src/features/form/messages';
import { contentSecurityPolicy } from '../../src/features/panels/page-shell';
import { formPageHtml } from '../../src/features/form/page-html';

describe('worksheet form messages', () => {
  it('accepts the page\'s typed messages', () => {
    assert.deepEqual(parsePageMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parsePageMessage({ type: 'edit', version: 3, edit: { op: 'set', path: ['meeting', 'date'], value: '2026-10-14' }, extra: 1 }),
      { type: 'edit', version: 3, edit: { op: 'set', path: ['meeting', 'date'], value: '2026-10-14' } });
    assert.deepEqual(parsePageMessage({ type: 'edit', version: 3, edit: { op: 'set', path: ['meeting', 'our_attendees'], value: ['sam'] } }),
      { type: 'edit', version: 3, edit: { op: 'set', path: ['meeting', 'our_attendees'], value: ['sam'] } });
    assert.deepEqual(parsePageMessage({ type: 'edit', version: 3, edit: { op: 'clear', path: ['thanked'], value: 'ignored' } }), { type: 'edit', version: 3, edit: { op: 'clear', path: ['thanked'] } });
    assert.deepEqual(parsePageMessage({ type: 'edit', version: 0, edit: { op: 'insert', path: ['notes', 'goals'], index: 2, value: 'A goal' } }),
      { type: 'edit', version: 0, edit: { op: 'insert', path: ['notes', 'goals'], index: 2, value: 'A goal' } });
    assert.deepEqual(parsePageMessage({ type: 'edit', version: 1, edit: { op: 'move', path: ['notes', 'goals'], from: 0, to: 1 } }),
      { type: 'edit', version: 1, edit: { op: 'move', path: ['notes', 'goals'], from: 0, to: 1 } });
    assert.deepEqual(parsePageMessage({ type: 'fix', version: 2, gap: 0, fix: 1 }), { type: 'fix', version: 2, gap: 0, fix: 1 });
    assert.deepEqual(parsePageMessage({ type: 'openText', line: 12 }), { type: 'openText', line: 12 });
    assert.deepEqual(parsePageMessage({ type: 'openText' }), { type: 'openText' });
  });

  it('drops unknown types and bad payloads', () => {
    const set = (edit: unknown) => ({ type: 'edit', version: 1, edit });
    const bad: unknown[] = [
      undefined, null, 'edit', [], {}, { type: 'run', command: 'rm' },
      set(undefined), set({ op: 'rewrite', path: ['a'], value: 'x' }), set({ op: 'set', path: [], value: 'x' }), set({ op: 'set', path: 'meeting.date', value: 'x' }),
      set({ op: 'set', path: ['a', 'b', 'c', 'd', 'e', 'f', 'g'], value: 'x' }), set({ op: 'set', path: [-1], value: 'x' }), set({ op: 'set', path: [1.5], value: 'x' }),
      set({ op: 'set', path: [''], value: 'x' }), set({ op: 'set', path: ['a'], value: { nested: true } }), set({ op: 'set', path: ['a'], value: 'x'.repeat(20_001) }),
      set({ op: 'set', path: ['a'], value: [1, 2] }), set({ op: 'set', path: ['a'], value: Number.NaN }), set({ op: 'set', path: ['a'] }),
      set({ op: 'insert', path: ['notes', 'goals'], index: -1, value: 'x' }), set({ op: 'insert', path: ['notes', 'goals'], index: 0, value: 3 }),
      set({ op: 'remove', path: ['notes', 'goals'] }), set({ op: 'move', path: ['notes', 'goals'], from: 0 }),
      { type: 'edit', edit: { op: 'clear', path: ['thanked'] } }, { type: 'edit', version: 'latest', edit: { op: 'clear', path: ['thanked'] } },
      { type: 'fix', version: 1, gap: 0 }, { type: 'fix', version: 1, gap: 0, fix: 99 }, { type: 'openText', line: 0 }, { type: 'openText', line: '3' },
    ];
    for (const m of bad) assert.equal(parsePageMessage(m), undefined, JSON.stringify(m));
  });

  it('lets the page ignore malformed host messages', () => {
    const model = { editable: true, problems: [], values: {} };
    const vocabulary = { partners: [], people: [], themes: [], rounds: [], goals: [], sharedWith: [], questions: [] };
    assert.ok(parseHostMessage({ type: 'state', version: 1, model, gaps: [], gapsCurrent: true, vocabulary }));
    assert.equal(parseHostMessage({ type: 'state', version: '1', model, gaps: [], vocabulary }), undefined);
    assert.equal(parseHostMessage({ type: 'state', version: 1, model: { values: {} }, gaps: [], vocabulary }), undefined);
    assert.equal(parseHostMessage({ type: 'state', version: 1, model, gaps: {}, vocabulary }), undefined);
    assert.equal(parseHostMessage({ type: 'state', version: 1, model, gaps: [] }), undefined);
    assert.equal(parseHostMessage({ type: 'error', message: 3 }), undefined);
    assert.equal(parseHostMessage('state'), undefined);
    assert.deepEqual(parseHostMessage({ type: 'error', message: 'No.' }), { type: 'error', message: 'No.' });
  });

  it('serves a page whose scripts need the nonce and that loads nothing from elsewhere', () => {
    const html = formPageHtml({ cspSource: 'https://webview.example', scriptUri: 'https://webview.example/form.js', styleUri: 'https://webview.example/form.css', nonce: 'abc123' });
    assert.ok(html.includes(`content="${contentSecurityPolicy('https://webview.example', 'abc123')}"`));
    assert.match(html, /default-src 'none'/);
    assert.match(html, /<script nonce="abc123" src="https:\/\/webview.example\/form.js"><\/script>/);
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'one script, no inline script');
    assert.doesNotMatch(html, /<style|\sstyle="|\son[a-z]+="/, 'no inline style or handler');
  });
});
