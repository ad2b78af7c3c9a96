import type { Rule } from '../rule';
import { isHeld } from '../../facts/status';
import { text } from '../../facts/data';

export const roundNotAllHeld: Rule = {
  code: 'round-not-all-held',
  kind: 'review',
  defaultSeverity: 'info',
  crossFile: true,
  summary: 'The team reviews a round once all its meetings are held.',
  check(ctx) {
    const round = text(ctx.data.round);
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
