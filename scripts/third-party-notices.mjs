// The bundles carry the code of the libraries they import, and those licences
// (MIT, ISC, BSD-3-Clause) ask that each copy keep the copyright and licence
// text. esbuild's metafile lists every input of a bundle, so the libraries in
// it are the node_modules folders among those inputs: this writes their
// licences into one file that ships beside the bundles, in the npm package and
// in the .vsix.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The package folders (innermost node_modules/<name>) among the bundles' inputs. */
function bundledPackages(metafiles) {
  const dirs = new Set();
  for (const metafile of metafiles) {
    for (const input of Object.keys(metafile.inputs)) {
      const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (m) dirs.add(m[1]);
    }
  }
  return [...dirs].sort();
}

/**
 * `generatedBy`: package folders whose output the bundles carry without
 * importing them, as the schema validators ajv writes at build time.
 */
export function writeThirdPartyNotices(metafiles, outFile, generatedBy = []) {
  const sections = [...new Set([...bundledPackages(metafiles), ...generatedBy])].sort().map((dir) => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const licence = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    // A library without its licence text cannot ship in a bundle: fail the build.
    if (!licence) throw new Error(`${pkg.name} has no licence file to ship with the bundles`);
    return `${pkg.name} ${pkg.version} (${pkg.license})\n\n${readFileSync(join(dir, licence), 'utf8').trim()}\n`;
  });
  const rule = `\n${'-'.repeat(72)}\n\n`;
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, `Partner Worksheets bundles code from these libraries, under their own licences.\n${rule}${sections.join(rule)}`);
}
