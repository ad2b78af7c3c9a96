import type { Rule } from '../rule';
import type { ReviewFacts } from '../../facts';
import { compact, insertFix, setFix } from '../fixes';

export const reviewWithoutCommitments: Rule<ReviewFacts> = {
  code: 'review-without-commitments',
  kind: 'review',
  defaultSeverity: 'warning',
  summary: 'A team review ends with commitments to next steps.',
  check(ctx) {
    if (ctx.facts.commitments.some((c) => c.action)) return [];
    const date = ctx.facts.date;
    if (date !== undefined && date > ctx.today) return []; // the review has not happened yet
    const present = ctx.view.pair(['commitments']) !== undefined;
    const body = ['', '- action: ""', '  partners: []'];
    const snippet = ['', '- action: ${1:What the team will do}', '  owner: ${2:who}', '  due: ${3:YYYY-MM-DD}', '  partners: [${4}]'];
    const fix = present
      ? setFix(ctx.view, 'Add a commitment', ['commitments'], '[{action: "", partners: []}]', true)
      : insertFix(ctx.view, { title: 'Add a commitment', mapPath: [], key: 'commitments', plain: body, snippet, after: ['opportunities'], preferred: true });
    return [{
      message: 'The review records no commitments. Before the meeting ends, agree the next steps or things to explore, each with an owner and a date.',
      range: ctx.view.anchor(['commitments'], ['round']),
      fixes: compact([fix]),
    }];
  },
};
