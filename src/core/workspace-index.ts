// The workspace index: every worksheet, convening, review and settings file by
// URI, the partners and rounds they describe, and the facts cross-file rules
// need. Updates are incremental: one document in, the set of URIs whose
// findings may have changed out.
import type { FileKind, Finding, FileSystem, Range } from './types';
import type { ParsedFile, PosNode } from './yaml';
import { YamlView, parseFile } from './yaml';
import { quickRead } from './yaml';
import type { TeamConfig } from './facts/settings';
import { DEFAULT_CONFIG, readConfig } from './facts/settings';
import { checkParsed } from './check';
import type { MeetingRef, WorkspaceFacts } from './rules/rule';
import { field, isBlock, list, text } from './facts/data';
import { isIsoDate } from './dates';
import { dirname, isUnder, slugify } from './paths';
import { kindOfFile } from './kinds';

export interface NextStepInfo {
  action: string;
  servesGoal?: string;
  owner?: string;
  due?: string;
  status?: string;
}

export interface Meeting extends MeetingRef {
  organization: string | undefined;
  community: string | undefined;
  durationMinutes: number | undefined;
  successInTheirWords: string | undefined;
  confirmation: string | undefined;
  nextStep: NextStepInfo | undefined;
  followUpDate: string | undefined;
}

export interface Partner {
  id: string;
  organization: string;
  community: string | undefined;
  /** Newest first. */
  meetings: Meeting[];
}

export interface IndexedDocument {
  uri: string;
  kind: FileKind;
  text: string;
  data: unknown;
  /** Reading problems (syntax, size), known without a full check. */
  readFindings: Finding[];
  meeting?: Meeting;
  round?: string;
  name?: string;
  /**
   * 1-based lines of note items and of success in their words, keyed
   * `notes.<category>.<i>`, so the team review links quotes to lines. Files
   * are indexed from their data alone: the lines come from one parse with
   * positions, made when first asked for (or taken from a check's) and kept.
   */
  lines?: Record<string, number>;
}

export interface IndexChange {
  /** Documents whose findings may differ now (the changed one first). */
  affected: string[];
  /** Whether the partner/round structure changed (trees and summaries care). */
  structure: boolean;
}

export type Listener = (change: IndexChange) => void;

export interface LoadOptions {
  onProgress?: (done: number, total: number) => void;
  /** A persisted snapshot (see snapshot()): files whose stamp still matches are not read again. */
  snapshot?: unknown;
}

export interface LoadResult {
  /** Each file's stamp, when the file system gives them: pass them to snapshot(). */
  stamps: Map<string, string>;
  /** Files taken from the snapshot without reading. */
  reused: number;
  unreadable: string[];
}

// 2: the text and the facts the index reads at once, no data, positions once made.
const SNAPSHOT_VERSION = 2;

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
  readFindings: Finding[];
  meeting?: MeetingFacts;
  round?: string;
  name?: string;
  positions?: Positions;
  stamp: string;
}

/** A meeting as the snapshot keeps it: without its uri (the entry's) and its range (a position). */
export type MeetingFacts = Omit<Meeting, 'uri' | 'range'>;

/** Where a worksheet's indexed facts sit in its text. */
export interface Positions {
  /** The meeting's range: partner.id, else partner.organization. */
  range: Range;
  /** See IndexedDocument.lines. */
  lines: Record<string, number>;
}

export interface CheckDocumentOptions {
  /** Check this text instead of the indexed one (an open editor's buffer). */
  text?: string;
  skipSchema?: boolean;
}

export class WorkspaceIndex implements WorkspaceFacts {
  private readonly docs = new Map<string, IndexedDoc>();
  /** Convenings and reviews: what cross-file rules re-check when a worksheet's structure changes. */
  private readonly dependents = new Set<string>();
  private readonly listeners = new Set<Listener>();
  private readonly findingsCache = new Map<string, Finding[]>();
  private partnersCache: Map<string, Partner> | undefined;
  // The review asks for every meeting and the rounds on each update: kept until a document changes.
  private meetingsCache: Meeting[] | undefined;
  private roundsCache: string[] | undefined;

  constructor(private readonly today: () => string) {}

  // ---- updates -------------------------------------------------------------

  /** Add or replace a document. Files of no known kind are ignored. */
  set(uri: string, text: string): IndexChange {
    const kind = kindOfFile(uri);
    if (!kind) return { affected: [], structure: false };
    const before = this.docs.get(uri);
    if (before && before.text === text) return { affected: [], structure: false };
    const doc = IndexedDoc.read(uri, kind, text);
    this.put(doc);
    const structure = !before || structuralKey(before) !== structuralKey(doc);
    return this.changed(uri, kind, structure);
  }

  delete(uri: string): IndexChange {
    const before = this.docs.get(uri);
    if (!before) return { affected: [], structure: false };
    this.docs.delete(uri);
    this.dependents.delete(uri);
    this.forget(uri);
    const change = this.changed(uri, before.kind, true);
    return { affected: [uri, ...change.affected.filter((u) => u !== uri)], structure: true };
  }

  /** Remove every document below a folder (a deleted folder, a removed workspace root). */
  deleteFolder(folder: string): void {
    for (const uri of [...this.docs.keys()]) if (isUnder(uri, folder)) this.delete(uri);
  }

  onDidChange(listener: Listener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private put(doc: IndexedDoc): void {
    this.docs.set(doc.uri, doc);
    if (doc.kind === 'convening' || doc.kind === 'review') this.dependents.add(doc.uri);
  }

  /** Drop a document's cached findings, with and without schema findings. */
  private forget(uri: string): void {
    this.findingsCache.delete(uri);
    this.findingsCache.delete(`s${uri}`);
  }

  private changed(uri: string, kind: FileKind, structure: boolean): IndexChange {
    // Partners carry their meetings' facts (next step, confirmation): any worksheet change refreshes them.
    if (structure || kind === 'worksheet') {
      this.partnersCache = undefined;
      this.meetingsCache = undefined;
    }
    // Rounds read reviews' dates too.
    this.roundsCache = undefined;
    const affected = new Set<string>([uri]);
    if (kind === 'config') {
      // Severities and thresholds apply to every file below the settings file.
      const folder = dirname(uri);
      for (const u of this.docs.keys()) if (isUnder(u, folder)) affected.add(u);
    } else if (kind === 'worksheet' && structure) {
      // Cross-file rules read partners, statuses and rounds of worksheets.
      for (const u of this.dependents) affected.add(u);
    }
    for (const u of affected) this.forget(u);
    const change = { affected: [...affected], structure };
    for (const l of this.listeners) l(change);
    return change;
  }

  /** Forget cached findings (when "today" moves on, or settings outside the index change). */
  invalidate(): void {
    this.findingsCache.clear();
  }

  // ---- loading -------------------------------------------------------------

  /**
   * Read every candidate file below `rootUri`; an unreadable file is indexed as
   * empty (it gets a finding), not thrown. With a snapshot and a file system
   * that gives stamps, unchanged files are taken from the snapshot unparsed.
   */
  async loadFolder(fs: FileSystem, rootUri: string, options: LoadOptions | ((done: number, total: number) => void) = {}): Promise<LoadResult> {
    const opts: LoadOptions = typeof options === 'function' ? { onProgress: options } : options;
    const uris = await fs.findFiles(rootUri);
    const stamps = new Map<string, string>();
    let toRead = uris;
    if (fs.stamp) {
      const stampOf = fs.stamp.bind(fs);
      await forEachLimit(uris, 32, async (u) => { stamps.set(u, (await stampOf(u).catch(() => undefined)) ?? 'unknown'); });
      if (opts.snapshot !== undefined) toRead = this.restore(opts.snapshot, stamps);
    }
    const decoder = new TextDecoder('utf-8');
    const unreadable: string[] = [];
    let done = 0;
    await forEachLimit(toRead, 16, async (uri) => {
      let content = '';
      try {
        content = decoder.decode(await fs.readFile(uri));
      } catch {
        unreadable.push(uri);
      }
      this.set(uri, content);
      opts.onProgress?.(++done, toRead.length);
    });
    return { stamps, reused: uris.length - toRead.length, unreadable };
  }

  // ---- persistence -----------------------------------------------------------

  /**
   * The index as plain JSON, to persist between sessions. `stampOf` gives each
   * file's change stamp (modification time and size); files without one are left out.
   */
  snapshot(stampOf: (uri: string) => string | undefined): IndexSnapshot {
    const docs: SnapshotEntry[] = [];
    for (const d of this.docs.values()) {
      const stamp = stampOf(d.uri);
      if (stamp === undefined) continue;
      const entry = d.toEntry(stamp);
      if (entry) docs.push(entry);
    }
    return { version: SNAPSHOT_VERSION, docs };
  }

  /**
   * Takes back the documents of a snapshot whose stamp still matches the file
   * on disk, without parsing them again. Returns the files that must be read:
   * new or changed since the snapshot.
   */
  restore(snapshot: unknown, current: Map<string, string>): string[] {
    const entries = entriesOf(snapshot);
    if (!entries) return [...current.keys()];
    const ready = new Map<string, IndexedDoc>();
    for (const [uri, stamp] of current) {
      const doc = revive(entries, uri, stamp);
      if (doc) ready.set(uri, doc);
    }
    // In snapshot order, as the documents were indexed.
    for (const uri of entries.keys()) {
      const doc = ready.get(uri);
      if (doc) this.put(doc);
    }
    this.partnersCache = undefined;
    this.meetingsCache = undefined;
    this.roundsCache = undefined;
    this.findingsCache.clear();
    return [...current.keys()].filter((u) => !ready.has(u));
  }

  // ---- queries -------------------------------------------------------------

  get(uri: string): IndexedDocument | undefined {
    return this.docs.get(uri);
  }

  has(uri: string): boolean {
    return this.docs.has(uri);
  }

  documents(kind?: FileKind): IndexedDocument[] {
    const all = [...this.docs.values()];
    return kind ? all.filter((d) => d.kind === kind) : all;
  }

  meetings(): Meeting[] {
    this.meetingsCache ??= this.documents('worksheet').flatMap((d) => (d.meeting ? [d.meeting] : []));
    return [...this.meetingsCache];
  }

  partners(): Partner[] {
    return [...this.partnerMap().values()];
  }

  private partnerMap(): Map<string, Partner> {
    if (!this.partnersCache) {
      const map = new Map<string, Partner>();
      for (const m of this.meetings()) {
        let p = map.get(m.partnerId);
        if (!p) {
          p = { id: m.partnerId, organization: m.organization ?? m.partnerId, community: m.community, meetings: [] };
          map.set(m.partnerId, p);
        }
        p.meetings.push(m);
      }
      for (const p of map.values()) {
        p.meetings.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.uri.localeCompare(b.uri));
        // The newest meeting's names win: organisations get renamed.
        const newest = p.meetings.find((m) => m.organization);
        if (newest?.organization) p.organization = newest.organization;
        p.community = p.meetings.find((m) => m.community)?.community;
      }
      this.partnersCache = new Map([...map.entries()].sort((a, b) => a[1].organization.localeCompare(b[1].organization)));
    }
    return this.partnersCache;
  }

  partner(id: string): Partner | undefined {
    return this.partnerMap().get(id);
  }

  /** Rounds, oldest first (by their earliest meeting, then name). */
  rounds(): string[] {
    this.roundsCache ??= this.readRounds();
    return [...this.roundsCache];
  }

  private readRounds(): string[] {
    const first = new Map<string, string>();
    const note = (round: string | undefined, date: string | undefined) => {
      if (!round) return;
      const d = date ?? '9999-12-31';
      const cur = first.get(round);
      if (cur === undefined || d < cur) first.set(round, d);
    };
    for (const d of this.docs.values()) {
      if (d.kind === 'worksheet') note(d.meeting?.round, d.meeting?.date);
      if (d.kind === 'review') note(d.round, text(field(d.data, 'date')));
    }
    return [...first.entries()].sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0])).map(([r]) => r);
  }

  /** The settings that apply to a file: the nearest `partner-worksheets.yaml` above it. */
  configFor(uri: string): TeamConfig {
    let best: IndexedDocument | undefined;
    for (const d of this.docs.values()) {
      if (d.kind !== 'config') continue;
      const folder = dirname(d.uri);
      if (isUnder(uri, folder) && (!best || dirname(best.uri).length < folder.length)) best = d;
    }
    return best ? readConfig(best.data) : DEFAULT_CONFIG;
  }

  /** Every finding for one document, cross-file rules included. */
  check(uri: string, options: CheckDocumentOptions = {}): Finding[] {
    const doc = this.docs.get(uri);
    const useCache = options.text === undefined || options.text === doc?.text;
    const cacheKey = `${options.skipSchema ? 's' : ''}${uri}`;
    if (useCache) {
      const hit = this.findingsCache.get(cacheKey);
      if (hit) return hit;
    }
    const content = options.text ?? doc?.text;
    if (content === undefined) return [];
    const file = parseFile(uri, content);
    // The parse a check makes anyway gives the indexed text its positions.
    if (doc && content === doc.text) doc.adopt(file);
    const result = checkParsed(file, {
      today: this.today(),
      config: this.configFor(uri),
      workspace: this,
      skipSchema: options.skipSchema,
    }).findings;
    if (useCache && doc) this.findingsCache.set(cacheKey, result);
    return result;
  }

  // ---- WorkspaceFacts --------------------------------------------------------

  knownPartner(id: string): boolean {
    return this.partner(id) !== undefined;
  }

  meetingsOf(partnerId: string): MeetingRef[] {
    return this.partner(partnerId)?.meetings ?? [];
  }

  meetingsInRound(round: string): MeetingRef[] {
    return this.meetings().filter((m) => m.round === round);
  }

  partnerIds(): string[] {
    return this.partners().map((p) => p.id);
  }
}

/** A snapshot's entries by URI; undefined for a snapshot of another version or shape. */
function entriesOf(snapshot: unknown): Map<string, SnapshotEntry> | undefined {
  const snap = snapshot as Partial<IndexSnapshot> | undefined;
  if (!snap || snap.version !== SNAPSHOT_VERSION || !Array.isArray(snap.docs)) return undefined;
  const entries = new Map<string, SnapshotEntry>();
  for (const entry of snap.docs) if (entry && typeof entry.uri === 'string' && typeof entry.text === 'string') entries.set(entry.uri, entry);
  return entries;
}

/** The document of a snapshot entry whose file has not changed since. */
function revive(entries: Map<string, SnapshotEntry>, uri: string, stamp: string): IndexedDoc | undefined {
  const entry = entries.get(uri);
  const kind = kindOfFile(uri);
  return entry && kind && entry.stamp === stamp ? IndexedDoc.restore(entry, kind) : undefined;
}

function structuralKey(d: IndexedDocument): string {
  const m = d.meeting;
  return JSON.stringify([d.kind, d.round, d.name, m?.partnerId, m?.organization, m?.status, m?.round, m?.date]);
}

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * A document as the index keeps it. The data comes from js-yaml where it reads
 * exactly as the full parse would (see quick-read.ts), else from the full
 * parse; the positions (the meeting's range, the note lines) need a parse
 * with positions (parseFile), so they are made on first use and kept. A
 * document restored from a snapshot reads its data again on first use.
 */
class IndexedDoc implements IndexedDocument {
  readonly text: string;
  meeting?: Meeting;
  round?: string;
  name?: string;
  #facts: MeetingFacts | undefined;
  #data: { value: unknown } | undefined;
  /** null: no positions to make (not a worksheet, or not a block of fields). */
  #positions: Positions | null | undefined;

  private constructor(readonly uri: string, readonly kind: FileKind, source: string, readonly readFindings: Finding[]) {
    this.text = source;
  }

  /** The document from its text. */
  static read(uri: string, kind: FileKind, source: string): IndexedDoc {
    const quick = quickRead(source);
    const file = quick ? undefined : parseFile(uri, source);
    const doc = new IndexedDoc(uri, kind, source, file ? file.findings : []);
    const data = quick ? quick.data : file!.data;
    if (file) doc.adopt(file);
    else doc.#data = { value: data };
    if (!isBlock(data)) return doc;
    if (kind === 'worksheet') {
      const facts = readMeeting(data);
      if (facts) doc.setMeeting(facts);
      doc.round = facts?.round;
    } else {
      doc.round = text(data.round);
      doc.name = text(data.name);
    }
    return doc;
  }

  /** The document from its snapshot entry, without reading the text. */
  static restore(entry: SnapshotEntry, kind: FileKind): IndexedDoc {
    const doc = new IndexedDoc(entry.uri, kind, entry.text, Array.isArray(entry.readFindings) ? entry.readFindings : []);
    if (kind === 'worksheet') {
      if (entry.meeting) doc.setMeeting(entry.meeting);
      doc.round = doc.meeting?.round;
    } else {
      doc.round = entry.round;
      doc.name = entry.name;
    }
    if (entry.positions) doc.#positions = entry.positions;
    return doc;
  }

  /** The snapshot entry; undefined when JSON cannot keep the facts exactly (a duration of .nan or .inf). */
  toEntry(stamp: string): SnapshotEntry | undefined {
    const minutes = this.#facts?.durationMinutes;
    if (minutes !== undefined && !Number.isFinite(minutes)) return undefined;
    const entry: SnapshotEntry = { uri: this.uri, text: this.text, readFindings: this.readFindings, stamp };
    if (this.#facts) entry.meeting = this.#facts;
    if (this.kind !== 'worksheet' && this.round !== undefined) entry.round = this.round;
    if (this.name !== undefined) entry.name = this.name;
    if (this.#positions) entry.positions = this.#positions;
    return entry;
  }

  get data(): unknown {
    if (!this.#data) {
      const quick = quickRead(this.text);
      if (quick) this.#data = { value: quick.data };
      else this.adopt(parseFile(this.uri, this.text));
    }
    return this.#data!.value;
  }

  get lines(): Record<string, number> | undefined {
    return this.positions()?.lines;
  }

  positions(): Positions | undefined {
    if (this.#positions === undefined) this.adopt(parseFile(this.uri, this.text));
    return this.#positions ?? undefined;
  }

  /** Take what the index keeps from a parse of this very text that was made anyway. */
  adopt(file: ParsedFile): void {
    // A parse's data is the data: the quick read answers only where it agrees with it.
    this.#data ??= { value: file.data };
    if (this.#positions !== undefined) return;
    this.#positions = this.kind === 'worksheet' && isBlock(file.data) ? locate(file) : null;
  }

  private setMeeting(facts: MeetingFacts): void {
    this.#facts = facts;
    this.meeting = new IndexedMeeting(this, facts);
  }
}

/** A meeting of the index: its range is looked up on first use. */
class IndexedMeeting implements Meeting {
  readonly uri: string;
  readonly partnerId: string;
  readonly organization: string | undefined;
  readonly community: string | undefined;
  readonly status: string | undefined;
  readonly round: string | undefined;
  readonly date: string | undefined;
  readonly durationMinutes: number | undefined;
  readonly successInTheirWords: string | undefined;
  readonly confirmation: string | undefined;
  readonly nextStep: NextStepInfo | undefined;
  readonly followUpDate: string | undefined;
  readonly #doc: IndexedDoc;

  /** `facts` as readMeeting gives them, or back from JSON (which drops undefined fields). */
  constructor(doc: IndexedDoc, facts: MeetingFacts) {
    this.#doc = doc;
    this.uri = doc.uri;
    this.partnerId = facts.partnerId;
    this.organization = facts.organization;
    this.community = facts.community;
    this.status = facts.status;
    this.round = facts.round;
    this.date = facts.date;
    this.durationMinutes = facts.durationMinutes;
    this.successInTheirWords = facts.successInTheirWords;
    this.confirmation = facts.confirmation;
    const n = facts.nextStep;
    this.nextStep = n ? { action: n.action, servesGoal: n.servesGoal, owner: n.owner, due: n.due, status: n.status } : undefined;
    this.followUpDate = facts.followUpDate;
  }

  // Cross-file rules relate a few meetings, the review links the partners
  // not met: the range is looked up for those only.
  get range(): Range {
    return this.#doc.positions()?.range ?? ZERO;
  }
}

function locate(file: ParsedFile): Positions {
  const view = new YamlView(file);
  const range = view.rangeOfNode(view.node(['partner', 'id'])) ?? view.rangeOfNode(view.node(['partner', 'organization'])) ?? ZERO;
  return { range, lines: noteLines(file) };
}

function noteLines(file: ParsedFile): Record<string, number> {
  const out: Record<string, number> = {};
  const notes = new YamlView(file).node(['notes']);
  if (notes?.kind !== 'map') return out;
  const line = (node: PosNode | undefined) => (node ? file.lines.linePos(node.range[0]).line : undefined);
  for (const pair of notes.pairs) {
    const key = pair.key?.kind === 'scalar' ? String(pair.keyValue) : undefined;
    if (!key) continue;
    if (pair.value?.kind === 'seq') {
      pair.value.items.forEach((item, i) => {
        const l = line(item);
        if (l) out[`notes.${key}.${i}`] = l;
      });
    } else {
      const l = line(pair.value);
      if (l) out[`notes.${key}`] = l;
    }
  }
  return out;
}

function readMeeting(data: Record<string, unknown>): MeetingFacts | undefined {
  const organization = text(field(data, 'partner', 'organization'));
  const partnerId = text(field(data, 'partner', 'id')) ?? (organization ? slugify(organization) : undefined);
  if (!partnerId) return undefined;
  const date = field(data, 'meeting', 'date');
  const ns = field(data, 'next_step');
  const action = text(field(ns, 'action'));
  const followUp = field(data, 'follow_up', 'date');
  const minutes = field(data, 'meeting', 'duration_minutes');
  return {
    partnerId,
    organization,
    community: text(field(data, 'partner', 'community')),
    status: text(data.status),
    round: text(data.round),
    date: isIsoDate(date) ? date : undefined,
    durationMinutes: typeof minutes === 'number' ? minutes : undefined,
    successInTheirWords: text(field(data, 'notes', 'success_in_their_words')),
    confirmation: text(field(data, 'confirmation', 'statement')),
    nextStep: action
      ? { action, servesGoal: text(field(ns, 'serves_goal')), owner: text(field(ns, 'owner')), due: text(field(ns, 'due')), status: text(field(ns, 'status')) }
      : undefined,
    followUpDate: isIsoDate(followUp) ? followUp : undefined,
  };
}

/** People ids used anywhere (attendees, owners), for completion. */
export function peopleIds(index: WorkspaceIndex): string[] {
  const ids = new Set<string>();
  for (const d of index.documents()) {
    const data = d.data;
    for (const a of list(field(data, 'meeting', 'our_attendees'))) if (typeof a === 'string') ids.add(a);
    for (const path of [['next_step', 'owner'], ['follow_up', 'owner'], ['coordinator', 'person']]) {
      const v = text(field(data, ...path));
      if (v) ids.add(v);
    }
    for (const c of list(field(data, 'commitments'))) {
      const o = text(field(c, 'owner'));
      if (o) ids.add(o);
    }
    for (const a of list(field(data, 'attendees'))) if (typeof a === 'string') ids.add(a);
  }
  return [...ids].sort();
}

async function forEachLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
