import type { Rule } from '../rule';
import type { WorksheetFacts } from '../../facts';
import { compact, insertFix } from '../fixes';
import { likelyOwner } from './common';

export const nextStepOwner: Rule<WorksheetFacts> = {
  code: 'next-step-owner',
  kind: 'worksheet',
  defaultSeverity: 'warning',
  summary: 'A next step names who on the team owns it.',
  check(ctx) {
    const step = ctx.facts.nextStep;
    if (!step || step.owner) return [];
    const owner = likelyOwner(ctx) ?? 'me';
    return [{
      message: 'This next step has no owner: name the person on our side who will do it, so it does not fall between chairs.',
      range: ctx.view.anchor(['next_step', 'owner'], ['next_step']),
      fixes: compact([insertFix(ctx.view, { title: `Set the owner to ${owner}`, mapPath: ['next_step'], key: 'owner', plain: [owner], snippet: [`\${1:${owner}}`], after: ['action', 'serves_goal'], preferred: true })]),
    }];
  },
};
