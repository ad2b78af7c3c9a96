// The method: "the highly technical backbone support role should be clearly
// articulated to the group". A coordinator named in the file but never stated
// to the partners leaves room for the vagueness the method warns of.
import type { Rule } from '../rule';
import type { ConveningFacts } from '../../facts';
import { compact, insertFix } from '../fixes';

export const coordinatorRoleUnannounced: Rule<ConveningFacts> = {
  code: 'coordinator-role-unannounced',
  kind: 'convening',
  defaultSeverity: 'info',
  summary: 'Once the group has met, the coordinator (backbone) role has been stated to it (`coordinator.announced_on`).',
  check(ctx) {
    const c = ctx.facts.coordinator;
    if (!ctx.facts.pastExploring || !c || (!c.organization && !c.person) || c.announcedOn) return [];
    // The role is stated at a meeting of the group: before the first one there is no one to tell.
    const met = [...ctx.facts.sessions.map((s) => s.date), ctx.facts.communication.lastMeeting].some((d) => d !== undefined && d <= ctx.today);
    if (!met) return [];
    return [{
      message: 'Has the coordinator role been stated to the partners? Tell the group who provides backbone support and what it covers (meetings, agendas, channels, measurement, resources), so nobody mistakes it for leadership, then note the day in `announced_on`.',
      range: ctx.view.keyRange(['coordinator']) ?? ctx.view.anchor(['coordinator']),
      fixes: compact([insertFix(ctx.view, {
        title: `We stated it today: add \`announced_on: ${ctx.today}\``,
        mapPath: ['coordinator'],
        key: 'announced_on',
        plain: [ctx.today],
        snippet: [`\${1:${ctx.today}}`],
        after: ['person', 'organization'],
        preferred: true,
      })]),
    }];
  },
};
