// `npm start`: build and package the extension, install the .vsix into a local
// VS Code (code-server), and serve the example workspace on 127.0.0.1.
// Ctrl-C stops everything it started.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { WORKBENCH_SETTINGS, cacheRoot, ensureCodeServer, installVsix, startServer, stopAllServers } from './vscode-server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { port: { type: 'string' }, folder: { type: 'string' } } });
const port = Number(values.port ?? process.env.PORT ?? 8080);
const workspace = resolve(root, values.folder ?? 'examples/community-team');
const vsix = join(root, 'dist', 'partner-worksheets.vsix');

function step(name, cmd, args) {
  console.log(`[start] ${name}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`[start] ${name} failed`);
    process.exit(1);
  }
}

// Ctrl-C (or SIGTERM) at any point stops the server if it is up, then exits.
let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\n[start] Stopping');
  await stopAllServers();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
process.on('SIGHUP', shutdown);

if (!existsSync(workspace)) {
  console.error(`[start] No workspace at ${workspace}: the example workspace is missing (pass another folder with --folder PATH).`);
  process.exit(2);
}
try {
  // The browser is the user's own here: only the kerberos headers are needed.
  await ensureCodeServer({ browser: false });
} catch (e) {
  console.error(`[start] ${e.message}`);
  process.exit(1);
}
step('Building', 'npm', ['run', '--silent', 'build', '--', '--production']);
step('Packaging', process.execPath, [join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix]);

// Kept between runs (outside the repository) so settings and opened editors persist.
const home = join(cacheRoot, 'start');
const userDataDir = join(home, 'user-data');
const extensionsDir = join(home, 'extensions');
mkdirSync(join(userDataDir, 'User'), { recursive: true });
const settings = join(userDataDir, 'User', 'settings.json');
// Our defaults fill in what the settings lack; what a person changed stays.
let current = {};
try {
  if (existsSync(settings)) current = JSON.parse(readFileSync(settings, 'utf8'));
} catch {
  current = null; // not plain JSON (comments): leave the file alone
}
if (current) writeFileSync(settings, `${JSON.stringify({ ...WORKBENCH_SETTINGS, ...current }, null, 2)}\n`);
console.log('[start] Installing the extension into code-server');
installVsix(vsix, extensionsDir, userDataDir);

let server;
try {
  server = await startServer({ workspace, port, userDataDir, extensionsDir, log: (s) => { if (process.env.PW_VSCODE_VERBOSE === '1') process.stdout.write(`[server] ${s}`); } });
} catch (e) {
  console.error(`[start] ${e.message}${/EADDRINUSE|did not answer/.test(e.message) ? ` (is port ${port} in use? try PORT=9000 npm start)` : ''}`);
  process.exit(1);
}
console.log(`\nPartner Worksheets is running on the example workspace:\n\n  ${server.url}/?folder=${encodeURIComponent(workspace)}\n\nOpen it in a browser. Ctrl-C stops the server.\n`);
server.exited.then(() => {
  if (stopping) return;
  console.error('[start] code-server stopped unexpectedly (run with PW_VSCODE_VERBOSE=1 to see its log)');
  process.exit(1);
});
