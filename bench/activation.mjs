// Extension activation time in a real VS Code workbench (code-server, as the
// workbench tests use): a fresh extension host per sample, each loading the
// extension from the repository's dist/ and timing its activation. The loader
// keeps V8's code for the bundle in the extension's global storage after a
// session's first index (src/extension-loader.ts): `first` samples start
// without it, as the first session after an install or update does; `samples`
// with it, as every later one; `floor` is an extension that does nothing.
// Prints one JSON line: {"samples": [ms, ...], "first": [...], "floor": [...]}.
// `node bench/activation.mjs [runs]`.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, WORKBENCH_SETTINGS, ensureCodeServer, startServer, stopAllServers } from '../scripts/vscode-server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] || 5);
const SAMPLE_TIMEOUT_MS = 120_000;

async function main() {
  await ensureCodeServer({ log: (m) => console.error(m) });
  const tmp = mkdtempSync(join(tmpdir(), 'pw-activation-'));
  let browser;
  try {
    // No worksheet in the folder: no activation event fires before the probe asks.
    const workspace = join(tmp, 'workspace');
    mkdirSync(workspace, { recursive: true });
    writeFileSync(join(workspace, 'README.md'), 'An empty team folder.\n');
    mkdirSync(join(tmp, 'user-data', 'User'), { recursive: true });
    // Built-in extensions that would otherwise scan the folder while the probe measures.
    const quiet = { 'git.enabled': false, 'npm.autoDetect': 'off', 'debug.javascript.autoAttachFilter': 'disabled', 'extensions.ignoreRecommendations': true };
    writeFileSync(join(tmp, 'user-data', 'User', 'settings.json'), JSON.stringify({ ...WORKBENCH_SETTINGS, ...quiet }));
    const server = await startServer({ workspace, userDataDir: join(tmp, 'user-data'), extensionsDir: join(tmp, 'extensions'), smokeTestDriver: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const urlFor = (extension) => {
      const payload = [
        ['extensionDevelopmentPath', remote(extension)],
        ['extensionTestsPath', remote(join(root, 'bench', 'activation-probe.cjs'))],
        ['skipWelcome', 'true'],
      ];
      return `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    };
    // The floor: an extension of the same id whose activate() does nothing, in the same
    // host. What it takes is VS Code's (the context, its storage, the messages), not ours.
    const empty = join(tmp, 'empty-extension');
    mkdirSync(empty);
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    writeFileSync(join(empty, 'package.json'), JSON.stringify({ name: manifest.name, publisher: manifest.publisher, version: manifest.version, engines: manifest.engines, main: './extension.js' }));
    writeFileSync(join(empty, 'extension.js'), 'exports.activate = () => ({ whenIndexed: () => Promise.resolve() });\n');

    /** One activation in a fresh extension host: its time in ms. */
    const activation = async (extension) => {
      const page = await browser.newPage();
      let result;
      const done = new Promise((resolveDone, reject) => {
        const timer = setTimeout(() => reject(new Error(`no activation time within ${SAMPLE_TIMEOUT_MS / 1000} s`)), SAMPLE_TIMEOUT_MS);
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
      await page.goto(urlFor(extension));
      const r = await done;
      await page.close();
      if (r.wasActive) throw new Error('the extension was already active: the measurement would be empty');
      return r.activationMs;
    };

    const codeCache = join(tmp, 'user-data', 'User', 'globalStorage', `${manifest.publisher}.${manifest.name}`, 'code-cache', 'extension-main.bin');
    const samples = [];
    const first = [];
    const floor = [];
    // One warm-up round first, as the other measures have: the server's first workbench is
    // slower. Then rounds of the three in turn (the server gets faster as it runs): without
    // the code cache, with the one that activation left, and the floor.
    for (let i = 0; i <= runs; i++) {
      rmSync(codeCache, { force: true });
      const cold = await activation(root);
      // The probe returns once the loader has written the cache (activation-probe.cjs).
      if (!existsSync(codeCache)) throw new Error('the first activation left no code cache');
      const warm = await activation(root);
      const none = await activation(empty);
      if (i > 0) {
        first.push(cold);
        samples.push(warm);
        floor.push(none);
      }
    }
    console.log(JSON.stringify({ samples, first, floor }));
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
