import type { Rule } from '../rule';
import { field, list } from '../../facts/data';
import { PREPARED } from '../../facts/status';
import { rank } from './common';

export const notPrepared: Rule = {
  code: 'not-prepared',
  kind: 'worksheet',
  defaultSeverity: 'info',
  summary: 'Before the meeting, the worksheet was reviewed and a few questions were picked.',
  check(ctx) {
    if (rank(ctx) < PREPARED) return [];
    const reviewed = field(ctx.data, 'preparation', 'worksheet_reviewed') === true;
    const questions = list(field(ctx.data, 'preparation', 'questions')).length > 0;
    if (reviewed && questions) return [];
    const missing = [!reviewed && 'review the worksheet', !questions && 'pick a few open questions to ask'].filter(Boolean).join(' and ');
    return [{
      message: `Preparation is not recorded: ${missing}, and note it under \`preparation\`.`,
      range: ctx.view.anchor(reviewed ? ['preparation', 'questions'] : ['preparation', 'worksheet_reviewed'], ['preparation'], ['status']),
    }];
  },
};
