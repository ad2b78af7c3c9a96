// The team review of a round, as plain JSON: coverage, similarities, outliers,
// trends against the previous round, opportunities, open gaps and the team's
// commitments. The panel, the Markdown and HTML exports and the CLI all render
// this one structure (./model.ts). Each section is worked out in its own file
// under sections/, from the round's context (./context.ts); what outlives one
// summary is kept in the index's SummaryCache (./cache.ts).
//
// It runs on every live update of the panel and over rounds of thousands of
// meetings, so every step is one pass over the notes with maps keyed by theme
// or partner.
import type { IndexedDocument, Meeting, WorkspaceIndex } from '../workspace';
import { isHeld } from '../facts';
import { MAX_TAGGED_CHARS } from './themes';
import { vocabularies } from '../themes/vocabulary';
import { Context, listed } from './context';
import { byCodeUnit } from '../order';
import { NOTE_CATEGORIES } from './model';
import type { ReviewSummary } from './model';
import { PATCHED_MAX, patchRoundNotes, roundNotes } from './sections/round-notes';
import { coverage } from './sections/coverage';
import { success } from './sections/success';
import { outliers } from './sections/outliers';
import { trends } from './sections/trends';
import { convenings } from './sections/convenings';
import { gaps } from './sections/gaps';
import { conclusions } from './sections/conclusions';
import { carried, commitments } from './sections/commitments';

export * from './model';
export { MAX_LISTED } from './context';

export interface SummaryOptions {
  /** The round to review; default: the latest with a held meeting. */
  round?: string;
  /** ISO date that overdue items are measured against. */
  today: string;
}

export function summarize(index: WorkspaceIndex, options: SummaryOptions): ReviewSummary {
  const rounds = index.rounds();
  // A meeting written up twice counts once: the later write-up (duplicate-meeting) is listed among the gaps, not counted.
  const later = index.laterWriteUps();
  const written = (r: string): readonly Meeting[] => (r ? index.roundMeetings(r) : []);
  const inRound = (r: string): readonly Meeting[] => (later.size ? written(r).filter((m) => !later.has(m.uri)) : written(r));
  // A typo of a bigger round (`autum-2026` beside `autumn-2026`) is never the default: round-lookalike flags it.
  const round = options.round ?? [...rounds].reverse().find((r) => !index.roundLookalike(r) && inRound(r).some((m) => isHeld(m.status))) ?? rounds[rounds.length - 1] ?? '';
  // The round before is the nearest earlier one with a held meeting: a round
  // that only has a review file (or only plans) has nothing to compare with.
  const at = rounds.indexOf(round);
  // A lookalike (`autum-2026`, one stray meeting) is no round to compare with, as it is never the default.
  const previousRound = rounds.slice(0, Math.max(0, at)).reverse().find((r) => !index.roundLookalike(r) && inRound(r).some((m) => isHeld(m.status)));

  const byDate = (a: Meeting, b: Meeting) => byCodeUnit(a.date ?? '9999', b.date ?? '9999') || byCodeUnit(a.uri, b.uri);
  const cache = index.summaryCache;
  const meetings = cache.ordered('date', inRound(round), [], (m) => `${m.uri}\u0000${m.date ?? ''}`, (ms) => places(ms).sort((a, b) => byDate(ms[a], ms[b])));
  const allReviews = index.documents('review').sort((a, b) => byCodeUnit(a.uri, b.uri));
  const reviews = allReviews.filter((d) => d.round === round);
  const earlier = carried(allReviews, rounds.slice(0, Math.max(0, at)), options.today);
  const config = index.configFor(meetings[0]?.uri ?? reviews[0]?.uri ?? '');
  const vocabulary = vocabularies(config);
  const ctx = new Context(index, cache, cache.matcher(vocabulary.agreed, vocabulary.suggest), options.today, meetings);
  ctx.matcher.limitTagging(MAX_TAGGED_CHARS);
  // Gaps first: checking the round's files parses each of them once, and the
  // index keeps the note lines of those parses for the quotes below.
  // With the meetings that may be this round's but are not counted in it, so listed: those of its lookalikes
  // (`autum-2026`), those with no round whose date is nearest its meetings, the later write-ups of its
  // meetings, and the worksheets that give no meeting.
  const strays = [
    ...(later.size ? written(round).filter((m) => later.has(m.uri)) : []),
    ...[...index.lookalikeRounds()].filter((r) => index.roundLookalike(r)?.round === round).flatMap((r) => inRound(r)),
    ...index.roundMeetings('').filter((m) => m.date !== undefined && index.roundsNear(m.date)[0] === round),
  ];
  const gapList = gaps(ctx, meetings, reviews, strays, index.worksheetsWithoutMeeting());
  // Partner name order, then date: every list built from the notes (quotes,
  // needs and offers, clusters, goals) comes out in the order it is shown in,
  // with each partner's first meeting of the round first, and needs no sort.
  // `meetings` are in date order already and the sort is stable, so by rank
  // alone keeps each partner's meetings by date. Each rank is looked up once.
  const held = cache.ordered('held', meetings, [ctx.ranking()], (m) => `${m.uri}\u0000${m.status ?? ''}\u0000${m.partnerId}`, (ms) => {
    const ranked = places(ms).filter((i) => isHeld(ms[i].status)).map((i) => ({ i, rank: ctx.rank(ms[i].partnerId) }));
    return ranked.sort((a, b) => a.rank - b.rank).map((x) => x.i);
  });
  const previousHeld = inRound(previousRound ?? '').filter((m) => isHeld(m.status));

  // The notes of the round, their themes and the opportunities: the last
  // review's while no held meeting's notes, partner or next step goal changed;
  // after an edit of a few meetings, the last review's with their partners
  // counted again (round-notes.ts).
  const { notes, themes, suggestedOnce, firm, opps } = cache.kept(
    'notes',
    [ctx.matcher, ctx.ranking(), JSON.stringify(config.offers)],
    held.map((m) => heldEntry(ctx, m)),
    (before, now) => sameNotes(ctx, before, now),
    () => roundNotes(ctx, held, config.offers),
    {
      most: PATCHED_MAX,
      apply: (before, changed, entries) =>
        changed.every((p) => entries[p].meeting.uri === held[p].uri && entries[p].partnerId === held[p].partnerId)
          ? patchRoundNotes(ctx, before, held, changed, config.offers)
          : undefined,
    },
  );
  return {
    round,
    rounds: [...rounds],
    previousRound,
    today: options.today,
    success: success(ctx, held),
    coverage: coverage(ctx, meetings, held, config.thresholds.meetingMinutes),
    similarities: NOTE_CATEGORIES.map((category) => ({ category, themes: themes.filter((e) => e.category === category && e.partners.length >= 2) })),
    outliers: outliers(ctx, held, notes, themes),
    trends: trends(ctx, held, firm, previousRound ? previousHeld : undefined),
    opportunities: opps,
    convenings: convenings(ctx, held, opps.clusters),
    gaps: gapList.items,
    gapsTotal: gapList.total,
    conclusions: conclusions(reviews),
    commitments: commitments(reviews, options.today),
    carried: earlier.items,
    carriedTotal: earlier.total,
    ...(reviews[0] ? { review: { uri: reviews[0].uri, line: 1 } } : {}),
    // Cut like every other list (a file of 90,000 one-word notes made 190,000 themes), with its total.
    themes: listed(themes).items.map((e) => ({ id: e.id, label: e.label, category: e.category, partners: e.partners, source: e.source })),
    themesTotal: themes.length,
    themeStatus: { agreedFrom: vocabulary.agreedFrom, suggested: new Set(themes.filter((e) => e.source === 'suggested').map((e) => e.id)).size, suggestedOnce },
  };
}

/**
 * A held meeting as the notes, themes and opportunities read it. Partner
 * names are compared with the partner order (Context.ranking), which is the
 * same map only while the round's partners and names are the same.
 */
interface HeldEntry {
  meeting: Meeting;
  /** As it was: the index sets a meeting's partner id in place when the aliases change. */
  partnerId: string;
  doc: IndexedDocument | undefined;
}

function heldEntry(ctx: Context, meeting: Meeting): HeldEntry {
  return { meeting, partnerId: meeting.partnerId, doc: ctx.index.get(meeting.uri) };
}

function sameNotes(ctx: Context, before: HeldEntry, now: HeldEntry): boolean {
  const a = before.meeting;
  const b = now.meeting;
  if (a.uri !== b.uri || before.partnerId !== now.partnerId) return false;
  if (a.nextStep?.servesGoal !== b.nextStep?.servesGoal || a.nextStep?.status !== b.nextStep?.status) return false;
  // Documents are replaced when their text changes: the same one has the same notes.
  return before.doc === now.doc || noteKey(ctx, before.doc) === noteKey(ctx, now.doc);
}

/** Every note of a document as the summary shows it: words, themes and line (a line added above moves its links). */
function noteKey(ctx: Context, doc: IndexedDocument | undefined): string {
  if (!doc) return '';
  const themed = new Map(ctx.cache.noteThemes(doc, ctx.matcher, true).map((t) => [t.note, t]));
  return JSON.stringify(ctx.cache.notes(doc).map((n) => {
    const t = themed.get(n);
    return [n.category, n.index, n.text, n.quote, n.tags, ctx.cache.noteLine(doc, n), t?.themes ?? [], t?.source ?? ''];
  }));
}

/** 0 to length - 1: the places of a list's items, to sort. */
function places(items: readonly unknown[]): number[] {
  return Array.from({ length: items.length }, (_, i) => i);
}
