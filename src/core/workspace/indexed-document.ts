// A document as the index keeps it: its text, its reading problems, what the
// index needs at once (a worksheet's meeting, a review's round and date, a
// convening's name) and, read or made when first asked for, its whole facts
// and its positions.
import type { FileKind, Finding, Range } from '../types';
import type { Disabled } from '../check';
import type { ParsedFile } from '../yaml';
import { ZERO_RANGE, parseFile, readData } from '../yaml';
import type { FileFacts, MeetingFacts, NextStepInfo } from '../facts';
import { isBlock, readFacts, readMeeting } from '../facts';
import type { SnapshotEntry } from './snapshot';
import { meetingOfRow, meetingRow } from './snapshot';
import type { Positions } from './positions';
import { locate } from './positions';

/** A meeting of the index: its facts, the file they come from and where its partner is named. */
export interface Meeting extends MeetingFacts {
  uri: string;
  /** The partner id as the worksheet writes it; `partnerId` is the id after the team's aliases. */
  writtenId?: string;
  /** Range of the partner id (or organization) in the file. */
  range: Range;
}

export interface IndexedDocument {
  uri: string;
  kind: FileKind;
  text: string;
  data: unknown;
  /** The facts of the document, read from its data once. */
  facts: FileFacts;
  /** Reading problems (syntax, size), known without a full check. */
  readFindings: readonly Finding[];
  /** A worksheet's meeting, when it names a partner. */
  meeting?: Meeting;
  /** A worksheet's or a review's round. */
  round?: string;
  /** A convening's name. */
  name?: string;
  /** A review's date, as written. */
  date?: string;
  /**
   * 1-based lines of note items and of success in their words, keyed
   * `notes.<category>.<i>`, so the team review links quotes to lines. Files
   * are indexed from their data alone: the lines come from one parse with
   * positions, made when first asked for (or taken from a check's) and kept.
   */
  lines?: Record<string, number>;
}

/** What the index needs to know at once of a document; what changes the partners and rounds. */
export function structuralKey(d: IndexedDocument): string {
  const m = d.meeting;
  return JSON.stringify([d.kind, d.round, d.name, d.date, m?.partnerId, m?.organization, m?.status, m?.round, m?.date, m?.start]);
}

/** The reading problems of a file read without any: one list for all, never changed, as the index keeps each document. */
const NO_READ_FINDINGS: readonly Finding[] = [];

/**
 * A document as the index keeps it. The data comes from the line reader, or
 * js-yaml, where they read exactly as the full parse would (readData), else
 * from the full parse. What the index needs at once is read with the document: a
 * worksheet's meeting, the whole facts of the few other files. A worksheet's
 * whole facts are read when first asked for (by a check, the summary, the
 * vocabulary), which keeps indexing a workspace as fast as reading it, and
 * then kept in place of its data. The positions (the meeting's range, the
 * note lines) need a parse with positions (parseFile), so they are made on
 * first use and kept. A document restored from a snapshot reads its data
 * again on first use.
 */
export class IndexedDoc implements IndexedDocument {
  readonly text: string;
  meeting?: Meeting;
  round?: string;
  name?: string;
  date?: string;
  /**
   * Where the index keeps what the rules that read the workspace ask of this
   * worksheet's view, recorded from the parse of a check (recordAnswers).
   */
  answersAt?: number;
  /** What its `worksheets-disable` comments silence, recorded with the answers where it has any. */
  disabledByComments?: Disabled;
  #facts: FileFacts | undefined;
  #data: { value: unknown } | undefined;
  /** null: no positions to make (not a worksheet, or not a block of fields). */
  #positions: Positions | null | undefined;

  private constructor(readonly uri: string, readonly kind: FileKind, source: string, readonly readFindings: readonly Finding[]) {
    this.text = source;
  }

  /**
   * The document from its text. With `parsed` (the parse with positions a
   * check needs, made by the caller from this very text), that parse is the
   * one read: a file that is checked next is then parsed once.
   */
  static read(uri: string, kind: FileKind, source: string, parsed?: ParsedFile, positions = true): IndexedDoc {
    const quick = parsed ? undefined : readData(source);
    const file = quick ? undefined : parsed ?? parseFile(uri, source);
    // One empty list for every file read without a problem: the CLI holds 10,000s of documents to the end.
    const doc = new IndexedDoc(uri, kind, source, file && file.findings.length > 0 ? file.findings : NO_READ_FINDINGS);
    const data = quick ? quick.data : file!.data;
    if (kind !== 'worksheet') {
      // Convenings, reviews and settings are few: their facts are read at once.
      doc.#facts = readFacts(kind, data);
      doc.setHeader(doc.#facts);
    } else {
      doc.#data = { value: data };
      const meeting = isBlock(data) ? readMeeting(data) : undefined;
      if (meeting) doc.setMeeting(meeting);
      doc.round = meeting?.round;
    }
    if (file) doc.adopt(file, positions);
    return doc;
  }

  /** The document from its snapshot entry, without reading the text. */
  static restore(entry: SnapshotEntry, kind: FileKind): IndexedDoc {
    const doc = new IndexedDoc(entry.uri, kind, entry.text, Array.isArray(entry.readFindings) ? entry.readFindings : []);
    if (kind === 'worksheet') {
      if (entry.meeting) doc.setMeeting(meetingOfRow(entry.meeting));
      doc.round = doc.meeting?.round;
    } else {
      doc.round = entry.round;
      doc.name = entry.name;
      doc.date = entry.date;
    }
    if (entry.positions) doc.#positions = entry.positions;
    return doc;
  }

  /** The snapshot entry; undefined when JSON cannot keep the facts exactly (a duration of .nan or .inf). */
  toEntry(stamp: string): SnapshotEntry | undefined {
    const minutes = this.meeting?.durationMinutes;
    if (minutes !== undefined && !Number.isFinite(minutes)) return undefined;
    const entry: SnapshotEntry = { uri: this.uri, text: this.text, readFindings: this.readFindings, stamp };
    if (this.meeting) entry.meeting = meetingRow(this.meetingFacts());
    if (this.kind !== 'worksheet' && this.round !== undefined) entry.round = this.round;
    if (this.name !== undefined) entry.name = this.name;
    if (this.date !== undefined) entry.date = this.date;
    if (this.#positions) entry.positions = this.#positions;
    return entry;
  }

  /**
   * The data, kept until the facts are read from it. From then on the facts
   * are all the index reads of a document, so the data is not kept: it is read
   * again from the text when asked for.
   */
  get data(): unknown {
    if (this.#data) return this.#data.value;
    const quick = readData(this.text);
    let value: unknown;
    if (quick) value = quick.data;
    else {
      const file = parseFile(this.uri, this.text);
      this.adopt(file);
      value = file.data;
    }
    if (!this.#facts) this.#data = { value };
    return value;
  }

  get facts(): FileFacts {
    if (!this.#facts) {
      this.#facts = readFacts(this.kind, this.data);
      this.#data = undefined;
    }
    return this.#facts;
  }

  /**
   * A worksheet's facts as the rules that read the workspace use them: its
   * meeting (partner, organisation, round, date, status, ...) as read with
   * the document, without reading the text again. Any other fact is read
   * from the text when first asked for. Undefined without a meeting.
   */
  factsOfMeeting(): FileFacts | undefined {
    if (this.kind !== 'worksheet' || !this.meeting) return undefined;
    const known: Record<string | symbol, unknown> = { kind: 'worksheet', ...this.meetingFacts() };
    return new Proxy(known, {
      get: (t, k) => (Object.prototype.hasOwnProperty.call(t, k) ? t[k] : (this.facts as unknown as Record<string | symbol, unknown>)[k]),
      has: (t, k) => k in t || k in this.facts,
    }) as unknown as FileFacts;
  }

  /**
   * Let go of a worksheet's whole facts (and its data): what the index needs
   * at once (the meeting) and the positions stay; the facts are read again
   * from the text when next asked for.
   */
  release(): void {
    if (this.kind !== 'worksheet') return;
    this.#facts = undefined;
    this.#data = undefined;
  }

  get lines(): Record<string, number> | undefined {
    return this.positions()?.lines;
  }

  positions(): Positions | undefined {
    if (this.#positions === undefined) this.adopt(parseFile(this.uri, this.text));
    return this.#positions ?? undefined;
  }

  /** Take what the index keeps from a parse of this very text that was made anyway. */
  adopt(file: ParsedFile, positions = true): void {
    // A parse's data is the data: the quick read answers only where it agrees with it.
    if (!this.#facts) this.#data ??= { value: file.data };
    if (this.#positions !== undefined || !positions) return;
    this.#positions = this.kind === 'worksheet' && isBlock(file.data) ? locate(file) : null;
  }

  private setMeeting(facts: MeetingFacts): void {
    this.meeting = new IndexedMeeting(this, facts);
  }

  /**
   * The meeting's facts as read (the id as written, before the team's
   * aliases), from the meeting that holds them: the CLI keeps a document per
   * worksheet to the end of its run, and a second copy of these was an
   * object and a next step more for the collector to move, file after file.
   */
  private meetingFacts(): MeetingFacts {
    const m = this.meeting!;
    return {
      partnerId: m.writtenId ?? m.partnerId,
      organization: m.organization,
      community: m.community,
      status: m.status,
      round: m.round,
      date: m.date,
      start: m.start,
      durationMinutes: m.durationMinutes,
      successInTheirWords: m.successInTheirWords,
      confirmation: m.confirmation,
      nextStep: m.nextStep,
      followUpDate: m.followUpDate,
    };
  }

  /** The round, name and date of a convening or review. */
  private setHeader(facts: FileFacts): void {
    if (facts.kind === 'convening') this.name = facts.name;
    else if (facts.kind === 'review') {
      this.round = facts.round;
      this.date = facts.date;
    }
  }
}

/** A meeting of the index: its range is looked up on first use. */
class IndexedMeeting implements Meeting {
  readonly uri: string;
  /** The id after the team's aliases: the index sets it when it groups meetings into partners. */
  partnerId: string;
  readonly writtenId: string;
  readonly organization: string | undefined;
  readonly community: string | undefined;
  readonly status: string | undefined;
  readonly round: string | undefined;
  readonly date: string | undefined;
  readonly start: string | undefined;
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
    this.writtenId = facts.partnerId;
    this.organization = facts.organization;
    this.community = facts.community;
    this.status = facts.status;
    this.round = facts.round;
    this.date = facts.date;
    this.start = facts.start;
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
    return this.#doc.positions()?.range ?? ZERO_RANGE;
  }
}
