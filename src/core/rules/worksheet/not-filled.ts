import type { Rule } from '../rule';
import { field } from '../../facts/data';
import { addDays, daysBetween, isIsoDate } from '../../dates';
import { HELD } from '../../facts/status';
import { meetingDate, rank } from './common';

export const notFilled: Rule = {
  code: 'not-filled',
  kind: 'worksheet',
  defaultSeverity: 'warning',
  summary: 'The worksheet is filled in within a few days of the meeting.',
  check(ctx) {
    if (rank(ctx) !== HELD || isIsoDate(field(ctx.data, 'after', 'filled_on'))) return [];
    const date = meetingDate(ctx);
    const within = ctx.config.thresholds.fillWithinDays;
    if (!date || addDays(date, within) >= ctx.today) return [];
    const ago = daysBetween(date, ctx.today);
    return [{
      message: `The meeting was ${ago} days ago and the worksheet is not filled in yet (the team aims for ${within} days). Write it up while you remember, then set status to filled.`,
      range: ctx.view.anchor(['status']),
    }];
  },
};
