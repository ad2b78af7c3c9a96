import type { Rule, RuleIssue } from '../rule';
import { field, list } from '../../facts/data';
import { partnerEntries, partnerIdPath, pastExploring } from './common';

export const partnersWithoutVoice: Rule = {
  code: 'partners-without-voice',
  kind: 'convening',
  defaultSeverity: 'warning',
  summary: 'Every partner contributed to setting the vision.',
  check(ctx) {
    if (!pastExploring(ctx)) return [];
    const contributed = new Set<string>();
    for (const s of list(field(ctx.data, 'vision_setting', 'sessions'))) {
      for (const p of list(field(s, 'partners_contributed'))) if (typeof p === 'string') contributed.add(p);
    }
    const issues: RuleIssue[] = [];
    for (const p of partnerEntries(ctx)) {
      if (contributed.has(p.id)) continue;
      issues.push({
        message: `\`${p.id}\` has not contributed to a vision-setting session yet. Make sure every partner has a voice: invite their input before the vision is settled, and list them under \`partners_contributed\`.`,
        range: ctx.view.anchor(partnerIdPath(ctx, p.index)),
      });
    }
    return issues;
  },
};
