import type { Rule } from '../rule';
import type { WorksheetFacts } from '../../facts';
import { isHeld } from '../../facts';
import { compact, insertFix, yamlPlaceholder } from '../fixes';
import { q } from './common';

export const missingConfirmation: Rule<WorksheetFacts> = {
  code: 'missing-confirmation',
  kind: 'worksheet',
  defaultSeverity: 'warning',
  summary: 'A held meeting records whether you confirmed what success means for the partner.',
  check(ctx) {
    if (!isHeld(ctx.facts.status)) return [];
    const c = ctx.facts.confirmationBlock;
    if (c?.asked) return [];
    const success = ctx.facts.successInTheirWords;
    const message = c
      ? 'The confirmation was not asked. Before the next contact, check your understanding with the partner: "Success for your community looks like ... - is that right?" and record their response.'
      : 'No confirmation recorded. Before leaving, check your understanding: "I heard that success for your community looks like ... - is that accurate?" Add a `confirmation` block with the statement and their response.';
    if (c) return [{ message, range: ctx.view.anchor(['confirmation', 'asked'], ['confirmation']) }];
    const statement = success ?? 'Success for your community looks like';
    return [{
      message,
      range: ctx.view.anchor(['confirmation'], ['status']),
      fixes: compact([insertFix(ctx.view, {
        title: 'Add a confirmation block',
        mapPath: [],
        key: 'confirmation',
        plain: ['', 'asked: true', `statement: ${q(statement)}`, 'response: confirmed'],
        snippet: ['', 'asked: true', `statement: ${yamlPlaceholder(1, q(statement))}`, 'response: ${2|confirmed,corrected,not-asked|}'],
        after: ['notes'],
        preferred: true,
      })]),
    }];
  },
};
