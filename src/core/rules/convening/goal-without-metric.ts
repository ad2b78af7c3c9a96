import type { Rule, RuleIssue } from '../rule';
import type { ConveningFacts } from '../../facts';
import { compact, insertFix, setFix, yamlPlaceholder } from '../fixes';
import { flowScalar } from '../../yaml';

export const goalWithoutMetric: Rule<ConveningFacts> = {
  code: 'goal-without-metric',
  kind: 'convening',
  defaultSeverity: 'warning',
  summary: 'Every partnership goal names a metric to track it.',
  check(ctx) {
    const indicators = ctx.facts.measurement.indicatorIds;
    const issues: RuleIssue[] = [];
    ctx.facts.goals.forEach((g, i) => {
      if (g.metrics.length > 0) return;
      const statement = g.statement ?? `goal ${i + 1}`;
      const metric = indicators[0] ?? 'metric-id';
      // Written inside brackets: an id people wrote with a comma in it stays one item.
      const item = flowScalar(metric);
      const present = ctx.view.pair(['goals', i, 'metrics']) !== undefined;
      const fix = present
        ? setFix(ctx.view, `Track it with \`${metric}\``, ['goals', i, 'metrics'], `[${item}]`, true)
        : insertFix(ctx.view, { title: `Track it with \`${metric}\``, mapPath: ['goals', i], key: 'metrics', plain: [`[${item}]`], snippet: [`[${yamlPlaceholder(1, item)}]`], after: ['statement'], preferred: true });
      issues.push({
        message: `"${statement}" has no metric. Name an indicator from \`measurement.indicators\`, so partners can see progress together.`,
        range: ctx.view.anchor(['goals', i, 'statement'], ['goals', i]),
        fixes: compact([fix]),
      });
    });
    return issues;
  },
};
