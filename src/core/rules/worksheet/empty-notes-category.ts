import type { Rule, RuleIssue } from '../rule';
import type { NoteCategory, WorksheetFacts } from '../../facts';
import { NOTE_CATEGORIES, isHeld } from '../../facts';

const ASK: Record<NoteCategory, string> = {
  challenges: 'what stands in the way of their work',
  values: 'what matters most to them and why',
  goals: 'what they hope to achieve in the coming year',
  commitments: 'what they already give time and resources to',
};

export const emptyNotesCategory: Rule<WorksheetFacts> = {
  code: 'empty-notes-category',
  kind: 'worksheet',
  defaultSeverity: 'info',
  summary: 'Notes cover challenges, values, goals and commitments.',
  check(ctx) {
    if (!isHeld(ctx.facts.status)) return [];
    const issues: RuleIssue[] = [];
    for (const cat of NOTE_CATEGORIES) {
      if (ctx.facts.notes[cat].some((n) => n.text !== undefined)) continue;
      issues.push({
        message: `No notes on ${cat}. If it came up, note ${ASK[cat]}; if not, it is a question for next time.`,
        range: ctx.view.anchor(['notes', cat], ['notes'], ['status']),
      });
    }
    return issues;
  },
};
