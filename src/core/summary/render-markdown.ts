// The review as Markdown, for pasting into notes, an email or a pull request.
// Text from worksheets is escaped so that it cannot become a link, an image,
// emphasis or raw HTML, and stays readable as plain text.
import type { Commitment, Quote, Ref, ReviewSummary, ThemeSource, Trend } from './model';
import { CATEGORY_LABEL, RESPONSE_LABEL, carriedAge, formatRate, plural, reviewedWhen, trendText } from './render-html';
import { themeStatusText } from '../themes/status-text';
import { oneLine } from '../visible';

/**
 * Backslash-escapes what Markdown would read as markup, for text that follows
 * a label or a list marker. Such text could still open a block inside the
 * list item (`- # Commitments are cancelled` is a heading, `- > x` a quote,
 * `- 1. x` a list), so `#` and `>` are always escaped and a leading `-`, `+`,
 * `=` or `1.` is too; `&` is, so `&#x202E;` stays those characters rather
 * than becoming the one it names. Control and bidi characters show as `\uXXXX`.
 */
export function mdEscape(s: unknown): string {
  return escapeInline(String(s ?? '').trim(), true);
}

/** mdEscape without trimming: a piece of a line, block markers escaped only where the line starts. */
function escapeInline(text: string, atLineStart: boolean): string {
  const escaped = oneLine(text.replace(/\s+/g, ' ')).replace(/[\\`*_[\]<>|~&#]/g, (c) => `\\${c}`);
  return (atLineStart ? escaped.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2') : escaped)
    // An underscore between letters or digits never starts or ends emphasis
    // (CommonMark): `success_in_their_words` reads as written, not with backslashes.
    .replace(/(?<=[\p{L}\p{N}])\\_(?=[\p{L}\p{N}])/gu, '_');
}

/**
 * A rule message with its `code` spans kept as code (when the backticks pair
 * up), the rest escaped with its spaces kept. A span that quotes worksheet
 * text (anything beyond a field name or a plain value) is escaped as text
 * instead: nothing is escaped inside a code span, so `&#x202E;` would stay an
 * entity to anything that renders the Markdown loosely.
 */
export function messageText(message: string): string {
  const parts = message.split('`');
  if (parts.length % 2 === 0) return mdEscape(message);
  return parts.map((x, i) => (i % 2 && /^[\w.\-[\] /:,]*$/.test(x) ? code(x) : escapeInline(x, i === 0))).join('').trim();
}

/** A file reference in a code span: no escape works inside one, so backticks are replaced. */
function code(s: string): string {
  return `\`${oneLine(s.replace(/`/g, "'").replace(/\s+/g, ' '))}\``;
}

export function renderMarkdown(s: ReviewSummary, fileLabel: (ref: Ref) => string = (r) => `${r.uri}:${r.line}`): string {
  const c = s.coverage;
  const tag = (source: ThemeSource | undefined) => (source && source !== 'tagged' ? ` _(${source})_` : '');
  const q = (x: Quote) => `- **${mdEscape(x.partner.organization)}**: "${mdEscape(x.text)}"${tag(x.source)} (${code(fileLabel(x))})`;
  // The summary cuts long lists short; the line after one says how many it left out.
  const notListed = (shown: number, total: number) => (total > shown ? [`- _and ${total - shown} more, not listed here_`] : []);
  const more = (shown: number, total: number) => (total > shown ? ` and ${total - shown} more` : '');
  const met = c.partners.total - c.toMeetTotal;
  const lines: string[] = [
    `# Team review: ${mdEscape(s.round || 'no round yet')}`,
    '',
    `${plural(c.partners.total, 'partner')}, ${plural(c.meetings.total, 'meeting')}${s.previousRound ? `; compared with ${mdEscape(s.previousRound)}` : ''}. As of ${mdEscape(s.today)}.`,
    '',
    '## Success in their words',
    '',
    'What success looks like to each partner met, as they put it, and whether they confirmed what the team heard.',
    '',
  ];
  for (const x of s.success.statements) {
    lines.push(`- **${mdEscape(x.partner.organization)}**: "${mdEscape(x.text)}" _(${RESPONSE_LABEL[x.response]})_ (${code(fileLabel(x))})`);
    if (x.correction) lines.push(`  - Their correction: "${mdEscape(x.correction.text)}" (${code(fileLabel(x.correction))})`);
  }
  lines.push(...notListed(s.success.statements.length, s.success.statementsTotal));
  if (s.success.missing.length) lines.push(`- No success statement recorded: ${s.success.missing.map((p) => `${mdEscape(p.organization)} (${code(fileLabel(p))})`).join(', ')}${more(s.success.missing.length, s.success.missingTotal)}`);
  if (!s.success.statements.length && !s.success.missing.length) lines.push('No partner met yet this round.');
  lines.push(
    '',
    '## Coverage',
    '',
    `- Meetings: ${c.funnel.all} in the round, ${c.funnel.held} held, ${c.funnel.filled} filled in, ${c.funnel.shared} shared`,
    `- Partners met: ${formatRate({ count: met, total: c.partners.total })}`,
    `- Confirmed what success means: ${formatRate(c.confirmation)}`,
    `- Agreed a next step: ${formatRate(c.nextStep)}`,
    `- Follow-up only (not ready yet): ${formatRate(c.followUpOnly)}`,
    `- Median meeting length: ${c.medianMinutes === undefined ? 'not recorded' : `${c.medianMinutes} minutes`}; ${formatRate(c.withinRange)} within ${c.range.min}-${c.range.max} minutes`,
  );
  if (c.toMeet.length) lines.push(`- Still to meet: ${c.toMeet.map((p) => `${mdEscape(p.organization)} (${code(fileLabel(p))})`).join(', ')}${more(c.toMeet.length, c.toMeetTotal)}`);
  for (const o of c.overdueNextSteps) lines.push(`- Overdue next step: **${mdEscape(o.partner.organization)}**, ${mdEscape(o.text)} (due ${mdEscape(o.date)}, ${plural(o.daysLate, 'day')} ago${o.owner ? `; ${mdEscape(o.owner)}` : ''}) (${code(fileLabel(o))})`);
  if (c.overdueNextStepsTotal > c.overdueNextSteps.length) lines.push(`- _and ${c.overdueNextStepsTotal - c.overdueNextSteps.length} more overdue next steps, not listed here_`);
  for (const o of c.overdueFollowUps) lines.push(`- Overdue follow-up: **${mdEscape(o.partner.organization)}** (planned for ${mdEscape(o.date)}, ${plural(o.daysLate, 'day')} ago${o.owner ? `; ${mdEscape(o.owner)}` : ''}) (${code(fileLabel(o))})`);
  if (c.overdueFollowUpsTotal > c.overdueFollowUps.length) lines.push(`- _and ${c.overdueFollowUpsTotal - c.overdueFollowUps.length} more overdue follow-ups, not listed here_`);

  lines.push('', '## Similarities', '', 'Themes two or more partners raised, counting partners, not mentions.', '');
  const agree = themeStatusText(s.themeStatus);
  if (agree) lines.push(`${agree.status.replace(/\bsuggested\b/, '_suggested_')} ${agree.howTo}`, '');
  let any = false;
  for (const g of s.similarities) {
    if (!g.themes.length) continue;
    any = true;
    lines.push(`### ${CATEGORY_LABEL[g.category]}`, '');
    for (const t of g.themes) lines.push(`**${mdEscape(t.label)}**: ${plural(t.partners.length, 'partner')}${tag(t.source)}`, '', ...t.quotes.map(q), ...notListed(t.quotes.length, t.partners.length), '');
  }
  if (!any) lines.push('No theme was raised by more than one partner yet.', '');

  lines.push('## Outliers', '', 'Themes only one partner raised, which sit in what success means to them.', '');
  lines.push(...(s.outliers.length
    ? s.outliers.map((o) => `- **${mdEscape(o.theme.label)}**${tag(o.theme.source)}: ${mdEscape(o.partner.organization)}, "${mdEscape(o.success.text)}" (${code(fileLabel(o.success))})`)
    : ['None this round.']), '');

  const t = s.trends;
  lines.push('## Trends', '', '### Within this round', '', `Themes two or more of the ${plural(t.partners.current, 'partner')} met share, per category.`, '');
  for (const g of t.within) lines.push(...g.themes.map((x) => `- ${CATEGORY_LABEL[g.category]}: ${mdEscape(x.label)}, ${formatRate({ count: x.partners, total: t.partners.current })}`));
  if (!t.within.length) lines.push('No theme is shared by two partners yet.');
  lines.push('', `### ${s.previousRound ? `Since ${mdEscape(s.previousRound)}` : 'Since the last round'}`, '');
  if (!s.previousRound) {
    lines.push('No earlier round to compare with: changes since the last round appear from the next one.');
  } else {
    lines.push(`Shares of partners met, per category: ${mdEscape(s.previousRound)} (${plural(t.partners.previous, 'partner')} met) to ${mdEscape(s.round)} (${plural(t.partners.current, 'partner')} met).`, '');
    const list = (title: string, items: Trend[]) => items.map((x) => `- ${title}: ${mdEscape(trendText(x, t.partners))}`);
    const all = [...list('Rising', t.rising), ...list('New', t.new), ...list('Falling', t.falling), ...list('Gone', t.gone)];
    lines.push(...(all.length ? all : ['No theme changed its share between the rounds.']));
  }

  const o = s.opportunities;
  lines.push('', '## Opportunities', '');
  if (o.offers.length) {
    lines.push('### Partner goals and challenges our offers can serve', '');
    for (const x of o.offers) {
      lines.push(`**${mdEscape(x.offer.text)}**`, '');
      if (x.goalsTotal) lines.push('Goals it can serve:', '', ...x.goals.map(q), ...notListed(x.goals.length, x.goalsTotal), '');
      if (x.challengesTotal) lines.push('Challenges it can meet:', '', ...x.challenges.map(q), ...notListed(x.challenges.length, x.challengesTotal), '');
    }
  }
  if (o.complementary.length) {
    lines.push("### One partner's challenge, another's commitment", '');
    const orgs = (qs: Quote[], total: number) => `${qs.map((x) => `**${mdEscape(x.partner.organization)}**`).join(', ')}${more(qs.length, total)}`;
    for (const x of o.complementary) lines.push(`- ${mdEscape(x.label)} (${plural(x.pairs, 'pair')}): ${orgs(x.needs, x.needsTotal)} ${x.needsTotal === 1 ? 'needs' : 'need'} it; ${orgs(x.offers, x.offersTotal)} ${x.offersTotal === 1 ? 'commits' : 'commit'} to it`);
    lines.push('');
  }
  if (o.clusters.length) {
    lines.push('### Shared goals: candidates for a convening', '');
    for (const x of o.clusters) lines.push(`- ${x.themes.map((t) => mdEscape(t.label)).join(', ')}: ${x.partners.map((p) => mdEscape(p.organization)).join(', ')}${more(x.partners.length, x.partnersTotal)}`);
    lines.push('');
  }
  if (o.unservedGoals.length) {
    lines.push('### Goals no next step serves yet', '', ...o.unservedGoals.map(q), ...notListed(o.unservedGoals.length, o.unservedGoalsTotal), '');
  }
  if (!o.offers.length && !o.complementary.length && !o.clusters.length && !o.unservedGoals.length) lines.push('None found yet.', '');

  const cv = s.convenings;
  lines.push('## Convenings', '');
  if (cv.items.length) {
    for (const x of cv.items) {
      lines.push(`- **${mdEscape(x.name)}**${x.status ? ` (${mdEscape(x.status)})` : ''}: ${x.partners.map((p) => mdEscape(p.organization)).join(', ')} (${code(fileLabel(x))})`);
      for (const g of x.gaps) lines.push(`  - ${g.severity} ${code(fileLabel({ uri: x.uri, line: g.line }))} ${mdEscape(g.code)}: ${messageText(g.message)}`);
      if (x.gapsTotal > x.gaps.length) lines.push(`  - _and ${x.gapsTotal - x.gaps.length} more_`);
    }
  } else {
    lines.push('No convening includes a partner met in this round.');
  }
  lines.push('');
  if (cv.uncovered.length) {
    lines.push('### Shared goals no convening covers yet', '');
    for (const x of cv.uncovered) lines.push(`- ${x.themes.map((t) => mdEscape(t.label)).join(', ')}: ${x.partners.map((p) => mdEscape(p.organization)).join(', ')}${more(x.partners.length, x.partnersTotal)}`);
    lines.push('');
  }

  lines.push('## Gaps to fix before the meeting', '');
  lines.push(...(s.gaps.length ? s.gaps.map((g) => `- ${g.severity} ${code(fileLabel(g))} ${mdEscape(g.code)}: ${messageText(g.message)}`) : ['No open gaps in this round.']));
  if (s.gapsTotal > s.gaps.length) lines.push(`- _and ${s.gapsTotal - s.gaps.length} more, not listed here: \`partner-worksheets check\` or the Problems panel lists every one_`);

  lines.push('', "## The team's review", '');
  if (s.conclusions.length) {
    for (const c of s.conclusions) {
      lines.push(`${mdEscape(reviewedWhen(c))} (${code(fileLabel(c))}):`, '');
      for (const [title, items] of [['Similarities', c.similarities], ['Trends', c.trends]] as const) {
        if (items.length) lines.push(`### ${title}`, '', ...items.map((x) => `- ${mdEscape(x.text)} (${code(fileLabel(x))})`), '');
      }
      if (c.opportunities.length) {
        lines.push('### Opportunities', '', ...c.opportunities.map((x) => `- ${mdEscape(x.text)}${x.partners.length ? ` (${mdEscape(x.partners.join(', '))})` : ''} (${code(fileLabel(x))})`), '');
      }
    }
  } else {
    lines.push(s.review ? `No similarities, trends or opportunities written yet (${code(fileLabel(s.review))}).` : 'No review file for this round yet.', '');
  }

  lines.push('## Commitments', '');
  const commitment = (x: Commitment) => {
    const who = [x.owner, x.due ? `by ${x.due}` : undefined].filter(Boolean).join(', ');
    const state = x.overdue ? ' **overdue**' : x.status && x.status !== 'open' ? ` (${mdEscape(x.status)})` : '';
    return `${mdEscape(x.action)}${who ? ` (${mdEscape(who)})` : ''}${state}`;
  };
  lines.push(...(s.commitments.length
    ? s.commitments.map((x) => `- ${commitment(x)} (${code(fileLabel(x))})`)
    : [s.review ? `No commitments recorded yet (${code(fileLabel(s.review))}).` : 'No review file for this round yet.']));
  if (s.carried.length) {
    lines.push('', '### Still open from earlier reviews', '');
    lines.push(...s.carried.map((x) => `- ${commitment(x)}, ${mdEscape(carriedAge(x))} (${code(fileLabel(x))})`), ...notListed(s.carried.length, s.carriedTotal));
  }
  lines.push('');
  return lines.join('\n');
}
