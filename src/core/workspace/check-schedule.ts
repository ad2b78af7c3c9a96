// When the editor re-checks which files: the index announces the documents
// whose findings may have changed, and this schedule turns those bursts (a
// workspace loading, a branch switch) into batches of checks, each file once
// per batch. Pure, so the extension's diagnostics and the benchmark of that
// path run the same code.
//
// While the workspace loads, files whose rules read the whole workspace
// (convenings, reviews) would be checked again after every worksheet read:
// they wait until the load is over (loaded()), and are checked once then.
// Worksheets are checked as soon as each is indexed, by the
// rules that read each file alone (nothing workspace-wide is worked out while
// it keeps changing); after the load, only those whose identity or round
// findings depend on other worksheets are checked again, with every rule.
// At once, not in the next batch: the check then takes the parse the index
// has just made, and that parse is let go young. Held for a batch (hundreds
// of parses alive at every minor collection), they were copied and promoted
// by the collector: a fifth of the load went to it. What the checks find is
// published a batch at a time all the same (publish), one message for many files.
import type { WorkspaceIndex } from './workspace-index';
import { kindOfFile } from '../kinds';
import { readsOtherFiles } from '../rules';

export interface CheckScheduleOptions {
  /**
   * Checks one file. `local`: the first load is still going, so check by the
   * rules that read each file alone (WorkspaceIndex.check's `local`);
   * loaded() has the others checked again where cross-file rules may apply.
   */
  check(uri: string, local: boolean): void;
  /** Publishes what the checks since the last publish found: one batch, one message. */
  publish(): void;
  /** How long to wait for more of a burst before checking it, and before publishing. */
  delayMs: number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
}

export class CheckSchedule {
  private readonly pending = new Set<string>();
  private timer: unknown;
  private indexed = false;
  /** Checks made since the last publish (the load's, made at once). */
  private unpublished = false;
  /** Files checked since the start: after the load, the others still need a first check. */
  private readonly checked = new Set<string>();

  constructor(private readonly index: WorkspaceIndex, private readonly options: CheckScheduleOptions) {}

  /** Check these files in the next batch (a worksheet of the first load at once), and publish them with it. */
  add(uris: Iterable<string>): void {
    for (const u of uris) {
      const kind = kindOfFile(u) ?? '';
      if (!this.indexed && waitsForLoad(kind)) continue;
      if (!this.indexed && kind === 'worksheet') {
        this.pending.delete(u);
        this.options.check(u, true);
        this.unpublished = true;
        continue;
      }
      this.pending.add(u);
    }
    if (this.timer !== undefined || (this.pending.size === 0 && !this.unpublished)) return;
    this.timer = this.options.setTimer(() => this.flush(), this.options.delayMs);
  }

  /**
   * The first load is over: check the files that waited for the whole
   * workspace, and those no update announced (taken from a snapshot); the
   * others are current. `extra`: files to check as well (open editors).
   */
  loaded(extra: Iterable<string> = []): void {
    this.indexed = true;
    const uris: string[] = [];
    const concerned = this.index.mayBeFlaggedByWorkspaceRules();
    for (const d of this.index.documents()) if (!this.checked.has(d.uri) || waitsForLoad(d.kind) || concerned.has(d.uri)) uris.push(d.uri);
    this.add([...uris, ...extra]);
  }

  /** Record that a file was checked (or that its findings were dropped). */
  markChecked(uri: string, checked = true): void {
    if (checked) this.checked.add(uri);
    else this.checked.delete(uri);
  }

  /** Check what is pending now, and publish it with what was checked before. */
  flush(): void {
    if (this.timer !== undefined) this.options.clearTimer(this.timer);
    this.timer = undefined;
    const batch = [...this.pending];
    this.pending.clear();
    for (const u of batch) this.options.check(u, !this.indexed);
    if (batch.length || this.unpublished) this.options.publish();
    this.unpublished = false;
  }

  dispose(): void {
    if (this.timer !== undefined) this.options.clearTimer(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }
}

/** Convenings and reviews read every worksheet; a worksheet's cross-file rules read only its identity and round. */
function waitsForLoad(kind: string): boolean {
  return kind !== 'worksheet' && readsOtherFiles(kind);
}
