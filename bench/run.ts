// `npm run bench`: speed and size of the core against a peer and a floor, on a
// deterministic corpus. Medians of several runs; ratios computed in the same
// run; the table and the machine go to bench/RESULTS.md.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { parseDocument } from 'yaml';
import { load as jsYamlLoad } from 'js-yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from 'yaml-language-server/lib/umd/languageservice/yamlLanguageService';
import { chromium } from 'playwright-core';
import { WorkspaceIndex } from '../src/core/workspace';
import { checkText } from '../src/core/check';
import { readConfig } from '../src/core/facts';
import { summarize } from '../src/core/summary/summarize';
import { readLight } from '../src/core/yaml/light-tree';
import { nodeFileSystem } from '../src/cli/node-fs';
import { pageHtml } from '../src/features/review/page-html';
import { SCHEMAS } from '../src/core/schema';
import { roundName, writeCorpus } from './corpus';
import CHROMIUM from '../scripts/chromium.json';

const TODAY = '2026-12-20';
const quick = process.argv.includes('--quick');
const N = quick ? 2000 : 10_000;

interface Row { name: string; value: string; target?: string; ok?: boolean }
const rows: Row[] = [];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function time(fn: () => unknown | Promise<unknown>, runs: number, warmup = Math.min(3, runs)): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

const ms = (x: number) => (x < 1 ? `${(x * 1000).toFixed(0)} µs` : `${x.toFixed(x < 10 ? 2 : 0)} ms`);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pw-bench-'));
  try {
    console.log(`Writing ${N} worksheets to a temporary folder...`);
    const paths = writeCorpus(dir, { worksheets: N, rounds: 2 });
    // A typical worksheet: from the middle of the corpus, with question ids as the snippets write them (with comments)
    // and a one-line success note.
    const sample = paths.slice(Math.floor(paths.length / 2)).map((p) => readFileSync(p, 'utf8')).find((t) => /^ {4}- \S+ {2}# /m.test(t) && /^ {2}success_in_their_words: \w/m.test(t))!;
    // The same worksheet with its success note wrapped onto a second line: the light reader leaves that to the full parse.
    const declined = sample.replace(/^( {2}success_in_their_words: .*) (\S+)$/m, '$1\n    $2');
    if (!readLight(sample) || readLight(declined) || declined === sample) throw new Error('the samples do not take the paths they should');
    const config = readConfig(parseDocument(readFileSync(join(dir, 'partner-worksheets.yaml'), 'utf8')).toJS());

    console.log('Measuring one worksheet...');
    // 1. One worksheet: our full check vs yaml-language-server (peer) vs parseDocument (floor).
    const uri = `${dir}/partner-1/sample.worksheet.yaml`;
    const ours = await time(() => checkText(uri, sample, { today: TODAY, config }), 300, 50);
    const ls = getLanguageService({
      schemaRequestService: async () => JSON.stringify(SCHEMAS.worksheet),
      workspaceContext: { resolveRelativePath: (p: string) => p },
    });
    ls.configure({ validate: true, schemas: [{ uri: 'file:///worksheet.schema.json', fileMatch: ['*.worksheet.yaml'], schema: SCHEMAS.worksheet }] });
    const docFor = (i: number) => TextDocument.create(`file:///bench/${i}.worksheet.yaml`, 'yaml', i, sample);
    let version = 0;
    const peer = await time(() => ls.doValidation(docFor(++version), false), 300, 50);
    const floor = await time(() => parseDocument(sample), 300, 50);
    rows.push({ name: 'One worksheet, full check (parse, schema, rules, ranges)', value: ms(ours) });
    rows.push({ name: '  yaml-language-server doValidation, same schema (peer)', value: ms(peer) });
    rows.push({ name: '  yaml parseDocument alone (floor)', value: ms(floor) });
    rows.push({ name: '  ratio to the peer', value: ratio(ours, peer), target: '<= 0.5x', ok: ours / peer <= 0.5 });
    rows.push({ name: '  ratio to the floor', value: ratio(ours, floor) });
    const oursFull = await time(() => checkText(uri, declined, { today: TODAY, config }), 300, 50);
    const docForFull = (i: number) => TextDocument.create(`file:///bench/${i}.worksheet.yaml`, 'yaml', i, declined);
    const peerFull = await time(() => ls.doValidation(docForFull(++version), false), 300, 50);
    rows.push({ name: 'Same worksheet, a note over two lines (full yaml parse), full check', value: ms(oursFull) });
    rows.push({ name: '  yaml-language-server doValidation, same text (peer)', value: ms(peerFull) });
    rows.push({ name: '  ratio to the peer', value: ratio(oursFull, peerFull), target: '<= 0.5x', ok: oursFull / peerFull <= 0.5 });

    console.log('Measuring the cold index...');
    // 2. Cold index of N worksheets from disk vs js-yaml load of the same files.
    let index = new WorkspaceIndex(() => TODAY);
    const cold = await time(async () => {
      index = new WorkspaceIndex(() => TODAY);
      await index.loadFolder(nodeFileSystem, dir);
    }, quick ? 3 : 5, 1);
    const jsyaml = await time(async () => {
      const files = await nodeFileSystem.findFiles(dir);
      await Promise.all(files.map(async (f) => jsYamlLoad(new TextDecoder().decode(await nodeFileSystem.readFile(f)))));
    }, quick ? 3 : 5, 1);
    rows.push({ name: `Cold index of ${N} worksheets from disk`, value: ms(cold) });
    rows.push({ name: '  js-yaml load of the same files (floor)', value: ms(jsyaml) });
    rows.push({ name: '  ratio to the floor', value: ratio(cold, jsyaml), target: '<= 1.5x', ok: cold / jsyaml <= 1.5 });

    // Warm start: the persisted snapshot, every file's stamp checked, nothing parsed again.
    const stamping = { ...nodeFileSystem, stamp: async (f: string) => { const st = await stat(f); return `${st.mtimeMs}:${st.size}`; } };
    const first = await new WorkspaceIndex(() => TODAY).loadFolder(stamping, dir);
    const snapPath = join(dir, '..', `${dir.split(/[\\/]/).pop()}-snapshot.json`);
    writeFileSync(snapPath, JSON.stringify(index.snapshot((u) => first.stamps.get(u))));
    let reread = -1;
    const warm = await time(async () => {
      const w = new WorkspaceIndex(() => TODAY);
      const result = await w.loadFolder(stamping, dir, { snapshot: JSON.parse(await readFile(snapPath, 'utf8')) });
      reread = result.stamps.size - result.reused;
    }, quick ? 3 : 5, 1);
    rmSync(snapPath, { force: true });
    rows.push({ name: `Warm start from the persisted snapshot (${reread} files re-read)`, value: ms(warm) });
    rows.push({ name: '  ratio to the cold index', value: ratio(warm, cold), target: '<= 0.2x', ok: warm / cold <= 0.2 });

    console.log('Measuring a one-document update...');
    // 3. One-document update in the full index: new text in, new findings for it and its dependents out.
    const target = paths[7].split('\\').join('/');
    const original = readFileSync(paths[7], 'utf8');
    let flip = false;
    const update = await time(() => {
      flip = !flip;
      const change = index.set(target, flip ? original.replace('thanked: true', 'thanked: false') : original);
      for (const u of change.affected) index.check(u);
    }, 100, 10);
    rows.push({ name: `One-document update in a ${N}-worksheet index (edit to new diagnostics, dependents included)`, value: ms(update), target: '< 5 ms', ok: update < 5 });

    console.log('Measuring the trend summary...');
    // 4. Trend summary over every meeting (two rounds: the reviewed one and the one before).
    for (const d of index.documents()) index.check(d.uri); // warm the findings cache, as the extension has it
    const summary = await time(() => summarize(index, { round: roundName(1), today: TODAY }), quick ? 5 : 5, 1);
    rows.push({ name: `Trend summary of ${N} meetings`, value: ms(summary) });
    rows.push({ name: '  share of the cold index', value: `${((100 * summary) / cold).toFixed(1)}%`, target: '< 5%', ok: summary / cold < 0.05 });

    // 5. Heap after indexing N worksheets.
    const gc = (globalThis as { gc?: () => void }).gc;
    if (gc) {
      index = new WorkspaceIndex(() => TODAY);
      gc();
      const before = process.memoryUsage().heapUsed;
      await index.loadFolder(nodeFileSystem, dir);
      gc();
      const heap = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
      rows.push({ name: `Heap held by an index of ${N} worksheets`, value: `${heap.toFixed(0)} MB`, target: '< 150 MB', ok: heap < 150 });
    }

    console.log('Measuring the review page in Chromium...');
    // 6. The review page's first render with 1,000 partners, in headless Chromium.
    const thousand = new WorkspaceIndex(() => TODAY);
    for (const d of index.documents('worksheet').filter((d) => d.meeting?.round === roundName(1)).slice(0, 3000)) thousand.set(d.uri, d.text);
    const partners = thousand.partners().length;
    const big = summarize(thousand, { round: roundName(1), today: TODAY });
    rows.push({ name: `Review page first render, ${partners} partners (headless Chromium)`, value: ms(await renderInChromium(big)), target: '< 300 ms' });
    const last = rows[rows.length - 1];
    last.ok = parseFloat(last.value) < 300;

    console.log('Packaging...');
    // 7. Package size.
    const vsix = join('dist', 'partner-worksheets.vsix');
    const pack = spawnSync('npm', ['run', '--silent', 'package'], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 });
    if (pack.status === 0 && existsSync(vsix)) {
      const kb = statSync(vsix).size / 1024;
      rows.push({ name: '.vsix size', value: `${kb.toFixed(0)} KB`, target: '< 1 MB', ok: kb < 1024 });
    } else {
      rows.push({ name: '.vsix size', value: 'packaging failed' });
    }

    console.log('Measuring activation in VS Code...');
    // 8. Activation in the real workbench, of the production bundle packaging just built.
    const act = spawnSync(process.execPath, [join('bench', 'activation.mjs'), quick ? '3' : '7'], { encoding: 'utf8', timeout: 600_000 });
    const samples = act.status === 0 ? (JSON.parse(act.stdout.trim().split('\n').pop() ?? '{}') as { samples?: number[] }).samples : undefined;
    if (samples?.length) {
      const activation = median(samples);
      rows.push({ name: 'Extension activation in VS Code (code-server, production bundle)', value: ms(activation), target: '< 100 ms', ok: activation < 100 });
    } else {
      rows.push({ name: 'Extension activation in VS Code', value: `not measured: ${(act.stderr || String(act.error)).trim().split('\n').pop()}` });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  report();
}

async function renderInChromium(summary: ReturnType<typeof summarize>): Promise<number> {
  const js = readFileSync(join('dist', 'webview', 'main.js'), 'utf8');
  const html = pageHtml({ cspSource: "'self'", scriptUri: 'main.js', styleUri: 'review.css', nonce: 'bench' })
    .replace('<script nonce="bench" src="main.js"></script>', '<script nonce="bench">window.acquireVsCodeApi=()=>({postMessage(){},getState(){},setState(){}});</script><script nonce="bench" src="main.js"></script>');
  const browser = await chromium.launch({ executablePath: CHROMIUM.executablePath, args: CHROMIUM.args });
  try {
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await browser.newPage();
      await page.route('**/main.js', (r) => r.fulfill({ body: js, contentType: 'text/javascript' }));
      await page.route('**/review.css', (r) => r.fulfill({ body: readFileSync(join('media', 'review.css')), contentType: 'text/css' }));
      await page.route('http://bench.local/', (r) => r.fulfill({ body: html, contentType: 'text/html' }));
      await page.goto('http://bench.local/');
      // Runs in the page, as source text: the test transpiler would add helpers the page lacks.
      await page.evaluate(`window.__summary = ${JSON.stringify(summary)}`);
      const t = await page.evaluate(`new Promise((resolve, reject) => {
        setTimeout(() => reject(new Error('the page did not render within 20 s')), 20000);
        const t0 = performance.now();
        window.postMessage({ type: 'summary', summary: window.__summary }, '*');
        const check = () => document.querySelector('#commitments') ? requestAnimationFrame(() => resolve(performance.now() - t0)) : setTimeout(check, 1);
        check();
      })`) as number;
      samples.push(t);
      await page.close();
    }
    return median(samples);
  } finally {
    await browser.close();
  }
}

function report(): void {
  const width = Math.max(...rows.map((r) => r.name.length));
  const lines = rows.map((r) => `${r.name.padEnd(width)}  ${r.value.padStart(12)}${r.target ? `  target ${r.target} ${r.ok ? 'met' : 'MISSED'}` : ''}`);
  console.log(`\n${lines.join('\n')}\n`);
  const machine = `${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  const md = [
    '# Benchmark results',
    '',
    `Measured by \`npm run bench\`${quick ? ' --quick' : ''} on ${new Date().toISOString().slice(0, 10)}: ${machine}.`,
    'Medians of several runs; ratios computed within the same run.',
    '',
    '| measure | result | target |',
    '| --- | --- | --- |',
    ...rows.map((r) => `| ${r.name.trim()} | ${r.value} | ${r.target ? `${r.target}: ${r.ok ? 'met' : '**missed**'}` : ''} |`),
    '',
  ].join('\n');
  writeFileSync(join('bench', 'RESULTS.md'), md);
  console.log('Wrote bench/RESULTS.md');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
