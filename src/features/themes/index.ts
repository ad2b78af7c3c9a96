// Themes the team agrees: "Tag as <theme>" on an untagged note, and "Draft
// Theme Vocabulary", which writes the round's suggested themes into
// partner-worksheets.yaml for the team to edit. Both edit through undoable
// WorkspaceEdits; an existing vocabulary is only added to when the person
// says so.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { summarize } from '../../core/summary/summarize';
import { draftThemes, oneLine, vocabularyEdit } from '../../core/themes/draft';
import type { DraftTheme, VocabularyEdit } from '../../core/themes/draft';
import { tagNoteActions } from '../../core/themes/tag-note';
import { vocabularies } from '../../core/themes/vocabulary';
import { exists } from '../workspace/exists';

const WORKSHEETS: vscode.DocumentSelector = [{ pattern: '**/*.worksheet.{yaml,yml}' }];

export function register(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider(WORKSHEETS, new TagNoteActions(services), TagNoteActions.metadata),
    vscode.commands.registerCommand('partnerWorksheets.draftThemeVocabulary', () => draftVocabulary(services)),
  );
}

export class TagNoteActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly services: Services) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix)) return [];
    try {
      const { index } = this.services;
      const vocabulary = vocabularies(index.configFor(document.uri.toString()));
      const matcher = index.summaryCache.matcher(vocabulary.agreed, vocabulary.suggest);
      const text = document.getText();
      return tagNoteActions(text, document.offsetAt(range.start), matcher).map((a) => {
        const action = new vscode.CodeAction(a.agreed ? a.title : `${a.title} (suggested)`, vscode.CodeActionKind.QuickFix);
        const edit = new vscode.WorkspaceEdit();
        edit.set(document.uri, a.edits.map((e) => new vscode.TextEdit(new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.text)));
        action.edit = edit;
        return action;
      });
    } catch (e) {
      this.services.log.warn(`Tag as <theme>: ${(e as Error)?.message ?? String(e)}`);
      return [];
    }
  }
}

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) {
    if (!folders[0]) void vscode.window.showWarningMessage('Open a folder first: the vocabulary goes into partner-worksheets.yaml at its root.');
    return folders[0];
  }
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Which workspace folder\'s partner-worksheets.yaml?' });
}

const names = (ts: readonly DraftTheme[]) => ts.map((t) => t.label).join(', ');

/** Writes the draft; returns the settings file's URI when something was written. */
export async function draftVocabulary(services: Services): Promise<vscode.Uri | undefined> {
  const { index } = services;
  if (!index.rounds().length) {
    void vscode.window.showInformationMessage('No worksheet has a round yet: themes are drafted from a round of meetings.');
    return undefined;
  }
  const folder = await pickFolder();
  if (!folder) return undefined;
  let target = vscode.Uri.joinPath(folder.uri, 'partner-worksheets.yaml');
  const yml = vscode.Uri.joinPath(folder.uri, 'partner-worksheets.yml');
  if (!(await exists(target)) && (await exists(yml))) target = yml;
  const document = (await exists(target)) ? await vscode.workspace.openTextDocument(target) : undefined;
  const summary = summarize(index, { today: services.today() });
  const draft = draftThemes(summary, index.configFor(target.toString()).themes);
  let result: VocabularyEdit = vocabularyEdit(document?.getText(), draft, { merge: false, round: summary.round });
  if (result.kind === 'refused' && result.reason === 'has-vocabulary') {
    const add = 'Add Them';
    const answer = await vscode.window.showWarningMessage(
      `${vscode.workspace.asRelativePath(target)} has a theme vocabulary. Add the ${draft.length} suggested theme${draft.length === 1 ? '' : 's'} it lacks (${names(draft)})? Nothing else in the file changes.`,
      { modal: true }, add);
    if (answer !== add) return undefined;
    result = vocabularyEdit(document?.getText(), draft, { merge: true, round: summary.round });
  }
  if (result.kind === 'refused') {
    void vscode.window.showInformationMessage(result.reason === 'nothing-to-add'
      ? `No theme to add: every theme two or more partners raised in ${oneLine(summary.round)} is in the vocabulary already.`
      : `${vscode.workspace.asRelativePath(target)} has a syntax error, is not a mapping, or has \`themes\` that are not a list: fix it first. Nothing was changed.`);
    return undefined;
  }
  const edit = new vscode.WorkspaceEdit();
  if (document) {
    edit.replace(target, new vscode.Range(document.positionAt(result.edit.start), document.positionAt(result.edit.end)), result.edit.text);
  } else {
    edit.createFile(target, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(result.edit.text) });
  }
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(`Could not write ${vscode.workspace.asRelativePath(target)}. Nothing was changed.`);
    return undefined;
  }
  await vscode.window.showTextDocument(target, { preview: false });
  void vscode.window.showInformationMessage(`Added ${result.added.length} theme${result.added.length === 1 ? '' : 's'} from ${oneLine(summary.round)} (${names(result.added)}). Edit them as a team and save: the review counts every theme listed there as agreed.`);
  return target;
}
