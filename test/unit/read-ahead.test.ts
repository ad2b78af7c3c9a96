// The CLI's check reads files on a worker thread while the main thread
// parses (read-ahead.ts). What a user would notice if it went wrong: a file's
// text mixed up with another's, or a pass before the parse that is not the
// text's own (a limit skipped), a check that hangs on a repository larger
// than the read-ahead window, an odd file read past its checks, or a thread
// left running.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReadAhead } from '../../src/cli/read-ahead';
import { textBounds } from '../../src/core/yaml/bounds';

describe('reading ahead on a worker thread', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'pw-read-ahead-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('hands over each planned file\'s own bytes, past its window and in any order asked', async () => {
    // More files than the worker may read ahead, each with different content and size.
    const files = Array.from({ length: 700 }, (_, i) => join(dir, `${String(i).padStart(3, '0')}.worksheet.yaml`));
    files.forEach((f, i) => writeFileSync(f, `kind: worksheet\nnote: ${'é'.repeat(i % 50)} file ${i}\n`));
    const ahead = new ReadAhead();
    try {
      ahead.plan(files);
      // The first half in the planned order, then the rest from the end back (all must arrive before the last is taken).
      const order = [...files.slice(0, 350), ...files.slice(350).reverse()];
      for (const f of order) {
        const read = ahead.take(f);
        assert.ok(read, `nothing for ${f}`);
        assert.equal(read.text, readFileSync(f, 'utf8'), f);
        assert.deepEqual(read.bounds, textBounds(read.text), f);
      }
      assert.equal(ahead.take(files[0]), undefined, 'a file is handed over once');
    } finally {
      await ahead.dispose();
    }
  });

  it('leaves what is not a small regular file to the caller\'s own read, and the unplanned too', async function () {
    const big = join(dir, 'big.worksheet.yaml');
    writeFileSync(big, 'x'.repeat(200 * 1024));
    const missing = join(dir, 'gone.worksheet.yaml');
    const fifo = join(dir, 'pipe.worksheet.yaml');
    let fifoMade = true;
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      fifoMade = false;
    }
    const small = join(dir, 'small.worksheet.yaml');
    writeFileSync(small, 'kind: worksheet\n');
    const ahead = new ReadAhead();
    try {
      ahead.plan([big, missing, ...(fifoMade ? [fifo] : []), small]);
      assert.equal(ahead.take(big), undefined, 'larger than the window allows: read by the caller, with its limit');
      assert.equal(ahead.take(missing), undefined, 'an error is the caller\'s to word');
      if (fifoMade) assert.equal(ahead.take(fifo), undefined, 'a FIFO is not opened for reading, nor waited on');
      assert.equal(ahead.take(small)?.text, readFileSync(small, 'utf8'));
      assert.equal(ahead.take(join(dir, 'never-planned.worksheet.yaml')), undefined);
    } finally {
      await ahead.dispose();
    }
  });

  it('stops its thread when disposed, and then leaves every file to the caller', async () => {
    const file = join(dir, 'a.worksheet.yaml');
    writeFileSync(file, 'kind: worksheet\n');
    const ahead = new ReadAhead();
    assert.equal(ahead.running, true);
    await ahead.dispose();
    assert.equal(ahead.running, false);
    ahead.plan([file]);
    assert.equal(ahead.take(file), undefined);
  });
});
