// A new review file for a round, prefilled from the summary so the team starts
// from what the worksheets say and edits it together.
import type { ReviewSummary } from './summarize';
import { yamlString } from '../parse';

export function reviewText(s: ReviewSummary, today: string): string {
  const similarities = s.similarities.flatMap((g) => g.themes.filter((t) => t.source !== 'suggested').map((t) => `${t.partners.length} partners name ${t.label.toLowerCase()} among their ${g.category}`));
  const trends = [
    ...s.trends.rising.map((t) => `${t.label} rising: ${t.previous} to ${t.current} partners since ${s.previousRound}`),
    ...s.trends.new.map((t) => `${t.label} is new this round (${t.current} partners)`),
    ...s.trends.falling.map((t) => `${t.label} falling: ${t.previous} to ${t.current} partners since ${s.previousRound}`),
  ];
  const o = s.opportunities;
  const opportunities = [
    ...o.complementary.map((c) => ({ text: `${c.need.partner.organization} needs ${c.label.toLowerCase()}; ${c.offer.partner.organization} offers it`, partners: [c.need.partner.id, c.offer.partner.id] })),
    ...o.offers.map((x) => ({ text: `Our offer "${x.offer}" fits ${x.goal.partner.organization}'s goal: ${x.goal.text}`, partners: [x.goal.partner.id] })),
    ...o.clusters.map((c) => ({ text: `Shared goals around ${c.label.toLowerCase()}: a possible convening`, partners: c.partners.map((p) => p.id) })),
  ];
  const list = (items: string[]) => (items.length ? `\n${items.map((i) => `  - ${yamlString(i)}`).join('\n')}` : ' []');
  const owner = s.commitments[0]?.owner ?? 'owner-id';
  return `kind: review
version: 1
round: ${s.round}
date: ${today}
attendees: []
similarities:${list(similarities)}
trends:${list(trends)}
opportunities:${opportunities.length ? `\n${opportunities.map((x) => `  - text: ${yamlString(x.text)}\n    partners: [${[...new Set(x.partners)].join(', ')}]`).join('\n')}` : ' []'}
# What will the team do? One line each, with an owner and a date, for example:
#   - {action: Offer the library rooms to Riverside, owner: ${owner}, due: ${today}, partners: [partner-id]}
commitments: []
`;
}
