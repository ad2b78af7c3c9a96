// A partner's history as HTML. One renderer serves the panel (its page puts
// the body in place) and `partner-worksheets partner --format html`. Every
// string from a file goes through esc(): worksheets come from many hands.
// Imports are types only or pure helpers: the page bundles this file.
import type { Gap, NoteTrack, PartnerHistory, Ref, StepEntry, TrackMark } from './model';
import { CATEGORY_LABEL, SHARED_CSS, STANDALONE_CSS, esc, plural, standalonePage } from '../summary/render-html';

export const HISTORY_SECTIONS = [
  ['meetings', 'Meetings'],
  ['success', 'Success in their words'],
  ['notes', 'What they told us over time'],
  ['steps', 'Next steps and follow-ups'],
  ['commitments', 'Team review commitments'],
  ['convenings', 'Convenings'],
  ['gaps', 'Open gaps'],
] as const;

export const MARK_LABEL: Record<TrackMark, string> = { new: 'new', repeated: 'repeated', 'no-longer-mentioned': 'no longer mentioned' };

export interface HistoryRenderOptions {
  /** The href of a link to a file and line; the panel keeps "#" and turns clicks into messages. */
  href?: (ref: Ref) => string;
}

function section(id: string, title: string, hint?: string): string {
  return `<section id="${id}" aria-labelledby="h-${id}"><h2 id="h-${id}" tabindex="-1">${esc(title)}</h2>${hint ? `<p class="hint">${esc(hint)}</p>` : ''}`;
}

/** "Last met 2026-09-30 (62 days ago)", and the mark of a partner not met for long. */
export function lastMetText(h: Pick<PartnerHistory, 'lastMet' | 'daysSinceMet' | 'longUnmet' | 'unmetAfterDays'>): string {
  if (!h.lastMet) return 'Not met yet';
  return `Last met ${h.lastMet} (${plural(h.daysSinceMet ?? 0, 'day')} ago)${h.longUnmet ? `: not met for over ${h.unmetAfterDays} days` : ''}`;
}

export function stepText(s: StepEntry): string {
  const what = s.kind === 'next-step' ? `Next step: ${s.action ?? ''}` : 'Follow up';
  const who = [s.owner, s.due ? `${s.kind === 'next-step' ? 'due' : 'on'} ${s.due}` : undefined].filter(Boolean).join(', ');
  return `${what}${who ? ` (${who})` : ''}`;
}

export function renderHistoryBody(h: PartnerHistory, options: HistoryRenderOptions = {}): string {
  const href = options.href ?? (() => '#');
  const link = (ref: Ref, html: string, label?: string) =>
    `<a class="ref" href="${esc(href(ref))}" data-uri="${esc(ref.uri)}" data-line="${esc(ref.line)}"${label ? ` aria-label="${esc(label)}"` : ''}>${html}</a>`;
  const badge = (cls: string, text: string) => ` <span class="badge ${esc(cls)}">${esc(text)}</span>`;
  const out: string[] = [];
  const p = h.partner;

  out.push(`<header><h1>Partner history: ${esc(p.organization)}</h1>`
    + `<p class="meta"><code>${esc(p.id)}</code>${p.community ? `, ${esc(p.community)}` : ''}${p.people.length ? `. People: ${esc(p.people.join(', '))}` : ''}.</p>`
    + `<p class="meta last-met${h.longUnmet ? ' long-unmet' : ''}">${esc(lastMetText(h))}. ${esc(plural(h.meetings.length, 'meeting'))}. As of ${esc(h.today)}.</p>`
    + `<nav aria-label="Sections"><ul class="toc">${HISTORY_SECTIONS.map(([id, title]) => `<li><a href="#${id}">${esc(title)}</a></li>`).join('')}</ul></nav></header>`);

  out.push(section('meetings', 'Meetings'));
  out.push(`<ol class="meetings">${h.meetings.map((m) => {
    const who = [m.ourAttendees.length ? `us: ${m.ourAttendees.join(', ')}` : '', m.people.length ? `them: ${m.people.join(', ')}` : ''].filter(Boolean).join('; ');
    return `<li>${link(m, esc(m.date ?? 'no date'), `${m.date ?? 'no date'}, ${m.file}`)} <span class="status">${esc(m.status ?? 'no status')}</span>`
      + `${m.round ? ` <span class="muted">${esc(m.round)}</span>` : ''}${who ? ` <span class="who">${esc(who)}</span>` : ''}</li>`;
  }).join('')}</ol>`);
  out.push('</section>');

  out.push(section('success', 'Success in their words', 'What success means to them, meeting by meeting, and how they confirmed or corrected what we heard.'));
  if (!h.success.length) out.push('<p class="empty">Not recorded yet.</p>');
  else {
    out.push(`<ol class="success">${h.success.map((s) => {
      const c = s.confirmation;
      let check = '<p class="muted">Not checked with them.</p>';
      if (c?.response === 'confirmed') check = `<p>${link(c, 'Confirmed')}${c.statement ? `: <q>${esc(c.statement)}</q>` : ''}</p>`;
      else if (c?.response === 'corrected') check = `<p>${link(c, 'Corrected')}${c.statement ? `: we heard <q>${esc(c.statement)}</q>` : ''}; they said <q class="correction">${esc(c.correction ?? 'no correction written down')}</q></p>`;
      else if (c?.response === 'asked') check = `<p>${link(c, 'Asked')}${c.statement ? `: <q>${esc(c.statement)}</q>` : ''}, no answer recorded</p>`;
      return `<li><h3>${link(s, esc(s.date ?? 'no date'), `${s.date ?? 'no date'}: success in their words`)}</h3><blockquote>${esc(s.text)}</blockquote>${check}</li>`;
    }).join('')}</ol>`);
  }
  out.push('</section>');

  out.push(section('notes', 'What they told us over time', 'By theme where a note has one, else by the note itself, each marked at the latest meeting that noted its kind (challenges, values, goals, commitments).'));
  const track = (t: NoteTrack) => `<li class="track ${esc(t.mark)}"><span class="label">${esc(t.label)}</span>${t.by === 'theme' ? badge('theme', 'theme') : ''}${badge(`mark ${t.mark}`, MARK_LABEL[t.mark])}`
    + `<ul class="mentions">${t.mentions.map((m) => `<li>${link(m, esc(m.date ?? 'no date'), `${m.date ?? 'no date'}: ${t.label}`)}: ${esc(m.text)}${m.quote ? ` <q>${esc(m.quote)}</q>` : ''}${m.internal ? badge('internal', 'internal') : ''}</li>`).join('')}</ul></li>`;
  for (const g of h.notes) {
    out.push(`<h3>${esc(CATEGORY_LABEL[g.category])}</h3>`);
    out.push(g.tracks.length ? `<ul class="tracks">${g.tracks.map(track).join('')}</ul>` : '<p class="empty">None noted.</p>');
  }
  out.push('</section>');

  out.push(section('steps', 'Next steps and follow-ups'));
  out.push(h.steps.length
    ? `<ul class="steps">${h.steps.map((s) => `<li>${link(s, esc(s.meetingDate ?? 'no date'), `From the meeting of ${s.meetingDate ?? 'no date'}`)}: ${esc(stepText(s))}`
      + `${badge(`status ${s.status}`, s.status)}${s.overdue ? badge('overdue', 'overdue') : ''}</li>`).join('')}</ul>`
    : '<p class="empty">No next step or follow-up yet.</p>');
  out.push('</section>');

  out.push(section('commitments', 'Team review commitments', 'Commitments of the team reviews that name this partner.'));
  out.push(h.commitments.length
    ? `<ul class="commitments">${h.commitments.map((c) => {
      const who = [c.owner, c.due ? `by ${c.due}` : undefined].filter(Boolean).join(', ');
      return `<li>${link(c, esc(c.round ?? 'review'), `Review ${c.round ?? ''}`)}: ${esc(c.action)}${who ? ` (${esc(who)})` : ''}${badge(`status ${c.status}`, c.status)}${c.overdue ? badge('overdue', 'overdue') : ''}</li>`;
    }).join('')}</ul>`
    : '<p class="empty">No team review commitment names them yet.</p>');
  out.push('</section>');

  out.push(section('convenings', 'Convenings'));
  out.push(h.convenings.length
    ? `<ul class="convenings">${h.convenings.map((c) => `<li>${link(c, esc(c.name))}${c.status ? ` <span class="muted">(${esc(c.status)})</span>` : ''}: ${c.roles.length ? `role ${esc(c.roles.join(', '))}` : 'no role set'}</li>`).join('')}</ul>`
    : '<p class="empty">Not part of a convening.</p>');
  out.push('</section>');

  out.push(section('gaps', 'Open gaps'));
  const gap = (g: Gap) => `<li class="${g.severity === 'error' ? 'error' : 'warning'}"><span class="severity">${esc(g.severity)}</span> ${link(g, esc(`${g.file}:${g.line}`))} <code>${esc(g.code)}</code> ${esc(g.message)}</li>`;
  out.push(h.gaps.length ? `<ul class="gaps">${h.gaps.map(gap).join('')}</ul>` : '<p class="empty">No open gaps.</p>');
  out.push('</section>');
  return out.join('\n');
}

/** Layout of the history, beside the review's shared layout. */
export const HISTORY_CSS = `
blockquote { margin: .2em 0 .2em 1em; padding-left: .6em; border-left: 3px solid var(--border); }
.success > li, .meetings > li { margin: .3em 0; }
.success h3 { margin: .6em 0 .1em; }
.tracks > li { margin: .3em 0; }
.tracks .label { font-weight: 600; }
.mentions { margin: .1em 0; }
.badge.mark.new { color: var(--accent); border-color: currentColor; }
.badge.mark.no-longer-mentioned { font-style: italic; }
.badge.internal { color: var(--warn); border-color: currentColor; }
.long-unmet { color: var(--warn); font-weight: 600; }
.status { font-size: .9em; }
.who { color: var(--muted); }
`;

/** A complete HTML page: `partner-worksheets partner --format html`. */
export function renderHistoryHtml(h: PartnerHistory, options: HistoryRenderOptions = {}): string {
  return standalonePage(`Partner history: ${h.partner.organization}`, `${STANDALONE_CSS}${SHARED_CSS}${HISTORY_CSS}`, renderHistoryBody(h, options));
}
