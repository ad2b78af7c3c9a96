import type { Rule } from '../rule';
import type { ConveningFacts } from '../../facts';
import { COORDINATOR_DUTIES } from '../../facts';
import { compact, insertFix, yamlPlaceholder } from '../fixes';
import { yamlString } from '../../yaml';

export const coordinatorVacant: Rule<ConveningFacts> = {
  code: 'coordinator-vacant',
  kind: 'convening',
  defaultSeverity: 'warning',
  summary: 'Someone holds the coordinator (backbone) role.',
  check(ctx) {
    if (!ctx.facts.pastExploring) return [];
    if (ctx.facts.coordinator?.organization || ctx.facts.coordinator?.person) return [];
    const org = ctx.facts.convener.organization ?? '';
    return [{
      message: 'No one coordinates this partnership. Name the coordinator (backbone) role: meetings, agendas, channels, goals and metrics, shared measurement and resources. The convener is usually best placed to take it.',
      range: ctx.view.anchor(['coordinator'], ['name']),
      fixes: compact([insertFix(ctx.view, {
        title: 'Add a coordinator block',
        mapPath: [],
        key: 'coordinator',
        plain: ['', `organization: ${org ? yamlString(org) : '""'}`, 'duties:', ...COORDINATOR_DUTIES.map((d) => `  ${d}: null`)],
        snippet: ['', `organization: ${yamlPlaceholder(1, org ? yamlString(org) : '')}`, 'person: ${2:person-id}', 'duties:', ...COORDINATOR_DUTIES.map((d) => `  ${d}: \${2}`)],
        after: ['vision_setting', 'partners'],
        preferred: true,
      })]),
    }];
  },
};
