// The floor of `check`: a whole process that finds the same files as the CLI
// (every *.yaml and *.yml below the folder, skipping node_modules and .git),
// reads each and loads it with js-yaml, and does nothing else.
// `node bench/js-yaml-floor.cjs <folder>`; prints how many files it loaded.
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { load } = require('js-yaml');

const files = [];
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && e.name !== '.git') walk(full);
    } else if (/\.ya?ml$/.test(e.name)) files.push(full);
  }
};
walk(process.argv[2]);
files.sort();
for (const f of files) load(readFileSync(f, 'utf8'));
console.log(files.length);
