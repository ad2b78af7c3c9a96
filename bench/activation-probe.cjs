// Loaded by the extension host as its "tests" module in a workspace with no
// worksheets, so nothing has activated the extension yet: times what VS Code
// counts as activation (loading the bundle, running activate()).
const vscode = require('vscode');

exports.run = async function run() {
  const ext = vscode.extensions.getExtension('partner-worksheets.partner-worksheets');
  if (!ext) throw new Error('the extension is not loaded');
  const wasActive = ext.isActive;
  const started = performance.now();
  await ext.activate();
  const activationMs = performance.now() - started;
  // The extension host ends when this returns: first let the loader write its
  // code cache, which it does once the first index is built (the bench reads it).
  await ext.exports.whenIndexed();
  await new Promise((resolve) => setImmediate(resolve));
  console.log(`PW_BENCH ${JSON.stringify({ activationMs, wasActive })}`);
};
