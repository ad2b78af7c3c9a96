import type { Rule } from '../rule';
import { field, text } from '../../facts/data';
import { compact, insertFix } from '../fixes';
import { pastExploring } from './common';
import { yamlString } from '../../yaml';

export const DUTIES = ['meetings', 'agendas', 'communication_channels', 'goals_and_metrics', 'shared_measurement', 'resources'] as const;

export const coordinatorVacant: Rule = {
  code: 'coordinator-vacant',
  kind: 'convening',
  defaultSeverity: 'warning',
  summary: 'Someone holds the coordinator (backbone) role.',
  check(ctx) {
    if (!pastExploring(ctx)) return [];
    if (text(field(ctx.data, 'coordinator', 'organization')) || text(field(ctx.data, 'coordinator', 'person'))) return [];
    const org = text(field(ctx.data, 'convener', 'organization')) ?? '';
    return [{
      message: 'No one coordinates this partnership. Name the coordinator (backbone) role: meetings, agendas, channels, goals and metrics, shared measurement and resources. The convener is usually best placed to take it.',
      range: ctx.view.anchor(['coordinator'], ['name']),
      fixes: compact([insertFix(ctx.view, {
        title: 'Add a coordinator block',
        mapPath: [],
        key: 'coordinator',
        plain: ['', `organization: ${org ? yamlString(org) : '""'}`, 'duties:', ...DUTIES.map((d) => `  ${d}: null`)],
        snippet: ['', `organization: \${1:${org}}`, 'person: ${2:person-id}', 'duties:', ...DUTIES.map((d) => `  ${d}: \${2}`)],
        after: ['vision_setting', 'partners'],
        preferred: true,
      })]),
    }];
  },
};
