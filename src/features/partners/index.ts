// The Partners view: partners and their meetings (or rounds), convenings and
// reviews, with gaps visible. The model is pure (tree-model.ts); this file
// adapts it to a TreeDataProvider and registers the view's commands.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { GroupBy, TreeNode } from './tree-model';
import { allNodes, buildTree, gapCount, parentMap, totalGaps } from './tree-model';

const VIEW_ID = 'partnerWorksheets.partners';
const STATE_KEY = 'partnerWorksheets.partners.state';

interface ViewState {
  groupBy: GroupBy;
  round?: string;
  onlyWithGaps: boolean;
}

const STATUS_ICON: Record<string, string> = {
  planned: 'calendar',
  prepared: 'checklist',
  held: 'comment-discussion',
  filled: 'edit',
  shared: 'check-all',
};

const ICON: Record<TreeNode['kind'], string> = {
  folder: 'root-folder',
  partner: 'organization',
  meeting: 'note',
  round: 'history',
  convenings: 'references',
  convening: 'organization',
  'convening-partner': 'person',
  review: 'comment-discussion',
};

/** One TreeItem class per level keeps the mapping from model to view obvious. */
class PartnerItem extends vscode.TreeItem {
  constructor(node: TreeNode, expanded: boolean) {
    super(node.label, expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    this.contextValue = 'partner';
  }
}

class MeetingItem extends vscode.TreeItem {
  constructor(node: TreeNode) {
    super(node.label, vscode.TreeItemCollapsibleState.None);
    this.contextValue = 'meeting';
    this.iconPath = new vscode.ThemeIcon(STATUS_ICON[node.status ?? ''] ?? 'circle-outline', gapColor(node));
    if (node.uri) {
      this.resourceUri = vscode.Uri.parse(node.uri);
      this.command = { command: 'vscode.open', title: 'Open Worksheet', arguments: [this.resourceUri] };
    }
  }
}

class GroupItem extends vscode.TreeItem {
  constructor(node: TreeNode, contextValue: string) {
    super(node.label, vscode.TreeItemCollapsibleState.Expanded);
    this.contextValue = contextValue;
  }
}

class FileItem extends vscode.TreeItem {
  constructor(node: TreeNode, contextValue: string, collapsible: boolean) {
    super(node.label, collapsible ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    this.contextValue = contextValue;
    if (node.uri) {
      this.resourceUri = vscode.Uri.parse(node.uri);
      this.command = { command: 'vscode.open', title: 'Open', arguments: [this.resourceUri] };
    }
  }
}

function gapColor(node: TreeNode): vscode.ThemeColor | undefined {
  if (node.gaps.errors) return new vscode.ThemeColor('list.errorForeground');
  if (node.gaps.warnings) return new vscode.ThemeColor('list.warningForeground');
  return undefined;
}

function gapText(node: TreeNode): string {
  const n = gapCount(node.gaps);
  return n ? `${n} gap${n === 1 ? '' : 's'}` : '';
}

export class PartnersProvider implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: TreeNode[] | undefined;
  private parents = new Map<string, TreeNode | undefined>();

  constructor(private readonly services: Services, readonly state: () => ViewState) {}

  dispose(): void {
    this.changed.dispose();
  }

  refresh(): void {
    this.roots = undefined;
    this.changed.fire(undefined);
  }

  nodes(): TreeNode[] {
    if (!this.roots) {
      const s = this.state();
      this.roots = buildTree(this.services.index, {
        groupBy: s.groupBy,
        round: s.round,
        onlyWithGaps: s.onlyWithGaps,
        roots: (vscode.workspace.workspaceFolders ?? []).map((f) => ({ uri: f.uri.toString(), name: f.name })),
      });
      this.parents = parentMap(this.roots);
    }
    return this.roots;
  }

  getChildren(element?: TreeNode): TreeNode[] {
    return element ? element.children : this.nodes();
  }

  getParent(element: TreeNode): TreeNode | undefined {
    this.nodes();
    return this.parents.get(element.id);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    let item: vscode.TreeItem;
    switch (node.kind) {
      case 'partner': item = new PartnerItem(node, this.state().groupBy === 'round'); break;
      case 'meeting': item = new MeetingItem(node); break;
      case 'review': item = new FileItem(node, 'review', false); break;
      case 'convening': item = new FileItem(node, 'convening', node.children.length > 0); break;
      case 'convening-partner': item = new FileItem(node, 'conveningPartner', false); break;
      case 'round': item = new GroupItem(node, 'round'); break;
      default: item = new GroupItem(node, node.kind);
    }
    item.id = node.id;
    const gaps = gapText(node);
    item.description = [node.description, gaps].filter(Boolean).join(' · ');
    if (node.kind !== 'meeting') item.iconPath = new vscode.ThemeIcon(ICON[node.kind], gapColor(node));
    if (node.tooltip) {
      const tip = new vscode.MarkdownString(node.tooltip);
      tip.supportHtml = false;
      tip.isTrusted = false;
      item.tooltip = tip;
    }
    return item;
  }

  /** The meeting node of a worksheet, for reveal. */
  findMeeting(uri: string): TreeNode | undefined {
    return allNodes(this.nodes()).find((n) => n.kind === 'meeting' && n.uri === uri);
  }
}

export function register(context: vscode.ExtensionContext, services: Services): PartnersProvider {
  const stored = context.workspaceState.get<ViewState>(STATE_KEY);
  let state: ViewState = { groupBy: stored?.groupBy ?? 'partner', round: stored?.round, onlyWithGaps: stored?.onlyWithGaps ?? false };
  const provider = new PartnersProvider(services, () => state);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });

  const applyState = async (next: ViewState) => {
    state = next;
    await context.workspaceState.update(STATE_KEY, state);
    await vscode.commands.executeCommand('setContext', 'partnerWorksheets.groupBy', state.groupBy);
    await vscode.commands.executeCommand('setContext', 'partnerWorksheets.onlyWithGaps', state.onlyWithGaps);
    await vscode.commands.executeCommand('setContext', 'partnerWorksheets.roundFilter', state.round ?? '');
    view.message = state.round ? `Showing round ${state.round}` : undefined;
    provider.refresh();
  };
  void applyState(state);

  const updateBadge = () => {
    const total = gapCount(totalGaps(provider.nodes()));
    view.badge = total ? { value: total, tooltip: `${total} gap${total === 1 ? '' : 's'} to fix` } : undefined;
  };

  // Index updates come in bursts (loading, a branch switch): coalesce them,
  // without letting a steady stream of updates postpone the refresh forever.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const scheduleRefresh = () => {
    timer ??= setTimeout(() => {
      timer = undefined;
      provider.refresh();
      updateBadge();
    }, 150);
  };

  const nodeArg = (arg: unknown): TreeNode | undefined => (arg && typeof arg === 'object' && 'kind' in arg ? arg as TreeNode : view.selection[0]);

  context.subscriptions.push(
    provider,
    view,
    { dispose: () => clearTimeout(timer) },
    services.indexer.onDidChange(scheduleRefresh),
    vscode.workspace.onDidChangeWorkspaceFolders(scheduleRefresh),
    vscode.commands.registerCommand('partnerWorksheets.partners.groupByPartner', () => applyState({ ...state, groupBy: 'partner' })),
    vscode.commands.registerCommand('partnerWorksheets.partners.groupByRound', () => applyState({ ...state, groupBy: 'round' })),
    vscode.commands.registerCommand('partnerWorksheets.partners.showOnlyGaps', () => applyState({ ...state, onlyWithGaps: true })),
    vscode.commands.registerCommand('partnerWorksheets.partners.showAll', () => applyState({ ...state, onlyWithGaps: false })),
    vscode.commands.registerCommand('partnerWorksheets.partners.filterRound', async () => {
      const rounds = [...services.index.rounds()].reverse();
      const pick = await vscode.window.showQuickPick([{ label: 'All rounds', round: undefined as string | undefined }, ...rounds.map((r) => ({ label: r, round: r as string | undefined }))], { placeHolder: 'Show which round?' });
      if (pick) await applyState({ ...state, round: pick.round });
    }),
    vscode.commands.registerCommand('partnerWorksheets.partners.refresh', () => { provider.refresh(); updateBadge(); }),
    vscode.commands.registerCommand('partnerWorksheets.partners.reveal', async () => {
      const uri = vscode.window.activeTextEditor?.document.uri.toString();
      const node = uri ? provider.findMeeting(uri) : undefined;
      if (node) await view.reveal(node, { select: true, focus: true, expand: true });
      else void vscode.window.showInformationMessage('The active editor is not a worksheet shown in the Partners view.');
    }),
    vscode.commands.registerCommand('partnerWorksheets.partners.copyPartnerId', async (arg: unknown) => {
      const id = nodeArg(arg)?.partnerId;
      if (id) await vscode.env.clipboard.writeText(id);
    }),
    vscode.commands.registerCommand('partnerWorksheets.partners.revealInExplorer', async (arg: unknown) => {
      const uri = nodeArg(arg)?.uri;
      if (uri) await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.parse(uri));
    }),
    vscode.commands.registerCommand('partnerWorksheets.partners.newMeeting', (arg: unknown) => vscode.commands.executeCommand('partnerWorksheets.newWorksheet', nodeArg(arg)?.partnerId)),
    vscode.commands.registerCommand('partnerWorksheets.partners.openReview', (arg: unknown) => vscode.commands.executeCommand('partnerWorksheets.openReview', nodeArg(arg)?.round)),
  );
  void services.indexer.whenIndexed().then(() => { provider.refresh(); updateBadge(); });
  return provider;
}
