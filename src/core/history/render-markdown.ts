// A partner's history as Markdown, for the team's notes or a pull request.
// Text from worksheets is escaped (mdEscape) so it cannot become markup.
import type { PartnerHistory, Ref } from './model';
import { CATEGORY_LABEL, plural } from '../summary/render-html';
import { mdEscape, messageText } from '../summary/render-markdown';
import { MARK_LABEL, lastMetText, stepText } from './render-html';

/** A file reference in a code span: no escape works inside one, so backticks are replaced. */
function code(s: string): string {
  return `\`${s.replace(/`/g, "'").replace(/\s+/g, ' ')}\``;
}

export function renderHistoryMarkdown(h: PartnerHistory, fileLabel: (ref: Ref) => string = (r) => `${r.uri}:${r.line}`): string {
  const p = h.partner;
  const at = (r: Ref) => `(${code(fileLabel(r))})`;
  const lines: string[] = [
    `# Partner history: ${mdEscape(p.organization)}`,
    '',
    `${code(p.id)}${p.community ? `, ${mdEscape(p.community)}` : ''}${p.people.length ? `. People: ${mdEscape(p.people.join(', '))}` : ''}.`,
    '',
    `${h.longUnmet ? '**' : ''}${mdEscape(lastMetText(h))}${h.longUnmet ? '**' : ''}. ${plural(h.meetings.length, 'meeting')}. As of ${mdEscape(h.today)}.`,
    '',
    '## Meetings',
    '',
  ];
  for (const m of h.meetings) {
    const who = [m.ourAttendees.length ? `us: ${m.ourAttendees.join(', ')}` : '', m.people.length ? `them: ${m.people.join(', ')}` : ''].filter(Boolean).join('; ');
    lines.push(`- ${mdEscape(m.date ?? 'no date')}, ${mdEscape(m.status ?? 'no status')}${m.round ? `, ${mdEscape(m.round)}` : ''}${who ? ` (${mdEscape(who)})` : ''} ${at(m)}`);
  }

  lines.push('', '## Success in their words', '');
  if (!h.success.length) lines.push('Not recorded yet.');
  for (const s of h.success) {
    lines.push(`- ${mdEscape(s.date ?? 'no date')}: "${mdEscape(s.text)}" ${at(s)}`);
    const c = s.confirmation;
    if (c?.response === 'confirmed') lines.push(`  - Confirmed${c.statement ? `: "${mdEscape(c.statement)}"` : ''}`);
    else if (c?.response === 'corrected') lines.push(`  - Corrected${c.statement ? `: we heard "${mdEscape(c.statement)}"` : ''}; they said "${mdEscape(c.correction ?? 'no correction written down')}"`);
    else if (c?.response === 'asked') lines.push(`  - Asked${c.statement ? `: "${mdEscape(c.statement)}"` : ''}, no answer recorded`);
    else lines.push('  - Not checked with them');
  }

  lines.push('', '## What they told us over time', '');
  for (const g of h.notes) {
    lines.push(`### ${CATEGORY_LABEL[g.category]}`, '');
    if (!g.tracks.length) lines.push('None noted.');
    for (const t of g.tracks) {
      lines.push(`- **${mdEscape(t.label)}**${t.by === 'theme' ? ' (theme)' : ''}: _${MARK_LABEL[t.mark]}_`);
      for (const m of t.mentions) lines.push(`  - ${mdEscape(m.date ?? 'no date')}: ${mdEscape(m.text)}${m.quote ? ` "${mdEscape(m.quote)}"` : ''}${m.internal ? ' _(internal)_' : ''} ${at(m)}`);
    }
    lines.push('');
  }

  lines.push('## Next steps and follow-ups', '');
  if (!h.steps.length) lines.push('No next step or follow-up yet.');
  for (const s of h.steps) lines.push(`- ${mdEscape(s.meetingDate ?? 'no date')}: ${mdEscape(stepText(s))} [${mdEscape(s.status)}]${s.overdue ? ' **overdue**' : ''} ${at(s)}`);

  lines.push('', '## Team review commitments', '');
  if (!h.commitments.length) lines.push('No team review commitment names them yet.');
  for (const c of h.commitments) {
    const who = [c.owner, c.due ? `by ${c.due}` : undefined].filter(Boolean).join(', ');
    lines.push(`- ${mdEscape(c.round ?? 'review')}: ${mdEscape(c.action)}${who ? ` (${mdEscape(who)})` : ''} [${mdEscape(c.status)}]${c.overdue ? ' **overdue**' : ''} ${at(c)}`);
  }

  lines.push('', '## Convenings', '');
  if (!h.convenings.length) lines.push('Not part of a convening.');
  for (const c of h.convenings) lines.push(`- ${mdEscape(c.name)}${c.status ? ` (${mdEscape(c.status)})` : ''}: ${c.roles.length ? `role ${mdEscape(c.roles.join(', '))}` : 'no role set'} ${at(c)}`);

  lines.push('', '## Open gaps', '');
  if (!h.gaps.length) lines.push('No open gaps.');
  // As the team review prints them: the ids and fields a message names as code, not escaped backticks.
  for (const g of h.gaps) lines.push(`- ${g.severity} ${code(fileLabel(g))} ${mdEscape(g.code)}: ${messageText(g.message)}`);
  lines.push('');
  return lines.join('\n');
}
