// One id written with two organisation names: a partner that renamed itself
// (nothing to do), or two organisations sharing an id by mistake (then the
// newest name would silently take over the other's history). Said once, on
// the first worksheet that wrote the later name, naming both.
import type { Rule } from '../rule';
import { locations } from '../rule';
import type { WorksheetFacts } from '../../facts';
import { compact, setFix } from '../fixes';
import { yamlString } from '../../yaml';
import { organizationKey } from '../../workspace/identity';

export const partnerRenamed: Rule<WorksheetFacts> = {
  code: 'partner-renamed',
  kind: 'worksheet',
  defaultSeverity: 'info',
  crossFile: true,
  summary: 'One partner id is used with one organisation name; a second name is pointed out, naming both.',
  // Said once per later name, on the first worksheet that wrote it.
  *mayFlag(ws) {
    for (const names of ws.renamedPartners()) for (const n of names.slice(1)) yield n.first.uri;
  },
  check(ctx) {
    const ws = ctx.workspace;
    const org = ctx.facts.organization;
    const written = ctx.facts.partnerId;
    if (!ws || !org || !written) return [];
    const names = ws.namesOf(written);
    const key = organizationKey(org);
    const at = names.findIndex((n) => organizationKey(n.organization) === key);
    if (at <= 0 || names[at].first.uri !== ctx.uri) return [];
    const earlier = names[at - 1];
    const id = ws.canonicalPartner(written);
    return [{
      message: `\`${id}\` was "${earlier.organization}"${earlier.first.date ? ` (${earlier.first.date})` : ''} and is "${org}" here. If the organisation renamed itself, nothing to do; if this is another organisation, give it its own id so the histories stay apart.`,
      range: ctx.view.anchor(['partner', 'organization'], ['partner']),
      fixes: compact([setFix(ctx.view, `Use the earlier name "${earlier.organization}"`, ['partner', 'organization'], yamlString(earlier.organization), true)]),
      related: locations(ctx, [earlier.first], () => `\`${id}\`: ${earlier.organization}`),
    }];
  },
};
