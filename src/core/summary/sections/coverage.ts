// How far the round got: partners and meetings by status, who is still to
// meet, confirmations, next steps, overdue items and meeting lengths.
import type { Meeting } from '../../workspace';
import { FILLED, HELD, statusRank } from '../../facts';
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

/**
 * The last review's coverage while the round's meetings and their worksheets
 * are the very same, and so are today, the partner order and the range:
 * reopening the panel or switching back to a round needs no new count.
 */
export function coverage(ctx: Context, meetings: readonly Meeting[], held: readonly Meeting[], range: { min: number; max: number }): Coverage {
  // A new text makes a new document and meeting; the partner id is taken as
  // it is now, as the index sets it in place when the aliases change.
  const entries = meetings.map((m) => ({ m, partnerId: m.partnerId }));
  return ctx.cache.kept('coverage', [ctx.today, ctx.ranking(), range.min, range.max], entries, (a, b) => a.m === b.m && a.partnerId === b.partnerId, () => count(ctx, meetings, held, range));
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
