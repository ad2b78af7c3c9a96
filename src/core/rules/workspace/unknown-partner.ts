import type { Rule, RuleIssue } from '../rule';
import type { ConveningFacts, ReviewFacts } from '../../facts';
import { compact, setFix } from '../fixes';
import { nearestKey } from '../../schema';

export const unknownPartner: Rule<ConveningFacts | ReviewFacts> = {
  code: 'unknown-partner',
  kind: ['convening', 'review'],
  defaultSeverity: 'warning',
  crossFile: true,
  summary: 'Partner ids in convenings and reviews match a partner with a worksheet.',
  check(ctx) {
    const ws = ctx.workspace;
    if (!ws) return [];
    const issues: RuleIssue[] = [];
    for (const m of ctx.facts.mentions) {
      if (ws.knownPartner(m.id)) continue;
      // Every id, in name order, only for a suggestion: most convenings name none unknown.
      const near = nearestKey(m.id, ws.partnerIds());
      issues.push({
        message: `No worksheet is about a partner \`${m.id}\`${near ? `: did you mean \`${near}\`?` : '. Check the spelling, or hold a one-on-one with them and record it in a worksheet first.'}`,
        range: ctx.view.anchor(m.path),
        fixes: compact(near ? [setFix(ctx.view, `Change to \`${near}\``, m.path, near, true)] : []),
      });
    }
    return issues;
  },
};
