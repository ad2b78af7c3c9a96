// The worksheet form's model (what each field shows, what the form cannot
// show and why) and its gaps (each finding on its field), on fixtures.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { FORM_FIELDS, FORM_SECTIONS, buildFormModel, formGaps } from '../../src/core/form';
import type { FieldValue, FormModel } from '../../src/core/form';
import { checkText } from '../../src/core/check';
import { worksheetText } from '../../src/core/templates';
import { TODAY, WORKSHEET, variant } from './helpers';

const FULL = readFileSync('test/fixtures/form/full.worksheet.yaml', 'utf8');

const value = (m: FormModel, id: string): FieldValue => m.values[id];

describe('form model', () => {
  it('shows every field of a full worksheet, with its line', () => {
    const { model } = buildFormModel(FULL);
    assert.equal(model.editable, true);
    assert.deepEqual(model.problems, []);
    for (const f of FORM_FIELDS) assert.ok(['value', 'items'].includes(value(model, f.id).state), `${f.id} is ${value(model, f.id).state}`);
    assert.deepEqual(value(model, 'meeting.date'), { state: 'value', value: '2026-10-14', line: 14 });
    assert.deepEqual(value(model, 'meeting.duration_minutes'), { state: 'value', value: 45, line: 16 });
    assert.deepEqual(value(model, 'meeting.partner_chose_time_and_place'), { state: 'value', value: true, line: 18 });
    assert.deepEqual(value(model, 'meeting.our_attendees'), { state: 'value', value: ['sam', 'ana'], line: 20 });
    // The day the summary of what we heard went back to the partner (Share What We Heard).
    assert.deepEqual(value(model, 'after.shared_back_on'), { state: 'value', value: '2026-10-16', line: 58 });
    assert.deepEqual(value(model, 'preparation.plan'), { state: 'value', value: 'Open with their alumni show.\nListen for what stands in the way.', line: 24 });
    assert.deepEqual(value(model, 'partner.people'), {
      state: 'items',
      line: 10,
      items: [
        { plain: false, values: { name: 'Dana Ortiz', role: 'Director', contact: 'dana@example.org' }, line: 10 },
        { plain: false, values: { name: 'Kofi Mensah' }, line: 11 },
      ],
    });
    // A person written as a plain line (the schema asks for a block) shows as their name.
    const plainPerson = buildFormModel(FULL.replace('    - name: Kofi Mensah', '    - Kofi Mensah')).model;
    assert.deepEqual((value(plainPerson, 'partner.people') as { items: unknown[] }).items[1], { plain: true, values: { name: 'Kofi Mensah' }, line: 11 });
    assert.deepEqual(value(model, 'notes.challenges'), {
      state: 'items',
      line: 30,
      items: [
        { plain: false, values: { text: 'No affordable venue for shows', themes: ['space', 'visibility'], quote: 'We make the work, then it sits in a cupboard.' }, line: 30 },
        { plain: true, values: { text: 'Getting teens home after evening events' }, line: 31 },
      ],
    });
  });

  it('lays the form out before, during and after the meeting, with the schema\'s tips', () => {
    assert.deepEqual(FORM_SECTIONS.map((s) => s.id), ['before', 'during', 'after']);
    for (const f of FORM_FIELDS) assert.ok(f.tip.length > 10, `${f.id} has a tip`);
    const duration = FORM_FIELDS.find((f) => f.id === 'meeting.duration_minutes')!;
    assert.match(duration.tip, /30 to 60/);
    const medium = FORM_FIELDS.find((f) => f.id === 'meeting.medium')!;
    assert.deepEqual(medium.choices?.map((c) => c.value), ['in-person', 'phone', 'video']);
    assert.ok(medium.choices?.every((c) => c.description));
    // Every key of every block the form shows is in the layout once.
    assert.equal(new Set(FORM_FIELDS.map((f) => f.id)).size, FORM_FIELDS.length);
  });

  it('reads the New Meeting Worksheet skeleton: empty values are empty fields, not problems', () => {
    const { model } = buildFormModel(worksheetText({ partnerId: 'riverside-youth', organization: 'Riverside', date: '2026-10-14', round: 'autumn-2026', owner: 'sam' }));
    assert.deepEqual(model.problems, []);
    assert.deepEqual(value(model, 'partner.community'), { state: 'value', value: '', line: 9 });
    assert.deepEqual(value(model, 'partner.people'), { state: 'items', items: [], line: 8 });
    assert.equal(value(model, 'notes.challenges').state, 'absent');
  });

  it('says which keys it does not show, and stays editable', () => {
    const text = `${WORKSHEET}budget_code: X-12\nmeeting_notes: see drive\n`.replace('  location: Their studio\n', '  location: Their studio\n  parking: street\n');
    const { model } = buildFormModel(text);
    assert.equal(model.editable, true);
    assert.deepEqual(model.problems.map((p) => [p.kind, p.line, p.message.split(' ')[0]]), [
      ['unknown-key', 15, '`meeting.parking`'],
      ['unknown-key', 48, '`budget_code`'],
      ['unknown-key', 49, '`meeting_notes`'],
    ]);
  });

  it('is read-only with a syntax error, and still shows what it can read', () => {
    const text = WORKSHEET.replace('  location: Their studio\n', '  location: [Their studio\n');
    const { model } = buildFormModel(text);
    assert.equal(model.editable, false);
    assert.ok(model.problems.some((p) => p.kind === 'syntax'), JSON.stringify(model.problems));
    assert.deepEqual(value(model, 'partner.organization'), { state: 'value', value: 'Riverside Youth Collective', line: 7 });
  });

  it('is read-only for a file that is not a block of keys, or hostile', () => {
    assert.equal(buildFormModel('- a\n- b\n').model.editable, false);
    assert.equal(buildFormModel(`${'['.repeat(200)}`).model.editable, false);
    assert.equal(buildFormModel('a: \u0000').model.editable, false);
  });

  it('shows whether a note is for the team only, as a tick box; another value of `internal` only as text', () => {
    const marked = variant(WORKSHEET, [['notes', 'challenges'], [{ text: 'A board member is leaving', internal: true }, { text: 'No venue', internal: 'yes' }, 'No bus']]);
    const items = (value(buildFormModel(marked).model, 'notes.challenges') as { items: { values: Record<string, unknown>; raw?: string }[] }).items;
    assert.deepEqual(items[0].values, { text: 'A board member is leaving', internal: true });
    assert.equal(items[1].raw !== undefined, true, '`internal: yes` is shown as it is written, not as a tick box');
    assert.deepEqual(items[2].values, { text: 'No bus' });
  });

  it('tells values of another shape apart: replaceable by the control, or text only', () => {
    const text = variant(WORKSHEET,
      [['thanked'], 'yes'],
      [['meeting', 'duration_minutes'], 'about an hour'],
      [['meeting', 'our_attendees'], 'sam'],
      [['notes', 'values'], 'Teens decide'],
      [['next_step'], 'after the board meets'],
    );
    const { model } = buildFormModel(text);
    assert.deepEqual(value(model, 'thanked'), { state: 'other', raw: 'yes', line: 37, replaceable: true });
    assert.equal(value(model, 'meeting.duration_minutes').state, 'other');
    assert.deepEqual(value(model, 'meeting.our_attendees'), { state: 'other', raw: 'sam', line: 17, replaceable: true });
    assert.deepEqual(value(model, 'notes.values'), { state: 'other', raw: 'Teens decide', line: 24, replaceable: false });
    assert.equal(value(model, 'next_step.owner').state, 'blocked');
  });
});

describe('form gaps', () => {
  const gapsOf = (text: string, today = TODAY) => {
    const doc = buildFormModel(text);
    return formGaps(doc, checkText('/t/riverside-youth/2026-10-14.worksheet.yaml', text, { today }).findings);
  };

  it('puts each gap on its field or block, with its quick fixes', () => {
    const text = variant(WORKSHEET, [['confirmation']], [['next_step', 'owner']], [['notes', 'values'], []], [['thanked'], false]);
    const gaps = gapsOf(text);
    const where = Object.fromEntries(gaps.map((g) => [g.code, g.field]));
    assert.deepEqual(where, {
      'missing-confirmation': 'confirmation',
      'next-step-owner': 'next_step.owner',
      'empty-notes-category': 'notes.values',
      'not-thanked': 'thanked',
    });
    assert.deepEqual(gaps.find((g) => g.code === 'not-thanked')?.fixes, ['Mark as thanked']);
    assert.deepEqual(gaps.find((g) => g.code === 'missing-confirmation')?.fixes, ['Add a confirmation block']);
    // The id is the finding's place in the list: the host applies its fix by it.
    assert.deepEqual(gaps.map((g) => g.id), gaps.map((_, i) => i));
  });

  it('puts a schema problem on the field it is about, and one outside the form on the file', () => {
    const text = `${variant(WORKSHEET, [['meeting', 'date'], 'mid October'])}budget: 12\n`;
    const gaps = gapsOf(text).filter((g) => g.code === 'schema');
    // One finding for the date: the form it should take (no second "not in the calendar").
    assert.deepEqual(gaps.map((g) => g.field), [undefined, 'meeting.date']);
  });

  it('puts a gap about a missing block on the block, whatever key it falls back to', () => {
    const gaps = gapsOf(variant(WORKSHEET, [['next_step']], [['follow_up']]));
    assert.deepEqual(gaps.map((g) => [g.code, g.field]), [['missing-next-step', 'next_step']]);
    assert.deepEqual(gaps[0].fixes, ['Add a next step (the partner is ready)', 'Add a follow-up date (the partner is not ready yet)']);
  });

  it('puts a syntax error on the file', () => {
    const gaps = gapsOf(WORKSHEET.replace('  location: Their studio\n', '  location: [Their studio\n'));
    assert.ok(gaps.length > 0);
    assert.ok(gaps.every((g) => g.code === 'yaml-syntax' && g.field === undefined));
  });
});
