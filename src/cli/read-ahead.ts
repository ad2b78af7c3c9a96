// Reading files on the second core while the first parses them. A check of a
// repository spends a tenth of its time in the system calls that read each
// worksheet (open, stat, read, close), one after another on the thread that
// parses. A worker thread reads the files the walk found, in the order the
// index will ask for them, and hands over their bytes in batches; the main
// thread takes them as it goes, and never waits while the worker is ahead.
//
// The worker reads only the plain case: a regular file, opened without
// blocking, no larger than the limit. Anything else (an error, a file that is
// not regular any more, one too large, a worker that stopped) is read again on
// the main thread by the caller's own read, so every message and limit stays
// in one place (node-fs.ts). Flow control keeps the worker at most WINDOW files
// ahead: memory holds a window of files, not the repository.
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';

/** How many files the worker may read ahead of those taken. */
const WINDOW = 256;
/** Larger files are left to the main thread: the window then holds 16 MB at most, whatever the repository holds. */
const MAX_BYTES = 64 * 1024;
/** Files per message: one message per file would cost more than its read. */
const BATCH = 32;
/** Without a batch for this long, the worker is taken to be gone and the main thread reads for itself. */
const STALL_MS = 10_000;

// Indices of the shared counters.
/** Files the main thread has received. */
const RECEIVED = 0;
/** Batches the worker has posted. */
const POSTED = 1;

/** One file as the worker hands it over: its bytes, or null for "read it yourself". */
type Entry = [path: string, bytes: Uint8Array | null];

// Plain JavaScript, run by the worker as it is (no bundling, no TypeScript):
// it needs only node:fs and what workerData gives. Each message is a list of
// paths to read, in order; `produced` counts the files read across lists.
const WORKER_SOURCE = `
const { openSync, fstatSync, readSync, closeSync, constants } = require('node:fs');
const { workerData } = require('node:worker_threads');
const { maxBytes, shared, port, window, batchSize } = workerData;
const counters = new Int32Array(shared);
function read(path) {
  let fd;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const s = fstatSync(fd);
    if (!s.isFile() || s.size > maxBytes) return null;
    const buf = new Uint8Array(s.size);
    let got = 0;
    while (got < s.size) {
      const n = readSync(fd, buf, got, s.size - got, got);
      if (n === 0) break;
      got += n;
    }
    return got === s.size ? buf : buf.slice(0, got);
  } catch {
    return null;
  } finally {
    if (fd !== undefined) try { closeSync(fd); } catch {}
  }
}
let produced = 0;
let batch = [];
let transfer = [];
const post = () => {
  port.postMessage(batch, transfer);
  batch = [];
  transfer = [];
  Atomics.add(counters, ${POSTED}, 1);
  Atomics.notify(counters, ${POSTED});
};
port.on('message', (paths) => {
  for (const path of paths) {
    for (;;) {
      const received = Atomics.load(counters, ${RECEIVED});
      if (produced - received < window) break;
      if (batch.length) post();
      Atomics.wait(counters, ${RECEIVED}, received, 1000);
    }
    const bytes = read(path);
    produced++;
    batch.push([path, bytes]);
    if (bytes) transfer.push(bytes.buffer);
    if (batch.length >= batchSize) post();
  }
  if (batch.length) post();
});
`;

export class ReadAhead {
  private readonly planned = new Set<string>();
  private readonly arrived = new Map<string, Uint8Array | null>();
  private readonly counters = new Int32Array(new SharedArrayBuffer(8));
  private readonly port: MessagePort;
  private readonly worker: Worker;
  private gone = false;
  private exited = false;

  /**
   * Starts the worker, which waits for files to read: it starts up while
   * the main thread lists the folders.
   */
  constructor() {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { maxBytes: MAX_BYTES, shared: this.counters.buffer, port: port2, window: WINDOW, batchSize: BATCH },
      transferList: [port2],
    });
    // The process never waits for the worker to end, and a worker that fails leaves its files to the main thread.
    this.worker.unref();
    this.worker.on('error', () => { this.gone = true; });
    this.worker.on('exit', () => {
      this.gone = true;
      this.exited = true;
    });
  }

  /** Whether the worker thread is still running (until its exit is seen). */
  get running(): boolean {
    return !this.exited;
  }

  /** Reads these files next, in this order. */
  plan(paths: readonly string[]): void {
    if (this.gone || paths.length === 0) return;
    for (const p of paths) this.planned.add(p);
    this.port.postMessage(paths);
  }

  /**
   * The bytes of a planned file, waiting for the worker if it has not read
   * it yet; undefined when the caller should read it itself (not planned,
   * not the plain case, or the worker is gone).
   */
  take(path: string): Uint8Array | undefined {
    if (!this.planned.delete(path)) return undefined;
    for (;;) {
      if (this.arrived.has(path)) {
        const bytes = this.arrived.get(path);
        this.arrived.delete(path);
        return bytes ?? undefined;
      }
      if (this.gone || !this.receive()) return undefined;
    }
  }

  /** Stops the worker; resolves once it has stopped. */
  dispose(): Promise<void> {
    this.gone = true;
    return this.worker.terminate().then(() => undefined);
  }

  /** Takes the next batch, waiting for it; false when none came (the worker is gone). */
  private receive(): boolean {
    const deadline = Date.now() + STALL_MS;
    for (;;) {
      const posted = Atomics.load(this.counters, POSTED);
      const message = receiveMessageOnPort(this.port);
      if (message) {
        const entries = message.message as Entry[];
        for (const [path, bytes] of entries) this.arrived.set(path, bytes);
        Atomics.add(this.counters, RECEIVED, entries.length);
        Atomics.notify(this.counters, RECEIVED);
        return true;
      }
      if (Date.now() >= deadline) {
        void this.dispose();
        return false;
      }
      Atomics.wait(this.counters, POSTED, posted, 100);
    }
  }
}
