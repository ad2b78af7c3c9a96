// `autum-2026` beside `autumn-2026`: a round name one typo away from a round
// with far more meetings. Left alone, the typo becomes a round of its own
// (one partner, one meeting) and can even become the review's default.
import type { Rule } from '../rule';
import { locations } from '../rule';
import type { ReviewFacts, WorksheetFacts } from '../../facts';
import { compact, setFix } from '../fixes';

export const roundLookalike: Rule<WorksheetFacts | ReviewFacts> = {
  code: 'round-lookalike',
  kind: ['worksheet', 'review'],
  defaultSeverity: 'warning',
  crossFile: true,
  summary: 'A round name is not a near-copy of another round with far more meetings (`autum-2026` beside `autumn-2026`).',
  // The meetings of the typo, not those of the round it copies; and the worksheets
  // naming no partner, which have a round but no meeting in it to tell by.
  *mayFlag(ws) {
    for (const round of ws.lookalikeRounds()) for (const m of ws.meetingsInRound(round)) yield m.uri;
    yield* ws.unplacedWorksheets();
  },
  check(ctx) {
    const round = ctx.facts.round;
    const ws = ctx.workspace;
    if (!round || !ws) return [];
    const like = ws.roundLookalike(round);
    if (!like) return [];
    const mine = ws.roundSize(round);
    return [{
      message: `Round \`${round}\` (${mine} meeting${mine === 1 ? '' : 's'}) looks like a typo of \`${like.round}\` (${like.meetings} meetings). Rename it, or the team review will treat it as a round of its own.`,
      range: ctx.view.anchor(['round']),
      fixes: compact([setFix(ctx.view, `Rename to \`${like.round}\``, ['round'], like.round, true)]),
      related: locations(ctx, [like.example], () => `a meeting of \`${like.round}\``),
    }];
  },
};
