// A meeting still `planned` or `prepared` after its date has passed: either it
// happened and the worksheet was never moved on (so its notes, confirmation
// and next step are never asked for), or it was put off and the date is stale.
// And the other way round, a meeting `held` (or later) on a date still to
// come: a status set ahead, or a date mistyped, which would thank a partner for
// a meeting that has not happened.
import type { Rule } from '../rule';
import type { WorksheetFacts } from '../../facts';
import { HELD, statusRank } from '../../facts';
import { addDays, daysBetween } from '../../dates';
import { compact, setFix } from '../fixes';

export const meetingStatusStale: Rule<WorksheetFacts> = {
  code: 'meeting-status-stale',
  kind: 'worksheet',
  defaultSeverity: 'warning',
  summary: 'A meeting\'s status and date agree: not still planned after its date (did it happen?), nor held on a date still to come.',
  check(ctx) {
    const rank = statusRank(ctx.facts.status);
    const date = ctx.facts.date;
    if (rank < 0 || !date) return [];
    if (rank >= HELD) {
      if (date <= ctx.today) return [];
      const ahead = daysBetween(ctx.today, date);
      return [{
        message: `This meeting is \`${ctx.facts.status}\` but dated ${date}, ${ahead} day${ahead === 1 ? '' : 's'} from now. If it has not happened yet, set its status to planned; if it has, correct the date.`,
        range: ctx.view.anchor(['meeting', 'date'], ['status']),
        fixes: compact([
          setFix(ctx.view, 'It has not happened yet: mark it planned', ['status'], 'planned', true),
          setFix(ctx.view, `It happened today: set the date to ${ctx.today}`, ['meeting', 'date'], ctx.today),
        ]),
      }];
    }
    if (date >= ctx.today) return [];
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
