// "What we heard": one worksheet as a short, warm summary for the partner.
// The method treats partners as equals: they should see what we understood,
// in their words, and be able to correct it. What is the team's own is left
// out by construction (this builder never reads it): preparation, our
// questions, themes, the confirmation statement in our words, what we found
// compelling, gap findings, and every note marked `internal: true`.
import { NOTE_CATEGORIES, WORKSHEET_STATUSES, factsOfKind, isBlock, isHeld, readFacts } from '../facts';
import { parseFile } from '../yaml';
import type { ShareBack } from './model';

/**
 * The summary of a worksheet's text; undefined when the text is not a block of
 * fields. With `today`, a meeting dated after it is not ready to share either.
 */
export function shareBack(uri: string, text: string, today?: string): ShareBack | undefined {
  const { data, findings } = parseFile(uri, text);
  if (!isBlock(data)) return undefined;
  // Read as meant, as the checks and the review read it: `5 Nov 2026` is a date, `Priya` is priya.
  const f = factsOfKind(readFacts('worksheet', data), 'worksheet')!;
  const out: ShareBack = {
    organization: f.organization ?? f.partnerId ?? 'you',
    people: f.people,
    heard: NOTE_CATEGORIES.map((category) => ({
      category,
      items: f.notes[category].flatMap((n) => (n.text && !n.internal ? [n.quote ? { text: n.text, quote: n.quote } : { text: n.text }] : [])),
    })).filter((g) => g.items.length > 0),
  };
  if (f.date) out.date = f.date;
  if (f.successInTheirWords) out.success = f.successInTheirWords;
  if (f.confirmationBlock?.corrected && f.confirmationBlock.correction) out.correction = f.confirmationBlock.correction;
  const ns = f.nextStep;
  // A dropped next step is no longer agreed: the follow-up, if any, says what comes next.
  if (ns && ns.status !== 'dropped') {
    out.nextStep = { action: ns.action };
    if (ns.owner) out.nextStep.owner = ns.owner;
    if (ns.due) out.nextStep.due = ns.due;
  }
  if (!out.nextStep && (f.followUp.date || f.followUp.owner)) {
    out.followUp = {};
    if (f.followUp.date) out.followUp.date = f.followUp.date;
    if (f.followUp.owner) out.followUp.owner = f.followUp.owner;
  }
  const broken = findings.find((x) => x.code === 'yaml-syntax');
  if (broken) {
    out.notReady = `The worksheet has a syntax error on line ${broken.range.start.line + 1}, so what comes after it may be missing from the summary. Fix it first.`;
  } else if (f.status !== undefined && WORKSHEET_STATUSES.includes(f.status as never) && !isHeld(f.status)) {
    out.notReady = `The meeting is still \`${f.status}\`: share what we heard once it has been held (status \`held\`).`;
  } else if (today !== undefined && f.date !== undefined && f.date > today) {
    out.notReady = `The meeting is dated ${f.date}, which is still to come: share what we heard once it has been held (or correct the date).`;
  }
  return out;
}

/** Why a worksheet's text gives no summary (shareBack() was undefined): its first reading problem, else that it holds no fields. */
export function nothingToShare(uri: string, text: string): string {
  const problem = parseFile(uri, text).findings[0];
  return problem ? `cannot be read (line ${problem.range.start.line + 1}: ${problem.message})` : 'holds no worksheet fields to share';
}
