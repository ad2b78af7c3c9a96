// `npm run test:vscode`: runs test/vscode/*.test.ts inside a real VS Code
// workbench (code-server) driven by headless Chromium, then checks the
// workbench UI. Exits with the tests' exit code; always stops what it started.
import { spawnSync } from 'node:child_process';
import { format } from 'node:util';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, WORKBENCH_SETTINGS, checkPrerequisites, ensureCodeServer, startServer } from './vscode-server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEADLINE_MS = Number(process.env.PW_VSCODE_TIMEOUT_MS || 6 * 60_000);
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
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    console.error(`[vscode] ${sig}: stopping`);
    await cleanup();
    process.exit(130);
  });
}

function writeResults(results) {
  mkdirSync(join(out, 'results'), { recursive: true });
  writeFileSync(join(out, 'results', 'vscode.json'), `${JSON.stringify(results)}\n`);
}

async function main() {
  checkPrerequisites();
  ensureCodeServer();
  if (process.env.PW_SKIP_BUILD !== '1') {
    const b = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: verbose ? 'inherit' : 'pipe' });
    if (b.status !== 0) throw new Error(`build failed:\n${b.stderr}`);
  }

  const tmp = mkdtempSync(join(tmpdir(), 'pw-vscode-'));
  cleanups.push(() => rmSync(tmp, { recursive: true, force: true }));
  const workspace = join(tmp, 'workspace');
  cpSync(join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });

  // Quiet, predictable workbench: no chat panel, no welcome page.
  mkdirSync(join(tmp, 'user-data', 'User'), { recursive: true });
  writeFileSync(join(tmp, 'user-data', 'User', 'settings.json'), JSON.stringify(WORKBENCH_SETTINGS, null, 2));
  const server = await startServer({
    workspace,
    userDataDir: join(tmp, 'user-data'),
    extensionsDir: join(tmp, 'extensions'),
    smokeTestDriver: true,
    log: (s) => { if (verbose) process.stdout.write(`[server] ${s}`); },
  });
  cleanups.push(() => server.stop());
  console.log(`[vscode] code-server at ${server.url}`);

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  cleanups.push(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });

  let counts;
  const exitCode = new Promise((resolveExit) => {
    page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      const m = /PW_RESULTS (\{.*\})/.exec(text);
      if (m) counts = JSON.parse(m[1]);
      // The workbench logs its own chatter (accounts, marketplace, agents) the same way.
      if (!verbose && /^\s*\[[A-Za-z]+\]/.test(text)) return;
      for (const line of text.split('\n')) console.log(`  ${line}`);
    });
    page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
  });
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(root)],
    ['extensionTestsPath', remote(join(root, 'dist', 'test', 'vscode', 'index.js'))],
    ['skipWelcome', 'true'],
  ];
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  let timer;
  const timeout = new Promise((_, rej) => { timer = setTimeout(() => rej(new Error(`the suites did not finish within ${DEADLINE_MS / 1000}s`)), DEADLINE_MS); });
  const code = await Promise.race([exitCode, timeout]).finally(() => clearTimeout(timer));
  counts ??= { passed: 0, failed: code === 0 ? 0 : 1, pending: 0 };

  // The UI as a person sees it: the extension's view container in the
  // activity bar, the Partners view open, and a screenshot to look at.
  const ui = await uiCheck(browser, server, workspace);
  if (ui) counts.passed++;
  else counts.failed++;
  writeResults(counts);
  console.log(`[vscode] ${counts.passed} passed, ${counts.failed} failed${counts.pending ? `, ${counts.pending} skipped` : ''} in the workbench`);
  return code === 0 && ui ? 0 : 1;
}

async function uiCheck(browser, server, workspace) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  // The development extension again, without tests, so the container shows.
  const payload = [['extensionDevelopmentPath', remote(root)], ['skipWelcome', 'true']];
  try {
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const item = page.locator('.activitybar [aria-label^="Partner Worksheets"]').first();
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

main()
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (e) => {
    console.error(`[vscode] ${e.message}`);
    writeResults({ passed: 0, failed: 1, pending: 0, error: e.message });
    await cleanup();
    process.exit(1);
  });
