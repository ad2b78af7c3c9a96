// The Worksheet Form: a form over *.worksheet.yaml for the people who hold the
// meetings, with the YAML text still the file (git, review, CI). Registers the
// custom editor, "Open in Worksheet Form" and "Open as Text", and the setting
// that makes the form the default editor for worksheets.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { FORM_VIEW_TYPE, WorksheetFormProvider, openAsText } from './provider';
import { SETTING, openInForm, syncDefaultEditor } from './open';

export { FORM_VIEW_TYPE, WorksheetForm, WorksheetFormProvider } from './provider';

/** The resource a title-bar command was invoked on, else the active editor's. */
function target(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputCustom || input instanceof vscode.TabInputText) return input.uri;
  return vscode.window.activeTextEditor?.document.uri;
}

export function register(context: vscode.ExtensionContext, services: Services): WorksheetFormProvider {
  const provider = new WorksheetFormProvider(context, services);
  context.subscriptions.push(
    vscode.window.registerCustomEditorProvider(FORM_VIEW_TYPE, provider, {
      webviewOptions: { enableFindWidget: true },
      supportsMultipleEditorsPerDocument: true,
    }),
    provider,
    vscode.commands.registerCommand('partnerWorksheets.openForm', async (arg?: unknown) => {
      const uri = target(arg);
      if (uri) await openInForm(uri);
    }),
    vscode.commands.registerCommand('partnerWorksheets.openFormAsText', async (arg?: unknown) => {
      const uri = target(arg);
      if (uri) await openAsText(uri);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SETTING)) void syncDefaultEditor(services.log);
    }),
  );
  // At start only to add: an association someone made by hand while the setting was off stays.
  if (vscode.workspace.getConfiguration().get<boolean>(SETTING, false)) void syncDefaultEditor(services.log);
  return provider;
}
