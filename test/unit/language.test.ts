import assert from 'node:assert/strict';
import { complete } from '../../src/core/language/completion';
import type { CompletionEntry } from '../../src/core/language/completion';
import { hover } from '../../src/core/language/hover';
import type { LanguageOptions, PartnerFacts, WorkspaceVocabulary } from '../../src/core/language/options';
import type { FileKind } from '../../src/core/types';
import { CONVENING, WORKSHEET } from './helpers';

const RIVERSIDE: PartnerFacts = {
  id: 'riverside-youth',
  organization: 'Riverside <b>Youth</b>',
  meetings: [{ date: '2026-10-14', status: 'shared' }],
  nextStep: { action: 'Send the calendar', due: '2026-10-28', owner: 'sam' },
};

const vocab: WorkspaceVocabulary = {
  partners: [RIVERSIDE, { id: 'eastside-library', organization: 'Eastside Library', meetings: [{}, {}] }],
  people: ['ana', 'sam'],
  themes: [{ id: 'space', label: 'Space and venues' }],
  rounds: ['spring-2026', 'autumn-2026'],
};

/** Text with a `|` marking the cursor -> [text, offset]. */
function at(marked: string): [string, number] {
  const i = marked.indexOf('|');
  return [marked.slice(0, i) + marked.slice(i + 1), i];
}

/** Completion at the `|` of `marked`. */
function items(kind: FileKind, marked: string, options: Partial<LanguageOptions> = {}): CompletionEntry[] {
  return complete(...at(marked), { kind, vocabulary: vocab, ...options }).items;
}

function labels(kind: FileKind, marked: string, options: Partial<LanguageOptions> = {}): string[] {
  return items(kind, marked, options).map((i) => i.label);
}

describe('completion', () => {
  it('offers the keys valid at the cursor, not the ones already there, with descriptions', () => {
    const keys = items('worksheet', 'kind: worksheet\nmeeting:\n  date: 2026-10-14\n  |\n');
    const names = keys.map((i) => i.label);
    assert.ok(names.includes('duration_minutes') && names.includes('partner_chose_time_and_place'));
    assert.ok(!names.includes('date'), 'date is already there');
    assert.ok(!names.includes('confirmation'), 'confirmation belongs at the top level');
    assert.ok(keys.find((i) => i.label === 'duration_minutes')?.documentation);
  });

  it('offers allowed values with their meaning, and booleans', () => {
    const status = items('worksheet', 'kind: worksheet\nstatus: |');
    assert.deepEqual(status.map((i) => i.label), ['planned', 'prepared', 'held', 'filled', 'shared']);
    assert.ok(status.every((i) => i.documentation));
    assert.deepEqual(labels('worksheet', 'thanked: |'), ['true', 'false']);
  });

  it('offers partner ids in a convening and people ids for owners', () => {
    // flow maps inside a list item: the key is `id` under partners
    assert.deepEqual(labels('convening', 'kind: convening\npartners:\n  - {id: r|'), ['riverside-youth', 'eastside-library']);
    assert.deepEqual(labels('convening', 'kind: convening\nvision_setting:\n  sessions:\n    - partners_present: [|'), ['riverside-youth', 'eastside-library']);
    assert.deepEqual(labels('worksheet', 'next_step:\n  owner: |'), ['ana', 'sam']);
  });

  it('offers question ids with the question text, metrics of the same convening, themes and rounds', () => {
    const goals = items('worksheet', 'preparation:\n  questions: [|').find((q) => q.label === 'goals-year-from-now');
    assert.ok(goals && goals.detail && goals.detail.endsWith('?'));
    assert.deepEqual(labels('convening', 'kind: convening\ngoals:\n  - statement: x\n    metrics: [|]\nmeasurement:\n  indicators:\n    - {id: teens-exhibiting, name: Teens exhibiting}\n'), ['teens-exhibiting']);
    assert.deepEqual(labels('worksheet', 'notes:\n  challenges:\n    - text: No room\n      themes: [|'), ['space']);
    assert.deepEqual(labels('worksheet', 'round: |'), ['spring-2026', 'autumn-2026']);
  });

  it('offers the ids a field names wherever the schemas mark it (x-refers-to), and none elsewhere', () => {
    const partners = ['riverside-youth', 'eastside-library'];
    const people = ['ana', 'sam'];
    const themes = ['space'];
    const rounds = ['spring-2026', 'autumn-2026'];
    const cases: [FileKind, string, string[]][] = [
      ['worksheet', 'round: |', rounds],
      ['worksheet', 'partner:\n  id: |', partners],
      ['worksheet', 'meeting:\n  our_attendees: [|', people],
      ['worksheet', 'next_step:\n  owner: |', people],
      ['worksheet', 'follow_up:\n  owner: |', people],
      ['worksheet', 'notes:\n  goals:\n    - text: x\n      themes: [|', themes],
      ['convening', 'partners:\n  - id: |', partners],
      ['convening', 'vision_setting:\n  sessions:\n    - partners_present: [|', partners],
      ['convening', 'vision_setting:\n  sessions:\n    - partners_contributed:\n        - |', partners],
      ['convening', 'coordinator:\n  person: |', people],
      ...['meetings', 'agendas', 'communication_channels', 'goals_and_metrics', 'shared_measurement', 'resources'].map((d): [FileKind, string, string[]] => ['convening', `coordinator:\n  duties:\n    ${d}: |`, people]),
      ['convening', 'leadership:\n  - role: chair\n    holder: |', partners],
      ['convening', 'measurement:\n  indicators:\n    - id: x\n      owner: |', people],
      ['convening', 'resources:\n  - item: Rooms\n    managed_by: |', people],
      ['review', 'round: |', rounds],
      ['review', 'attendees: [|', people],
      ['review', 'opportunities:\n  - text: x\n    partners: [|', partners],
      ['review', 'commitments:\n  - action: x\n    owner: |', people],
      ['review', 'commitments:\n  - action: x\n    partners: [|', partners],
      ['config', 'offers:\n  - text: x\n    themes: [|', themes],
      // Fields that share a name with one of those but name nothing.
      ['convening', 'resources: |', []],
      ['convening', 'measurement:\n  indicators:\n    - id: |', []],
      ['convening', 'vision_setting:\n  sessions:\n    - facilitator: |', []],
      ['config', 'themes:\n  - id: |', []],
    ];
    for (const [kind, marked, expected] of cases) {
      assert.deepEqual(items(kind, marked).filter((i) => i.kind === 'reference').map((i) => i.label), expected, `${kind}: ${marked}`);
    }
  });

  it('can leave keys to another provider and keep workspace values', () => {
    assert.deepEqual(items('worksheet', 'kind: worksheet\nmeeting:\n  |', { keys: false }), []);
    assert.equal(items('worksheet', 'next_step:\n  owner: |', { keys: false }).length, 2);
  });
});

describe('hover', () => {
  const hoverAt = (kind: FileKind, text: string, offset: number) => hover(text, offset, { kind, vocabulary: vocab });

  it('shows the schema description on a key', () => {
    const offset = WORKSHEET.indexOf('success_in_their_words') + 3;
    const h = hoverAt('worksheet', WORKSHEET, offset);
    assert.ok(h);
    assert.match(h.markdown, /^\*\*success_in_their_words\*\*/);
    assert.ok(h.markdown.length > 60);
  });

  it('shows who a partner is on a partner id, with its text escaped', () => {
    const offset = CONVENING.indexOf('riverside-youth') + 2;
    const h = hoverAt('convening', CONVENING, offset);
    assert.ok(h);
    assert.match(h.markdown, /Riverside \\<b\\>Youth\\<\/b\\>/);
    assert.match(h.markdown, /1 meeting, latest on 2026-10-14 \(shared\)/);
    assert.match(h.markdown, /Next step: Send the calendar \(sam, due 2026-10-28\)/);
  });

  it('explains an allowed value', () => {
    const offset = WORKSHEET.indexOf('corrected');
    const h = hoverAt('worksheet', WORKSHEET, offset);
    assert.ok(h && h.markdown.startsWith('**corrected**'));
  });

  it('shows a partner wherever a field names one, a question on a question id, and no partner on an id of something else', () => {
    const on = (kind: FileKind, marked: string) => hoverAt(kind, ...at(marked))?.markdown ?? '';
    assert.match(on('worksheet', 'partner:\n  id: riverside-yo|uth\n'), /1 meeting, latest on 2026-10-14/);
    assert.match(on('convening', 'leadership: [{role: chair, holder: riverside-y|outh}]\n'), /1 meeting/);
    assert.match(on('worksheet', 'preparation:\n  questions:\n    - goals-year-f|rom-now\n'), /_goals question_$/);
    assert.doesNotMatch(on('convening', 'measurement:\n  indicators:\n    - id: riverside-y|outh\n'), /meeting/);
  });

  it('explains a key from its first character, after a block above it; nothing on space, a comment or past a value', () => {
    const text = 'meeting:\n  date: 2026-10-14\nstatus: held # said twice\n';
    assert.match(hoverAt('worksheet', text, text.indexOf('status'))?.markdown ?? '', /^\*\*status\*\*/);
    assert.match(hoverAt('worksheet', text, text.indexOf(' # said'))?.markdown ?? '', /^\*\*held\*\*/);
    assert.equal(hoverAt('worksheet', text, text.indexOf(' # said') + 1), undefined);
    assert.equal(hoverAt('worksheet', text, text.indexOf('said')), undefined);
    assert.equal(hoverAt('worksheet', 'meeting:\n  \n', 10), undefined);
  });

  it('works while the text does not parse', () => {
    const text = 'kind: worksheet\nnext_step:\n  owner: sam\n  action: [unclosed\nthanked: true\n';
    assert.match(hoverAt('worksheet', text, text.indexOf('owner'))?.markdown ?? '', /^\*\*owner\*\*/);
    assert.match(hoverAt('worksheet', text, text.indexOf('thanked') + 1)?.markdown ?? '', /^\*\*thanked\*\*/);
  });
});
