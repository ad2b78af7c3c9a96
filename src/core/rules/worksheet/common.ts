import type { RuleContext } from '../rule';
import type { WorksheetFacts } from '../../facts';
import { addDays } from '../../dates';
import { yamlString } from '../../yaml';

export type WorksheetContext = RuleContext<WorksheetFacts>;

/** The person who most likely owns follow-up work: the first of our attendees. */
export function likelyOwner(ctx: WorksheetContext): string | undefined {
  return ctx.facts.ourAttendees[0];
}

/** A due date two weeks after the meeting (or today), a sensible default to adjust. */
export function defaultDue(ctx: WorksheetContext): string {
  const base = ctx.facts.date;
  const from = base && base > ctx.today ? base : ctx.today;
  return addDays(from, 14);
}

export function q(s: string): string {
  return yamlString(s);
}
