// The worksheet form's pure core: its layout (fields in the order of the
// meeting, with the schema's tips), the model of one text, the gaps placed on
// fields, and the minimal text edits each form change makes. No vscode here:
// the custom editor in src/features/form adapts it, the page shows it.
export type * from './types';
export { NOTE_KEYS, PERSON_KEYS } from './types';
export { FORM_FIELDS, FORM_LAYOUT, FORM_SECTIONS, NOTE_FIELDS, PERSON_FIELDS, keyOrder } from './layout';
export type { FormDocument } from './model';
export { buildFormModel } from './model';
export { FormEditError, UnsafeEditError, applyFormEdit, formEditOffsets } from './edit';
export { formGaps } from './gaps';
export { applyOffsetEdits } from './yaml-edit';
