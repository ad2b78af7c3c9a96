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
// The worker is a script of its own (read-ahead-worker.ts, bundled as
// read-ahead.js beside the CLI's bundle): a few kilobytes, where the CLI's
// bundle is megabytes that a thread would load and compile again, on the
// second core, while the main thread lists the folders. Both threads run one
// decodeText and one pass.
//
// The worker reads only the plain case: a regular file, opened without
// blocking, no larger than READ_AHEAD_MAX_BYTES. Anything else (an error, a
// file that is not regular any more, one too large, a worker gone) is read
// again on the main thread by the caller's own read, so every message and
// limit stays in one place (node-fs.ts). Flow control keeps the worker at
// most WINDOW files ahead: memory holds a window of files, not the repository.
import { join } from 'node:path';
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type { TextBounds } from '../core/yaml/bounds';

/** How many files the worker may read ahead of those taken. */
export const WINDOW = 256;
/** Larger files are left to the main thread: the window then holds 16 MB at most, whatever the repository holds. */
export const READ_AHEAD_MAX_BYTES = 64 * 1024;
/** Files per message: one message per file would cost more than its read. */
export const BATCH = 32;

// Indices of the shared counters.
/** Files the main thread has received. */
export const RECEIVED = 0;
/** Where in the order of all planned files the worker is to go on from: the main thread read those before. */
export const SKIP_BELOW = 1;
/** Batches the worker has posted. */
export const POSTED = 2;

/** What the worker is started with: the shared counters, and the port for plans and batches. */
export interface WorkerData {
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
export interface Batch {
  first: number;
  texts: (string | null)[];
  bounds: Int32Array;
}

/** Numbers per pass in a batch: nesting, values, and the flags. */
export const PACKED = 3;
const LONG_LINE_FLAG = 1;
const CARRIAGE_RETURN_FLAG = 2;
const UNSURE_FLAG = 4;
const DIRECTIVE_FLAG = 8;
const EMPTY_LIST_ITEM_FLAG = 16;

export function pack(bounds: TextBounds, into: Int32Array, at: number): void {
  into[at * PACKED] = bounds.nesting;
  into[at * PACKED + 1] = bounds.values;
  into[at * PACKED + 2] = (bounds.longLine ? LONG_LINE_FLAG : 0) | (bounds.carriageReturn ? CARRIAGE_RETURN_FLAG : 0) | (bounds.unsure ? UNSURE_FLAG : 0) | (bounds.directive ? DIRECTIVE_FLAG : 0) | (bounds.emptyListItem ? EMPTY_LIST_ITEM_FLAG : 0);
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
    emptyListItem: (flags & EMPTY_LIST_ITEM_FLAG) !== 0,
  };
}

export class ReadAhead {
  /**
   * Every planned file, in the order of all planned files. The load takes
   * them in that order, so the next place is tried first; a map from path to
   * place is made only for a file taken out of order (10,000 paths hashed
   * into a map cost 6 ms before the first file was read).
   */
  private readonly planned: string[] = [];
  private places: Map<string, number> | undefined;
  /** The place after the last file taken: where the next one usually is. */
  private next = 0;
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
  private gone = false;
  private exited = false;
  private stopped: Promise<void> | undefined;

  /**
   * Starts the worker, which waits for files to read: it starts up while
   * the main thread lists the folders. `script`: the worker's script, when
   * not the one beside this module (a test of the package as installed).
   */
  constructor(script = workerScript()) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const data: WorkerData = { shared: this.counters.buffer as SharedArrayBuffer, port: port2 };
    const [main, evaluate] = threadOf(script);
    // Everything the worker makes dies young (a text, once posted, is the main thread's copy):
    // a small young generation costs nothing to collect, and the process touches about
    // 2,000 fewer pages of memory at 10,000 files than with the size V8 grows it to.
    this.worker = new Worker(main, { eval: evaluate, workerData: data, transferList: [port2], resourceLimits: { maxYoungGenerationSizeMb: 2 } });
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
    for (const p of paths) this.planned.push(p);
    this.places = undefined;
    this.port.postMessage(paths);
  }

  /**
   * A planned file's text and pass if the worker has handed them over;
   * undefined when the caller should read it itself (not planned, not the
   * plain case, not read yet, or the worker is gone).
   */
  take(path: string): ReadText | undefined {
    const at = this.placeOf(path);
    // Handed over once: a file taken before is the caller's to read again.
    if (at === undefined || this.taken[at]) return undefined;
    this.next = at + 1;
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

  /** A planned file's place: the next one when it is there, else its last in the plan; undefined if never planned. */
  private placeOf(path: string): number | undefined {
    if (this.planned[this.next] === path) return this.next;
    if (!this.places) {
      this.places = new Map();
      for (let i = 0; i < this.planned.length; i++) this.places.set(this.planned[i], i);
    }
    return this.places.get(path);
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

  /** Stops the worker; resolves once it has stopped. Called again, the same promise. */
  dispose(): Promise<void> {
    this.gone = true;
    this.stopped ??= this.worker.terminate().then(() => undefined);
    return this.stopped;
  }
}

/**
 * The worker's script: read-ahead.js beside the CLI's bundle, or, under the
 * tests, where this module is TypeScript, read-ahead-worker.ts beside it.
 */
function workerScript(): string {
  return join(__dirname, __filename.endsWith('.ts') ? 'read-ahead-worker.ts' : 'read-ahead.js');
}

/**
 * How a thread runs a script: itself once bundled; as TypeScript only
 * through tsx's require hook (the `--import tsx` the tests run with does not
 * reach threads).
 */
function threadOf(script: string): [script: string, evaluate: boolean] {
  if (!script.endsWith('.ts')) return [script, false];
  return [`require('tsx/cjs'); require(${JSON.stringify(script)});`, true];
}
