// One partner's story over time, from the workspace index: every meeting in
// date order, what success means to them meeting by meeting (with how they
// confirmed or corrected it), their challenges, values, goals and commitments
// marked new, repeated or no longer mentioned, every next step and follow-up,
// the review commitments and convenings that name them, and their open gaps.
// A partner has a handful of files, so each is parsed here with positions:
// every link goes to the line of the very node it shows.
import type { IndexedDocument, WorkspaceIndex } from '../workspace';
import { NO_FIXES } from '../workspace';
import type { NoteCategory, WorksheetFacts } from '../facts';
import { NOTE_CATEGORIES, factsOfKind, isHeld } from '../facts';
import type { ParsedFile, YamlPath } from '../yaml';
import { YamlView, parseFile } from '../yaml';
import { daysBetween } from '../dates';
import { fileLabel } from '../paths';
import { byCodeUnit } from '../order';
import { ThemeMatcher } from '../summary/themes';
import type { ConveningEntry, Gap, HistoryMeeting, NoteMention, NoteTrack, PartnerHistory, ReviewCommitmentEntry, StepEntry, SuccessEntry, TrackMark } from './model';
import { DEFAULT_UNMET_AFTER_DAYS } from './model';

export interface HistoryOptions {
  today: string;
  /** A partner not met for longer than this is marked (default 180). */
  unmetAfterDays?: number;
}

/** A file parsed with positions: the 1-based line of any node, by its YAML path. */
class Located {
  private readonly view: YamlView;
  readonly file: ParsedFile;
  constructor(readonly uri: string, text: string) {
    this.file = parseFile(uri, text);
    this.view = new YamlView(this.file);
  }

  /** The line of the node at `path`, else of the nearest parent that exists, else 1. */
  line(path: YamlPath): number {
    for (let n = path.length; n > 0; n--) {
      const at = path.slice(0, n);
      // A key's own line for a block (`confirmation:` rather than its first field).
      const range = (typeof at[at.length - 1] === 'string' ? this.view.keyRange(at) : undefined) ?? this.view.rangeOfNode(this.view.node(at));
      if (range) return range.start.line + 1;
    }
    return 1;
  }
}

/** Notes compared as people write them: case, spacing and closing punctuation aside. */
function normal(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').replace(/[\s.!?;:,]+$/, '').trim();
}

interface Read {
  doc: IndexedDocument;
  at: Located;
  facts: WorksheetFacts;
}

/** The partner's history; undefined when no worksheet names the partner. */
export function partnerHistory(index: WorkspaceIndex, partnerId: string, options: HistoryOptions): PartnerHistory | undefined {
  const partner = index.partner(partnerId);
  if (!partner) return undefined;
  const { today } = options;
  const unmetAfterDays = options.unmetAfterDays ?? DEFAULT_UNMET_AFTER_DAYS;

  // Oldest first: a story is read forwards.
  const reads: Read[] = [...partner.meetings].reverse().flatMap((m) => {
    const doc = index.get(m.uri);
    if (!doc) return [];
    const facts = factsOfKind(doc.facts, 'worksheet');
    if (!facts) return [];
    // The index's facts, read as meant (`5 Nov 2026` is a date), as the checks and the review read them.
    return [{ doc, at: new Located(doc.uri, doc.text), facts }];
  });

  const meetings: HistoryMeeting[] = reads.map(({ doc, at, facts }) => ({
    uri: doc.uri,
    line: at.line(['meeting', 'date']),
    ...(facts.date ? { date: facts.date } : {}),
    ...(facts.status ? { status: facts.status } : {}),
    ...(facts.round ? { round: facts.round } : {}),
    held: isHeld(facts.status),
    ourAttendees: facts.ourAttendees,
    people: facts.people,
    file: fileLabel(doc.uri),
  }));

  const success: SuccessEntry[] = reads.flatMap(({ doc, at, facts }): SuccessEntry[] => {
    if (!facts.successInTheirWords) return [];
    const entry: SuccessEntry = { uri: doc.uri, line: at.line(['notes', 'success_in_their_words']), text: facts.successInTheirWords };
    if (facts.date) entry.date = facts.date;
    const c = facts.confirmationBlock;
    if (c) {
      const response = c.corrected ? 'corrected' : c.response === 'confirmed' || c.response === 'not-asked' ? c.response : c.asked ? 'asked' : 'not-asked';
      entry.confirmation = { uri: doc.uri, line: at.line(['confirmation']), response };
      if (facts.confirmation) entry.confirmation.statement = facts.confirmation;
      if (c.correction) entry.confirmation.correction = c.correction;
    }
    return [entry];
  });

  const config = index.configFor(reads[reads.length - 1]?.doc.uri ?? '');
  const matcher = new ThemeMatcher(config.themes);
  const notes = NOTE_CATEGORIES.map((category) => ({ category, tracks: tracksOf(reads, category, matcher) }));

  const steps: StepEntry[] = reads.flatMap(({ doc, at, facts }) => {
    const out: StepEntry[] = [];
    const ns = facts.nextStep;
    if (ns) {
      const status = ns.status ?? 'open';
      const s: StepEntry = { uri: doc.uri, line: at.line(['next_step', 'action']), kind: 'next-step', action: ns.action, status, overdue: status === 'open' && !!ns.due && ns.due < today };
      if (facts.date) s.meetingDate = facts.date;
      if (ns.owner) s.owner = ns.owner;
      if (ns.due) s.due = ns.due;
      out.push(s);
    }
    const fu = facts.followUp;
    if (fu.date || fu.owner) {
      const status = fu.done ? 'done' : 'open';
      const s: StepEntry = { uri: doc.uri, line: at.line(['follow_up']), kind: 'follow-up', status, overdue: status === 'open' && !!facts.followUpDate && facts.followUpDate < today };
      if (facts.date) s.meetingDate = facts.date;
      if (fu.owner) s.owner = fu.owner;
      if (fu.date) s.due = fu.date;
      out.push(s);
    }
    return out;
  });

  const commitments: ReviewCommitmentEntry[] = [];
  const reviews = index.documents('review').sort((a, b) => byCodeUnit(a.date ?? '', b.date ?? '') || byCodeUnit(a.uri, b.uri));
  for (const doc of reviews) {
    const facts = factsOfKind(doc.facts, 'review');
    if (!facts) continue;
    let at: Located | undefined;
    facts.commitments.forEach((c, i) => {
      if (!c.action || !c.partners.some((p) => p.id === partnerId)) return;
      at ??= new Located(doc.uri, doc.text);
      const status = c.status ?? 'open';
      const e: ReviewCommitmentEntry = { uri: doc.uri, line: at.line(['commitments', i]), action: c.action, status, overdue: status === 'open' && !!c.due && /^\d{4}-\d{2}-\d{2}$/.test(c.due) && c.due < today };
      if (facts.round) e.round = facts.round;
      if (c.owner) e.owner = c.owner;
      if (c.due) e.due = c.due;
      commitments.push(e);
    });
  }

  const convenings: ConveningEntry[] = [];
  for (const doc of index.documents('convening').sort((a, b) => byCodeUnit(a.uri, b.uri))) {
    const facts = factsOfKind(doc.facts, 'convening');
    const entry = facts?.partners.find((p) => p.id === partnerId);
    if (!facts || !entry) continue;
    const c: ConveningEntry = { uri: doc.uri, line: new Located(doc.uri, doc.text).line(entry.path), name: facts.name ?? fileLabel(doc.uri), roles: entry.roles };
    if (facts.status) c.status = facts.status;
    convenings.push(c);
  }

  // Meeting by meeting, each file's gaps in the order of its lines (the check gives them rule by rule).
  const gaps: Gap[] = reads.flatMap(({ doc }) => index.check(doc.uri, NO_FIXES)
    .filter((f) => f.severity !== 'info')
    .map((f): Gap => ({ uri: doc.uri, line: f.range.start.line + 1, code: f.code, severity: f.severity as Gap['severity'], message: f.message, file: fileLabel(doc.uri) }))
    .sort((a, b) => a.line - b.line));

  const lastMet = meetings.filter((m) => m.held && m.date && m.date <= today).map((m) => m.date!).sort().pop();
  const daysSinceMet = lastMet ? daysBetween(lastMet, today) : undefined;
  const history: PartnerHistory = {
    partner: { id: partner.id, organization: partner.organization, people: [...new Set(reads.flatMap((r) => r.facts.people))] },
    today,
    longUnmet: daysSinceMet === undefined || daysSinceMet > unmetAfterDays,
    unmetAfterDays,
    meetings,
    success,
    notes,
    steps,
    commitments,
    convenings,
    gaps,
  };
  if (partner.community) history.partner.community = partner.community;
  if (lastMet) history.lastMet = lastMet;
  if (daysSinceMet !== undefined) history.daysSinceMet = daysSinceMet;
  return history;
}

/**
 * The notes of one category across meetings, grouped by theme where they have
 * one, else by their text, each marked at the latest meeting with notes of
 * this category: a short call that noted only a challenge says nothing of the
 * partner's values, so their values are not "no longer mentioned" after it.
 */
function tracksOf(reads: readonly Read[], category: NoteCategory, matcher: ThemeMatcher): NoteTrack[] {
  let latest: string | undefined;
  for (const r of reads) if (r.facts.notes[category].some((n) => n.text)) latest = r.doc.uri;
  const tracks = new Map<string, NoteTrack & { uris: Set<string> }>();
  for (const { doc, at, facts } of reads) {
    facts.notes[category].forEach((n, i) => {
      if (!n.text) return;
      const mention: NoteMention = { uri: doc.uri, line: at.line(['notes', category, i]), text: n.text, internal: n.internal };
      if (facts.date) mention.date = facts.date;
      if (n.quote) mention.quote = n.quote;
      const themes = matcher.themesOf(n.text, n.themes, false).ids;
      const keys = themes.length
        ? themes.map((id) => ({ key: `theme:${id}`, label: matcher.label(id), by: 'theme' as const }))
        : [{ key: `note:${normal(n.text)}`, label: n.text, by: 'note' as const }];
      for (const k of keys) {
        let t = tracks.get(k.key);
        if (!t) {
          t = { ...k, mark: 'new', mentions: [], uris: new Set() };
          tracks.set(k.key, t);
        }
        // The latest wording names a note track.
        if (k.by === 'note') t.label = n.text;
        t.mentions.push(mention);
        t.uris.add(doc.uri);
      }
    });
  }
  return [...tracks.values()].map(({ uris, ...t }): NoteTrack => {
    const now = latest !== undefined && uris.has(latest);
    const before = [...uris].some((u) => u !== latest);
    const mark: TrackMark = now ? (before ? 'repeated' : 'new') : 'no-longer-mentioned';
    return { ...t, mark };
  });
}
