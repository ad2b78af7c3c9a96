// Worksheets come from many hands: every hostile file gives a clear finding on
// the right line (or the file's first line), never throws, never hangs, and
// leaves the rest of the workspace working.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync, spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { checkText } from '../../src/core/check';
import { WorkspaceIndex } from '../../src/core/workspace';
import { summarize } from '../../src/core/summary/summarize';
import { renderMarkdown } from '../../src/core/summary/render-markdown';
import { decodeText } from '../../src/core/decode';
import { nodeFileSystem, readRegularFile } from '../../src/cli/node-fs';
import { main } from '../../src/cli/main';
import { WORKSHEET } from './helpers';
import { MAX_FILE_BYTES, parseFile } from '../../src/core/yaml';
import { HOSTILE_CASES as EXPECTED, HOSTILE_COMMAND_LINES, hugeWorksheet, longIdConvening } from '../fixtures/hostile-cases';

const DIR = resolve('test/fixtures/hostile');
const TODAY = '2026-11-24';


function read(name: string): string {
  // As the extension and CLI read files: UTF-8 (BOM dropped), or UTF-16 with a BOM.
  return decodeText(readFileSync(join(DIR, name)));
}

describe('hostile input', () => {
  it('the corpus has a case for every file', () => {
    assert.deepEqual(readdirSync(DIR).sort(), Object.keys(EXPECTED).sort());
  });

  // The corpus is one folder, as the CLI and the workbench read it: its settings files apply to every case.
  let corpus: WorkspaceIndex;
  before(() => {
    corpus = new WorkspaceIndex(() => TODAY);
    // The .yml first: which settings file wins must not depend on the order they were read in.
    for (const name of Object.keys(EXPECTED).sort().reverse()) corpus.set(`/ws/${name}`, read(name));
    // Each case is timed: the schemas are compiled on the first check, not in the first case.
    for (const kind of ['worksheet', 'convening', 'review']) checkText(`/warm/a.${kind}.yaml`, `kind: ${kind}\n`, { today: TODAY });
    checkText('/warm/partner-worksheets.yaml', 'kind: config\n', { today: TODAY });
  });

  for (const [name, [code, line, message]] of Object.entries(EXPECTED)) {
    it(`${name}: ${code} on line ${line}, within a second`, () => {
      const started = Date.now();
      const findings = corpus.check(`/ws/${name}`);
      assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
      const f = findings.find((x) => x.code === code);
      assert.ok(f, `no ${code} among ${JSON.stringify(findings.map((x) => `${x.code}@${x.range.start.line + 1}: ${x.message}`))}`);
      assert.equal(f.range.start.line + 1, line, f.message);
      assert.match(f.message, message);
      assert.ok(!findings.some((x) => x.message.startsWith('Internal error')));
    });
  }

  it('a file whose lines end in a carriage return alone is read as lines, with the findings and ranges of the same file with line feeds; a stray one in ordinary lines is left to the parse', () => {
    const oldMac = read('old-mac.worksheet.yaml');
    assert.ok(oldMac.includes('\r') && !oldMac.includes('\n'));
    const at = (findings: { code: string; range: unknown; message: string }[]) => findings.map((f) => JSON.stringify([f.code, f.range, f.message]));
    // The corpus's worksheets share a partner and a date: the same meeting to duplicate-meeting, which checkText alone cannot see.
    const inCorpus = corpus.check('/ws/old-mac.worksheet.yaml').filter((f) => f.code !== 'duplicate-meeting');
    assert.deepEqual(at(inCorpus), at(checkText('/ws/old-mac.worksheet.yaml', oldMac.replace(/\r/g, '\n'), { today: TODAY }).findings));
    const stray = 'kind: worksheet\r\nnotes:\r\n  values: ["One\rtwo"]\r\n';
    assert.equal(parseFile('/ws/stray.worksheet.yaml', stray).text, stray);
  });

  it('a workspace whose lines end in carriage returns alone gets the same findings and review, on the same lines, as with line feeds', async () => {
    const example = resolve('examples/community-team');
    const lf = new WorkspaceIndex(() => TODAY);
    await lf.loadFolder(nodeFileSystem, example);
    const cr = new WorkspaceIndex(() => TODAY);
    for (const d of lf.documents()) cr.set(d.uri.replace(example, '/old-mac'), d.text.replace(/\n/g, '\r'));
    const rel = (uri: string) => uri.replace(example, '').replace('/old-mac', '');
    const all = (index: WorkspaceIndex) => index.documents().flatMap((d) => index.check(d.uri).map((f) => `${rel(d.uri)}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code}`)).sort();
    assert.ok(all(lf).length > 10);
    assert.deepEqual(all(cr), all(lf));
    const review = (index: WorkspaceIndex) => renderMarkdown(summarize(index, { today: TODAY }), (r) => `${rel(r.uri)}:${r.line}`);
    assert.equal(review(cr), review(lf));
  });

  it('a tab that indents a list item gets the one finding that names the tab, on its own line', () => {
    const text = 'kind: worksheet\nstatus: held\nnotes:\n  challenges:\n\t- Minibus driver retired\n  values: [Members choose]\n';
    const findings = checkText('/ws/tab.worksheet.yaml', text, { today: TODAY }).findings.filter((f) => f.code === 'yaml-syntax');
    assert.deepEqual(findings.map((f) => [f.range.start.line + 1, f.message]), [[5, 'Tabs cannot indent YAML: use spaces.']]);
  });

  it('a bracketed list closed at its key\'s column in the middle of a file gets the findings that name the cut, on that line only', () => {
    // As people tidy a long list: the closing brackets pulled back under the key. The `yaml` package's
    // document ends there, and it reports every token after it as unexpected, one per word of the rest.
    const text = 'kind: worksheet\nstatus: held\nnotes:\n  goals: [{text: A teen-run wall, themes: [visibility,\n  ]}]\n  commitments: [Rooms on Thursdays]\nthanked: true\n';
    const findings = checkText('/ws/cut.worksheet.yaml', text, { today: TODAY }).findings.filter((f) => f.code === 'yaml-syntax');
    assert.deepEqual(findings.map((f) => [f.range.start.line + 1, f.message]), [
      [5, 'Flow sequence in block collection must be sufficiently indented and end with a ]. Check the indentation and the colons on this line.'],
      [5, 'Flow map in block collection must be sufficiently indented and end with a }. Check the indentation and the colons on this line.'],
    ]);
  });

  it('a 5 MB file gets one file-level finding at once', () => {
    const huge = hugeWorksheet();
    const started = Date.now();
    const findings = checkText('/ws/huge.worksheet.yaml', huge, { today: TODAY }).findings;
    assert.ok(Date.now() - started < 1000);
    assert.deepEqual(findings.map((f) => [f.code, f.range.start.line]), [['file-too-large', 0]]);
  });

  it('a 300 MB file is refused from its size: no more than the limit is read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-big-'));
    try {
      const big = join(dir, 'big.worksheet.yaml');
      writeFileSync(big, 'kind: worksheet\n');
      fs.truncateSync(big, 300_000_000); // sparse: costs no disk
      const started = Date.now();
      const bytes = await readRegularFile(big);
      assert.equal(bytes.length, MAX_FILE_BYTES);
      let err = '';
      let out = '';
      const code = await main(['check', '--today', TODAY], { out: (t) => { out += t; }, err: (t) => { err += t; }, cwd: dir });
      assert.equal(code, 1, err);
      assert.match(out, /^big\.worksheet\.yaml:1:1: error file-too-large This file has more than 1,000,000 characters/);
      assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`); // the size is the point: a hang guard, not a benchmark
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a convening with 490,000-character ids is checked at once: ids that long get no "did you mean", and a finding', () => {
    const started = Date.now();
    const findings = checkText('/ws/long.convening.yaml', longIdConvening(), { today: TODAY }).findings;
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
    const unknown = findings.find((f) => f.code === 'unknown-metric');
    assert.ok(unknown && !/did you mean/.test(unknown.message), JSON.stringify(findings.map((f) => f.code)));
    assert.ok(findings.some((f) => f.code === 'schema' && /490,000 characters long|is 490000 characters long; no real convening needs more than 64/.test(f.message)), JSON.stringify(findings.map((f) => f.message.slice(0, 80))));
  });

  it('70,000 one-word notes under the size limit are refused after one lexer pass, and nothing of them reaches the review', () => {
    // One per line: a line of plain YAML the quick read (js-yaml) would take, were it not for the count.
    const text = WORKSHEET.replace('  values: [Teens make the creative decisions]', `  values:\n${Array.from({ length: 70_000 }, (_, i) => `    - w${i}`).join('\n')}`);
    assert.ok(text.length < 1_000_000 && text !== WORKSHEET);
    const index = new WorkspaceIndex(() => TODAY);
    const started = Date.now();
    index.set('/ws/crowded.worksheet.yaml', text);
    const findings = index.check('/ws/crowded.worksheet.yaml');
    assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
    assert.deepEqual(findings.map((f) => f.code), ['yaml-syntax']);
    // On the note past the limit (the fields above the list count too).
    assert.match(text.split('\n')[findings[0].range.start.line], /^ {4}- w49\d\d$/);
    assert.match(findings[0].message, /more than 5,000 values/);
    // The quick read declines it too, so the index holds no meeting made of half a file.
    assert.equal(index.meetings().length, 0);
  });

  it('__proto__ keys pollute nothing', () => {
    checkText('/ws/p.worksheet.yaml', read('proto-keys.worksheet.yaml'), { today: TODAY });
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('the rest of the workspace keeps working next to the whole corpus', () => {
    const index = new WorkspaceIndex(() => TODAY);
    for (const name of Object.keys(EXPECTED)) index.set(`/ws/${name}`, read(name));
    index.set('/ws/good/2026-10-14.worksheet.yaml', WORKSHEET);
    assert.deepEqual(index.check('/ws/good/2026-10-14.worksheet.yaml').map((f) => f.code), ['overdue-next-step']);
    assert.ok(index.partnerIds().includes('riverside-youth'));
  });

  it('the CLI reports the corpus with exit 1 and a line per problem, without crashing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-hostile-'));
    try {
      cpSync(DIR, dir, { recursive: true });
      writeFileSync(join(dir, 'good.worksheet.yaml'), WORKSHEET);
      writeFileSync(join(dir, 'huge.worksheet.yaml'), hugeWorksheet());
      let out = '';
      let err = '';
      const code = await main(['check', '--today', TODAY], { out: (t) => { out += t; }, err: (t) => { err += t; }, cwd: dir });
      assert.equal(code, 1, err);
      assert.match(out, /^binary\.worksheet\.yaml:1:1: error yaml-syntax This file holds binary data/m);
      // Every case, on its line, as the core reports it.
      const lines = out.split('\n');
      for (const [name, [code, line, message]] of Object.entries(EXPECTED)) {
        const hit = lines.find((l) => l.startsWith(`${name}:${line}:`) && l.includes(` ${code} `) && message.test(l));
        assert.ok(hit, `no ${code} on line ${line} for ${name} in:\n${lines.filter((l) => l.startsWith(name)).join('\n')}`);
      }
      assert.match(out, /^huge\.worksheet\.yaml:1:1: error file-too-large /m);
      assert.match(out, /^good\.worksheet\.yaml:\d+:\d+: warning overdue-next-step /m);
      assert.match(err, new RegExp(`${Object.keys(EXPECTED).length + 2} files checked`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('hostile command lines', () => {
  // Each case is timed; the first review of the process also loads the summariser's libraries.
  before(async () => {
    await main(['review', 'test/fixtures/review-round', '--today', TODAY], { out: () => undefined, err: () => undefined, cwd: process.cwd() });
  });

  for (const [name, c] of Object.entries(HOSTILE_COMMAND_LINES)) {
    it(`${name}: exit ${c.code} with a clear message, within a second`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'pw-cmd-'));
      try {
        mkdirSync(join(dir, 'p'));
        writeFileSync(join(dir, 'p', '2026-10-14.worksheet.yaml'), WORKSHEET);
        for (const [file, text] of Object.entries(c.files ?? {})) {
          mkdirSync(dirname(join(dir, file)), { recursive: true });
          writeFileSync(join(dir, file), text);
        }
        for (const [link, to] of Object.entries(c.links ?? {})) {
          mkdirSync(dirname(join(dir, link)), { recursive: true });
          symlinkSync(to.startsWith('/') ? to : join(dir, to), join(dir, link));
        }
        for (const fifo of c.fifos ?? []) {
          mkdirSync(dirname(join(dir, fifo)), { recursive: true });
          execFileSync('mkfifo', [join(dir, fifo)]);
        }
        let out = '';
        let err = '';
        const started = Date.now();
        const code = await main(c.args, { out: (t) => { out += t; }, err: (t) => { err += t; }, cwd: dir });
        assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
        assert.equal(code, c.code, `${err}${out}`);
        assert.match(err, c.err);
        if (c.out) assert.match(out, c.out);
        assert.doesNotMatch(err, /\n\s+at /, 'no stack trace');
        for (const [file, want] of Object.entries(c.after ?? {})) {
          const got = readFileSync(join(dir, file), 'utf8');
          if (typeof want === 'string') assert.equal(got, want, file);
          else assert.match(got, want, file);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});

describe('review --out', () => {
  it('a write that fails half way (a full disk) leaves the old file as it was, and no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-out-'));
    const real = fs.writeFileSync;
    try {
      mkdirSync(join(dir, 'p'));
      writeFileSync(join(dir, 'p', '2026-10-14.worksheet.yaml'), WORKSHEET);
      writeFileSync(join(dir, 'review.md'), 'the old review');
      // The disk fills after a few bytes of the new page.
      (fs as { writeFileSync: unknown }).writeFileSync = (file: fs.PathOrFileDescriptor, data: string, options: fs.WriteFileOptions) => {
        real(file, data.slice(0, 10), options);
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      };
      let err = '';
      const code = await main(['review', '--today', TODAY, '--force', '--out', 'review.md'], { out: () => undefined, err: (t) => { err += t; }, cwd: dir });
      (fs as { writeFileSync: unknown }).writeFileSync = real;
      assert.equal(code, 2);
      assert.equal(err, 'partner-worksheets: could not write review.md: no space left on the disk; nothing was changed\n');
      assert.equal(readFileSync(join(dir, 'review.md'), 'utf8'), 'the old review');
      assert.deepEqual(readdirSync(dir).sort(), ['p', 'review.md']);
      // And with room on the disk, --force replaces it whole.
      assert.equal(await main(['review', '--today', TODAY, '--force', '--out', 'review.md'], { out: () => undefined, err: () => undefined, cwd: dir }), 0);
      assert.match(readFileSync(join(dir, 'review.md'), 'utf8'), /^# Team review: autumn-2026\n/);
      assert.deepEqual(readdirSync(dir).sort(), ['p', 'review.md']);
      // Into a folder that does not exist: said in words, not with the temporary file's name.
      err = '';
      assert.equal(await main(['review', '--today', TODAY, '--out', join('no', 'such', 'review.md')], { out: () => undefined, err: (t) => { err += t; }, cwd: dir }), 2);
      assert.equal(err, `partner-worksheets: could not write ${join('no', 'such', 'review.md')}: its folder does not exist; nothing was changed\n`);
    } finally {
      (fs as { writeFileSync: unknown }).writeFileSync = real;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('files and folders without permission', () => {
  // Root reads everything, so as root (CI containers) the command runs as the
  // unprivileged user `nobody`; as anyone else, the modes alone refuse.
  // The command is bundled into a folder anyone may read: the repository itself may sit
  // where `nobody` cannot go (under /root, say).
  const asRoot = process.getuid?.() === 0;
  let bin = '';
  before(async function () {
    this.timeout(60_000);
    bin = mkdtempSync(join(tmpdir(), 'pw-perm-bin-'));
    chmodSync(bin, 0o755);
    const esbuild = await import('esbuild');
    await esbuild.build({ entryPoints: ['src/cli/main.ts'], bundle: true, platform: 'node', format: 'cjs', target: 'node18', outfile: join(bin, 'cli.js'), logLevel: 'silent' });
    chmodSync(join(bin, 'cli.js'), 0o755);
  });
  after(() => rmSync(bin, { recursive: true, force: true }));
  const run = (dir: string) => spawnSync(process.execPath, [join(bin, 'cli.js'), 'check', dir], {
    encoding: 'utf8', cwd: dir, timeout: 60_000, ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
  });
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pw-perm-'));
    chmodSync(dir, 0o755);
  });
  afterEach(() => {
    for (const sub of ['locked', '.']) if (existsSync(join(dir, sub))) chmodSync(join(dir, sub), 0o755);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a worksheet that cannot be read is exit 2 with its path and "permission denied", not an empty file', function () {
    this.timeout(60_000); // a whole process
    writeFileSync(join(dir, 'ok.worksheet.yaml'), WORKSHEET);
    writeFileSync(join(dir, 'secret.worksheet.yaml'), WORKSHEET);
    chmodSync(join(dir, 'secret.worksheet.yaml'), 0);
    const r = run(dir);
    assert.equal(r.status, 2, r.stderr + r.stdout);
    assert.equal(r.stderr, `partner-worksheets: cannot read ${join(dir, 'secret.worksheet.yaml')}: permission denied\n`);
    assert.equal(r.stdout, '');
  });

  it('a folder that cannot be listed is exit 2 with its path, not skipped', function () {
    this.timeout(60_000);
    writeFileSync(join(dir, 'ok.worksheet.yaml'), WORKSHEET);
    mkdirSync(join(dir, 'locked'));
    writeFileSync(join(dir, 'locked', 'x.worksheet.yaml'), WORKSHEET);
    chmodSync(join(dir, 'locked'), 0);
    const r = run(dir);
    assert.equal(r.status, 2, r.stderr + r.stdout);
    assert.equal(r.stderr, `partner-worksheets: cannot read ${join(dir, 'locked')}: permission denied\n`);
  });
});
