// `partner-worksheets partner` and `share` on the two-meeting fixture partner:
// the formats, paths relative to the output, the overwrite guard and the
// usage errors. Exact content is tested in history.test.ts.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { USAGE, main } from '../../src/cli/main';

const FIXTURE = 'test/fixtures/history';
const AUTUMN = `${FIXTURE}/harbour-seniors/2026-09-30.worksheet.yaml`;
const TODAY = '2026-12-01';

async function cli(args: string[], cwd = process.cwd()) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => { out += t; }, err: (t) => { err += t; }, cwd });
  return { code, out, err };
}

describe('partner-worksheets partner', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'pw-partner-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints both meetings and both success statements as Markdown, paths relative to the current folder', async () => {
    const r = await cli(['partner', 'harbour-seniors', FIXTURE, '--today', TODAY]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^# Partner history: Harbour Seniors Club\n/);
    assert.match(r.out, /- 2026-03-12, shared, spring-2026 .*\(`test\/fixtures\/history\/harbour-seniors\/2026-03-12\.worksheet\.yaml:11`\)\n- 2026-09-30, shared, autumn-2026/);
    assert.match(r.out, /"Members get out of the flats every week\."[^]*"Members see each other every week, even without the minibus\."/);
  });

  it('gives JSON with relative paths, and HTML that links the worksheets beside the output', async () => {
    const json = await cli(['partner', 'harbour-seniors', FIXTURE, '--today', TODAY, '--format', 'json']);
    const h = JSON.parse(json.out);
    assert.deepEqual(h.meetings.map((m: { uri: string }) => m.uri), [`${FIXTURE}/harbour-seniors/2026-03-12.worksheet.yaml`, `${FIXTURE}/harbour-seniors/2026-09-30.worksheet.yaml`]);
    const out = join(dir, 'h.html');
    const r = await cli(['partner', 'harbour-seniors', FIXTURE, '--today', TODAY, '--format', 'html', '--out', out]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /Wrote the history of harbour-seniors to /);
    const html = readFileSync(out, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<a class="ref" href="[^"]*test\/fixtures\/history\/harbour-seniors\/2026-09-30\.worksheet\.yaml"/);
  });

  it('never writes over a file unless --force is given', async () => {
    const out = join(dir, 'h.md');
    writeFileSync(out, 'keep');
    const r = await cli(['partner', 'harbour-seniors', FIXTURE, '--out', out]);
    assert.equal(r.code, 2);
    assert.match(r.err, /exists; nothing was written/);
    assert.equal(readFileSync(out, 'utf8'), 'keep');
    assert.equal((await cli(['partner', 'harbour-seniors', FIXTURE, '--out', out, '--force'])).code, 0);
    assert.match(readFileSync(out, 'utf8'), /^# Partner history/);
  });

  it('never writes over a file it read, even with --force, nor onto a folder', async () => {
    const copy = join(dir, 'team');
    cpSync(FIXTURE, copy, { recursive: true });
    const sheet = join(copy, 'harbour-seniors', '2026-09-30.worksheet.yaml');
    const before = readFileSync(sheet, 'utf8');
    const link = join(dir, 'notes.md');
    symlinkSync(sheet, link);
    const r = await cli(['partner', 'harbour-seniors', copy, '--out', link, '--force']);
    assert.equal(r.code, 2);
    assert.match(r.err, /is one of the files this command read; nothing was written/);
    assert.equal(readFileSync(sheet, 'utf8'), before);
    assert.equal((await cli(['share', sheet, '--out', dir])).code, 2);
    assert.match((await cli(['share', sheet, '--out', sheet, '--force'])).err, /has the name of a file the tools read/);
    assert.equal(readFileSync(sheet, 'utf8'), before);
  });

  it('takes the id as people write it, as the worksheets\' own ids are read (a name, underscores), or the organisation\'s name', async () => {
    for (const written of ['Harbour Seniors', 'harbour_seniors', 'HARBOUR-SENIORS', 'Harbour Seniors Club', 'harbour seniors club']) {
      const r = await cli(['partner', written, FIXTURE]);
      assert.equal(r.code, 0, `${written}: ${r.err}`);
      assert.match(r.out, /^# Partner history: Harbour Seniors Club/m, written);
    }
  });

  it('run in the partner\'s own folder, reads the team\'s workspace around it: the same history', async () => {
    const at = (out: string) => out.replace(/`[^`]*\.yaml:\d+`/g, '');
    const whole = await cli(['partner', 'harbour-seniors', FIXTURE, '--today', TODAY]);
    const inside = await cli(['partner', 'harbour-seniors', '--today', TODAY], join(process.cwd(), FIXTURE, 'harbour-seniors'));
    assert.equal(inside.code, 0, inside.err);
    assert.match(whole.out, /## Convenings/);
    assert.equal(at(inside.out), at(whole.out));
  });

  it('says which partners there are when the id is unknown, and needs an id', async () => {
    const r = await cli(['partner', 'harbour-senior', FIXTURE]);
    assert.equal(r.code, 2);
    assert.equal(r.err, "partner-worksheets: no worksheet names the partner 'harbour-senior'; partners here: harbour-seniors, quay-library\n");
    assert.match((await cli(['partner'])).err, /partner needs a partner id/);
    assert.match((await cli(['partner', 'harbour-seniors', FIXTURE, '--format', 'sarif'])).err, /--format must be markdown, html or json, not 'sarif'/);
    assert.match(USAGE, /partner <id> \[paths\.\.\.\]/);
  });
});

describe('partner-worksheets share', () => {
  it('prints what we heard with their words and the next step, and no gap or internal text', async () => {
    const r = await cli(['share', AUTUMN]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /"Members see each other every week, even without the minibus\."/);
    assert.match(r.out, /## Our next step together\n\nIntroduce Rose to the library's ground-floor room booking \(sam will take it forward\)\./);
    assert.ok(!r.out.includes('due date') && !r.out.includes('board is split'));
  });

  it('does not write a letter from a meeting not held, from notes cut short, nor from a file it cannot read, and says why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-share-'));
    try {
      const sheet = join(dir, 'a.worksheet.yaml');
      writeFileSync(sheet, readFileSync(AUTUMN, 'utf8').replace('status: shared', 'status: planned'));
      // Held, but dated after the day the command is told it is: not shared yet either.
      const ahead = await cli(['share', AUTUMN, '--today', '2026-09-29']);
      assert.deepEqual([ahead.code, ahead.out], [1, '']);
      assert.match(ahead.err, /was not shared: The meeting is dated 2026-09-30, which is still to come/);
      const planned = await cli(['share', sheet]);
      assert.deepEqual([planned.code, planned.out], [1, '']);
      assert.match(planned.err, /a\.worksheet\.yaml was not shared: The meeting is still `planned`/);
      writeFileSync(sheet, readFileSync(AUTUMN, 'utf8').replace('  values: [Members choose the outings]', '  values:\n\t- Members choose the outings'));
      const tabbed = await cli(['share', sheet]);
      assert.equal(tabbed.code, 1, tabbed.err);
      assert.match(tabbed.err, /was not shared: The worksheet has a syntax error on line \d+/);
      // Lines that end in a carriage return alone are lines, as in VS Code: the same letter.
      writeFileSync(sheet, readFileSync(AUTUMN, 'utf8').replace(/\n/g, '\r'));
      const oldMac = await cli(['share', sheet]);
      assert.equal(oldMac.code, 0, oldMac.err);
      assert.equal(oldMac.out, (await cli(['share', AUTUMN])).out);
      writeFileSync(sheet, Buffer.from('kind: worksheet\npartner: {organization: Caf\xe9 Club}\n', 'latin1'));
      const latin1 = await cli(['share', sheet]);
      assert.equal(latin1.code, 2);
      assert.match(latin1.err, /a\.worksheet\.yaml cannot be read \(line 2: This file is not valid UTF-8 here/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes a printable HTML page, and refuses what is not a worksheet', async () => {
    const html = await cli(['share', AUTUMN, '--format', 'html']);
    assert.match(html.out, /<h1>What we heard: Harbour Seniors Club<\/h1>/);
    assert.match(html.out, /@media print/);
    const bad = await cli(['share', `${FIXTURE}/partner-worksheets.yaml`]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /is not a meeting worksheet/);
    assert.match((await cli(['share', AUTUMN, '--format', 'json'])).err, /--format must be markdown or html, not 'json'/);
    assert.match((await cli(['share'])).err, /share needs a worksheet file/);
  });
});
