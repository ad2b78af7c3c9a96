import type { Rule } from '../rule';
import type { WorksheetFacts } from '../../facts';
import { daysBetween } from '../../dates';

export const overdueFollowUp: Rule<WorksheetFacts> = {
  code: 'overdue-follow-up',
  kind: 'worksheet',
  defaultSeverity: 'warning',
  summary: 'A follow-up date has passed with no next step recorded since.',
  check(ctx) {
    const date = ctx.facts.followUpDate;
    if (!date || date >= ctx.today || ctx.facts.nextStep) return [];
    if (ctx.facts.followUp.done) return [];
    const late = daysBetween(date, ctx.today);
    return [{
      message: `The follow-up was planned for ${date} (${late} day${late === 1 ? '' : 's'} ago). Get back in touch, then record the next step, or set a new follow-up date.`,
      range: ctx.view.anchor(['follow_up', 'date']),
    }];
  },
};
