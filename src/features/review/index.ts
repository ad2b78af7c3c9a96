// The Team Review panel: the trend summary of a round, kept live as worksheets
// change. "Start team review" creates (or opens) the round's review file;
// "Export" saves Markdown or a self-contained HTML page. One panel per
// workspace, restored after a reload by its serializer.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { summarize } from '../../core/summary/summarize';
import type { ReviewSummary } from '../../core/summary/summarize';
import { renderMarkdown } from '../../core/summary/render-markdown';
import { renderStandaloneHtml } from '../../core/summary/render-html';
import { reviewText } from '../../core/summary/review-file';
import { dirname as uriDirname } from '../../core/paths';
import type { ExportFormat, HostMessage, PageMessage } from './messages';
import { parsePageMessage, parsePageState } from './messages';
import { pageHtml } from './page-html';
import { exists } from '../workspace/exists';
import { writeExport } from '../workspace/write-export';
import { YamlView, parseFile } from '../../core/yaml';
import { toRange } from '../diagnostics/convert';
import { LivePanel, openAt, pageResources, panelOptions, relativeTo } from '../panels/live-panel';

export const VIEW_TYPE = 'partnerWorksheets.review';

export class ReviewPanel extends LivePanel<PageMessage, HostMessage> {
  private static current: ReviewPanel | undefined;

  static show(context: vscode.ExtensionContext, services: Services, round?: string): ReviewPanel {
    const existing = ReviewPanel.current;
    if (existing) {
      if (round) existing.round = round;
      existing.panel.reveal();
      existing.update();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Team Review', vscode.ViewColumn.Active, panelOptions(context));
    return new ReviewPanel(panel, context, services, round);
  }

  /** The serializer's way in: VS Code kept the panel across a reload, with the page's state. */
  static revive(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, services: Services, state: unknown): ReviewPanel {
    panel.webview.options = panelOptions(context);
    ReviewPanel.current?.dispose();
    return new ReviewPanel(panel, context, services, parsePageState(state).round);
  }

  static get active(): ReviewPanel | undefined {
    return ReviewPanel.current;
  }

  private constructor(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, services: Services, private round: string | undefined) {
    super(panel, services, { name: 'review', parse: parsePageMessage });
    ReviewPanel.current = this;
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'partners.svg');
    panel.webview.html = pageHtml(pageResources(panel.webview, context.extensionUri, ['main.js'], 'review.css'));
    this.setTitle();
  }

  get currentRound(): string | undefined {
    return this.round;
  }

  summary(): ReviewSummary {
    return summarize(this.services.index, { round: this.round, today: this.services.today() });
  }

  protected render(): void {
    // A round whose files are all gone falls back to the latest.
    if (this.round && !this.services.index.rounds().includes(this.round)) this.round = undefined;
    const summary = this.summary();
    this.round = summary.round || undefined;
    this.setTitle();
    void this.post({ type: 'summary', summary });
  }

  private setTitle(): void {
    this.panel.title = this.round ? `Team Review: ${this.round}` : 'Team Review';
  }

  protected async handle(msg: PageMessage): Promise<void> {
    switch (msg.type) {
      case 'ready':
        this.update();
        break;
      case 'selectRound':
        if (!this.services.index.rounds().includes(msg.round)) {
          this.services.log.warn(`The review page asked for an unknown round: ${msg.round}`);
          return;
        }
        this.round = msg.round;
        this.update();
        break;
      case 'open':
        await openAt(this.services, 'review', msg.uri, msg.line);
        break;
      case 'startReview':
        await vscode.commands.executeCommand('partnerWorksheets.startReview', msg.round);
        break;
      case 'export':
        await exportSummary(this.summary(), msg.format, this.services);
        break;
      case 'commitmentDone':
        await markCommitmentDone(this.services, msg.uri, msg.index);
        break;
    }
  }

  protected forget(): void {
    if (ReviewPanel.current === this) ReviewPanel.current = undefined;
  }
}

/**
 * Writes the summary as Markdown or HTML. Without a target the save dialog
 * asks where (and asks before replacing a file); a target given by a caller
 * is never replaced. A failed write says why and changes nothing.
 */
async function exportSummary(summary: ReviewSummary, format: ExportFormat, services: Services, given?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const ext = format === 'markdown' ? 'md' : 'html';
  const target = given ?? await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, `${safeName(summary.round || 'team')}-review.${ext}`) : undefined,
    filters: format === 'markdown' ? { Markdown: ['md'] } : { HTML: ['html', 'htm'] },
    saveLabel: 'Export',
    title: `Export the ${summary.round} review`,
  });
  if (!target) return undefined;
  const rel = relativeTo(vscode.Uri.joinPath(target, '..'));
  const text = format === 'markdown'
    ? renderMarkdown(summary, (r) => `${rel(r)}:${r.line}`)
    : renderStandaloneHtml(summary, { href: rel });
  return writeExport(services.log, target, given !== undefined, text, { what: 'the review', saved: (where) => `Exported the ${summary.round} review to ${where}.` });
}

/** A round name as a file name: rounds come from worksheets and may hold anything. */
function safeName(round: string): string {
  const s = round.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+|[.-]+$/g, '');
  return s || 'round';
}

/**
 * Where a round's new review file goes: beside the team's other reviews, else
 * in `reviews/` next to the settings file, else in the workspace folder.
 */
function reviewFolder(services: Services, round: string): vscode.Uri | undefined {
  const { index } = services;
  const meeting = index.meetings().find((m) => m.round === round);
  const folder = (meeting && vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(meeting.uri))) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) return undefined;
  const inFolder = (uri: string) => uri.startsWith(`${folder.uri.toString()}/`);
  const other = index.documents('review').find((d) => inFolder(d.uri));
  if (other) return vscode.Uri.parse(uriDirname(other.uri));
  const settings = index.documents('config').filter((d) => inFolder(d.uri)).sort((a, b) => a.uri.length - b.uri.length)[0];
  return vscode.Uri.joinPath(settings ? vscode.Uri.parse(uriDirname(settings.uri)) : folder.uri, 'reviews');
}

/**
 * Sets `status: done` on one commitment of an indexed review file, as an
 * undoable edit of the open document (left unsaved, like a quick fix).
 */
export async function markCommitmentDone(services: Services, uri: string, index: number): Promise<boolean> {
  const known = services.index.get(uri);
  if (known?.kind !== 'review') {
    services.log.warn(`The review page asked to mark a commitment done in a file that is not a review: ${uri}`);
    return false;
  }
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const text = doc.getText();
  const view = new YamlView(parseFile(uri, text));
  // The page's index comes from the summary; the file may have changed since.
  if (!view.node(['commitments', index, 'action'])) return false;
  const change = view.setValue(['commitments', index, 'status'], 'done');
  if (!change) return false;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, toRange(change.range), change.newText);
  return vscode.workspace.applyEdit(edit);
}

/**
 * Opens the round's review file, or creates it prefilled from the summary. An
 * existing file is never overwritten: the edit refuses to create over one, and
 * the file is opened instead.
 */
export async function startReview(services: Services, round?: string): Promise<vscode.Uri | undefined> {
  const { index } = services;
  const chosen = round ?? (await pickRound(services));
  if (!chosen) return undefined;
  if (!index.rounds().includes(chosen)) {
    void vscode.window.showWarningMessage(`No worksheet belongs to a round named '${chosen}'.`);
    return undefined;
  }
  const known = index.documents('review').find((d) => d.round === chosen);
  if (known) {
    const uri = vscode.Uri.parse(known.uri);
    await vscode.window.showTextDocument(uri);
    return uri;
  }
  const folder = reviewFolder(services, chosen);
  if (!folder) {
    void vscode.window.showWarningMessage('Open a folder with worksheets to start a team review.');
    return undefined;
  }
  const target = vscode.Uri.joinPath(folder, `${safeName(chosen)}.review.yaml`);
  if (await exists(target)) {
    // A file the index has not read yet (or that is not valid): open it as it is.
    await vscode.window.showTextDocument(target);
    return target;
  }
  const summary = summarize(index, { round: chosen, today: services.today() });
  const edit = new vscode.WorkspaceEdit();
  // One edit, undoable as one: create the file (failing if it appeared meanwhile), then write the prefill.
  edit.createFile(target, { overwrite: false, ignoreIfExists: false });
  edit.insert(target, new vscode.Position(0, 0), reviewText(summary, services.today()));
  if (!(await vscode.workspace.applyEdit(edit))) {
    if (await exists(target)) {
      await vscode.window.showTextDocument(target);
      return target;
    }
    void vscode.window.showErrorMessage(`Could not create ${vscode.workspace.asRelativePath(target)}.`);
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument(target);
  // Saved at once, so the index, the Partners view and other tools see the review.
  await doc.save();
  const editor = await vscode.window.showTextDocument(doc);
  // Put the cursor on the commitments: what the meeting is there to agree.
  const line = doc.getText().split('\n').findIndex((l) => l.startsWith('commitments:'));
  if (line >= 0) editor.selection = new vscode.Selection(line, 0, line, 0);
  return target;
}

/**
 * "Export Team Review": the round shown in the panel (or the latest) as
 * Markdown or HTML. Callers may pass the format, a target URI and a round.
 */
async function exportCommand(services: Services, format: unknown, target: unknown, round: unknown): Promise<vscode.Uri | undefined> {
  let chosen: ExportFormat | undefined = format === 'markdown' || format === 'html' ? format : undefined;
  if (!chosen) {
    const pick = await vscode.window.showQuickPick([
      { label: 'Markdown', description: 'for the team\'s notes or a pull request', format: 'markdown' as const },
      { label: 'HTML', description: 'one self-contained page to share', format: 'html' as const },
    ], { placeHolder: 'Export the team review as' });
    chosen = pick?.format;
  }
  if (!chosen) return undefined;
  const uri = target instanceof vscode.Uri ? target : typeof target === 'string' && target ? vscode.Uri.parse(target) : undefined;
  const r = typeof round === 'string' && round ? round : ReviewPanel.active?.currentRound;
  return exportSummary(summarize(services.index, { round: r, today: services.today() }), chosen, services, uri);
}

async function pickRound(services: Services): Promise<string | undefined> {
  const rounds = [...services.index.rounds()].reverse();
  if (rounds.length <= 1) return rounds[0] ?? ReviewPanel.active?.currentRound;
  const active = ReviewPanel.active?.currentRound;
  const items = rounds.map((r) => ({ label: r, description: r === active ? 'shown in the Team Review' : undefined }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Which round does the team review?' });
  return picked?.label;
}

export function register(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('partnerWorksheets.openReview', (round?: unknown) => {
      ReviewPanel.show(context, services, typeof round === 'string' && round ? round : undefined);
    }),
    vscode.commands.registerCommand('partnerWorksheets.startReview', (round?: unknown) =>
      startReview(services, typeof round === 'string' && round ? round : ReviewPanel.active?.currentRound)),
    vscode.commands.registerCommand('partnerWorksheets.exportReview', (format?: unknown, target?: unknown, round?: unknown) =>
      exportCommand(services, format, target, round)),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown) => {
        ReviewPanel.revive(panel, context, services, state);
      },
    }),
    { dispose: () => ReviewPanel.active?.dispose() },
  );
}
