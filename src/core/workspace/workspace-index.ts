// The workspace index: every worksheet, convening, review and settings file by
// URI, the partners and rounds they describe, and the facts cross-file rules
// need. Updates are incremental: one document in, the set of URIs whose
// findings may have changed out.
import type { FileKind, Finding, FileSystem } from '../types';
import type { ParsedFile } from '../yaml';
import { AnswerPool, AnsweredView, ParsedOnDemand, YamlView, parseFile, recordAnswers, sameRange, withLineEnds } from '../yaml';
import type { TeamConfig } from '../facts';
import { DEFAULT_CONFIG, isBlock } from '../facts';
import { NO_DIRECTIVES, checkParsed, checkWorkspaceRules } from '../check';
import type { MeetingRef, WorkspaceOverview } from '../rules/rule';
import { worksheetsWorkspaceRulesMayFlag } from '../rules';
import { dirname, isUnder } from '../paths';
import { forEachLimit } from '../concurrency';
import { kindOfFile } from '../kinds';
import { isIsoDate } from '../dates';
import { decodeText } from '../decode';
import { byCodeUnit } from '../order';
import type { IndexedDocument, Meeting } from './indexed-document';
import { IndexedDoc, structuralKey } from './indexed-document';
import type { IndexSnapshot, SnapshotEntry } from './snapshot';
import { SNAPSHOT_VERSION, entriesOf } from './snapshot';
import { SummaryCache } from '../summary/cache';
import type { Vocabulary } from './vocabulary';
import { namesIn } from './vocabulary';
import type { Identity } from './identity';
import { buildIdentity, organizationKey, resolveAlias, roundsAlike, roundsNear } from './identity';
import { DayWriteUps } from './write-ups';

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
  /**
   * A persisted snapshot (see snapshot()): files whose stamp still matches
   * are not read again. Or a promise of one, awaited once every file is
   * found and stamped, so that it is read meanwhile.
   */
  snapshot?: unknown;
  /** Called with each file once it is in the index (not for files taken from the snapshot). */
  onRead?: (uri: string) => void;
  /**
   * Let timers and other work in after this many milliseconds of reading
   * (default LOAD_SLICE_MS). Reads that resolve at once (a fast or in-memory
   * file system) would otherwise hold the thread until the whole folder is
   * in: in the extension host, no diagnostics batch, hover or completion
   * would run meanwhile. Infinity: never (the command line, where nothing
   * else waits).
   */
  sliceMs?: number;
}

/** The stamp of a file the file system gave none for: never one a snapshot's entry matches. */
const UNKNOWN_STAMP = 'unknown';

/** How long a folder's load reads before it lets other work in. */
export const LOAD_SLICE_MS = 50;

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
  /**
   * false: a caller that asks once per file (the CLI's check) keeps the
   * findings itself; they are not cached, and a worksheet's facts read for
   * the check are let go (read again from the text if anything asks), so the
   * memory held does not grow with what every file's check read.
   */
  retain?: boolean;
  /**
   * Only the rules that read this file alone: none that asks other files
   * (rule.crossFile), so nothing workspace-wide is worked out. The findings
   * are not cached. The CLI, and the diagnostics while the workspace first
   * loads, check each worksheet this way as it is read, and again with every
   * rule only where mayBeFlaggedByWorkspaceRules() says the cross-file rules may have
   * something to say.
   */
  local?: boolean;
  /**
   * false: without quick fixes (CheckOptions.fixes), for a caller that shows
   * none: the diagnostics of closed files, the tree's and the review's gap
   * counts. Such findings are cached apart from those with fixes, and a
   * check without fixes takes the findings with fixes when they are cached.
   */
  fixes?: boolean;
  /** false: without related locations (CheckOptions.related); such findings are not cached either. */
  related?: boolean;
  /** Only the rules whose findings depend on other files (CheckOptions.onlyWorkspaceRules); not cached. */
  onlyWorkspaceRules?: boolean;
  /** With onlyWorkspaceRules: only these of them (CheckOptions.onlyCodes), as mayBeFlaggedByWorkspaceRules() gives them. */
  onlyCodes?: ReadonlySet<string>;
  /**
   * Keep, from this check's parse of a worksheet, what the rules that read
   * the workspace will ask of its view (recordAnswers): a later check with
   * onlyWorkspaceRules of the same text then needs no parse. For a caller
   * that checks every worksheet once, then some again (the CLI).
   */
  recordAnswers?: boolean;
}

export interface IndexOptions {
  /**
   * Every document set will be checked soon after (the CLI's check, the
   * extension's diagnostics): read each with the parse a check needs and keep
   * that parse until its check, so a file is parsed once, not twice. Only the
   * latest parses are kept (FRESH_PARSES), which bounds the memory it takes.
   */
  checkEvery?: boolean;
  /**
   * false: nothing will ask where a meeting or its notes are (the CLI), so
   * the parses made for checks are not mined for positions ahead of time.
   * They are still made, by a parse of their own, if anything asks.
   */
  positions?: boolean;
}

/**
 * The options of a caller that reads findings but offers no quick fix (gap
 * counts, the review's and the history's lists of gaps): it takes whatever
 * findings are cached, with fixes or without.
 */
export const NO_FIXES: CheckDocumentOptions = Object.freeze({ fixes: false });

/** How many parses made by set() wait for their check (see IndexOptions.checkEvery). */
const FRESH_PARSES = 4096;

export class WorkspaceIndex implements WorkspaceOverview {
  private readonly docs = new Map<string, IndexedDoc>();
  /** Convenings and reviews: what cross-file rules re-check when a worksheet's structure changes. */
  private readonly dependents = new Set<string>();
  /**
   * Worksheets with no round (or no meeting to read one from): missing-round
   * offers the rounds of their neighbours by date, so their findings depend
   * on every other worksheet's round and date.
   */
  private readonly roundless = new Set<string>();
  private readonly listeners = new Set<Listener>();
  private readonly findingsCache = new FindingsCache();
  /**
   * For a file, the files whose cached findings point into it (related
   * locations: the meeting a partner-renamed or a convening's finding names).
   * An edit that moves what they point at (a line added above the partner, an
   * id written another way) announces them too.
   */
  private readonly pointedAtBy = new Map<string, Set<string>>();
  /**
   * Set while loadFolder indexes a file it read: a new file of a bulk load
   * does not look for the worksheets it shares a name, an id or a round with
   * (that needs the identity maps, rebuilt after every file: quadratic in a
   * load). loadFolder settles those once, when it ends (settleIdentity).
   */
  private loadingFile = false;
  private partnersCache: Map<string, Partner> | undefined;
  /** Each partner's meetings of each day (`id\ndate`), put in write order when first asked for; forgotten with the meetings. */
  private daysCache: Map<string, MeetingRef[] | DayWriteUps> | undefined;
  private laterWriteUpsCache: Set<string> | undefined;
  /** The same partners in name order, asked for by the tree and the review, not by a check. */
  private partnersByName: Partner[] | undefined;
  // The review asks for every meeting and the rounds on each update: kept until a document changes.
  private meetingsCache: Meeting[] | undefined;
  /** The partner ids: what cross-file rules ask per file, kept with the meetings. */
  private partnerIdsCache: string[] | undefined;
  private roundsCache: string[] | undefined;
  /** Settings files by their folder, in the order they were indexed: configFor looks up these few, not every document. */
  private readonly configDocs = new Map<string, IndexedDoc[]>();
  /** The settings that apply in a folder, resolved once per folder until a settings file changes. */
  private readonly configByFolder = new Map<string, TeamConfig>();
  private vocabularyCache: Vocabulary | undefined;
  private identityCache: Identity | undefined;
  private roundMeetingsCache: Map<string, Meeting[]> | undefined;
  private aliasesCache: Record<string, string> | undefined;
  /** What the team review keeps between runs; told of every document replaced or removed. */
  readonly summaryCache = new SummaryCache();

  /** What worksheets' checks recorded for a later check by the workspace rules alone (recordAnswers): made for the first. */
  private answers: AnswerPool | undefined;
  /** Parses made by set() that no check has used yet, oldest first. */
  private readonly fresh = new Map<string, ParsedFile>();

  constructor(private readonly today: () => string, private readonly options: IndexOptions = {}) {}

  // ---- updates -------------------------------------------------------------

  /** Add or replace a document. Files of no known kind are ignored. */
  set(uri: string, written: string): IndexChange {
    const kind = kindOfFile(uri);
    if (!kind) return { affected: [], structure: false };
    // Lines that end in a carriage return alone become line feeds here, once, as VS Code reads
    // them: every later reading (the parse, the review's line search, the recorded answers) counts lines alike.
    const text = withLineEnds(written);
    const before = this.docs.get(uri);
    if (before && before.text === text) return { affected: [], structure: false };
    let doc: IndexedDoc;
    if (this.options.checkEvery) {
      const file = parseFile(uri, text);
      doc = IndexedDoc.read(uri, kind, text, file, this.options.positions !== false);
      this.fresh.delete(uri);
      this.fresh.set(uri, file);
      if (this.fresh.size > FRESH_PARSES) this.fresh.delete(this.fresh.keys().next().value!);
    } else {
      doc = IndexedDoc.read(uri, kind, text);
    }
    if (before) this.summaryCache.forget(before);
    this.put(doc);
    const structure = !before || structuralKey(before) !== structuralKey(doc);
    return this.changed(uri, kind, structure, before?.meeting, doc.meeting);
  }

  delete(uri: string): IndexChange {
    const before = this.docs.get(uri);
    if (!before) return { affected: [], structure: false };
    this.docs.delete(uri);
    this.dependents.delete(uri);
    this.roundless.delete(uri);
    this.fresh.delete(uri);
    if (before.kind === 'config') this.unlistConfig(before);
    this.summaryCache.forget(before);
    this.forget(uri);
    const change = this.changed(uri, before.kind, true, before.meeting, undefined);
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
    const before = this.docs.get(doc.uri);
    this.docs.set(doc.uri, doc);
    if (doc.kind === 'convening' || doc.kind === 'review') this.dependents.add(doc.uri);
    if (doc.kind === 'worksheet' && doc.meeting?.round === undefined) this.roundless.add(doc.uri);
    else this.roundless.delete(doc.uri);
    if (doc.kind === 'config') {
      const folder = dirname(doc.uri);
      const list = this.configDocs.get(folder) ?? [];
      const at = before ? list.indexOf(before) : -1;
      if (at >= 0) list[at] = doc;
      else list.push(doc);
      this.configDocs.set(folder, list);
      this.configByFolder.clear();
    }
  }

  private unlistConfig(doc: IndexedDoc): void {
    const folder = dirname(doc.uri);
    const list = (this.configDocs.get(folder) ?? []).filter((d) => d !== doc);
    if (list.length) this.configDocs.set(folder, list);
    else this.configDocs.delete(folder);
    this.configByFolder.clear();
  }

  /** Forget what is derived from the meetings (partners, rounds, lookups). */
  private forgetMeetings(): void {
    this.partnersCache = undefined;
    this.daysCache = undefined;
    this.laterWriteUpsCache = undefined;
    this.partnersByName = undefined;
    this.meetingsCache = undefined;
    this.partnerIdsCache = undefined;
    this.identityCache = undefined;
    this.roundMeetingsCache = undefined;
  }

  /**
   * Put a worksheet's new meeting in the old one's place, in every list and
   * map built from the meetings, when its change left what groups meetings
   * as it was (its structural key: partner, organisation, round, date,
   * status). Rebuilding them (identity, partners, rounds) is most of what an
   * edit costs in a big workspace, on every keystroke. Returns false when the
   * meetings were not built, or the old one is not where it should be: then
   * they are built again when next asked for.
   */
  private swapMeeting(before: Meeting | undefined, after: Meeting | undefined): boolean {
    if (!before && !after) return true;
    if (!before || !after || !this.meetingsCache) return false;
    const at = this.meetingsCache.indexOf(before);
    if (at < 0) return false;
    const fresh = after as Meeting & { writtenId?: string };
    // As meetings() does: the id after the aliases, which the structural key kept equal.
    if (fresh.writtenId !== undefined) fresh.partnerId = resolveAlias(this.aliases(), fresh.writtenId);
    if (fresh.partnerId !== before.partnerId) return false;
    const swap = <T extends { first?: Meeting; example?: Meeting }>(items: Iterable<T> | undefined) => {
      for (const item of items ?? []) {
        if (item.first === before) item.first = after;
        if (item.example === before) item.example = after;
      }
    };
    this.meetingsCache[at] = after;
    const partner = this.partnersCache?.get(before.partnerId);
    if (partner) {
      const i = partner.meetings.indexOf(before);
      if (i >= 0) partner.meetings[i] = after;
      // The community is no part of the structural key.
      partner.community = partner.meetings.find((m) => m.community)?.community;
    }
    const round = this.roundMeetingsCache?.get(before.round ?? '');
    if (round) {
      const i = round.indexOf(before);
      if (i >= 0) round[i] = after;
    }
    if (this.identityCache) {
      for (const list of this.identityCache.idsByName.values()) swap(list);
      for (const list of this.identityCache.namesById.values()) swap(list);
      swap(this.identityCache.lookalikes.values());
    }
    return true;
  }

  /** Drop a document's cached findings, with and without schema findings. */
  private forget(uri: string): void {
    // Nothing kept (the command line's check keeps none): a folder's load tells every convening and review per worksheet read.
    if (this.findingsCache.size === 0) return;
    this.findingsCache.delete(uri);
  }

  /** Whether any findings of this file are cached. */
  private cached(uri: string): boolean {
    return this.findingsCache.has(uri);
  }

  private changed(uri: string, kind: FileKind, structure: boolean, before?: Meeting, after?: Meeting): IndexChange {
    // Worksheets whose identity and round findings may change: found in the maps of before the change.
    // Nothing checked yet (a folder loading): nothing to tell apart, and no maps to build per file.
    const tracking = kind === 'worksheet' && structure && this.findingsCache.size > 0 && !(this.loadingFile && !before);
    // The offers as the cached findings were made, so only from who is who built before this
    // change (a rebuild now would read the changed worksheet): without it, all are announced.
    const offered = tracking && this.identityCache ? this.roundlessOffers() : undefined;
    const related = tracking ? this.relatedTo([before, after]) : [];
    // Partners carry their meetings' facts (next step, confirmation): a worksheet's new meeting takes the
    // old one's place in them, or, when what groups meetings changed, they are built again.
    // Settings carry the aliases that join partner ids.
    if (structure || kind === 'config') this.forgetMeetings();
    else if (kind === 'worksheet' && !this.swapMeeting(before, after)) this.forgetMeetings();
    if (kind === 'config') this.aliasesCache = undefined;
    // Rounds read the rounds and dates of worksheets and reviews, all in the structural key; the vocabulary reads every kind.
    if (structure) this.roundsCache = undefined;
    this.vocabularyCache = undefined;
    let affected: string[];
    // Related locations lead to a worksheet's meeting: only where it moved (or went) are they out of date.
    // Every keystroke in a meeting a review lists would otherwise check that review again.
    let pointing = this.pointedAtBy.get(uri);
    if (pointing && (before === after || (before && after && sameRange(before.range, after.range)))) pointing = undefined;
    if (pointing) this.pointedAtBy.delete(uri);
    if (kind === 'config') {
      // Severities and thresholds apply to every file below the settings file.
      const folder = dirname(uri);
      const below = new Set<string>([uri]);
      for (const u of this.docs.keys()) if (isUnder(u, folder)) below.add(u);
      affected = [...below];
    } else if (kind === 'worksheet' && structure) {
      // Cross-file rules read partners, statuses and rounds of worksheets: every
      // convening and review (never a worksheet, so no list holds one twice)...
      if (!tracking) affected = [uri, ...this.dependents];
      // ...and the maps after it: the worksheets now sharing a name, an id or a round with it,
      // and those with no round that are now offered other rounds.
      else affected = [...new Set<string>([uri, ...this.dependents, ...related, ...this.relatedTo([after]), ...(offered ? this.offerChanged(offered) : this.roundless)])];
    } else {
      affected = [uri];
    }
    if (pointing) affected = [...new Set([...affected, ...pointing])];
    for (const u of affected) this.forget(u);
    const change = { affected, structure };
    for (const l of this.listeners) l(change);
    return change;
  }

  /**
   * The worksheets with no round offered other rounds than before
   * (roundlessOffers of before the change), and those that name no partner:
   * the index keeps no meeting for them, so no date to tell by.
   */
  private offerChanged(before: Map<string, string>): string[] {
    if (this.roundless.size === 0) return [];
    const after = this.roundlessOffers();
    const out: string[] = [];
    for (const u of this.roundless) {
      const meeting = this.docs.get(u)?.meeting;
      if (!meeting || (meeting.date !== undefined && before.get(meeting.date) !== after.get(meeting.date))) out.push(u);
    }
    return out;
  }

  /**
   * After a bulk load: the worksheets whose identity or round findings depend
   * on others may have been checked before those others were read. Their
   * cached findings are dropped and they are announced as changed.
   */
  private settleIdentity(): void {
    if (this.findingsCache.size === 0) return;
    const concerned = [...this.mayBeFlaggedByWorkspaceRules().keys()].filter((u) => this.cached(u));
    if (concerned.length === 0) return;
    for (const u of concerned) this.forget(u);
    const change = { affected: concerned, structure: false };
    for (const l of this.listeners) l(change);
  }

  /** Forget cached findings (when "today" moves on, or settings outside the index change). */
  invalidate(): void {
    this.findingsCache.clear();
    this.pointedAtBy.clear();
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
    const takeStamp = async (u: string) => { stamps.set(u, (await fs.stamp?.(u).catch(() => undefined)) ?? UNKNOWN_STAMP); };
    let toRead = uris;
    if (fs.stamp && opts.snapshot !== undefined) {
      // Every stamp first: they tell which files the snapshot still holds.
      if (fs.stamps) {
        const taken = await fs.stamps(uris);
        uris.forEach((u, i) => stamps.set(u, taken[i] ?? UNKNOWN_STAMP));
      } else {
        await forEachLimit(uris, 32, takeStamp);
      }
      toRead = this.restore(await opts.snapshot, stamps);
    }
    // Without a snapshot each file's stamp is taken after its read, which the
    // file system may answer with the stat it took before reading (one round
    // trip fewer per file in a remote workspace).
    const stampAfterRead = fs.stamp !== undefined && opts.snapshot === undefined;
    // Settings first, all of them: every other file's findings depend on them,
    // so a file checked as soon as it is read (onRead) is checked once.
    // Convenings and reviews last: each worksheet read names every one read
    // before it among the files it affects (they read every worksheet), and
    // 500 convenings read first made 10,000 worksheets name 5 million.
    const settings: string[] = [];
    const rest: string[] = [];
    const dependents: string[] = [];
    for (const u of toRead) {
      const kind = kindOfFile(u);
      (kind === 'config' ? settings : kind === 'convening' || kind === 'review' ? dependents : rest).push(u);
    }
    rest.push(...dependents);
    fs.willRead?.([...settings, ...rest]);
    const unreadable: LoadResult['unreadable'] = [];
    let done = 0;
    const total = toRead.length;
    const sliceMs = opts.sliceMs ?? LOAD_SLICE_MS;
    let sliceStart = Date.now();
    let pause: Promise<void> | undefined;
    const read = async (uri: string) => {
      // Every concurrent read waits on the same pause, so the thread is free until a timer ends it.
      if (!pause && Date.now() - sliceStart >= sliceMs) {
        pause = new Promise<void>((resume) => setTimeout(resume, 0)).then(() => {
          pause = undefined;
          sliceStart = Date.now();
        });
      }
      if (pause) await pause;
      let content: string | undefined;
      try {
        content = fs.readText ? await fs.readText(uri) : decodeText(await fs.readFile(uri));
      } catch (e) {
        unreadable.push({ uri, reason: e instanceof Error ? e.message : String(e) });
      }
      if (stampAfterRead) await takeStamp(uri);
      if (content !== undefined) {
        this.loadingFile = true;
        try {
          this.set(uri, content);
        } finally {
          this.loadingFile = false;
        }
        opts.onRead?.(uri);
      }
      opts.onProgress?.(++done, total);
    };
    await forEachLimit(settings, 16, read);
    // Many reads at once: in a remote workbench each is a round trip, and the
    // host waits on them (16 at a time, it sat idle two thirds of the load).
    await forEachLimit(rest, 64, read);
    this.settleIdentity();
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
      if (stamp === undefined || stamp === UNKNOWN_STAMP) continue;
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
    const taken = new Set<string>();
    // In snapshot order, as the documents were indexed. A file that could not be stamped is read, whatever the snapshot holds.
    for (const entry of entries) {
      const uri = entry.uri;
      const stamp = current.get(uri);
      if (stamp !== entry.stamp || stamp === UNKNOWN_STAMP) continue;
      const kind = kindOfFile(uri);
      if (!kind) continue;
      this.put(IndexedDoc.restore(entry, kind));
      taken.add(uri);
    }
    this.forgetMeetings();
    this.roundsCache = undefined;
    this.vocabularyCache = undefined;
    this.aliasesCache = undefined;
    this.findingsCache.clear();
    this.pointedAtBy.clear();
    this.summaryCache.clear();
    // Every file taken (only files stamped now can be): most reopenings, and no walk over them.
    return taken.size === current.size ? [] : [...current.keys()].filter((u) => !taken.has(u));
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

  /** Every meeting, in index order, its partner id taken through the aliases. Kept until a worksheet changes: not a copy, so read it, do not change it. */
  meetings(): readonly Meeting[] {
    if (!this.meetingsCache) {
      const aliases = this.aliases();
      const list: Meeting[] = [];
      for (const d of this.docs.values()) {
        const m = d.kind === 'worksheet' ? (d.meeting as (Meeting & { writtenId?: string }) | undefined) : undefined;
        if (!m) continue;
        // The id after the aliases, set on the meeting so partners, rules and the review all group by it.
        if (m.writtenId !== undefined) m.partnerId = resolveAlias(aliases, m.writtenId);
        list.push(m);
      }
      this.meetingsCache = list;
    }
    return this.meetingsCache;
  }

  /**
   * The worksheets that give no meeting: a file that could not be read (not
   * UTF-8, binary, an alias bomb, too large) or names no partner. They are in
   * no partner's meetings and no round, so the review lists them among its gaps
   * rather than leave them out without a word. A walk over the documents, not
   * kept: a few dozen microseconds at 10,000 files, once per review.
   */
  worksheetsWithoutMeeting(): IndexedDocument[] {
    const out: IndexedDocument[] = [];
    for (const d of this.docs.values()) if (d.kind === 'worksheet' && !d.meeting) out.push(d);
    return out;
  }

  /** Old partner id -> current id, from every settings file of the index. */
  aliases(): Readonly<Record<string, string>> {
    if (!this.aliasesCache) {
      const merged: Record<string, string> = Object.create(null) as Record<string, string>;
      for (const d of this.docs.values()) {
        if (d.kind === 'config' && d.facts.kind === 'config') Object.assign(merged, d.facts.config.aliases);
      }
      this.aliasesCache = merged;
    }
    return this.aliasesCache;
  }

  /** Who is who and which round is which: built once per change. */
  identity(): Identity {
    this.identityCache ??= buildIdentity(this.meetings());
    return this.identityCache;
  }

  /**
   * The worksheets whose identity or round findings may change with these
   * meetings: the same partner, the same organisation name, a lookalike round.
   * Map lookups on the maps as they stand. Worksheets with no round are told
   * apart by roundlessOffers.
   */
  private relatedTo(meetings: (Meeting | undefined)[]): string[] {
    const out = new Set<string>();
    const present = meetings.filter((m): m is Meeting => m !== undefined);
    if (present.length === 0) return [];
    const identity = this.identity();
    const partners = this.partnerMap();
    const rounds = this.roundMap();
    for (const m of present) {
      const ids = new Set([m.partnerId, this.canonicalPartner(m.partnerId)]);
      if (m.organization) for (const x of identity.idsByName.get(organizationKey(m.organization)) ?? []) ids.add(x.id);
      for (const id of ids) for (const o of partners.get(id)?.meetings ?? []) out.add(o.uri);
      if (m.round) {
        // A round's size matters only beside a lookalike: then both rounds' worksheets may change.
        const alike = [...identity.roundSizes.keys()].filter((r) => roundsAlike(r, m.round!));
        if (alike.length > 0) for (const r of [m.round, ...alike]) for (const o of rounds.get(r) ?? []) out.add(o.uri);
      }
    }
    return [...out];
  }

  /**
   * The rounds missing-round offers a worksheet with no round (the rounds of
   * the meetings nearest its date), by date, for the dates of those
   * worksheets: all that their findings read of the others. An edit changes
   * the findings of those whose offer it changes, which is few: announcing
   * every one of them after every edit of a meeting's date, round or partner
   * re-checked 3,400 worksheets, half a second, in a workspace of 10,000
   * where a third had no round. Worked out once per date, not per worksheet.
   */
  private roundlessOffers(): Map<string, string> {
    const offers = new Map<string, string>();
    if (this.roundless.size === 0) return offers;
    const identity = this.identity();
    for (const u of this.roundless) {
      const date = this.docs.get(u)?.meeting?.date;
      if (date !== undefined && !offers.has(date)) offers.set(date, roundsNear(identity, date).join('\n'));
    }
    return offers;
  }

  /**
   * The worksheets whose findings from the rules that read the workspace
   * depend on other worksheets as they stand: those the rules say they can
   * flag (Rule.mayFlag), a few in most workspaces, each with the codes of
   * the rules that can. A worksheet outside them gets the same findings from
   * those rules (none) whatever else is indexed, so it can be checked as soon
   * as it is read; one named gets none from the rules not named with it.
   * Each worksheet named is
   * checked again once a load is over: a typo of a round held by 5,000
   * meetings once made all 5,000 concerned, and the check of 10,000 took
   * twice the floor.
   */
  mayBeFlaggedByWorkspaceRules(): Map<string, ReadonlySet<string>> {
    return worksheetsWorkspaceRulesMayFlag(this, () => this.documents('worksheet').map((d) => d.uri));
  }

  /** Meetings by round ('' for none). */
  private roundMap(): Map<string, Meeting[]> {
    this.roundMeetingsCache ??= groupBy(this.meetings(), (m) => m.round ?? '');
    return this.roundMeetingsCache;
  }

  /** Every partner, by organisation name in the reader's order: a copy. */
  partners(): Partner[] {
    this.partnersByName ??= [...this.partnerMap().values()].sort((a, b) => a.organization.localeCompare(b.organization));
    return [...this.partnersByName];
  }

  /**
   * Partners by id, each with its meetings newest first. Not in name order:
   * the lookups (a partner, its meetings) need none, and sorting by name
   * takes the locale's collation, which costs a check of a whole workspace
   * more than the lookups (its set-up alone, 7 ms, once per process).
   */
  private partnerMap(): Map<string, Partner> {
    if (!this.partnersCache) {
      const newestFirst = (a: Meeting, b: Meeting) => byCodeUnit(b.date ?? '', a.date ?? '') || byCodeUnit(a.uri, b.uri);
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
        p.meetings.sort(newestFirst);
        // The newest meeting's names win: organisations get renamed.
        const newest = p.meetings.find((m) => m.organization);
        if (newest?.organization) p.organization = newest.organization;
        p.community = p.meetings.find((m) => m.community)?.community;
      }
      this.partnersCache = map;
    }
    return this.partnersCache;
  }

  partner(id: string): Partner | undefined {
    return this.partnerMap().get(id);
  }

  /**
   * Rounds, oldest first: by the date of their middle meeting (the median of
   * their dated meetings), then name. Not the earliest: one date mistyped
   * (`2006-10-14` in an autumn-2026 round) made the round the oldest, and the
   * review then took another round as the latest. A review's date places only
   * a round that has no dated meeting: a review dated a year off, or one
   * written before any meeting, must not reorder the rounds. Kept until a
   * document changes: read it, do not change it.
   */
  rounds(): readonly string[] {
    this.roundsCache ??= this.readRounds();
    return this.roundsCache;
  }

  private readRounds(): string[] {
    const dated = new Map<string, string[]>();
    const byReview = new Map<string, string>();
    for (const d of this.docs.values()) {
      if (d.kind === 'worksheet') {
        const round = d.meeting?.round;
        if (!round) continue;
        let dates = dated.get(round);
        if (!dates) dated.set(round, (dates = []));
        const date = d.meeting?.date;
        if (date !== undefined) dates.push(date);
      } else if (d.kind === 'review' && d.round) {
        const date = isIsoDate(d.date) ? d.date : '9999-12-31';
        const cur = byReview.get(d.round);
        if (cur === undefined || date < cur) byReview.set(d.round, date);
      }
    }
    const at = new Map<string, string>();
    for (const [round, dates] of dated) {
      // The lower middle: a round of two meetings is placed by its first, as before.
      at.set(round, dates.length ? dates.sort(byCodeUnit)[(dates.length - 1) >> 1] : byReview.get(round) ?? '9999-12-31');
    }
    for (const [round, date] of byReview) if (!at.has(round)) at.set(round, date);
    return [...at.entries()].sort((a, b) => byCodeUnit(a[1], b[1]) || byCodeUnit(a[0], b[0])).map(([r]) => r);
  }

  /** What completion offers from the workspace; kept until a document changes. */
  vocabulary(): Vocabulary {
    this.vocabularyCache ??= {
      partners: this.partners().map((p) => ({ id: p.id, organization: p.organization, meetings: p.meetings.length })),
      ...namesIn(this.docs.values()),
      rounds: [...this.rounds()],
    };
    return this.vocabularyCache;
  }

  /** The settings that apply to a file: the nearest `partner-worksheets.yaml` above it. */
  configFor(uri: string): TeamConfig {
    // Resolved once per folder: every file of a folder shares its settings.
    const dir = dirname(uri);
    let config = this.configByFolder.get(dir);
    if (!config) {
      let best: IndexedDocument | undefined;
      let bestLength = -1;
      // Settings files are few (one per team folder): scan those, not the documents.
      for (const [folder, list] of this.configDocs) {
        if (isUnder(uri, folder) && folder.length > bestLength) {
          // Both names in one folder: `.yaml` wins, whatever order the files were read in (the other gets a finding).
          best = list.find((d) => /\.yaml$/i.test(d.uri)) ?? list[0];
          bestLength = folder.length;
        }
      }
      const facts = best?.facts;
      config = facts?.kind === 'config' ? facts.config : DEFAULT_CONFIG;
      this.configByFolder.set(dir, config);
    }
    return config;
  }

  /** Every finding for one document, cross-file rules included. */
  check(uri: string, options: CheckDocumentOptions = {}): Finding[] {
    const doc = this.docs.get(uri);
    const useCache = !options.local && !options.onlyWorkspaceRules && options.related !== false && (options.text === undefined || options.text === doc?.text);
    const skip = options.skipSchema === true;
    const withFixes = options.fixes !== false;
    if (useCache) {
      // Findings with fixes serve a caller that shows none as well.
      const hit = this.findingsCache.get(uri, skip, true) ?? (withFixes ? undefined : this.findingsCache.get(uri, skip, false));
      if (hit) return hit;
    }
    const content = options.text ?? doc?.text;
    if (content === undefined) return [];
    if (options.onlyWorkspaceRules && doc?.answersAt !== undefined && content === doc.text) {
      // Checked before with recordAnswers: its view's answers and its meeting stand in for a second parse.
      const facts = doc.factsOfMeeting();
      if (facts) {
        const file = new ParsedOnDemand(uri, content, 'worksheet');
        const workspaceOnly = { today: this.today(), config: this.configFor(uri), workspace: this, fixes: options.fixes, related: options.related, onlyCodes: options.onlyCodes };
        return checkWorkspaceRules(file, new AnsweredView(file, this.answers!.data, doc.answersAt), facts, workspaceOnly, doc.disabledByComments);
      }
    }
    // The parse set() made of this very text, if it is still waiting: used once, then let go.
    const waiting = this.fresh.get(uri);
    if (waiting) this.fresh.delete(uri);
    const file = waiting && waiting.text === content ? waiting : parseFile(uri, content);
    const indexed = doc !== undefined && content === doc.text;
    // The parse a check makes anyway gives the indexed text its positions.
    if (indexed) doc.adopt(file, this.options.positions !== false);
    const checked = checkParsed(file, {
      today: this.today(),
      config: this.configFor(uri),
      workspace: options.local ? undefined : this,
      skipSchema: options.skipSchema,
      fixes: options.fixes,
      related: options.related,
      onlyWorkspaceRules: options.onlyWorkspaceRules,
      onlyCodes: options.onlyCodes,
      facts: indexed ? doc.facts : undefined,
    });
    const result = checked.findings;
    // Recorded for a worksheet read as a block of fields without a problem: what checkWorkspaceRules takes for granted.
    if (options.recordAnswers && indexed && doc.kind === 'worksheet' && file.findings.length === 0 && isBlock(file.data)) {
      doc.answersAt = recordAnswers(new YamlView(file), (this.answers ??= new AnswerPool()));
      if (checked.disabled !== NO_DIRECTIVES) doc.disabledByComments = checked.disabled;
    }
    const ignored = options.onlyWorkspaceRules ? undefined : this.ignoredSettings(uri);
    if (ignored) result.unshift(ignored);
    if (options.retain === false) {
      if (indexed && doc.kind === 'worksheet') doc.release();
    } else if (useCache && doc) {
      this.findingsCache.set(uri, skip, withFixes, result);
      this.notePointers(uri, result);
    }
    return result;
  }

  /** Keeps which other files these findings of `uri` point into (pointedAtBy). */
  private notePointers(uri: string, findings: readonly Finding[]): void {
    for (const f of findings) {
      for (const r of f.related ?? []) {
        if (r.uri === uri) continue;
        let from = this.pointedAtBy.get(r.uri);
        if (!from) this.pointedAtBy.set(r.uri, (from = new Set()));
        from.add(uri);
      }
    }
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

  // ---- WorkspaceOverview -----------------------------------------------------

  *sharedNames(): Iterable<readonly { id: string; first: MeetingRef }[]> {
    for (const ids of this.identity().idsByName.values()) if (ids.length > 1) yield ids;
  }

  *renamedPartners(): Iterable<readonly { organization: string; first: MeetingRef }[]> {
    for (const names of this.identity().namesById.values()) if (names.length > 1) yield names;
  }

  laterWriteUps(): ReadonlySet<string> {
    if (!this.laterWriteUpsCache) {
      const later = new Set<string>();
      for (const [key, day] of this.days()) {
        if (day instanceof DayWriteUps || day.length > 1) for (const uri of this.dayOf(key)!.later()) later.add(uri);
      }
      this.laterWriteUpsCache = later;
    }
    return this.laterWriteUpsCache;
  }

  writeUpsOn(partnerId: string, date: string): DayWriteUps | undefined {
    return this.dayOf(`${this.canonicalPartner(partnerId)}\n${date}`);
  }

  private days(): Map<string, MeetingRef[] | DayWriteUps> {
    if (!this.daysCache) {
      const days = new Map<string, MeetingRef[] | DayWriteUps>();
      for (const m of this.meetings()) {
        if (m.date === undefined) continue;
        const key = `${m.partnerId}\n${m.date}`;
        const day = days.get(key) as MeetingRef[] | undefined;
        if (day) day.push(m);
        else days.set(key, [m]);
      }
      this.daysCache = days;
    }
    return this.daysCache;
  }

  private dayOf(key: string): DayWriteUps | undefined {
    const days = this.days();
    const day = days.get(key);
    if (day === undefined || day instanceof DayWriteUps) return day;
    const ordered = new DayWriteUps(day);
    days.set(key, ordered);
    return ordered;
  }

  lookalikeRounds(): Iterable<string> {
    return this.identity().lookalikes.keys();
  }

  unplacedWorksheets(): Iterable<string> {
    return this.roundless;
  }

  // ---- WorkspaceFacts --------------------------------------------------------

  knownPartner(id: string): boolean {
    return this.partner(this.canonicalPartner(id)) !== undefined;
  }

  meetingsOf(partnerId: string): MeetingRef[] {
    return this.partner(this.canonicalPartner(partnerId))?.meetings ?? [];
  }

  meetingsInRound(round: string): readonly MeetingRef[] {
    return this.roundMeetings(round);
  }

  /** The meetings of a round ('' for those of no round), as the index keeps them: not a copy. */
  roundMeetings(round: string): readonly Meeting[] {
    return this.roundMap().get(round) ?? [];
  }

  canonicalPartner(id: string): string {
    return resolveAlias(this.aliases(), id);
  }

  partnersNamed(organization: string): { id: string; first: MeetingRef }[] {
    return this.identity().idsByName.get(organizationKey(organization)) ?? [];
  }

  namesOf(partnerId: string): { organization: string; first: MeetingRef }[] {
    return this.identity().namesById.get(this.canonicalPartner(partnerId)) ?? [];
  }

  roundSize(round: string): number {
    return this.identity().roundSizes.get(round) ?? 0;
  }

  roundsWithMeetings(): string[] {
    return [...this.identity().roundSizes].sort((a, b) => b[1] - a[1] || byCodeUnit(a[0], b[0])).map(([r]) => r);
  }

  roundLookalike(round: string): { round: string; meetings: number; example: MeetingRef } | undefined {
    return this.identity().lookalikes.get(round);
  }

  roundsNear(date: string): string[] {
    return roundsNear(this.identity(), date);
  }

  partnerIds(): readonly string[] {
    this.partnerIdsCache ??= this.partners().map((p) => p.id);
    return this.partnerIdsCache;
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const l = map.get(k);
    if (l) l.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/**
 * The cached findings of each file: with the schema's findings or without
 * (skipSchema), with quick fixes or without, one map for each, keyed by the
 * URI itself. A key made of the URI and a prefix was a new string to hash at
 * each lookup: the team review asks for every file of a round on every update.
 */
class FindingsCache {
  private readonly maps = [new Map<string, Finding[]>(), new Map<string, Finding[]>(), new Map<string, Finding[]>(), new Map<string, Finding[]>()];

  private map(skipSchema: boolean, fixes: boolean): Map<string, Finding[]> {
    return this.maps[(skipSchema ? 2 : 0) + (fixes ? 0 : 1)];
  }

  get size(): number {
    return this.maps[0].size + this.maps[1].size + this.maps[2].size + this.maps[3].size;
  }

  get(uri: string, skipSchema: boolean, fixes: boolean): Finding[] | undefined {
    return this.map(skipSchema, fixes).get(uri);
  }

  set(uri: string, skipSchema: boolean, fixes: boolean, findings: Finding[]): void {
    this.map(skipSchema, fixes).set(uri, findings);
  }

  /** Whether any findings of the file are kept. */
  has(uri: string): boolean {
    return this.maps.some((m) => m.has(uri));
  }

  delete(uri: string): void {
    for (const m of this.maps) m.delete(uri);
  }

  clear(): void {
    for (const m of this.maps) m.clear();
  }
}
