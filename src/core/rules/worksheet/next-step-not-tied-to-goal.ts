// The method's next step asks: "what are some ways we can help advance your
// goals?" A next step is tied to a goal of the partner's, in their words: one
// with no `serves_goal`, or whose `serves_goal` names none of the goals noted
// (our goal, not theirs, say), is not.
import type { Rule } from '../rule';
import type { WorksheetFacts } from '../../facts';
import type { Fix } from '../../types';
import { compact, insertFix, setFix } from '../fixes';
import { q } from './common';

/** Lower case, one space, no punctuation: how a goal is compared with `serves_goal`. */
function plain(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** `serves_goal` names a goal when one holds the other (a goal quoted in part, or with a word more). */
export function namesGoal(servesGoal: string, goals: string[]): boolean {
  const s = plain(servesGoal);
  return s !== '' && goals.some((g) => {
    // Written as the goal was (what the quick fix writes), the commonest case: no need to compare plainly.
    if (g === servesGoal) return true;
    const p = plain(g);
    return p !== '' && (p.includes(s) || s.includes(p));
  });
}

const short = (g: string) => (g.length > 50 ? `${g.slice(0, 47)}...` : g);

export const nextStepNotTiedToGoal: Rule<WorksheetFacts> = {
  code: 'next-step-not-tied-to-goal',
  kind: 'worksheet',
  defaultSeverity: 'info',
  summary: 'A next step says which of the partner\'s noted goals it serves.',
  // Goals written as something else than a list are the schema's to correct, not "note their goals".
  reads: [['next_step'], ['notes', 'goals']],
  check(ctx) {
    const step = ctx.facts.nextStep;
    if (!step) return [];
    const goals = ctx.facts.notes.goals.map((n) => n.text).filter((g): g is string => g !== undefined);
    if (step.servesGoal) {
      if (goals.length === 0 || namesGoal(step.servesGoal, goals)) return [];
      return [{
        message: `\`serves_goal\` says "${short(step.servesGoal)}", which is none of the goals the partner named (${goals.map((g) => `"${short(g)}"`).join(', ')}). Tie the step to one of their goals, so the partnership starts from their success; if they did name this goal, add it to their goals.`,
        range: ctx.view.anchor(['next_step', 'serves_goal']),
        fixes: compact(goals.slice(0, 3).map((g, i): Fix | undefined => setFix(ctx.view, `Tie it to their goal "${short(g)}"`, ['next_step', 'serves_goal'], q(g), i === 0))),
      }];
    }
    const fixes = compact(goals.slice(0, 3).map((g, i) => insertFix(ctx.view, {
      title: `Tie it to the goal "${short(g)}"`,
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
