// Thin TreeItems over the pure model: one class per level of the tree, so
// what each level looks like, and which context menu it gets, is in one place.
// They hold no state of their own; the provider makes a new one on request.
import * as vscode from 'vscode';
import type { Gaps, NodeKind, TreeNode } from './tree-model';
import { gapCount } from './tree-model';

/** Command that opens a node's file; the tree runs it when an item is selected. */
export const OPEN_COMMAND = 'partnerWorksheets.partners.open';

/**
 * Nodes without a file of their own (folders, rounds, partners, the convenings
 * group) get a resource in this scheme, so `GapDecorations` can colour them
 * and give them a badge. Files keep their real URI, where VS Code's own
 * Problems decorations already show the counts of the diagnostics.
 */
export const GAPS_SCHEME = 'partner-worksheets-gaps';
const WITHOUT_FILE: ReadonlySet<NodeKind> = new Set<NodeKind>(['folder', 'round', 'partner', 'convenings']);

const STATUS_ICON: Record<string, string> = {
  planned: 'calendar',
  prepared: 'checklist',
  held: 'comment-discussion',
  filled: 'edit',
  shared: 'check-all',
};

const { Collapsed, Expanded, None } = vscode.TreeItemCollapsibleState;

/**
 * The node's id, hex-encoded: ids hold URIs, and a path full of percent escapes
 * froze the workbench's renderer once decorations were applied to it.
 */
export function gapsUri(node: TreeNode): vscode.Uri {
  const hex = Array.from(new TextEncoder().encode(node.id), (b) => b.toString(16).padStart(2, '0')).join('');
  return vscode.Uri.from({ scheme: GAPS_SCHEME, path: `/${hex}` });
}

/** Worksheet text is user-controlled: the model escaped it, and nothing here may run. */
function tooltip(value: string | undefined): vscode.MarkdownString | undefined {
  if (!value) return undefined;
  const tip = new vscode.MarkdownString(value, false);
  tip.isTrusted = false;
  tip.supportHtml = false;
  return tip;
}

function iconColor(gaps: Gaps): vscode.ThemeColor | undefined {
  if (gaps.errors) return new vscode.ThemeColor('problemsErrorIcon.foreground');
  if (gaps.warnings) return new vscode.ThemeColor('problemsWarningIcon.foreground');
  return undefined;
}

function openCommand(uri: vscode.Uri): vscode.Command {
  return { command: OPEN_COMMAND, title: 'Open', arguments: [uri] };
}

abstract class NodeItem extends vscode.TreeItem {
  constructor(node: TreeNode, state: vscode.TreeItemCollapsibleState, contextValue: string, icon: string) {
    super(node.label, state);
    // The id is what keeps expansion and selection across refreshes.
    this.id = node.id;
    this.contextValue = contextValue;
    this.description = node.description;
    this.tooltip = tooltip(node.tooltip);
    this.iconPath = new vscode.ThemeIcon(icon, iconColor(node.gaps));
  }

  /** Items that stand for a file show its decorations and open it on select. */
  protected opensFile(node: TreeNode): void {
    if (!node.uri) return;
    this.resourceUri = vscode.Uri.parse(node.uri);
    this.command = openCommand(this.resourceUri);
  }
}

export class FolderItem extends NodeItem {
  constructor(node: TreeNode) {
    super(node, Expanded, 'folder', 'root-folder');
    this.resourceUri = gapsUri(node);
  }
}

export class RoundItem extends NodeItem {
  constructor(node: TreeNode) {
    // "No round" has no team review to open: a different context value hides the menu.
    super(node, Expanded, node.round ? 'round' : 'roundUnnamed', 'history');
    this.resourceUri = gapsUri(node);
  }
}

export class PartnerItem extends NodeItem {
  constructor(node: TreeNode, expanded: boolean) {
    super(node, expanded ? Expanded : Collapsed, 'partner', 'organization');
    this.resourceUri = gapsUri(node);
  }
}

export class MeetingItem extends NodeItem {
  constructor(node: TreeNode) {
    super(node, None, 'meeting', STATUS_ICON[node.status ?? ''] ?? 'circle-outline');
    this.opensFile(node);
  }
}

export class ReviewItem extends NodeItem {
  constructor(node: TreeNode) {
    super(node, None, 'review', 'tasklist');
    this.opensFile(node);
  }
}

export class ConveningsItem extends NodeItem {
  constructor(node: TreeNode) {
    super(node, Collapsed, 'convenings', 'broadcast');
    this.resourceUri = gapsUri(node);
  }
}

export class ConveningItem extends NodeItem {
  constructor(node: TreeNode) {
    super(node, node.children.length ? Collapsed : None, 'convening', 'project');
    this.opensFile(node);
  }
}

export class ConveningPartnerItem extends NodeItem {
  constructor(node: TreeNode) {
    // A partner no worksheet names yet: "New Meeting" applies, "open" does not.
    super(node, None, node.uri ? 'conveningPartner' : 'conveningPartnerUnmet', 'person');
    // Selecting opens the partner's latest worksheet. No resourceUri: it would
    // show that worksheet's Problems decorations on the partner's name.
    if (node.uri) this.command = openCommand(vscode.Uri.parse(node.uri));
  }
}

export function createItem(node: TreeNode, partnersExpanded: boolean): vscode.TreeItem {
  switch (node.kind) {
    case 'folder': return new FolderItem(node);
    case 'round': return new RoundItem(node);
    case 'partner': return new PartnerItem(node, partnersExpanded);
    case 'meeting': return new MeetingItem(node);
    case 'review': return new ReviewItem(node);
    case 'convenings': return new ConveningsItem(node);
    case 'convening': return new ConveningItem(node);
    case 'convening-partner': return new ConveningPartnerItem(node);
  }
}

/**
 * Colour and a count badge for the nodes without a file (see GAPS_SCHEME),
 * the way the Explorer marks folders that hold problems.
 */
export class GapDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri[]>();
  readonly onDidChangeFileDecorations = this.emitter.event;
  /** By the URI's string form, with the URI itself to report changes with. */
  private gaps = new Map<string, { uri: vscode.Uri; gaps: Gaps }>();

  /** Takes the tree's current nodes and re-decorates the ones whose counts moved. */
  update(nodes: readonly TreeNode[]): void {
    const next = new Map<string, { uri: vscode.Uri; gaps: Gaps }>();
    const walk = (level: readonly TreeNode[]) => {
      for (const n of level) {
        if (WITHOUT_FILE.has(n.kind)) {
          const uri = gapsUri(n);
          next.set(uri.toString(), { uri, gaps: n.gaps });
        }
        walk(n.children);
      }
    };
    walk(nodes);
    const changed: vscode.Uri[] = [];
    for (const [key, before] of this.gaps) if (!next.has(key) && gapCount(before.gaps)) changed.push(before.uri);
    for (const [key, after] of next) {
      const before = this.gaps.get(key)?.gaps;
      if (before?.errors !== after.gaps.errors || before?.warnings !== after.gaps.warnings) changed.push(after.uri);
    }
    this.gaps = next;
    if (changed.length) this.emitter.fire(changed);
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== GAPS_SCHEME) return undefined;
    const g = this.gaps.get(uri.toString())?.gaps;
    const n = g ? gapCount(g) : 0;
    if (!g || n === 0) return undefined;
    // Badges hold at most two characters; the Explorer writes larger counts as 9+.
    const badge = n > 9 ? '9+' : String(n);
    const color = new vscode.ThemeColor(g.errors ? 'list.errorForeground' : 'list.warningForeground');
    return new vscode.FileDecoration(badge, `${n} gap${n === 1 ? '' : 's'} to fix`, color);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
