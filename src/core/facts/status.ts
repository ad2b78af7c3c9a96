// A worksheet's status, in the order a meeting goes through them. "Held" is
// the step most of the method turns on (notes, confirmation, next step): it is
// defined here once, for rules, tree and summary alike.
export const WORKSHEET_STATUSES = ['planned', 'prepared', 'held', 'filled', 'shared'] as const;
export type WorksheetStatus = (typeof WORKSHEET_STATUSES)[number];

/** 0 for planned .. 4 for shared; -1 when the status is missing or unknown. */
export function statusRank(status: unknown): number {
  return WORKSHEET_STATUSES.indexOf(status as WorksheetStatus);
}

export const PREPARED = statusRank('prepared');
export const HELD = statusRank('held');
export const FILLED = statusRank('filled');
export const SHARED = statusRank('shared');

/** The meeting has happened: held, filled or shared. */
export function isHeld(status: unknown): boolean {
  return statusRank(status) >= HELD;
}
