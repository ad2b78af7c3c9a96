// The persisted index: what a warm start takes back without reading the files
// again. Each entry keeps a document's text and the facts the index needs at
// once, with the file stamp it was read at.
import type { Finding, Range } from '../types';
import type { MeetingFacts, NextStepInfo } from '../facts';
import type { Positions } from './positions';

// 2: the text and the facts the index reads at once, no data, positions once made.
// 3: a review's date too, for the order of rounds.
// 4: a meeting's facts read as meant (forgive.ts): `status: Held` is held.
// 5: a meeting's start time (duplicate-meeting tells two meetings of a day apart by it).
// 6: persisted as encodeSnapshot writes it, the texts apart from the JSON.
// 7: a meeting's facts as one array (MeetingRow).
export const SNAPSHOT_VERSION = 7;

/** A persisted index: each document's text and indexed facts, with the file stamp it was read at. */
export interface IndexSnapshot {
  version: number;
  docs: SnapshotEntry[];
}

/**
 * A document of the snapshot. Its data is left out: that is most of a
 * snapshot's size and of its parsing time, and the facts the index needs at
 * once (partners, rounds) are kept apart; the data is read again from the
 * text when first asked for.
 */
export interface SnapshotEntry {
  uri: string;
  text: string;
  readFindings: readonly Finding[];
  meeting?: MeetingRow;
  round?: string;
  name?: string;
  date?: string;
  positions?: Positions;
  stamp: string;
}

/** A text field of a snapshot's meeting: JSON writes an absent one in an array as null. */
type Text = string | null;

/**
 * A meeting's facts in a snapshot: one array, in this order. Objects had a
 * key per field, a third of a snapshot's JSON for JSON.parse to read, and a
 * shape per set of fields present, so taking 10,000 of them back read each
 * field by looking it up; the rows have one shape, and cost no key.
 */
export type MeetingRow = [
  partnerId: string, organization: Text, community: Text, status: Text, round: Text, date: Text, start: Text,
  durationMinutes: number | null, successInTheirWords: Text, confirmation: Text, nextStep: NextStepRow | null, followUpDate: Text,
];

/** A next step in a MeetingRow. */
type NextStepRow = [action: string, servesGoal: Text, owner: Text, due: Text, status: Text];

const MEETING_ROW_LENGTH = 12;
const NEXT_STEP_ROW_LENGTH = 5;

export function meetingRow(m: MeetingFacts): MeetingRow {
  const n = m.nextStep;
  const next: NextStepRow | null = n ? [n.action, n.servesGoal ?? null, n.owner ?? null, n.due ?? null, n.status ?? null] : null;
  return [m.partnerId, m.organization ?? null, m.community ?? null, m.status ?? null, m.round ?? null, m.date ?? null, m.start ?? null,
    m.durationMinutes ?? null, m.successInTheirWords ?? null, m.confirmation ?? null, next, m.followUpDate ?? null];
}

/** The facts of a MeetingRow that entriesOf let through: every field named, as readMeeting gives them. */
export function meetingOfRow(r: MeetingRow): MeetingFacts {
  const n = r[10];
  const nextStep: NextStepInfo | undefined = n ? { action: n[0], servesGoal: n[1] ?? undefined, owner: n[2] ?? undefined, due: n[3] ?? undefined, status: n[4] ?? undefined } : undefined;
  return {
    partnerId: r[0], organization: r[1] ?? undefined, community: r[2] ?? undefined, status: r[3] ?? undefined, round: r[4] ?? undefined,
    date: r[5] ?? undefined, start: r[6] ?? undefined, durationMinutes: r[7] ?? undefined, successInTheirWords: r[8] ?? undefined,
    confirmation: r[9] ?? undefined, nextStep, followUpDate: r[11] ?? undefined,
  };
}

/**
 * A snapshot's entries; undefined for a snapshot of another version or
 * shape. An entry of another shape (a snapshot damaged on disk, or written by
 * a build whose facts differ under the same version) is left out, so its file
 * is read again: taken back, one meeting without a partner id or a name that is
 * not text would break the partners' list for the whole session.
 */
export function entriesOf(snapshot: unknown): SnapshotEntry[] | undefined {
  const snap = snapshot as Partial<IndexSnapshot> | undefined;
  if (!snap || snap.version !== SNAPSHOT_VERSION || !Array.isArray(snap.docs)) return undefined;
  return (snap.docs as unknown[]).filter(isEntry);
}

// Written out field by field: a warm start asks this of every entry once, in code not yet
// optimized, where a loop over a table of the fields took twice as long.
const isText = (v: unknown): boolean => v === undefined || typeof v === 'string';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRange(value: unknown): boolean {
  const r = value as Range | undefined;
  return isRecord(r) && isRecord(r.start) && isRecord(r.end)
    && typeof r.start.line === 'number' && typeof r.start.character === 'number' && typeof r.end.line === 'number' && typeof r.end.character === 'number';
}

function isFinding(value: unknown): boolean {
  return isRecord(value) && typeof value.code === 'string' && typeof value.severity === 'string' && typeof value.message === 'string' && isRange(value.range)
    && (value.fixes === undefined || Array.isArray(value.fixes)) && (value.related === undefined || Array.isArray(value.related));
}

const isRowText = (v: unknown): boolean => v === null || typeof v === 'string';

function isMeetingRow(m: unknown): boolean {
  if (!Array.isArray(m) || m.length !== MEETING_ROW_LENGTH || typeof m[0] !== 'string') return false;
  if (!isRowText(m[1]) || !isRowText(m[2]) || !isRowText(m[3]) || !isRowText(m[4]) || !isRowText(m[5]) || !isRowText(m[6])) return false;
  if (!isRowText(m[8]) || !isRowText(m[9]) || !isRowText(m[11])) return false;
  if (m[7] !== null && typeof m[7] !== 'number') return false;
  const n: unknown = m[10];
  return n === null || (Array.isArray(n) && n.length === NEXT_STEP_ROW_LENGTH && typeof n[0] === 'string' && isRowText(n[1]) && isRowText(n[2]) && isRowText(n[3]) && isRowText(n[4]));
}

function isEntry(value: unknown): value is SnapshotEntry {
  if (!isRecord(value) || typeof value.uri !== 'string' || typeof value.text !== 'string' || typeof value.stamp !== 'string') return false;
  if (!isText(value.round) || !isText(value.name) || !isText(value.date)) return false;
  const read = value.readFindings;
  if (!Array.isArray(read) || (read.length > 0 && !read.every(isFinding))) return false;
  if (value.meeting !== undefined && !isMeetingRow(value.meeting)) return false;
  const p = value.positions;
  if (p === undefined) return true;
  if (!isRecord(p) || !isRange(p.range) || !isRecord(p.lines)) return false;
  for (const key in p.lines) if (typeof p.lines[key] !== 'number') return false;
  return true;
}

/**
 * The snapshot as it is persisted, in UTF-8: one line of JSON with every
 * entry but its text (the texts' lengths apart), then the texts one after
 * another, as written. Inside JSON each text's line breaks and quotes were
 * escapes, which JSON.parse takes one by one: the texts were three quarters
 * of a snapshot and most of its parse (47 ms of a snapshot of 10,000
 * worksheets, 18 ms without them), where slicing them out of the rest takes a
 * fraction of a millisecond.
 */
export function encodeSnapshot(snapshot: IndexSnapshot): Uint8Array {
  const docs = snapshot.docs.map(({ text: _, ...rest }) => rest);
  const lengths = snapshot.docs.map((d) => d.text.length);
  return new TextEncoder().encode(`${JSON.stringify({ version: snapshot.version, lengths, docs })}\n${snapshot.docs.map((d) => d.text).join('')}`);
}

/** What encodeSnapshot wrote, back; undefined for anything else (another version, a file cut short). */
export function decodeSnapshot(persisted: Uint8Array): IndexSnapshot | undefined {
  // JSON has no line break of its own: the first ends it.
  const end = persisted.indexOf(0x0a);
  if (end < 0) return undefined;
  let head: { version?: unknown; lengths?: unknown; docs?: unknown };
  try {
    head = JSON.parse(new TextDecoder().decode(persisted.subarray(0, end))) as typeof head;
  } catch {
    return undefined;
  }
  const { version, lengths, docs } = head ?? {};
  if (version !== SNAPSHOT_VERSION || !Array.isArray(docs) || !Array.isArray(lengths) || lengths.length !== docs.length) return undefined;
  // Decoded apart from the JSON, so the texts (slices of this string) keep nothing else alive; a text may start with a BOM.
  const texts = new TextDecoder('utf-8', { ignoreBOM: true }).decode(persisted.subarray(end + 1));
  let at = 0;
  for (let i = 0; i < docs.length; i++) {
    const length: unknown = lengths[i];
    const doc = docs[i] as SnapshotEntry | null;
    if (!doc || typeof length !== 'number' || !Number.isInteger(length) || length < 0 || at + length > texts.length) return undefined;
    doc.text = texts.slice(at, at + length);
    at += length;
  }
  return at === texts.length ? { version: SNAPSHOT_VERSION, docs: docs as SnapshotEntry[] } : undefined;
}
