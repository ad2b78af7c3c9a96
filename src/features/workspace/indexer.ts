// Keeps the core index in step with the workspace: an initial load per folder
// (window progress, never blocking activation), a file watcher, and open
// editors' buffers so trees and summaries follow unsaved edits too.
import * as vscode from 'vscode';
import type { IndexChange, IndexSnapshot, WorkspaceIndex } from '../../core/workspace';
import { decodeSnapshot, encodeSnapshot } from '../../core/workspace';
import { kindOfFile } from '../../core/kinds';
import { decodeText } from '../../core/decode';
import { coldLoadFileSystem, loadFileSystem, readRegularFile, WATCH_GLOB } from './vscode-fs';
import { exists } from './exists';
import type { NodeHost } from './local-stamps';

const BUFFER_DEBOUNCE_MS = 300;

export class Indexer implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<IndexChange>();
  /** Fires after every index update, with the documents whose findings may have changed. */
  readonly onDidChange = this.emitter.event;
  private readonly revertEmitter = new vscode.EventEmitter<string>();
  /**
   * An open buffer's edits were undone back to the text the index holds: the
   * index did not change, so no onDidChange, but the buffer's diagnostics were
   * made from the edit and must be made again. Only the diagnostics listen:
   * the panels and the tree show the index, which is as it was.
   */
  readonly onDidRevertToIndexed = this.revertEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter, this.revertEmitter];
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private loading: Promise<void> = Promise.resolve();
  /**
   * Resolves once start() has begun the first load. Features register before
   * the indexer starts, and one asking whenIndexed() then must wait for that
   * load, not for the nothing loading before it: the diagnostics took the
   * load as over at once, and re-checked every convening and review, with
   * identity, after each batch of worksheets the load read.
   */
  private readonly started: Promise<void>;
  private markStarted!: () => void;
  /** Counts deletes, so a read that finished after one can check the file still exists. */
  private deletions = 0;

  /** File stamps (mtime:size) seen at load, for the persisted snapshot. */
  private readonly stamps = new Map<string, string>();

  /** How many files the last load took from the snapshot, unread (as the log says). */
  reusedAtLoad = 0;

  /** Files named like worksheets that could not be read (a FIFO, a device, too large), with the reason. */
  private readonly unreadable = new Map<string, string>();

  /**
   * @param snapshotUri where the index is persisted between sessions (in the
   * workspace's storage), so a reopened workspace parses only what changed.
   * @param host what the Node extension host adds (its stamps of files on
   * this machine's disk, for a reopened workspace); none in the web build.
   */
  constructor(private readonly index: WorkspaceIndex, private readonly log: vscode.LogOutputChannel, private readonly snapshotUri?: vscode.Uri, private readonly host?: NodeHost) {
    this.started = new Promise((resolve) => { this.markStarted = resolve; });
  }

  /** Starts indexing; returns at once. `whenIndexed` tells when the first load is done. */
  start(): void {
    this.disposables.push(this.index.onDidChange((c) => this.emitter.fire(c)));
    const watcher = vscode.workspace.createFileSystemWatcher(WATCH_GLOB);
    // A deleted folder is reported once, for the folder: drop what was below it.
    const folders = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);
    this.disposables.push(
      folders,
      folders.onDidDelete((u) => {
        this.deletions++;
        this.forgetUnreadable(u.toString());
        if (!kindOfFile(u.path)) this.index.deleteFolder(u.toString());
      }),
      watcher,
      watcher.onDidCreate((u) => this.readFromDisk(u)),
      watcher.onDidChange((u) => this.readFromDisk(u)),
      watcher.onDidDelete((u) => this.remove(u)),
      // Watchers may not fire everywhere (web extension hosts): saves, creates
      // and deletes made through VS Code are reported here as well.
      vscode.workspace.onDidSaveTextDocument((d) => this.fromBuffer(d, 0)),
      vscode.workspace.onDidCreateFiles((e) => e.files.forEach((u) => this.readFromDisk(u))),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((u) => this.remove(u, true))),
      vscode.workspace.onDidRenameFiles((e) => e.files.forEach((f) => { this.remove(f.oldUri, true); this.readFromDisk(f.newUri); })),
      vscode.workspace.onDidChangeTextDocument((e) => { if (e.contentChanges.length) this.fromBuffer(e.document, BUFFER_DEBOUNCE_MS); }),
      vscode.workspace.onDidOpenTextDocument((d) => this.fromBuffer(d, 0)),
      vscode.workspace.onDidCloseTextDocument((d) => { if (d.isDirty || d.isUntitled) this.readFromDisk(d.uri); }),
      vscode.workspace.onDidChangeWorkspaceFolders((e) => {
        e.removed.forEach((f) => this.index.deleteFolder(f.uri.toString()));
        this.load(e.added);
      }),
    );
    this.load(vscode.workspace.workspaceFolders ?? []);
    this.markStarted();
  }

  /** The files left out of the index, as URIs with the reason each could not be read. */
  leftOut(): ReadonlyMap<string, string> {
    return this.unreadable;
  }

  /** Resolves when every load started so far has finished; asked before start(), when the first load has. */
  whenIndexed(): Promise<void> {
    return this.started.then(() => this.loading);
  }

  private load(folders: readonly vscode.WorkspaceFolder[]): void {
    if (folders.length === 0) return;
    const previous = this.loading;
    this.loading = previous.then(() => vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Indexing partner worksheets' },
      async (progress) => {
        const started = Date.now();
        // Read while the files are found and stamped (loadFolder awaits it then):
        // vscode.workspace.findFiles searches in another process, and the host is free.
        const snapshot = this.snapshotUri && (await exists(this.snapshotUri)) ? this.readSnapshot() : undefined;
        let reused = 0;
        // Without a snapshot nothing is compared with stamps before reading: they are taken after the load (coldLoadFileSystem).
        const cold = snapshot === undefined ? coldLoadFileSystem() : undefined;
        for (const folder of folders) {
          // Node's stamps for a folder on this disk; any other (a remote or virtual file system) is stamped through VS Code.
          const fs = cold ?? loadFileSystem(folder.uri.scheme === 'file' ? this.host : undefined);
          const result = await this.index.loadFolder(fs, folder.uri.toString(), {
            snapshot,
            onProgress: (done, total) => { if (done === total || done % 50 === 0) progress.report({ message: `${done}/${total}` }); },
          });
          result.stamps.forEach((v, k) => this.stamps.set(k, v));
          result.unreadable.forEach((u) => {
            this.unreadable.set(u.uri, u.reason);
            this.log.warn(`Could not read ${u.uri}: ${u.reason}`);
          });
          // Never left out in silence: the reviews and checks would miss these files.
          if (result.unreadable.length) {
            const first = result.unreadable[0].reason;
            void vscode.window.showWarningMessage(result.unreadable.length === 1
              ? `Partner Worksheets left a file out: ${first}`
              : `Partner Worksheets left ${result.unreadable.length} files out (${first}; the others are in the Partner Worksheets output).`);
          }
          reused += result.reused;
        }
        // Open editors hold the truth for their files.
        vscode.workspace.textDocuments.forEach((d) => this.fromBuffer(d, 0));
        this.reusedAtLoad = reused;
        this.log.info(`Indexed ${this.index.documents().length} files in ${Date.now() - started} ms (${reused} unchanged since the last session)`);
        return cold;
      },
    )).then(async (cold) => {
      // After the progress: the findings are all there, and the stamps are for the next start.
      if (cold) (await cold.stampsOfRead()).forEach((v, k) => this.stamps.set(k, v));
      await this.writeSnapshot();
    }).then(undefined, (e) => this.log.error('Indexing failed', e));
  }

  private async readSnapshot(): Promise<IndexSnapshot | undefined> {
    if (!this.snapshotUri) return undefined;
    try {
      return decodeSnapshot(await vscode.workspace.fs.readFile(this.snapshotUri));
    } catch {
      return undefined; // unreadable, or of another version: every file is read
    }
  }

  private async writeSnapshot(): Promise<void> {
    if (!this.snapshotUri) return;
    try {
      // Only files as read from disk: an editor's unsaved buffer is not the file's state.
      const dirty = new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()));
      const snap = this.index.snapshot((u) => (dirty.has(u) ? undefined : this.stamps.get(u)));
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(this.snapshotUri, '..'));
      await vscode.workspace.fs.writeFile(this.snapshotUri, encodeSnapshot(snap));
    } catch (e) {
      this.log.warn(`Could not save the index snapshot: ${String(e)}`);
    }
  }

  private fromBuffer(doc: vscode.TextDocument, delay: number): void {
    if (!kindOfFile(doc.uri.path) || !this.inWorkspace(doc.uri)) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    const apply = async () => {
      this.timers.delete(key);
      if (doc.isClosed) return;
      // A clean buffer whose file was deleted is a leftover, not a worksheet.
      if (!doc.isDirty && !(await exists(doc.uri))) return;
      const change = this.index.set(key, doc.getText());
      // An edit that left the index as it was (undone back to the text the index holds).
      if (delay > 0 && change.affected.length === 0) this.revertEmitter.fire(key);
    };
    if (delay === 0) void apply();
    else this.timers.set(key, setTimeout(() => void apply(), delay));
  }

  private readFromDisk(uri: vscode.Uri): void {
    if (!kindOfFile(uri.path)) return;
    // The editor's buffer wins until it is saved or closed.
    const dirtyInEditor = () => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && !d.isClosed && d.isDirty);
    if (dirtyInEditor()) return;
    const deletionsBefore = this.deletions;
    const key = uri.toString();
    readRegularFile(uri).then(
      async (bytes) => {
        // A delete may have overtaken this read: do not bring the file back.
        if (this.deletions !== deletionsBefore && !(await exists(uri))) return;
        // An edit may have too (a quick fix applied while the file was read): the
        // file's old text would replace the buffer's in the index, and undoing the
        // edit back to that text would then change nothing the index can see.
        if (dirtyInEditor()) return;
        this.unreadable.delete(key);
        this.index.set(key, decodeText(bytes));
      },
      (e: unknown) => {
        const reason = e instanceof Error ? e.message : String(e);
        this.log.warn(`Could not read ${key}: ${reason}`);
        // Never left out in silence, and said once per file (a watcher may report it again and again).
        if (!this.unreadable.has(key)) void vscode.window.showWarningMessage(`Partner Worksheets left a file out: ${reason}`);
        this.unreadable.set(key, reason);
      },
    );
  }

  private remove(uri: vscode.Uri, folderToo = false): void {
    this.deletions++;
    const key = uri.toString();
    this.forgetUnreadable(key);
    if (this.index.has(key)) this.index.delete(key);
    else if (folderToo) this.index.deleteFolder(key);
  }

  /** A file or folder is gone: what could not be read of it is no longer left out. */
  private forgetUnreadable(key: string): void {
    for (const u of [...this.unreadable.keys()]) if (u === key || u.startsWith(`${key}/`)) this.unreadable.delete(u);
  }

  private inWorkspace(uri: vscode.Uri): boolean {
    return vscode.workspace.getWorkspaceFolder(uri) !== undefined;
  }

  dispose(): void {
    this.timers.forEach((t) => clearTimeout(t));
    this.disposables.forEach((d) => d.dispose());
  }
}


