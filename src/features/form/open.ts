// Opening worksheets in the form: the commands on the editor title, the
// setting that makes the form the default editor for worksheets, and the
// offer after "New Meeting Worksheet".
import * as vscode from 'vscode';
import { FORM_VIEW_TYPE } from './provider';

export const SETTING = 'partnerWorksheets.form.openByDefault';
const ASSOCIATIONS = 'workbench.editorAssociations';
const PATTERNS = ['*.worksheet.yaml', '*.worksheet.yml'];

export function openInForm(uri: vscode.Uri): Thenable<unknown> {
  return vscode.commands.executeCommand('vscode.openWith', uri, FORM_VIEW_TYPE);
}

function openByDefault(): boolean {
  return vscode.workspace.getConfiguration().get<boolean>(SETTING, false) === true;
}

/**
 * Shows a worksheet just created: in the form when it is the default, else in
 * the text editor with an offer to fill it in with the form.
 */
export async function showNewWorksheet(uri: vscode.Uri): Promise<void> {
  if (openByDefault()) {
    await openInForm(uri);
    return;
  }
  await vscode.window.showTextDocument(uri);
  // Not awaited: the command is done once the file is open; the offer waits for the person.
  void vscode.window.showInformationMessage('Fill the new worksheet in with the Worksheet Form?', 'Open in Form').then((choice) => {
    if (choice) void openInForm(uri);
  });
}

/**
 * VS Code picks a default editor per file pattern from
 * `workbench.editorAssociations`; the setting keeps our entries there in step,
 * at the level (user or workspace) where the setting itself is set. An entry
 * someone made for another editor is left alone.
 */
export async function syncDefaultEditor(log: vscode.LogOutputChannel): Promise<void> {
  const config = vscode.workspace.getConfiguration();
  const inspected = config.inspect<boolean>(SETTING);
  const target = inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const want = openByDefault();
  const current = { ...((target === vscode.ConfigurationTarget.Workspace ? config.inspect<Record<string, string>>(ASSOCIATIONS)?.workspaceValue : config.inspect<Record<string, string>>(ASSOCIATIONS)?.globalValue) ?? {}) };
  let changed = false;
  for (const p of PATTERNS) {
    if (want && current[p] === undefined) {
      current[p] = FORM_VIEW_TYPE;
      changed = true;
    } else if (!want && current[p] === FORM_VIEW_TYPE) {
      delete current[p];
      changed = true;
    }
  }
  if (!changed) return;
  try {
    await config.update(ASSOCIATIONS, Object.keys(current).length ? current : undefined, target);
  } catch (e) {
    log.warn(`Could not update ${ASSOCIATIONS}: ${String(e)}`);
  }
}
