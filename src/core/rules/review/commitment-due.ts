import type { Rule, RuleIssue } from '../rule';
import type { ReviewFacts } from '../../facts';
import { compact, insertFix } from '../fixes';
import { commitmentsWithAction, defaultDue } from './common';

export const commitmentDue: Rule<ReviewFacts> = {
  code: 'commitment-due',
  kind: 'review',
  defaultSeverity: 'warning',
  summary: 'A commitment of the team review has a due date.',
  check(ctx) {
    const due = defaultDue(ctx);
    return commitmentsWithAction(ctx).filter(({ c }) => !c.due).map(({ i }): RuleIssue => ({
      message: 'This commitment has no due date: agree when it will be done, so the next review can see whether it was.',
      range: ctx.view.anchor(['commitments', i, 'action']),
      fixes: compact([insertFix(ctx.view, { title: `Set the due date to ${due}`, mapPath: ['commitments', i], key: 'due', plain: [due], snippet: [`\${1:${due}}`], after: ['owner', 'action'], preferred: true })]),
    }));
  },
};
