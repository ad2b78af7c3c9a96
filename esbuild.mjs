// Builds every bundle the project ships or tests:
//   dist/extension.js       the extension's entry in the Node extension host: a loader for
//   dist/extension-main.js  the extension's bundle (CommonJS), with V8's code from an earlier session
//   dist/nlp.js             the language tools the review's suggestions require, apart
//   dist/web/extension.js   the same extension for the web worker extension host
//   dist/cli.js             the command-line tool (`partner-worksheets`): a loader for
//   dist/cli-main.js        the CLI's bundle, and
//   dist/cli-main.code-cache  V8's code for it, written after a check of the examples (bin.ts)
//   dist/read-ahead.js      the CLI's reading thread (read-ahead-worker.ts), a script of its own
//   dist/webview/main.js    the team review panel's page
//   dist/webview/form/main.js  the worksheet form's page
//   dist/webview/history/main.js  the partner history panel's page
//   dist/test/vscode/*.js   suites that run inside a real VS Code extension host
//   dist/test/web/index.js  the same suites, bundled for the web worker extension host
//   dist/THIRD-PARTY-NOTICES.txt  the licences of the libraries in the shipped bundles
// `node esbuild.mjs --watch` rebuilds on change; `--production` minifies.
import * as esbuild from 'esbuild';
import { readdirSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { writeThirdPartyNotices } from './scripts/third-party-notices.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  legalComments: 'none',
};

/** The suites' TypeScript files for the Node extension host: one bundle each (web/ is bundled apart). */
function testEntries(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

/** Node's assert resolves to the browser port in the web suites' bundle. */
const browserAssert = {
  name: 'browser-assert',
  setup(build) {
    build.onResolve({ filter: /^(node:)?assert(\/strict)?$/ }, (args) => (args.path.endsWith('strict')
      ? { path: resolve('test/vscode/web/assert-strict.cjs') }
      : undefined));
  },
};

/**
 * esbuild writes ASCII, but leaves characters as they are in regular
 * expressions (a dependency's `/[-–—]/`); this writes those as \u escapes,
 * which mean the same there and anywhere else. The CLI's loader then reads
 * its bundle as Latin-1, a copy, where UTF-8 would be decoded (bin.ts). A
 * character escaped already (`\’`, an identity escape) loses that backslash.
 */
const asciiOnly = {
  name: 'ascii-only',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length) return;
      for (const file of Object.keys(result.metafile?.outputs ?? {})) {
        if (!file.endsWith('.js')) continue;
        const text = readFileSync(file, 'utf8');
        const ascii = text.replace(/(\\*)([\u0080-\uffff])/g, (_, slashes, c) => `${slashes.slice(slashes.length % 2)}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
        if (ascii !== text) writeFileSync(file, ascii);
      }
    });
  },
};

/**
 * compromise (over a quarter of the extension's bundle) tags words for the review's
 * suggested themes, and is required only when a review first suggests one
 * (core/summary/themes.ts). In the Node extension host it is a file of its
 * own beside the bundle, so activation neither reads nor parses it.
 */
const nlpApart = {
  name: 'nlp-apart',
  setup(build) {
    build.onResolve({ filter: /^compromise\/two$/ }, () => ({ path: './nlp.js', external: true }));
  },
};

/**
 * esbuild gives each module that imports the external `vscode` its own copy of
 * the API's namespace (a getter for each of its hundreds of names): 22 modules
 * spent 20 ms of every activation on it. Here they all import one module that
 * re-exports the API, made once.
 */
const oneVscodeNamespace = {
  name: 'one-vscode-namespace',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' }));
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

const builds = [
  {
    ...common,
    // The loader VS Code loads (extension-loader.ts), and the extension's bundle it
    // loads with V8's code from an earlier session: both ASCII, read as Latin-1 (code-cache.ts).
    entryPoints: { extension: 'src/extension-loader.ts', 'extension-main': 'src/extension.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
    plugins: [nlpApart, oneVscodeNamespace, asciiOnly],
  },
  {
    ...common,
    // compromise for the Node extension host, required from extension-main.js (nlpApart).
    stdin: { contents: "module.exports = require('compromise/two');", resolveDir: '.', sourcefile: 'nlp.js', loader: 'js' },
    outfile: 'dist/nlp.js',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    sourcemap: false,
    plugins: [asciiOnly],
  },
  {
    ...common,
    // vscode.dev and github.dev run extensions in a web worker: no Node at all.
    // The extension reads files only through vscode.workspace.fs, so the same
    // sources bundle for the browser; a Node built-in creeping in fails here.
    entryPoints: { extension: 'src/extension.ts' },
    outdir: 'dist/web',
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    plugins: [oneVscodeNamespace],
  },
  {
    ...common,
    // The npm package ships the bundle without a 2 MB source map, so it
    // points to none; the CLI is debugged from source (its tests run the TypeScript).
    entryPoints: { 'cli-main': 'src/cli/main.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    sourcemap: false,
    plugins: [asciiOnly],
  },
  {
    ...common,
    // The CLI's reading thread (read-ahead.ts): a small script of its own.
    entryPoints: { 'read-ahead': 'src/cli/read-ahead-worker.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    sourcemap: false,
  },
  {
    ...common,
    // The binary: loads cli-main.js with its code cache.
    entryPoints: { cli: 'src/cli/bin.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    sourcemap: false,
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    ...common,
    // The webview pages (the review panel, the worksheet form): no Node, no VS Code API.
    entryPoints: { main: 'src/webview/main.ts', 'form/main': 'src/webview/form/main.ts', 'history/main': 'src/webview/history/main.ts' },
    outdir: 'dist/webview',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

// The bundles above ship (in the .vsix and the npm package); the test bundles below do not.
const shipped = builds.length;
for (const b of builds) b.metafile = true;

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

if (vscodeTests.length > 0 && !production) {
  // `*.node.test.ts` suites need Node (a FIFO, a symbolic link): the Node extension host runs them only.
  const suites = readdirSync('test/vscode').filter((f) => f.endsWith('.test.ts') && !f.endsWith('.node.test.ts')).sort();
  builds.push({
    ...common,
    // One module: the mocha setup first, then every suite, in this order.
    stdin: {
      contents: ["export { run } from './web/index';", ...suites.map((f) => `import './${f.replace(/\.ts$/, '')}';`)].join('\n'),
      resolveDir: 'test/vscode',
      sourcefile: 'web-suites.ts',
      loader: 'ts',
    },
    outfile: 'dist/test/web/index.js',
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    plugins: [browserAssert],
    inject: ['test/vscode/web/process-shim.ts'],
  });
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  const results = await Promise.all(builds.map((b) => esbuild.build(b)));
  // The validators (src/core/generated) are ajv's code generated from the schemas: its notice ships
  // whether or not they import any of its runtime.
  writeThirdPartyNotices(results.slice(0, shipped).map((r) => r.metafile), 'dist/THIRD-PARTY-NOTICES.txt', ['node_modules/ajv']);
  writeCliCodeCache();
}

/**
 * V8's code for the CLI's bundle, made by a plain `node` (no flags: V8 takes
 * a cache back only under the flags it was made with) checking the example
 * workspace. Without it the command works as well, compiling its bundle each
 * run: a failure here is said, and does not fail the build.
 */
function writeCliCodeCache() {
  const script = "require('./dist/cli.js').writeCodeCache('examples/community-team').catch((e) => { console.error(e); process.exitCode = 1; })";
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  if (r.status !== 0) console.warn(`dist/cli-main.code-cache not written; the CLI compiles its bundle each run.\n${r.stderr ?? r.error}`);
}
