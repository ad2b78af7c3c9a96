// The setting the Partners view and the Partner History share: after how
// many days without a held meeting a partner is marked as not met for long.
import * as vscode from 'vscode';
import { DEFAULT_UNMET_AFTER_DAYS } from '../../core/history/model';

/** `partnerWorksheets.partners.unmetAfterDays`, or its default when unset or not a number of days. */
export function unmetAfterDays(): number {
  const v = vscode.workspace.getConfiguration('partnerWorksheets.partners').get<number>('unmetAfterDays', DEFAULT_UNMET_AFTER_DAYS);
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : DEFAULT_UNMET_AFTER_DAYS;
}
