// The CLI's check reads files on a worker thread while the main thread
// parses (read-ahead.ts). What a user would notice if it went wrong: a file's
// text mixed up with another's, or a pass before the parse that is not the
// text's own (a limit skipped), a check that hangs or waits on the thread, an
// odd file read past its checks, or a thread left running.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReadAhead } from '../../src/cli/read-ahead';
import { textBounds } from '../../src/core/yaml/bounds';

/** Polls until the worker has handed over `n` files (or a deadline passes, and the test's assertions say what is missing). */
async function handedOver(ahead: ReadAhead, n: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (ahead.available() < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
}

describe('reading ahead on a worker thread', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'pw-read-ahead-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (count: number) => {
    const files = Array.from({ length: count }, (_, i) => join(dir, `${String(i).padStart(3, '0')}.worksheet.yaml`));
    // Passes of every kind: line breaks with carriage returns, a line too long for a key, an anchor (for the full parse), deep lists, a directive.
    const extra = (i: number) => [i % 7 === 0 ? 'a: 1\r\n' : '', i % 11 === 0 ? `long: ${'x'.repeat(1100)}\n` : '', i % 13 === 0 ? 'b: &anchor 2\n' : '', i % 5 === 0 ? '# worksheets-disable not-thanked\n' : '', `deep: ${'['.repeat(i % 9)}${']'.repeat(i % 9)}\n`].join('');
    files.forEach((f, i) => writeFileSync(f, `kind: worksheet\nnote: ${'é'.repeat(i % 50)} file ${i}\n${extra(i)}`));
    return files;
  };
  const handsOver = (read: ReturnType<ReadAhead['take']>, f: string) => {
    if (!read) return false;
    assert.equal(read.text, readFileSync(f, 'utf8'), f);
    assert.deepEqual(read.bounds, textBounds(read.text), f);
    return true;
  };

  it('hands over each planned file\'s own text and pass, a window at a time', async () => {
    // More files than the worker may read ahead of those taken.
    const files = write(700);
    const ahead = new ReadAhead();
    try {
      ahead.plan(files);
      let given = 0;
      for (let from = 0; from < files.length; from += 200) {
        await handedOver(ahead, Math.min(200, files.length - from));
        for (const f of files.slice(from, from + 200)) if (handsOver(ahead.take(f), f)) given++;
      }
      assert.equal(given, files.length, 'every file, once the worker had read it');
      assert.equal(ahead.take(files[0]), undefined, 'a file is handed over once');
    } finally {
      await ahead.dispose();
    }
  });

  it('never keeps the caller waiting: a file asked for before the worker has it is the caller\'s to read, and the worker goes on past it', async () => {
    const files = write(300);
    const ahead = new ReadAhead();
    try {
      ahead.plan(files);
      // Asked at once, while the thread is still starting: whatever it answers is right, and it answers now.
      for (const f of files.slice(0, 20)) handsOver(ahead.take(f), f);
      let given = 0;
      for (const f of files.slice(20)) {
        if (!ahead.available()) await handedOver(ahead, 1);
        if (handsOver(ahead.take(f), f)) given++;
      }
      assert.ok(given >= 250, `${given} of the 280 files after them handed over`);
    } finally {
      await ahead.dispose();
    }
  });

  it('hands over each file its own text when files are asked for out of order, and after a second plan', async () => {
    const files = write(60);
    const ahead = new ReadAhead();
    try {
      ahead.plan(files.slice(0, 40));
      await handedOver(ahead, 40);
      // In order for a while, then out of order, then in order again from elsewhere.
      const order = [0, 1, 2, 30, 31, 3, 39, 4, 5, 6, 20, 21, 22];
      for (const i of order) assert.ok(handsOver(ahead.take(files[i]), files[i]), `file ${i}`);
      assert.equal(ahead.take(files[1]), undefined, 'a file is handed over once, out of order too');
      ahead.plan(files.slice(40));
      await handedOver(ahead, 40 - order.length + 20);
      let given = 0;
      for (const f of [...files.slice(40).reverse(), ...files.slice(7, 20)]) if (handsOver(ahead.take(f), f)) given++;
      assert.equal(given, 33);
    } finally {
      await ahead.dispose();
    }
  });

  it('hands over a file whose batch came in but was not taken yet when it is asked for', async () => {
    const [file] = write(1);
    const ahead = new ReadAhead();
    try {
      ahead.plan([file]);
      const deadline = Date.now() + 20_000;
      while (ahead.batchesPosted < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      assert.ok(handsOver(ahead.take(file), file));
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
      const planned = [big, missing, ...(fifoMade ? [fifo] : []), small];
      ahead.plan(planned);
      await handedOver(ahead, planned.length);
      assert.equal(ahead.take(big), undefined, 'larger than the window allows: read by the caller, with its limit');
      assert.equal(ahead.take(missing), undefined, 'an error is the caller\'s to word');
      if (fifoMade) assert.equal(ahead.take(fifo), undefined, 'a FIFO is not opened for reading, nor waited on');
      assert.ok(handsOver(ahead.take(small), small));
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
