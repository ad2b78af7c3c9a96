// Loaded by the extension host as its "tests" module (bench/workbench-diagnostics.mjs):
// moves the prepared worksheets into the still-empty workspace, measures the
// floor (finding the files, reading them through vscode.workspace.fs and
// loading each with js-yaml in this host), then activates the extension and
// measures until the diagnostics feature has checked every file.
const vscode = require('vscode');
const { renameSync } = require('node:fs');
const { join } = require('node:path');
const { load } = require('js-yaml');

const DEADLINE_MS = 300_000;

exports.run = async function run() {
  const corpus = process.env.PW_BENCH_CORPUS;
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!corpus || !folder) throw new Error('no corpus or no workspace folder');
  const ext = vscode.extensions.getExtension('partner-worksheets.partner-worksheets');
  if (!ext) throw new Error('the extension is not loaded');
  const wasActive = ext.isActive;
  const team = join(folder.uri.fsPath, 'team');
  renameSync(corpus, team);
  try {
    // The search service's first use starts it: not counted in either measure.
    const pattern = new vscode.RelativePattern(folder, '**/*.{worksheet,convening,review}.{yaml,yml}');
    await vscode.workspace.findFiles(pattern);
    // The floor: what finding, reading and loading every file costs in this host.
    let started = performance.now();
    const uris = await vscode.workspace.findFiles(pattern);
    const decoder = new TextDecoder('utf-8');
    let next = 0;
    const worker = async () => {
      while (next < uris.length) load(decoder.decode(await vscode.workspace.fs.readFile(uris[next++])));
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    const floorMs = performance.now() - started;

    started = performance.now();
    const api = await ext.activate();
    const activationMs = performance.now() - started;
    // Polled with a deadline: the diagnostics feature records each file it checked.
    const want = uris.length;
    await new Promise((resolve, reject) => {
      const poll = () => {
        if (api.services.findings.size >= want) resolve();
        else if (performance.now() - started > DEADLINE_MS) reject(new Error(`${api.services.findings.size} of ${want} files checked`));
        else setTimeout(poll, 5);
      };
      poll();
    });
    const diagnosticsMs = performance.now() - started;
    console.log(`PW_BENCH ${JSON.stringify({ floorMs, activationMs, diagnosticsMs, files: want, wasActive })}`);
  } finally {
    renameSync(team, corpus);
  }
};
