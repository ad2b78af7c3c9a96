// One meeting, one worksheet. Two colleagues who were both at a meeting each
// write it up, or the last worksheet is copied for the next and its date kept:
// the team review then counts the partner's meeting twice (the round's
// meetings, the share that confirmed what success means, the median length),
// and its notes weigh twice among the round's themes. One mistake, one
// finding: said on the later worksheet, naming the earlier one. Later is by
// name without the kind's ending, so `2026-10-15-2.worksheet.yaml` (as New
// Meeting Worksheet names a second file of a day) comes after
// `2026-10-15.worksheet.yaml`. Two meetings of one day with different start
// times are two meetings.
import type { MeetingRef, Rule } from '../rule';
import { locations } from '../rule';
import type { WorksheetFacts } from '../../facts';
import { fileLabel } from '../../paths';
import { byCodeUnit } from '../../order';

/** How many earlier worksheets the message names. */
const NAMED = 2;

export const duplicateMeeting: Rule<WorksheetFacts> = {
  code: 'duplicate-meeting',
  kind: 'worksheet',
  defaultSeverity: 'warning',
  crossFile: true,
  summary: 'One meeting has one worksheet: no two worksheets of a partner record a meeting on the same day, unless their start times differ.',
  // The first of a day's worksheets is never flagged.
  *mayFlag(ws) {
    for (const meetings of ws.meetingsSharingADay()) {
      const first = meetings.reduce((a, b) => (writtenBefore(b.uri, a.uri) ? b : a));
      for (const m of meetings) if (m !== first) yield m.uri;
    }
  },
  check(ctx) {
    const ws = ctx.workspace;
    const { partnerId, date, start } = ctx.facts;
    if (!ws || !partnerId || !date) return [];
    const earlier = ws.meetingsOf(partnerId).filter((m) => m.date === date && writtenBefore(m.uri, ctx.uri) && sameTime(m, start));
    if (earlier.length === 0) return [];
    const id = ws.canonicalPartner(partnerId);
    const named = earlier.slice(0, NAMED).map((m) => `\`${readableLabel(m.uri)}\``).join(', ');
    const more = earlier.length > NAMED ? ` and ${earlier.length - NAMED} more` : '';
    return [{
      message: `${earlier.length === 1 ? 'Another worksheet' : `${earlier.length} other worksheets`}, ${named}${more}, already ${earlier.length === 1 ? 'records' : 'record'} a meeting with \`${id}\` on ${date}. One meeting, one worksheet: bring what this one says into ${earlier.length === 1 ? 'it' : 'the first'} and delete this one, so the team review counts the meeting once. If you met twice that day, give each worksheet its \`meeting.start\`.`,
      range: ctx.view.anchor(['meeting', 'date'], ['meeting']),
      related: locations(ctx, earlier, () => `the same meeting with \`${id}\` on ${date}`),
    }];
  },
};

/** Whether worksheet `a` comes before `b`: by path without the kind's ending (`x` before `x-2`), then by path. */
function writtenBefore(a: string, b: string): boolean {
  return (byCodeUnit(stem(a), stem(b)) || byCodeUnit(a, b)) < 0;
}

function stem(uri: string): string {
  return uri.replace(/\.worksheet\.ya?ml$/i, '');
}

/** Whether a meeting may be the one that starts at `start`: the same time, or either one not written. */
function sameTime(m: MeetingRef, start: string | undefined): boolean {
  return m.start === undefined || start === undefined || m.start === start;
}

/** `folder/name` of a file, as people read it: a URI's percent-escapes decoded. */
function readableLabel(uri: string): string {
  const label = fileLabel(uri);
  if (!/^[a-z][a-z0-9+.-]*:/i.test(uri)) return label;
  try {
    return decodeURIComponent(label);
  } catch {
    return label;
  }
}
