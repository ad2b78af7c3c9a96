// The npm package as a team gets it: `npm pack` here (which builds it), the
// tarball installed into an empty folder beside a copy of the example
// workspace, and the command run there through npx. It guards what the
// package holds (the bundle, not the tree) and that the bundle alone runs:
// no dependency to fetch, nothing from this repository within reach.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { isAscii } from 'node:buffer';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from './cli-run';
import { ReadAhead } from '../../src/cli/read-ahead';

const REPO = resolve('.');
const TODAY = '2026-11-24';

function run(cmd: 'npm' | 'npx', args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', shell: process.platform === 'win32', env: { ...process.env, NO_UPDATE_NOTIFIER: '1' } });
  if (r.error) throw r.error;
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the npm package, packed and installed in an empty folder', function () {
  // Packing runs the build (esbuild, a few seconds); the install is offline.
  this.timeout(180_000);
  let tmp: string;
  let team: string;
  let packed: { filename: string; files: { path: string }[] };

  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'pw-package-'));
    const pack = run('npm', ['pack', '--json', '--pack-destination', tmp], REPO);
    assert.equal(pack.code, 0, pack.err);
    [packed] = JSON.parse(pack.out.slice(pack.out.indexOf('[')));

    team = join(tmp, 'team');
    mkdirSync(team);
    cpSync(join(REPO, 'examples', 'community-team'), join(team, 'community-team'), { recursive: true });
    // --offline: the package must need nothing from the registry.
    const install = run('npm', ['install', '--offline', '--no-audit', '--no-fund', join(tmp, packed.filename)], team);
    assert.equal(install.code, 0, install.err);
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('holds the bundled command and its papers, nothing of the tree, and no dependencies', () => {
    assert.deepEqual(packed.files.map((f) => f.path).sort(), [
      'CHANGELOG.md', 'LICENSE', 'README.md', 'dist/THIRD-PARTY-NOTICES.txt', 'dist/cli-main.code-cache', 'dist/cli-main.js', 'dist/cli.js',
      'dist/read-ahead.js', 'docs/rules.md', 'package.json',
    ]);
    const manifest = JSON.parse(readFileSync(join(team, 'node_modules', 'partner-worksheets', 'package.json'), 'utf8'));
    assert.equal(manifest.private, undefined, 'npm publish refuses a private package');
    assert.equal(manifest.dependencies, undefined);
    assert.equal(manifest.bin['partner-worksheets'], './dist/cli.js');
    const notices = readFileSync(join(team, 'node_modules', 'partner-worksheets', 'dist', 'THIRD-PARTY-NOTICES.txt'), 'utf8');
    for (const lib of ['yaml', 'js-yaml', 'ajv', 'compromise']) assert.match(notices, new RegExp(`^${lib} \\d`, 'm'), `${lib}'s licence ships`);
  });

  it('npx partner-worksheets check exits 1 with the same findings as the source', async () => {
    const args = ['check', 'community-team', '--today', TODAY, '--max-warnings', '0'];
    const r = run('npx', ['partner-worksheets', ...args], team);
    const expected = await runCli(args, team);
    assert.equal(r.code, 1, r.err);
    assert.ok(expected.out.length > 0);
    assert.equal(r.out, expected.out);
    assert.match(r.out, /^community-team\/convenings\/westside-arts-access\.convening\.yaml:\d+:\d+: warning unknown-partner /m);
    assert.match(r.err, /warnings is more than --max-warnings 0\n$/);
  });

  it('ships a code cache that this Node takes back for the bundle, and checks as well without it or with a broken one', async () => {
    const dist = join(team, 'node_modules', 'partner-worksheets', 'dist');
    // The loader compiles the bundle as it does for a run, and V8 says whether it used the cache.
    const probe = `process.stdout.write(String(require(${JSON.stringify(join(dist, 'cli.js'))}).codeCacheTakenBack()))`;
    const accepted = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    assert.equal(accepted.stdout, 'true', accepted.stderr);

    const args = ['check', 'community-team', '--today', TODAY, '--format', 'json'];
    const expected = (await runCli(args, team)).out;
    const cache = join(dist, 'cli-main.code-cache');
    const kept = readFileSync(cache);
    try {
      writeFileSync(cache, 'not a code cache');
      const broken = run('npx', ['partner-worksheets', ...args], team);
      assert.equal(broken.out, expected, broken.err);
      rmSync(cache);
      const none = run('npx', ['partner-worksheets', ...args], team);
      assert.equal(none.out, expected, none.err);
    } finally {
      writeFileSync(cache, kept);
    }
  });

  it('runs a bundle changed after its cache was made as it now is, not the code cached for the old one', () => {
    const bundle = join(team, 'node_modules', 'partner-worksheets', 'dist', 'cli-main.js');
    const kept = readFileSync(bundle, 'utf8');
    // The same length: V8 alone would take the old code back for it, and this
    // message's code is in the cache (the build's check of the examples made it).
    const changed = kept.replace('No confirmation recorded.', 'NO CONFIRMATION RECORDED.');
    assert.notEqual(changed, kept);
    try {
      writeFileSync(bundle, changed);
      const r = run('npx', ['partner-worksheets', 'check', 'community-team', '--today', TODAY], team);
      assert.match(r.out, /warning missing-confirmation NO CONFIRMATION RECORDED\. /);
      assert.doesNotMatch(r.out, /No confirmation recorded/);
    } finally {
      writeFileSync(bundle, kept);
    }
  });

  it('reads files ahead on the thread it ships, and its bundle is ASCII, which the loader reads as Latin-1', async () => {
    const dist = join(team, 'node_modules', 'partner-worksheets', 'dist');
    assert.ok(isAscii(readFileSync(join(dist, 'cli-main.js'))), 'the build writes every other character as an escape');
    const workspace = join(team, 'community-team');
    const files = readdirSync(workspace, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml')).map((f) => join(workspace, f));
    assert.ok(files.length > 10);
    const ahead = new ReadAhead(join(dist, 'read-ahead.js'));
    try {
      ahead.plan(files);
      const deadline = Date.now() + 20_000;
      while (ahead.available() < files.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      for (const f of files) assert.equal(ahead.take(f)?.text, readFileSync(f, 'utf8'), f);
    } finally {
      await ahead.dispose();
    }
  });

  it('npx partner-worksheets review prints the team review; --version the package version', async () => {
    const args = ['review', 'community-team', '--today', TODAY];
    const r = run('npx', ['partner-worksheets', ...args], team);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^# Team review: autumn-2026\n/);
    assert.equal(r.out, (await runCli(args, team)).out);
    const version = run('npx', ['partner-worksheets', '--version'], team);
    assert.equal(version.out, `${JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version}\n`);
  });
});
