// The team review of a round, as plain JSON: coverage, similarities, outliers,
// trends against the previous round, opportunities, open gaps and the team's
// commitments. The panel, the Markdown and HTML exports and the CLI all render
// this one structure.
import type { WorkspaceIndex, IndexedDocument, Meeting } from '../workspace-index';
import { field, isBlock, list, noteText, statusRank, text } from '../rules/rule';
import type { ParsedFile } from '../parse';
import { YamlView, parseFile } from '../parse';
import { ThemeMatcher } from './themes';
import type { ThemeSource } from './themes';
import { isIsoDate } from '../dates';

export const NOTE_CATEGORIES = ['challenges', 'values', 'goals', 'commitments'] as const;
export type NoteCategory = (typeof NOTE_CATEGORIES)[number];

export interface Ref {
  uri: string;
  /** 1-based line. */
  line: number;
}

export interface Rate {
  count: number;
  total: number;
}

export interface PartnerRef {
  id: string;
  organization: string;
}

export interface Quote extends Ref {
  partner: PartnerRef;
  text: string;
}

export interface ThemeEntry {
  id: string;
  label: string;
  category: NoteCategory;
  source: ThemeSource;
  partners: string[];
  quotes: Quote[];
}

export interface DatedItem extends Ref {
  partner: PartnerRef;
  text: string;
  date: string;
}

export interface Trend {
  id: string;
  label: string;
  previous: number;
  current: number;
}

export interface ReviewSummary {
  round: string;
  rounds: string[];
  previousRound?: string;
  today: string;
  coverage: {
    partners: number;
    meetings: Record<'planned' | 'prepared' | 'held' | 'filled' | 'shared' | 'total', number>;
    toMeet: (PartnerRef & Ref & { date?: string; status?: string })[];
    confirmation: Rate;
    nextStep: Rate;
    followUpOnly: Rate;
    overdueNextSteps: DatedItem[];
    overdueFollowUps: DatedItem[];
    medianMinutes?: number;
    withinRange: Rate;
    range: { min: number; max: number };
  };
  similarities: { category: NoteCategory; themes: ThemeEntry[] }[];
  outliers: { theme: ThemeEntry; success: Quote }[];
  trends: { rising: Trend[]; falling: Trend[]; new: Trend[]; gone: Trend[] };
  opportunities: {
    offers: { offer: string; theme: string; goal: Quote }[];
    complementary: { theme: string; label: string; need: Quote; offer: Quote }[];
    clusters: { theme: string; label: string; partners: PartnerRef[] }[];
    unservedGoals: Quote[];
  };
  gaps: (Ref & { code: string; severity: string; message: string; file: string })[];
  commitments: { action: string; owner?: string; due?: string; status?: string; partners: string[] }[];
  review?: Ref;
  /** Every theme of the round with the partners who raised it (for JSON consumers). */
  themes: { id: string; label: string; category: NoteCategory; partners: string[]; source: ThemeSource }[];
}

interface NoteRecord {
  partner: PartnerRef;
  category: NoteCategory;
  text: string;
  quote: string;
  themes: string[];
  source: ThemeSource;
  ref: Ref;
}

const HELD = 2;

export interface SummaryOptions {
  round?: string;
  today: string;
}

/** The rounds that have held meetings, oldest first; the default is the latest. */
export function summarize(index: WorkspaceIndex, options: SummaryOptions): ReviewSummary {
  const rounds = index.rounds();
  const round = options.round ?? latestHeldRound(index, rounds) ?? rounds[rounds.length - 1] ?? '';
  const i = rounds.indexOf(round);
  const previousRound = i > 0 ? rounds[i - 1] : undefined;
  const meetings = index.meetings().filter((m) => m.round === round);
  const configUri = meetings[0]?.uri ?? '';
  const config = index.configFor(configUri);
  const matcher = new ThemeMatcher(config.themes);
  const held = meetings.filter((m) => statusRank(m.status) >= HELD);
  const notes = collectNotes(index, held, matcher, true);
  const entries = themeEntries(notes, matcher);

  const byTheme = new Map<string, Set<string>>();
  for (const e of entries) {
    const s = byTheme.get(e.id) ?? new Set<string>();
    e.partners.forEach((p) => s.add(p));
    byTheme.set(e.id, s);
  }

  const previous = previousRound ? index.meetings().filter((m) => m.round === previousRound && statusRank(m.status) >= HELD) : [];
  const prevCounts = partnerCountsByTheme(collectNotes(index, previous, matcher, false));

  return {
    round,
    rounds,
    previousRound,
    today: options.today,
    coverage: coverage(index, meetings, held, config.thresholds.meetingMinutes, options.today),
    similarities: NOTE_CATEGORIES.map((category) => ({
      category,
      themes: entries.filter((e) => e.category === category && e.partners.length >= 2 && e.source !== 'suggested')
        .concat(entries.filter((e) => e.category === category && e.partners.length >= 2 && e.source === 'suggested'))
        .sort((a, b) => b.partners.length - a.partners.length || a.label.localeCompare(b.label)),
    })),
    outliers: outliers(index, held, entries, byTheme, matcher),
    trends: trends(byTheme, prevCounts, matcher, previousRound !== undefined),
    opportunities: opportunities(notes, matcher, config.offers, held),
    gaps: gapsOf(index, round, meetings),
    ...reviewOf(index, round),
    themes: entries.map((e) => ({ id: e.id, label: e.label, category: e.category, partners: e.partners, source: e.source })),
  };
}

function latestHeldRound(index: WorkspaceIndex, rounds: string[]): string | undefined {
  const held = new Set(index.meetings().filter((m) => statusRank(m.status) >= HELD).map((m) => m.round));
  return [...rounds].reverse().find((r) => held.has(r));
}

function partnerRef(index: WorkspaceIndex, m: Meeting): PartnerRef {
  return { id: m.partnerId, organization: index.partner(m.partnerId)?.organization ?? m.organization ?? m.partnerId };
}

/** Line of a node, 1-based; the parsed file is made once per document. */
function lineOf(view: YamlView | undefined, path: (string | number)[]): number {
  const r = view?.rangeOfNode(view.node(path));
  return r ? r.start.line + 1 : 1;
}

function viewOf(doc: IndexedDocument | undefined, withLines: boolean): YamlView | undefined {
  if (!withLines || !doc) return undefined;
  const file: ParsedFile = parseFile(doc.uri, doc.text);
  return new YamlView(file);
}

function collectNotes(index: WorkspaceIndex, meetings: Meeting[], matcher: ThemeMatcher, withLines: boolean): NoteRecord[] {
  const out: NoteRecord[] = [];
  for (const m of meetings) {
    const doc = index.get(m.uri);
    const data = doc?.data;
    if (!isBlock(data)) continue;
    const view = viewOf(doc, withLines);
    const partner = partnerRef(index, m);
    for (const category of NOTE_CATEGORIES) {
      list(field(data, 'notes', category)).forEach((n, i) => {
        const t = noteText(n);
        if (!t) return;
        const tags = list(field(n, 'themes')).filter((x): x is string => typeof x === 'string');
        const { ids, source } = matcher.themesOf(t, tags);
        const quote = text(field(n, 'quote')) ?? t;
        out.push({ partner, category, text: t, quote, themes: ids, source, ref: { uri: m.uri, line: lineOf(view, ['notes', category, i]) } });
      });
    }
  }
  return out;
}

function themeEntries(notes: NoteRecord[], matcher: ThemeMatcher): ThemeEntry[] {
  const map = new Map<string, ThemeEntry>();
  for (const n of notes) {
    for (const id of n.themes) {
      const key = `${n.category}\u0000${id}`;
      let e = map.get(key);
      if (!e) {
        e = { id, label: matcher.label(id), category: n.category, source: n.source, partners: [], quotes: [] };
        map.set(key, e);
      }
      // The strongest evidence wins: a tag beats a match beats a suggestion.
      if (rankSource(n.source) < rankSource(e.source)) e.source = n.source;
      if (!e.partners.includes(n.partner.id)) {
        e.partners.push(n.partner.id);
        e.quotes.push({ partner: n.partner, text: shorten(n.quote), uri: n.ref.uri, line: n.ref.line });
      }
    }
  }
  return [...map.values()];
}

function rankSource(s: ThemeSource): number {
  return s === 'tagged' ? 0 : s === 'matched' ? 1 : 2;
}

function shorten(s: string, max = 140): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}

function partnerCountsByTheme(notes: NoteRecord[]): Map<string, number> {
  const sets = new Map<string, Set<string>>();
  for (const n of notes) {
    if (n.source === 'suggested') continue;
    for (const id of n.themes) {
      const s = sets.get(id) ?? new Set<string>();
      s.add(n.partner.id);
      sets.set(id, s);
    }
  }
  return new Map([...sets].map(([k, v]) => [k, v.size]));
}

function coverage(index: WorkspaceIndex, meetings: Meeting[], held: Meeting[], range: { min: number; max: number }, today: string): ReviewSummary['coverage'] {
  const counts = { planned: 0, prepared: 0, held: 0, filled: 0, shared: 0, total: meetings.length };
  for (const m of meetings) {
    const s = m.status as keyof typeof counts;
    if (s in counts && s !== 'total') counts[s]++;
  }
  const partnersHeld = new Set(held.map((m) => m.partnerId));
  const toMeet = [...new Map(meetings.filter((m) => !partnersHeld.has(m.partnerId)).map((m) => [m.partnerId, m])).values()]
    .map((m) => ({ ...partnerRef(index, m), uri: m.uri, line: 1, date: m.date, status: m.status }));
  const withNext = held.filter((m) => m.nextStep);
  const followOnly = held.filter((m) => !m.nextStep && m.followUpDate);
  const overdueNextSteps: DatedItem[] = [];
  const overdueFollowUps: DatedItem[] = [];
  for (const m of held) {
    const n = m.nextStep;
    if (n && (n.status ?? 'open') === 'open' && isIsoDate(n.due) && n.due < today) {
      overdueNextSteps.push({ partner: partnerRef(index, m), text: n.action, date: n.due, uri: m.uri, line: 1 });
    }
    const followDone = field(index.get(m.uri)?.data, 'follow_up', 'done') === true;
    if (!m.nextStep && m.followUpDate && m.followUpDate < today && !followDone) {
      overdueFollowUps.push({ partner: partnerRef(index, m), text: `Follow up with ${partnerRef(index, m).organization}`, date: m.followUpDate, uri: m.uri, line: 1 });
    }
  }
  const minutes = held.map((m) => m.durationMinutes).filter((x): x is number => typeof x === 'number').sort((a, b) => a - b);
  const median = minutes.length ? (minutes.length % 2 ? minutes[(minutes.length - 1) / 2] : (minutes[minutes.length / 2 - 1] + minutes[minutes.length / 2]) / 2) : undefined;
  return {
    partners: new Set(meetings.map((m) => m.partnerId)).size,
    meetings: counts,
    toMeet,
    confirmation: { count: held.filter((m) => m.confirmation || confirmed(index, m)).length, total: held.length },
    nextStep: { count: withNext.length, total: held.length },
    followUpOnly: { count: followOnly.length, total: held.length },
    overdueNextSteps,
    overdueFollowUps,
    medianMinutes: median,
    withinRange: { count: minutes.filter((x) => x >= range.min && x <= range.max).length, total: minutes.length },
    range,
  };
}

function confirmed(index: WorkspaceIndex, m: Meeting): boolean {
  const c = field(index.get(m.uri)?.data, 'confirmation');
  return isBlock(c) && (c.asked === true || c.response === 'confirmed' || c.response === 'corrected');
}

function outliers(index: WorkspaceIndex, held: Meeting[], entries: ThemeEntry[], byTheme: Map<string, Set<string>>, matcher: ThemeMatcher): ReviewSummary['outliers'] {
  const out: ReviewSummary['outliers'] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    // Keywords suggested from one note would all be "outliers": only themes with evidence count.
    if (e.source === 'suggested' || byTheme.get(e.id)?.size !== 1 || seen.has(e.id)) continue;
    const partnerId = e.partners[0];
    const m = held.find((x) => x.partnerId === partnerId && x.successInTheirWords);
    if (!m?.successInTheirWords) continue;
    const success = m.successInTheirWords;
    const inSuccess = matcher.match(success).includes(e.id);
    if (!inSuccess) continue;
    seen.add(e.id);
    const view = viewOf(index.get(m.uri), true);
    out.push({ theme: e, success: { partner: partnerRef(index, m), text: shorten(success), uri: m.uri, line: lineOf(view, ['notes', 'success_in_their_words']) } });
  }
  return out;
}

function trends(current: Map<string, Set<string>>, previous: Map<string, number>, matcher: ThemeMatcher, hasPrevious: boolean): ReviewSummary['trends'] {
  const result: ReviewSummary['trends'] = { rising: [], falling: [], new: [], gone: [] };
  if (!hasPrevious) return result;
  const ids = new Set([...current.keys(), ...previous.keys()]);
  for (const id of ids) {
    const cur = current.get(id)?.size ?? 0;
    const prev = previous.get(id) ?? 0;
    // Only themes with real evidence: suggested keywords of one note are noise here.
    if (cur + prev < 2) continue;
    const t = { id, label: matcher.label(id), previous: prev, current: cur };
    if (prev === 0) result.new.push(t);
    else if (cur === 0) result.gone.push(t);
    else if (cur > prev) result.rising.push(t);
    else if (cur < prev) result.falling.push(t);
  }
  const byDelta = (a: Trend, b: Trend) => Math.abs(b.current - b.previous) - Math.abs(a.current - a.previous) || a.label.localeCompare(b.label);
  result.rising.sort(byDelta);
  result.falling.sort(byDelta);
  result.new.sort(byDelta);
  result.gone.sort(byDelta);
  return result;
}

function opportunities(notes: NoteRecord[], matcher: ThemeMatcher, offers: { text: string; themes: string[] }[], held: Meeting[]): ReviewSummary['opportunities'] {
  const goals = notes.filter((n) => n.category === 'goals');
  const quote = (n: NoteRecord): Quote => ({ partner: n.partner, text: shorten(n.text), uri: n.ref.uri, line: n.ref.line });
  const offerMatches: ReviewSummary['opportunities']['offers'] = [];
  for (const o of offers) {
    for (const g of goals) {
      const theme = g.themes.find((t) => o.themes.includes(t));
      if (theme) offerMatches.push({ offer: o.text, theme, goal: quote(g) });
    }
  }
  // One partner's challenge answered by another's commitment, by theme.
  const commitmentsByTheme = new Map<string, NoteRecord[]>();
  for (const n of notes.filter((x) => x.category === 'commitments' && x.source !== 'suggested')) {
    for (const t of n.themes) commitmentsByTheme.set(t, [...(commitmentsByTheme.get(t) ?? []), n]);
  }
  const complementary: ReviewSummary['opportunities']['complementary'] = [];
  const pairSeen = new Set<string>();
  for (const c of notes.filter((x) => x.category === 'challenges' && x.source !== 'suggested')) {
    for (const t of c.themes) {
      for (const offer of commitmentsByTheme.get(t) ?? []) {
        if (offer.partner.id === c.partner.id) continue;
        const key = `${t}|${c.partner.id}|${offer.partner.id}`;
        if (pairSeen.has(key)) continue;
        pairSeen.add(key);
        complementary.push({ theme: t, label: matcher.label(t), need: quote(c), offer: quote(offer) });
      }
    }
  }
  // Partners whose goals share a theme: candidates for convening together.
  const goalPartners = new Map<string, Map<string, PartnerRef>>();
  for (const g of goals.filter((x) => x.source !== 'suggested')) {
    for (const t of g.themes) {
      const m = goalPartners.get(t) ?? new Map<string, PartnerRef>();
      m.set(g.partner.id, g.partner);
      goalPartners.set(t, m);
    }
  }
  const clusters = [...goalPartners.entries()]
    .filter(([, ps]) => ps.size >= 2)
    .map(([theme, ps]) => ({ theme, label: matcher.label(theme), partners: [...ps.values()].sort((a, b) => a.organization.localeCompare(b.organization)) }))
    .sort((a, b) => b.partners.length - a.partners.length || a.label.localeCompare(b.label));
  // Goals that no next step says it serves.
  const servesByPartner = new Map<string, Set<string>>();
  for (const m of held) {
    const s = servesByPartner.get(m.partnerId) ?? new Set<string>();
    const goal = m.nextStep?.servesGoal;
    if (goal) s.add(goal.trim().toLowerCase());
    servesByPartner.set(m.partnerId, s);
  }
  const unservedGoals = goals
    .filter((g) => !(servesByPartner.get(g.partner.id)?.has(g.text.trim().toLowerCase())))
    .map(quote);
  return { offers: offerMatches, complementary, clusters, unservedGoals };
}

function gapsOf(index: WorkspaceIndex, round: string, meetings: Meeting[]): ReviewSummary['gaps'] {
  const uris = new Set(meetings.map((m) => m.uri));
  for (const d of index.documents('review')) if (d.round === round) uris.add(d.uri);
  const out: ReviewSummary['gaps'] = [];
  for (const uri of [...uris].sort()) {
    for (const f of index.check(uri)) {
      if (f.severity === 'info') continue;
      out.push({ uri, line: f.range.start.line + 1, code: f.code, severity: f.severity, message: f.message, file: uri.split('/').slice(-2).join('/') });
    }
  }
  return out;
}

function reviewOf(index: WorkspaceIndex, round: string): Pick<ReviewSummary, 'commitments' | 'review'> {
  const doc = index.documents('review').find((d) => d.round === round);
  if (!doc) return { commitments: [] };
  const commitments = list(field(doc.data, 'commitments')).flatMap((c) => {
    const action = text(field(c, 'action'));
    if (!action) return [];
    return [{
      action,
      owner: text(field(c, 'owner')),
      due: text(field(c, 'due')),
      status: text(field(c, 'status')),
      partners: list(field(c, 'partners')).filter((p): p is string => typeof p === 'string'),
    }];
  });
  return { commitments, review: { uri: doc.uri, line: 1 } };
}
