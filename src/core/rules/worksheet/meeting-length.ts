import type { Rule } from '../rule';
import type { WorksheetFacts } from '../../facts';

export const meetingLength: Rule<WorksheetFacts> = {
  code: 'meeting-length',
  kind: 'worksheet',
  defaultSeverity: 'info',
  summary: 'A one-on-one lasts the team\'s planned length (30-60 minutes by default).',
  check(ctx) {
    const minutes = ctx.facts.durationMinutes;
    // Not a number of minutes a meeting lasts (NaN, a fraction, under one, a day or more): the schema's error says so, alone.
    if (minutes === undefined || !Number.isInteger(minutes) || minutes < 1 || minutes > 1440) return [];
    const { min, max } = ctx.config.thresholds.meetingMinutes;
    if (minutes >= min && minutes <= max) return [];
    const message = minutes < min
      ? `${minutes} minutes is short for a one-on-one: plan ${min}-${max} minutes, so there is time to listen to what success means for them.`
      : `${minutes} minutes is longer than the ${min}-${max} minutes planned: end on time to honour the partner's schedule.`;
    return [{ message, range: ctx.view.anchor(['meeting', 'duration_minutes']) }];
  },
};
