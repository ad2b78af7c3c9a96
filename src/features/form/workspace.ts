// The one place the worksheet form reads the rest of the extension: the
// findings behind the Problems panel, and what the workspace knows (partners,
// people, themes, rounds, a partner's goals), all from the services and the
// index's facts, so the form never reads another file's raw YAML.
import type * as vscode from 'vscode';
import type { Services } from '../../services';
import type { Finding } from '../../core/types';
import type { FormModel } from '../../core/form/types';
import { QUESTIONS } from '../../core/questions';
import { vocabulary } from '../editing/language';
import type { FormVocabulary } from './messages';

/** The findings the Problems panel shows for this document (the same objects the quick fixes apply). */
export function formFindings(services: Services, uri: vscode.Uri): Finding[] {
  return services.findings.get(uri);
}

/** The version of the document those findings were made from. */
export function formFindingsVersion(services: Services, uri: vscode.Uri): number | undefined {
  return services.findings.versionOf(uri);
}

/** Suggestions for the form's fields, from the index and from the worksheet itself. */
export function formVocabulary(services: Services, uri: string, model: FormModel): FormVocabulary {
  const known = vocabulary(services, uri);
  const own = (id: string): string[] => {
    const v = model.values[id];
    if (v?.state === 'items') return v.items.map((i) => i.values.text).filter((t): t is string => typeof t === 'string' && t.trim() !== '');
    return [];
  };
  const partnerId = (() => {
    const v = model.values['partner.id'];
    return v?.state === 'value' && typeof v.value === 'string' ? v.value : undefined;
  })();
  // The partner's goals: this worksheet's first, then those of their other meetings, newest first.
  const goals = new Set(own('notes.goals'));
  const { index } = services;
  for (const m of partnerId ? index.partner(partnerId)?.meetings ?? [] : []) {
    if (m.uri === uri) continue;
    const facts = index.get(m.uri)?.facts;
    if (facts?.kind !== 'worksheet') continue;
    for (const g of facts.notes.goals) if (g.text) goals.add(g.text);
  }
  const sharedWith = new Set(known.people);
  for (const d of index.documents('worksheet')) {
    const facts = d.facts;
    if (facts.kind === 'worksheet') facts.after.sharedWith.forEach((s) => sharedWith.add(s));
  }
  return {
    partners: known.partners.map((p) => ({ id: p.id, organization: p.organization })),
    people: known.people,
    themes: known.themes,
    rounds: known.rounds,
    goals: [...goals],
    sharedWith: [...sharedWith].sort(),
    questions: QUESTIONS.map((q) => ({ id: q.id, text: q.text, category: q.category })),
  };
}
