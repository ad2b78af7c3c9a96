// A new review file for a round, prefilled from the summary: the similarities,
// trends and opportunities the worksheets show, as plain sentences the team
// rewrites together, and an empty commitments list with a template of what
// each commitment needs (an action, an owner, a date) for the meeting to fill.
import type { ReviewSummary } from './model';
import { flowScalar, yamlString } from '../yaml';
import { formatRate } from './render-html';

const MAX_NAMES = 4;

/** "A", "A and B", "A, B and C"; past a handful, "A, B, C, D and 3 more". */
function names(orgs: string[]): string {
  const unique = [...new Set(orgs)];
  if (unique.length > MAX_NAMES + 1) return `${unique.slice(0, MAX_NAMES).join(', ')} and ${unique.length - MAX_NAMES} more`;
  return unique.length <= 1 ? unique.join('') : `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const CATEGORY_NOUN: Record<string, string> = { challenges: 'a challenge', values: 'a value', goals: 'a goal', commitments: 'a commitment' };

export function reviewText(s: ReviewSummary, today: string): string {
  const orgOf = new Map<string, string>();
  for (const g of s.similarities) for (const t of g.themes) for (const q of t.quotes) orgOf.set(q.partner.id, q.partner.organization);

  // Suggested themes are left out: nobody has confirmed them yet.
  const similarities = s.similarities.flatMap((g) => g.themes
    .filter((t) => t.source !== 'suggested')
    .map((t) => `${t.label}: ${CATEGORY_NOUN[g.category]} for ${plural(t.partners.length, 'partner')} (${names(t.partners.map((p) => orgOf.get(p) ?? p))})`));

  const met = s.trends.partners;
  const share = (count: number, total: number) => formatRate({ count, total });
  const trends = [
    ...s.trends.rising.map((t) => `${t.label} (${t.category}) is rising: ${share(t.previous, met.previous)} partners met in ${s.previousRound}, ${share(t.current, met.current)} now`),
    ...s.trends.new.map((t) => `${t.label} (${t.category}) is new this round: ${share(t.current, met.current)} partners met`),
    ...s.trends.falling.map((t) => `${t.label} (${t.category}) is falling: ${share(t.previous, met.previous)} partners met in ${s.previousRound}, ${share(t.current, met.current)} now`),
    ...s.trends.gone.map((t) => `${t.label} (${t.category}) no longer came up (${plural(t.previous, 'partner')} in ${s.previousRound})`),
  ];

  const o = s.opportunities;
  const opportunities = [
    ...o.complementary.map((c) => ({
      text: `${c.label}: ${names(c.needs.map((q) => q.partner.organization))} ${c.needs.length === 1 ? 'needs' : 'need'} it; ${names(c.offers.map((q) => q.partner.organization))} ${c.offers.length === 1 ? 'offers' : 'offer'} it`,
      partners: [...c.needs, ...c.offers].map((q) => q.partner.id),
    })),
    ...o.offers.map((x) => ({
      text: `Our offer "${x.offer.text}" ${[
        x.goals.length ? `fits the goals of ${names(x.goals.map((q) => q.partner.organization))}` : '',
        x.challenges.length ? `meets the challenges of ${names(x.challenges.map((q) => q.partner.organization))}` : '',
      ].filter(Boolean).join(', and ')}`,
      partners: [...new Set([...x.goals, ...x.challenges].map((q) => q.partner.id))],
    })),
    ...o.clusters.map((c) => ({
      text: `Shared goals (${c.themes.map((t) => t.label).join(', ')}): ${names(c.partners.map((p) => p.organization))} could meet as a convening`,
      partners: c.partners.map((p) => p.id),
    })),
  ];

  const list = (items: string[]) => (items.length ? `\n${items.map((i) => `  - ${yamlString(i)}`).join('\n')}` : ' []');
  const opportunityList = opportunities.length
    ? `\n${opportunities.map((x) => `  - text: ${yamlString(x.text)}\n    partners: [${[...new Set(x.partners)].map(flowScalar).join(', ')}]`).join('\n')}`
    : ' []';
  const owner = s.commitments[0]?.owner ?? 'owner-id';
  return `# Team review of ${s.round}, prefilled from the worksheets on ${today}.
# Rewrite the lines below in the team's words, then agree the commitments.
kind: review
version: 1
round: ${yamlString(s.round)}
date: ${today}
attendees: []
similarities:${list(similarities)}
trends:${list(trends)}
opportunities:${opportunityList}
# The team's commitments to next steps, one per line, each with an owner and a due date:
#   - {action: What we will do or explore, owner: ${owner}, due: YYYY-MM-DD, partners: [partner-id]}
commitments: []
`;
}
