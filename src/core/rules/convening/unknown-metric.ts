import type { Rule, RuleIssue } from '../rule';
import type { ConveningFacts } from '../../facts';
import { compact, setFix } from '../fixes';
import { nearestKey } from '../../schema';

export const unknownMetric: Rule<ConveningFacts> = {
  code: 'unknown-metric',
  kind: 'convening',
  defaultSeverity: 'warning',
  summary: 'Goal metrics name indicators defined under measurement.',
  check(ctx) {
    const ids = ctx.facts.measurement.indicatorIds;
    const issues: RuleIssue[] = [];
    ctx.facts.goals.forEach((g, gi) => {
      g.metrics.forEach((id, mi) => {
        if (!id || ids.includes(id)) return;
        const near = nearestKey(id, ids);
        const path = ['goals', gi, 'metrics', mi];
        issues.push({
          message: `\`${id}\` is not an indicator of this partnership${near ? `: did you mean \`${near}\`?` : '. Define it under `measurement.indicators`, with a baseline, a target and an owner.'}`,
          range: ctx.view.anchor(path),
          fixes: compact(near ? [setFix(ctx.view, `Change to \`${near}\``, path, near, true)] : []),
        });
      });
    });
    return issues;
  },
};
