import type * as vscode from 'vscode';

/** The four file kinds, whatever language mode the user has them in. */
export const WORKSHEET_FILES: vscode.DocumentSelector = [
  { pattern: '**/*.{worksheet,convening,review}.{yaml,yml}' },
  { pattern: '**/partner-worksheets.{yaml,yml}' },
];
