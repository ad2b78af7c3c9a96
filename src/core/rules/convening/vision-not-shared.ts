// The method names this failure: the convener "hedges on the contribution of
// its own vision for fear of being perceived as pushing its own agenda". A
// vision written down but never shared, once a vision-setting session has
// happened, is exactly that.
import type { Rule } from '../rule';
import type { ConveningFacts } from '../../facts';
import { compact, insertFix } from '../fixes';

export const visionNotShared: Rule<ConveningFacts> = {
  code: 'vision-not-shared',
  kind: 'convening',
  defaultSeverity: 'warning',
  summary: 'Once a vision-setting session has happened, the convener\'s vision has been shared with the partners (`shared_on`).',
  check(ctx) {
    const { visionStatement, visionSharedOn } = ctx.facts.convener;
    if (!visionStatement || visionSharedOn) return [];
    const held = ctx.facts.sessions.map((s) => s.date).filter((d): d is string => d !== undefined && d <= ctx.today).sort();
    if (held.length === 0) return [];
    const first = held[0];
    return [{
      message: `A vision-setting session was held on ${first}, but the convener's own vision has no \`shared_on\`. Partners want to know what the convener intends: take off the convener hat and share this vision as one partner among the others, then note the day.`,
      range: ctx.view.anchor(['convener', 'vision', 'statement'], ['convener']),
      fixes: compact([insertFix(ctx.view, {
        title: `It was shared at the session of ${first}: set \`shared_on: ${first}\``,
        mapPath: ['convener', 'vision'],
        key: 'shared_on',
        plain: [first],
        after: ['statement'],
        preferred: true,
      })]),
    }];
  },
};
