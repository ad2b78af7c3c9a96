// How far the round got: partners and meetings by status, who is still to
// meet, confirmations, next steps, overdue items and meeting lengths.
import type { IndexedDocument, Meeting } from '../../workspace';
import { FILLED, HELD, factsOfKind, statusRank } from '../../facts';
import { daysBetween, isIsoDate } from '../../dates';
import type { Context } from '../context';
import { byName, firstListed, listed } from '../context';
import type { Coverage, DatedItem, PartnerRef, Status } from '../model';

const STATUSES: readonly Status[] = ['planned', 'prepared', 'held', 'filled', 'shared'];

function median(xs: number[]): number | undefined {
  if (!xs.length) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** A meeting of the round as the coverage reads it. */
interface Entry {
  m: Meeting;
  /** As it is now: the index sets a meeting's partner id in place when the aliases change. */
  partnerId: string;
  doc: IndexedDocument | undefined;
}

/**
 * Everything count() reads of one meeting and its worksheet, for a meeting
 * an edit replaced: most edits (notes, success, a thank-you) change none of
 * it. Lines are of the document given, never the index's current one.
 */
function coverageKey(ctx: Context, { m, doc }: Entry): string {
  const ws = doc && factsOfKind(doc.facts, 'worksheet');
  const n = m.nextStep;
  const line = (keys: string[]) => (doc ? ctx.cache.keyLine(doc, keys) : 1);
  return JSON.stringify([
    m.uri, m.status, m.date, m.range.start.line, m.durationMinutes ?? null, m.followUpDate ?? null,
    n ? [n.action, n.owner ?? null, n.due ?? null, n.status ?? null] : null,
    ws ? [ws.followUp.done, ws.followUp.owner ?? null, ws.confirmationBlock?.asked ?? null] : null,
    n?.due ? line(['next_step', 'due']) : null, m.followUpDate ? line(['follow_up', 'date']) : null,
  ]);
}

/**
 * The last review's coverage while today, the partner order and the range
 * are the same, and each meeting of the round is the very same, or was
 * replaced by one the coverage reads alike.
 */
export function coverage(ctx: Context, meetings: readonly Meeting[], held: readonly Meeting[], range: { min: number; max: number }): Coverage {
  const entries: Entry[] = meetings.map((m) => ({ m, partnerId: m.partnerId, doc: ctx.index.get(m.uri) }));
  const same = (a: Entry, b: Entry) => a.partnerId === b.partnerId && (a.m === b.m || coverageKey(ctx, a) === coverageKey(ctx, b));
  return ctx.cache.kept('coverage', [ctx.today, ctx.ranking(), range.min, range.max], entries, same, () => count(ctx, meetings, held, range));
}

function count(ctx: Context, meetings: readonly Meeting[], held: readonly Meeting[], range: { min: number; max: number }): Coverage {
  const meetingCounts = { planned: 0, prepared: 0, held: 0, filled: 0, shared: 0, total: meetings.length };
  const furthest = new Map<string, { rank: number; meeting: Meeting }>();
  for (const m of meetings) {
    const rank = statusRank(m.status);
    if (rank >= 0) meetingCounts[STATUSES[rank]]++;
    const f = furthest.get(m.partnerId);
    if (!f || rank > f.rank) furthest.set(m.partnerId, { rank, meeting: m });
  }
  const partnerCounts = { planned: 0, prepared: 0, held: 0, filled: 0, shared: 0, total: furthest.size };
  const toMeet: Coverage['toMeet'] = [];
  for (const { rank, meeting: m } of furthest.values()) {
    if (rank >= 0) partnerCounts[STATUSES[rank]]++;
    if (rank >= HELD) continue;
    // Built field by field (spreads of optional fields allocate): the same keys in the same order.
    const p = ctx.partner(m);
    const item: Coverage['toMeet'][number] = { id: p.id, organization: p.organization, uri: m.uri, line: m.range.start.line + 1 };
    if (m.date) item.date = m.date;
    if (m.status) item.status = m.status;
    toMeet.push(item);
  }
  toMeet.sort((a, b) => byName(a.organization, b.organization));
  const toMeetList = listed(toMeet);

  const today = ctx.today;
  // Due dates repeat across a round: each one's lateness is counted once.
  const lateness = new Map<string, number>();
  const late = (date: string): number => {
    let days = lateness.get(date);
    if (days === undefined) lateness.set(date, (days = daysBetween(date, today)));
    return days;
  };
  // Every overdue item is counted and ordered; only the listed ones get their line and text.
  interface Late { meeting: Meeting; partner: PartnerRef; date: string; daysLate: number; owner: string | undefined }
  const lateSteps: (Late & { action: string })[] = [];
  const lateFollowUps: Late[] = [];
  for (const m of meetings) {
    const n = m.nextStep;
    if (n && (n.status ?? 'open') === 'open' && isIsoDate(n.due) && n.due < today) {
      lateSteps.push({ meeting: m, partner: ctx.partner(m), date: n.due, daysLate: late(n.due), owner: n.owner, action: n.action });
    }
    const followUp = !n && m.followUpDate && m.followUpDate < today ? ctx.worksheet(m)?.followUp : undefined;
    if (m.followUpDate && followUp && !followUp.done) {
      lateFollowUps.push({ meeting: m, partner: ctx.partner(m), date: m.followUpDate, daysLate: late(m.followUpDate), owner: followUp.owner });
    }
  }
  const byLate = (a: Late, b: Late) => b.daysLate - a.daysLate || ctx.byPartner(a, b);
  const item = ({ meeting, partner, date, daysLate, owner }: Late, text: string, keys: string[]): DatedItem => {
    const line = ctx.line(meeting, keys);
    return owner ? { partner, text, date, owner, daysLate, uri: meeting.uri, line } : { partner, text, date, daysLate, uri: meeting.uri, line };
  };
  const steps = firstListed(lateSteps, byLate);
  const followUps = firstListed(lateFollowUps, byLate);

  const minutes = held.map((m) => m.durationMinutes).filter((x): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0);
  const med = median(minutes);
  // The same test as the missing-confirmation rule: asked, or a response recorded.
  const asked = (m: Meeting) => ctx.worksheet(m)?.confirmationBlock?.asked === true;
  return {
    partners: partnerCounts,
    meetings: meetingCounts,
    funnel: {
      all: meetings.length,
      held: held.length,
      filled: meetings.filter((m) => statusRank(m.status) >= FILLED).length,
      shared: meetingCounts.shared,
    },
    toMeet: toMeetList.items,
    toMeetTotal: toMeetList.total,
    confirmation: { count: held.filter(asked).length, total: held.length },
    nextStep: { count: held.filter((m) => m.nextStep).length, total: held.length },
    followUpOnly: { count: held.filter((m) => !m.nextStep && m.followUpDate).length, total: held.length },
    overdueNextSteps: steps.items.map((l) => item(l, l.action, ['next_step', 'due'])),
    overdueNextStepsTotal: steps.total,
    overdueFollowUps: followUps.items.map((l) => item(l, `Follow up with ${l.partner.organization}`, ['follow_up', 'date'])),
    overdueFollowUpsTotal: followUps.total,
    ...(med === undefined ? {} : { medianMinutes: med }),
    withinRange: { count: minutes.filter((x) => x >= range.min && x <= range.max).length, total: minutes.length },
    range,
  };
}
