import type { Rule } from '../rule';
import type { ReviewFacts } from '../../facts';
import { isHeld } from '../../facts';

export const roundNotAllHeld: Rule<ReviewFacts> = {
  code: 'round-not-all-held',
  kind: 'review',
  defaultSeverity: 'info',
  crossFile: true,
  summary: 'The team reviews a round once all its meetings are held.',
  check(ctx) {
    const round = ctx.facts.round;
    const ws = ctx.workspace;
    if (!round || !ws) return [];
    const pending = ws.meetingsInRound(round).filter((m) => !isHeld(m.status));
    if (pending.length === 0) return [];
    const names = [...new Set(pending.map((m) => m.partnerId))];
    return [{
      message: `${pending.length} meeting${pending.length === 1 ? '' : 's'} of ${round} ${pending.length === 1 ? 'is' : 'are'} not held yet (${names.join(', ')}). Review the round once every one-on-one has happened, or note that these are still to come.`,
      range: ctx.view.anchor(['round']),
      related: pending.map((m) => ({ uri: m.uri, range: m.range, message: `${m.partnerId}: ${m.status ?? 'no status'}${m.date ? `, ${m.date}` : ''}` })),
    }];
  },
};
