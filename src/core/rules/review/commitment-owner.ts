import type { Rule, RuleIssue } from '../rule';
import type { ReviewFacts } from '../../facts';
import { compact, insertFix } from '../fixes';
import { commitmentsWithAction, likelyOwner } from './common';

export const commitmentOwner: Rule<ReviewFacts> = {
  code: 'commitment-owner',
  kind: 'review',
  defaultSeverity: 'warning',
  summary: 'A commitment of the team review names who on the team owns it.',
  check(ctx) {
    const owner = likelyOwner(ctx);
    return commitmentsWithAction(ctx).filter(({ c }) => !c.owner).map(({ i }): RuleIssue => ({
      message: 'This commitment has no owner: name the person on the team who will see it through, so it is followed until done.',
      range: ctx.view.anchor(['commitments', i, 'action']),
      fixes: compact([insertFix(ctx.view, { title: `Set the owner to ${owner}`, mapPath: ['commitments', i], key: 'owner', plain: [owner], snippet: [`\${1:${owner}}`], after: ['action'], preferred: true })]),
    }));
  },
};
