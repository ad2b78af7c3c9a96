// Activation to a diagnostic on every file, in a real VS Code workbench
// (code-server, as the workbench tests use), against the floor of reading and
// js-yaml-loading the same files through vscode.workspace.fs in the same
// extension host. `node bench/workbench-diagnostics.mjs <corpus folder> [runs]`;
// prints one JSON line: {"samples": [{floorMs, diagnosticsMs, ...}, ...]}.
// Each sample opens a fresh workspace folder (no snapshot of an earlier one:
// a cold start) into which the probe moves the corpus.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, WORKBENCH_SETTINGS, ensureCodeServer, startServer, stopAllServers } from '../scripts/vscode-server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(process.argv[2]);
const runs = Number(process.argv[3] || 3);
const SAMPLE_TIMEOUT_MS = 360_000;

async function main() {
  await ensureCodeServer({ log: (m) => console.error(m) });
  const tmp = mkdtempSync(join(tmpdir(), 'pw-diagnostics-'));
  let browser;
  try {
    mkdirSync(join(tmp, 'user-data', 'User'), { recursive: true });
    const quiet = { 'git.enabled': false, 'npm.autoDetect': 'off', 'debug.javascript.autoAttachFilter': 'disabled', 'extensions.ignoreRecommendations': true };
    writeFileSync(join(tmp, 'user-data', 'User', 'settings.json'), JSON.stringify({ ...WORKBENCH_SETTINGS, ...quiet }));
    const server = await startServer({ workspace: undefined, userDataDir: join(tmp, 'user-data'), extensionsDir: join(tmp, 'extensions'), smokeTestDriver: true, env: { PW_BENCH_CORPUS: corpus } });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(root)],
      ['extensionTestsPath', remote(join(root, 'bench', 'diagnostics-probe.cjs'))],
      ['skipWelcome', 'true'],
    ];
    const samples = [];
    // One warm-up sample first: the server's first workbench is slower.
    for (let i = 0; i <= runs; i++) {
      // A new folder each time: its own workspace storage, so no index snapshot from the run before.
      const workspace = join(tmp, `workspace-${i}`);
      mkdirSync(workspace, { recursive: true });
      writeFileSync(join(workspace, 'README.md'), 'A team folder; the worksheets arrive when the probe runs.\n');
      const url = `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      const page = await browser.newPage();
      let result;
      const done = new Promise((resolveDone, reject) => {
        const timer = setTimeout(() => reject(new Error(`no result within ${SAMPLE_TIMEOUT_MS / 1000} s`)), SAMPLE_TIMEOUT_MS);
        page.exposeFunction('codeAutomationLog', (_type, args) => {
          const m = /PW_BENCH (\{.*\})/.exec(format(...(Array.isArray(args) ? args : [args])));
          if (m) result = JSON.parse(m[1]);
        });
        page.exposeFunction('codeAutomationExit', (code) => {
          clearTimeout(timer);
          if (Number(code) === 0 && result) resolveDone(result);
          else reject(new Error(`the probe exited with ${code}`));
        });
      });
      await page.goto(url);
      const r = await done;
      if (r.wasActive) throw new Error('the extension was already active: the measurement would be empty');
      if (i > 0) samples.push(r);
      await page.close();
    }
    console.log(JSON.stringify({ samples }));
  } finally {
    await browser?.close();
    await stopAllServers();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch(async (e) => {
  console.error(e?.stack ?? String(e));
  await stopAllServers();
  process.exit(1);
});
