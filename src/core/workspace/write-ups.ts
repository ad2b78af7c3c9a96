// One meeting written up in two worksheets (duplicate-meeting): two of a
// partner's worksheets on one day, unless their start times differ. The later
// write-up is the one duplicate-meeting flags and the team review leaves out
// of its figures, so a meeting counts once. Later is by name without the
// kind's ending, so `2026-10-15-2.worksheet.yaml` (as New Meeting Worksheet
// names a second file of a day) comes after `2026-10-15.worksheet.yaml`.
//
// A day's worksheets are put in that order once, with where each start time
// is: every question is then a binary search. Comparing each worksheet with
// every other of its day took 6 s for 5,000 copies of one template whose date
// was never changed.
import type { MeetingRef } from '../rules/rule';
import { byCodeUnit } from '../order';

function stem(uri: string): string {
  return uri.replace(/\.worksheet\.ya?ml$/i, '');
}

/** Write order: by path without the kind's ending (`x` before `x-2`), then by path. */
function byWriteOrder(a: { stem: string; uri: string }, b: { stem: string; uri: string }): number {
  return byCodeUnit(a.stem, b.stem) || byCodeUnit(a.uri, b.uri);
}

/** How many of the ascending `positions` are below `end`. */
function below(positions: readonly number[], end: number): number {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (positions[mid] < end) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One partner's worksheets of one day, in write order. */
export class DayWriteUps {
  private readonly order: { stem: string; uri: string; meeting: MeetingRef }[];
  /** Places (in `order`) of the worksheets with no start time, and of those with each start time. */
  private readonly noStart: number[] = [];
  private readonly byStart = new Map<string, number[]>();

  constructor(meetings: readonly MeetingRef[]) {
    this.order = meetings.map((meeting) => ({ stem: stem(meeting.uri), uri: meeting.uri, meeting })).sort(byWriteOrder);
    this.order.forEach(({ meeting }, i) => {
      if (meeting.start === undefined) this.noStart.push(i);
      else {
        const at = this.byStart.get(meeting.start);
        if (at) at.push(i);
        else this.byStart.set(meeting.start, [i]);
      }
    });
  }

  /**
   * The worksheets written before `uri` that may record its meeting (the same
   * start time, or either one not written): how many, and the first `named`.
   */
  earlier(uri: string, start: string | undefined, named: number): { count: number; first: MeetingRef[] } {
    const end = this.placeOf(uri);
    if (start === undefined) return { count: end, first: this.order.slice(0, Math.min(named, end)).map((x) => x.meeting) };
    const same = this.byStart.get(start) ?? [];
    const count = below(this.noStart, end) + below(same, end);
    // The first places of both, in write order.
    const places = [...this.noStart.slice(0, named), ...same.slice(0, named)].filter((i) => i < end).sort((a, b) => a - b).slice(0, named);
    return { count, first: places.map((i) => this.order[i].meeting) };
  }

  /** The worksheets of the day written up after another that may record the same meeting. */
  later(): string[] {
    const out: string[] = [];
    let sawNoStart = false;
    const starts = new Set<string>();
    this.order.forEach(({ uri, meeting }, i) => {
      const s = meeting.start;
      if (s === undefined ? i > 0 : sawNoStart || starts.has(s)) out.push(uri);
      if (s === undefined) sawNoStart = true;
      else starts.add(s);
    });
    return out;
  }

  /** How many of the day's worksheets come before `uri` in write order (not counting it). */
  private placeOf(uri: string): number {
    const key = { stem: stem(uri), uri };
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byWriteOrder(this.order[mid], key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
