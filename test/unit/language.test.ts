import assert from 'node:assert/strict';
import { complete } from '../../src/core/language/completion';
import type { WorkspaceVocabulary } from '../../src/core/language/completion';
import { cursorContext } from '../../src/core/language/cursor';
import { hover } from '../../src/core/language/hover';
import { CONVENING, WORKSHEET } from './helpers';

const vocab: WorkspaceVocabulary = {
  partners: [{ id: 'riverside-youth', organization: 'Riverside Youth Collective', meetings: 2 }, { id: 'eastside-library', organization: 'Eastside Library', meetings: 1 }],
  people: ['ana', 'sam'],
  themes: [{ id: 'space', label: 'Space and venues' }],
  rounds: ['spring-2026', 'autumn-2026'],
};

/** Text with a `|` marking the cursor -> [text, line, character]. */
function at(marked: string): [string, number, number] {
  const i = marked.indexOf('|');
  const text = marked.slice(0, i) + marked.slice(i + 1);
  const before = marked.slice(0, i).split('\n');
  return [text, before.length - 1, before[before.length - 1].length];
}

describe('cursor context', () => {
  it('finds the parent keys of a key being typed', () => {
    const c = cursorContext(...at('kind: worksheet\nmeeting:\n  date: 2026-10-14\n  dur|\n'));
    assert.deepEqual([c.position, c.path, c.prefix], ['key', ['meeting'], 'dur']);
    assert.deepEqual(c.siblings, ['date']);
  });

  it('finds a value inside a flow list in a list item', () => {
    const c = cursorContext(...at('partners:\n  - {id: a}\nvision_setting:\n  sessions:\n    - date: 2026-11-02\n      partners_present: [riverside-youth, e|'));
    assert.deepEqual([c.position, c.path, c.prefix, c.inList], ['value', ['vision_setting', 'sessions', 0, 'partners_present'], 'e', true]);
  });

  it('finds a block list item value', () => {
    const c = cursorContext(...at('meeting:\n  our_attendees:\n    - sam\n    - |'));
    assert.deepEqual([c.position, c.path], ['value', ['meeting', 'our_attendees']]);
  });
});

describe('completion', () => {
  it('offers the keys valid at the cursor, not the ones already there, with descriptions', () => {
    const [text, line, ch] = at('kind: worksheet\nmeeting:\n  date: 2026-10-14\n  |\n');
    const { items } = complete('worksheet', text, line, ch, vocab);
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('duration_minutes') && labels.includes('partner_chose_time_and_place'));
    assert.ok(!labels.includes('date'), 'date is already there');
    assert.ok(!labels.includes('confirmation'), 'confirmation belongs at the top level');
    assert.ok(items.find((i) => i.label === 'duration_minutes')?.documentation);
  });

  it('offers allowed values with their meaning, and booleans', () => {
    const [text, line, ch] = at('kind: worksheet\nstatus: |');
    const status = complete('worksheet', text, line, ch, vocab).items;
    assert.deepEqual(status.map((i) => i.label), ['planned', 'prepared', 'held', 'filled', 'shared']);
    assert.ok(status.every((i) => i.documentation));
    const b = at('thanked: |');
    assert.deepEqual(complete('worksheet', b[0], b[1], b[2], vocab).items.map((i) => i.label), ['true', 'false']);
  });

  it('offers partner ids in a convening and people ids for owners', () => {
    const [text, line, ch] = at('kind: convening\npartners:\n  - {id: r|');
    // flow maps inside a list item: the key is `id` under partners
    const ids = complete('convening', text, line, ch, vocab).items.map((i) => i.label);
    assert.deepEqual(ids, ['riverside-youth', 'eastside-library']);
    const [t2, l2, c2] = at('kind: convening\nvision_setting:\n  sessions:\n    - partners_present: [|');
    assert.deepEqual(complete('convening', t2, l2, c2, vocab).items.map((i) => i.label), ['riverside-youth', 'eastside-library']);
    const [t3, l3, c3] = at('next_step:\n  owner: |');
    assert.deepEqual(complete('worksheet', t3, l3, c3, vocab).items.map((i) => i.label), ['ana', 'sam']);
  });

  it('offers question ids with the question text, metrics of the same convening, themes and rounds', () => {
    const [t, l, c] = at('preparation:\n  questions: [|');
    const qs = complete('worksheet', t, l, c, vocab).items;
    const goals = qs.find((q) => q.label === 'goals-year-from-now');
    assert.ok(goals && goals.detail && goals.detail.endsWith('?'));
    const [t2, l2, c2] = at('kind: convening\ngoals:\n  - statement: x\n    metrics: [|');
    assert.deepEqual(complete('convening', t2, l2, c2, vocab, ['teens-exhibiting']).items.map((i) => i.label), ['teens-exhibiting']);
    const [t3, l3, c3] = at('notes:\n  challenges:\n    - text: No room\n      themes: [|');
    assert.deepEqual(complete('worksheet', t3, l3, c3, vocab).items.map((i) => i.label), ['space']);
    const [t4, l4, c4] = at('round: |');
    assert.deepEqual(complete('worksheet', t4, l4, c4, vocab).items.map((i) => i.label), ['spring-2026', 'autumn-2026']);
  });

  it('can leave keys to another provider and keep workspace values', () => {
    const [text, line, ch] = at('kind: worksheet\nmeeting:\n  |');
    assert.deepEqual(complete('worksheet', text, line, ch, vocab, [], { keys: false }).items, []);
    const [t3, l3, c3] = at('next_step:\n  owner: |');
    assert.equal(complete('worksheet', t3, l3, c3, vocab, [], { keys: false }).items.length, 2);
  });
});

describe('hover', () => {
  const lookup = (id: string) => (id === 'riverside-youth'
    ? { id, organization: 'Riverside <b>Youth</b>', meetings: [{ date: '2026-10-14', status: 'shared' }], nextStep: { action: 'Send the calendar', due: '2026-10-28', owner: 'sam' } }
    : undefined);

  it('shows the schema description on a key', () => {
    const offset = WORKSHEET.indexOf('success_in_their_words') + 3;
    const h = hover('worksheet', '/a.worksheet.yaml', WORKSHEET, offset, lookup);
    assert.ok(h);
    assert.match(h.markdown, /^\*\*success_in_their_words\*\*/);
    assert.ok(h.markdown.length > 60);
  });

  it('shows who a partner is on a partner id, with its text escaped', () => {
    const offset = CONVENING.indexOf('riverside-youth') + 2;
    const h = hover('convening', '/a.convening.yaml', CONVENING, offset, lookup);
    assert.ok(h);
    assert.match(h.markdown, /Riverside \\<b\\>Youth\\<\/b\\>/);
    assert.match(h.markdown, /1 meeting, latest on 2026-10-14 \(shared\)/);
    assert.match(h.markdown, /Next step: Send the calendar \(sam, due 2026-10-28\)/);
  });

  it('explains an allowed value', () => {
    const offset = WORKSHEET.indexOf('corrected');
    const h = hover('worksheet', '/a.worksheet.yaml', WORKSHEET, offset, lookup);
    assert.ok(h && h.markdown.startsWith('**corrected**'));
  });
});
