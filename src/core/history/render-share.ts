// "What we heard" as Markdown (for an email) or as one self-contained,
// printable HTML page. Partner text is escaped in both: it is shown, never run.
import type { ShareBack } from './model';
import type { NoteCategory } from '../facts/meeting';
import { esc, standalonePage } from '../summary/render-html';
import { mdEscape } from '../summary/render-markdown';

/** The headings speak to the partner. */
export const HEARD_LABEL: Record<NoteCategory, string> = {
  challenges: 'What stands in your way',
  values: 'What matters to you',
  goals: 'What you want to achieve',
  commitments: 'What you are already putting in',
};

function thanks(s: ShareBack): string {
  return `Thank you for meeting with us${s.date ? ` on ${s.date}` : ''}, and for your time and openness. This is what we heard; please tell us if we got anything wrong.`;
}

function nextText(s: ShareBack): string {
  if (s.nextStep) {
    const who = s.nextStep.owner ? `${s.nextStep.owner} will take it forward` : undefined;
    const when = s.nextStep.due ? `by ${s.nextStep.due}` : undefined;
    return `${s.nextStep.action}${who || when ? ` (${[who, when].filter(Boolean).join(', ')})` : ''}.`;
  }
  if (s.followUp) return `We will be in touch${s.followUp.date ? ` around ${s.followUp.date}` : ' again'}${s.followUp.owner ? ` (${s.followUp.owner})` : ''} to see where things stand.`;
  return 'We will be in touch about what comes next.';
}

export function renderShareMarkdown(s: ShareBack): string {
  const lines = [`# What we heard: ${mdEscape(s.organization)}`, ''];
  if (s.people.length) lines.push(`Dear ${mdEscape(s.people.join(', '))},`, '');
  lines.push(mdEscape(thanks(s)), '', '## What success means to you', '');
  lines.push(s.success ? `"${mdEscape(s.success)}"` : 'We did not write this down in your words yet: we would love to hear it.');
  if (s.correction) lines.push('', `You also told us: "${mdEscape(s.correction)}"`);
  for (const g of s.heard) {
    lines.push('', `## ${HEARD_LABEL[g.category]}`, '');
    for (const i of g.items) lines.push(`- ${mdEscape(i.text)}${i.quote ? ` ("${mdEscape(i.quote)}")` : ''}`);
  }
  lines.push('', `## ${s.nextStep ? 'Our next step together' : 'What comes next'}`, '', mdEscape(nextText(s)), '');
  return lines.join('\n');
}

const SHARE_CSS = `
:root { color-scheme: light; --fg: #1f2328; --bg: #ffffff; --muted: #57606a; --border: #d0d7de; }
body { font: 16px/1.55 Georgia, 'Times New Roman', serif; color: var(--fg); background: var(--bg); max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6em; margin: 0 0 .4em; }
h2 { font-size: 1.15em; margin: 1.4em 0 .3em; }
blockquote { margin: .3em 0; padding-left: .8em; border-left: 3px solid var(--border); font-style: italic; }
ul { padding-left: 1.3em; }
.muted { color: var(--muted); }
@media print {
  @page { margin: 2cm; }
  body { margin: 0; max-width: none; font-size: 12pt; }
  h2 { break-after: avoid; }
  li, blockquote { break-inside: avoid; }
}
`;

export function renderShareHtml(s: ShareBack): string {
  const body: string[] = [`<h1>What we heard: ${esc(s.organization)}</h1>`];
  if (s.people.length) body.push(`<p>Dear ${esc(s.people.join(', '))},</p>`);
  body.push(`<p>${esc(thanks(s))}</p>`);
  body.push('<section aria-labelledby="h-success"><h2 id="h-success">What success means to you</h2>');
  body.push(s.success ? `<blockquote>${esc(s.success)}</blockquote>` : '<p class="muted">We did not write this down in your words yet: we would love to hear it.</p>');
  if (s.correction) body.push(`<p>You also told us: <q>${esc(s.correction)}</q></p>`);
  body.push('</section>');
  for (const g of s.heard) {
    body.push(`<section aria-labelledby="h-${g.category}"><h2 id="h-${g.category}">${esc(HEARD_LABEL[g.category])}</h2>`
      + `<ul>${g.items.map((i) => `<li>${esc(i.text)}${i.quote ? ` (<q>${esc(i.quote)}</q>)` : ''}</li>`).join('')}</ul></section>`);
  }
  body.push(`<section aria-labelledby="h-next"><h2 id="h-next">${s.nextStep ? 'Our next step together' : 'What comes next'}</h2><p>${esc(nextText(s))}</p></section>`);
  return standalonePage(`What we heard: ${s.organization}`, SHARE_CSS, body.join('\n'));
}
