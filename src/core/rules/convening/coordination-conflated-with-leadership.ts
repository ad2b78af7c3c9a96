import type { Rule, RuleIssue } from '../rule';
import { field, list, text } from '../../facts/data';
import { slugify } from '../../paths';
import { partnerEntries, partnerIdPath } from './common';

export const coordinationConflatedWithLeadership: Rule = {
  code: 'coordination-conflated-with-leadership',
  kind: 'convening',
  defaultSeverity: 'warning',
  summary: 'The coordinator does not also take the partnership\'s leadership roles.',
  check(ctx) {
    const org = text(field(ctx.data, 'coordinator', 'organization'));
    const person = text(field(ctx.data, 'coordinator', 'person'));
    if (!org && !person) return [];
    const names = new Set([org, org && slugify(org), person].filter((x): x is string => !!x).map((x) => x.toLowerCase()));
    const issues: RuleIssue[] = [];
    const message = (who: string) => `${who} both coordinates and leads. Coordinating (the backbone: meetings, agendas, measurement) is a different role from leading (goals, strategy): leave leadership to partners so others step in.`;
    list(ctx.data.leadership).forEach((l, i) => {
      const holder = text(field(l, 'holder'));
      if (holder && names.has(holder.toLowerCase())) {
        issues.push({ message: message(`\`${holder}\``), range: ctx.view.anchor(['leadership', i, 'holder']) });
      }
    });
    for (const p of partnerEntries(ctx)) {
      if (names.has(p.id.toLowerCase()) && p.roles.includes('leadership')) {
        issues.push({ message: message(`\`${p.id}\``), range: ctx.view.anchor(partnerIdPath(ctx, p.index)) });
      }
    }
    return issues;
  },
};
