// What completion and hover are given besides the text and the cursor: the
// file's kind, its schema and what the workspace knows. One type for both, so
// the extension builds it in one place from the workspace index.
import type { JsonSchema } from '../schema';
import type { Question } from '../questions';
import type { FileKind } from '../types';

/** A partner as hover shows it, and completion lists it. */
export interface PartnerFacts {
  id: string;
  organization: string;
  /** Newest first. */
  meetings: { date?: string; status?: string }[];
  nextStep?: { action: string; due?: string; owner?: string; status?: string };
}

/** What the workspace knows: the ids that values name (fields marked `x-refers-to` in the schemas). */
export interface WorkspaceVocabulary {
  partners: PartnerFacts[];
  /** Team members' ids. */
  people: string[];
  themes: { id: string; label: string }[];
  rounds: string[];
}

export interface LanguageOptions {
  kind: FileKind;
  vocabulary: WorkspaceVocabulary;
  /** The kind's schema; the bundled one when left out. */
  schema?: JsonSchema;
  /** The question bank; the bundled one when left out. */
  questions?: readonly Question[];
  /** Key completion; false leaves keys to another provider (Red Hat YAML reads the same schemas). */
  keys?: boolean;
}
