import type { Rule, RuleIssue } from '../rule';
import type { ReviewFacts } from '../../facts';
import { compact, setFix } from '../fixes';
import { daysBetween, isIsoDate } from '../../dates';
import { commitmentsWithAction } from './common';

export const overdueCommitment: Rule<ReviewFacts> = {
  code: 'overdue-commitment',
  kind: 'review',
  defaultSeverity: 'warning',
  summary: 'An open commitment of a team review is past its due date.',
  check(ctx) {
    const issues: RuleIssue[] = [];
    for (const { c, i } of commitmentsWithAction(ctx)) {
      const due = c.due;
      if ((c.status ?? 'open') !== 'open' || !isIsoDate(due) || due >= ctx.today) continue;
      const late = daysBetween(due, ctx.today);
      issues.push({
        message: `This commitment was due on ${due} (${late} day${late === 1 ? '' : 's'} ago)${c.owner ? ` and is ${c.owner}'s` : ''}. Do it and mark it done, agree a new date, or drop it with the team.`,
        range: ctx.view.anchor(['commitments', i, 'due']),
        fixes: compact([
          setFix(ctx.view, 'Mark the commitment done', ['commitments', i, 'status'], 'done', true),
          setFix(ctx.view, 'Mark the commitment dropped', ['commitments', i, 'status'], 'dropped'),
        ]),
      });
    }
    return issues;
  },
};
