// The workspace index: every worksheet, convening, review and settings file by
// URI, the partners and rounds they describe, and the facts cross-file rules
// need. Updates are incremental: one document in, the set of URIs whose
// findings may have changed out.
import type { FileKind, Finding, FileSystem } from '../types';
import { parseFile } from '../yaml';
import type { TeamConfig } from '../facts';
import { DEFAULT_CONFIG } from '../facts';
import { checkParsed } from '../check';
import type { MeetingRef, WorkspaceFacts } from '../rules/rule';
import { dirname, isUnder } from '../paths';
import { kindOfFile } from '../kinds';
import { decodeText } from '../decode';
import type { IndexedDocument, Meeting } from './indexed-document';
import { IndexedDoc, structuralKey } from './indexed-document';
import type { IndexSnapshot, SnapshotEntry } from './snapshot';
import { SNAPSHOT_VERSION, entriesOf } from './snapshot';
import { SummaryCache } from '../summary/cache';
import type { Vocabulary } from './vocabulary';
import { namesIn } from './vocabulary';

export interface Partner {
  id: string;
  organization: string;
  community: string | undefined;
  /** Newest first. */
  meetings: Meeting[];
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
  /** Files that could not be read, with the reason: left out of the index, not read as empty. */
  unreadable: { uri: string; reason: string }[];
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
  private vocabularyCache: Vocabulary | undefined;
  /** What the team review keeps between runs; told of every document replaced or removed. */
  readonly summaryCache = new SummaryCache();

  constructor(private readonly today: () => string) {}

  // ---- updates -------------------------------------------------------------

  /** Add or replace a document. Files of no known kind are ignored. */
  set(uri: string, text: string): IndexChange {
    const kind = kindOfFile(uri);
    if (!kind) return { affected: [], structure: false };
    const before = this.docs.get(uri);
    if (before && before.text === text) return { affected: [], structure: false };
    const doc = IndexedDoc.read(uri, kind, text);
    if (before) this.summaryCache.forget(before);
    this.put(doc);
    const structure = !before || structuralKey(before) !== structuralKey(doc);
    return this.changed(uri, kind, structure);
  }

  delete(uri: string): IndexChange {
    const before = this.docs.get(uri);
    if (!before) return { affected: [], structure: false };
    this.docs.delete(uri);
    this.dependents.delete(uri);
    this.summaryCache.forget(before);
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
    // Rounds read reviews' dates too; the vocabulary reads every kind.
    this.roundsCache = undefined;
    this.vocabularyCache = undefined;
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
   * Read every candidate file below `rootUri`; an unreadable file is listed in
   * the result (not indexed as empty, which would call it an empty worksheet),
   * not thrown. With a snapshot and a file system
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
    const unreadable: LoadResult['unreadable'] = [];
    let done = 0;
    await forEachLimit(toRead, 16, async (uri) => {
      let content: string | undefined;
      try {
        content = decodeText(await fs.readFile(uri));
      } catch (e) {
        unreadable.push({ uri, reason: e instanceof Error ? e.message : String(e) });
      }
      if (content !== undefined) this.set(uri, content);
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
    this.vocabularyCache = undefined;
    this.findingsCache.clear();
    this.summaryCache.clear();
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
      if (d.kind === 'review') note(d.round, d.date);
    }
    return [...first.entries()].sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0])).map(([r]) => r);
  }

  /** What completion offers from the workspace; kept until a document changes. */
  vocabulary(): Vocabulary {
    this.vocabularyCache ??= {
      partners: this.partners().map((p) => ({ id: p.id, organization: p.organization, meetings: p.meetings.length })),
      ...namesIn(this.docs.values()),
      rounds: this.rounds(),
    };
    return this.vocabularyCache;
  }

  /** The settings that apply to a file: the nearest `partner-worksheets.yaml` above it. */
  configFor(uri: string): TeamConfig {
    let best: IndexedDocument | undefined;
    for (const d of this.docs.values()) {
      if (d.kind !== 'config') continue;
      const folder = dirname(d.uri);
      if (!isUnder(uri, folder)) continue;
      const deeper = !best || dirname(best.uri).length < folder.length;
      // Both names in one folder: `.yaml` wins, whatever order the files were read in (the other gets a finding).
      const sameFolderPreferred = best !== undefined && dirname(best.uri) === folder && d.uri.endsWith('.yaml') && !best.uri.endsWith('.yaml');
      if (deeper || sameFolderPreferred) best = d;
    }
    const facts = best?.facts;
    return facts?.kind === 'config' ? facts.config : DEFAULT_CONFIG;
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
    const indexed = doc !== undefined && content === doc.text;
    // The parse a check makes anyway gives the indexed text its positions.
    if (indexed) doc.adopt(file);
    const result = checkParsed(file, {
      today: this.today(),
      config: this.configFor(uri),
      workspace: this,
      skipSchema: options.skipSchema,
      facts: indexed ? doc.facts : undefined,
    }).findings;
    const ignored = this.ignoredSettings(uri);
    if (ignored) result.unshift(ignored);
    if (useCache && doc) this.findingsCache.set(cacheKey, result);
    return result;
  }

  /** A `partner-worksheets.yml` beside a `.yaml` one is never read: say so on it. */
  private ignoredSettings(uri: string): Finding | undefined {
    if (kindOfFile(uri) !== 'config' || !/\.yml$/i.test(uri)) return undefined;
    const preferred = `${uri.slice(0, -4)}.yaml`;
    if (!this.docs.has(preferred)) return undefined;
    return {
      code: 'schema',
      severity: 'warning',
      message: 'partner-worksheets.yaml is in the same folder, and only it is read: these settings are ignored. Merge them into partner-worksheets.yaml and delete this file.',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    };
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

/** The document of a snapshot entry whose file has not changed since. */
function revive(entries: Map<string, SnapshotEntry>, uri: string, stamp: string): IndexedDoc | undefined {
  const entry = entries.get(uri);
  const kind = kindOfFile(uri);
  return entry && kind && entry.stamp === stamp ? IndexedDoc.restore(entry, kind) : undefined;
}

async function forEachLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
