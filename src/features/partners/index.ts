// The Partners view: partners and their meetings (or rounds with their team
// reviews), convenings with their partners, and the gaps of each. The shape
// of the tree is pure (tree-model.ts); this file wires it to VS Code: the
// view, its grouping and filter state, its badge and its commands.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { GroupBy, TreeNode } from './tree-model';
import { gapCount, totalGaps } from './tree-model';
import { PartnersProvider } from './provider';
import { GapDecorations, OPEN_COMMAND } from './tree-items';
import { unmetAfterDays } from '../history/settings';

export { PartnersProvider } from './provider';

const VIEW_ID = 'partnerWorksheets.partners';
const STATE_KEY = 'partnerWorksheets.partners.state';
/** Index updates come in bursts (loading, a branch switch, typing): coalesce them. */
const REFRESH_DELAY_MS = 150;

/** Context keys the view's menus and welcome content read (see package.json). */
const CONTEXT = {
  groupBy: 'partnerWorksheets.partners.groupBy',
  onlyWithGaps: 'partnerWorksheets.partners.onlyWithGaps',
  roundFilter: 'partnerWorksheets.partners.roundFilter',
  filtered: 'partnerWorksheets.partners.filtered',
} as const;

interface ViewState {
  groupBy: GroupBy;
  round?: string;
  onlyWithGaps: boolean;
}

/** workspaceState outlives versions of this code: take only what still makes sense. */
function readState(stored: unknown): ViewState {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Partial<Record<keyof ViewState, unknown>>;
  return {
    groupBy: s.groupBy === 'round' ? 'round' : 'partner',
    round: typeof s.round === 'string' && s.round ? s.round : undefined,
    onlyWithGaps: s.onlyWithGaps === true,
  };
}

function viewDescription(state: ViewState): string | undefined {
  const parts = [state.groupBy === 'round' ? 'by round' : undefined, state.round, state.onlyWithGaps ? 'with gaps only' : undefined];
  return parts.filter(Boolean).join(' · ') || undefined;
}

/** Menus pass the clicked node; the palette passes nothing, so fall back to the selection. */
function isNode(arg: unknown): arg is TreeNode {
  return !!arg && typeof arg === 'object' && 'id' in arg && 'kind' in arg && 'children' in arg;
}

/** The view and its data, for the extension's API (tests read the selection). */
export interface PartnersView {
  provider: PartnersProvider;
  view: vscode.TreeView<TreeNode>;
}

export function register(context: vscode.ExtensionContext, services: Services): PartnersView {
  let state = readState(context.workspaceState.get(STATE_KEY));
  const provider = new PartnersProvider(
    services.index,
    () => ({
      ...state,
      roots: (vscode.workspace.workspaceFolders ?? []).map((f) => ({ uri: f.uri.toString(), name: f.name })),
      today: services.today(),
      unmetAfterDays: unmetAfterDays(),
    }),
    () => services.indexer.whenIndexed(),
  );
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const decorations = new GapDecorations();

  const setContextKeys = () => Promise.all([
    vscode.commands.executeCommand('setContext', CONTEXT.groupBy, state.groupBy),
    vscode.commands.executeCommand('setContext', CONTEXT.onlyWithGaps, state.onlyWithGaps),
    vscode.commands.executeCommand('setContext', CONTEXT.roundFilter, state.round ?? ''),
    vscode.commands.executeCommand('setContext', CONTEXT.filtered, state.onlyWithGaps || state.round !== undefined),
  ]);
  view.description = viewDescription(state);
  void setContextKeys();

  const applyState = async (next: ViewState) => {
    state = next;
    view.description = viewDescription(state);
    await context.workspaceState.update(STATE_KEY, state);
    await setContextKeys();
    cancelScheduled();
    provider.update();
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancelScheduled = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  // A steady stream of updates must not postpone the refresh forever, so the
  // first update of a burst sets the timer and later ones ride along.
  const scheduleUpdate = () => {
    if (!provider.isLoaded) return; // the first build happens when the view asks or indexing ends
    timer ??= setTimeout(() => {
      timer = undefined;
      provider.update();
    }, REFRESH_DELAY_MS);
  };

  const nodeArg = (arg: unknown): TreeNode | undefined => (isNode(arg) ? arg : view.selection[0]);

  context.subscriptions.push(
    // The long-unmet mark follows the team's setting.
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('partnerWorksheets.partners.unmetAfterDays')) provider.update();
    }),
    provider,
    view,
    decorations,
    vscode.window.registerFileDecorationProvider(decorations),
    { dispose: cancelScheduled },
    provider.onDidUpdate((roots) => {
      decorations.update(roots);
      const open = gapCount(totalGaps(roots));
      view.badge = open ? { value: open, tooltip: `${open} gap${open === 1 ? '' : 's'} to fix in the worksheets shown` } : undefined;
    }),
    services.indexer.onDidChange(scheduleUpdate),
    vscode.workspace.onDidChangeWorkspaceFolders(scheduleUpdate),

    vscode.commands.registerCommand('partnerWorksheets.partners.groupByPartner', () => applyState({ ...state, groupBy: 'partner' })),
    vscode.commands.registerCommand('partnerWorksheets.partners.groupByRound', () => applyState({ ...state, groupBy: 'round' })),
    vscode.commands.registerCommand('partnerWorksheets.partners.showOnlyGaps', () => applyState({ ...state, onlyWithGaps: true })),
    vscode.commands.registerCommand('partnerWorksheets.partners.showAll', () => applyState({ ...state, onlyWithGaps: false })),
    vscode.commands.registerCommand('partnerWorksheets.partners.clearFilters', () => applyState({ ...state, onlyWithGaps: false, round: undefined })),
    ...['partnerWorksheets.partners.filterRound', 'partnerWorksheets.partners.changeRoundFilter'].map((id) =>
      vscode.commands.registerCommand(id, async () => {
        const round = await pickRound(services, state.round);
        if (round !== null) await applyState({ ...state, round });
      })),
    vscode.commands.registerCommand('partnerWorksheets.partners.refresh', () => {
      cancelScheduled();
      provider.reset();
    }),
    vscode.commands.registerCommand('partnerWorksheets.partners.reveal', async () => {
      const uri = vscode.window.activeTextEditor?.document.uri.toString();
      if (!uri) return;
      // The tree may be a moment behind the index: catch up before looking.
      await services.indexer.whenIndexed();
      cancelScheduled();
      provider.update();
      const node = provider.findMeeting(uri);
      if (node) await view.reveal(node, { select: true, focus: true, expand: true });
      else void vscode.window.showInformationMessage(
        services.index.get(uri)?.kind === 'worksheet'
          ? 'This worksheet is hidden by the Partners view\'s filter. Clear the filter to see it.'
          : 'The active editor is not a partner worksheet.',
      );
    }),
    vscode.commands.registerCommand(OPEN_COMMAND, async (arg: unknown) => {
      const uri = arg instanceof vscode.Uri ? arg : nodeArg(arg)?.uri;
      if (!uri) return;
      // Like a single click in the Explorer: a preview, focus stays in the tree.
      await vscode.commands.executeCommand('vscode.open', typeof uri === 'string' ? vscode.Uri.parse(uri) : uri, { preview: true, preserveFocus: true });
    }),
    vscode.commands.registerCommand('partnerWorksheets.partners.copyPartnerId', async (arg: unknown) => {
      const id = nodeArg(arg)?.partnerId;
      if (id) await vscode.env.clipboard.writeText(id);
    }),
    vscode.commands.registerCommand('partnerWorksheets.partners.revealInExplorer', async (arg: unknown) => {
      const uri = nodeArg(arg)?.uri;
      if (uri) await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.parse(uri));
    }),
    // Menus hand over the node; the shared commands take plain values.
    vscode.commands.registerCommand('partnerWorksheets.partners.newMeeting', (arg: unknown) =>
      runShared(services, 'partnerWorksheets.newWorksheet', nodeArg(arg)?.partnerId)),
    vscode.commands.registerCommand('partnerWorksheets.partners.openReview', (arg: unknown) =>
      runShared(services, 'partnerWorksheets.openReview', nodeArg(arg)?.round)),
  );

  // activate() starts the indexer once every feature has registered: ask for
  // its promise after that, not now, or the first build would see an empty index.
  void Promise.resolve()
    .then(() => services.indexer.whenIndexed())
    .then(() => {
      if (!provider.isLoaded) provider.update();
    });
  return { provider, view };
}

/** Asks for a round; undefined means "all rounds", null means the pick was dismissed. */
async function pickRound(services: Services, current: string | undefined): Promise<string | undefined | null> {
  interface RoundPick extends vscode.QuickPickItem { round: string | undefined }
  const counts = new Map<string, number>();
  for (const m of services.index.meetings()) if (m.round) counts.set(m.round, (counts.get(m.round) ?? 0) + 1);
  const items: RoundPick[] = [
    { label: 'All rounds', round: undefined, description: current === undefined ? 'current' : undefined },
    // Newest round first, as in the tree.
    ...[...services.index.rounds()].reverse().map((r): RoundPick => ({
      label: r,
      round: r,
      description: [`${counts.get(r) ?? 0} meetings`, r === current ? 'current' : undefined].filter(Boolean).join(' · '),
    })),
  ];
  const pick = await vscode.window.showQuickPick(items, { title: 'Partners: show which round?', placeHolder: 'Pick a round, or All rounds' });
  return pick ? pick.round : null;
}

/** Runs a command another feature owns, and says so plainly if it is not there. */
async function runShared(services: Services, command: string, arg: string | undefined): Promise<void> {
  try {
    await vscode.commands.executeCommand(command, arg);
  } catch (e) {
    services.log.error(`${command} failed: ${e instanceof Error ? e.message : String(e)}`);
    void vscode.window.showErrorMessage(`Could not run ${command}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
