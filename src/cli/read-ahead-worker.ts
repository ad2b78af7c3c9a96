// The reading thread of read-ahead.ts: reads the files the main thread plans,
// in its order, and posts their texts and passes in batches. Its own small
// script (dist/read-ahead.js): it imports the reading, the decoding and the
// pass, and nothing else of the CLI.
import { workerData } from 'node:worker_threads';
import { decodeText } from '../core/decode';
import { textBounds } from '../core/yaml/bounds';
import { readRegularFileSync } from './regular-file';
import { BATCH, PACKED, POSTED, READ_AHEAD_MAX_BYTES, RECEIVED, SKIP_BELOW, WINDOW, pack } from './read-ahead';
import type { Batch, WorkerData } from './read-ahead';

/** A small regular file's bytes; null for anything else, which the main thread reads and words itself. */
function readPlain(path: string): Uint8Array | null {
  try {
    // One byte past the limit tells a larger file, which is the main thread's.
    const bytes = readRegularFileSync(path, true, READ_AHEAD_MAX_BYTES + 1);
    return bytes.length > READ_AHEAD_MAX_BYTES ? null : bytes;
  } catch {
    return null;
  }
}

function work({ shared, port }: WorkerData): void {
  const counters = new Int32Array(shared);
  /** Files posted (read, skipped or left to the main thread), across every plan. */
  let produced = 0;
  let texts: (string | null)[] = [];
  let bounds = new Int32Array(BATCH * PACKED);
  const post = () => {
    const batch: Batch = { first: produced - texts.length, texts, bounds };
    port.postMessage(batch);
    texts = [];
    bounds = new Int32Array(BATCH * PACKED);
    Atomics.add(counters, POSTED, 1);
  };
  port.on('message', (paths: string[]) => {
    for (const path of paths) {
      for (;;) {
        const received = Atomics.load(counters, RECEIVED);
        if (produced - received < WINDOW) break;
        // What is read so far goes first: the main thread takes it when it next looks.
        if (texts.length) post();
        Atomics.wait(counters, RECEIVED, received, 1000);
      }
      // The main thread read this one already (the worker was starting, or behind): go on past it.
      let text: string | null = null;
      if (produced >= Atomics.load(counters, SKIP_BELOW)) {
        const bytes = readPlain(path);
        if (bytes) {
          text = decodeText(bytes);
          pack(textBounds(text), bounds, texts.length);
        }
      }
      produced++;
      texts.push(text);
      if (texts.length >= BATCH) post();
    }
    if (texts.length) post();
  });
}

work(workerData as WorkerData);
