// Quick fixes for gap findings, matched to diagnostics by rule code and range;
// an "Ignore <code> here" action; and a source action that applies every
// preferred fix in the file. All edits are WorkspaceEdits, so they undo.
import * as vscode from 'vscode';
import type { Finding, Fix } from '../../core/types';
import { UNREAD_CODES } from '../../core/check';
import type { FindingStore } from '../diagnostics/findings';
import { SOURCE, codeOf, sameRange, toRange } from '../diagnostics/convert';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('partnerWorksheets');

export class GapCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  /** @param findings the diagnostics feature's findings, whose fixes these actions offer */
  constructor(private readonly findings: FindingStore) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const all = this.findings.fixable(document);
    const actions: vscode.CodeAction[] = [];
    const wantsFixAll = !context.only || context.only.contains(FIX_ALL_KIND) || FIX_ALL_KIND.contains(context.only);
    if (!context.only || context.only.contains(vscode.CodeActionKind.QuickFix)) {
      for (const diagnostic of context.diagnostics) {
        if (diagnostic.source !== SOURCE) continue;
        const code = codeOf(diagnostic);
        const finding = all.find((f) => f.code === code && sameRange(diagnostic.range, f.range));
        if (!finding) continue;
        for (const fix of finding.fixes ?? []) actions.push(this.quickFix(document, fix, diagnostic));
        // A file not read cannot be ignored into a pass: no comment silences those codes (check.ts).
        if (code && !UNREAD_CODES.has(code)) actions.push(this.ignore(document, code, diagnostic));
      }
    }
    if (wantsFixAll) {
      const fixAll = this.fixAll(document, all);
      if (fixAll) actions.push(fixAll);
    }
    return actions;
  }

  private quickFix(document: vscode.TextDocument, fix: Fix, diagnostic: vscode.Diagnostic): vscode.CodeAction {
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.isPreferred = fix.preferred === true;
    const edit = new vscode.WorkspaceEdit();
    // Snippet edits give tab stops, but only in the focused editor; elsewhere
    // (a closed file, the Problems panel) plain text is the safe form.
    const active = vscode.window.activeTextEditor?.document.uri.toString() === document.uri.toString();
    if (active && fix.snippetEdits?.length) {
      edit.set(document.uri, fix.snippetEdits.map((e) => new vscode.SnippetTextEdit(toRange(e.range), new vscode.SnippetString(e.newText))));
    } else {
      edit.set(document.uri, fix.edits.map((e) => new vscode.TextEdit(toRange(e.range), e.newText)));
    }
    action.edit = edit;
    return action;
  }

  private ignore(document: vscode.TextDocument, code: string, diagnostic: vscode.Diagnostic): vscode.CodeAction {
    const action = new vscode.CodeAction(`Ignore ${code} here`, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    const line = document.lineAt(diagnostic.range.start.line);
    const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex).replace(/-\s*$/, '');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, line.range.start, `${indent}# worksheets-disable-next-line ${code}\n`);
    action.edit = edit;
    return action;
  }

  private fixAll(document: vscode.TextDocument, list: Finding[]): vscode.CodeAction | undefined {
    const chosen: vscode.TextEdit[] = [];
    const taken: vscode.Range[] = [];
    for (const f of list) {
      const fix = f.fixes?.find((x) => x.preferred);
      if (!fix) continue;
      const edits = fix.edits.map((e) => new vscode.TextEdit(toRange(e.range), e.newText));
      // Two fixes that touch the same text would fight: keep the first. Two
      // insertions at one point are fine (they apply in order).
      if (edits.some((e) => taken.some((t) => conflicts(t, e.range)))) continue;
      edits.forEach((e) => { chosen.push(e); taken.push(e.range); });
    }
    if (chosen.length === 0) return undefined;
    const action = new vscode.CodeAction('Fix all auto-fixable gaps in this file', FIX_ALL_KIND);
    const edit = new vscode.WorkspaceEdit();
    edit.set(document.uri, chosen);
    action.edit = edit;
    return action;
  }
}

function conflicts(a: vscode.Range, b: vscode.Range): boolean {
  if (a.isEmpty && b.isEmpty) return false;
  if (a.isEmpty) return b.start.isBefore(a.start) && a.start.isBefore(b.end);
  if (b.isEmpty) return a.start.isBefore(b.start) && b.start.isBefore(a.end);
  const i = a.intersection(b);
  return i !== undefined && !i.isEmpty;
}
