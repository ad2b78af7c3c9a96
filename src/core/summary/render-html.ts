// The review as HTML. One renderer for the panel (which puts the body into its
// page) and for the self-contained export. Every string from worksheets goes
// through esc(): partner names and notes are written by many hands.
import type { Quote, Rate, Ref, ReviewSummary, ThemeEntry, Trend } from './summarize';

export function esc(s: unknown): string {
  return String(s ?? '').replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** "3 of 4" below five, "75% (30 of 40)" from five up: small groups are people, not percentages. */
export function formatRate(r: Rate): string {
  if (r.total === 0) return 'none yet';
  if (r.total < 5) return `${r.count} of ${r.total}`;
  return `${Math.round((100 * r.count) / r.total)}% (${r.count} of ${r.total})`;
}

export interface RenderOptions {
  /** href for a link to a file and line; the panel uses "#" and handles clicks. */
  href?: (ref: Ref) => string;
}

const CATEGORY_LABEL: Record<string, string> = { challenges: 'Challenges', values: 'Values', goals: 'Goals', commitments: 'Commitments' };

export function renderSummaryBody(s: ReviewSummary, options: RenderOptions = {}): string {
  const href = options.href ?? (() => '#');
  const link = (ref: Ref, label: string) => `<a class="ref" href="${esc(href(ref))}" data-uri="${esc(ref.uri)}" data-line="${ref.line}">${label}</a>`;
  const quote = (q: Quote) => `<li>${link(q, `<strong>${esc(q.partner.organization)}</strong>`)}: <q>${esc(q.text)}</q></li>`;
  const c = s.coverage;
  const out: string[] = [];

  out.push(`<header><h1>Team review: ${esc(s.round || 'no round yet')}</h1><p class="meta">${c.partners} partner${c.partners === 1 ? '' : 's'}, ${c.meetings.total} meeting${c.meetings.total === 1 ? '' : 's'}${s.previousRound ? `; compared with ${esc(s.previousRound)}` : ''}. As of ${esc(s.today)}.</p></header>`);

  // Coverage
  const statuses = (['planned', 'prepared', 'held', 'filled', 'shared'] as const).map((k) => ({ label: k, value: c.meetings[k] }));
  out.push(`<section id="coverage" aria-labelledby="h-coverage"><h2 id="h-coverage">Coverage</h2>`);
  out.push(barChart('Meetings by status', statuses));
  out.push('<dl class="figures">');
  out.push(`<dt>Confirmed what success means</dt><dd>${formatRate(c.confirmation)}</dd>`);
  out.push(`<dt>Agreed a next step</dt><dd>${formatRate(c.nextStep)}</dd>`);
  out.push(`<dt>Follow-up only (not ready yet)</dt><dd>${formatRate(c.followUpOnly)}</dd>`);
  out.push(`<dt>Median meeting length</dt><dd>${c.medianMinutes === undefined ? 'not recorded' : `${c.medianMinutes} minutes`}; ${formatRate(c.withinRange)} within ${c.range.min}-${c.range.max} minutes</dd>`);
  out.push('</dl>');
  if (c.toMeet.length) out.push(`<h3>Partners still to meet</h3><ul>${c.toMeet.map((p) => `<li>${link(p, esc(p.organization))}${p.date ? ` (${esc(p.status ?? '')} for ${esc(p.date)})` : ''}</li>`).join('')}</ul>`);
  if (c.overdueNextSteps.length) out.push(`<h3>Overdue next steps</h3><ul>${c.overdueNextSteps.map((o) => `<li>${link(o, esc(o.partner.organization))}: ${esc(o.text)} (due ${esc(o.date)})</li>`).join('')}</ul>`);
  if (c.overdueFollowUps.length) out.push(`<h3>Overdue follow-ups</h3><ul>${c.overdueFollowUps.map((o) => `<li>${link(o, esc(o.partner.organization))} (planned for ${esc(o.date)})</li>`).join('')}</ul>`);
  out.push('</section>');

  // Similarities
  out.push(`<section id="similarities" aria-labelledby="h-similarities"><h2 id="h-similarities">Similarities</h2><p class="hint">Themes raised by two or more partners, counting partners, not mentions.</p>`);
  let any = false;
  for (const group of s.similarities) {
    if (!group.themes.length) continue;
    any = true;
    out.push(`<h3>${CATEGORY_LABEL[group.category]}</h3>`);
    out.push(barChart(`${CATEGORY_LABEL[group.category]}: partners per theme`, group.themes.map((t) => ({ label: themeLabel(t), value: t.partners.length }))));
    for (const t of group.themes) {
      out.push(`<details class="theme"><summary>${esc(t.label)} <span class="count">${t.partners.length} partners</span> ${sourceBadge(t.source)}</summary><ul class="quotes">${t.quotes.map(quote).join('')}</ul></details>`);
    }
  }
  if (!any) out.push('<p class="empty">No theme was raised by more than one partner yet.</p>');
  out.push('</section>');

  // Outliers
  out.push(`<section id="outliers" aria-labelledby="h-outliers"><h2 id="h-outliers">Outliers</h2><p class="hint">Themes only one partner raised, that sit in what success means to them.</p>`);
  out.push(s.outliers.length
    ? `<ul>${s.outliers.map((o) => `<li><strong>${esc(o.theme.label)}</strong>: ${link(o.success, esc(o.success.partner.organization))}, <q>${esc(o.success.text)}</q></li>`).join('')}</ul>`
    : '<p class="empty">None this round.</p>');
  out.push('</section>');

  // Trends
  out.push(`<section id="trends" aria-labelledby="h-trends"><h2 id="h-trends">Trends</h2>`);
  if (!s.previousRound) {
    out.push('<p class="empty">This is the first round: trends appear from the next one.</p>');
  } else {
    out.push(`<p class="hint">Partners per theme, ${esc(s.previousRound)} to ${esc(s.round)}.</p>`);
    const trendList = (title: string, list: Trend[]) => (list.length ? `<h3>${title}</h3><ul>${list.map((t) => `<li>${esc(t.label)}: ${t.previous} to ${t.current}</li>`).join('')}</ul>` : '');
    const body = trendList('Rising', s.trends.rising) + trendList('New', s.trends.new) + trendList('Falling', s.trends.falling) + trendList('Gone', s.trends.gone);
    out.push(body || '<p class="empty">No theme changed between the rounds.</p>');
  }
  out.push('</section>');

  // Opportunities
  const o = s.opportunities;
  out.push(`<section id="opportunities" aria-labelledby="h-opportunities"><h2 id="h-opportunities">Opportunities</h2>`);
  if (o.offers.length) out.push(`<h3>Partner goals we can help with</h3><ul>${o.offers.map((x) => `<li>${esc(x.offer)} → ${link(x.goal, esc(x.goal.partner.organization))}: <q>${esc(x.goal.text)}</q></li>`).join('')}</ul>`);
  if (o.complementary.length) out.push(`<h3>One partner's need, another's strength</h3><ul>${o.complementary.map((x) => `<li><strong>${esc(x.label)}</strong>: ${link(x.need, esc(x.need.partner.organization))} needs <q>${esc(x.need.text)}</q>; ${link(x.offer, esc(x.offer.partner.organization))} offers <q>${esc(x.offer.text)}</q></li>`).join('')}</ul>`);
  if (o.clusters.length) out.push(`<h3>Shared goals: candidates for a convening</h3><ul>${o.clusters.map((x) => `<li><strong>${esc(x.label)}</strong>: ${x.partners.map((p) => esc(p.organization)).join(', ')}</li>`).join('')}</ul>`);
  if (o.unservedGoals.length) out.push(`<h3>Goals no next step serves yet</h3><ul>${o.unservedGoals.map(quote).join('')}</ul>`);
  if (!o.offers.length && !o.complementary.length && !o.clusters.length && !o.unservedGoals.length) out.push('<p class="empty">None found yet.</p>');
  out.push('</section>');

  // Gaps
  out.push(`<section id="gaps" aria-labelledby="h-gaps"><h2 id="h-gaps">Gaps to fix before the meeting</h2>`);
  out.push(s.gaps.length
    ? `<ul class="gaps">${s.gaps.map((g) => `<li class="${esc(g.severity)}">${link(g, `${esc(g.file)}:${g.line}`)} <code>${esc(g.code)}</code> ${esc(g.message)}</li>`).join('')}</ul>`
    : '<p class="empty">No open gaps in this round.</p>');
  out.push('</section>');

  // Commitments
  out.push(`<section id="commitments" aria-labelledby="h-commitments"><h2 id="h-commitments">Commitments</h2>`);
  if (s.commitments.length) {
    out.push(`<ul>${s.commitments.map((x) => `<li>${esc(x.action)}${x.owner ? ` (${esc(x.owner)}${x.due ? `, by ${esc(x.due)}` : ''})` : x.due ? ` (by ${esc(x.due)})` : ''}${x.status && x.status !== 'open' ? ` <span class="badge">${esc(x.status)}</span>` : ''}</li>`).join('')}</ul>`);
  } else {
    out.push(`<p class="empty">${s.review ? `No commitments recorded yet in ${link(s.review, 'the review file')}.` : 'No review file for this round yet.'}</p>`);
  }
  out.push('</section>');
  return out.join('\n');
}

function themeLabel(t: ThemeEntry): string {
  return t.source === 'suggested' ? `${t.label} (suggested)` : t.label;
}

function sourceBadge(source: string): string {
  if (source === 'tagged') return '';
  const title = source === 'matched' ? 'Matched from note text through the team vocabulary' : 'Suggested from keywords: confirm it by tagging the notes';
  return `<span class="badge ${esc(source)}" title="${esc(title)}">${esc(source)}</span>`;
}

/** A horizontal bar chart; the numbers are in the text too, for screen readers. */
export function barChart(title: string, bars: { label: string; value: number }[]): string {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rowH = 22;
  const labelW = 190;
  const width = 520;
  const rows = bars.map((b, i) => {
    const w = Math.round(((width - labelW - 40) * b.value) / max);
    const y = i * rowH;
    return `<g><text x="0" y="${y + 15}" class="bar-label">${esc(b.label)}</text><rect x="${labelW}" y="${y + 4}" width="${w}" height="${rowH - 8}" rx="2" class="bar"></rect><text x="${labelW + w + 6}" y="${y + 15}" class="bar-value">${b.value}</text></g>`;
  }).join('');
  const summary = bars.map((b) => `${b.label}: ${b.value}`).join(', ');
  return `<figure class="chart"><svg role="img" aria-label="${esc(`${title}. ${summary}`)}" viewBox="0 0 ${width} ${bars.length * rowH}" width="${width}" height="${bars.length * rowH}">${rows}</svg><figcaption class="sr-only">${esc(`${title}: ${summary}`)}</figcaption></figure>`;
}

export const STANDALONE_CSS = `
:root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #59636e; --accent: #1f6f5c; --bar: #1f6f5c; --border: #d0d7de; --warn: #9a6700; --err: #cf222e; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --accent: #58c4a4; --bar: #58c4a4; --border: #30363d; --warn: #d29922; --err: #f85149; } }
body { font: 15px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
`;

export const SHARED_CSS = `
h1 { font-size: 1.6em; margin-bottom: .2em; }
h2 { font-size: 1.25em; border-bottom: 1px solid var(--border); padding-bottom: .2em; margin-top: 1.6em; }
h3 { font-size: 1.05em; margin-bottom: .3em; }
.meta, .hint, .empty { color: var(--muted); }
.figures { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; }
.figures dt { font-weight: 600; }
.figures dd { margin: 0; }
.chart { margin: .5em 0; }
.chart svg { max-width: 100%; height: auto; }
.bar { fill: var(--bar); }
.bar-label, .bar-value { fill: var(--fg); font-size: 12px; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
details.theme { margin: .2em 0; }
details.theme summary { cursor: pointer; }
.count { color: var(--muted); }
.badge { font-size: .8em; border: 1px solid var(--border); border-radius: 3px; padding: 0 .3em; color: var(--muted); }
.quotes { margin: .2em 0 .6em; }
a.ref { color: var(--accent); }
a:focus-visible, summary:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.gaps li.error code { color: var(--err); }
.gaps li.warning code { color: var(--warn); }
`;

/** A complete HTML document: the export, and `partner-worksheets review --format html`. */
export function renderStandaloneHtml(s: ReviewSummary, options: RenderOptions = {}): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Team review: ${esc(s.round)}</title>
<style>${STANDALONE_CSS}${SHARED_CSS}</style>
</head>
<body>
<main>
${renderSummaryBody(s, options)}
</main>
</body>
</html>
`;
}
