// One meeting, one worksheet. Two colleagues who were both at a meeting each
// write it up, or the last worksheet is copied for the next and its date kept:
// the meeting would count twice in the team review (the round's meetings, the
// share that confirmed what success means, the median length, the weight of
// its notes), which leaves the later write-up out and lists it. One mistake,
// one finding: said on the later worksheet, naming the earlier one
// (workspace/write-ups.ts says which is later). Two meetings of one day with
// different start times are two meetings.
import type { Rule } from '../rule';
import { locations } from '../rule';
import type { WorksheetFacts } from '../../facts';
import { fileLabel } from '../../paths';

/** How many earlier worksheets the message names. */
const NAMED = 2;

export const duplicateMeeting: Rule<WorksheetFacts> = {
  code: 'duplicate-meeting',
  kind: 'worksheet',
  defaultSeverity: 'warning',
  crossFile: true,
  summary: 'One meeting has one worksheet: no two worksheets of a partner record a meeting on the same day, unless their start times differ.',
  mayFlag: (ws) => ws.laterWriteUps(),
  check(ctx) {
    const ws = ctx.workspace;
    const { partnerId, date, start } = ctx.facts;
    if (!ws || !partnerId || !date) return [];
    const earlier = ws.writeUpsOn(partnerId, date)?.earlier(ctx.uri, start, NAMED);
    if (!earlier?.count) return [];
    const { count, first } = earlier;
    const id = ws.canonicalPartner(partnerId);
    const named = first.map((m) => `\`${readableLabel(m.uri)}\``).join(', ');
    const more = count > first.length ? ` and ${count - first.length} more` : '';
    return [{
      message: `${count === 1 ? 'Another worksheet' : `${count} other worksheets`}, ${named}${more}, already ${count === 1 ? 'records' : 'record'} a meeting with \`${id}\` on ${date}. One meeting, one worksheet: bring what this one says into ${count === 1 ? 'it' : 'the first'} and delete this one; the team review leaves this one out of its figures. If you met twice that day, give each worksheet its \`meeting.start\`.`,
      range: ctx.view.anchor(['meeting', 'date'], ['meeting']),
      // The ones it names: a template copied 5,000 times would otherwise link each copy to every earlier one.
      related: locations(ctx, first, () => `the same meeting with \`${id}\` on ${date}`),
    }];
  },
};

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
