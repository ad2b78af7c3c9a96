// Reading files on the second core while the first parses them. A check of a
// repository spends a fifth of its time before any parse: the system calls
// that read each worksheet (open, stat, read, close), the decoding, and the
// pass over its characters that every reader asks first (bounds.ts). A worker
// thread does that for the files the walk found, in the order the index will
// ask for them, and hands over each text with its pass in batches.
//
// The main thread never waits for it: a file not handed over yet (the worker
// still starting, or behind) is read by the main thread itself, and the
// worker skips past what the main thread has read. So the read-ahead can only
// take work off the main thread, never add a wait to it.
//
// The worker is this same module, started as a thread of the same script
// (the CLI's bundle, or this file under the tests): nothing else ships, and
// both threads run one decodeText and one pass.
//
// The worker reads only the plain case: a regular file, opened without
// blocking, no larger than READ_AHEAD_MAX_BYTES. Anything else (an error, a
// file that is not regular any more, one too large, a worker gone) is read
// again on the main thread by the caller's own read, so every message and
// limit stays in one place (node-fs.ts). Flow control keeps the worker at
// most WINDOW files ahead: memory holds a window of files, not the repository.
import { MessageChannel, Worker, isMainThread, receiveMessageOnPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { decodeText } from '../core/decode';
import { textBounds } from '../core/yaml/bounds';
import type { TextBounds } from '../core/yaml/bounds';
import { readRegularFileSync } from './regular-file';

/** How many files the worker may read ahead of those taken. */
const WINDOW = 256;
/** Larger files are left to the main thread: the window then holds 16 MB at most, whatever the repository holds. */
export const READ_AHEAD_MAX_BYTES = 64 * 1024;
/** Files per message: one message per file would cost more than its read. */
const BATCH = 32;

// Indices of the shared counters.
/** Files the main thread has received. */
const RECEIVED = 0;
/** Where in the order of all planned files the worker is to go on from: the main thread read those before. */
const SKIP_BELOW = 1;
/** Batches the worker has posted. */
const POSTED = 2;

/** What tells this module, loaded in a thread, that it is the worker. */
const ROLE = 'partner-worksheets read-ahead';

interface WorkerData {
  role: typeof ROLE;
  shared: SharedArrayBuffer;
  port: MessagePort;
}

/** A file as the worker hands it over: its text and the pass over it, or null for "read it yourself". */
export interface ReadText {
  text: string;
  bounds: TextBounds;
}

/**
 * Files as the worker posts them: those from `first` on in the order of all
 * planned files, each a text or null ("read it yourself"), and their passes
 * packed in `bounds` (PACKED numbers each). Paths are not sent (the main
 * thread planned them), and numbers in one typed array are copied as one: an
 * object per file costs the serializer its keys, file after file.
 */
interface Batch {
  first: number;
  texts: (string | null)[];
  bounds: Int32Array;
}

/** Numbers per pass in a batch: nesting, values, and the flags. */
const PACKED = 3;
const LONG_LINE_FLAG = 1;
const CARRIAGE_RETURN_FLAG = 2;
const UNSURE_FLAG = 4;
const DIRECTIVE_FLAG = 8;

function pack(bounds: TextBounds, into: Int32Array, at: number): void {
  into[at * PACKED] = bounds.nesting;
  into[at * PACKED + 1] = bounds.values;
  into[at * PACKED + 2] = (bounds.longLine ? LONG_LINE_FLAG : 0) | (bounds.carriageReturn ? CARRIAGE_RETURN_FLAG : 0) | (bounds.unsure ? UNSURE_FLAG : 0) | (bounds.directive ? DIRECTIVE_FLAG : 0);
}

function unpack(from: Int32Array, at: number): TextBounds {
  const flags = from[at * PACKED + 2];
  return {
    nesting: from[at * PACKED],
    values: from[at * PACKED + 1],
    longLine: (flags & LONG_LINE_FLAG) !== 0,
    carriageReturn: (flags & CARRIAGE_RETURN_FLAG) !== 0,
    unsure: (flags & UNSURE_FLAG) !== 0,
    directive: (flags & DIRECTIVE_FLAG) !== 0,
  };
}

export class ReadAhead {
  /** Every planned file, with its place in the order of all planned files. */
  private readonly planned = new Map<string, number>();
  /**
   * By place: what the worker handed over and was not taken yet (null: read
   * it yourself), and whether the file was taken. Arrays by place, as the
   * batches name files: a map by path cost the main thread four lookups a file.
   */
  private readonly arrived: (ReadText | null | undefined)[] = [];
  private readonly taken: boolean[] = [];
  /** How many of `arrived` are waiting to be taken. */
  private waiting = 0;
  private readonly counters = new Int32Array(new SharedArrayBuffer(12));
  private readonly port: MessagePort;
  private readonly worker: Worker;
  private plannedCount = 0;
  private gone = false;
  private exited = false;

  /**
   * Starts the worker, which waits for files to read: it starts up while
   * the main thread lists the folders.
   */
  constructor() {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const data: WorkerData = { role: ROLE, shared: this.counters.buffer as SharedArrayBuffer, port: port2 };
    const [script, evaluate] = threadOf(threadScript);
    this.worker = new Worker(script, { eval: evaluate, workerData: data, transferList: [port2] });
    // The process never waits for the worker to end, and a worker that fails leaves its files to the main thread.
    this.worker.unref();
    this.worker.on('error', () => { this.gone = true; });
    this.worker.on('exit', () => {
      this.gone = true;
      this.exited = true;
    });
  }

  /** How many batches the worker has posted, taken or not. */
  get batchesPosted(): number {
    return Atomics.load(this.counters, POSTED);
  }

  /** Whether the worker thread is still running (until its exit is seen). */
  get running(): boolean {
    return !this.exited;
  }

  /** Reads these files next, in this order. */
  plan(paths: readonly string[]): void {
    if (this.gone || paths.length === 0) return;
    for (const p of paths) this.planned.set(p, this.plannedCount++);
    this.port.postMessage(paths);
  }

  /**
   * A planned file's text and pass if the worker has handed them over;
   * undefined when the caller should read it itself (not planned, not the
   * plain case, not read yet, or the worker is gone).
   */
  take(path: string): ReadText | undefined {
    const at = this.planned.get(path);
    // Handed over once: a file taken before is the caller's to read again.
    if (at === undefined || this.taken[at]) return undefined;
    // Still not taken while the batches come in, so the one that holds it is kept.
    if (this.arrived[at] === undefined) this.available();
    this.taken[at] = true;
    const read = this.arrived[at];
    if (read !== undefined) {
      this.arrived[at] = undefined;
      this.waiting--;
    }
    // Not read yet: the caller reads it, and the worker goes on after it.
    if (read === undefined && Atomics.load(this.counters, SKIP_BELOW) <= at) Atomics.store(this.counters, SKIP_BELOW, at + 1);
    return read ?? undefined;
  }

  /** Takes every batch the worker has posted; returns how many files are handed over and not taken. */
  available(): number {
    let received = 0;
    for (let message = receiveMessageOnPort(this.port); message; message = receiveMessageOnPort(this.port)) {
      const { first, texts, bounds } = message.message as Batch;
      for (let i = 0; i < texts.length; i++) {
        // Files the main thread has read meanwhile are dropped.
        if (this.taken[first + i]) continue;
        const text = texts[i];
        this.arrived[first + i] = text === null ? null : { text, bounds: unpack(bounds, i) };
        this.waiting++;
      }
      received += texts.length;
    }
    if (received) {
      Atomics.add(this.counters, RECEIVED, received);
      Atomics.notify(this.counters, RECEIVED);
    }
    return this.waiting;
  }

  /** Stops the worker; resolves once it has stopped. */
  dispose(): Promise<void> {
    this.gone = true;
    return this.worker.terminate().then(() => undefined);
  }
}

/** The script a reading thread runs: this module's own file, or the binary's loader (startThreadsFrom). */
let threadScript = __filename;

/**
 * Reading threads start from this script instead of this module's file: the
 * binary's loader (bin.ts), which loads the bundle with its code cache, as it
 * loaded it on the main thread.
 */
export function startThreadsFrom(script: string): void {
  threadScript = script;
}

/**
 * How a thread runs this module: the script itself once bundled; under the
 * tests this module is TypeScript, which a thread loads only through tsx's
 * require hook (the `--import tsx` the tests run with does not reach it).
 */
function threadOf(script: string): [script: string, evaluate: boolean] {
  if (!script.endsWith('.ts')) return [script, false];
  return [`require('tsx/cjs'); require(${JSON.stringify(script)});`, true];
}

// ---- the worker ------------------------------------------------------------

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

if (!isMainThread && (workerData as WorkerData | undefined)?.role === ROLE) work(workerData as WorkerData);
