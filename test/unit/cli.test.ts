import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { main } from '../../src/cli/main';
import { CONFIG, CONVENING, WORKSHEET, variant } from './helpers';
import { WorkspaceIndex } from '../../src/core/workspace';
import { runCheck } from '../../src/cli/check';

async function cli(args: string[], cwd: string) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => { out += t; }, err: (t) => { err += t; }, cwd });
  return { code, out, err };
}

describe('partner-worksheets CLI', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pw-cli-'));
    mkdirSync(join(dir, 'riverside-youth'));
    mkdirSync(join(dir, 'convenings'));
    mkdirSync(join(dir, 'node_modules', 'x'), { recursive: true });
    writeFileSync(join(dir, 'riverside-youth', '2026-10-14.worksheet.yaml'), WORKSHEET);
    writeFileSync(join(dir, 'convenings', 'westside.convening.yaml'), CONVENING);
    writeFileSync(join(dir, 'node_modules', 'x', 'bad.worksheet.yaml'), 'kind: [');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints path:line:col: severity code message and exits 0 when only warnings', async () => {
    const r = await cli(['check', '--today', '2026-10-21'], dir);
    assert.equal(r.code, 0, r.err);
    // eastside-library has no worksheet: one warning where the convening lists
    // it, and one in each of its session lists; 1-based lines and columns.
    const expected = CONVENING.split('\n').flatMap((text, i) => (text.includes('eastside-library')
      ? [`convenings/westside.convening.yaml:${i + 1}:${text.indexOf('eastside-library') + 1}: warning unknown-partner No worksheet is about a partner \`eastside-library\`. Check the spelling, or hold a one-on-one with them and record it in a worksheet first.`]
      : []));
    assert.equal(expected.length, 3);
    assert.deepEqual(r.out.split('\n'), [...expected, '']);
    assert.ok(!r.out.includes('node_modules'), 'node_modules is skipped');
    assert.equal(r.err, '2 files checked: 0 errors, 3 warnings, 0 info\n');
  });

  it('checks a subfolder with the team\'s workspace around it: its settings, and the partners met elsewhere', async () => {
    writeFileSync(join(dir, 'partner-worksheets.yaml'), 'kind: config\nrules: {missing-confirmation: error}\n');
    writeFileSync(join(dir, 'riverside-youth', '2026-10-14.worksheet.yaml'), variant(WORKSHEET, [['confirmation']]));
    const whole = await cli(['check', '--today', '2026-10-21'], dir);
    assert.match(whole.out, /riverside-youth\/2026-10-14\.worksheet\.yaml:\d+:\d+: error missing-confirmation /);
    // Named as a folder, and run from inside it: the same finding, the team's severity, and nothing else reported.
    for (const [args, cwd, file] of [[['check', 'riverside-youth'], dir, 'riverside-youth/2026-10-14.worksheet.yaml'], [['check'], join(dir, 'riverside-youth'), '2026-10-14.worksheet.yaml']] as const) {
      const r = await cli([...args, '--today', '2026-10-21'], cwd);
      assert.equal(r.code, 1, `${args.join(' ')}: ${r.err}`);
      const ours = whole.out.split('\n').filter((l) => l.startsWith('riverside-youth/')).map((l) => l.replace('riverside-youth/', ''));
      assert.deepEqual(r.out.split('\n').filter(Boolean).map((l) => l.replace('riverside-youth/', '')), ours);
      assert.ok(r.out.split('\n').filter(Boolean).every((l) => l.startsWith(file)), r.out);
    }
    // The convening names riverside-youth, met in another folder: not an unknown partner.
    const convenings = await cli(['check', 'convenings', '--today', '2026-10-21'], dir);
    assert.ok(!/unknown-partner No worksheet is about a partner `riverside-youth`/.test(convenings.out), convenings.out);
    assert.match(convenings.out, /unknown-partner No worksheet is about a partner `eastside-library`/);
  });

  it('never climbs above the repository for settings: one above a checkout changes nothing', async () => {
    const repo = join(dir, 'checkout');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(join(repo, 'riverside-youth'));
    writeFileSync(join(repo, 'riverside-youth', '2026-10-14.worksheet.yaml'), variant(WORKSHEET, [['confirmation']]));
    // Planted above the checkout: it would make every warning an error.
    writeFileSync(join(dir, 'partner-worksheets.yaml'), 'kind: config\nrules: {missing-confirmation: error}\n');
    for (const [args, cwd] of [[['check', 'riverside-youth'], repo], [['check'], join(repo, 'riverside-youth')]] as const) {
      const r = await cli([...args, '--today', '2026-10-21'], cwd);
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.out}${r.err}`);
      assert.match(r.out, / warning missing-confirmation /);
    }
  });

  it('says which YAML files name a kind but not in their file name, and stops on a folder with nothing to check', async () => {
    mkdirSync(join(dir, 'northgate'));
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'northgate', '2026-11-10.yaml'), '# from the meeting\nkind: worksheet\nstatus: held\n');
    writeFileSync(join(dir, 'settings.yml'), '\uFEFFkind: "config"\n'); // saved with a byte-order mark
    writeFileSync(join(dir, 'docs', 'mkdocs.yml'), 'site_name: Our team\nkind: other\n');
    const r = await cli(['check', '--today', '2026-10-21'], dir);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(r.err.split('\n').filter((l) => l.startsWith('partner-worksheets:')), [
      'partner-worksheets: northgate/2026-11-10.yaml says `kind: worksheet` but is not named *.worksheet.yaml, so it was not checked (nor counted in the review): rename it 2026-11-10.worksheet.yaml',
      'partner-worksheets: settings.yml says `kind: config` but is not named partner-worksheets.yaml, so it was not read as the settings: rename it partner-worksheets.yaml',
    ]);
    // A folder with nothing to check is no pass: a CI job pointed at the wrong folder would pass forever.
    for (const folder of ['docs', 'northgate']) {
      const empty = await cli(['check', folder, '--today', '2026-10-21'], dir);
      assert.equal(empty.code, 2, folder);
      assert.match(empty.err, new RegExp(`nothing to check in ${folder}: no \\*\\.worksheet\\.yaml`));
      assert.equal(empty.out, '');
    }
  });

  it('exits 1 on errors, with the schema message on the right line', async () => {
    writeFileSync(join(dir, 'riverside-youth', '2026-10-14.worksheet.yaml'), WORKSHEET.replace('duration_minutes', 'duraton_minutes'));
    const r = await cli(['check', 'riverside-youth', '--today', '2026-10-21'], dir);
    assert.equal(r.code, 1);
    const line = WORKSHEET.split('\n').findIndex((l) => l.includes('duration_minutes')) + 1;
    assert.ok(r.out.includes(`riverside-youth/2026-10-14.worksheet.yaml:${line}:3: error schema \`duraton_minutes\` is not a known field in \`meeting\`: did you mean \`duration_minutes\`?`), r.out);
  });

  it('--format json gives findings with 1-based positions and relative paths', async () => {
    const r = await cli(['check', '--format', 'json', '--today', '2026-10-21'], dir);
    const items = JSON.parse(r.out) as { file: string; line: number; column: number; code: string; severity: string }[];
    assert.ok(items.length > 0);
    assert.deepEqual(Object.keys(items[0]).sort(), ['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity']);
    assert.equal(items[0].file, 'convenings/westside.convening.yaml');
    assert.ok(items[0].line >= 1 && items[0].column >= 1);
  });

  it('--format sarif is SARIF 2.1.0 with a rule per code', async () => {
    const r = await cli(['check', '--format', 'sarif', '--today', '2026-10-21'], dir);
    const sarif = JSON.parse(r.out);
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.ok(run.tool.driver.rules.some((x: { id: string }) => x.id === 'missing-confirmation'));
    assert.equal(run.results[0].ruleId, 'unknown-partner');
    assert.equal(run.results[0].locations[0].physicalLocation.artifactLocation.uri, 'convenings/westside.convening.yaml');
  });

  it('--max-warnings fails a run with too many warnings; --quiet shows errors only', async () => {
    const strict = await cli(['check', '--max-warnings', '0', '--today', '2026-10-21'], dir);
    assert.equal(strict.code, 1);
    assert.match(strict.err, /more than --max-warnings 0/);
    const quiet = await cli(['check', '--quiet', '--today', '2026-10-21'], dir);
    assert.equal(quiet.out, '');
    assert.equal(quiet.code, 0);
  });

  it('says in one line when there is nothing to report', async () => {
    rmSync(join(dir, 'convenings'), { recursive: true });
    const clean = await cli(['check', '--today', '2026-10-21'], dir);
    assert.deepEqual(clean, { code: 0, out: '', err: '1 file checked: no findings\n' });
    writeFileSync(join(dir, 'riverside-youth', '2026-10-14.worksheet.yaml'), WORKSHEET.replace('thanked: true', 'thanked: false'));
    const quiet = await cli(['check', '--quiet', '--today', '2026-10-21'], dir);
    assert.deepEqual(quiet, { code: 0, out: '', err: '1 file checked: no errors\n' }, '--quiet hides the info finding, and says only that there are no errors');
  });

  it('a single file is checked with its neighbours and settings', async () => {
    writeFileSync(join(dir, 'partner-worksheets.yaml'), CONFIG);
    writeFileSync(join(dir, 'riverside-youth', '2026-10-14.worksheet.yaml'), variant(WORKSHEET, [['meeting', 'duration_minutes'], 90]));
    const r = await cli(['check', 'convenings/westside.convening.yaml', 'riverside-youth/2026-10-14.worksheet.yaml', '--today', '2026-10-21'], dir);
    assert.match(r.out, /2026-10-14\.worksheet\.yaml:\d+:\d+: warning meeting-length/, 'the settings raise meeting-length to warning');
    assert.ok(!/riverside-youth.*unknown-partner/.test(r.out));
  });

  it('--format sarif still prints a valid log when the run stops (exit 2), with the reasons as notifications', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'pw-outside-'));
    try {
      writeFileSync(join(outside, 'secret.txt'), 'not for the CI log');
      symlinkSync(join(outside, 'secret.txt'), join(dir, 'riverside-youth', 'linked.worksheet.yaml'));
      for (const args of [['check', '--format', 'sarif'], ['check', '--format', 'sarif', 'no-such-folder'], ['check', '--format', 'sarif', 'node_modules/x/none']]) {
        const r = await cli([...args, '--today', '2026-10-21'], dir);
        assert.equal(r.code, 2, args.join(' '));
        const log = JSON.parse(r.out) as { version: string; runs: { results: unknown[]; invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string } }[] }[] }[] };
        assert.equal(log.version, '2.1.0');
        assert.deepEqual(log.runs[0].results, []);
        const [invocation] = log.runs[0].invocations;
        assert.equal(invocation.executionSuccessful, false);
        const reasons = invocation.toolExecutionNotifications.map((n) => n.message.text);
        assert.ok(reasons.length > 0 && reasons.every((t) => r.err.includes(t)), `${reasons.join(' | ')} / ${r.err}`);
        assert.ok(!r.out.includes('not for the CI log'));
      }
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('usage and I/O errors exit 2 with a clear message', async () => {
    assert.equal((await cli([], dir)).code, 2);
    const bad = await cli(['check', '--format', 'xml'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--format must be text, json, sarif or github/);
    const missing = await cli(['check', 'nowhere'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /no such file or folder: nowhere/);
    assert.equal((await cli(['check', '--today', '21/10/2026'], dir)).code, 2);
    // Node's parser explains over three lines: said on one, readable, no \u000A in it.
    const dashed = await cli(['check', '--max-warnings', '-1'], dir);
    assert.equal(dashed.code, 2);
    assert.match(dashed.err, /^partner-worksheets: Option '--max-warnings' argument is ambiguous\. Did you forget to specify the option argument for '--max-warnings'\? To specify/);
    assert.ok(!dashed.err.includes('\\u000A'));
    const help = await cli(['--help'], dir);
    assert.equal(help.code, 0);
    assert.match(help.out, /Exit codes:/);
  });
});

describe('the example workspace', () => {
  it('shows every contract rule somewhere, with no errors', async () => {
    const r = await cli(['check', 'examples/community-team', '--today', '2026-11-24', '--format', 'json'], process.cwd());
    assert.equal(r.code, 0, r.err);
    const found = new Set((JSON.parse(r.out) as { code: string; severity: string }[]).map((f) => f.code));
    const headline = [
      'missing-confirmation', 'missing-next-step', 'next-step-owner', 'next-step-due', 'overdue-next-step', 'overdue-follow-up',
      'missing-success-definition', 'empty-notes-category', 'correction-without-text', 'next-step-not-tied-to-goal', 'meeting-length',
      'not-partner-convenience', 'not-filled', 'not-shared', 'not-thanked', 'not-prepared',
      'partners-without-voice', 'coordinator-duty-unassigned', 'goal-without-metric', 'unknown-metric',
      'unknown-partner', 'round-not-all-held', 'review-without-commitments', 'partner-not-met',
    ];
    assert.deepEqual(headline.filter((c) => !found.has(c)), []);
    assert.ok(!found.has('schema') && !found.has('yaml-syntax'));
  });
});

describe('check on machines with different locales', () => {
  // Three worksheets of one organisation under three ids, on one day: the
  // first by file is the one the others are told to match. Sorted by the
  // locale, a Danish machine put `aa` after `z`: CI and a laptop named a
  // different first, and listed the files in another order.
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'pw-locale-'));
    for (const id of ['zion-youth', 'aarhus-arts', 'abbey-choir']) {
      mkdirSync(join(dir, id));
      // No confirmation: a finding in every file, so the order of all three shows.
      writeFileSync(join(dir, id, '2026-10-14.worksheet.yaml'), variant(WORKSHEET.replaceAll('riverside-youth', id), [['confirmation']]));
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  // From the repository, where `--import tsx` finds tsx.
  const checkUnder = (lang: string) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'check', '--today', '2026-10-21', dir], {
    encoding: 'utf8', timeout: 60_000, env: { ...process.env, LANG: lang, LC_ALL: lang },
  });

  it('gives the same findings, in the same order of files, in Danish as in English', () => {
    const english = checkUnder('en_US.UTF-8');
    const danish = checkUnder('da_DK.UTF-8');
    assert.equal(english.status, 0, english.stderr);
    const files = [...new Set(english.stdout.trim().split('\n').map((line) => line.split(':')[0]))];
    assert.deepEqual(files, ['aarhus-arts', 'abbey-choir', 'zion-youth'].map((id) => relative(process.cwd(), join(dir, id, '2026-10-14.worksheet.yaml'))));
    // aarhus-arts, first by file on every machine, is the one the others are told to match.
    assert.match(english.stdout, /abbey-choir\/2026-10-14\.worksheet\.yaml:\d+:\d+: warning duplicate-partner .*already has the partner id `aarhus-arts`/);
    assert.equal(danish.stdout, english.stdout);
    assert.equal(danish.status, english.status);
  });
});

describe('a command that stops before it finishes', () => {
  // Node ends a process whose event loop runs dry with exit code 0, even while
  // the command waits on something that keeps nothing alive. Here the listing
  // waits forever on a stat that never answers: a check that printed nothing
  // and passed would tell CI the worksheets are fine.
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'pw-unfinished-'));
    writeFileSync(join(dir, 'a.worksheet.yaml'), WORKSHEET);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('fails with a message instead of passing in silence', () => {
    const stalled = "require('node:fs/promises').stat = () => new Promise(() => {}); require('./src/cli/main.ts').runProcess();";
    // `_` stands where the binary's path is in process.argv.
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', stalled, '--', '_', 'check', '--format', 'json', dir], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /the command stopped before it finished/);
  });
});

describe('the first-round example: a first round as people write it', () => {
  it('reads every file, gives one finding per slip and none of them an error, and finds every identity, round and convening case', async () => {
    const r = await cli(['check', 'examples/first-round', '--today', '2026-12-02', '--format', 'json'], process.cwd());
    assert.equal(r.code, 0, r.err);
    const findings = JSON.parse(r.out) as { file: string; line: number; code: string; severity: string }[];
    assert.deepEqual(findings.filter((f) => f.severity === 'error'), []);
    // not-prepared is on every worksheet of a first round; the rest, one per mistake:
    assert.deepEqual(findings.filter((f) => f.code !== 'not-prepared').map((f) => `${f.file.replace('examples/first-round/', '')}:${f.line} ${f.code}`), [
    'convenings/oak-street.convening.yaml:9 vision-not-shared',
    'convenings/oak-street.convening.yaml:19 coordinator-role-unannounced',
    'convenings/oak-street.convening.yaml:30 coordination-lapsed',
    'greenway-allotments/2026-05-03.worksheet.yaml:9 format-slip',
    'greenway-allotments/2026-11-12.worksheet.yaml:6 format-slip',
    'greenway-allotments/2026-11-12.worksheet.yaml:9 format-slip',
    'greenway-allotments/2026-11-12.worksheet.yaml:19 format-slip',
    'harbour-youth/2026-10-15-maria.worksheet.yaml:9 duplicate-meeting',
    'harbour-youth/2026-10-15.worksheet.yaml:4 round-lookalike',
    'harbour-youth/2026-10-15.worksheet.yaml:22 next-step-not-tied-to-goal',
    'harbour-youth/2026-10-15.worksheet.yaml:23 format-slip',
    'harbour-youth/2026-10-15.worksheet.yaml:24 overdue-next-step',
    'harbour-youth/2026-11-20.worksheet.yaml:3 missing-round',
    'harbour-youth/2026-11-20.worksheet.yaml:3 not-filled',
    'harbour-youth/2026-11-20.worksheet.yaml:10 format-slip',
    'harbour-youth/2026-11-20.worksheet.yaml:21 not-thanked',
    'oak-library/2026-10-06.worksheet.yaml:3 format-slip',
    'oak-library/2026-10-06.worksheet.yaml:28 format-slip',
    'oak-library/2026-11-12.worksheet.yaml:6 duplicate-partner',
    'oak-library/2026-11-12.worksheet.yaml:9 format-slip',
    'oak-library/2026-11-12.worksheet.yaml:10 format-slip',
    'oak-library/2026-11-12.worksheet.yaml:10 meeting-length',
    'oak-library/2026-11-12.worksheet.yaml:11 format-slip',
    'oak-library/2026-11-12.worksheet.yaml:14 format-slip',
    'oak-library/2026-11-12.worksheet.yaml:19 format-slip',
    'oak-library/2026-11-12.worksheet.yaml:20 next-step-not-tied-to-goal',
    'reviews/autumn-2026.review.yaml:3 round-not-all-held',
    'reviews/winter-2026.review.yaml:3 unknown-round',
    'st-marys-seniors/2026-11-10.worksheet.yaml:3 meeting-status-stale',
    'st-marys-seniors/2026-11-10.worksheet.yaml:7 partner-renamed',
    ]);
  });
});

// The review's formats, rounds and overwrite guard are tested on a fixture
// round in cli-review.test.ts; here, the example workspace's own figures.
describe('partner-worksheets review of the example workspace', () => {
  const run = (args: string[]) => cli(['review', 'examples/community-team', '--today', '2026-11-24', ...args], process.cwd());

  it('prints the latest round as Markdown by default', async () => {
    const r = await run([]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^# Team review: autumn-2026\n/);
    assert.match(r.out, /## Similarities[\s\S]*\*\*Space and venues\*\*: 4 partners/);
    assert.match(r.out, /`examples\/community-team\/riverside-youth\/2026-10-14\.worksheet\.yaml:24`/);
  });

  it('gives the summary as JSON with themes and coverage', async () => {
    const r = await run(['--format', 'json', '--round', 'spring-2026']);
    const s = JSON.parse(r.out);
    assert.equal(s.round, 'spring-2026');
    assert.equal(s.coverage.meetings.shared, 6);
    const funding = s.themes.find((t: { id: string; category: string }) => t.id === 'funding' && t.category === 'challenges');
    assert.deepEqual(Object.keys(funding).sort(), ['category', 'id', 'label', 'partners', 'source']);
    assert.equal(funding.partners.length, 5);
  });
});

describe('check reads and checks in one pass', () => {
  // Worksheets are checked as they are read; those whose findings depend on
  // others (identity, rounds) are checked again once all are read. Files are
  // named so that each slip is read before what it depends on.
  const oak = (id: string, organization: string, date: string, round: string | undefined) => variant(WORKSHEET,
    [['partner'], { id, organization }], [['meeting', 'date'], date], [['round'], round], [['next_step', 'status'], 'done'], [['follow_up']]);
  const files: Record<string, string> = {
    'a/2026-11-12.worksheet.yaml': oak('oak-public-library', 'Oak Public Library.', '2026-11-12', 'autumn-2026'),
    'a/2026-10-20.worksheet.yaml': oak('birch-hall', 'Birch Hall', '2026-10-20', 'autum-2026'),
    'a/2026-10-21.worksheet.yaml': oak('cedar-club', 'Cedar Club', '2026-10-21', undefined),
    'b/2026-05-11.worksheet.yaml': oak('oak-library', 'Oak Public Library', '2026-05-11', 'spring-2026'),
    ...Object.fromEntries(['elm', 'fir', 'ash'].map((p) => [`b/${p}.worksheet.yaml`, oak(p, `${p} group`, '2026-10-15', 'autumn-2026')])),
    // Read in this order, `autum-2027` looks like a typo of `autumn-2027` (one
    // meeting beside two) until the last two files: then it is the bigger round,
    // and neither is a lookalike. A finding made halfway must not survive.
    ...Object.fromEntries([['1', 'autumn-2027'], ['2', 'autumn-2027'], ['3', 'autum-2027'], ['4', 'autum-2027'], ['5', 'autum-2027']]
      .map(([n, round]) => [`c/${n}.worksheet.yaml`, oak(`pine-${n}`, `Pine ${n}`, `2027-10-1${n}`, round)])),
    // No partner and no round, read first: its neighbours by date are read after it.
    '0/2026-10-16.worksheet.yaml': variant(WORKSHEET, [['partner']], [['round']], [['meeting', 'date'], '2026-10-16']),
    // An id written as a name (a format slip) that is also a second id of a known organisation: the
    // duplicate's fix rewrites that id, so the slip is no finding of its own (one finding per value).
    'd/2026-10-22.worksheet.yaml': oak('The Oak Library', 'Oak Public Library', '2026-10-22', 'autumn-2026'),
  };

  it('gives every file the findings of a check after the whole workspace is read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-one-pass-'));
    try {
      const index = new WorkspaceIndex(() => '2026-11-24');
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(join(dir, name, '..'), { recursive: true });
        writeFileSync(join(dir, name), text);
        index.set(join(dir, name), text);
      }
      const want = Object.keys(files).flatMap((name) => index.check(join(dir, name)).map((f) => `${name}:${f.range.start.line + 1} ${f.code} ${f.message}`)).sort();
      let out = '';
      const code = await runCheck({ paths: [dir], today: '2026-11-24', format: 'json', maxWarnings: Infinity, quiet: false }, { out: (t) => { out += t; }, err: () => undefined, cwd: dir });
      assert.equal(code, 1, 'the worksheet with no partner has a schema error');
      const got = (JSON.parse(out) as { file: string; line: number; code: string; message: string }[]).map((f) => `${f.file}:${f.line} ${f.code} ${f.message}`).sort();
      for (const code of ['duplicate-partner', 'round-lookalike', 'missing-round']) assert.ok(want.some((w) => w.includes(` ${code} `)), code);
      assert.ok(want.some((w) => w.startsWith('0/') && w.includes('Meetings near its date are in')), 'the worksheet with no partner is offered its neighbours\' round');
      const slipped = want.filter((w) => w.startsWith('d/'));
      assert.ok(slipped.some((w) => w.includes(' duplicate-partner ')) && !slipped.some((w) => w.includes(' format-slip ')), `the id written as a name: ${slipped.join('; ')}`);
      assert.deepEqual(got, want);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
