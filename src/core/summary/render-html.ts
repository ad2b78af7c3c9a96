// The review as HTML. One renderer serves the panel (its page puts the body in
// place) and the self-contained export, so what the team sees on screen and
// what it files away are the same. Every string that comes from a worksheet
// (names, notes, ids, file names, even numbers) goes through esc(): worksheets
// are written by many hands, and a partner's name must never become markup.
// Imports are types (and small pure helpers) only: the page bundles this file without the summariser.
import { themeStatusText } from '../themes/status-text';
import { visibleControls } from '../visible';
import { fileLabel as fileName } from '../paths';
import type { CarriedCommitment, Commitment, Complement, Coverage, DatedItem, Gap, NoteCategory, OfferMatch, PartnerRef, Quote, Rate, Ref, ReviewSummary, SuccessResponse, SuccessStatement, TeamConclusions, ThemeEntry, ThemeSource, Trend } from './model';

export function esc(s: unknown): string {
  // Control and bidi characters show as `\uXXXX`: they could reorder what a reader sees.
  return visibleControls(String(s ?? '')).replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A rule message with its `code` spans as <code>, everything escaped. Only
 * when the backticks pair up: a stray one (from a partner id, say) stays text.
 */
export function withCode(message: string): string {
  const parts = message.split('`');
  if (parts.length % 2 === 0) return esc(message);
  return parts.map((x, i) => (i % 2 ? `<code>${esc(x)}</code>` : esc(x))).join('');
}

/** "3 of 4" below five: small groups are people, not percentages. "75% (6 of 8)" from five up. */
export function formatRate(r: Rate): string {
  if (r.total === 0) return 'none yet';
  if (r.total < 5) return `${r.count} of ${r.total}`;
  return `${Math.round((100 * r.count) / r.total)}% (${r.count} of ${r.total})`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export const CATEGORY_LABEL: Record<NoteCategory, string> = { challenges: 'Challenges', values: 'Values', goals: 'Goals', commitments: 'Commitments' };

export const SECTIONS = [
  ['success', 'Success in their words'],
  ['coverage', 'Coverage'],
  ['similarities', 'Similarities'],
  ['outliers', 'Outliers'],
  ['trends', 'Trends'],
  ['opportunities', 'Opportunities'],
  ['convenings', 'Convenings'],
  ['gaps', 'Gaps to fix before the meeting'],
  ['team-review', "The team's review"],
  ['commitments', 'Commitments'],
] as const;

export interface RenderOptions {
  /**
   * The href of a link to a file and line. The panel keeps "#" and turns
   * clicks into messages; the export links the file relative to itself.
   */
  href?: (ref: Ref) => string;
  /** Open every theme's quotes (the export: a file is read, not clicked through). */
  expanded?: boolean;
  /**
   * Leave the bodies of closed lists out, each marked with `data-part`, for
   * renderPart() to fill when opened: a round of a thousand partners then
   * shows at once in the panel. The export renders everything.
   */
  lazy?: boolean;
  /** Add the panel's buttons (mark a commitment done); the export has none. */
  actions?: boolean;
}

/**
 * A link to a file is a relative reference: one that does not start with `#`,
 * `./` or `../` gets `./` in front, so no name (a folder called
 * `javascript:alert(1)`, `//host/x`) can read as a scheme or a host. Callers
 * percent-encode the segments.
 */
export function relativeHref(href: string): string {
  return /^(#|\.\.?\/)/.test(href) ? href : `./${href}`;
}

/** Items a long list shows before the rest folds away (lazy rendering only). */
export const INLINE_ITEMS = 12;

const SOURCE_TITLE: Record<ThemeSource, string> = {
  tagged: 'Tagged in the worksheet',
  matched: 'Matched from the note text through the team vocabulary',
  suggested: 'Suggested from the note text: confirm it by tagging the note',
};

function badge(source: ThemeSource | undefined): string {
  if (!source || source === 'tagged') return '';
  return ` <span class="badge ${esc(source)}" title="${esc(SOURCE_TITLE[source])}">${esc(source)}</span>`;
}

/** How each answer reads beside a statement. */
export const RESPONSE_LABEL: Record<SuccessResponse, string> = {
  confirmed: 'confirmed',
  corrected: 'corrected',
  'no-answer': 'asked, no answer recorded',
  'not-asked': 'not checked with them',
};

/** The line after a list the summary cut short. */
function notListed(n: number, where = ''): string {
  return n > 0 ? `<p class="muted not-listed">and ${esc(n)} more, not listed here${where}</p>` : '';
}

const EVERY_GAP = ': the Problems panel and <code>partner-worksheets check</code> list every one';

/** The HTML of the pieces, bound to one set of options. */
function pieces(options: RenderOptions) {
  const href = options.href ? (r: Ref) => relativeHref(options.href!(r)) : () => '#';
  const link = (ref: Ref, html: string, label?: string) =>
    `<a class="ref" href="${esc(href(ref))}" data-uri="${esc(ref.uri)}" data-line="${esc(ref.line)}"${label ? ` aria-label="${esc(label)}"` : ''}>${html}</a>`;
  const quote = (q: Quote) => `<li>${link(q, esc(q.partner.organization), `${q.partner.organization}, ${fileLabel(q)}`)}: <q>${esc(q.text)}</q>${badge(q.source)}</li>`;
  const quotes = (qs: readonly Quote[], total = qs.length) => `<ul class="quotes">${qs.map(quote).join('')}</ul>${notListed(total - qs.length)}`;
  const gap = (g: Gap) => `<li class="${g.severity === 'error' ? 'error' : 'warning'}"><span class="severity">${esc(g.severity)}</span> ${link(g, esc(fileLabel(g)))} <code>${esc(g.code)}</code> ${withCode(g.message)}</li>`;
  const late = (o: DatedItem, what: string) => `<span class="muted">(${what} ${esc(o.date)}, ${esc(plural(o.daysLate, 'day'))} ago${o.owner ? `; ${esc(o.owner)}` : ''})</span>`;
  const toMeet = (p: Coverage['toMeet'][number]) => `<li>${link(p, esc(p.organization))}${p.status ? ` <span class="muted">(${esc(p.status)}${p.date ? `, ${esc(p.date)}` : ''})</span>` : ''}</li>`;
  const overdueStep = (o: DatedItem) => `<li>${link(o, esc(o.partner.organization))}: ${esc(o.text)} ${late(o, 'due')}</li>`;
  const overdueFollow = (o: DatedItem) => `<li>${link(o, esc(o.partner.organization))} ${late(o, 'planned for')}</li>`;
  const complement = (x: Complement) => `<div class="pair"><h4>${x.needsTotal === 1 ? 'Needs it' : 'Need it'}</h4>${quotes(x.needs, x.needsTotal)}<h4>${x.offersTotal === 1 ? 'Commits to it' : 'Commit to it'}</h4>${quotes(x.offers, x.offersTotal)}</div>`;
  const statement = (x: SuccessStatement) => `<li>${link(x, esc(x.partner.organization), `${x.partner.organization}, ${fileLabel(x)}`)}: <q>${esc(x.text)}</q> <span class="badge response ${esc(x.response)}">${esc(RESPONSE_LABEL[x.response])}</span>`
    + `${x.correction ? `<br>${link(x.correction, 'Their correction', `Their correction, ${x.partner.organization}, ${fileLabel(x.correction)}`)}: <q>${esc(x.correction.text)}</q>` : ''}</li>`;
  const missingStatement = (x: PartnerRef & Ref) => `<li>${link(x, esc(x.organization))}</li>`;
  const offer = (x: OfferMatch) => `<div class="pair">${x.goalsTotal ? `<h4>Goals it can serve</h4>${quotes(x.goals, x.goalsTotal)}` : ''}${x.challengesTotal ? `<h4>Challenges it can meet</h4>${quotes(x.challenges, x.challengesTotal)}` : ''}</div>`;
  return { offer, link, quote, quotes, gap, toMeet, overdueStep, overdueFollow, complement, statement, missingStatement };
}

/**
 * A list whose items past the first few fold into a closed `details`, filled
 * when opened (lazy), or every item at once (the export).
 */
function foldedList<T>(options: RenderOptions, key: string, cls: string, items: readonly T[], total: number, item: (x: T) => string, where = ''): string {
  if (!options.lazy || items.length <= INLINE_ITEMS) return `<ul class="${cls}">${items.map(item).join('')}</ul>${notListed(total - items.length, where)}`;
  return `<ul class="${cls}">${items.slice(0, INLINE_ITEMS).map(item).join('')}</ul>`
    + `<details class="more" data-part="${esc(key)}"><summary>${esc(items.length - INLINE_ITEMS)} more</summary></details>`;
}

/** A closed (or, for the export, open) `details` whose body is rendered now or on opening. */
function collapsible(options: RenderOptions, key: string, cls: string, summary: string, body: () => string): string {
  if (options.lazy && !options.expanded) return `<details class="${cls}" data-part="${esc(key)}"><summary>${summary}</summary></details>`;
  return `<details class="${cls}"${options.expanded ? ' open' : ''}><summary>${summary}</summary>${body()}</details>`;
}

/**
 * The body of a part left out by lazy rendering, by its `data-part` key; ''
 * for a key this summary does not have. Keys are made of indexes only.
 */
export function renderPart(s: ReviewSummary, key: string, options: RenderOptions = {}): string {
  const p = pieces(options);
  const [kind, a, b] = key.split('.');
  const i = Number(a);
  const j = Number(b);
  const rest = <T>(items: readonly T[] | undefined, total: number, item: (x: T) => string, cls = '', where = '') => (items && items.length > INLINE_ITEMS ? `<ul class="${cls}">${items.slice(INLINE_ITEMS).map(item).join('')}</ul>${notListed(total - items.length, where)}` : '');
  switch (kind) {
    case 'sim': {
      const t = s.similarities[i]?.themes[j];
      return t ? p.quotes(t.quotes, t.partners.length) : '';
    }
    case 'offer': {
      const o = s.opportunities.offers[i];
      return o ? p.offer(o) : '';
    }
    case 'comp': {
      const c = s.opportunities.complementary[i];
      return c ? p.complement(c) : '';
    }
    case 'more':
      switch (a) {
        case 'statements': return rest(s.success.statements, s.success.statementsTotal, p.statement, 'success');
        case 'noStatement': return rest(s.success.missing, s.success.missingTotal, p.missingStatement);
        case 'toMeet': return rest(s.coverage.toMeet, s.coverage.toMeetTotal, p.toMeet);
        case 'overdueNextSteps': return rest(s.coverage.overdueNextSteps, s.coverage.overdueNextStepsTotal, p.overdueStep);
        case 'overdueFollowUps': return rest(s.coverage.overdueFollowUps, s.coverage.overdueFollowUpsTotal, p.overdueFollow);
        case 'unservedGoals': return rest(s.opportunities.unservedGoals, s.opportunities.unservedGoalsTotal, p.quote, 'quotes');
        case 'gaps': return rest(s.gaps, s.gapsTotal, p.gap, 'gaps', EVERY_GAP);
        default: return '';
      }
    default:
      return '';
  }
}

/** The body of the review: a header, then one section per part, in the issue's order. */
export function renderSummaryBody(s: ReviewSummary, options: RenderOptions = {}): string {
  const p = pieces(options);
  const c = s.coverage;
  const out: string[] = [];

  out.push(`<header><h1>Team review: ${esc(s.round || 'no round yet')}</h1>`
    + `<p class="meta">${esc(plural(c.partners.total, 'partner'))}, ${esc(plural(c.meetings.total, 'meeting'))}`
    + `${s.previousRound ? `; compared with ${esc(s.previousRound)}` : ''}. As of ${esc(s.today)}.</p>`
    + `<nav aria-label="Sections"><ul class="toc">${SECTIONS.map(([id, title]) => `<li><a href="#${id}">${esc(title)}</a></li>`).join('')}</ul></nav></header>`);

  // Success in their words
  const sx = s.success;
  out.push(section('success', 'Success in their words', 'What success looks like to each partner met, as they put it, and whether they confirmed what the team heard.'));
  if (sx.statements.length) out.push(foldedList(options, 'more.statements', 'success', sx.statements, sx.statementsTotal, p.statement));
  if (sx.missing.length) out.push(`<h3>No success statement recorded</h3>${foldedList(options, 'more.noStatement', '', sx.missing, sx.missingTotal, p.missingStatement)}`);
  if (!sx.statements.length && !sx.missing.length) out.push('<p class="empty">No partner met yet this round.</p>');
  out.push('</section>');

  // Coverage
  out.push(section('coverage', 'Coverage'));
  out.push(barChart('Meetings this round', 'meetings', [
    { label: 'All meetings', value: c.funnel.all },
    { label: 'Held', value: c.funnel.held },
    { label: 'Filled in', value: c.funnel.filled },
    { label: 'Shared', value: c.funnel.shared },
  ]));
  const met = c.partners.total - c.toMeetTotal;
  out.push('<dl class="figures">');
  out.push(`<dt>Partners met</dt><dd>${esc(formatRate({ count: met, total: c.partners.total }))}</dd>`);
  out.push(`<dt>Confirmed what success means</dt><dd>${esc(formatRate(c.confirmation))}</dd>`);
  out.push(`<dt>Agreed a next step</dt><dd>${esc(formatRate(c.nextStep))}</dd>`);
  out.push(`<dt>Follow-up only (not ready yet)</dt><dd>${esc(formatRate(c.followUpOnly))}</dd>`);
  out.push(`<dt>Median meeting length</dt><dd>${c.medianMinutes === undefined ? 'not recorded' : `${esc(c.medianMinutes)} minutes`}</dd>`);
  out.push(`<dt>Within ${esc(c.range.min)}-${esc(c.range.max)} minutes</dt><dd>${esc(formatRate(c.withinRange))}</dd>`);
  out.push('</dl>');
  if (c.toMeet.length) out.push(`<h3>Partners still to meet</h3>${foldedList(options, 'more.toMeet', '', c.toMeet, c.toMeetTotal, p.toMeet)}`);
  if (c.overdueNextSteps.length) out.push(`<h3>Overdue next steps</h3>${foldedList(options, 'more.overdueNextSteps', '', c.overdueNextSteps, c.overdueNextStepsTotal, p.overdueStep)}`);
  if (c.overdueFollowUps.length) out.push(`<h3>Overdue follow-ups</h3>${foldedList(options, 'more.overdueFollowUps', '', c.overdueFollowUps, c.overdueFollowUpsTotal, p.overdueFollow)}`);
  out.push('</section>');

  // Similarities
  out.push(section('similarities', 'Similarities', 'Themes two or more partners raised, counting partners, not mentions. Open a theme for one quote per partner.'));
  const agree = themeStatusText(s.themeStatus);
  // Our own sentences (code spans and bold only), escaped all the same.
  const inline = (t: string) => esc(t).replace(/`([^`]+)`/g, '<code>$1</code>').replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
  if (agree) out.push(`<p class="hint theme-status">${inline(agree.status)} ${inline(agree.howTo)}</p>`);
  let any = false;
  s.similarities.forEach((group, gi) => {
    if (!group.themes.length) return;
    any = true;
    const title = CATEGORY_LABEL[group.category];
    out.push(`<h3>${esc(title)}</h3>`);
    out.push(barChart(`${title}: partners per theme`, 'partners', group.themes.map((t) => ({ label: themeLabel(t), value: t.partners.length }))));
    group.themes.forEach((t, ti) => {
      out.push(collapsible(options, `sim.${gi}.${ti}`, 'theme', `${esc(t.label)} <span class="count">${esc(plural(t.partners.length, 'partner'))}</span>${badge(t.source)}`, () => p.quotes(t.quotes, t.partners.length)));
    });
  });
  if (!any) out.push('<p class="empty">No theme was raised by more than one partner yet.</p>');
  out.push('</section>');

  // Outliers
  out.push(section('outliers', 'Outliers', 'Themes only one partner raised, which sit in what success means to them, in their words.'));
  out.push(s.outliers.length
    ? `<ul>${s.outliers.map((o) => `<li><strong>${esc(o.theme.label)}</strong>${badge(o.theme.source)}: ${p.link(o.success, esc(o.partner.organization))}, <q>${esc(o.success.text)}</q></li>`).join('')}</ul>`
    : '<p class="empty">None this round.</p>');
  out.push('</section>');

  // Trends
  const t = s.trends;
  out.push(section('trends', 'Trends'));
  out.push(`<h3>Within this round</h3><p class="hint">Themes two or more of the ${esc(plural(t.partners.current, 'partner'))} met share, per category. Tagged and matched themes only.</p>`);
  out.push(t.within.length
    ? t.within.map((g) => `<h4>${esc(CATEGORY_LABEL[g.category])}</h4><ul class="trend within">${g.themes.map((x) => `<li>${esc(x.label)}: ${esc(formatRate({ count: x.partners, total: t.partners.current }))}</li>`).join('')}</ul>`).join('')
    : '<p class="empty">No theme is shared by two partners yet.</p>');
  out.push(`<h3>${s.previousRound ? `Since ${esc(s.previousRound)}` : 'Since the last round'}</h3>`);
  if (!s.previousRound) {
    out.push('<p class="empty">No earlier round to compare with: changes since the last round appear from the next one.</p>');
  } else {
    out.push(`<p class="hint">Shares of partners met, per category: ${esc(s.previousRound)} (${esc(plural(t.partners.previous, 'partner'))} met) to ${esc(s.round)} (${esc(plural(t.partners.current, 'partner'))} met). Tagged and matched themes only.</p>`);
    const trendList = (title: string, cls: string, items: Trend[]) => (items.length
      ? `<h4>${esc(title)}</h4><ul class="trend ${cls}">${items.map((x) => `<li>${esc(trendText(x, t.partners))}</li>`).join('')}</ul>`
      : '');
    const body = trendList('Rising', 'rising', t.rising) + trendList('New this round', 'new', t.new) + trendList('Falling', 'falling', t.falling) + trendList('Gone', 'gone', t.gone);
    out.push(body || '<p class="empty">No theme changed its share between the rounds.</p>');
  }
  out.push('</section>');

  // Opportunities
  const o = s.opportunities;
  out.push(section('opportunities', 'Opportunities'));
  if (o.offers.length) {
    out.push('<h3>Partner goals and challenges our offers can serve</h3>');
    const counts = (x: OfferMatch) => [x.goalsTotal ? plural(x.goalsTotal, 'goal') : '', x.challengesTotal ? plural(x.challengesTotal, 'challenge') : ''].filter(Boolean).join(', ');
    o.offers.forEach((x, i) => out.push(collapsible(options, `offer.${i}`, 'offer', `<strong>${esc(x.offer.text)}</strong> <span class="count">${esc(counts(x))}</span>`, () => p.offer(x))));
  }
  if (o.complementary.length) {
    out.push("<h3>One partner's challenge, another's commitment</h3>");
    o.complementary.forEach((x, i) => {
      const orgs = (qs: Quote[], total: number) => (total <= 3 ? qs.map((q) => esc(q.partner.organization)).join(', ') : esc(plural(total, 'partner')));
      const line = `<strong>${esc(x.label)}</strong> <span class="muted">(${esc(plural(x.pairs, 'pair'))})</span>: ${orgs(x.needs, x.needsTotal)} ${x.needsTotal === 1 ? 'needs' : 'need'} it; ${orgs(x.offers, x.offersTotal)} ${x.offersTotal === 1 ? 'commits' : 'commit'} to it`;
      out.push(collapsible(options, `comp.${i}`, 'pair', line, () => p.complement(x)));
    });
  }
  if (o.clusters.length) {
    const more = (n: number) => (n > 0 ? ` and ${esc(n)} more` : '');
    out.push(`<h3>Shared goals: candidates for a convening</h3><ul>${o.clusters.map((x) => `<li><strong>${x.themes.map((t) => esc(t.label)).join(', ')}</strong> <span class="muted">(${esc(plural(x.partnersTotal, 'partner'))})</span>: ${x.partners.map((q) => esc(q.organization)).join(', ')}${more(x.partnersTotal - x.partners.length)}</li>`).join('')}</ul>`);
  }
  if (o.unservedGoals.length) out.push(`<h3>Goals no next step serves yet</h3>${foldedList(options, 'more.unservedGoals', 'quotes', o.unservedGoals, o.unservedGoalsTotal, p.quote)}`);
  if (!o.offers.length && !o.complementary.length && !o.clusters.length && !o.unservedGoals.length) out.push('<p class="empty">None found yet.</p>');
  out.push('</section>');

  // Convenings
  const cv = s.convenings;
  out.push(section('convenings', 'Convenings', 'Partnerships being convened with partners met in this round, and shared goals no convening covers yet.'));
  if (cv.items.length) {
    out.push(`<ul class="convenings">${cv.items.map((x) => {
      const gaps = x.gaps.map((g) => `<li class="${g.severity}"><span class="severity">${esc(g.severity)}</span> ${p.link({ uri: x.uri, line: g.line }, `line ${esc(g.line)}`)} <code>${esc(g.code)}</code> ${withCode(g.message)}</li>`).join('');
      const more = x.gapsTotal > x.gaps.length ? `<li class="muted">and ${esc(x.gapsTotal - x.gaps.length)} more</li>` : '';
      return `<li>${p.link(x, `<strong>${esc(x.name)}</strong>`)}${x.status ? ` <span class="badge">${esc(x.status)}</span>` : ''}: ${x.partners.map((q) => esc(q.organization)).join(', ')}`
        + (gaps ? `<ul class="gaps">${gaps}${more}</ul>` : ' <span class="muted">(no open gaps)</span>') + '</li>';
    }).join('')}</ul>`);
  } else {
    out.push('<p class="empty">No convening includes a partner met in this round.</p>');
  }
  if (cv.uncovered.length) {
    out.push(`<h3>Shared goals no convening covers yet</h3><ul>${cv.uncovered.map((x) => `<li><strong>${x.themes.map((t) => esc(t.label)).join(', ')}</strong>: ${x.partners.map((q) => esc(q.organization)).join(', ')}</li>`).join('')}</ul>`);
  }
  out.push('</section>');

  // Gaps
  out.push(section('gaps', 'Gaps to fix before the meeting'));
  out.push(s.gaps.length ? foldedList(options, 'more.gaps', 'gaps', s.gaps, s.gapsTotal, p.gap, EVERY_GAP) : '<p class="empty">No open gaps in this round.</p>');
  out.push('</section>');

  // What the team wrote in the review file: its own reading of the round, beside the figures above.
  out.push(section('team-review', "The team's review", 'The similarities, trends and opportunities the team saw when it reviewed the meetings together, as written in the review file.'));
  if (s.conclusions.length) {
    for (const c of s.conclusions) {
      out.push(`<p>${p.link(c, esc(reviewedWhen(c)))}</p>`);
      for (const [title, items] of [['Similarities', c.similarities], ['Trends', c.trends]] as const) {
        if (items.length) out.push(`<h3>${title}</h3><ul>${items.map((x) => `<li>${p.link(x, esc(x.text))}</li>`).join('')}</ul>`);
      }
      if (c.opportunities.length) {
        out.push(`<h3>Opportunities</h3><ul>${c.opportunities.map((x) => `<li>${p.link(x, esc(x.text))}${x.partners.length ? ` <span class="muted">(${esc(x.partners.join(', '))})</span>` : ''}</li>`).join('')}</ul>`);
      }
    }
  } else {
    out.push(`<p class="empty">${s.review ? `No similarities, trends or opportunities written yet in ${p.link(s.review, 'the review file')}.` : 'No review file for this round yet.'}</p>`);
  }
  out.push('</section>');

  // Commitments
  const done = (x: Commitment) => (options.actions && (x.status ?? 'open') === 'open'
    ? ` <button type="button" class="mark-done" data-uri="${esc(x.uri)}" data-index="${esc(x.index)}" aria-label="${esc(`Mark done: ${x.action}`)}">Mark done</button>`
    : '');
  const commitment = (x: Commitment) => {
    const who = [x.owner, x.due ? `by ${x.due}` : undefined].filter(Boolean).join(', ');
    const state = x.overdue ? ' <span class="badge overdue">overdue</span>' : x.status && x.status !== 'open' ? ` <span class="badge">${esc(x.status)}</span>` : '';
    return `${p.link(x, esc(x.action))}${who ? ` <span class="muted">(${esc(who)})</span>` : ''}${state}`;
  };
  out.push(section('commitments', 'Commitments', s.review ? undefined : 'Start the team review to write them down.'));
  if (s.commitments.length) {
    out.push(`<ul class="commitments">${s.commitments.map((x) => `<li>${commitment(x)}${done(x)}</li>`).join('')}</ul>`);
  } else {
    out.push(`<p class="empty">${s.review ? `No commitments recorded yet in ${p.link(s.review, 'the review file')}.` : 'No review file for this round yet.'}</p>`);
  }
  if (s.carried.length) {
    out.push('<h3>Still open from earlier reviews</h3><p class="hint">Followed until they are marked done or dropped.</p>');
    out.push(`<ul class="commitments carried">${s.carried.map((x) => `<li>${commitment(x)} <span class="muted">(${esc(carriedAge(x))})</span>${done(x)}</li>`).join('')}</ul>${notListed(s.carriedTotal - s.carried.length)}`);
  }
  out.push('</section>');
  return out.join('\n');
}

/** "Getting there (challenges): 1 of 2 to 33% (3 of 9)": both figures, shares of the partners met. */
export function trendText(x: Trend, partners: { previous: number; current: number }): string {
  return `${x.label} (${x.category}): ${formatRate({ count: x.previous, total: partners.previous })} to ${formatRate({ count: x.current, total: partners.current })}`;
}

/** "On 2026-11-20, with sam, ana": when and by whom the team's review was written. */
export function reviewedWhen(c: TeamConclusions): string {
  return [c.date ? `On ${c.date}` : undefined, c.attendees.length ? `with ${c.attendees.join(', ')}` : undefined].filter(Boolean).join(', ') || 'The review file';
}

/** "from spring-2026, made 245 days ago, 155 days overdue". */
export function carriedAge(x: CarriedCommitment): string {
  return [`from ${x.round}`, x.ageDays !== undefined ? `made ${plural(x.ageDays, 'day')} ago` : undefined, x.daysLate !== undefined ? `${plural(x.daysLate, 'day')} overdue` : undefined].filter(Boolean).join(', ');
}

function section(id: string, title: string, hint?: string): string {
  return `<section id="${id}" aria-labelledby="h-${id}"><h2 id="h-${id}" tabindex="-1">${esc(title)}</h2>${hint ? `<p class="hint">${esc(hint)}</p>` : ''}`;
}

function fileLabel(r: Ref | Gap): string {
  const file = 'file' in r ? r.file : fileName(r.uri);
  return `${file}:${r.line}`;
}

function themeLabel(t: ThemeEntry): string {
  return t.source === 'suggested' ? `${t.label} (suggested)` : t.label;
}

/**
 * A horizontal bar chart. The SVG is decoration for sighted readers; the same
 * numbers follow as a list that screen readers read (and print keeps).
 */
export function barChart(title: string, unit: string, bars: { label: string; value: number }[]): string {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rowH = 24;
  const labelW = 200;
  const width = 560;
  const room = width - labelW - 48;
  const rows = bars.map((b, i) => {
    const w = Math.max(b.value > 0 ? 2 : 0, Math.round((room * b.value) / max));
    const y = i * rowH;
    const label = b.label.length > 30 ? `${b.label.slice(0, 29)}…` : b.label;
    return `<text x="${labelW - 8}" y="${y + 16}" class="bar-label" text-anchor="end">${esc(label)}</text>`
      + `<rect x="${labelW}" y="${y + 5}" width="${w}" height="${rowH - 10}" rx="2" class="bar"></rect>`
      + `<text x="${labelW + w + 6}" y="${y + 16}" class="bar-value">${esc(b.value)}</text>`;
  }).join('');
  const height = Math.max(1, bars.length) * rowH;
  return `<figure class="chart"><figcaption>${esc(title)}</figcaption>`
    + `<svg aria-hidden="true" focusable="false" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${rows}</svg>`
    + `<ul class="sr-only">${bars.map((b) => `<li>${esc(b.label)}: ${esc(plural(b.value, unit.replace(/s$/, ''), unit))}</li>`).join('')}</ul></figure>`;
}

/** Colours for the export; the panel maps the same names to VS Code's theme colours. */
export const STANDALONE_CSS = `
:root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #57606a; --accent: #0b5cad; --bar: #1f6f5c; --border: #d0d7de; --warn: #7d4e00; --err: #c4212e; --focus: #0b5cad; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --accent: #6cb6ff; --bar: #58c4a4; --border: #30363d; --warn: #d29922; --err: #ff7b72; --focus: #6cb6ff; } }
body { font: 15px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
@media print { .toc { display: none; } }
`;

/** Layout shared by the panel and the export; colours come from variables. */
export const SHARED_CSS = `
h1 { font-size: 1.6em; margin: .4em 0 .2em; }
h2 { font-size: 1.25em; border-bottom: 1px solid var(--border); padding-bottom: .2em; margin-top: 1.6em; }
h3 { font-size: 1.05em; margin: 1em 0 .3em; }
.meta, .hint, .empty, .muted, .count { color: var(--muted); }
.toc { display: flex; flex-wrap: wrap; gap: .2em 1em; list-style: none; padding: 0; margin: .4em 0 0; }
.figures { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; }
.figures dt { font-weight: 600; }
.figures dd { margin: 0; }
.chart { margin: .6em 0; }
.chart figcaption { font-size: .9em; color: var(--muted); }
.chart svg { max-width: 100%; height: auto; display: block; }
.bar { fill: var(--bar); }
.bar-label, .bar-value { fill: var(--fg); font-size: 12px; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
details { margin: .25em 0; }
details summary { cursor: pointer; padding: .1em 0; }
details.more summary { color: var(--muted); }
.pair h4 { font-size: .9em; margin: .4em 0 0; color: var(--muted); }
.badge { font-size: .8em; border: 1px solid var(--border); border-radius: 3px; padding: 0 .3em; color: var(--muted); }
.badge.overdue, .badge.response.corrected, .badge.response.no-answer, .badge.response.not-asked { color: var(--warn); border-color: currentColor; }
.success li, .commitments li { margin: .3em 0; }
.mark-done { font: inherit; font-size: .85em; margin-left: .5em; padding: .05em .6em; cursor: pointer; color: var(--button-fg, var(--fg)); background: var(--button-bg, transparent); border: 1px solid var(--button-border, var(--fg)); border-radius: 2px; }
.mark-done:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
.quotes { margin: .2em 0 .6em; }
q { font-style: italic; }
a, a.ref { color: var(--accent); }
a:focus-visible, summary:focus-visible, h2:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
.gaps { padding-left: 1.2em; }
.gaps .severity { font-size: .8em; font-weight: 600; text-transform: uppercase; }
.gaps li.error .severity { color: var(--err); }
.gaps li.warning .severity { color: var(--warn); }
`;

/**
 * A self-contained page: its own styles, a policy that loads nothing, the
 * given body (already escaped) in <main>. The review export, the history and "What we heard" share it.
 */
export function standalonePage(title: string, css: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(title)}</title>
<style>${css}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** A complete HTML document: the export, and `partner-worksheets review --format html`. */
export function renderStandaloneHtml(s: ReviewSummary, options: RenderOptions = {}): string {
  return standalonePage(`Team review: ${s.round}`, `${STANDALONE_CSS}${SHARED_CSS}`, renderSummaryBody(s, { expanded: true, ...options }));
}
