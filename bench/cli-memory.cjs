// Preloaded into a `check` process by the benchmark (node --trace-gc
// --require bench/cli-memory.cjs dist/cli.js check ...): when the command is
// done, writes the process's peak resident set to $PW_BENCH_MEMORY. The peak
// heap comes from the --trace-gc lines (the heap in use before each collection).
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  const out = process.env.PW_BENCH_MEMORY;
  if (out) writeFileSync(out, JSON.stringify({ peakRss: process.resourceUsage().maxRSS * 1024 }));
});
