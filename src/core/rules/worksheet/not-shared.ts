import type { Rule } from '../rule';
import type { WorksheetFacts } from '../../facts';
import { FILLED, SHARED, statusRank } from '../../facts';
import { addDays } from '../../dates';

export const notShared: Rule<WorksheetFacts> = {
  code: 'not-shared',
  kind: 'worksheet',
  defaultSeverity: 'info',
  summary: 'A filled worksheet is shared with the team within a week.',
  check(ctx) {
    const r = statusRank(ctx.facts.status);
    if (r < FILLED || r >= SHARED) return [];
    const from = ctx.facts.after.filledOn ?? ctx.facts.date;
    const within = ctx.config.thresholds.shareWithinDays;
    if (!from || addDays(from, within) >= ctx.today) return [];
    return [{
      message: `Filled in on ${from} but not shared with the team (the team aims for ${within} days). Share it so the review sees every meeting, then set status to shared.`,
      range: ctx.view.anchor(['status']),
    }];
  },
};
