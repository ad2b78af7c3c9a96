// The pre-commit recipes: the plain git hook (examples/pre-commit/pre-commit)
// run by real commits in a temporary git repository, and the hook definitions
// for the pre-commit framework, whose file pattern must pick exactly the four
// kinds of file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { CONVENING, WORKSHEET } from './helpers';

const HOOK = resolve('examples/pre-commit/pre-commit');

describe('the plain git pre-commit hook', function () {
  // Each commit starts the CLI from source (Node and tsx): a second or two.
  this.timeout(60_000);
  let tmp: string;
  let repo: string;
  let calls: string;
  let env: NodeJS.ProcessEnv;

  const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, env, encoding: 'utf8' });
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  };

  before(function () {
    if (process.platform === 'win32') this.skip(); // a POSIX shell script; Git for Windows runs it, this test does not
  });

  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'pw-hook-'));
    repo = join(tmp, 'worksheets');
    calls = join(tmp, 'calls.log');
    // `partner-worksheets` on PATH: the CLI from source, logging how it was called.
    const bin = join(tmp, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'partner-worksheets'), [
      '#!/bin/sh',
      `printf '%s\\n' "$*" >> '${calls}'`,
      `exec '${process.execPath}' --import '${pathToFileURL(require.resolve('tsx')).href}' '${resolve('src/cli/main.ts')}' "$@"`,
      '',
    ].join('\n'));
    chmodSync(join(bin, 'partner-worksheets'), 0o755);
    // No global or system git settings (a hooksPath, signing) in the way.
    env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}`, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
    mkdirSync(repo);
    for (const args of [['init', '-q'], ['config', 'user.name', 'Sam'], ['config', 'user.email', 'sam@example.org'], ['config', 'core.hooksPath', '.git/hooks']]) {
      assert.equal(git(...args).status, 0);
    }
    write('riverside-youth/2026-10-14.worksheet.yaml', WORKSHEET);
    write('README.md', 'Our worksheets\n');
    git('add', '.');
    assert.equal(git('commit', '-q', '-m', 'start').status, 0);
    mkdirSync(join(repo, '.git', 'hooks'), { recursive: true });
    copyFileSync(HOOK, join(repo, '.git', 'hooks', 'pre-commit'));
    chmodSync(join(repo, '.git', 'hooks', 'pre-commit'), 0o755);
    // Never staged: a commit that checked it would fail.
    write('drafts/2026-11-01.worksheet.yaml', 'kind: worksheet\nversion: [\n');
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('checks only the staged worksheets, with their workspace, and an error stops the commit', () => {
    const broken = 'new partner/2026-10-20.worksheet.yaml';
    write(broken, WORKSHEET.replace('duration_minutes', 'duraton_minutes'));
    write('convenings/westside.convening.yaml', CONVENING);
    git('add', broken, 'convenings');
    const stopped = git('commit', '-m', 'meetings');
    const out = stopped.stdout + stopped.stderr;
    assert.notEqual(stopped.status, 0);
    assert.match(out, /^new partner\/2026-10-20\.worksheet\.yaml:\d+:3: error schema `duraton_minutes` is not a known field/m);
    // The convening's partners are checked against every worksheet in the workspace,
    // staged or not: riverside-youth is known (committed), eastside-library is not.
    assert.match(out, /^convenings\/westside\.convening\.yaml:\d+:\d+: warning unknown-partner .*`eastside-library`/m);
    assert.doesNotMatch(out, /riverside-youth`/);
    assert.doesNotMatch(out, /drafts|riverside-youth\/2026-10-14/, 'files not staged are not reported');
    assert.equal(readFileSync(calls, 'utf8'), `check -- ${['convenings/westside.convening.yaml', broken].join(' ')}\n`);
    assert.equal(git('log', '--oneline').stdout.trim().split('\n').length, 1, 'nothing was committed');

    write(broken, WORKSHEET);
    git('add', broken);
    const committed = git('commit', '-q', '-m', 'meetings');
    assert.equal(committed.status, 0, committed.stdout + committed.stderr);
    // Info findings (the contract convening's coordinator role not yet announced) never stop a commit.
    assert.match(committed.stderr, /2 files checked: 0 errors, \d+ warnings?, \d+ info/);
  });

  it('lets a commit with no worksheet in it through without running the check', () => {
    write('README.md', 'Our partner worksheets\n');
    git('rm', '-q', 'riverside-youth/2026-10-14.worksheet.yaml');
    git('add', 'README.md');
    const r = git('commit', '-q', '-m', 'readme');
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.ok(!existsSync(calls), 'the check did not run: a deleted worksheet has nothing to check');
  });
});

describe('the pre-commit framework hooks', () => {
  interface Hook { id: string; entry: string; language: string; files: string; additional_dependencies?: string[] }
  const offered = (parse(readFileSync('.pre-commit-hooks.yaml', 'utf8')) as Hook[])[0];
  const local = (parse(readFileSync('examples/pre-commit/pre-commit-config.yaml', 'utf8')) as { repos: { repo: string; hooks: Hook[] }[] }).repos[0];

  it('run the installed command on the staged files of the four kinds', () => {
    for (const hook of [offered, local.hooks[0]]) {
      assert.deepEqual([hook.id, hook.entry, hook.language], ['partner-worksheets', 'partner-worksheets check', 'node']);
      // pre-commit matches `files` with Python's re.search, as JavaScript's test does for this pattern.
      const files = new RegExp(hook.files);
      for (const path of ['a/2026-10-14.worksheet.yaml', 'b.worksheet.yml', 'c/d.convening.yaml', 'r/autumn.review.yml', 'partner-worksheets.yaml', 'team/partner-worksheets.yml']) {
        assert.ok(files.test(path), `${path} is checked`);
      }
      for (const path of ['worksheet.yaml', 'a/notes.yaml', 'my-partner-worksheets.yaml', 'a.worksheet.yaml.bak', '.pre-commit-config.yaml']) {
        assert.ok(!files.test(path), `${path} is not checked`);
      }
    }
  });

  it('the README and the walkthrough show the local recipe as it is', () => {
    const recipe = readFileSync('examples/pre-commit/pre-commit-config.yaml', 'utf8');
    assert.ok(readFileSync('media/walkthrough/ci.md', 'utf8').includes(`\`\`\`yaml\n${recipe}\`\`\``));
    // In the README it sits in a list item, two spaces in.
    const indented = recipe.replace(/^(?=.)/gm, '  ');
    assert.ok(readFileSync('README.md', 'utf8').includes(`  \`\`\`yaml\n${indented}  \`\`\``));
  });

  it('install this version of the package from npm in the local recipe', () => {
    assert.equal(local.repo, 'local');
    const [dep] = local.hooks[0].additional_dependencies ?? [];
    const range = /^partner-worksheets@(\S+)$/.exec(dep)?.[1] ?? '';
    const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;
    assert.ok(version === range || version.startsWith(`${range}.`), `${dep} does not install ${version}`);
  });
});
