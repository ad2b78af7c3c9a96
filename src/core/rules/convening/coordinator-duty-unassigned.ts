import type { Rule, RuleIssue } from '../rule';
import type { ConveningFacts, CoordinatorDuty } from '../../facts';
import { COORDINATOR_DUTIES } from '../../facts';
import { compact, insertFix, setFix } from '../fixes';

const LABEL: Record<CoordinatorDuty, string> = {
  meetings: 'organising meetings',
  agendas: 'setting agendas',
  communication_channels: 'running the communication channels',
  goals_and_metrics: 'making sure goals have metrics',
  shared_measurement: 'keeping the shared measurement system',
  resources: 'managing shared resources',
};

export const coordinatorDutyUnassigned: Rule<ConveningFacts> = {
  code: 'coordinator-duty-unassigned',
  kind: 'convening',
  defaultSeverity: 'info',
  summary: 'Each backbone duty has someone assigned.',
  check(ctx) {
    const coord = ctx.facts.coordinator;
    if (!coord) return [];
    const person = coord.person;
    const issues: RuleIssue[] = [];
    for (const d of COORDINATOR_DUTIES) {
      if (coord.duties[d]) continue;
      const present = ctx.view.pair(['coordinator', 'duties', d]) !== undefined;
      const fix = person
        ? (present
          ? setFix(ctx.view, `Assign ${d} to ${person}`, ['coordinator', 'duties', d], person, true)
          : insertFix(ctx.view, { title: `Assign ${d} to ${person}`, mapPath: ['coordinator', 'duties'], key: d, plain: [person], preferred: true }))
        : undefined;
      issues.push({
        message: `No one is assigned to ${LABEL[d]} (\`${d}\`). Backbone work left vacant is where partnerships stall.`,
        range: ctx.view.anchor(['coordinator', 'duties', d], ['coordinator', 'duties'], ['coordinator']),
        fixes: compact([fix]),
      });
    }
    return issues;
  },
};
