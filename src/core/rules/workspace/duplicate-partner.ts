// One organisation under two ids (`oak-library`, `oak-public-library`) is two
// partners to every other view: two histories, and the review's top
// "similarity" is the library agreeing with itself. Flag the newer id, where
// the slip was made, and offer the id the team already uses.
import type { Rule } from '../rule';
import { locations } from '../rule';
import type { WorksheetFacts } from '../../facts';
import { compact, insertFix, setFix } from '../fixes';

export const duplicatePartner: Rule<WorksheetFacts> = {
  code: 'duplicate-partner',
  kind: 'worksheet',
  defaultSeverity: 'warning',
  crossFile: true,
  summary: 'One organisation has one partner id: no two ids are written with the same organisation name (case and punctuation aside).',
  // The earliest id of a shared name keeps it: only the meetings of the later ids can be flagged.
  *mayFlag(ws) {
    for (const ids of ws.sharedNames()) for (const x of ids.slice(1)) for (const m of ws.meetingsOf(x.id)) yield m.uri;
  },
  check(ctx) {
    const ws = ctx.workspace;
    const org = ctx.facts.organization;
    const written = ctx.facts.partnerId;
    if (!ws || !org || !written) return [];
    const id = ws.canonicalPartner(written);
    const ids = ws.partnersNamed(org);
    const at = ids.findIndex((x) => x.id === id);
    // The earliest id keeps the name; the later ones are the duplicates.
    if (at <= 0) return [];
    const existing = ids[0];
    const hasId = ctx.view.node(['partner', 'id']) !== undefined;
    const fix = hasId
      ? setFix(ctx.view, `Use the existing id \`${existing.id}\``, ['partner', 'id'], existing.id, true)
      : insertFix(ctx.view, { title: `Use the existing id \`${existing.id}\``, mapPath: ['partner'], key: 'id', plain: [existing.id], preferred: true });
    return [{
      message: `"${org}" already has the partner id \`${existing.id}\`${existing.first.date ? ` (first met ${existing.first.date})` : ''}; this worksheet makes it a second partner, \`${id}\`. Use \`${existing.id}\` so their history stays together, or, if the old id must stay in old files, add \`aliases: {${id}: ${existing.id}}\` to partner-worksheets.yaml.`,
      range: ctx.view.anchor(['partner', 'id'], ['partner', 'organization'], ['partner']),
      fixes: compact([fix]),
      related: locations(ctx, [existing.first], () => `\`${existing.id}\`: ${org}`),
    }];
  },
};
