import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { FindingStore } from '../../src/features/diagnostics/findings';
import type { Finding } from '../../src/core/types';

const URI = 'file:///team/riverside/2026-10-14.worksheet.yaml';
const range = { start: { line: 3, character: 0 }, end: { line: 3, character: 7 } };
const bare: Finding = { code: 'not-thanked', severity: 'info', message: 'Thank the partner.', range, fixes: [] };
const fixed: Finding = { ...bare, fixes: [{ title: 'Mark as thanked', edits: [{ range, newText: 'thanked: true' }] }] };

/** The parts of a TextDocument the store reads. */
function documentAt(version: number): vscode.TextDocument {
  return { uri: { toString: () => URI }, version } as unknown as vscode.TextDocument;
}

describe('finding store', () => {
  it('a closed file\'s findings, kept without fixes, get them made once a quick fix is asked for, and keep them', () => {
    const store = new FindingStore();
    let made = 0;
    store.makeFixesWith(() => { made++; return [fixed]; });
    store.set(URI, [bare]);
    assert.deepEqual(store.fixable(documentAt(1)), [fixed]);
    assert.deepEqual(store.fixable(documentAt(1)), [fixed]);
    assert.equal(made, 1, 'made once, then kept');
    assert.equal(store.versionOf(documentAt(1).uri), 1, 'of the document they were made from');
  });

  it('an open file\'s findings, made with their fixes, are given as they are', () => {
    const store = new FindingStore();
    store.makeFixesWith(() => assert.fail('nothing to make'));
    store.set(URI, [fixed], 4);
    assert.deepEqual(store.fixable(documentAt(4)), [fixed]);
    assert.deepEqual(store.fixable(documentAt(4)), [fixed]);
  });

  it('a file with no findings on record has none to fix', () => {
    const store = new FindingStore();
    store.makeFixesWith(() => assert.fail('nothing to make'));
    assert.deepEqual(store.fixable(documentAt(1)), []);
  });
});
