import type { Rule } from '../rule';
import { field } from '../../facts/data';
import { addDays, isIsoDate } from '../../dates';
import { FILLED, SHARED } from '../../facts/status';
import { meetingDate, rank } from './common';

export const notShared: Rule = {
  code: 'not-shared',
  kind: 'worksheet',
  defaultSeverity: 'info',
  summary: 'A filled worksheet is shared with the team within a week.',
  check(ctx) {
    const r = rank(ctx);
    if (r < FILLED || (r >= SHARED && isIsoDate(field(ctx.data, 'after', 'shared_on')))) return [];
    if (r >= SHARED) return [];
    const filled = field(ctx.data, 'after', 'filled_on');
    const from = isIsoDate(filled) ? filled : meetingDate(ctx);
    const within = ctx.config.thresholds.shareWithinDays;
    if (!from || addDays(from, within) >= ctx.today) return [];
    return [{
      message: `Filled in on ${from} but not shared with the team (the team aims for ${within} days). Share it so the review sees every meeting, then set status to shared.`,
      range: ctx.view.anchor(['status']),
    }];
  },
};
