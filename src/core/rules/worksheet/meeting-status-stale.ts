// A meeting still `planned` or `prepared` after its date has passed: either it
// happened and the worksheet was never moved on (so its notes, confirmation
// and next step are never asked for), or it was put off and the date is stale.
import type { Rule } from '../rule';
import type { WorksheetFacts } from '../../facts';
import { HELD, statusRank } from '../../facts';
import { addDays, daysBetween } from '../../dates';
import { compact, setFix } from '../fixes';

export const meetingStatusStale: Rule<WorksheetFacts> = {
  code: 'meeting-status-stale',
  kind: 'worksheet',
  defaultSeverity: 'warning',
  summary: 'A meeting still planned or prepared whose date has passed: did it happen? Mark it held, or move the date.',
  check(ctx) {
    const rank = statusRank(ctx.facts.status);
    const date = ctx.facts.date;
    if (rank < 0 || rank >= HELD || !date || date >= ctx.today) return [];
    const ago = daysBetween(date, ctx.today);
    const nextWeek = addDays(ctx.today, 7);
    return [{
      message: `This meeting was planned for ${date} (${ago} day${ago === 1 ? '' : 's'} ago) and is still \`${ctx.facts.status}\`. Did it happen? If so, mark it held and write up what you heard; if it was put off, move the date.`,
      range: ctx.view.anchor(['status']),
      fixes: compact([
        setFix(ctx.view, 'It happened: mark it held', ['status'], 'held', true),
        setFix(ctx.view, `It was put off: move the date to ${nextWeek}`, ['meeting', 'date'], nextWeek),
      ]),
    }];
  },
};
