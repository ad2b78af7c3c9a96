// Hostile partner text in every output of the CLI: the check's text, GitHub,
// SARIF and JSON formats, the review's Markdown and HTML. Each text of the
// shared table (fixtures/hostile-cases.ts) is written into the fields a report
// quotes (partner id and name, a goal, the next step, a review commitment);
// every format must keep it inert. Also: output that cannot be written.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { runBinary } from '../../src/cli/main';
import { WORKSHEET } from './helpers';
import { runCli } from './cli-run';
import { CONTROL_OR_BIDI, HOSTILE_TEXTS } from '../fixtures/hostile-cases';
import { oneLine, visibleControls } from '../../src/core/visible';

const TODAY = '2026-11-24';

/** A YAML double-quoted scalar holding exactly `s`, whatever it contains. */
function yamlQuoted(s: string): string {
  return `"${s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}

function hostileWorkspace(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pw-out-'));
  const q = yamlQuoted(text);
  mkdirSync(join(dir, 'p'));
  writeFileSync(join(dir, 'p', '2026-10-14.worksheet.yaml'), WORKSHEET
    .replace('  id: riverside-youth', `  id: ${q}`)
    .replace('organization: Riverside Youth Collective', `organization: ${q}`)
    .replace('goals: [{text: Two public exhibitions this year, themes: [visibility]}]', `goals: [{text: ${q}, themes: [visibility]}, ${q}]`)
    .replace('action: Send our summer gallery calendar and hold two dates', `action: ${q}`));
  writeFileSync(join(dir, 'autumn-2026.review.yaml'), `kind: review\nversion: 1\nround: autumn-2026\ndate: 2026-11-20\nattendees: [sam]\ncommitments:\n  - {action: ${q}, owner: ${q}, due: 2030-12-15}\n`);
  return dir;
}

describe('hostile text stays inert in every output', () => {
  for (const [what, text] of Object.entries(HOSTILE_TEXTS)) {
    describe(what, () => {
      let dir: string;
      before(() => { dir = hostileWorkspace(text); });
      after(() => rmSync(dir, { recursive: true, force: true }));

      it('check (text): one finding per line, each a finding, no control or bidi character', async () => {
        const r = await runCli(['check', '--today', TODAY], dir);
        const lines = r.out.trimEnd().split('\n');
        // Text that slugifies to an id is a forgiven slip (a warning); the rest is an error.
        assert.equal(r.code, lines.some((l) => / error /.test(l)) ? 1 : 0, r.err);
        assert.ok(lines.length > 0 && lines[0] !== '', 'the hostile id is reported');
        for (const l of lines) {
          assert.match(l, /^(p\/2026-10-14\.worksheet|autumn-2026\.review)\.yaml:\d+:\d+: (error|warning|info) [a-z-]+ /, l);
          assert.doesNotMatch(l, CONTROL_OR_BIDI, JSON.stringify(l));
        }
        assert.ok(lines.some((l) => l.includes('partner.id')), 'the id is quoted in a finding');
        for (const l of r.err.trimEnd().split('\n')) assert.doesNotMatch(l, CONTROL_OR_BIDI);
      });

      it('check (github): every line is one of our annotations', async () => {
        const r = await runCli(['check', '--today', TODAY, '--format', 'github'], dir);
        for (const l of r.out.trimEnd().split('\n')) {
          assert.match(l, /^::(error|warning|notice) file=[^:,]+,line=\d+,/, l);
          assert.doesNotMatch(l, CONTROL_OR_BIDI, JSON.stringify(l));
        }
      });

      it('review (Markdown): no block of its own, no entity, no control character', async () => {
        const r = await runCli(['review', '--today', TODAY], dir);
        assert.equal(r.code, 0, r.err);
        const ours = /^(# Team review: |## [A-Z]|### [A-Z])/;
        for (const l of r.out.split('\n')) {
          assert.ok(!l.startsWith('#') || ours.test(l), `a heading of its own: ${l}`);
          assert.doesNotMatch(l, /^[-*] +([#>|]|[-+=] |\d+[.)] )/, `a block inside a list item: ${l}`);
          assert.doesNotMatch(l, /^(>|\d+[.)] |\|)/, `a block of its own: ${l}`);
          assert.doesNotMatch(l, /(^|[^\\])&#?[a-z0-9]+;/i, `an entity: ${l}`);
          assert.doesNotMatch(l, CONTROL_OR_BIDI, JSON.stringify(l));
        }
      });

      it('review (HTML): links are ./ relative, no control or bidi character', async () => {
        const r = await runCli(['review', '--today', TODAY, '--format', 'html'], dir);
        assert.equal(r.code, 0, r.err);
        for (const [, href] of r.out.matchAll(/href="([^"]*)"/g)) assert.match(href, /^(#|\.\/)/);
        assert.doesNotMatch(r.out.replace(/[\n\t]/g, ''), CONTROL_OR_BIDI);
      });
    });
  }
});

/** A stream whose every write fails with `code`, as a closed pipe or a full disk does. */
function failing(code: string): { stream: Writable; written: () => number } {
  let writes = 0;
  const stream = new Writable({
    write(_chunk, _enc, cb) {
      writes++;
      cb(Object.assign(new Error(`write ${code}`), { code }));
    },
  });
  return { stream, written: () => writes };
}

function collecting(): { stream: Writable; text: () => string } {
  let text = '';
  return { stream: new Writable({ write(chunk, _enc, cb) { text += String(chunk); cb(); } }), text: () => text };
}

describe('output that cannot be written', () => {
  let dir: string;
  before(() => { dir = hostileWorkspace('# a heading'); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a reader that stops early (EPIPE) ends the run quietly, with the exit code it had', async () => {
    const out = failing('EPIPE');
    const err = collecting();
    assert.equal(await runBinary(['check', '--today', TODAY], out.stream, err.stream, dir), 1);
    assert.doesNotMatch(err.text(), /EPIPE|Error|at /);
    assert.equal(await runBinary(['--version'], failing('EPIPE').stream, err.stream, dir), 0);
  });

  it('a failed write (a full disk) is exit 2 with one line on stderr', async () => {
    const err = collecting();
    assert.equal(await runBinary(['review', '--today', TODAY], failing('ENOSPC').stream, err.stream, dir), 2);
    assert.equal(err.text(), 'partner-worksheets: could not write the output: ENOSPC\n');
    const ok = collecting();
    assert.equal(await runBinary(['--version'], ok.stream, err.stream, dir), 0);
    assert.match(ok.text(), /^\d+\.\d+\.\d+\n$/);
  });
});

describe('invisible characters in output', () => {
  it('a zero-width space, a word joiner or a byte-order mark inside text shows as \\uXXXX; the joiners emoji and scripts need stay', () => {
    assert.equal(oneLine('riverside-youth\u200B'), 'riverside-youth\\u200B');
    assert.equal(oneLine('a\u2060b\uFEFFc'), 'a\\u2060b\\uFEFFc');
    assert.equal(visibleControls('x\u200By'), 'x\\u200By');
    // Persian needs the zero-width non-joiner; a family emoji is joined with the zero-width joiner.
    for (const kept of ['\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645', '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}']) assert.equal(oneLine(kept), kept);
  });
});
