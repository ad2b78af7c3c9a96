import type { Rule } from '../rule';
import type { WorksheetFacts } from '../../facts';
import { compact, insertFix } from '../fixes';
import { q } from './common';

export const nextStepNotTiedToGoal: Rule<WorksheetFacts> = {
  code: 'next-step-not-tied-to-goal',
  kind: 'worksheet',
  defaultSeverity: 'info',
  summary: 'A next step says which of the partner\'s goals it serves.',
  check(ctx) {
    const step = ctx.facts.nextStep;
    if (!step || step.servesGoal) return [];
    const goals = ctx.facts.notes.goals.map((n) => n.text).filter((g): g is string => g !== undefined);
    const fixes = compact(goals.slice(0, 3).map((g, i) => insertFix(ctx.view, {
      title: `Tie it to the goal "${g.length > 50 ? `${g.slice(0, 47)}...` : g}"`,
      mapPath: ['next_step'],
      key: 'serves_goal',
      plain: [q(g)],
      after: ['action'],
      preferred: i === 0,
    })));
    return [{
      message: goals.length
        ? 'Which of the partner\'s goals does this next step advance? Name it in `serves_goal`, so the partnership starts from their success.'
        : 'This next step is not tied to a goal of the partner. Note their goals and say in `serves_goal` which one it advances.',
      range: ctx.view.anchor(['next_step', 'action']),
      fixes,
    }];
  },
};
