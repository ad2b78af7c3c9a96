// Orders that are the same on every machine. String.prototype.localeCompare
// follows the machine's locale (in Danish, `aa` sorts after `z`), so CI and
// an editor could disagree on which of two meetings of a day came first, and
// setting up a collation costs 7 ms of a process's first comparison.

/** By UTF-16 code unit: for ISO dates, ids, URIs and paths. */
export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
