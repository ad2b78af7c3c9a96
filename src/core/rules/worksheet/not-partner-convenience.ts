import type { Rule } from '../rule';
import type { WorksheetFacts } from '../../facts';

export const notPartnerConvenience: Rule<WorksheetFacts> = {
  code: 'not-partner-convenience',
  kind: 'worksheet',
  defaultSeverity: 'info',
  summary: 'The partner chose the time and place of the meeting.',
  check(ctx) {
    if (ctx.facts.partnerChoseTimeAndPlace !== false) return [];
    return [{
      message: 'The time and place suited us rather than the partner. Next time, offer to meet where and when is easiest for them.',
      range: ctx.view.anchor(['meeting', 'partner_chose_time_and_place']),
    }];
  },
};
