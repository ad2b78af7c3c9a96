// Completion and hover providers: thin adapters over src/core/language, fed
// with what the workspace index knows.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { kindOfFile } from '../../core/kinds';
import { complete } from '../../core/language/completion';
import type { CompletionEntry } from '../../core/language/completion';
import { hover } from '../../core/language/hover';
import type { PartnerFacts, WorkspaceVocabulary } from '../../core/language/options';
import type { Partner } from '../../core/workspace';
import { toRange } from '../diagnostics/convert';
import { vocabularies } from '../../core/themes/vocabulary';

const YAML_EXTENSION = 'redhat.vscode-yaml';

const KIND: Record<CompletionEntry['kind'], vscode.CompletionItemKind> = {
  property: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.Value,
  enum: vscode.CompletionItemKind.EnumMember,
  reference: vscode.CompletionItemKind.Reference,
};

/**
 * What the workspace knows, for completion and hover: the index keeps its
 * vocabulary until a document changes; a partner's meetings and the themes
 * with their labels are put together only when a field asks for them.
 */
export function vocabulary(services: Services, uri: string): WorkspaceVocabulary {
  const { index } = services;
  const known = index.vocabulary();
  return {
    // Hover shows a partner's meetings and next step: made only when a field asks.
    get partners() {
      return index.partners().map(partnerFacts);
    },
    people: known.people,
    get themes() {
      // The team's agreed themes (of the settings that apply here) first, with
      // their labels; then tags in use; then the starter vocabulary's others,
      // so a team without a vocabulary tags with the ids the review groups by.
      const vocab = vocabularies(index.configFor(uri));
      const themes = new Map(vocab.agreed.map((t) => [t.id, t.label]));
      for (const t of known.themes) if (!themes.has(t)) themes.set(t, 'used in notes');
      for (const t of vocab.suggest) if (!themes.has(t.id)) themes.set(t.id, `${t.label} (starter vocabulary)`);
      return [...themes.entries()].map(([id, label]) => ({ id, label }));
    },
    rounds: known.rounds,
  };
}

function partnerFacts(p: Partner): PartnerFacts {
  return {
    id: p.id,
    organization: p.organization,
    meetings: p.meetings.map((m) => ({ date: m.date, status: m.status })),
    nextStep: p.meetings.find((m) => m.nextStep)?.nextStep,
  };
}

export class WorksheetCompletions implements vscode.CompletionItemProvider {
  constructor(private readonly services: Services) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const kind = kindOfFile(document.uri.path);
    if (!kind) return [];
    // Red Hat YAML already completes keys from the same schemas.
    const keys = vscode.extensions.getExtension(YAML_EXTENSION)?.isActive !== true;
    const offset = document.offsetAt(position);
    const { context, items } = complete(document.getText(), offset, { kind, vocabulary: vocabulary(this.services, document.uri.toString()), keys });
    const replace = new vscode.Range(document.positionAt(Math.min(context.range[0], offset)), position);
    return items.map((e) => {
      const item = new vscode.CompletionItem(e.label, KIND[e.kind]);
      item.insertText = new vscode.SnippetString(e.insertText);
      item.range = replace;
      if (e.detail) item.detail = e.detail;
      if (e.documentation) item.documentation = new vscode.MarkdownString(e.documentation);
      if (e.sortText) item.sortText = e.sortText;
      return item;
    });
  }
}

export class WorksheetHovers implements vscode.HoverProvider {
  constructor(private readonly services: Services) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const kind = kindOfFile(document.uri.path);
    if (!kind) return undefined;
    const result = hover(document.getText(), document.offsetAt(position), { kind, vocabulary: vocabulary(this.services, document.uri.toString()) });
    if (!result) return undefined;
    const md = new vscode.MarkdownString(result.markdown);
    md.supportHtml = false;
    return new vscode.Hover(md, toRange(result.range));
  }
}
