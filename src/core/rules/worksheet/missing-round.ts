// The team reviews its one-on-ones round by round; a worksheet with no
// `round` drops out of every review without a word. The fix offers the
// round of the meetings nearest it by date.
import type { Rule } from '../rule';
import type { WorksheetFacts } from '../../facts';
import { compact, insertFix, setFix } from '../fixes';

export const missingRound: Rule<WorksheetFacts> = {
  code: 'missing-round',
  kind: 'worksheet',
  defaultSeverity: 'warning',
  readsWorkspace: true,
  summary: 'A worksheet names the round it belongs to, so the team review includes it.',
  // Its offer reads the rounds of the other worksheets; a worksheet with a round it leaves alone.
  mayFlag: (ws) => ws.unplacedWorksheets(),
  check(ctx) {
    if (ctx.facts.round) return [];
    const near = ctx.workspace && ctx.facts.date ? ctx.workspace.roundsNear(ctx.facts.date) : [];
    const written = ctx.view.pair(['round']) !== undefined;
    const fixes = compact(near.map((r, i) => {
      const title = `Put it in \`${r}\`${i === 0 ? ' (its neighbours by date)' : ''}`;
      // `round:` written with nothing after it: fill it in rather than add a second key.
      return written
        ? setFix(ctx.view, title, ['round'], r, i === 0)
        : insertFix(ctx.view, { title, mapPath: [], key: 'round', plain: [r], after: ['status', 'version', 'kind'], preferred: i === 0 });
    }));
    return [{
      message: `This worksheet has no \`round\`, so it is left out of the team review.${near.length ? ` Meetings near its date are in \`${near[0]}\`.` : ''} Add the round it belongs to.`,
      range: ctx.view.anchor(['round'], ['status'], ['kind']),
      fixes,
    }];
  },
};
