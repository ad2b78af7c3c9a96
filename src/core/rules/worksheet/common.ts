import type { RuleContext } from '../rule';
import { statusRank } from '../../facts/status';
import { field, isBlock, list, text } from '../../facts/data';
import { addDays, isIsoDate } from '../../dates';
import { yamlString } from '../../yaml';

export function rank(ctx: RuleContext): number {
  return statusRank(ctx.data.status);
}

export function meetingDate(ctx: RuleContext): string | undefined {
  const d = field(ctx.data, 'meeting', 'date');
  return isIsoDate(d) ? d : undefined;
}

/** The person who most likely owns follow-up work: the first of our attendees. */
export function likelyOwner(ctx: RuleContext): string | undefined {
  return text(list(field(ctx.data, 'meeting', 'our_attendees'))[0]);
}

/** A due date two weeks after the meeting (or today), a sensible default to adjust. */
export function defaultDue(ctx: RuleContext): string {
  const base = meetingDate(ctx);
  const from = base && base > ctx.today ? base : ctx.today;
  return addDays(from, 14);
}

export function hasNextStep(ctx: RuleContext): boolean {
  const ns = field(ctx.data, 'next_step');
  return isBlock(ns) && text(ns.action) !== undefined;
}

export function q(s: string): string {
  return yamlString(s);
}
