import type { Rule } from '../rule';
import type { WorksheetFacts } from '../../facts';
import { compact, insertFix } from '../fixes';
import { defaultDue } from './common';

export const nextStepDue: Rule<WorksheetFacts> = {
  code: 'next-step-due',
  kind: 'worksheet',
  defaultSeverity: 'warning',
  summary: 'A next step has a due date.',
  check(ctx) {
    const step = ctx.facts.nextStep;
    if (!step || step.due) return [];
    const due = defaultDue(ctx);
    return [{
      message: 'This next step has no due date: agree when it will happen, so the partner knows when to expect it.',
      range: ctx.view.anchor(['next_step', 'due'], ['next_step']),
      fixes: compact([insertFix(ctx.view, { title: `Set the due date to ${due}`, mapPath: ['next_step'], key: 'due', plain: [due], snippet: [`\${1:${due}}`], after: ['owner', 'action', 'serves_goal'], preferred: true })]),
    }];
  },
};
