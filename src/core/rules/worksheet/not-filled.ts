import type { Rule } from '../rule';
import type { WorksheetFacts } from '../../facts';
import { HELD, statusRank } from '../../facts';
import { addDays, daysBetween } from '../../dates';

export const notFilled: Rule<WorksheetFacts> = {
  code: 'not-filled',
  kind: 'worksheet',
  defaultSeverity: 'warning',
  summary: 'The worksheet is filled in within a few days of the meeting.',
  check(ctx) {
    if (statusRank(ctx.facts.status) !== HELD || ctx.facts.after.filledOn) return [];
    const date = ctx.facts.date;
    const within = ctx.config.thresholds.fillWithinDays;
    if (!date || addDays(date, within) >= ctx.today) return [];
    const ago = daysBetween(date, ctx.today);
    return [{
      message: `The meeting was ${ago} days ago and the worksheet is not filled in yet (the team aims for ${within} days). Write it up while you remember, then set status to filled.`,
      range: ctx.view.anchor(['status']),
    }];
  },
};
