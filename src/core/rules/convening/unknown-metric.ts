import type { Rule, RuleIssue } from '../rule';
import { field, list, text } from '../../facts/data';
import { compact, setFix } from '../fixes';
import { nearestKey } from '../../schema';

export const unknownMetric: Rule = {
  code: 'unknown-metric',
  kind: 'convening',
  defaultSeverity: 'warning',
  summary: 'Goal metrics name indicators defined under measurement.',
  check(ctx) {
    const ids = list(field(ctx.data, 'measurement', 'indicators')).map((i) => text(field(i, 'id'))).filter((x): x is string => !!x);
    const issues: RuleIssue[] = [];
    list(ctx.data.goals).forEach((g, gi) => {
      list(field(g, 'metrics')).forEach((m, mi) => {
        const id = text(m);
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
