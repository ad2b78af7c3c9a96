import type { Rule, RuleIssue } from '../rule';
import type { ConveningFacts } from '../../facts';

export const partnersWithoutVoice: Rule<ConveningFacts> = {
  code: 'partners-without-voice',
  kind: 'convening',
  defaultSeverity: 'warning',
  summary: 'Every partner contributed to setting the vision.',
  check(ctx) {
    if (!ctx.facts.pastExploring) return [];
    const contributed = new Set(ctx.facts.sessions.flatMap((s) => s.contributed.map((p) => p.id)));
    const issues: RuleIssue[] = [];
    for (const p of ctx.facts.partners) {
      if (contributed.has(p.id)) continue;
      issues.push({
        message: `\`${p.id}\` has not contributed to a vision-setting session yet. Make sure every partner has a voice: invite their input before the vision is settled, and list them under \`partners_contributed\`.`,
        range: ctx.view.anchor(p.path),
      });
    }
    return issues;
  },
};
