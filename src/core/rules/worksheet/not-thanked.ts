import type { Rule } from '../rule';
import type { WorksheetFacts } from '../../facts';
import { isHeld } from '../../facts';
import { compact, insertFix, setFix } from '../fixes';

export const notThanked: Rule<WorksheetFacts> = {
  code: 'not-thanked',
  kind: 'worksheet',
  defaultSeverity: 'info',
  summary: 'The partner was thanked for their time.',
  check(ctx) {
    if (!isHeld(ctx.facts.status) || ctx.facts.thanked) return [];
    const present = ctx.view.pair(['thanked']) !== undefined;
    const fix = present
      ? setFix(ctx.view, 'Mark as thanked', ['thanked'], 'true', true)
      : insertFix(ctx.view, { title: 'Mark as thanked', mapPath: [], key: 'thanked', plain: ['true'], after: ['follow_up', 'next_step', 'confirmation'], preferred: true });
    return [{
      message: 'Thank the partner for their time (a note or a call is enough), then mark `thanked: true`.',
      range: ctx.view.anchor(['thanked'], ['status']),
      fixes: compact([fix]),
    }];
  },
};
