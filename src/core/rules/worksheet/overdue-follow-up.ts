import type { Rule } from '../rule';
import { field } from '../../facts/data';
import { daysBetween, isIsoDate } from '../../dates';
import { hasNextStep } from './common';

export const overdueFollowUp: Rule = {
  code: 'overdue-follow-up',
  kind: 'worksheet',
  defaultSeverity: 'warning',
  summary: 'A follow-up date has passed with no next step recorded since.',
  check(ctx) {
    const date = field(ctx.data, 'follow_up', 'date');
    if (!isIsoDate(date) || date >= ctx.today || hasNextStep(ctx)) return [];
    if (field(ctx.data, 'follow_up', 'done') === true) return [];
    const late = daysBetween(date, ctx.today);
    return [{
      message: `The follow-up was planned for ${date} (${late} day${late === 1 ? '' : 's'} ago). Get back in touch, then record the next step, or set a new follow-up date.`,
      range: ctx.view.anchor(['follow_up', 'date']),
    }];
  },
};
