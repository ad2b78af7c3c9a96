import type { Rule, RuleIssue } from '../rule';
import { locations } from '../rule';
import type { ConveningFacts } from '../../facts';
import { isHeld } from '../../facts';

export const partnerNotMet: Rule<ConveningFacts> = {
  code: 'partner-not-met',
  kind: 'convening',
  defaultSeverity: 'warning',
  crossFile: true,
  summary: 'Each convening partner has had a one-on-one meeting.',
  check(ctx) {
    const ws = ctx.workspace;
    if (!ws) return [];
    const issues: RuleIssue[] = [];
    for (const p of ctx.facts.partners) {
      if (!ws.knownPartner(p.id)) continue; // unknown-partner says it better
      const meetings = ws.meetingsOf(p.id);
      if (meetings.some((m) => isHeld(m.status))) continue;
      issues.push({
        message: `No one-on-one with \`${p.id}\` has been held yet. Meet them first, to learn what success means for their community before convening.`,
        range: ctx.view.anchor(p.path),
        related: locations(ctx, meetings, (m) => `Meeting ${m.date ?? ''} is still ${m.status ?? 'without a status'}`),
      });
    }
    return issues;
  },
};
