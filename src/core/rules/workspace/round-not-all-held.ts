import type { Rule } from '../rule';
import { locations } from '../rule';
import type { ReviewFacts } from '../../facts';
import { isHeld } from '../../facts';

/** Partners named in the message; the related information lists every meeting. */
const MAX_NAMED = 8;

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
    // Sorted, so the message is the same whatever order the files were read in; a handful named, the rest counted.
    const names = [...new Set(pending.map((m) => m.partnerId))].sort();
    const listed = names.length > MAX_NAMED + 1 ? `${names.slice(0, MAX_NAMED).join(', ')} and ${names.length - MAX_NAMED} more` : names.join(', ');
    return [{
      message: `${pending.length} meeting${pending.length === 1 ? '' : 's'} of ${round} ${pending.length === 1 ? 'is' : 'are'} not held yet (${listed}). Review the round once every one-on-one has happened, or note that these are still to come.`,
      range: ctx.view.anchor(['round']),
      related: locations(ctx, pending, (m) => `${m.partnerId}: ${m.status ?? 'no status'}${m.date ? `, ${m.date}` : ''}`),
    }];
  },
};
