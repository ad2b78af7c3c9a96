import type { Rule } from '../rule';
import type { ConveningFacts } from '../../facts';
import { compact, insertFix } from '../fixes';

export const missingConvenerVision: Rule<ConveningFacts> = {
  code: 'missing-convener-vision',
  kind: 'convening',
  defaultSeverity: 'warning',
  summary: 'The convener shares its own vision, as one partner among others.',
  check(ctx) {
    // While only exploring, there is no group yet to offer a vision to.
    if (ctx.facts.convener.visionStatement || ctx.facts.status === 'exploring') return [];
    const hasVision = ctx.view.node(['convener', 'vision']) !== undefined;
    const fix = hasVision
      ? insertFix(ctx.view, { title: 'Add the convener\'s vision statement', mapPath: ['convener', 'vision'], key: 'statement', plain: ['""'], snippet: ['${1:What we hope this partnership achieves}'], preferred: true })
      : insertFix(ctx.view, {
        title: 'Add the convener\'s vision',
        mapPath: ['convener'],
        key: 'vision',
        plain: ['', 'statement: ""', `shared_on: ${ctx.today}`],
        snippet: ['', 'statement: ${1:What we hope this partnership achieves}', `shared_on: \${2:${ctx.today}}`],
        after: ['organization'],
        preferred: true,
      });
    return [{
      message: 'The convener\'s own vision is missing. Partners trust a convener whose intentions are clear: take off the convener hat and offer your vision as one partner, as a starting point for the shared vision.',
      range: ctx.view.anchor(['convener', 'vision', 'statement'], ['convener'], ['name']),
      fixes: compact([fix]),
    }];
  },
};
