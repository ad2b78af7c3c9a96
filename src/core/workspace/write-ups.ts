// One meeting written up in two worksheets (duplicate-meeting): two of a
// partner's worksheets on one day, unless their start times differ. The later
// write-up is the one duplicate-meeting flags and the team review leaves out
// of its figures, so a meeting counts once. Later is by name without the
// kind's ending, so `2026-10-15-2.worksheet.yaml` (as New Meeting Worksheet
// names a second file of a day) comes after `2026-10-15.worksheet.yaml`.
import { byCodeUnit } from '../order';

/** Whether worksheet `a` comes before `b`: by path without the kind's ending (`x` before `x-2`), then by path. */
export function writtenBefore(a: string, b: string): boolean {
  return (byCodeUnit(stem(a), stem(b)) || byCodeUnit(a, b)) < 0;
}

function stem(uri: string): string {
  return uri.replace(/\.worksheet\.ya?ml$/i, '');
}

/** Whether two meetings of one day may be one: the same start time, or either one not written. */
export function sameTime(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

/** Of one partner's meetings on one day, those written up after another of the same time. */
export function laterWriteUps(day: readonly { uri: string; start: string | undefined }[]): string[] {
  return day.filter((m) => day.some((e) => e !== m && writtenBefore(e.uri, m.uri) && sameTime(e.start, m.start))).map((m) => m.uri);
}
