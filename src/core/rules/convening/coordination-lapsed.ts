// The method warns of "a strong initial kickoff meeting" followed by a
// convener "reluctant to assume an ongoing coordination role". The sign in
// the record: the last partnership meeting is well past the agreed cadence.
import type { Rule } from '../rule';
import type { ConveningFacts } from '../../facts';
import { compact, setFix } from '../fixes';
import { daysBetween } from '../../dates';

/** Days between meetings for the cadences people write; undefined for one we cannot read. */
export function cadenceDays(cadence: string): number | undefined {
  const c = cadence.toLowerCase().replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (/^(bi ?weekly|fortnightly|every (two|2) weeks)$/.test(c)) return 14;
  if (/^(weekly|every week|once a week)$/.test(c)) return 7;
  if (/^(monthly|every month|once a month)$/.test(c)) return 30;
  if (/^(bi ?monthly|every (two|2) months)$/.test(c)) return 61;
  if (/^(quarterly|every (three|3) months|once a quarter)$/.test(c)) return 92;
  if (/^(twice a year|every (six|6) months|biannually|semi ?annually)$/.test(c)) return 183;
  if (/^(yearly|annually|every year|once a year)$/.test(c)) return 365;
  return undefined;
}

/** How far past the cadence a gap may run before it counts as lapsed (45 days for monthly). */
export const LAPSE_FACTOR = 1.5;

export const coordinationLapsed: Rule<ConveningFacts> = {
  code: 'coordination-lapsed',
  kind: 'convening',
  defaultSeverity: 'warning',
  summary: 'The partnership still meets at its agreed cadence: the last meeting is not well past it (over 1.5 times: 45 days for monthly).',
  check(ctx) {
    if (!ctx.facts.pastExploring) return [];
    const { cadence, lastMeeting } = ctx.facts.communication;
    const every = cadence ? cadenceDays(cadence) : undefined;
    if (!every || !lastMeeting || lastMeeting > ctx.today) return [];
    const days = daysBetween(lastMeeting, ctx.today);
    if (days <= every * LAPSE_FACTOR) return [];
    return [{
      message: `The last partnership meeting was ${days} days ago (${lastMeeting}), though the agreed cadence is ${cadence}. Strong kick-offs often fade when the convener steps back from coordinating: call the next meeting, or agree a cadence the partners can keep.`,
      range: ctx.view.anchor(['communication', 'last_meeting'], ['communication']),
      fixes: compact([setFix(ctx.view, `We met today: set \`last_meeting: ${ctx.today}\``, ['communication', 'last_meeting'], ctx.today, true)]),
    }];
  },
};
