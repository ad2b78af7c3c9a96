// The bench's corpus with many gaps measures what its row says: the usual
// worksheets with some later sections left out, so smaller files with about
// twice the findings. If it drifted (nothing left out, or other content), the
// row would compare another shape with the floor.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLE_WORKSPACE, exampleWorksheets, writeCorpus, writeExampleCopies } from '../../bench/corpus';
import type { CorpusOptions } from '../../bench/corpus';
import { checkText } from '../../src/core/check';
import { byCodeUnit } from '../../src/core/order';
import { WorkspaceIndex } from '../../src/core/workspace';
import { nodeFileSystem } from '../../src/cli/node-fs';
import { readLight } from '../../src/core/yaml/light-tree';
import { parse } from 'yaml';

const N = 300;
const TODAY = '2026-12-20';

/**
 * The usual corpus and one of another shape, written before a suite's tests
 * (their worksheets' paths, in the same order) and removed after them.
 */
function usualAnd(other: Partial<CorpusOptions>): { usual: string[]; other: string[]; otherDir: string } {
  const corpora = { usual: [] as string[], other: [] as string[], otherDir: '' };
  const dirs: string[] = [];
  before(() => {
    dirs.push(mkdtempSync(join(tmpdir(), 'pw-corpus-usual-')), mkdtempSync(join(tmpdir(), 'pw-corpus-other-')));
    corpora.usual = writeCorpus(dirs[0], { worksheets: N, rounds: 2 });
    corpora.other = writeCorpus(dirs[1], { worksheets: N, rounds: 2, ...other });
    corpora.otherDir = dirs[1];
  });
  after(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return corpora;
}

describe('the bench corpus with many gaps', () => {
  const corpora = usualAnd({ gaps: 'many' });

  it('is each usual worksheet with whole top-level sections (or the goals) left out, and nothing else', () => {
    let shorter = 0;
    for (let i = 0; i < N; i++) {
      const full = readFileSync(corpora.usual[i], 'utf8').split('\n');
      const gappy = readFileSync(corpora.other[i], 'utf8').split('\n');
      // Every line kept is the next one of the full worksheet that was not left out.
      let j = 0;
      for (const line of gappy) {
        while (j < full.length && full[j] !== line) {
          const key = /^([a-z_]+):/.exec(full[j])?.[1];
          assert.ok(key !== 'kind' && key !== 'partner' && key !== 'meeting' && key !== 'notes', `${corpora.other[i]} lost a line of ${key ?? 'a kept section'}: ${full[j]}`);
          j++;
        }
        assert.ok(j < full.length, `${corpora.other[i]}: "${line}" is not in the usual worksheet`);
        j++;
      }
      if (gappy.length < full.length) shorter++;
    }
    assert.ok(shorter > N * 0.8, `only ${shorter} of ${N} worksheets left anything out`);
  });

  it('gives smaller files with about twice the findings', () => {
    const measure = (paths: string[]) => {
      let bytes = 0;
      let findings = 0;
      for (const p of paths) {
        const text = readFileSync(p, 'utf8');
        bytes += text.length;
        findings += checkText(`file://${p}`, text, { today: TODAY }).findings.length;
      }
      return { bytes: bytes / paths.length, findings: findings / paths.length };
    };
    const usual = measure(corpora.usual);
    const gappy = measure(corpora.other);
    assert.ok(gappy.bytes < usual.bytes * 0.9, `${gappy.bytes.toFixed(0)} bytes a file against ${usual.bytes.toFixed(0)}`);
    assert.ok(gappy.findings > usual.findings * 1.6, `${gappy.findings.toFixed(2)} findings a file against ${usual.findings.toFixed(2)}`);
  });
});

// The corpus with a third of its worksheets without a round measures what its
// row says: the worksheets with many gaps, some without their round line, each
// of those offered the rounds of the meetings nearest its date.
describe('the bench corpus with many gaps, a third without a round', () => {
  const gappy = usualAnd({ gaps: 'many' });
  const corpora = usualAnd({ gaps: 'many', withoutRound: 1 / 3 });

  it('is each worksheet with many gaps, about a third of them without their round line, and nothing else changed', () => {
    let without = 0;
    for (let i = 0; i < N; i++) {
      const a = readFileSync(gappy.other[i], 'utf8');
      const b = readFileSync(corpora.other[i], 'utf8');
      if (a === b) continue;
      assert.equal(a.replace(/^round: .*\n/m, ''), b, corpora.other[i]);
      without++;
    }
    assert.ok(without > N * 0.25 && without < N * 0.42, `${without} of ${N} without a round`);
  });

  it('has each worksheet without a round offered the round of its neighbours by date', async () => {
    const index = new WorkspaceIndex(() => TODAY);
    await index.loadFolder(nodeFileSystem, corpora.otherDir);
    const roundless = corpora.other.filter((p) => index.get(p)?.meeting?.round === undefined);
    assert.ok(roundless.length > N * 0.25);
    for (const p of roundless) {
      const [finding] = index.check(p).filter((f) => f.code === 'missing-round');
      assert.match(finding?.message ?? '', /Meetings near its date are in `(spring|autumn)-2020`/, p);
    }
  });
});

// The corpus whose partners are renamed at every meeting measures what its
// row says: the usual worksheets, each with an organisation name of its own,
// so that every worksheet's cross-file findings depend on the others.
describe('the bench corpus with renamed partners', () => {
  const corpora = usualAnd({ renamed: true });

  it('is each usual worksheet with an organisation name of its own, and nothing else changed', () => {
    const names = new Set<string>();
    for (let i = 0; i < N; i++) {
      const a = readFileSync(corpora.usual[i], 'utf8').split('\n');
      const b = readFileSync(corpora.other[i], 'utf8').split('\n');
      assert.equal(b.length, a.length, corpora.other[i]);
      const changed = b.filter((line, j) => line !== a[j]);
      assert.ok(changed.length <= 1 && changed.every((line) => line.startsWith('  organization: ')), `${corpora.other[i]}: ${changed.join(' | ')}`);
      names.add(b.find((line) => line.startsWith('  organization: '))!);
    }
    assert.equal(names.size, N, 'one name per worksheet');
  });

  it('makes every worksheet but each partner\'s first one whose cross-file findings depend on the others, with partners found renamed', async () => {
    const index = new WorkspaceIndex(() => TODAY);
    await index.loadFolder(nodeFileSystem, corpora.otherDir);
    const concerned = index.mayBeFlaggedByWorkspaceRules();
    // The first meeting keeps the first name; every later one is the first under a name of its own (partner-renamed).
    const firsts = index.partners().map((p) => [...p.meetings].sort((a, b) => byCodeUnit(a.date ?? '', b.date ?? '') || byCodeUnit(a.uri, b.uri))[0].uri);
    assert.deepEqual(corpora.other.filter((p) => !concerned.has(p)).sort(), firsts.sort());
    const renamings = corpora.other.filter((p) => index.check(p).some((f) => f.code === 'partner-renamed')).length;
    assert.ok(renamings > N / 10, `only ${renamings} worksheets found renamed`);
  });
});

// The corpus written by tools measures what its row says: the usual
// worksheets' data as YAML libraries write it, every file read the light way.
// Should a writing style fall to the full parse again, the row would measure
// the `yaml` package's parse, several times the check; this says which file.
describe('the bench corpus written by tools', () => {
  const corpora = usualAnd({ writtenBy: 'tools' });

  it('is each usual worksheet\'s data, written in the three tools\' styles', () => {
    const styles = new Set<string>();
    for (let i = 0; i < N; i++) {
      const usual = readFileSync(corpora.usual[i], 'utf8');
      const tool = readFileSync(corpora.other[i], 'utf8');
      assert.deepStrictEqual(parse(tool), parse(usual), corpora.other[i]);
      if (/^ *-$/m.test(tool)) styles.add('a map in a list below a dash alone');
      if (/^ {2}[a-z_]+:\n +"/m.test(tool)) styles.add('a double-quoted value below its key');
      if (/^kind: worksheet$/m.test(tool)) styles.add('plain values');
    }
    assert.equal(styles.size, 3, [...styles].join(', '));
  });

  it('is read the light way, file by file, with no file left to the full parse', () => {
    const declined = corpora.other.filter((p) => readLight(readFileSync(p, 'utf8')) === undefined);
    assert.deepEqual(declined, []);
  });
});

describe('the bench corpus copied from the example workspace', () => {
  // Three copies of each example worksheet. Each copy must be the worksheet as
  // people wrote it, with the same findings, and only a partner of its own:
  // copies that shared partners would measure cross-file findings the team
  // never had.
  const originals = exampleWorksheets();
  const copies = 3;
  let dir = '';
  let paths: string[] = [];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'pw-corpus-examples-'));
    paths = writeExampleCopies(dir, copies * originals.length);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives every copy the findings its original has among the example worksheets', async () => {
    // The originals in a workspace of their own: the example's settings and worksheets, without its convenings and reviews.
    const alone = new WorkspaceIndex(() => TODAY);
    alone.set(join(EXAMPLE_WORKSPACE, 'partner-worksheets.yaml'), readFileSync(join(EXAMPLE_WORKSPACE, 'partner-worksheets.yaml'), 'utf8'));
    for (const o of originals) alone.set(join(EXAMPLE_WORKSPACE, o.folder, o.name), o.text);
    const index = new WorkspaceIndex(() => TODAY);
    await index.loadFolder(nodeFileSystem, dir);
    const found = (ix: WorkspaceIndex, uri: string) => ix.check(uri).map((f) => `${f.range.start.line + 1} ${f.code}`).sort();
    let compared = 0;
    paths.forEach((path, n) => {
      const o = originals[n % originals.length];
      assert.deepEqual(found(index, path), found(alone, join(EXAMPLE_WORKSPACE, o.folder, o.name)), path);
      compared++;
    });
    assert.equal(compared, copies * originals.length);
    // Findings there are, cross-file ones among them (a partner renamed between its two meetings).
    assert.ok(paths.some((p) => found(index, p).some((f) => f.endsWith(' partner-renamed'))));
  });

  it('gives each copy a partner of its own', async () => {
    const index = new WorkspaceIndex(() => TODAY);
    await index.loadFolder(nodeFileSystem, dir);
    const perCopy = new Set(originals.map((o) => o.id ?? o.folder)).size;
    assert.equal(index.partners().length, copies * perCopy);
  });

  it('is read the light way, file by file, as the example is', () => {
    assert.deepEqual(originals.filter((o) => readLight(o.text) === undefined).map((o) => o.name), []);
    assert.deepEqual(paths.filter((p) => readLight(readFileSync(p, 'utf8')) === undefined), []);
  });
});
