// The CLI names every file both as a path and as the core's URI. Paths of
// plain characters skip vscode-uri; these tests hold the shortcut to the
// library's answer, on the paths people's repositories have.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { URI } from 'vscode-uri';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { slashed, toPath, toUri } from '../../src/cli/io';
import { relativeFrom } from '../../src/cli/check';
import { uriReference } from '../../src/cli/format';
import { main } from '../../src/cli/main';
import { nodeFileSystem } from '../../src/cli/node-fs';

/** Characters of folder and file names, plain and not: what a shortcut could get wrong. */
const NAME_CHARS = ['a', 'Z', '0', '-', '.', '_', '~', ' ', '#', '?', '%', ':', '@', '+', '&', '=', ',', ';', '!', '$', "'", '(', '[', '\\', 'é', '中', '😀'];

// Not empty: the CLI's paths are resolved, so never hold `//` (which vscode-uri refuses without an authority).
const name = fc.array(fc.constantFrom(...NAME_CHARS), { minLength: 1, maxLength: 6 }).map((cs) => cs.join(''));
const path = fc.array(name, { minLength: 1, maxLength: 5 }).map((names) => `/${names.join('/')}`);

describe('CLI paths and URIs', () => {
  it('give what vscode-uri gives, both ways, whatever the characters', () => {
    fc.assert(fc.property(path, (p) => {
      const uri = URI.file(p).toString();
      assert.equal(toUri(p), uri);
      assert.equal(toPath(uri), URI.parse(uri).fsPath);
    }), { numRuns: 20000 });
  });

  it('keep a worksheet path as it is, and a file with a space or a # percent-encoded', () => {
    assert.equal(toUri('/team/riverside-youth/2026-10-14.worksheet.yaml'), 'file:///team/riverside-youth/2026-10-14.worksheet.yaml');
    assert.equal(toPath('file:///team/riverside-youth/2026-10-14.worksheet.yaml'), '/team/riverside-youth/2026-10-14.worksheet.yaml');
    assert.equal(toUri('/team/Ana & Co/#1.worksheet.yaml'), 'file:///team/Ana%20%26%20Co/%231.worksheet.yaml');
    assert.equal(toPath('file:///team/Ana%20%26%20Co/%231.worksheet.yaml'), '/team/Ana & Co/#1.worksheet.yaml');
    assert.equal(toPath('file:///c:/team/a.worksheet.yaml'), URI.parse('file:///c:/team/a.worksheet.yaml').fsPath, 'a drive letter is the library\'s to read');
  });

  it('print each file relative to the working folder as path.relative does, inside it or not', () => {
    const segment = fc.oneof(name, fc.constantFrom('.', '..', 'a'));
    const anyPath = fc.array(segment, { minLength: 0, maxLength: 5 }).map((names) => `/${names.join('/')}`);
    fc.assert(fc.property(anyPath, anyPath, (cwd, p) => {
      assert.equal(relativeFrom(cwd)(p), relative(cwd, p), `${p} from ${cwd}`);
      assert.equal(relativeFrom(cwd)(`${cwd}/${p}`), relative(cwd, `${cwd}/${p}`), `${cwd}/${p} from ${cwd}`);
    }), { numRuns: 20000 });
    assert.equal(relativeFrom('/team')('/team/riverside/a.worksheet.yaml'), 'riverside/a.worksheet.yaml');
    assert.equal(relativeFrom('/')('/team/a.worksheet.yaml'), 'team/a.worksheet.yaml');
    // One function for a whole check: folders outside the working folder are worked out once and kept.
    fc.assert(fc.property(anyPath, fc.array(anyPath, { maxLength: 6 }), (cwd, folders) => {
      const fromCwd = relativeFrom(cwd);
      for (const p of [...folders, ...folders.map((f) => `${f}/a.worksheet.yaml`), ...folders.map((f) => `${f}/b.worksheet.yaml`)]) {
        assert.equal(fromCwd(p), relative(cwd, p), `${p} from ${cwd}`);
      }
    }), { numRuns: 5000 });
    const fromRepo = relativeFrom('/home/lee/repo');
    assert.equal(fromRepo('/srv/team/riverside/a.worksheet.yaml'), '../../../srv/team/riverside/a.worksheet.yaml');
    assert.equal(fromRepo('/srv/team/riverside/b.worksheet.yaml'), '../../../srv/team/riverside/b.worksheet.yaml');
    assert.equal(fromRepo('/home/lee/a.worksheet.yaml'), '../a.worksheet.yaml');
    assert.equal(fromRepo('/a.worksheet.yaml'), '../../../a.worksheet.yaml');
  });

  it('print a Windows path with forward slashes in the JSON and github formats, as the repository names it', () => {
    assert.equal(slashed('team\\riverside-youth\\2026-10-14.worksheet.yaml', '\\'), 'team/riverside-youth/2026-10-14.worksheet.yaml');
    assert.equal(slashed('..\\team\\a.worksheet.yaml', '\\'), '../team/a.worksheet.yaml');
    assert.equal(slashed('team/a.worksheet.yaml', '\\'), 'team/a.worksheet.yaml');
    assert.equal(uriReference('..\\team\\a b.worksheet.yaml', '\\'), '../team/a%20b.worksheet.yaml');
  });

  it('keep a backslash that is part of a name on POSIX, in every format', async () => {
    assert.equal(slashed('x/back\\slash.worksheet.yaml', '/'), 'x/back\\slash.worksheet.yaml');
    assert.equal(uriReference('x/back\\slash.worksheet.yaml', '/'), 'x/back%5Cslash.worksheet.yaml');
    if (sep !== '/') return; // the file below can only be made where a backslash is a name's character
    const dir = mkdtempSync(join(tmpdir(), 'pw-backslash-'));
    try {
      mkdirSync(join(dir, 'x'));
      writeFileSync(join(dir, 'x', 'back\\slash.worksheet.yaml'), 'kind: worksheet\nstatus: [\n');
      const run = async (format: string) => {
        let out = '';
        await main(['check', '--format', format, '--today', '2026-12-05'], { out: (t) => { out += t; }, err: () => undefined, cwd: dir });
        return out;
      };
      assert.equal((JSON.parse(await run('json')) as { file: string }[])[0].file, 'x/back\\slash.worksheet.yaml');
      assert.equal(JSON.parse(await run('sarif')).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'x/back%5Cslash.worksheet.yaml');
      assert.match(await run('github'), /file=x\/back\\slash\.worksheet\.yaml,/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('list each file under the path join() gives, however the folder is written', async () => {
    const top = mkdtempSync(join(tmpdir(), 'pw-walk-'));
    try {
      for (const f of ['a.worksheet.yaml', 'p/b.worksheet.yaml', 'p/q/c.review.yaml', 'r/partner-worksheets.yaml']) {
        mkdirSync(join(top, f, '..'), { recursive: true });
        writeFileSync(join(top, f), 'kind: worksheet\n');
      }
      const joined = (dir: string): string[] => readdirSync(join(dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? joined(join(dir, e.name)) : [join(dir, e.name)]));
      const rel = relative(process.cwd(), top);
      for (const root of [top, `${top}/`, `${top}//`, `${top}/./p/..`, `${top}/p/../`, rel, `${rel}/`, `./${rel}`]) {
        assert.deepEqual(await nodeFileSystem.findFiles(root), joined(root).sort(), root);
      }
    } finally {
      rmSync(top, { recursive: true, force: true });
    }
  });
});
