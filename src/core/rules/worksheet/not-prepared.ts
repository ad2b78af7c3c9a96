import type { Rule } from '../rule';
import type { WorksheetFacts } from '../../facts';
import { PREPARED, statusRank } from '../../facts';

export const notPrepared: Rule<WorksheetFacts> = {
  code: 'not-prepared',
  kind: 'worksheet',
  defaultSeverity: 'info',
  summary: 'Before the meeting, the worksheet was reviewed and a few questions were picked.',
  check(ctx) {
    if (statusRank(ctx.facts.status) < PREPARED) return [];
    const reviewed = ctx.facts.preparation.worksheetReviewed;
    const questions = ctx.facts.preparation.questions > 0;
    if (reviewed && questions) return [];
    const missing = [!reviewed && 'review the worksheet', !questions && 'pick a few open questions to ask'].filter(Boolean).join(' and ');
    // Half of it recorded is not "not recorded": say what is missing.
    const message = reviewed
      ? 'The worksheet was reviewed, but no questions are recorded: pick a few open questions to ask, and list them under `preparation.questions`.'
      : questions
        ? 'Questions are picked, but the worksheet is not marked reviewed: review it before the meeting, and set `preparation.worksheet_reviewed: true`.'
        : `Preparation is not recorded: ${missing}, and note it under \`preparation\`.`;
    return [{
      message,
      range: ctx.view.anchor(reviewed ? ['preparation', 'questions'] : ['preparation', 'worksheet_reviewed'], ['preparation'], ['status']),
    }];
  },
};
