// A review of a round no worksheet is in reviews nothing: the round is
// misspelt, or its meetings have not been recorded yet.
import type { Rule } from '../rule';
import type { ReviewFacts } from '../../facts';
import { compact, setFix } from '../fixes';
import { nearestKey } from '../../schema';

export const unknownRound: Rule<ReviewFacts> = {
  code: 'unknown-round',
  kind: 'review',
  defaultSeverity: 'warning',
  crossFile: true,
  summary: 'A review is for a round that has meetings.',
  check(ctx) {
    const round = ctx.facts.round;
    const ws = ctx.workspace;
    if (!round || !ws || ws.roundSize(round) > 0) return [];
    // A typo round is no round to suggest.
    const rounds = ws.roundsWithMeetings().filter((r) => !ws.roundLookalike(r));
    const near = nearestKey(round, rounds);
    return [{
      message: `No worksheet is in round \`${round}\`, so this review has no meetings to review.${near ? ` Did you mean \`${near}\`?` : rounds.length ? ` Rounds with meetings: ${rounds.slice(0, 5).map((r) => `\`${r}\``).join(', ')}.` : ''} Check the spelling, or set \`round\` on the round's worksheets.`,
      range: ctx.view.anchor(['round']),
      fixes: compact(near ? [setFix(ctx.view, `Change to \`${near}\``, ['round'], near, true)] : []),
    }];
  },
};
