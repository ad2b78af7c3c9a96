// The method: "Coordinator and leader are two different roles." The convener
// should not hold back from leadership, and should share it; what goes wrong
// is coordinating and leading merged into one, so this fires only then: the
// coordinator holds every leadership role with no partner sharing it, or no
// leadership is set apart from the coordinator at all. A convener that
// co-chairs with a partner is shared leadership, not a gap.
import type { Rule } from '../rule';
import type { ConveningFacts } from '../../facts';
import { slugify } from '../../paths';

export const coordinationConflatedWithLeadership: Rule<ConveningFacts> = {
  code: 'coordination-conflated-with-leadership',
  kind: 'convening',
  defaultSeverity: 'warning',
  summary: 'Coordinating and leading are not merged into one: partners share the leadership the coordinator takes part in.',
  check(ctx) {
    const org = ctx.facts.coordinator?.organization;
    const person = ctx.facts.coordinator?.person;
    if (!org && !person) return [];
    const names = new Set([org, org && slugify(org), person].filter((x): x is string => !!x).map((x) => x.toLowerCase()));
    const isCoordinator = (who: string) => names.has(who.toLowerCase()) || names.has(slugify(who));
    const holders = ctx.facts.leadership.filter((h): h is string => !!h);
    const partnerLeads = ctx.facts.partners.some((p) => !isCoordinator(p.id) && (p.roles.includes('leadership') || p.roles.includes('advisory')));
    const othersLead = partnerLeads || holders.some((h) => !isCoordinator(h));
    if (othersLead) return [];
    const who = org ?? person!;
    if (holders.length > 0) {
      return [{
        message: `\`${who}\` coordinates and also holds every leadership role, and no partner shares leadership. Coordinating (meetings, agendas, measurement) and leading (goals, strategy) are two roles: keep the backbone work, and share leadership, for example by giving a partner a leadership or advisory role beside yours.`,
        range: ctx.view.anchor(['leadership', ctx.facts.leadership.findIndex((h) => !!h), 'holder'], ['leadership']),
      }];
    }
    if (!ctx.facts.pastExploring) return [];
    return [{
      message: `No leadership is set apart from the coordinator \`${who}\`. Coordinating (meetings, agendas, measurement) and leading (goals, strategy) are two roles: set up shared leadership (a \`leadership\` list, or partners with a leadership or advisory role), in which the convener may take part.`,
      range: ctx.view.anchor(['leadership'], ['coordinator']),
    }];
  },
};
