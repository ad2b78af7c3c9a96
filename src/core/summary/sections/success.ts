// What success means to each partner met in the round, in their own words,
// and whether they confirmed what the team heard: the heart of a one-on-one
// (the first seed asks "success for your community looks like XX -- is this
// accurate?"). Partners whose worksheets record no statement are listed too,
// so the gap shows. Read from the facts the index already holds.
import type { Meeting } from '../../workspace';
import type { Context } from '../context';
import { listed, shorten } from '../context';
import type { PartnerRef, Ref, SuccessResponse, SuccessSection, SuccessStatement } from '../model';

function responseOf(block: { asked: boolean; corrected: boolean; response: string | undefined } | undefined): SuccessResponse {
  if (!block) return 'not-asked';
  if (block.corrected) return 'corrected';
  if (block.response === 'confirmed') return 'confirmed';
  return block.asked ? 'no-answer' : 'not-asked';
}

/** `held` comes in partner order, each partner's meetings by date. */
export function success(ctx: Context, held: readonly Meeting[]): SuccessSection {
  // Per partner: the latest held meeting that records a statement, else the latest held one.
  const chosen = new Map<string, Meeting>();
  for (const m of held) {
    const cur = chosen.get(m.partnerId);
    if (!cur || m.successInTheirWords || !cur.successInTheirWords) chosen.set(m.partnerId, m);
  }
  // Lines are looked up for the listed partners only: a round of thousands lists fifty.
  const withWords = listed([...chosen.values()].filter((m) => m.successInTheirWords));
  const without = listed([...chosen.values()].filter((m) => !m.successInTheirWords));
  const statements = withWords.items.map((m): SuccessStatement => {
    const block = ctx.worksheet(m)?.confirmationBlock;
    const item: SuccessStatement = {
      partner: ctx.partner(m),
      text: shorten(m.successInTheirWords!),
      response: responseOf(block),
      uri: m.uri,
      line: ctx.line(m, ['notes', 'success_in_their_words']),
    };
    if (block?.corrected && block.correction) item.correction = { text: shorten(block.correction), uri: m.uri, line: ctx.line(m, ['confirmation', 'correction']) };
    return item;
  });
  const missing = without.items.map((m): PartnerRef & Ref => ({ ...ctx.partner(m), uri: m.uri, line: ctx.line(m, ['notes', 'success_in_their_words']) }));
  return { statements, statementsTotal: withWords.total, missing, missingTotal: without.total };
}
