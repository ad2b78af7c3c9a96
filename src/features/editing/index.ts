// Editing help in worksheet files: quick fixes, completion and hover.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { GapCodeActions } from './code-actions';
import { WorksheetCompletions, WorksheetHovers } from './language';
import { WORKSHEET_FILES } from './selector';

export function register(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider(WORKSHEET_FILES, new GapCodeActions(services.findings), GapCodeActions.metadata),
    vscode.languages.registerCompletionItemProvider(WORKSHEET_FILES, new WorksheetCompletions(services), ':', ' ', '[', ',', '-'),
    vscode.languages.registerHoverProvider(WORKSHEET_FILES, new WorksheetHovers(services)),
  );
}
