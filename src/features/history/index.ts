// The Partner History panel (one partner's story over time, kept live as
// worksheets change) and "Share What We Heard" (one worksheet as a summary for
// the partner: saved as Markdown or HTML, or copied). One panel per
// workspace, showing one partner at a time, restored after a reload by its
// serializer. Opened from a partner in the Partners view, from a worksheet's
// editor title, or by command.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { partnerHistory } from '../../core/history/build';
import type { PartnerHistory } from '../../core/history/model';
import { renderHistoryMarkdown } from '../../core/history/render-markdown';
import { renderHistoryHtml } from '../../core/history/render-html';
import { nothingToShare, shareBack } from '../../core/history/share';
import { renderShareHtml, renderShareMarkdown } from '../../core/history/render-share';
import { isHeld } from '../../core/facts';
import { kindOfFile } from '../../core/kinds';
import type { ExportFormat, HostMessage, PageMessage } from './messages';
import { parsePageMessage, parsePageState } from './messages';
import { historyPageHtml } from './page-html';
import { writeExport } from '../workspace/write-export';
import { unmetAfterDays } from './settings';
import { LivePanel, openAt, pageResources, panelOptions, relativeTo } from '../panels/live-panel';

export const VIEW_TYPE = 'partnerWorksheets.history';

export class HistoryPanel extends LivePanel<PageMessage, HostMessage> {
  private static current: HistoryPanel | undefined;
  /** The page has loaded and asked for its content. */
  private pageReady = false;
  /** The partner whose history the loaded page was last sent (for tests: the page is there and has it). */
  private sentToPage: string | undefined;

  static show(context: vscode.ExtensionContext, services: Services, partnerId: string): HistoryPanel {
    const existing = HistoryPanel.current;
    if (existing) {
      existing.partnerId = partnerId;
      existing.panel.reveal();
      existing.update();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Partner History', vscode.ViewColumn.Active, panelOptions(context, 'history'));
    return new HistoryPanel(panel, context, services, partnerId);
  }

  /** The serializer's way in: VS Code kept the panel across a reload, with the page's state. */
  static revive(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, services: Services, state: unknown): HistoryPanel {
    panel.webview.options = panelOptions(context, 'history');
    HistoryPanel.current?.dispose();
    return new HistoryPanel(panel, context, services, parsePageState(state).partnerId);
  }

  static get active(): HistoryPanel | undefined {
    return HistoryPanel.current;
  }

  private constructor(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, services: Services, private partnerId: string | undefined) {
    super(panel, services, { name: 'history', parse: parsePageMessage });
    HistoryPanel.current = this;
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'partners.svg');
    panel.webview.html = historyPageHtml(pageResources(panel.webview, context.extensionUri, ['history', 'main.js'], 'review.css'));
  }

  get currentPartner(): string | undefined {
    return this.partnerId;
  }

  get shownOnPage(): string | undefined {
    return this.sentToPage;
  }

  history(): PartnerHistory | undefined {
    return this.partnerId === undefined ? undefined : partnerHistory(this.services.index, this.partnerId, { today: this.services.today(), unmetAfterDays: unmetAfterDays() });
  }

  protected render(): void {
    const history = this.history();
    this.panel.title = history ? `History: ${history.partner.organization}` : 'Partner History';
    void this.post(history
      ? { type: 'history', history }
      : { type: 'error', message: `No worksheet names the partner '${this.partnerId ?? ''}' any more.` })
      .then((delivered) => { if (delivered && this.pageReady) this.sentToPage = history?.partner.id; });
  }

  protected async handle(msg: PageMessage): Promise<void> {
    switch (msg.type) {
      case 'ready':
        this.pageReady = true;
        this.update();
        break;
      case 'open':
        await openAt(this.services, 'history', msg.uri, msg.line);
        break;
      case 'share': {
        const latest = this.partnerId === undefined ? undefined : latestHeld(this.services, this.partnerId);
        if (latest) await vscode.commands.executeCommand('partnerWorksheets.shareWhatWeHeard', vscode.Uri.parse(latest));
        break;
      }
      case 'export': {
        const history = this.history();
        if (history) await exportHistory(history, msg.format, this.services);
        break;
      }
    }
  }

  protected forget(): void {
    if (HistoryPanel.current === this) HistoryPanel.current = undefined;
  }
}

/** The partner's latest held meeting (the one to share back), else the latest meeting. */
function latestHeld(services: Services, partnerId: string): string | undefined {
  const meetings = services.index.partner(partnerId)?.meetings ?? [];
  return (meetings.find((m) => isHeld(m.status)) ?? meetings[0])?.uri;
}

async function exportHistory(history: PartnerHistory, format: ExportFormat, services: Services): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const ext = format === 'markdown' ? 'md' : 'html';
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, `${history.partner.id.replace(/[^A-Za-z0-9._-]+/g, '-') || 'partner'}-history.${ext}`) : undefined,
    filters: format === 'markdown' ? { Markdown: ['md'] } : { HTML: ['html', 'htm'] },
    saveLabel: 'Export',
    title: `Export the history of ${history.partner.organization}`,
  });
  if (!target) return undefined;
  const rel = relativeTo(vscode.Uri.joinPath(target, '..'));
  const text = format === 'markdown' ? renderHistoryMarkdown(history, (r) => `${rel(r)}:${r.line}`) : renderHistoryHtml(history, { href: rel });
  return writeExport(services.log, target, false, text, { what: 'the partner history', saved: (where) => `Saved the partner history to ${where}.` });
}

/** The partner id a command was given: a tree node, an id, or the worksheet open in the editor. */
function partnerArg(services: Services, arg: unknown): string | undefined {
  if (typeof arg === 'string' && arg) return arg;
  if (arg && typeof arg === 'object' && typeof (arg as { partnerId?: unknown }).partnerId === 'string') return (arg as { partnerId: string }).partnerId;
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri ?? activeTabUri();
  return uri ? services.index.get(uri.toString())?.meeting?.partnerId : undefined;
}

/** The file of the active tab, a custom editor (the Worksheet Form) included. */
function activeTabUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input && typeof input === 'object' && (input as { uri?: unknown }).uri instanceof vscode.Uri ? (input as { uri: vscode.Uri }).uri : undefined;
}

async function openHistory(context: vscode.ExtensionContext, services: Services, arg: unknown): Promise<HistoryPanel | undefined> {
  await services.indexer.whenIndexed();
  let id = partnerArg(services, arg);
  if (!id) {
    const picked = await vscode.window.showQuickPick(
      services.index.partners().map((p) => ({ label: p.organization, description: p.id, id: p.id })),
      { placeHolder: 'Whose history?' },
    );
    id = picked?.id;
  }
  if (!id) return undefined;
  if (!services.index.partner(id)) {
    void vscode.window.showWarningMessage(`No worksheet names the partner '${id}'.`);
    return undefined;
  }
  return HistoryPanel.show(context, services, id);
}

type ShareMode = ExportFormat | 'clipboard';

/** The worksheet a share command was given: a URI, a tree node (a meeting, or a partner's latest held one), else the active editor's. */
function worksheetArg(services: Services, arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg) return vscode.Uri.parse(arg);
  if (arg && typeof arg === 'object') {
    const node = arg as { uri?: unknown; partnerId?: unknown; kind?: unknown };
    if (node.kind === 'meeting' && typeof node.uri === 'string') return vscode.Uri.parse(node.uri);
    if (typeof node.partnerId === 'string') {
      const latest = latestHeld(services, node.partnerId);
      if (latest) return vscode.Uri.parse(latest);
    }
  }
  return vscode.window.activeTextEditor?.document.uri ?? activeTabUri();
}

/**
 * "Share What We Heard": one worksheet as a summary for the partner. Callers
 * (and tests) may pass the worksheet, the mode and a target, which is never
 * replaced; else the user picks.
 */
async function shareCommand(services: Services, arg: unknown, mode: unknown, target: unknown): Promise<vscode.Uri | string | undefined> {
  const uri = worksheetArg(services, arg);
  if (!uri || kindOfFile(uri.toString()) !== 'worksheet') {
    void vscode.window.showWarningMessage('Open a meeting worksheet (*.worksheet.yaml) to share what you heard.');
    return undefined;
  }
  // The editor's text when it is open (unsaved typing included), else the file's.
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const text = open?.getText() ?? services.index.get(uri.toString())?.text ?? new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  const summary = shareBack(uri.toString(), text, services.today());
  if (!summary) {
    void vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(uri)} ${nothingToShare(uri.toString(), text)}.`);
    return undefined;
  }
  if (summary.notReady) {
    // Not sent without asking: a meeting not held yet, or notes cut short by a syntax error.
    const anyway = 'Share Anyway';
    if (await vscode.window.showWarningMessage(summary.notReady, { modal: true }, anyway) !== anyway) return undefined;
  }
  let chosen: ShareMode | undefined = mode === 'markdown' || mode === 'html' || mode === 'clipboard' ? mode : undefined;
  if (!chosen) {
    const pick = await vscode.window.showQuickPick([
      { label: 'Copy as Markdown', description: 'to paste into an email', mode: 'clipboard' as const },
      { label: 'Save as Markdown…', mode: 'markdown' as const },
      { label: 'Save as HTML…', description: 'one printable page', mode: 'html' as const },
    ], { placeHolder: `Share what we heard with ${summary.organization}` });
    chosen = pick?.mode;
  }
  if (!chosen) return undefined;
  if (chosen === 'clipboard') {
    const md = renderShareMarkdown(summary);
    await vscode.env.clipboard.writeText(md);
    void vscode.window.showInformationMessage(`Copied what we heard from ${summary.organization}. Set after.shared_back_on once you have sent it.`);
    return md;
  }
  const ext = chosen === 'markdown' ? 'md' : 'html';
  const given = target instanceof vscode.Uri ? target : typeof target === 'string' && target ? vscode.Uri.parse(target) : undefined;
  const name = uri.path.split('/').pop()!.replace(/\.worksheet\.ya?ml$/, '');
  const out = given ?? await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(uri, '..', `${name}.what-we-heard.${ext}`),
    filters: chosen === 'markdown' ? { Markdown: ['md'] } : { HTML: ['html', 'htm'] },
    saveLabel: 'Save',
    title: `What we heard from ${summary.organization}`,
  });
  if (!out) return undefined;
  const page = chosen === 'markdown' ? renderShareMarkdown(summary) : renderShareHtml(summary);
  return writeExport(services.log, out, given !== undefined, page, { what: 'what we heard', saved: (where) => `Saved what we heard to ${where}.` });
}

export function register(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('partnerWorksheets.openPartnerHistory', (arg?: unknown) => openHistory(context, services, arg)),
    vscode.commands.registerCommand('partnerWorksheets.shareWhatWeHeard', (arg?: unknown, mode?: unknown, target?: unknown) => shareCommand(services, arg, mode, target)),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown) => {
        HistoryPanel.revive(panel, context, services, state);
      },
    }),
    { dispose: () => HistoryPanel.active?.dispose() },
  );
}
