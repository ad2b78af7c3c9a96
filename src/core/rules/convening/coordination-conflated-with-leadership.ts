import type { Rule, RuleIssue } from '../rule';
import type { ConveningFacts } from '../../facts';
import { slugify } from '../../paths';

export const coordinationConflatedWithLeadership: Rule<ConveningFacts> = {
  code: 'coordination-conflated-with-leadership',
  kind: 'convening',
  defaultSeverity: 'warning',
  summary: 'The coordinator does not also take the partnership\'s leadership roles.',
  check(ctx) {
    const org = ctx.facts.coordinator?.organization;
    const person = ctx.facts.coordinator?.person;
    if (!org && !person) return [];
    const names = new Set([org, org && slugify(org), person].filter((x): x is string => !!x).map((x) => x.toLowerCase()));
    const issues: RuleIssue[] = [];
    const message = (who: string) => `${who} both coordinates and leads. Coordinating (the backbone: meetings, agendas, measurement) is a different role from leading (goals, strategy): leave leadership to partners so others step in.`;
    ctx.facts.leadership.forEach((holder, i) => {
      if (holder && names.has(holder.toLowerCase())) {
        issues.push({ message: message(`\`${holder}\``), range: ctx.view.anchor(['leadership', i, 'holder']) });
      }
    });
    for (const p of ctx.facts.partners) {
      if (names.has(p.id.toLowerCase()) && p.roles.includes('leadership')) {
        issues.push({ message: message(`\`${p.id}\``), range: ctx.view.anchor(p.path) });
      }
    }
    return issues;
  },
};
