// The Team Review panel: the trend summary of a round, live as worksheets
// change; "Start team review" writes the round's review file; "Export" saves
// Markdown or a self-contained HTML page. One panel per workspace, restored
// after a reload by its serializer.
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import type { Services } from '../../services';
import { summarize } from '../../core/summary/summarize';
import type { ReviewSummary } from '../../core/summary/summarize';
import { renderMarkdown } from '../../core/summary/render-markdown';
import { renderStandaloneHtml } from '../../core/summary/render-html';
import { reviewText } from '../../core/summary/review-file';
import type { HostMessage, PageState } from './messages';
import { parsePageMessage } from './messages';
import { pageHtml } from './page-html';

export const VIEW_TYPE = 'partnerWorksheets.review';

export class ReviewPanel implements vscode.Disposable {
  private static current: ReviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private round: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  static show(context: vscode.ExtensionContext, services: Services, round?: string): ReviewPanel {
    if (ReviewPanel.current) {
      if (round) ReviewPanel.current.round = round;
      ReviewPanel.current.panel.reveal();
      ReviewPanel.current.update();
      return ReviewPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Team Review', vscode.ViewColumn.Active, options(context));
    return new ReviewPanel(panel, context, services, round);
  }

  static revive(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, services: Services, state: PageState | undefined): void {
    panel.webview.options = options(context);
    ReviewPanel.current?.dispose();
    new ReviewPanel(panel, context, services, state?.round);
  }

  static get active(): ReviewPanel | undefined {
    return ReviewPanel.current;
  }

  private constructor(readonly panel: vscode.WebviewPanel, context: vscode.ExtensionContext, private readonly services: Services, round: string | undefined) {
    ReviewPanel.current = this;
    this.round = round;
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'partners.svg');
    panel.webview.html = webviewHtml(panel.webview, context.extensionUri);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m) => this.receive(m)),
      services.indexer.onDidChange(() => this.scheduleUpdate()),
    );
  }

  summary(): ReviewSummary {
    return summarize(this.services.index, { round: this.round, today: this.services.today() });
  }

  private scheduleUpdate(): void {
    // Typing in a worksheet updates the index every few hundred ms; the panel follows, throttled.
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.update();
    }, 400);
  }

  update(): void {
    try {
      const summary = this.summary();
      this.round = summary.round || this.round;
      this.panel.title = summary.round ? `Team Review: ${summary.round}` : 'Team Review';
      void this.post({ type: 'summary', summary });
    } catch (e) {
      this.services.log.error(`The team review could not be computed: ${(e as Error)?.stack ?? String(e)}`);
    }
  }

  private post(message: HostMessage): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  private async receive(raw: unknown): Promise<void> {
    const msg = parsePageMessage(raw);
    if (!msg) {
      this.services.log.warn(`Ignored a message from the review page: ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    switch (msg.type) {
      case 'ready':
        this.update();
        break;
      case 'selectRound':
        if (this.services.index.rounds().includes(msg.round)) {
          this.round = msg.round;
          this.update();
        }
        break;
      case 'open': {
        // Only files the index knows: the page must not be able to open anything else.
        if (!this.services.index.has(msg.uri)) {
          this.services.log.warn(`The review page asked to open an unknown file: ${msg.uri}`);
          return;
        }
        const pos = new vscode.Position(msg.line - 1, 0);
        await vscode.window.showTextDocument(vscode.Uri.parse(msg.uri), { selection: new vscode.Range(pos, pos), viewColumn: vscode.ViewColumn.Beside });
        break;
      }
      case 'startReview':
        await vscode.commands.executeCommand('partnerWorksheets.startReview', msg.round);
        break;
      case 'export':
        await exportSummary(this.summary(), msg.format, this.services);
        break;
    }
  }

  dispose(): void {
    if (ReviewPanel.current === this) ReviewPanel.current = undefined;
    clearTimeout(this.timer);
    this.disposables.forEach((d) => d.dispose());
    this.panel.dispose();
  }
}

function options(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    retainContextWhenHidden: false,
    // Only the page bundle and the stylesheet: nothing from the workspace.
    localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(context.extensionUri, 'media')],
  };
}

function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  return pageHtml({
    cspSource: webview.cspSource,
    nonce: randomBytes(16).toString('base64'),
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'main.js')).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'review.css')).toString(),
  });
}

async function exportSummary(summary: ReviewSummary, format: 'markdown' | 'html', services: Services): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const ext = format === 'markdown' ? 'md' : 'html';
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, `${summary.round || 'team'}-review.${ext}`) : undefined,
    filters: format === 'markdown' ? { Markdown: ['md'] } : { HTML: ['html'] },
    saveLabel: 'Export',
  });
  if (!target) return undefined;
  const rel = (uri: string) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri));
  const text = format === 'markdown'
    ? renderMarkdown(summary, (r) => `${rel(r.uri)}:${r.line}`)
    : renderStandaloneHtml(summary, { href: (r) => rel(r.uri) });
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    void vscode.window.showInformationMessage(`Exported the ${summary.round} review to ${vscode.workspace.asRelativePath(target)}.`);
    return target;
  } catch (e) {
    services.log.error(`Export failed: ${String(e)}`);
    void vscode.window.showErrorMessage(`Could not write ${target.fsPath}: ${(e as Error).message}`);
    return undefined;
  }
}

/** Opens the round's review file, or creates it prefilled (never over an existing file). */
async function startReview(services: Services, round?: string): Promise<vscode.Uri | undefined> {
  const { index } = services;
  const chosen = round ?? (await pickRound(services));
  if (!chosen) return undefined;
  const existing = index.documents('review').find((d) => d.round === chosen);
  if (existing) {
    await vscode.window.showTextDocument(vscode.Uri.parse(existing.uri));
    return vscode.Uri.parse(existing.uri);
  }
  const anyMeeting = index.meetings().find((m) => m.round === chosen);
  const folder = (anyMeeting && vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(anyMeeting.uri))) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) return undefined;
  const summary = summarize(index, { round: chosen, today: services.today() });
  const target = vscode.Uri.joinPath(folder.uri, 'reviews', `${chosen}.review.yaml`);
  try {
    await vscode.workspace.fs.stat(target);
    // A file the index has not seen yet: open it rather than overwrite it.
    await vscode.window.showTextDocument(target);
    return target;
  } catch {
    // Not there: create it below.
  }
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(target, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(reviewText(summary, services.today())) });
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(`Could not create ${vscode.workspace.asRelativePath(target)}.`);
    return undefined;
  }
  await vscode.window.showTextDocument(target);
  return target;
}

async function pickRound(services: Services): Promise<string | undefined> {
  const rounds = [...services.index.rounds()].reverse();
  if (rounds.length <= 1) return rounds[0];
  return vscode.window.showQuickPick(rounds, { placeHolder: 'Which round?' });
}

export function register(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('partnerWorksheets.openReview', (round?: unknown) => {
      ReviewPanel.show(context, services, typeof round === 'string' ? round : undefined);
    }),
    vscode.commands.registerCommand('partnerWorksheets.startReview', (round?: unknown) => startReview(services, typeof round === 'string' ? round : undefined)),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => {
        ReviewPanel.revive(panel, context, services, (state ?? undefined) as PageState | undefined);
      },
    }),
    { dispose: () => ReviewPanel.active?.dispose() },
  );
}
