// The facts of each file kind, read once from a file's data: the typed view
// that rules, the index, the tree, completion and the summary share, so that
// no two of them work out the same id or status their own way. Facts carry
// YAML paths, not ranges: a rule asks the YamlView for the range of a path.
// Callers outside this folder import from here.
import type { FileKind } from '../types';
import type { MeetingFacts, WorksheetFacts } from './meeting';
import { readMeeting as readMeetingAsWritten, readWorksheet } from './meeting';
import { asMeant } from '../forgive';
import type { ConveningFacts } from './convening';
import { readConvening } from './convening';
import type { ReviewFacts } from './review';
import { readReview } from './review';
import type { SettingsFacts } from './settings';
import { readSettings } from './settings';

export type FileFacts = WorksheetFacts | ConveningFacts | ReviewFacts | SettingsFacts;

/**
 * The facts of a file of this kind, from its data (anything YAML gives), read
 * as meant: `thanked: yes` is thanked, `status: Held` is held (forgive.ts).
 */
export function readFacts(kind: FileKind, data: unknown): FileFacts {
  const meant = asMeant(kind, data);
  switch (kind) {
    case 'worksheet': return readWorksheet(meant);
    case 'convening': return readConvening(meant);
    case 'review': return readReview(meant);
    case 'config': return readSettings(meant);
  }
}

/** The meeting of a worksheet's data, read as meant. */
export function readMeeting(data: unknown): MeetingFacts | undefined {
  return readMeetingAsWritten(asMeant('worksheet', data));
}

/** The facts if they are of this kind. */
export function factsOfKind<K extends FileKind>(facts: FileFacts, kind: K): Extract<FileFacts, { kind: K }> | undefined {
  return facts.kind === kind ? (facts as Extract<FileFacts, { kind: K }>) : undefined;
}

export type { PartnerMention } from './data';
export { field, isBlock, list, noteText, text } from './data';
export type { MeetingFacts, NextStepInfo, NoteCategory, NoteFacts, WorksheetFacts } from './meeting';
export { NOTE_CATEGORIES, readWorksheet } from './meeting';
export type { ConveningFacts, ConveningPartner, CoordinatorDuty } from './convening';
export { COORDINATOR_DUTIES, readConvening } from './convening';
export type { CommitmentFacts, ReviewFacts } from './review';
export { readReview } from './review';
export type { Offer, SettingsFacts, StarterThemes, TeamConfig, Theme, Thresholds } from './settings';
export { DEFAULT_CONFIG, DEFAULT_WORKSHEET_PATH, readConfig, readSettings } from './settings';
export type { WorksheetStatus } from './status';
export { FILLED, HELD, PREPARED, SHARED, WORKSHEET_STATUSES, isHeld, statusRank } from './status';
