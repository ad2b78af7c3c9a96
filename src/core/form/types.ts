// The shapes the worksheet form shares between its core, the custom editor and
// the page: the layout, the model of a text, gaps and edits. Types and two
// constant lists only, no imports: the page type-checks and bundles this file
// without the schema, the YAML parser or anything else of the core.

/**
 * How a field is edited. Scalars: text (one line), multiline, date, time,
 * number, boolean, choice (an enum), and text with suggestions from the
 * workspace (partner, person, round, goal). Lists of plain values: people
 * (team ids), questions (the bank's ids or free text), tags. Lists of blocks:
 * notes (`text`, `themes`, `quote`) and persons (`name`, `role`, `contact`).
 */
export type Control =
  | 'text' | 'multiline' | 'date' | 'time' | 'number' | 'boolean' | 'choice'
  | 'partner' | 'person' | 'round' | 'goal'
  | 'people' | 'questions' | 'tags'
  | 'notes' | 'persons';

export type FieldPath = readonly string[];

export interface Choice {
  value: string;
  description?: string;
}

export interface FieldSpec {
  /** The dotted path, unique: `meeting.date`. */
  id: string;
  path: FieldPath;
  label: string;
  control: Control;
  /** The schema's short description: the method in a sentence. */
  tip: string;
  /** Enum values with their descriptions (choice controls). */
  choices?: Choice[];
  /** The value must be written in quotes (times: an unquoted 16:00 reads as a number in older YAML). */
  quoted?: boolean;
}

export interface GroupSpec {
  /** The block's path as a dotted id (`meeting`), or a name of its own for root fields. */
  id: string;
  title: string;
  /** The block's longer description, as plain text: how this part of the method goes. */
  intro?: string;
  fields: FieldSpec[];
}

export interface SectionSpec {
  id: 'before' | 'during' | 'after';
  title: string;
  intro: string;
  groups: GroupSpec[];
}

/** Keys of a note block and of a person block, in the contract's order. */
export const NOTE_KEYS = ['text', 'themes', 'quote', 'internal'] as const;
export const PERSON_KEYS = ['name', 'role', 'contact'] as const;
export type NoteKey = (typeof NOTE_KEYS)[number];
export type PersonKey = (typeof PERSON_KEYS)[number];

/** The layout as the page receives it: the sections, and the parts of a note and of a person. */
export interface FormLayout {
  sections: readonly SectionSpec[];
  note: Record<NoteKey, { label: string; tip: string }>;
  person: Record<PersonKey, { label: string; tip: string }>;
}

export type ScalarValue = string | number | boolean;

/** One note or person of a list, by its sub-fields; `raw` when the item is not a block or a line. */
export interface ItemValue {
  /** Written as one line (a plain note, a person's name), not as a block. */
  plain: boolean;
  /** Text, a list of ids (`themes`), or yes or no (`internal`). */
  values: Record<string, string | string[] | boolean>;
  /** 1-based line of the item. */
  line: number;
  /** The item's YAML, when the form cannot show it field by field. */
  raw?: string;
}

export type FieldValue =
  | { state: 'absent'; line?: number }
  | { state: 'value'; value: ScalarValue | string[]; line: number }
  | { state: 'items'; items: ItemValue[]; line: number }
  /**
   * Written in a shape the control cannot show (`yes` for a yes/no, a list
   * for a line of text). `replaceable`: a value from the control may replace
   * it; otherwise it is edited in the text.
   */
  | { state: 'other'; raw: string; line: number; replaceable: boolean }
  /** Under a key that holds something other than a block: edit it in the text. */
  | { state: 'blocked'; line: number };

export interface FormProblem {
  kind: 'syntax' | 'unknown-key' | 'shape';
  message: string;
  /** 1-based. */
  line: number;
}

export interface FormModel {
  /** Whether the form may write this text: it reads cleanly as a block of keys. */
  editable: boolean;
  problems: FormProblem[];
  /** By field id (`meeting.date`). */
  values: Record<string, FieldValue>;
}

export interface FormGap {
  /** The finding's index in the list it came from: the host applies its fixes by it. */
  id: number;
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** The field or block id it is shown on; undefined for the file as a whole. */
  field?: string;
  /** 1-based line of the finding, for "Show in text". */
  line: number;
  /** The titles of its quick fixes, in order. */
  fixes: string[];
}

export type FormPath = readonly (string | number)[];

/** One change the form asks for. Values are typed; paths name the worksheet's own fields. */
export type FormEdit =
  | { op: 'set'; path: FormPath; value: string | number | boolean | string[] }
  | { op: 'clear'; path: FormPath }
  /** A new note (its text) or a new person (their name) at `index` of the list at `path`. */
  | { op: 'insert'; path: FormPath; index: number; value: string }
  | { op: 'remove'; path: FormPath; index: number }
  | { op: 'move'; path: FormPath; from: number; to: number };
