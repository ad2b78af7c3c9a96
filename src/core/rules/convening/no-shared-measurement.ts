import type { Rule } from '../rule';
import type { ConveningFacts } from '../../facts';

export const noSharedMeasurement: Rule<ConveningFacts> = {
  code: 'no-shared-measurement',
  kind: 'convening',
  defaultSeverity: 'warning',
  summary: 'The partnership keeps a shared measurement system with indicators.',
  check(ctx) {
    if (!ctx.facts.pastExploring) return [];
    const system = ctx.facts.measurement.system;
    const indicators = ctx.facts.measurement.indicatorCount;
    if (system && indicators > 0) return [];
    return [{
      message: system
        ? 'The shared measurement system has no indicators yet. Agree a few with the partners, each with a baseline, a target and an owner.'
        : 'There is no shared measurement system. Agree with the partners where progress is tracked and which indicators count.',
      range: ctx.view.anchor(['measurement', system ? 'indicators' : 'system'], ['measurement'], ['name']),
    }];
  },
};
