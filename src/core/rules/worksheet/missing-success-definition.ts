import type { Rule } from '../rule';
import type { WorksheetFacts } from '../../facts';
import { isHeld } from '../../facts';
import { compact, insertFix } from '../fixes';

export const missingSuccessDefinition: Rule<WorksheetFacts> = {
  code: 'missing-success-definition',
  kind: 'worksheet',
  defaultSeverity: 'warning',
  summary: 'A held meeting records what success looks like for the partner, in their words.',
  check(ctx) {
    if (!isHeld(ctx.facts.status) || ctx.facts.successInTheirWords) return [];
    return [{
      message: 'What does success look like for this partner\'s community? Write it the way they said it: it is what the meeting was for, and what you confirm before leaving.',
      range: ctx.view.anchor(['notes', 'success_in_their_words'], ['status']),
      fixes: compact([insertFix(ctx.view, {
        title: 'Add success in their words',
        mapPath: ['notes'],
        key: 'success_in_their_words',
        plain: ['""'],
        snippet: ['${1:In their words, success looks like}'],
        preferred: true,
      })]),
    }];
  },
};
