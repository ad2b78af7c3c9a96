// The persisted index: what a warm start takes back without reading the files
// again. Each entry keeps a document's text and the facts the index needs at
// once, with the file stamp it was read at.
import type { Finding } from '../types';
import type { MeetingFacts } from '../facts';
import type { Positions } from './positions';

// 2: the text and the facts the index reads at once, no data, positions once made.
// 3: a review's date too, for the order of rounds.
// 4: a meeting's facts read as meant (forgive.ts): `status: Held` is held.
// 5: a meeting's start time (duplicate-meeting tells two meetings of a day apart by it).
export const SNAPSHOT_VERSION = 5;

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
  meeting?: MeetingFacts;
  round?: string;
  name?: string;
  date?: string;
  positions?: Positions;
  stamp: string;
}

/** A snapshot's entries by URI; undefined for a snapshot of another version or shape. */
export function entriesOf(snapshot: unknown): Map<string, SnapshotEntry> | undefined {
  const snap = snapshot as Partial<IndexSnapshot> | undefined;
  if (!snap || snap.version !== SNAPSHOT_VERSION || !Array.isArray(snap.docs)) return undefined;
  const entries = new Map<string, SnapshotEntry>();
  for (const entry of snap.docs) if (entry && typeof entry.uri === 'string' && typeof entry.text === 'string') entries.set(entry.uri, entry);
  return entries;
}
