// Thin TreeItems over the pure model. How each kind of node looks (context
// value, which picks its menus; icon; collapsible state) and what it stands
// for (a file, or a resource only for its gap badge) is one row of a table;
// one function dresses every node from its row. Items hold no state of their
// own: the provider makes a new one on request.
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

/**
 * What an item stands for. `gaps`: a node without a file of its own, given a
 * resource in GAPS_SCHEME for its badge. `file`: the node's file, whose
 * Problems decorations it shows and which it opens on select. `opens`: it
 * opens the node's file on select but shows no resource (a convening partner
 * would otherwise wear its latest worksheet's problem counts).
 */
type Stands = 'gaps' | 'file' | 'opens';

/** A value, or how to get it from the node (and whether partners start expanded). */
type ByNode<T> = T | ((node: TreeNode, partnersExpanded: boolean) => T);

function pick<T extends string | number>(value: ByNode<T>, node: TreeNode, partnersExpanded: boolean): T {
  return typeof value === 'function' ? value(node, partnersExpanded) : value;
}

interface ItemLook {
  /** Picks the item's menus (the `viewItem` of package.json's menus). */
  contextValue: ByNode<string>;
  icon: ByNode<string>;
  state: ByNode<vscode.TreeItemCollapsibleState>;
  stands: Stands;
}

const LOOKS: Record<NodeKind, ItemLook> = {
  folder: { contextValue: 'folder', icon: 'root-folder', state: Expanded, stands: 'gaps' },
  // "No round" has no team review to open: a different context value hides the menu.
  round: { contextValue: (n) => (n.round ? 'round' : 'roundUnnamed'), icon: 'history', state: Expanded, stands: 'gaps' },
  partner: { contextValue: 'partner', icon: 'organization', state: (_n, expanded) => (expanded ? Expanded : Collapsed), stands: 'gaps' },
  meeting: { contextValue: 'meeting', icon: (n) => STATUS_ICON[n.status ?? ''] ?? 'circle-outline', state: None, stands: 'file' },
  review: { contextValue: 'review', icon: 'tasklist', state: None, stands: 'file' },
  convenings: { contextValue: 'convenings', icon: 'broadcast', state: Collapsed, stands: 'gaps' },
  convening: { contextValue: 'convening', icon: 'project', state: (n) => (n.children.length ? Collapsed : None), stands: 'file' },
  // A partner no worksheet names yet: "New Meeting" applies, "open" does not.
  'convening-partner': { contextValue: (n) => (n.uri ? 'conveningPartner' : 'conveningPartnerUnmet'), icon: 'person', state: None, stands: 'opens' },
};

/** The kinds whose items carry a GAPS_SCHEME resource, which GapDecorations decorates. */
const WITHOUT_FILE: ReadonlySet<NodeKind> = new Set((Object.keys(LOOKS) as NodeKind[]).filter((k) => LOOKS[k].stands === 'gaps'));

export function createItem(node: TreeNode, partnersExpanded: boolean): vscode.TreeItem {
  const look = LOOKS[node.kind];
  const item = new vscode.TreeItem(node.label, pick(look.state, node, partnersExpanded));
  // The id is what keeps expansion and selection across refreshes.
  item.id = node.id;
  item.contextValue = pick(look.contextValue, node, partnersExpanded);
  item.description = node.description;
  item.tooltip = tooltip(node.tooltip);
  item.iconPath = new vscode.ThemeIcon(pick(look.icon, node, partnersExpanded), iconColor(node.gaps));
  if (look.stands === 'gaps') {
    item.resourceUri = gapsUri(node);
  } else if (node.uri) {
    const uri = vscode.Uri.parse(node.uri);
    if (look.stands === 'file') item.resourceUri = uri;
    item.command = openCommand(uri);
  }
  return item;
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
