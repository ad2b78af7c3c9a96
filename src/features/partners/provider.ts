// The Partners view's TreeDataProvider: holds the current tree, rebuilds it
// from the index on request and tells VS Code only about the nodes that
// changed, so expansion, selection and scroll position survive an edit.
import * as vscode from 'vscode';
import type { WorkspaceIndex } from '../../core/workspace';
import type { TreeNode, TreeOptions } from './tree-model';
import { buildTree, findMeeting, parentMap, reconcile } from './tree-model';
import { createItem } from './tree-items';

export class PartnersProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly updated = new vscode.EventEmitter<readonly TreeNode[]>();
  /** Fires after every rebuild with the new top level (for the badge and decorations). */
  readonly onDidUpdate = this.updated.event;
  private roots: TreeNode[] = [];
  private parents = new Map<string, TreeNode | undefined>();
  private loaded = false;

  /**
   * @param ready resolves once indexing is done: until then the view shows its
   *   progress bar, not a half-built tree or the welcome text. A function, as
   *   indexing starts only after every feature has registered.
   */
  constructor(
    private readonly index: WorkspaceIndex,
    private readonly options: () => TreeOptions,
    private readonly ready: () => Promise<void>,
  ) {}

  /** Whether the first build has happened (updates before it would only churn). */
  get isLoaded(): boolean {
    return this.loaded;
  }

  /** Rebuilds from the index and refreshes only the nodes that look different. */
  update(): void {
    const { roots, changed } = reconcile(this.roots, buildTree(this.index, this.options()));
    this.setRoots(roots);
    if (changed === undefined) this.changed.fire(undefined);
    else if (changed.length) this.changed.fire(changed);
  }

  /** Rebuilds with new objects and refreshes the whole view (the Refresh command). */
  reset(): void {
    this.setRoots(buildTree(this.index, this.options()));
    this.changed.fire(undefined);
  }

  private setRoots(roots: TreeNode[]): void {
    this.roots = roots;
    this.parents = parentMap(roots);
    this.loaded = true;
    this.updated.fire(roots);
  }

  async getChildren(element?: TreeNode): Promise<TreeNode[]> {
    if (element) return element.children;
    await this.ready();
    // The view is asking for the whole tree anyway: build it without an event.
    if (!this.loaded) this.setRoots(buildTree(this.index, this.options()));
    return this.roots;
  }

  getParent(element: TreeNode): TreeNode | undefined {
    return this.parents.get(element.id);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    // Grouped by round, a round holds few partners: show their meetings at once.
    return createItem(node, this.options().groupBy === 'round');
  }

  /** The node of a worksheet, for reveal; undefined when a filter hides it. */
  findMeeting(uri: string): TreeNode | undefined {
    return findMeeting(this.roots, uri);
  }

  dispose(): void {
    this.changed.dispose();
    this.updated.dispose();
  }
}
