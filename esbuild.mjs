// Builds every bundle the project ships or tests:
//   dist/extension.js       the extension (Node extension host, CommonJS)
//   dist/cli.js             the command-line tool (`partner-worksheets`)
//   dist/webview/main.js    the team review panel's page
//   dist/test/vscode/*.js   suites that run inside a real VS Code extension host
// `node esbuild.mjs --watch` rebuilds on change; `--production` minifies.
import * as esbuild from 'esbuild';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  legalComments: 'none',
};

function testEntries(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

const builds = [
  {
    ...common,
    entryPoints: { extension: 'src/extension.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    ...common,
    // The review panel's page: runs in the webview, no Node, no VS Code API.
    entryPoints: { main: 'src/webview/main.ts' },
    outdir: 'dist/webview',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

const vscodeTests = testEntries('test/vscode');
if (vscodeTests.length > 0 && !production) {
  builds.push({
    ...common,
    entryPoints: vscodeTests,
    outbase: 'test/vscode',
    outdir: 'dist/test/vscode',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    // mocha is loaded from node_modules at run time: it resolves reporters
    // and its own files dynamically, which a bundle would break.
    external: ['vscode', 'mocha'],
  });
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
