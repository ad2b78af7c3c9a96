import type { Rule } from '../rule';
import type { WorksheetFacts } from '../../facts';
import { compact, insertFix } from '../fixes';

export const correctionWithoutText: Rule<WorksheetFacts> = {
  code: 'correction-without-text',
  kind: 'worksheet',
  defaultSeverity: 'warning',
  summary: 'When the partner corrected your understanding, the correction is written down.',
  check(ctx) {
    const c = ctx.facts.confirmationBlock;
    if (!c?.corrected || c.correction) return [];
    return [{
      message: 'The partner corrected your understanding, but the correction is not written down. Record what they said, in their words: it is the most valuable line of the worksheet.',
      range: ctx.view.anchor(['confirmation', 'response']),
      fixes: compact([insertFix(ctx.view, {
        title: 'Add the correction',
        mapPath: ['confirmation'],
        key: 'correction',
        plain: ['""'],
        snippet: ['${1:What the partner corrected}'],
        after: ['response'],
        preferred: true,
      })]),
    }];
  },
};
