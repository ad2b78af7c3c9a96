// `npm test`: every layer in order, carrying on after a failure so the totals
// are complete, then one closing line "N passed, N failed" over all layers.
// Lint, type-check and build count as one check each.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'test-output', 'results');
rmSync(results, { recursive: true, force: true });
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const reporter = join(root, 'scripts', 'mocha-counts-reporter.cjs');

const totals = { passed: 0, failed: 0, pending: 0 };
const summary = [];

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function check(name, cmd, args) {
  console.log(`\n=== ${name}`);
  const ok = run(cmd, args);
  totals[ok ? 'passed' : 'failed']++;
  summary.push(`${name}: ${ok ? 'ok' : 'FAILED'}`);
}

/** A test layer: its own counts; a layer that ran nothing counts as a failure. */
function layer(name, file, cmd, args, env = {}) {
  console.log(`\n=== ${name}`);
  const path = join(results, file);
  const ok = run(cmd, args, { PW_RESULTS_FILE: path, ...env });
  let counts = { passed: 0, failed: 0, pending: 0 };
  if (existsSync(path)) counts = JSON.parse(readFileSync(path, 'utf8'));
  if (!ok && counts.failed === 0) counts.failed = 1; // it crashed before reporting
  if (counts.passed + counts.failed === 0) {
    console.log(`${name}: no test ran`);
    counts.failed = 1;
  }
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.pending += counts.pending ?? 0;
  summary.push(`${name}: ${counts.passed} passed, ${counts.failed} failed${counts.pending ? `, ${counts.pending} skipped` : ''}`);
}

check('lint', npx, ['eslint', '.']);
check('typecheck', npx, ['tsc', '-p', '.', '--noEmit']);
check('typecheck (webview page)', npx, ['tsc', '-p', 'src/webview', '--noEmit']);
check('typecheck (webview page tests)', npx, ['tsc', '-p', 'test/webview', '--noEmit']);
check('build', 'npm', ['run', '--silent', 'build']);
layer('unit (core and CLI)', 'unit.json', npx, ['mocha', '--reporter', reporter]);
if (existsSync(join(root, 'test', 'webview', '.mocharc.json'))) {
  layer('webview page (headless Chromium)', 'webview.json', npx, ['mocha', '--config', 'test/webview/.mocharc.json', '--reporter', reporter]);
}
layer('extension (real VS Code workbench)', 'vscode.json', process.execPath, ['scripts/test-vscode.mjs'], { PW_SKIP_BUILD: '1' });

console.log('\n=== summary');
for (const s of summary) console.log(s);
if (totals.pending) console.log(`${totals.pending} skipped`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);
