// An open YAML file that says which kind it is but is not named for it
// (core/misnamed.ts) gets a warning on its `kind`, with a quick fix that
// renames it: until then the extension leaves it out (no findings, no
// completion, no meeting in the Partners view or the review) without a word.
// Open files only: the CLI's `check` names the closed ones.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { leftOut, misnamed, namedAsNoKind } from '../../core/misnamed';
import type { Misnamed } from '../../core/misnamed';
import { parseFile } from '../../core/yaml/parse';
import { YamlView } from '../../core/yaml/view';
import { SOURCE, toRange } from '../diagnostics/convert';
import { exists } from '../workspace/exists';

/** The diagnostic's code: not a rule's (the file is not read), so not in docs/rules.md. */
export const MISNAMED_CODE = 'misnamed-file';

export function register(context: vscode.ExtensionContext, services: Services): void {
  const collection = vscode.languages.createDiagnosticCollection(`${SOURCE}-names`);

  const update = (document: vscode.TextDocument): void => {
    // Asked at every keystroke in any file: the name first, the text only of a YAML file of no kind.
    if (!namedAsNoKind(document.uri.path)) return;
    try {
      const found = inWorkspace(document) ? misnamed(document.uri.path, document.getText()) : undefined;
      if (!found) {
        if (collection.has(document.uri)) collection.delete(document.uri);
        return;
      }
      collection.set(document.uri, [diagnosticFor(document, found)]);
    } catch (e) {
      services.log.error(`Checking the name of ${document.uri.toString()} failed: ${(e as Error)?.stack ?? String(e)}`);
    }
  };

  context.subscriptions.push(
    collection,
    vscode.workspace.onDidOpenTextDocument(update),
    vscode.workspace.onDidChangeTextDocument((e) => update(e.document)),
    vscode.workspace.onDidCloseTextDocument((d) => collection.delete(d.uri)),
    vscode.languages.registerCodeActionsProvider([{ language: 'yaml' }, { pattern: '**/*.{yaml,yml,YAML,YML}' }], new RenameAction(), RenameAction.metadata),
  );
  for (const document of vscode.workspace.textDocuments) update(document);
}

/** A file of the workspace, or one opened from disk: not a version shown by git, an output channel or a closed document. */
function inWorkspace(document: vscode.TextDocument): boolean {
  return !document.isClosed && (document.uri.scheme === 'file' || vscode.workspace.getWorkspaceFolder(document.uri) !== undefined);
}

function diagnosticFor(document: vscode.TextDocument, found: Misnamed): vscode.Diagnostic {
  // Where the parse puts `kind`'s value (the first key when it cannot tell).
  const range = toRange(new YamlView(parseFile(document.uri.toString(), document.getText())).anchor(['kind']));
  const message = `This file says \`kind: ${found.kind}\` but is not named ${found.pattern}, so Partner Worksheets leaves it out: it is ${leftOut(found)}. Rename it ${found.suggested}.`;
  const d = new vscode.Diagnostic(range, message, vscode.DiagnosticSeverity.Warning);
  d.source = SOURCE;
  d.code = MISNAMED_CODE;
  return d;
}

class RenameAction implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const diagnostic = context.diagnostics.find((d) => d.source === SOURCE && d.code === MISNAMED_CODE);
    const found = diagnostic && misnamed(document.uri.path, document.getText());
    if (!diagnostic || !found) return [];
    const target = vscode.Uri.joinPath(document.uri, '..', found.suggested);
    // Never over another file: with one of that name beside it, the user picks a name.
    if (await exists(target)) return [];
    const action = new vscode.CodeAction(`Rename to ${found.suggested}`, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.isPreferred = true;
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(document.uri, target, { overwrite: false });
    action.edit = edit;
    return [action];
  }
}
