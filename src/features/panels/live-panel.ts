// What the Team Review and Partner History panels share: one webview panel,
// kept live as the index changes (once edits settle, and not while hidden),
// whose page's messages are parsed before anything acts on them, and whose
// failures are logged rather than thrown into VS Code. Each panel keeps its
// own single instance (show, revive) and says what its page shows (render)
// and what its messages do (handle).
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { relativePath } from '../../core/paths';
import type { PageResources } from './page-shell';
import { newNonce } from './page-shell';
import type { ErrorMessage } from './message-parts';

/** Worksheet edits arrive every few hundred ms while typing; a panel follows once they settle. */
const UPDATE_DEBOUNCE_MS = 300;

/** A panel's page: how its log lines name it, and how its messages are read (untrusted input). */
export interface PanelPage<Message extends { type: string }> {
  /** `review`, `history`: "Ignored a message from the review page", "The review panel could not handle". */
  name: string;
  parse(raw: unknown): Message | undefined;
}

export abstract class LivePanel<PageMessage extends { type: string }, HostMessage> implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  protected disposed = false;

  protected constructor(readonly panel: vscode.WebviewPanel, protected readonly services: Services, private readonly page: PanelPage<PageMessage>) {
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => this.receive(m)),
      services.indexer.onDidChange(() => this.scheduleUpdate()),
    );
  }

  /**
   * Sends the page what it shows now. What cannot be worked out (a bug, a
   * file no rule foresaw) is logged, and the page says so in place of its
   * content: nothing is thrown into VS Code.
   */
  update(): void {
    if (this.disposed) return;
    try {
      this.render();
    } catch (e) {
      this.services.log.error(`The ${this.page.name} could not be computed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      void this.post({ type: 'error', message: `The ${this.page.name} could not be computed; the Partner Worksheets log has the details.` });
    }
  }

  /** Works out what the page shows now, and sends it. */
  protected abstract render(): void;

  /** Acts on one of the page's messages, once parsed. */
  protected abstract handle(message: PageMessage): void | Promise<void>;

  /** Lets go of this panel as its kind's current one. */
  protected abstract forget(): void;

  protected post(message: HostMessage | ErrorMessage): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  private scheduleUpdate(): void {
    // A hidden webview drops its page (no retainContextWhenHidden: it would hold
    // a large review in memory); shown again, the page reloads and asks ('ready').
    if (!this.panel.visible) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.update();
    }, UPDATE_DEBOUNCE_MS);
  }

  private async receive(raw: unknown): Promise<void> {
    const message = this.page.parse(raw);
    if (!message) {
      this.services.log.warn(`Ignored a message from the ${this.page.name} page: ${safeJson(raw)}`);
      return;
    }
    try {
      await this.handle(message);
    } catch (e) {
      this.services.log.error(`The ${this.page.name} panel could not handle '${message.type}': ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.forget();
    clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

/** A value from a page, for a log line: JSON, cut short, whatever it is. */
export function safeJson(v: unknown): string {
  try {
    return (JSON.stringify(v) ?? String(v)).slice(0, 200);
  } catch {
    return String(v).slice(0, 200);
  }
}

/**
 * A panel's webview: scripts on, no command links, and only its page bundle
 * (dist/webview/`pageFolder`) and the stylesheets to load, nothing from the
 * workspace, nothing remote.
 */
export function panelOptions(context: vscode.ExtensionContext, ...pageFolder: string[]): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    enableFindWidget: true,
    localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview', ...pageFolder), vscode.Uri.joinPath(context.extensionUri, 'media')],
  };
}

/**
 * What a page's HTML loads, as this webview may load it: its script from
 * dist/webview/`script`, its stylesheet from media/, and a fresh nonce.
 */
export function pageResources(webview: vscode.Webview, extensionUri: vscode.Uri, script: string[], style: string): PageResources {
  return {
    cspSource: webview.cspSource,
    nonce: newNonce(),
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', ...script)).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', style)).toString(),
  };
}

/** Opens a file of the index at a line, beside the panel. The page can name only files the index knows. */
export async function openAt(services: Services, page: string, uri: string, line: number): Promise<void> {
  if (!services.index.has(uri)) {
    services.log.warn(`The ${page} page asked to open a file outside the index: ${uri.slice(0, 200)}`);
    return;
  }
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const l = Math.min(Math.max(0, line - 1), Math.max(0, doc.lineCount - 1));
  const range = new vscode.Range(l, 0, l, 0);
  const editor = await vscode.window.showTextDocument(doc, { selection: range, viewColumn: vscode.ViewColumn.Beside, preserveFocus: false });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Links for an export saved in `folder`: relative paths to the files beside it, else the workspace-relative path. */
export function relativeTo(folder: vscode.Uri): (ref: { uri: string }) => string {
  return (ref) => {
    const target = vscode.Uri.parse(ref.uri);
    if (folder.scheme === target.scheme && folder.authority === target.authority) return relativePath(folder.toString(), target.toString());
    return vscode.workspace.asRelativePath(target, false);
  };
}
