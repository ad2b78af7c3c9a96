// The worksheet as a form: which fields it shows, in the order of the meeting
// (before, during, after), with what control, and the method's tip beside
// each. The tips and the choices come from the worksheet schema, so hover,
// completion and the form teach the method from one source. Pure data: the
// form's page bundles this file, the core reads and edits files with it.
import worksheetSchema from '../../../schemas/worksheet.schema.json';
import type { JsonSchema } from '../schema';
import { propertiesAt, schemaAt, valuesAt } from '../language/schema-nav';
import type { Control, FieldSpec, FormLayout, GroupSpec, NoteKey, PersonKey, SectionSpec } from './types';

const ROOT = worksheetSchema as JsonSchema;

export type { Choice, Control, FieldPath, FieldSpec, FormLayout, GroupSpec, NoteKey, PersonKey, SectionSpec } from './types';
export { NOTE_KEYS, PERSON_KEYS } from './types';

/** Labels and tips of the sub-fields of notes and people, from the schema too. */
export const NOTE_FIELDS: Record<NoteKey, { label: string; tip: string }> = {
  text: { label: 'Note', tip: tipAt(['notes', 'challenges', 0, 'text']) },
  themes: { label: 'Themes', tip: tipAt(['notes', 'challenges', 0, 'themes']) },
  quote: { label: 'Quote', tip: tipAt(['notes', 'challenges', 0, 'quote']) },
  internal: { label: 'For our team only (not shared back)', tip: tipAt(['notes', 'challenges', 0, 'internal']) },
};
export const PERSON_FIELDS: Record<PersonKey, { label: string; tip: string }> = {
  name: { label: 'Name', tip: tipAt(['partner', 'people', 0, 'name']) },
  role: { label: 'Role', tip: tipAt(['partner', 'people', 0, 'role']) },
  contact: { label: 'Contact', tip: tipAt(['partner', 'people', 0, 'contact']) },
};

function tipAt(path: readonly (string | number)[]): string {
  const s = schemaAt(ROOT, path);
  return typeof s?.description === 'string' ? s.description : '';
}

/** The markdown description of a block as plain text: the form shows text, never markup. */
function introAt(path: readonly string[]): string | undefined {
  const s = path.length ? schemaAt(ROOT, path) : ROOT;
  const md = s?.markdownDescription ?? s?.description;
  return typeof md === 'string' ? plainText(md) : undefined;
}

function plainText(markdown: string): string {
  return markdown
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/\*([^*]+)\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\n{2,}/g, '\n\n')
    .trim();
}

function field(path: string, label: string, control: Control, extra: Partial<FieldSpec> = {}): FieldSpec {
  const segments = path.split('.');
  const spec: FieldSpec = { id: path, path: segments, label, control, tip: tipAt(segments), ...extra };
  if (control === 'choice') spec.choices = valuesAt(ROOT, segments).map((c) => (c.description ? { value: c.value, description: c.description } : { value: c.value }));
  return spec;
}

function group(id: string, title: string, fields: FieldSpec[], intro = introAt(id.split('.'))): GroupSpec {
  return intro ? { id, title, intro, fields } : { id, title, fields };
}

/** The form, section by section, in the order the meeting happens. */
export const FORM_SECTIONS: readonly SectionSpec[] = [
  {
    id: 'before',
    title: 'Before the meeting',
    intro: 'Arrange 30-60 minutes at a time and place the partner chooses, then prepare a few open questions.',
    groups: [
      group('partner', 'Partner', [
        field('partner.organization', 'Organisation', 'text'),
        field('partner.id', 'Partner id', 'partner'),
        field('partner.community', 'Their community', 'text'),
        field('partner.people', 'People you meet', 'persons'),
      ]),
      group('meeting', 'Meeting', [
        field('meeting.date', 'Date', 'date'),
        field('meeting.start', 'Start time', 'time', { quoted: true }),
        field('meeting.duration_minutes', 'Length in minutes', 'number'),
        field('meeting.location', 'Place', 'text'),
        field('meeting.partner_chose_time_and_place', 'The partner chose the time and place', 'boolean'),
        field('meeting.medium', 'How you meet', 'choice'),
        field('meeting.our_attendees', 'Who from your team', 'people'),
        field('round', 'Round', 'round'),
      ]),
      group('preparation', 'Preparation', [
        field('preparation.worksheet_reviewed', 'I read the worksheet through', 'boolean'),
        field('preparation.questions', 'Questions to ask', 'questions'),
        field('preparation.plan', 'How the conversation should flow', 'multiline'),
      ]),
    ],
  },
  {
    id: 'during',
    title: 'During the meeting',
    intro: 'Listen, ask open questions, and note what matters most to them. Before you leave, say back what you heard.',
    groups: [
      group('notes', 'What you heard', [
        field('notes.success_in_their_words', 'Success, in their words', 'multiline'),
        field('notes.challenges', 'Challenges', 'notes'),
        field('notes.values', 'Values', 'notes'),
        field('notes.goals', 'Goals', 'notes'),
        field('notes.commitments', 'Commitments', 'notes'),
        field('notes.compelling', 'What was compelling', 'notes'),
        field('notes.other', 'Other notes', 'notes'),
      ]),
      group('confirmation', 'Confirmation', [
        field('confirmation.asked', 'I asked them to confirm', 'boolean'),
        field('confirmation.statement', 'What I said back', 'multiline'),
        field('confirmation.response', 'Their response', 'choice'),
        field('confirmation.correction', 'Their correction, in their words', 'multiline'),
      ]),
    ],
  },
  {
    id: 'after',
    title: 'After the meeting',
    intro: 'Agree a next step if they are ready, or a date to follow up; thank them; fill the worksheet in and share it with your team.',
    groups: [
      group('next_step', 'Next step', [
        field('next_step.action', 'Action', 'text'),
        field('next_step.serves_goal', 'Goal it serves', 'goal'),
        field('next_step.owner', 'Owner', 'person'),
        field('next_step.due', 'Due', 'date'),
        field('next_step.status', 'Status', 'choice'),
        field('next_step.notes', 'Notes on the step', 'multiline'),
      ]),
      group('follow_up', 'Or a follow-up', [
        field('follow_up.date', 'Follow up on', 'date'),
        field('follow_up.owner', 'Who follows up', 'person'),
        field('follow_up.done', 'Followed up', 'boolean'),
      ]),
      group('after', 'Thank them, fill in and share', [
        field('thanked', 'I thanked them', 'boolean'),
        field('after.filled_on', 'Filled in on', 'date'),
        field('after.shared_on', 'Shared on', 'date'),
        field('after.shared_with', 'Shared with', 'tags'),
        field('after.shared_back_on', 'Shared back with the partner on', 'date'),
        field('status', 'Where the meeting stands', 'choice'),
      ]),
    ],
  },
];

export const FORM_FIELDS: readonly FieldSpec[] = FORM_SECTIONS.flatMap((s) => s.groups.flatMap((g) => g.fields));

/**
 * The keys the contract allows in the block at `path` (numbers step into list
 * items), in its order: new keys are written where the contract puts them.
 */
export function keyOrder(path: readonly (string | number)[]): string[] {
  return Object.keys(propertiesAt(ROOT, path));
}

/** Whether `key` is one the contract knows in the block at `path`. */
export function knownKey(path: readonly (string | number)[], key: string): boolean {
  return key in propertiesAt(ROOT, path);
}

/** Everything the page needs to lay the form out, sent to it once. */
export const FORM_LAYOUT: FormLayout = { sections: FORM_SECTIONS, note: NOTE_FIELDS, person: PERSON_FIELDS };
