// Completion and hover providers: thin adapters over src/core/language, fed
// with what the workspace index knows.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { kindOfFile } from '../../core/kinds';
import { complete } from '../../core/language/completion';
import type { CompletionEntry, WorkspaceVocabulary } from '../../core/language/completion';
import { hover } from '../../core/language/hover';
import type { PartnerFacts } from '../../core/language/hover';
import { readConvening } from '../../core/facts';
import { parseFile } from '../../core/yaml';
import { toRange } from '../diagnostics/convert';

const YAML_EXTENSION = 'redhat.vscode-yaml';

const KIND: Record<CompletionEntry['kind'], vscode.CompletionItemKind> = {
  property: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.Value,
  enum: vscode.CompletionItemKind.EnumMember,
  reference: vscode.CompletionItemKind.Reference,
};

export function vocabulary(services: Services, uri: string): WorkspaceVocabulary {
  const { index } = services;
  const known = index.vocabulary();
  // The team's themes (of the settings that apply here) first, with their labels.
  const themes = new Map(index.configFor(uri).themes.map((t) => [t.id, t.label]));
  for (const t of known.themes) if (!themes.has(t)) themes.set(t, 'used in notes');
  return {
    partners: known.partners,
    people: known.people,
    themes: [...themes.entries()].map(([id, label]) => ({ id, label })),
    rounds: known.rounds,
  };
}

export function partnerFacts(services: Services, id: string): PartnerFacts | undefined {
  const p = services.index.partner(id);
  if (!p) return undefined;
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
    const textNow = document.getText();
    // Metrics are this convening's own indicators, as the editor has them now.
    const metrics = kind === 'convening' ? readConvening(parseFile(document.uri.toString(), textNow).data).measurement.indicatorIds : [];
    // Red Hat YAML already completes keys from the same schemas.
    const keys = vscode.extensions.getExtension(YAML_EXTENSION)?.isActive !== true;
    const { context, items } = complete(kind, textNow, position.line, position.character, vocabulary(this.services, document.uri.toString()), metrics, { keys });
    const start = position.translate(0, -Math.min(context.prefix.length, position.character));
    const replace = new vscode.Range(start, position);
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
    const result = hover(kind, document.uri.toString(), document.getText(), document.offsetAt(position), (id) => partnerFacts(this.services, id));
    if (!result) return undefined;
    const md = new vscode.MarkdownString(result.markdown);
    md.supportHtml = false;
    return new vscode.Hover(md, toRange(result.range));
  }
}
