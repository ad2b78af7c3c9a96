import type { Rule } from '../rule';
import type { WorksheetFacts } from '../../facts';
import { compact, setFix } from '../fixes';
import { daysBetween, isIsoDate } from '../../dates';

export const overdueNextStep: Rule<WorksheetFacts> = {
  code: 'overdue-next-step',
  kind: 'worksheet',
  defaultSeverity: 'warning',
  summary: 'An open next step is past its due date.',
  check(ctx) {
    const step = ctx.facts.nextStep;
    if (!step) return [];
    const due = step.due;
    if ((step.status ?? 'open') !== 'open' || !isIsoDate(due) || due >= ctx.today) return [];
    const late = daysBetween(due, ctx.today);
    return [{
      message: `This next step was due on ${due} (${late} day${late === 1 ? '' : 's'} ago). Do it and mark it done, or agree a new date with the partner.`,
      range: ctx.view.anchor(['next_step', 'due']),
      fixes: compact([
        setFix(ctx.view, 'Mark the next step done', ['next_step', 'status'], 'done', true),
        setFix(ctx.view, 'Mark the next step dropped', ['next_step', 'status'], 'dropped'),
      ]),
    }];
  },
};
