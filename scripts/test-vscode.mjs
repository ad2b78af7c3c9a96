// `npm run test:vscode`: runs test/vscode/*.test.ts inside a real VS Code
// workbench (code-server) driven by headless Chromium, then checks the
// workbench UI. Exits with the tests' exit code; always stops what it started.
import { spawnSync } from 'node:child_process';
import { format } from 'node:util';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, WORKBENCH_SETTINGS, ensureCodeServer, startServer, stopAllServers } from './vscode-server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'test-output');
const verbose = process.env.PW_VSCODE_VERBOSE === '1';

const cleanups = [];
let cleaning;
function cleanup() {
  cleaning ??= (async () => {
    for (const c of cleanups.reverse()) {
      try { await c(); } catch (e) { console.error(`[vscode] cleanup: ${e.message}`); }
    }
  })();
  return cleaning;
}
let exiting = false;
let overall;
let resultsWritten = false;
/** Stops everything this run started, then exits: on every path out. */
async function finish(code, message, { signal = false } = {}) {
  if (exiting) return;
  exiting = true;
  clearTimeout(overall);
  if (message) console.error(`[vscode] ${message}`);
  if (code !== 0 && !resultsWritten) writeResults({ passed: 0, failed: 1, pending: 0, error: message ?? `exit ${code}` });
  saveWorkbenchLog(code !== 0 && !suitesReported && !signal);
  await cleanup();
  process.exit(code);
}
for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.on(sig, () => finish(code, `${sig}: stopping`, { signal: true }));
}
process.on('uncaughtException', (e) => finish(1, `uncaught error: ${e.stack ?? e}`));
process.on('unhandledRejection', (e) => finish(1, `unhandled rejection: ${e?.stack ?? e}`));
// One deadline over all the runs (install excepted), whatever hangs: five
// minutes a run unless PW_VSCODE_TIMEOUT_MS says otherwise.
function startDeadline() {
  const deadline = Number(process.env.PW_VSCODE_TIMEOUT_MS || RUNS.length * 5 * 60_000);
  overall = setTimeout(() => finish(1, `the runs did not finish within ${deadline / 1000} s (PW_VSCODE_TIMEOUT_MS): stopped`), deadline);
}

const workbenchLog = [];
let suitesReported = false;
let tailPrinted = false;
function saveWorkbenchLog(printTail) {
  if (!workbenchLog.length) return;
  printTail &&= !tailPrinted;
  tailPrinted ||= printTail;
  const file = join(out, 'results', 'vscode-workbench.log');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${workbenchLog.join('\n')}\n`);
  if (printTail) {
    console.error('[vscode] The suites did not report; the workbench log ends with:');
    for (const l of workbenchLog.slice(-30)) console.error(`  ${l.split('\n').slice(0, 4).join('\n  ')}`);
    console.error(`[vscode] (all of it: ${relative(root, file)})`);
  }
}
/** Workbench lines that are not the suites' output, should they come while the suites run. */
function isNoise(text) {
  const first = text.split('\n')[0];
  return /^\s*\[[A-Za-z][\w: -]*\]/.test(first) || /ENOTFOUND|getaddrinfo|open-vsx|marketplace|authentication provider/i.test(first)
    // A folder deleted through a WorkspaceEdit: VS Code tries to keep its content for undo.
    || /^Unable to read file '.*' that is actually a directory/.test(first)
    // The write a suite makes fail on purpose (a file where a folder should be), as VS Code logs it.
    || /^(IGNORING workspace edit: )?Error: Unable to write file|^Unable to write file '.*' \(Error: Unable to create folder/.test(first);
}

function writeResults(results) {
  resultsWritten = true;
  mkdirSync(join(out, 'results'), { recursive: true });
  writeFileSync(join(out, 'results', 'vscode.json'), `${JSON.stringify(results)}\n`);
}

/**
 * The runs: the suites in VS Code's Node extension host, again in the web
 * worker extension host (the extension's `browser` bundle, as on vscode.dev),
 * and once more with workspace trust on and the folder not trusted.
 */
const RUNS = [
  { name: 'Node extension host', tests: 'dist/test/vscode/index.js' },
  { name: 'web worker extension host', tests: 'dist/test/web/index.js', web: true },
  { name: 'untrusted workspace', tests: 'dist/test/vscode/index.js', untrusted: true },
].filter((r) => !process.env.PW_VSCODE_RUNS || process.env.PW_VSCODE_RUNS.split(',').some((n) => r.name.startsWith(n)));

/**
 * The extension as vscode.dev sees it, in a folder of its own: the same
 * files, without `main` in the manifest. A workbench with a remote runs an
 * extension that has both `main` and `browser` in the Node host, and this
 * code-server build ignores the payload's extensionDevelopmentKind (its
 * browser environment names it differently), which is passed all the same.
 */
function webExtensionCopy(dir) {
  for (const p of ['dist/web', 'dist/webview', 'dist/test/web', 'media', 'schemas', 'snippets', 'test/fixtures/hostile', 'package.nls.json']) {
    cpSync(join(root, p), join(dir, p), { recursive: true });
  }
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  delete manifest.main;
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

/** Workspace trust on, and no prompt: the folder opens in restricted mode. */
const UNTRUSTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'security.workspace.trust.emptyWindow': false,
};

async function main() {
  await ensureCodeServer();
  startDeadline();
  if (process.env.PW_SKIP_BUILD !== '1') {
    const b = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: verbose ? 'inherit' : 'pipe' });
    if (b.status !== 0) throw new Error(`build failed:\n${b.stderr}`);
  }
  // Playwright's own signal handlers would exit the process as soon as the
  // browser is closed, before code-server is stopped: this script handles them.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  cleanups.push(() => browser.close());
  cleanups.push(stopAllServers); // also when a signal comes while one starts

  const totals = { passed: 0, failed: 0, pending: 0 };
  let ok = true;
  for (const [i, run] of RUNS.entries()) {
    console.log(`[vscode] ${run.name}`);
    const r = await suiteRun(browser, run, i === 0);
    if (exiting) return 1; // interrupted: finish() is stopping everything
    for (const k of Object.keys(totals)) totals[k] += r.counts[k] ?? 0;
    ok &&= r.ok;
    console.log(`[vscode] ${run.name}: ${r.counts.passed} passed, ${r.counts.failed} failed${r.counts.pending ? `, ${r.counts.pending} skipped` : ''}`);
  }
  writeResults(totals);
  console.log(`[vscode] ${totals.passed} passed, ${totals.failed} failed${totals.pending ? `, ${totals.pending} skipped` : ''} in the workbench`);
  return ok ? 0 : 1;
}

/** One run of the suites on a fresh copy of the fixture workspace, in a server of its own. */
async function suiteRun(browser, run, withUiCheck) {
  const tmp = mkdtempSync(join(tmpdir(), 'pw-vscode-'));
  cleanups.push(() => rmSync(tmp, { recursive: true, force: true }));
  const workspace = join(tmp, 'workspace');
  cpSync(join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });

  // Quiet, predictable workbench: no chat panel, no welcome page.
  mkdirSync(join(tmp, 'user-data', 'User'), { recursive: true });
  const settings = { ...WORKBENCH_SETTINGS, ...(run.untrusted ? UNTRUSTED_SETTINGS : {}) };
  writeFileSync(join(tmp, 'user-data', 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const server = await startServer({
    workspace,
    userDataDir: join(tmp, 'user-data'),
    extensionsDir: join(tmp, 'extensions'),
    smokeTestDriver: true,
    workspaceTrust: run.untrusted === true,
    env: run.untrusted ? { PW_EXPECT_UNTRUSTED: '1' } : {},
    log: (s) => { if (verbose) process.stdout.write(`[server] ${s}`); },
  });
  console.log(`[vscode] code-server at ${server.url}`);
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });

  let counts;
  let resolveExit;
  const exitCode = new Promise((r) => { resolveExit = r; });
  // Both must exist before the page loads: the workbench looks them up on start.
  // Every workbench log line arrives here, the extension host's console among
  // them. The lines between the runner's PW_TESTS_BEGIN and PW_RESULTS are the
  // suites' output and are printed; the rest (workbench chatter, failed look-ups
  // of marketplace hosts) goes to test-output/results/vscode-workbench.log, and
  // its tail is printed when the run fails before the suites report.
  let inTests = false;
  suitesReported = false;
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = format(...(Array.isArray(args) ? args : [args]));
    workbenchLog.push(`[${run.name}] [${type}] ${text}`);
    if (text.includes('PW_TESTS_BEGIN')) {
      inTests = true;
      return;
    }
    const m = /PW_RESULTS (\{.*\})/.exec(text);
    if (m) {
      counts = JSON.parse(m[1]);
      suitesReported = true;
      inTests = false;
    }
    if (!(inTests || m || verbose) || (!verbose && isNoise(text))) return;
    for (const line of text.split('\n')) console.log(`  [host] ${line}`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const extension = run.web ? webExtensionCopy(join(tmp, 'extension')) : root;
  const payload = [
    ['extensionDevelopmentPath', remote(extension)],
    ['extensionTestsPath', remote(join(extension, run.tests))],
    ...(run.web ? [['extensionDevelopmentKind', 'web']] : []),
    ['skipWelcome', 'true'],
  ];
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  const code = await exitCode;
  if (exiting) return { counts: {}, ok: false };
  counts ??= { passed: 0, failed: 0, pending: 0 };
  // A run that failed without a failing test (a suite that did not load, say) still fails.
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  if (!suitesReported) saveWorkbenchLog(true);
  // Its extension host would keep running next to the UI check's.
  await page.close().catch(() => {});

  let ui = true;
  if (withUiCheck) {
    // The UI as a person sees it: the extension's view container in the
    // activity bar, the Partners view open, and a screenshot to look at.
    ui = await uiCheck(browser, server, workspace);
    if (ui) counts.passed++;
    else counts.failed++;
  }
  await server.stop();
  return { counts, ok: code === 0 && ui };
}

async function uiCheck(browser, server, workspace) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  // The development extension again, without tests, so the container shows.
  const payload = [['extensionDevelopmentPath', remote(root)], ['skipWelcome', 'true']];
  try {
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const item = page.locator('.activitybar [aria-label*="Partner Worksheets"]').first();
    await item.waitFor({ state: 'visible', timeout: 60_000 });
    await item.click();
    // The sidebar now shows the container, with the Partners view in it.
    await page.locator('.part.sidebar .composite.title', { hasText: 'Partner Worksheets' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('.part.sidebar .monaco-list-row').first().waitFor({ state: 'visible', timeout: 30_000 });
    mkdirSync(join(out, 'screenshots'), { recursive: true });
    await page.screenshot({ path: join(out, 'screenshots', 'workbench.png') });
    console.log('  ✔ the workbench shows the Partner Worksheets view container (test-output/screenshots/workbench.png)');
    return true;
  } catch (e) {
    mkdirSync(join(out, 'screenshots'), { recursive: true });
    await page.screenshot({ path: join(out, 'screenshots', 'workbench-failed.png') }).catch(() => {});
    console.log(`  ✖ UI check: ${e.message.split('\n')[0]}`);
    return false;
  } finally {
    await page.close().catch(() => {});
  }
}

main().then(
  (code) => finish(code),
  (e) => finish(1, e.message),
);
