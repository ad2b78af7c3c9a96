// `check --format github`: one workflow command per finding, escaped so that
// the GitHub runner reads back exactly the finding, whatever the worksheets
// and their file names hold.
import { oneLine } from '../../src/core/visible';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JsonFinding } from '../../src/cli/format';
import { runCli } from './cli-run';
import { CONVENING, WORKSHEET } from './helpers';

const TODAY = '2026-10-21';
const HOSTILE_ID = 'evil\n::error file=README.md,line=1::injected %0A 100%\r';

/** What the runner reads from one line: the command, its properties, its message (unescaped as the runner does). */
function readCommand(line: string): { command: string; props: Record<string, string>; message: string } {
  // Properties end at the first `::`, so an escaped property value holds no `:`.
  const m = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
  assert.ok(m, `not one workflow command: ${JSON.stringify(line)}`);
  const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  const unescapeProperty = (s: string) => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));
  const props: Record<string, string> = {};
  for (const p of m[2].split(',')) {
    const eq = p.indexOf('=');
    props[p.slice(0, eq)] = unescapeProperty(p.slice(eq + 1));
  }
  return { command: m[1], props, message: unescapeData(m[3]) };
}

describe('check --format github', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pw-github-'));
    // A partner folder whose name holds every character a property must escape.
    const hostileFolder = 'riverside,youth: 50%\nnew';
    mkdirSync(join(dir, hostileFolder));
    mkdirSync(join(dir, 'convenings'));
    writeFileSync(join(dir, hostileFolder, '2026-10-14.worksheet.yaml'), WORKSHEET.replace('duration_minutes', 'duraton_minutes'));
    writeFileSync(join(dir, 'convenings', 'westside.convening.yaml'), CONVENING.replace('{id: eastside-library', `{id: ${JSON.stringify(HOSTILE_ID)}`));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one annotation per finding, and the runner reads back each finding whole', async () => {
    const json = await runCli(['check', '--format', 'json', '--today', TODAY], dir);
    const expected = JSON.parse(json.out) as JsonFinding[];
    assert.ok(expected.some((f) => f.message.includes(HOSTILE_ID)), 'the hostile partner id reaches a message');
    assert.ok(expected.some((f) => f.file.includes('\n') && f.severity === 'error'), 'the hostile folder has an error');

    const r = await runCli(['check', '--format', 'github', '--today', TODAY], dir);
    assert.equal(r.code, 1, 'errors fail the run, as in the other formats');
    const lines = r.out.replace(/\n$/, '').split('\n');
    assert.equal(lines.length, expected.length);
    const command = { error: 'error', warning: 'warning', info: 'notice' } as Record<string, string>;
    lines.forEach((line, i) => {
      const f = expected[i];
      const read = readCommand(line);
      assert.equal(read.command, command[f.severity]);
      // Whole, with line breaks and other controls shown as \uXXXX: one annotation, one line.
      assert.equal(read.message, oneLine(f.message));
      assert.equal(read.props.file, oneLine(f.file));
      assert.equal(read.props.title, f.code);
      assert.equal(Number(read.props.line), f.line);
      assert.equal(Number(read.props.endLine), f.endLine);
      // Columns only for a one-line range, as @actions/core requires.
      if (f.line === f.endLine) assert.deepEqual([Number(read.props.col), Number(read.props.endColumn)], [f.column, f.endColumn]);
      else assert.ok(!('col' in read.props) && !('endColumn' in read.props));
    });
    assert.match(r.err, /^2 files checked: \d+ errors?, \d+ warnings?, \d+ info\n$/);
  });

  it('prints nothing but the summary when there is nothing to annotate', async () => {
    rmSync(join(dir, 'convenings'), { recursive: true });
    writeFileSync(join(dir, 'riverside,youth: 50%\nnew', '2026-10-14.worksheet.yaml'), WORKSHEET);
    const r = await runCli(['check', '--format', 'github', '--today', TODAY], dir);
    assert.deepEqual(r, { code: 0, out: '', err: '1 file checked: no findings\n' });
  });
});
