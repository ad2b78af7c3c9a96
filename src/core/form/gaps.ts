// Gaps beside their fields: the findings the Problems panel lists, each placed
// on the form field (or block) it is about. A finding sits on a YAML node, so
// most land by range. A gap about something missing sits on a fallback node
// (no confirmation yet: on `status`), so each rule names its home in the form
// and wins over a range that lands elsewhere.
import type { Finding, Position, Range } from '../types';
import type { FormDocument } from './model';
import type { FormGap } from './types';

export type { FormGap } from './types';

/** Where each worksheet rule's gap belongs in the form. */
const HOME: Record<string, string> = {
  'missing-confirmation': 'confirmation',
  'correction-without-text': 'confirmation.correction',
  'missing-next-step': 'next_step',
  'next-step-owner': 'next_step.owner',
  'next-step-due': 'next_step.due',
  'overdue-next-step': 'next_step.due',
  'next-step-not-tied-to-goal': 'next_step.serves_goal',
  'overdue-follow-up': 'follow_up.date',
  'missing-success-definition': 'notes.success_in_their_words',
  'empty-notes-category': 'notes',
  'meeting-length': 'meeting.duration_minutes',
  'not-partner-convenience': 'meeting.partner_chose_time_and_place',
  'not-prepared': 'preparation',
  'not-thanked': 'thanked',
  'not-filled': 'after.filled_on',
  'not-shared': 'after.shared_on',
};

export function formGaps(doc: FormDocument, findings: readonly Finding[]): FormGap[] {
  return findings.map((f, id) => {
    const placed = place(doc, f.range.start);
    const home = HOME[f.code];
    const field = home && !(placed && inside(placed, home)) ? home : placed;
    const gap: FormGap = { id, code: f.code, severity: f.severity, message: f.message, line: f.range.start.line + 1, fixes: (f.fixes ?? []).map((x) => x.title) };
    if (field && f.code !== 'yaml-syntax') gap.field = field;
    return gap;
  });
}

function inside(id: string, home: string): boolean {
  return id === home || id.startsWith(`${home}.`);
}

/** The field or block whose smallest range holds `at`. */
function place(doc: FormDocument, at: Position): string | undefined {
  let best: { id: string; size: number } | undefined;
  for (const p of doc.places) {
    for (const r of p.ranges) {
      if (!contains(r, at)) continue;
      const size = (r.end.line - r.start.line) * 100_000 + (r.end.character - r.start.character);
      if (!best || size < best.size) best = { id: p.id, size };
    }
  }
  return best?.id;
}

function contains(r: Range, p: Position): boolean {
  const after = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const before = p.line < r.end.line || (p.line === r.end.line && p.character < r.end.character);
  const atEmpty = r.start.line === r.end.line && r.start.character === r.end.character && p.line === r.start.line && p.character === r.start.character;
  return (after && before) || atEmpty;
}
