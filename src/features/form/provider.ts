// "Worksheet Form": a custom text editor for *.worksheet.yaml. The YAML text
// stays the document: VS Code keeps its undo, dirty state, saving and backups,
// and the form only shows the text and asks for changes. Each change from the
// page becomes the smallest WorkspaceEdit the core can make; a change to the
// text from anywhere (the text editor, git, a quick fix) updates the page at
// once. Opening the form never writes anything.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { Finding } from '../../core/types';
import type { FormDocument } from '../../core/form/model';
import { buildFormModel } from '../../core/form/model';
import { formGaps } from '../../core/form/gaps';
import { FormEditError, UnsafeEditError, applyFormEdit } from '../../core/form/edit';
import { FORM_LAYOUT } from '../../core/form/layout';
import type { FormEdit } from '../../core/form/types';
import { toRange } from '../diagnostics/convert';
import type { FormVocabulary, HostMessage, PageMessage } from './messages';
import { parsePageMessage } from './messages';
import { formPageHtml } from './page-html';
import { formFindings, formFindingsVersion, formVocabulary } from './workspace';
import { pageResources, safeJson } from '../panels/live-panel';

export const FORM_VIEW_TYPE = 'partnerWorksheets.form';
/** The workspace's vocabulary changes in bursts (a folder loading): follow once it settles. */
const VOCABULARY_DEBOUNCE_MS = 300;

/** One open form: a webview panel on one worksheet document. */
export class WorksheetForm implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private vocab: FormVocabulary | undefined;
  private vocabTimer: ReturnType<typeof setTimeout> | undefined;
  private postTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * The last version whose list items may differ from what the page saw:
   * after a change not made by the form, or a list change by it. An edit to
   * an item of a list, sent from an older version, would land on the wrong item.
   */
  private structureVersion: number;
  private readonly ownVersions = new Set<number>();
  private sendLayout = true;
  /** The page has loaded and asked for its state: until then there is no one to post to. */
  private pageReady = false;
  private disposed = false;
  /** What the page was last sent (set once the page has loaded and asked), for tests. */
  lastState: Extract<HostMessage, { type: 'state' }> | undefined;
  private readonly onDidPostEmitter = new vscode.EventEmitter<HostMessage>();
  /** Fires after each message to the page. */
  readonly onDidPost = this.onDidPostEmitter.event;

  constructor(readonly document: vscode.TextDocument, readonly panel: vscode.WebviewPanel, context: vscode.ExtensionContext, private readonly services: Services) {
    this.structureVersion = document.version;
    panel.webview.options = webviewOptions(context);
    panel.webview.html = formPageHtml(pageResources(panel.webview, context.extensionUri, ['form', 'main.js'], 'form.css'));
    const uri = document.uri.toString();
    this.disposables.push(
      this.onDidPostEmitter,
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => this.receive(m)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document !== document || e.contentChanges.length === 0) return;
        if (!this.ownVersions.delete(document.version)) this.structureVersion = document.version;
        this.schedulePost(0);
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (!e.uris.some((u) => u.toString() === uri)) return;
        this.schedulePost(0);
      }),
      services.indexer.onDidChange(() => {
        clearTimeout(this.vocabTimer);
        this.vocabTimer = setTimeout(() => {
          this.vocab = undefined;
          this.schedulePost(0);
        }, VOCABULARY_DEBOUNCE_MS);
      }),
    );
  }

  /** Handles a message from the page (the API hands tests the same way in). */
  async receive(raw: unknown): Promise<void> {
    const msg = parsePageMessage(raw);
    if (!msg) {
      this.services.log.warn(`Ignored a message from the worksheet form: ${safeJson(raw)}`);
      return;
    }
    try {
      switch (msg.type) {
        case 'ready':
          this.sendLayout = true;
          this.pageReady = true;
          this.post();
          return;
        case 'edit':
          await this.enqueue(() => this.applyEdit(msg));
          return;
        case 'fix':
          await this.enqueue(() => this.applyFix(msg));
          return;
        case 'openText':
          await openAsText(this.document.uri, msg.line);
          return;
      }
    } catch (e) {
      this.services.log.error(`The worksheet form could not handle '${msg.type}': ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      this.postError('That change could not be made; the Partner Worksheets log has the details.');
      this.post();
    }
  }

  /** Edits one after another, each on the text as it is by then. */
  private enqueue(task: () => Promise<void>): Promise<void> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async applyEdit(msg: Extract<PageMessage, { type: 'edit' }>): Promise<void> {
    const { edit } = msg;
    const touchesItem = edit.path.some((s) => typeof s === 'number') || edit.op === 'remove' || edit.op === 'move';
    if (touchesItem && msg.version < this.structureVersion) {
      this.postError('The list changed meanwhile, so that change was not made. The form now shows the list as it is.');
      this.post();
      return;
    }
    const text = this.document.getText();
    let edits;
    try {
      edits = applyFormEdit(text, edit);
    } catch (e) {
      if (!(e instanceof FormEditError)) throw e;
      if (e instanceof UnsafeEditError) this.services.log.error(`The worksheet form refused an edit that would have changed other data in ${this.document.uri.toString()}: ${safeJson(edit)}`);
      this.postError(e.message);
      this.post();
      return;
    }
    if (edits.length === 0) return;
    await this.write(edits.map((e) => new vscode.TextEdit(toRange(e.range), e.newText)), isListChange(edit));
  }

  private async applyFix(msg: Extract<PageMessage, { type: 'fix' }>): Promise<void> {
    const findings = this.findings();
    const fix = this.gapsCurrent() && msg.version === this.document.version ? findings[msg.gap]?.fixes?.[msg.fix] : undefined;
    if (!fix) {
      this.postError('The gaps changed meanwhile, so that fix was not applied. The form now shows them as they are.');
      this.post();
      return;
    }
    // The same edits the quick fix in the text editor applies (their plain form: the form has no snippet tab stops).
    await this.write(fix.edits.map((e) => new vscode.TextEdit(toRange(e.range), e.newText)), true);
  }

  private async write(edits: vscode.TextEdit[], listChange: boolean): Promise<void> {
    const version = this.document.version;
    const we = new vscode.WorkspaceEdit();
    we.set(this.document.uri, edits);
    if (!listChange) this.ownVersions.add(version + 1);
    const ok = await vscode.workspace.applyEdit(we);
    if (!ok) {
      this.ownVersions.delete(version + 1);
      this.postError('VS Code did not accept the change (is the file read-only?). Nothing was changed.');
      this.post();
    }
  }

  /**
   * Whether the Problems panel's findings were made from this very text. A
   * diagnostics event can come late, for an older version, so the store's
   * version is asked rather than the time of the event.
   */
  private gapsCurrent(): boolean {
    return formFindingsVersion(this.services, this.document.uri) === this.document.version;
  }

  private findings(): Finding[] {
    return formFindings(this.services, this.document.uri);
  }

  /** Several updates in one turn (a change, then its diagnostics) reach the page as one. */
  private schedulePost(delay: number): void {
    if (this.postTimer !== undefined) return;
    this.postTimer = setTimeout(() => {
      this.postTimer = undefined;
      this.post();
    }, delay);
  }

  /** Sends the page the form of the text as it is now. */
  post(): void {
    if (this.disposed || !this.pageReady) return;
    try {
      const doc: FormDocument = buildFormModel(this.document.getText(), this.document.uri.toString());
      this.vocab ??= formVocabulary(this.services, this.document.uri.toString(), doc.model);
      const state: Extract<HostMessage, { type: 'state' }> = {
        type: 'state',
        version: this.document.version,
        model: doc.model,
        gaps: formGaps(doc, this.findings()),
        gapsCurrent: this.gapsCurrent(),
        vocabulary: this.vocab,
      };
      if (this.sendLayout) state.layout = FORM_LAYOUT;
      this.sendLayout = false;
      this.lastState = state;
      void this.panel.webview.postMessage(state);
      this.onDidPostEmitter.fire(state);
    } catch (e) {
      this.services.log.error(`The worksheet form could not show ${this.document.uri.toString()}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      this.postError('The form could not read this file; Open as Text to see it. The Partner Worksheets log has the details.');
    }
  }

  private postError(message: string): void {
    if (this.disposed) return;
    const msg: HostMessage = { type: 'error', message };
    void this.panel.webview.postMessage(msg);
    this.onDidPostEmitter.fire(msg);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.vocabTimer);
    clearTimeout(this.postTimer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** List changes shift item numbers: edits to items sent before them are refused (see structureVersion). */
function isListChange(edit: FormEdit): boolean {
  return edit.op === 'insert' || edit.op === 'remove' || edit.op === 'move' || (edit.op === 'clear' && edit.path.length > 2);
}

export class WorksheetFormProvider implements vscode.CustomTextEditorProvider {
  private readonly forms = new Set<WorksheetForm>();

  constructor(private readonly context: vscode.ExtensionContext, private readonly services: Services) {}

  resolveCustomTextEditor(document: vscode.TextDocument, panel: vscode.WebviewPanel): void {
    const form = new WorksheetForm(document, panel, this.context, this.services);
    this.forms.add(form);
    panel.onDidDispose(() => this.forms.delete(form));
  }

  /** The open forms, for tests and the extension's API. */
  open(): WorksheetForm[] {
    return [...this.forms];
  }

  dispose(): void {
    for (const f of this.forms) f.dispose();
    this.forms.clear();
  }
}

function webviewOptions(context: vscode.ExtensionContext): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    // Only the page bundle and its stylesheet: nothing from the workspace, nothing remote.
    localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(context.extensionUri, 'media')],
  };
}

/** Opens the worksheet in the text editor, at a line when one is given. */
export async function openAsText(uri: vscode.Uri, line?: number): Promise<void> {
  await vscode.commands.executeCommand('vscode.openWith', uri, 'default');
  const editor = vscode.window.activeTextEditor;
  if (line && editor?.document.uri.toString() === uri.toString()) {
    const l = Math.min(Math.max(0, line - 1), editor.document.lineCount - 1);
    const range = new vscode.Range(l, 0, l, 0);
    editor.selection = new vscode.Selection(range.start, range.start);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}
