import type { Rule } from '../rule';
import type { WorksheetFacts } from '../../facts';
import { isHeld } from '../../facts';
import { compact, insertFix, yamlPlaceholder } from '../fixes';
import { defaultDue, likelyOwner, q } from './common';

export const missingNextStep: Rule<WorksheetFacts> = {
  code: 'missing-next-step',
  kind: 'worksheet',
  defaultSeverity: 'warning',
  summary: 'A held meeting ends with a next step, or a date to follow up when the partner is not ready.',
  // `follow_up: 2026-12-20` (a date, not a block) is the schema's to correct, not "no follow-up".
  reads: [['next_step'], ['follow_up']],
  check(ctx) {
    if (!isHeld(ctx.facts.status)) return [];
    if (ctx.facts.nextStep || ctx.facts.followUp.date) return [];
    const owner = likelyOwner(ctx) ?? 'me';
    const due = defaultDue(ctx);
    const goal = ctx.facts.notes.goals[0]?.text;
    const nextStep = insertFix(ctx.view, {
      title: 'Add a next step (the partner is ready)',
      mapPath: [],
      key: 'next_step',
      plain: ['', 'action: Agree how we can help advance their goals', ...(goal ? [`serves_goal: ${q(goal)}`] : []), `owner: ${owner}`, `due: ${due}`, 'status: open'],
      snippet: ['', 'action: ${1:What we will do together}', ...(goal ? [`serves_goal: ${yamlPlaceholder(2, q(goal))}`] : []), `owner: \${3:${owner}}`, `due: \${4:${due}}`, 'status: open'],
      after: ['confirmation', 'notes'],
      preferred: true,
    });
    const followUp = insertFix(ctx.view, {
      title: 'Add a follow-up date (the partner is not ready yet)',
      mapPath: [],
      key: 'follow_up',
      plain: ['', `date: ${due}`, `owner: ${owner}`],
      snippet: ['', `date: \${1:${due}}`, `owner: \${2:${owner}}`],
      after: ['next_step', 'confirmation', 'notes'],
    });
    return [{
      message: 'No next step and no follow-up date. If the partner is ready, agree a next step that advances their goals; if not, set a date to follow up.',
      range: ctx.view.anchor(['next_step'], ['status']),
      fixes: compact([nextStep, followUp]),
    }];
  },
};
