import type { Rule } from '../rule';
import type { ConveningFacts } from '../../facts';
import { compact, insertFix } from '../fixes';

export const noCommunicationCadence: Rule<ConveningFacts> = {
  code: 'no-communication-cadence',
  kind: 'convening',
  defaultSeverity: 'info',
  summary: 'The partnership has an agreed rhythm of meetings and updates.',
  check(ctx) {
    if (!ctx.facts.pastExploring || ctx.facts.communication.cadence) return [];
    const has = ctx.view.node(['communication']) !== undefined;
    return [{
      message: 'No communication cadence. Agree how often partners meet and hear from each other (monthly, say), and on which channels.',
      range: ctx.view.anchor(['communication', 'cadence'], ['communication'], ['name']),
      fixes: compact([has
        ? insertFix(ctx.view, { title: 'Set a monthly cadence', mapPath: ['communication'], key: 'cadence', plain: ['monthly'], snippet: ['${1:monthly}'], preferred: true })
        : insertFix(ctx.view, { title: 'Add a communication block', mapPath: [], key: 'communication', plain: ['', 'cadence: monthly', 'channels: []'], snippet: ['', 'cadence: ${1:monthly}', 'channels: [${2:email list}]'], after: ['measurement', 'goals'], preferred: true })]),
    }];
  },
};
