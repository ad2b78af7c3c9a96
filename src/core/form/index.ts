// The worksheet form's pure core: its layout (fields in the order of the
// meeting, with the schema's tips), the model of one text, the gaps placed on
// fields, and the minimal text edits each form change makes. No vscode here:
// the custom editor in src/features/form adapts it, the page shows it.
export type { Choice, Control, FieldPath, FieldSpec, GroupSpec, NoteKey, PersonKey, SectionSpec } from './layout';
export { FORM_FIELDS, FORM_SECTIONS, NOTE_FIELDS, NOTE_KEYS, PERSON_FIELDS, PERSON_KEYS, fieldById, groupOf, keyOrder } from './layout';
export type { FieldValue, FormDocument, FormModel, FormProblem, ItemValue, ScalarValue } from './model';
export { buildFormModel } from './model';
export type { FormEdit, FormPath } from './edit';
export { FormEditError, applyFormEdit, formEditOffsets } from './edit';
export type { FormGap } from './gaps';
export { formGaps } from './gaps';
export { applyOffsetEdits } from './yaml-edit';
