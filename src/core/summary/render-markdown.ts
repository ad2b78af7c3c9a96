// The review as Markdown, for pasting into notes or a pull request. Text from
// worksheets is escaped so it cannot become links, images or HTML.
import type { Quote, Ref, ReviewSummary, Trend } from './summarize';
import { formatRate } from './render-html';

/** Text never starts a line here, so list and heading markers need no escape. */
export function mdEscape(s: string): string {
  return s.replace(/[\\`*_{}[\]()#!|<>~]/g, (c) => `\\${c}`);
}

export function renderMarkdown(s: ReviewSummary, fileLabel: (ref: Ref) => string = (r) => `${r.uri}:${r.line}`): string {
  const c = s.coverage;
  const q = (x: Quote) => `- **${mdEscape(x.partner.organization)}**: "${mdEscape(x.text)}" (\`${fileLabel(x).replace(/`/g, "'")}\`)`;
  const lines: string[] = [
    `# Team review: ${mdEscape(s.round)}`,
    '',
    `${c.partners} partners, ${c.meetings.total} meetings${s.previousRound ? `; compared with ${mdEscape(s.previousRound)}` : ''}. As of ${s.today}.`,
    '',
    '## Coverage',
    '',
    `- Meetings: ${c.meetings.planned} planned, ${c.meetings.prepared} prepared, ${c.meetings.held} held, ${c.meetings.filled} filled, ${c.meetings.shared} shared`,
    `- Confirmed what success means: ${formatRate(c.confirmation)}`,
    `- Agreed a next step: ${formatRate(c.nextStep)}`,
    `- Follow-up only: ${formatRate(c.followUpOnly)}`,
    `- Median meeting length: ${c.medianMinutes === undefined ? 'not recorded' : `${c.medianMinutes} minutes`}; ${formatRate(c.withinRange)} within ${c.range.min}-${c.range.max} minutes`,
  ];
  if (c.toMeet.length) lines.push(`- Still to meet: ${c.toMeet.map((p) => mdEscape(p.organization)).join(', ')}`);
  for (const o of c.overdueNextSteps) lines.push(`- Overdue next step: **${mdEscape(o.partner.organization)}**, ${mdEscape(o.text)} (due ${o.date})`);
  for (const o of c.overdueFollowUps) lines.push(`- Overdue follow-up: **${mdEscape(o.partner.organization)}** (planned for ${o.date})`);
  lines.push('', '## Similarities', '');
  let any = false;
  for (const g of s.similarities) {
    if (!g.themes.length) continue;
    any = true;
    lines.push(`### ${g.category[0].toUpperCase()}${g.category.slice(1)}`, '');
    for (const t of g.themes) {
      lines.push(`**${mdEscape(t.label)}**: ${t.partners.length} partners${t.source === 'tagged' ? '' : ` (${t.source})`}`, '', ...t.quotes.map(q), '');
    }
  }
  if (!any) lines.push('No theme was raised by more than one partner yet.', '');
  lines.push('## Outliers', '');
  lines.push(...(s.outliers.length ? s.outliers.map((o) => `- **${mdEscape(o.theme.label)}**: ${mdEscape(o.success.partner.organization)}, "${mdEscape(o.success.text)}"`) : ['None this round.']), '');
  lines.push('## Trends', '');
  if (!s.previousRound) lines.push('This is the first round: trends appear from the next one.');
  else {
    const t = (title: string, list: Trend[]) => list.map((x) => `- ${title}: ${mdEscape(x.label)}, ${x.previous} to ${x.current} partners`);
    const all = [...t('Rising', s.trends.rising), ...t('New', s.trends.new), ...t('Falling', s.trends.falling), ...t('Gone', s.trends.gone)];
    lines.push(...(all.length ? all : ['No theme changed between the rounds.']));
  }
  const o = s.opportunities;
  lines.push('', '## Opportunities', '');
  for (const x of o.offers) lines.push(`- Offer "${mdEscape(x.offer)}" fits **${mdEscape(x.goal.partner.organization)}**'s goal "${mdEscape(x.goal.text)}"`);
  for (const x of o.complementary) lines.push(`- ${mdEscape(x.label)}: **${mdEscape(x.need.partner.organization)}** needs "${mdEscape(x.need.text)}"; **${mdEscape(x.offer.partner.organization)}** offers "${mdEscape(x.offer.text)}"`);
  for (const x of o.clusters) lines.push(`- Shared goal theme ${mdEscape(x.label)}: ${x.partners.map((p) => mdEscape(p.organization)).join(', ')}`);
  for (const x of o.unservedGoals) lines.push(`- No next step serves **${mdEscape(x.partner.organization)}**'s goal "${mdEscape(x.text)}"`);
  if (!o.offers.length && !o.complementary.length && !o.clusters.length && !o.unservedGoals.length) lines.push('None found yet.');
  lines.push('', '## Gaps to fix before the meeting', '');
  lines.push(...(s.gaps.length ? s.gaps.map((g) => `- \`${g.file.replace(/`/g, "'")}:${g.line}\` ${g.code}: ${mdEscape(g.message)}`) : ['No open gaps in this round.']));
  lines.push('', '## Commitments', '');
  lines.push(...(s.commitments.length ? s.commitments.map((x) => `- ${mdEscape(x.action)}${x.owner ? ` (${mdEscape(x.owner)}${x.due ? `, by ${x.due}` : ''})` : ''}${x.status && x.status !== 'open' ? ` [${x.status}]` : ''}`) : ['No commitments recorded yet.']));
  lines.push('');
  return lines.join('\n');
}
