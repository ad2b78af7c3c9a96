import type { Rule, RuleIssue } from '../rule';
import { field, list, noteText } from '../../facts/data';
import { HELD } from '../../facts/status';
import { rank } from './common';

export const NOTE_CATEGORIES = ['challenges', 'values', 'goals', 'commitments'] as const;

const ASK: Record<(typeof NOTE_CATEGORIES)[number], string> = {
  challenges: 'what stands in the way of their work',
  values: 'what matters most to them and why',
  goals: 'what they hope to achieve in the coming year',
  commitments: 'what they already give time and resources to',
};

export const emptyNotesCategory: Rule = {
  code: 'empty-notes-category',
  kind: 'worksheet',
  defaultSeverity: 'info',
  summary: 'Notes cover challenges, values, goals and commitments.',
  check(ctx) {
    if (rank(ctx) < HELD) return [];
    const issues: RuleIssue[] = [];
    for (const cat of NOTE_CATEGORIES) {
      const notes = list(field(ctx.data, 'notes', cat));
      if (notes.some((n) => noteText(n) !== undefined)) continue;
      issues.push({
        message: `No notes on ${cat}. If it came up, note ${ASK[cat]}; if not, it is a question for next time.`,
        range: ctx.view.anchor(['notes', cat], ['notes'], ['status']),
      });
    }
    return issues;
  },
};
