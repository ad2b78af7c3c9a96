// What the .vsix holds, as vsce lists it from .vscodeignore: every file the
// extension loads at run time. The tests run the extension from the
// repository, where dist/ has everything, so a file left out of the package
// would fail only for people who install it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', shell: process.platform === 'win32' });
  if (r.error) throw r.error;
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

describe('the .vsix', function () {
  this.timeout(120_000);
  let files: string[];

  before(() => {
    // vsce lists the files there are: build them when the suite runs alone.
    if (!existsSync('dist/extension-main.js')) run(process.execPath, ['esbuild.mjs']);
    files = run('npx', ['vsce', 'ls', '--no-dependencies']).split('\n').map((l) => l.trim()).filter(Boolean);
  });

  it('holds the entries of both extension hosts, the bundle the loader loads and the files it requires', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string; browser: string };
    const needed = [manifest.main, manifest.browser, 'dist/extension-main.js'].map((f) => f.replace(/^\.\//, ''));
    // Files the bundle requires beside itself (the review's tagger, dist/nlp.js).
    for (const [, file] of readFileSync('dist/extension-main.js', 'latin1').matchAll(/require\("\.\/([^"]+)"\)/g)) needed.push(`dist/${file}`);
    assert.ok(needed.includes('dist/nlp.js'), needed.join(', '));
    for (const file of needed) assert.ok(files.includes(file), `${file} is not in the .vsix`);
  });

  it('holds the pages of the panels, and no source map', () => {
    for (const page of ['dist/webview/main.js', 'dist/webview/form/main.js', 'dist/webview/history/main.js']) assert.ok(files.includes(page), page);
    assert.deepEqual(files.filter((f) => f.endsWith('.map')), []);
  });
});
