// The worksheet form's text edits: each form change on a fixture gives exactly
// the expected text, with comments, key order, quoting and every other line
// as they were. Most cases state the change as "this text becomes that", on
// a file written by hand with comments between keys; the rest cover flow
// style, CRLF line ends, missing blocks, lists and refusals.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { FormEditError, UnsafeEditError, applyFormEdit, formEditOffsets } from '../../src/core/form/edit';
import type { FormEdit } from '../../src/core/form/edit';
import { applyOffsetEdits } from '../../src/core/form/yaml-edit';
import type { TextEdit } from '../../src/core/types';
import { WORKSHEET } from './helpers';

const COMMENTED = readFileSync('test/fixtures/form/commented.worksheet.yaml', 'utf8');

function edited(text: string, edit: FormEdit): string {
  return applyOffsetEdits(text, formEditOffsets(text, edit));
}

/** `text` with `from` (which must occur once) replaced by `to`. */
function replacedOnce(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `the fixture holds ${JSON.stringify(from)} once`);
  return text.replace(from, to);
}

/** Applies line/character edits the way an editor does (the last first). */
function applyTextEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const off = (p: { line: number; character: number }) => starts[p.line] + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => off(b.range.start) - off(a.range.start))) {
    out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end));
  }
  return out;
}

describe('form edits on a worksheet with comments between keys', () => {
  const cases: { name: string; edit: FormEdit; from: string; to: string }[] = [
    {
      name: 'replaces one scalar and nothing else',
      edit: { op: 'set', path: ['partner', 'organization'], value: 'Riverside Youth Collective CIC' },
      from: '  organization: Riverside Youth Collective\n',
      to: '  organization: Riverside Youth Collective CIC\n',
    },
    {
      name: 'keeps the comment after a value it replaces',
      edit: { op: 'set', path: ['partner', 'id'], value: 'riverside-youth-collective' },
      from: '  id: riverside-youth   # their slug',
      to: '  id: riverside-youth-collective   # their slug',
    },
    {
      name: 'quotes a value only where YAML needs it',
      edit: { op: 'set', path: ['meeting', 'location'], value: 'Studio: top floor #2' },
      from: '  location: Their studio\n',
      to: '  location: "Studio: top floor #2"\n',
    },
    {
      name: 'fills the empty "" of a skeleton without keeping its quotes',
      edit: { op: 'set', path: ['partner', 'community'], value: 'Teens on the Riverside estate' },
      from: '  community: ""\n',
      to: '  community: Teens on the Riverside estate\n',
    },
    {
      name: 'adds a key in the contract\'s order, above the comment that belongs to the next key',
      edit: { op: 'set', path: ['meeting', 'start'], value: '16:00' },
      from: '  date: 2026-10-14\n  # they picked the studio\n',
      to: '  date: 2026-10-14\n  start: "16:00"\n  # they picked the studio\n',
    },
    {
      name: 'writes a number as a number',
      edit: { op: 'set', path: ['meeting', 'duration_minutes'], value: 45 },
      from: '  date: 2026-10-14\n',
      to: '  date: 2026-10-14\n  duration_minutes: 45\n',
    },
    {
      name: 'writes a yes/no as true or false',
      edit: { op: 'set', path: ['thanked'], value: true },
      from: 'thanked: false\n',
      to: 'thanked: true\n',
    },
    {
      name: 'creates a missing block in the contract\'s order (next_step after confirmation), leaving the comment on the next key',
      edit: { op: 'set', path: ['next_step', 'owner'], value: 'sam' },
      from: '  response: confirmed\n# no next step yet',
      to: '  response: confirmed\nnext_step:\n  owner: sam\n# no next step yet',
    },
    {
      name: 'creates a missing block before the keys the contract puts after it',
      edit: { op: 'set', path: ['preparation', 'worksheet_reviewed'], value: true },
      from: '  our_attendees: [sam]\n\nnotes:',
      to: '  our_attendees: [sam]\npreparation:\n  worksheet_reviewed: true\n\nnotes:',
    },
    {
      name: 'writes text with line breaks as a | block at the right indentation',
      edit: { op: 'set', path: ['notes', 'success_in_their_words'], value: 'Teens show their work in public.\nAnd they are paid for it.' },
      from: '  success_in_their_words: Teens show their work in public places, and are paid for it.\n',
      to: '  success_in_their_words: |-\n    Teens show their work in public.\n    And they are paid for it.\n',
    },
    {
      name: 'clears a value by removing its line, and keeps the comment above it',
      edit: { op: 'clear', path: ['meeting', 'location'] },
      from: '  # they picked the studio\n  location: Their studio\n',
      to: '  # they picked the studio\n',
    },
    {
      name: 'clears a value with its own trailing comment',
      edit: { op: 'clear', path: ['partner', 'id'] },
      from: '  id: riverside-youth   # their slug, used in every file\n',
      to: '',
    },
    {
      name: 'sets a list of ids in flow style, keeping it flow',
      edit: { op: 'set', path: ['meeting', 'our_attendees'], value: ['sam', 'ana'] },
      from: '  our_attendees: [sam]\n',
      to: '  our_attendees: [sam, ana]\n',
    },
    {
      name: 'picks an enum value',
      edit: { op: 'set', path: ['confirmation', 'response'], value: 'corrected' },
      from: '  response: confirmed\n',
      to: '  response: corrected\n',
    },
    {
      name: 'adds a note at the end of a block list',
      edit: { op: 'insert', path: ['notes', 'challenges'], index: 2, value: 'Money, always money' },
      from: '      themes: [transport]\n',
      to: '      themes: [transport]\n    - Money, always money\n',
    },
    {
      name: 'adds a note at the top of a block list, above the comment of the first note',
      edit: { op: 'insert', path: ['notes', 'challenges'], index: 0, value: 'Funding' },
      from: '  challenges:\n    # the big one\n',
      to: '  challenges:\n    - Funding\n    # the big one\n',
    },
    {
      name: 'removes a note\'s lines only',
      edit: { op: 'remove', path: ['notes', 'challenges'], index: 1 },
      from: '    - text: Getting home after evening events\n      themes: [transport]\n',
      to: '',
    },
    {
      name: 'moves a note down with the comment above it',
      edit: { op: 'move', path: ['notes', 'challenges'], from: 0, to: 1 },
      from: '    # the big one\n    - No affordable venue for shows\n    - text: Getting home after evening events\n      themes: [transport]\n',
      to: '    - text: Getting home after evening events\n      themes: [transport]\n    # the big one\n    - No affordable venue for shows\n',
    },
    {
      name: 'removes the last note of a list with its key, keeping the comment above the key',
      edit: { op: 'remove', path: ['notes', 'goals'], index: 0 },
      from: '  # goals came late in the meeting\n  goals:\n    - Two public exhibitions this year\n',
      to: '  # goals came late in the meeting\n',
    },
    {
      name: 'turns a plain note into a block when it gets themes',
      edit: { op: 'set', path: ['notes', 'challenges', 0, 'themes'], value: ['space'] },
      from: '    - No affordable venue for shows\n',
      to: '    - text: No affordable venue for shows\n      themes: [space]\n',
    },
    {
      name: 'changes the themes of a note block in place',
      edit: { op: 'set', path: ['notes', 'challenges', 1, 'themes'], value: ['transport', 'safety'] },
      from: '      themes: [transport]\n',
      to: '      themes: [transport, safety]\n',
    },
    {
      name: 'edits the text of a plain note in a flow list',
      edit: { op: 'set', path: ['notes', 'values', 0, 'text'], value: 'Teens decide, always' },
      from: '  values: [Teens make the creative decisions]\n',
      to: '  values: ["Teens decide, always"]\n',
    },
    {
      name: 'turns a plain note in a flow list into a flow block',
      edit: { op: 'set', path: ['notes', 'values', 0, 'quote'], value: 'They decide what we show.' },
      from: '  values: [Teens make the creative decisions]\n',
      to: '  values: [{text: Teens make the creative decisions, quote: They decide what we show.}]\n',
    },
    {
      name: 'marks a note for the team only, after its other keys',
      edit: { op: 'set', path: ['notes', 'challenges', 1, 'internal'], value: true },
      from: '      themes: [transport]\n',
      to: '      themes: [transport]\n      internal: true\n',
    },
    {
      name: 'marks a plain note for the team only: it becomes a block with its text',
      edit: { op: 'set', path: ['notes', 'values', 0, 'internal'], value: true },
      from: '  values: [Teens make the creative decisions]\n',
      to: '  values: [{text: Teens make the creative decisions, internal: true}]\n',
    },
    {
      name: 'starts a missing notes list as a block, after the categories before it',
      edit: { op: 'insert', path: ['notes', 'compelling'], index: 0, value: 'Their alumni now run the programme' },
      from: '    - Two public exhibitions this year\n',
      to: '    - Two public exhibitions this year\n  compelling:\n    - Their alumni now run the programme\n',
    },
    {
      name: 'adds a person to a block list of people',
      edit: { op: 'insert', path: ['partner', 'people'], index: 1, value: 'Kofi Mensah' },
      from: '      role: Director\n',
      to: '      role: Director\n    - name: Kofi Mensah\n',
    },
    {
      name: 'adds a key to a person block',
      edit: { op: 'set', path: ['partner', 'people', 0, 'contact'], value: 'dana@example.org' },
      from: '      role: Director\n',
      to: '      role: Director\n      contact: dana@example.org\n',
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      assert.equal(edited(COMMENTED, c.edit), replacedOnce(COMMENTED, c.from, c.to));
    });
  }

  it('gives the same result as line/character edits (what the extension applies)', () => {
    for (const c of cases) assert.equal(applyTextEdits(COMMENTED, applyFormEdit(COMMENTED, c.edit)), replacedOnce(COMMENTED, c.from, c.to), c.name);
  });

  it('keeps CRLF line ends, in replaced and in new lines', () => {
    const crlf = COMMENTED.replace(/\n/g, '\r\n');
    for (const c of cases) {
      const expected = replacedOnce(COMMENTED, c.from, c.to).replace(/\n/g, '\r\n');
      assert.equal(applyTextEdits(crlf, applyFormEdit(crlf, c.edit)), expected, c.name);
    }
  });

  it('keeps a block that holds another comment when its last key is cleared', () => {
    const text = 'kind: worksheet\nnext_step:\n  # ask the board first\n  owner: sam\nthanked: true\n';
    assert.equal(edited(text, { op: 'clear', path: ['next_step', 'owner'] }), 'kind: worksheet\nnext_step:\n  # ask the board first\nthanked: true\n');
  });

  it('removes a block whose last key is cleared, when nothing else is in it', () => {
    const text = 'kind: worksheet\nnext_step:\n  owner: sam   # for now\nthanked: true\n';
    assert.equal(edited(text, { op: 'clear', path: ['next_step', 'owner'] }), 'kind: worksheet\nthanked: true\n');
  });
});

describe('form edits on flow style (the contract\'s example)', () => {
  it('adds a key to a flow block in the contract\'s order', () => {
    const text = replacedOnce(WORKSHEET, 'after:\n  filled_on: 2026-10-14\n  shared_on: 2026-10-15\n  shared_with: [community-team]\n', 'after: {filled_on: 2026-10-14, shared_with: [community-team]}\n');
    assert.equal(edited(text, { op: 'set', path: ['after', 'shared_on'], value: '2026-10-15' }),
      replacedOnce(text, 'after: {filled_on: 2026-10-14, shared_with', 'after: {filled_on: 2026-10-14, shared_on: 2026-10-15, shared_with'));
    assert.equal(edited(text, { op: 'clear', path: ['after', 'filled_on'] }), replacedOnce(text, '{filled_on: 2026-10-14, shared_with', '{shared_with'));
    assert.equal(edited(text, { op: 'clear', path: ['after', 'shared_with'] }), replacedOnce(text, 'filled_on: 2026-10-14, shared_with: [community-team]}', 'filled_on: 2026-10-14}'));
  });

  it('removes a flow block whose only key is cleared', () => {
    const text = replacedOnce(WORKSHEET, 'after:\n  filled_on: 2026-10-14\n  shared_on: 2026-10-15\n  shared_with: [community-team]\n', 'after: {filled_on: 2026-10-14}\n');
    assert.equal(edited(text, { op: 'clear', path: ['after', 'filled_on'] }), replacedOnce(text, 'after: {filled_on: 2026-10-14}\n', ''));
  });

  it('edits notes in a flow list of flow blocks', () => {
    assert.equal(edited(WORKSHEET, { op: 'set', path: ['notes', 'challenges', 0, 'themes'], value: ['space'] }),
      replacedOnce(WORKSHEET, 'themes: [space, visibility]', 'themes: [space]'));
    assert.equal(edited(WORKSHEET, { op: 'set', path: ['notes', 'challenges', 0, 'quote'], value: 'It sits in a cupboard.' }),
      replacedOnce(WORKSHEET, 'themes: [space, visibility]}', 'themes: [space, visibility], quote: It sits in a cupboard.}'));
    assert.equal(edited(WORKSHEET, { op: 'insert', path: ['notes', 'challenges'], index: 1, value: 'Transport' }),
      replacedOnce(WORKSHEET, 'themes: [space, visibility]}]', 'themes: [space, visibility]}, Transport]'));
    assert.equal(edited(WORKSHEET, { op: 'insert', path: ['notes', 'values'], index: 0, value: 'Pay, always' }),
      replacedOnce(WORKSHEET, 'values: [Teens', 'values: ["Pay, always", Teens'));
  });

  it('moves and removes items of a flow list, keeping each item\'s text', () => {
    const text = replacedOnce(WORKSHEET, 'compelling: [Their alumni now run the programme]', 'compelling: [One, "Two: quoted", {text: Three, themes: [x]}]');
    assert.equal(edited(text, { op: 'move', path: ['notes', 'compelling'], from: 2, to: 0 }), replacedOnce(text, '[One, "Two: quoted", {text: Three, themes: [x]}]', '[{text: Three, themes: [x]}, One, "Two: quoted"]'));
    assert.equal(edited(text, { op: 'remove', path: ['notes', 'compelling'], index: 1 }), replacedOnce(text, '[One, "Two: quoted", {text', '[One, {text'));
    assert.equal(edited(text, { op: 'remove', path: ['notes', 'compelling'], index: 2 }), replacedOnce(text, ', {text: Three, themes: [x]}]', ']'));
  });

  it('adds a person to the skeleton\'s empty list, then their role', () => {
    const text = replacedOnce(WORKSHEET, '  people: [{name: Dana Ortiz, role: Director}]\n', '  people: []\n');
    const one = edited(text, { op: 'insert', path: ['partner', 'people'], index: 0, value: 'Dana Ortiz' });
    assert.equal(one, replacedOnce(text, 'people: []', 'people: [{name: Dana Ortiz}]'));
    assert.equal(edited(one, { op: 'set', path: ['partner', 'people', 0, 'role'], value: 'Director' }), replacedOnce(text, 'people: []', 'people: [{name: Dana Ortiz, role: Director}]'));
  });

  it('keeps the quotes a person chose, and quotes a time', () => {
    assert.equal(edited(WORKSHEET, { op: 'set', path: ['meeting', 'start'], value: '17:30' }), replacedOnce(WORKSHEET, 'start: "16:00"', 'start: "17:30"'));
    const single = replacedOnce(WORKSHEET, 'location: Their studio', "location: 'Their studio'");
    assert.equal(edited(single, { op: 'set', path: ['meeting', 'location'], value: "Dana's studio" }), replacedOnce(single, "'Their studio'", "'Dana''s studio'"));
  });

  it('replaces a | block with one line, keeping the line break after it', () => {
    const text = replacedOnce(WORKSHEET, '  success_in_their_words: Teens show their work in public places, and are paid for it.\n', '  success_in_their_words: |\n    Teens show their work.\n    In public.\n');
    assert.equal(edited(text, { op: 'set', path: ['notes', 'success_in_their_words'], value: 'One line now' }), replacedOnce(text, '|\n    Teens show their work.\n    In public.\n', 'One line now\n'));
  });

  it('fills `key:` with nothing after it, and `key: ~`', () => {
    const empty = replacedOnce(WORKSHEET, 'next_step:\n  action: Send our summer gallery calendar and hold two dates\n  serves_goal: Two public exhibitions this year\n  owner: sam\n  due: 2026-10-28\n  status: open\n', 'next_step:   # once the board agrees\n');
    assert.equal(edited(empty, { op: 'set', path: ['next_step', 'owner'], value: 'ana' }), replacedOnce(empty, 'next_step:   # once the board agrees\n', 'next_step:   # once the board agrees\n  owner: ana\n'));
    const tilde = replacedOnce(WORKSHEET, '  owner: sam\n  due: 2026-10-28', '  owner: ~\n  due: 2026-10-28');
    assert.equal(edited(tilde, { op: 'set', path: ['next_step', 'owner'], value: 'ana' }), replacedOnce(tilde, '  owner: ~\n  due: 2026-10-28', '  owner: ana\n  due: 2026-10-28'));
    const nul = replacedOnce(WORKSHEET, 'follow_up:\n  date: 2026-12-01\n  owner: sam\n', 'follow_up: null # later\n');
    assert.equal(edited(nul, { op: 'set', path: ['follow_up', 'date'], value: '2027-01-10' }), replacedOnce(nul, 'follow_up: null # later\n', 'follow_up: # later\n  date: 2027-01-10\n'));
  });

  it('adds to a file without a line break at its end', () => {
    const text = 'kind: worksheet\nstatus: held';
    assert.equal(edited(text, { op: 'set', path: ['thanked'], value: true }), 'kind: worksheet\nstatus: held\nthanked: true');
    assert.equal(edited(text, { op: 'set', path: ['round'], value: 'autumn-2026' }), 'kind: worksheet\nstatus: held\nround: autumn-2026');
    const list = 'kind: worksheet\nnotes:\n  goals:\n    - One';
    assert.equal(edited(list, { op: 'insert', path: ['notes', 'goals'], index: 1, value: 'Two' }), 'kind: worksheet\nnotes:\n  goals:\n    - One\n    - Two');
    assert.equal(edited(`${list}\n    - Two`, { op: 'move', path: ['notes', 'goals'], from: 1, to: 0 }), 'kind: worksheet\nnotes:\n  goals:\n    - Two\n    - One');
  });

  it('starts an empty file', () => {
    assert.equal(edited('', { op: 'set', path: ['partner', 'organization'], value: 'Riverside' }), 'partner:\n  organization: Riverside\n');
    assert.equal(edited('# to fill in\n', { op: 'set', path: ['status'], value: 'planned' }), '# to fill in\nstatus: planned\n');
  });

  it('adds a key after a block\'s indented trailing comments, which stay in the block', () => {
    const text = 'kind: worksheet\nmeeting:\n  date: 2026-10-14\n\n  # more on the place later\n# the questions\nthanked: true\n';
    assert.equal(edited(text, { op: 'set', path: ['preparation', 'plan'], value: 'Listen' }),
      'kind: worksheet\nmeeting:\n  date: 2026-10-14\n\n  # more on the place later\npreparation:\n  plan: Listen\n# the questions\nthanked: true\n');
  });

  it('follows the document\'s own indentation', () => {
    const four = 'kind: worksheet\nmeeting:\n    date: 2026-10-14\n';
    assert.equal(edited(four, { op: 'set', path: ['next_step', 'owner'], value: 'sam' }), `${four}next_step:\n    owner: sam\n`);
  });

  it('never changes keys the form does not know', () => {
    const text = `${WORKSHEET}budget_code: X-12   # finance wants it\n`;
    const out = edited(text, { op: 'set', path: ['thanked'], value: false });
    assert.equal(out, replacedOnce(text, 'thanked: true', 'thanked: false'));
  });
});

describe('form edits the form refuses', () => {
  const refuses = (text: string, edit: unknown, message: RegExp) => assert.throws(() => formEditOffsets(text, edit as FormEdit), (e: unknown) => e instanceof FormEditError && message.test(e.message));

  it('refuses to write a file with a syntax error', () => {
    refuses('kind: worksheet\nmeeting:\n  date: [2026\n', { op: 'set', path: ['thanked'], value: true }, /fix it in the text/);
  });

  it('refuses paths outside the form\'s fields', () => {
    refuses(WORKSHEET, { op: 'set', path: ['kind'], value: 'convening' }, /cannot write kind/);
    refuses(WORKSHEET, { op: 'set', path: ['budget_code'], value: 'x' }, /cannot write/);
    refuses(WORKSHEET, { op: 'set', path: ['notes', 'challenges', 0, 'evil'], value: 'x' }, /cannot write/);
    refuses(WORKSHEET, { op: 'insert', path: ['meeting', 'our_attendees'], index: 0, value: 'x' }, /notes and people/);
  });

  it('unticking "for our team only" takes the key out: a note is shared back unless it says otherwise', () => {
    const text = replacedOnce(COMMENTED, '      themes: [transport]\n', '      themes: [transport]\n      internal: true\n');
    assert.equal(edited(text, { op: 'set', path: ['notes', 'challenges', 1, 'internal'], value: false }), COMMENTED);
    assert.equal(edited(COMMENTED, { op: 'set', path: ['notes', 'values', 0, 'internal'], value: false }), COMMENTED, 'a plain note stays as it is');
    assert.throws(() => edited(COMMENTED, { op: 'set', path: ['notes', 'challenges', 1, 'internal'], value: 'yes' }), /yes or no/);
  });

  it('refuses values of the wrong type', () => {
    refuses(WORKSHEET, { op: 'set', path: ['thanked'], value: 'yes' }, /yes or no/);
    refuses(WORKSHEET, { op: 'set', path: ['meeting', 'duration_minutes'], value: 'an hour' }, /whole number/);
    refuses(WORKSHEET, { op: 'set', path: ['status'], value: 'finished' }, /planned, prepared, held, filled, shared/);
    refuses(WORKSHEET, { op: 'set', path: ['meeting', 'location'], value: 'two\nlines' }, /one line/);
    refuses(WORKSHEET, { op: 'set', path: ['meeting', 'our_attendees'], value: 'sam' }, /list/);
  });

  it('refuses items that are gone, and a note without text', () => {
    refuses(WORKSHEET, { op: 'set', path: ['notes', 'challenges', 5, 'text'], value: 'x' }, /does not exist/);
    refuses(WORKSHEET, { op: 'remove', path: ['notes', 'challenges'], index: 3 }, /does not exist/);
    refuses(WORKSHEET, { op: 'clear', path: ['notes', 'challenges', 0, 'text'] }, /remove the note/);
    refuses(WORKSHEET, { op: 'insert', path: ['notes', 'challenges'], index: 0, value: '   ' }, /text first/);
  });

  it('refuses to add under a key that holds something other than a block', () => {
    refuses(replacedOnce(WORKSHEET, 'next_step:\n  action', 'next_step: later\nnot_next:\n  action'), { op: 'set', path: ['next_step', 'owner'], value: 'sam' }, /not a block/);
  });

  it('refuses rather than change what an alias points at elsewhere', () => {
    const text = 'kind: worksheet\nnext_step:\n  owner: &who sam\nfollow_up:\n  owner: *who\n';
    assert.throws(() => formEditOffsets(text, { op: 'set', path: ['next_step', 'owner'], value: 'ana' }), UnsafeEditError);
  });
});

describe('form edits, property', () => {
  const FIXTURES = [COMMENTED, WORKSHEET, COMMENTED.replace(/\n/g, '\r\n'), readFileSync('examples/community-team/riverside-youth/2026-10-14.worksheet.yaml', 'utf8')];
  const path = fc.constantFrom<FormEdit['path']>(
    ['partner', 'organization'], ['partner', 'community'], ['meeting', 'date'], ['meeting', 'location'], ['meeting', 'medium'],
    ['next_step', 'owner'], ['next_step', 'due'], ['follow_up', 'date'], ['after', 'shared_on'], ['round'], ['status'], ['preparation', 'plan'],
  );
  const text = fc.oneof(fc.constantFrom('', 'sam', 'in-person', 'held', '2026-11-01', 'a: b', '#x', '[odd]', 'yes', '12', 'x, y', "it's"), fc.string({ maxLength: 12 }));
  const edit: fc.Arbitrary<FormEdit> = fc.oneof(
    fc.record({ op: fc.constant('set' as const), path, value: text }),
    fc.record({ op: fc.constant('clear' as const), path }),
    fc.record({ op: fc.constant('set' as const), path: fc.constantFrom(['meeting', 'our_attendees'], ['after', 'shared_with'], ['preparation', 'questions']), value: fc.array(fc.constantFrom('sam', 'ana', 'jo', 'x y'), { maxLength: 4 }) }),
    fc.record({ op: fc.constant('insert' as const), path: fc.constantFrom(['notes', 'challenges'], ['notes', 'goals'], ['notes', 'other'], ['partner', 'people']), index: fc.nat(4), value: fc.constantFrom('A note', 'With: colon', 'x, y') }),
    fc.record({ op: fc.constant('move' as const), path: fc.constantFrom(['notes', 'challenges'], ['notes', 'goals']), from: fc.nat(2), to: fc.nat(2) }),
  );

  it('every edit either applies cleanly or is refused with a reason, and untouched data stays', () => {
    let applied = 0;
    fc.assert(fc.property(fc.constantFrom(...FIXTURES), fc.array(edit, { maxLength: 4 }), (start, edits) => {
      let cur = start;
      for (const e of edits) {
        let next: string;
        try {
          next = edited(cur, e);
        } catch (err) {
          // A refusal for a reason the person can act on; never a change the check caught touching other data.
          assert.ok(err instanceof FormEditError && !(err instanceof UnsafeEditError), String(err));
          continue;
        }
        applied++;
        // Lines never change their break style, and a document stays one clean document.
        assert.equal(parseDocument(next).errors.length, 0);
        assert.equal(next.includes('\r\n'), start.includes('\r\n') || !/\n/.test(next));
        if (start.includes('\r\n')) assert.ok(!/[^\r]\n/.test(next), 'no bare LF in a CRLF file');
        cur = next;
      }
    }), { numRuns: 300 });
    assert.ok(applied > 300, `only ${applied} edits applied`);
  });

  it('a scalar set on a present key changes one line only', () => {
    fc.assert(fc.property(fc.constantFrom(COMMENTED, WORKSHEET), fc.constantFrom(['partner', 'organization'], ['meeting', 'location'], ['meeting', 'date']), fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !s.includes('\n') && s.trim() !== ''), (start, p, v) => {
      const next = edited(start, { op: 'set', path: p, value: v });
      const a = start.split('\n');
      const b = next.split('\n');
      assert.equal(b.length, a.length);
      assert.ok(a.filter((l, i) => l !== b[i]).length <= 1);
    }), { numRuns: 200 });
  });
});
