// What the review rules share: where a commitment is, and the defaults their
// quick fixes offer (like the next step's: the first person at the review, a
// date two weeks on).
import type { RuleContext } from '../rule';
import type { ReviewFacts } from '../../facts';
import { addDays, isIsoDate } from '../../dates';

export type ReviewContext = RuleContext<ReviewFacts>;

/** The commitments that name an action, with their YAML index. */
export function commitmentsWithAction(ctx: ReviewContext): { c: ReviewFacts['commitments'][number]; i: number }[] {
  return ctx.facts.commitments.flatMap((c, i) => (c.action ? [{ c, i }] : []));
}

/** The person most likely to own a commitment: the first who attended the review. */
export function likelyOwner(ctx: ReviewContext): string {
  return ctx.facts.attendees[0] ?? 'me';
}

/** Two weeks after the review (or today, when the review is past), a date to adjust. */
export function defaultDue(ctx: ReviewContext): string {
  const date = ctx.facts.date;
  return addDays(isIsoDate(date) && date > ctx.today ? date : ctx.today, 14);
}
