// The partner history and "What we heard" on a fixture partner met twice (a
// seniors' club, spring and autumn): exact Markdown for both, the marks and
// links of the model, and hostile text inert in the HTML of both.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { WorkspaceIndex } from '../../src/core/workspace';
import { nodeFileSystem } from '../../src/cli/node-fs';
import { partnerHistory } from '../../src/core/history/build';
import { renderHistoryMarkdown } from '../../src/core/history/render-markdown';
import { renderHistoryBody, renderHistoryHtml } from '../../src/core/history/render-html';
import { shareBack } from '../../src/core/history/share';
import { renderShareHtml, renderShareMarkdown } from '../../src/core/history/render-share';
import type { PartnerHistory } from '../../src/core/history/model';

const ROOT = resolve('test/fixtures/history').split('\\').join('/');
const TODAY = '2026-12-01';
const AUTUMN = `${ROOT}/harbour-seniors/2026-09-30.worksheet.yaml`;
const rel = (r: { uri: string; line: number }) => `${r.uri.slice(ROOT.length + 1)}:${r.line}`;

async function fixture(): Promise<WorkspaceIndex> {
  const index = new WorkspaceIndex(() => TODAY);
  await index.loadFolder(nodeFileSystem, ROOT);
  return index;
}

const HISTORY_MD = [
  '# Partner history: Harbour Seniors Club',
  '',
  '`harbour-seniors`, Older residents of the harbour flats. People: Rose Okafor, Tom Reyes.',
  '',
  'Last met 2026-09-30 (62 days ago). 2 meetings. As of 2026-12-01.',
  '',
  '## Meetings',
  '',
  '- 2026-03-12, shared, spring-2026 (us: ana; them: Rose Okafor) (`harbour-seniors/2026-03-12.worksheet.yaml:11`)',
  '- 2026-09-30, shared, autumn-2026 (us: ana, sam; them: Rose Okafor, Tom Reyes) (`harbour-seniors/2026-09-30.worksheet.yaml:10`)',
  '',
  '## Success in their words',
  '',
  '- 2026-03-12: "Members get out of the flats every week." (`harbour-seniors/2026-03-12.worksheet.yaml:19`)',
  '  - Confirmed: "Success is members getting out every week."',
  '- 2026-09-30: "Members see each other every week, even without the minibus." (`harbour-seniors/2026-09-30.worksheet.yaml:18`)',
  '  - Corrected: we heard "Success is members meeting every week."; they said "Even without the minibus."',
  '',
  '## What they told us over time',
  '',
  '### Challenges',
  '',
  '- **Getting around** (theme): _repeated_',
  '  - 2026-03-12: The minibus grant runs out in June (`harbour-seniors/2026-03-12.worksheet.yaml:21`)',
  '  - 2026-09-30: We lost the minibus (`harbour-seniors/2026-09-30.worksheet.yaml:20`)',
  '- **Space and rooms** (theme): _no longer mentioned_',
  '  - 2026-03-12: Stairs at the hall are hard for members (`harbour-seniors/2026-03-12.worksheet.yaml:22`)',
  '- **The board is split on raising fees**: _new_',
  '  - 2026-09-30: The board is split on raising fees _(internal)_ (`harbour-seniors/2026-09-30.worksheet.yaml:21`)',
  '',
  '### Values',
  '',
  '- **Members choose the outings**: _repeated_',
  '  - 2026-03-12: Members choose the outings (`harbour-seniors/2026-03-12.worksheet.yaml:23`)',
  '  - 2026-09-30: Members choose the outings (`harbour-seniors/2026-09-30.worksheet.yaml:22`)',
  '',
  '### Goals',
  '',
  '- **Getting around** (theme): _no longer mentioned_',
  '  - 2026-03-12: A weekly outing all year (`harbour-seniors/2026-03-12.worksheet.yaml:24`)',
  '- **Space and rooms** (theme): _new_',
  '  - 2026-09-30: Move the club to a ground-floor room (`harbour-seniors/2026-09-30.worksheet.yaml:23`)',
  '',
  '### Commitments',
  '',
  '- **Volunteers drive on Tuesdays**: _no longer mentioned_',
  '  - 2026-03-12: Volunteers drive on Tuesdays (`harbour-seniors/2026-03-12.worksheet.yaml:25`)',
  '- **Volunteers drive on Tuesdays and Fridays**: _new_',
  '  - 2026-09-30: Volunteers drive on Tuesdays and Fridays "We will drive twice a week" (`harbour-seniors/2026-09-30.worksheet.yaml:24`)',
  '',
  '## Next steps and follow-ups',
  '',
  '- 2026-03-12: Next step: Send the list of community transport funds (ana, due 2026-03-26) [done] (`harbour-seniors/2026-03-12.worksheet.yaml:27`)',
  '- 2026-09-30: Next step: Introduce Rose to the library\'s ground-floor room booking (sam) [open] (`harbour-seniors/2026-09-30.worksheet.yaml:32`)',
  '- 2026-09-30: Follow up (ana, on 2026-11-15) [open] **overdue** (`harbour-seniors/2026-09-30.worksheet.yaml:36`)',
  '',
  '## Team review commitments',
  '',
  '- autumn-2026: Book a trial morning for the seniors in the library room (sam, by 2026-11-10) [open] **overdue** (`reviews/autumn-2026.review.yaml:9`)',
  '',
  '## Convenings',
  '',
  '- Harbour Getting Around (exploring): role member, advisory (`convenings/harbour-transport.convening.yaml:10`)',
  '',
  '## Open gaps',
  '',
  '- warning `harbour-seniors/2026-09-30.worksheet.yaml:31` next-step-due: This next step has no due date: agree when it will happen, so the partner knows when to expect it.',
  '',
].join('\n');

const SHARE_MD = [
  '# What we heard: Harbour Seniors Club',
  '',
  'Dear Rose Okafor, Tom Reyes,',
  '',
  'Thank you for meeting with us on 2026-09-30, and for your time and openness. This is what we heard; please tell us if we got anything wrong.',
  '',
  '## What success means to you',
  '',
  '"Members see each other every week, even without the minibus."',
  '',
  'You also told us: "Even without the minibus."',
  '',
  '## What stands in your way',
  '',
  '- We lost the minibus',
  '',
  '## What matters to you',
  '',
  '- Members choose the outings',
  '',
  '## What you want to achieve',
  '',
  '- Move the club to a ground-floor room',
  '',
  '## What you are already putting in',
  '',
  '- Volunteers drive on Tuesdays and Fridays ("We will drive twice a week")',
  '',
  '## Our next step together',
  '',
  'Introduce Rose to the library\'s ground-floor room booking (sam will take it forward).',
  '',
].join('\n');

describe('partner history', () => {
  let index: WorkspaceIndex;
  let history: PartnerHistory;
  before(async () => {
    index = await fixture();
    history = partnerHistory(index, 'harbour-seniors', { today: TODAY })!;
  });

  it('renders both meetings, both success statements, the marks, steps, commitments, convenings and gaps as Markdown', () => {
    assert.equal(renderHistoryMarkdown(history, rel), HISTORY_MD);
  });

  it('is undefined for a partner no worksheet names', () => {
    assert.equal(partnerHistory(index, 'nobody', { today: TODAY }), undefined);
  });

  it('marks a partner not met for longer than the setting, and not before', () => {
    assert.equal(partnerHistory(index, 'harbour-seniors', { today: '2027-03-29' })!.longUnmet, false, '180 days after the last meeting');
    const late = partnerHistory(index, 'harbour-seniors', { today: '2027-03-30' })!;
    assert.equal(late.longUnmet, true, '181 days after');
    assert.equal(late.daysSinceMet, 181);
    assert.equal(partnerHistory(index, 'harbour-seniors', { today: TODAY, unmetAfterDays: 30 })!.longUnmet, true);
    assert.match(renderHistoryMarkdown(late, rel), /\*\*Last met 2026-09-30 \(181 days ago\): not met for over 180 days\*\*/);
  });

  it('links every meeting, statement and note to its own line', () => {
    const lines = readFileSync(AUTUMN, 'utf8').split('\n');
    const at = (r: { line: number }) => lines[r.line - 1];
    const autumn = history.meetings[1];
    assert.match(at(autumn), /date: 2026-09-30/);
    assert.match(at(history.success[1]), /success_in_their_words: Members see each other/);
    assert.match(at(history.success[1].confirmation!), /^confirmation:/);
    const transport = history.notes.find((g) => g.category === 'challenges')!.tracks[0];
    assert.match(at(transport.mentions[1]), /We lost the minibus/);
    assert.match(at(history.steps.find((s) => s.kind === 'follow-up')!), /^follow_up:/);
  });

  it('groups untagged notes by the vocabulary before falling back to their text', () => {
    index.set(`${ROOT}/harbour-seniors/2027-01-10.worksheet.yaml`, readFileSync(AUTUMN, 'utf8')
      .replace('2026-09-30', '2027-01-10')
      .replace('- {text: We lost the minibus, themes: [transport]}', '- Nobody drives the van any more'));
    try {
      const h = partnerHistory(index, 'harbour-seniors', { today: '2027-02-01' })!;
      const challenges = h.notes.find((g) => g.category === 'challenges')!.tracks;
      const transport = challenges.find((t) => t.key === 'theme:transport')!;
      assert.equal(transport.mark, 'repeated');
      assert.deepEqual(transport.mentions.map((m) => m.text), ['The minibus grant runs out in June', 'We lost the minibus', 'Nobody drives the van any more']);
      assert.deepEqual(h.meetings.map((m) => m.date), ['2026-03-12', '2026-09-30', '2027-01-10']);
    } finally {
      index.delete(`${ROOT}/harbour-seniors/2027-01-10.worksheet.yaml`);
    }
  });

  it('reads dates, owners and statuses as the checks do: a slip is no reason to call a partner long unmet', () => {
    // Written as people write them; check reads each as meant and gives a format-slip.
    const slipped = `${ROOT}/harbour-seniors/2026-11-05.worksheet.yaml`;
    index.set(slipped, readFileSync(AUTUMN, 'utf8')
      .replace('status: shared', 'status: Held')
      .replace('date: 2026-09-30', 'date: 5 Nov 2026')
      .replace('owner: sam\n  status: open', 'owner: Sam\n  due: 2026/11/19\n  status: open'));
    try {
      const h = partnerHistory(index, 'harbour-seniors', { today: TODAY })!;
      assert.deepEqual(h.meetings.map((m) => [m.date, m.status, m.held]), [['2026-03-12', 'shared', true], ['2026-09-30', 'shared', true], ['2026-11-05', 'held', true]]);
      assert.equal(h.lastMet, '2026-11-05');
      assert.equal(h.longUnmet, false);
      const step = h.steps.find((s) => s.uri === slipped && s.kind === 'next-step')!;
      assert.deepEqual([step.owner, step.due, step.overdue, step.meetingDate], ['sam', '2026-11-19', true, '2026-11-05']);
      const share = shareBack(slipped, index.get(slipped)!.text)!;
      assert.deepEqual([share.date, share.nextStep?.owner, share.nextStep?.due], ['2026-11-05', 'sam', '2026-11-19']);
    } finally {
      index.delete(slipped);
    }
  });

  it('marks each category at the latest meeting that noted it: a short call about one challenge leaves the values as they were', () => {
    const call = `${ROOT}/harbour-seniors/2026-11-20.worksheet.yaml`;
    index.set(call, 'kind: worksheet\nstatus: held\nround: autumn-2026\npartner: {id: harbour-seniors, organization: Harbour Seniors Club}\nmeeting: {date: 2026-11-20, duration_minutes: 30}\nnotes:\n  challenges: [The hall rent went up]\n');
    try {
      const h = partnerHistory(index, 'harbour-seniors', { today: TODAY })!;
      const marks = (category: string) => h.notes.find((g) => g.category === category)!.tracks.map((t) => `${t.label}: ${t.mark}`);
      // Said in March and September, and not asked about in the call.
      assert.deepEqual(marks('values'), ['Members choose the outings: repeated']);
      // The call's challenge (rent: the vocabulary's space theme) is measured at the call.
      assert.deepEqual(marks('challenges'), ['Getting around: no-longer-mentioned', 'Space and rooms: repeated', 'The board is split on raising fees: no-longer-mentioned']);
    } finally {
      index.delete(call);
    }
  });

  it('lists a meeting\'s open gaps in the order of its lines, the fields they name as code, as the team review does', () => {
    const uri = `${ROOT}/harbour-seniors/2026-11-02.worksheet.yaml`;
    // A schema error on line 3 (a rule that runs first elsewhere in the file) and gaps on later lines.
    index.set(uri, readFileSync(AUTUMN, 'utf8').replace('date: 2026-09-30', 'date: 2026-11-02').replace('round: autumn-2026', 'round: autumn-2026\nmood: good').replace(/confirmation:\n( {2}.*\n)+/, ''));
    try {
      const h = partnerHistory(index, 'harbour-seniors', { today: TODAY })!;
      const lines = h.gaps.filter((g) => g.uri === uri).map((g) => g.line);
      assert.deepEqual(lines, [...lines].sort((a, b) => a - b));
      assert.ok(lines.length >= 2);
      const md = renderHistoryMarkdown(h, rel);
      assert.match(md, /- error `harbour-seniors\/2026-11-02\.worksheet\.yaml:5` schema: `mood` is not a known field/);
      assert.ok(!md.includes('\\`'), 'no escaped backticks');
    } finally {
      index.delete(uri);
    }
  });

  it('shows hostile text as text in the HTML, and links with data attributes', () => {
    const evil = '<img src=x onerror=alert(1)>';
    index.set(`${ROOT}/evil/2026-10-01.worksheet.yaml`, `kind: worksheet\nstatus: held\npartner: {id: evil, organization: "${evil}"}\nmeeting: {date: 2026-10-01}\nnotes:\n  success_in_their_words: "<script>x()</script>"\n  challenges: ["a](javascript:alert(1)"]\n`);
    try {
      const h = partnerHistory(index, 'evil', { today: TODAY })!;
      const html = renderHistoryHtml(h);
      assert.ok(!html.includes('<img'), 'no image element');
      assert.ok(!html.includes('<script>'), 'no script element');
      assert.ok(html.includes('&#60;img src=x onerror=alert(1)&#62;'));
      const md = renderHistoryMarkdown(h, rel);
      assert.ok(md.includes('a\\](javascript:alert(1)'), 'no Markdown link');
      assert.ok(!md.includes('<script>'), 'no raw HTML');
    } finally {
      index.delete(`${ROOT}/evil/2026-10-01.worksheet.yaml`);
    }
    const body = renderHistoryBody(history);
    assert.deepEqual([...body.matchAll(/<section id="([^"]+)"/g)].map((m) => m[1]), ['meetings', 'success', 'notes', 'steps', 'commitments', 'convenings', 'gaps']);
    assert.match(body, new RegExp(`<a class="ref" href="#" data-uri="${AUTUMN}" data-line="18"`));
  });
});

describe('share back: what we heard', () => {
  const text = readFileSync(AUTUMN, 'utf8');

  it('carries their words, their correction and the next step, as Markdown', () => {
    assert.equal(renderShareMarkdown(shareBack(AUTUMN, text)!), SHARE_MD);
  });

  it('leaves out preparation, our questions, themes, what we found compelling, our statement, internal notes and gaps', () => {
    for (const out of [renderShareMarkdown(shareBack(AUTUMN, text)!), renderShareHtml(shareBack(AUTUMN, text)!)]) {
      for (const hidden of ['board is split', 'challenges-in-the-way', 'transport', 'space', 'Members run the club', 'Success is members meeting', 'due date', 'next-step-due', 'ana']) {
        assert.ok(!out.includes(hidden), `${hidden} left out`);
      }
      assert.ok(out.includes('We lost the minibus'));
    }
  });

  it('says when we will follow up when no next step is agreed, and thanks them either way', () => {
    const s = shareBack(AUTUMN, text.replace(/next_step:\n( {2}.*\n)+/, ''))!;
    assert.equal(s.nextStep, undefined);
    assert.match(renderShareMarkdown(s), /## What comes next\n\nWe will be in touch around 2026-11-15 \(ana\) to see where things stand\./);
    assert.match(renderShareMarkdown(s), /Thank you for meeting with us on 2026-09-30/);
  });

  it('is a self-contained, printable page that shows hostile text as text', () => {
    const evil = text.replace('We lost the minibus', '"<img src=x onerror=alert(1)> & <a href=javascript:x>go</a>"');
    const html = renderShareHtml(shareBack(AUTUMN, evil)!);
    assert.ok(!html.includes('<img') && !html.includes('<a '), 'no markup from the worksheet');
    assert.ok(html.includes('&#60;img src=x onerror=alert(1)&#62; &#38; &#60;a href=javascript:x&#62;go&#60;/a&#62;'));
    assert.match(html, /@media print/);
    assert.match(html, /default-src 'none'; style-src 'unsafe-inline'/);
    assert.ok(!/src=|href=|<link/.test(html.replace(/&#60;[^]*?&#62;/g, '')), 'loads nothing');
  });

  it('is not ready to send for a meeting not held yet, or notes cut short by a syntax error', () => {
    assert.equal(shareBack(AUTUMN, text)!.notReady, undefined);
    assert.equal(shareBack(AUTUMN, text.replace('status: shared', 'status: planned'))!.notReady, 'The meeting is still `planned`: share what we heard once it has been held (status `held`).');
    assert.equal(shareBack(AUTUMN, text.replace('status: shared', 'status: Held'))!.notReady, undefined, 'a slip in the status is read as meant');
    // Held, but dated after today: a status set ahead, or a mistyped date.
    assert.equal(shareBack(AUTUMN, text, '2026-09-29')!.notReady, 'The meeting is dated 2026-09-30, which is still to come: share what we heard once it has been held (or correct the date).');
    assert.equal(shareBack(AUTUMN, text, '2026-09-30')!.notReady, undefined, 'held today');
    const tabbed = text.replace('  values: [Members choose the outings]', '  values:\n\t- Members choose the outings');
    const line = tabbed.split('\n').findIndex((l) => l.startsWith('\t')) + 1;
    assert.match(shareBack(AUTUMN, tabbed)!.notReady!, new RegExp(`^The worksheet has a syntax error on line ${line - 1}|^The worksheet has a syntax error on line ${line},`));
  });

  it('is undefined for a file that is not a block of fields', () => {
    assert.equal(shareBack('x.worksheet.yaml', '- a list'), undefined);
  });
});
