import type { Rule } from '../rule';
import { field } from '../../facts/data';
import { compact, insertFix, setFix } from '../fixes';
import { HELD } from '../../facts/status';
import { rank } from './common';

export const notThanked: Rule = {
  code: 'not-thanked',
  kind: 'worksheet',
  defaultSeverity: 'info',
  summary: 'The partner was thanked for their time.',
  check(ctx) {
    if (rank(ctx) < HELD || field(ctx.data, 'thanked') === true) return [];
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
