// Which documents the editing features serve: chosen by file name, since
// users keep worksheets in whatever language mode they like.
import type * as vscode from 'vscode';
import { FILE_GLOB } from '../../core/kinds';

/** The four file kinds, whatever language mode the user has them in. */
export const WORKSHEET_FILES: vscode.DocumentSelector = [{ pattern: FILE_GLOB }];
