// The Partners tree as plain data, built from the workspace index. No vscode
// import, so the whole shape of the view (grouping, filters, gap counts, ids)
// is tested in plain Node; the TreeItems in tree-items.ts only dress it up.
//
// Node ids are paths of stable keys (partner ids, rounds, file URIs), so the
// same thing gets the same id after every rebuild: VS Code keys expansion
// state by id, and `reconcile` keys object identity by it.
import type { IndexedDocument, Meeting, Partner, WorkspaceIndex } from '../../core/workspace';
import { NO_FIXES } from '../../core/workspace';
import type { Finding } from '../../core/types';
import type { ConveningFacts } from '../../core/facts';
import { factsOfKind } from '../../core/facts';
import { isUnder } from '../../core/paths';
import { inertMarkdown } from '../../core/markdown';
import { isHeld } from '../../core/facts';
import { daysBetween } from '../../core/dates';

export type GroupBy = 'partner' | 'round';

export interface TreeOptions {
  groupBy: GroupBy;
  /** Show only this round's meetings (undefined: all rounds). */
  round?: string;
  onlyWithGaps: boolean;
  /** Workspace folders; with more than one, the tree groups by folder first. */
  roots: { uri: string; name: string }[];
  /** Today (ISO), for when each partner was last met; without it no partner is marked. */
  today?: string;
  /** Partners not met for longer than this are marked (setting partnerWorksheets.partners.unmetAfterDays). */
  unmetAfterDays?: number;
}

export interface Gaps {
  errors: number;
  warnings: number;
  /** Suggestions: shown, but not counted as open gaps. */
  infos: number;
}

export type NodeKind = 'folder' | 'round' | 'partner' | 'meeting' | 'review' | 'convenings' | 'convening' | 'convening-partner';

export interface TreeNode {
  id: string;
  kind: NodeKind;
  label: string;
  description?: string;
  /** Markdown, with every piece of worksheet text escaped (see `md`). */
  tooltip?: string;
  /** The file behind the node: worksheet, review or convening. */
  uri?: string;
  /** A meeting's worksheet status (planned, prepared, held, filled, shared). */
  status?: string;
  partnerId?: string;
  round?: string;
  gaps: Gaps;
  children: TreeNode[];
}

/** The label of the group of meetings that name no round. */
export const NO_ROUND_LABEL = 'No round';

const NONE: Gaps = Object.freeze({ errors: 0, warnings: 0, infos: 0 });

/** Open gaps: errors and warnings. Infos are suggestions and do not count. */
export function gapCount(g: Gaps): number {
  return g.errors + g.warnings;
}

function add(a: Gaps, b: Gaps): Gaps {
  return { errors: a.errors + b.errors, warnings: a.warnings + b.warnings, infos: a.infos + b.infos };
}

function sum(nodes: TreeNode[]): Gaps {
  return nodes.reduce((g, n) => add(g, n.gaps), NONE);
}

function countGaps(findings: readonly Finding[]): Gaps {
  const g = { ...NONE };
  for (const f of findings) {
    if (f.severity === 'error') g.errors++;
    else if (f.severity === 'warning') g.warnings++;
    else g.infos++;
  }
  return g;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "3 gaps", or '' when there are none: for descriptions. */
export function gapText(g: Gaps): string {
  const n = gapCount(g);
  return n ? plural(n, 'gap') : '';
}

function gapsLine(g: Gaps): string | undefined {
  const parts: string[] = [];
  if (g.errors) parts.push(plural(g.errors, 'error'));
  if (g.warnings) parts.push(plural(g.warnings, 'warning'));
  const open = parts.length ? `**${plural(gapCount(g), 'gap')} to fix** (${parts.join(', ')})` : undefined;
  const infos = g.infos ? plural(g.infos, 'suggestion') : undefined;
  return [open, infos].filter(Boolean).join(' · ') || undefined;
}

function paragraphs(...parts: (string | undefined)[]): string {
  return parts.filter((p): p is string => !!p).join('\n\n');
}

function meetingTooltip(m: Meeting, gaps: Gaps): string {
  const next = m.nextStep
    ? `Next step: ${inertMarkdown(m.nextStep.action)}${m.nextStep.due ? ` (due ${inertMarkdown(m.nextStep.due)})` : ''}${m.nextStep.status && m.nextStep.status !== 'open' ? ` \\[${inertMarkdown(m.nextStep.status)}\\]` : ''}`
    : m.followUpDate ? `Follow up on ${m.followUpDate}` : 'No next step or follow\\-up yet';
  return paragraphs(
    `**${inertMarkdown(m.organization ?? m.partnerId)}**, ${m.date ?? 'no date'} (${inertMarkdown(m.status ?? 'no status')}${m.round ? `, ${inertMarkdown(m.round)}` : ''})`,
    m.successInTheirWords ? `Success in their words: _${inertMarkdown(m.successInTheirWords)}_` : 'Success in their words: not recorded',
    m.confirmation ? `Confirmed: ${inertMarkdown(m.confirmation)}` : 'Not confirmed with them yet',
    next,
    gapsLine(gaps),
  );
}

function meetingNode(index: WorkspaceIndex, m: Meeting, parentId: string): TreeNode {
  const gaps = countGaps(index.check(m.uri, NO_FIXES));
  return {
    id: `${parentId}/meeting:${m.uri}`,
    kind: 'meeting',
    label: m.date ?? 'No date',
    description: [m.status ?? 'no status', m.round, gapText(gaps)].filter(Boolean).join(' · '),
    tooltip: meetingTooltip(m, gaps),
    uri: m.uri,
    status: m.status,
    partnerId: m.partnerId,
    round: m.round,
    gaps,
    children: [],
  };
}

/**
 * When the partner was last met (their latest held meeting up to today), and
 * whether that is longer ago than the team's setting. Undefined without today.
 */
function lastMet(p: Partner, options: TreeOptions): { text: string; long: boolean; days?: number } | undefined {
  const today = options.today;
  if (!today) return undefined;
  const limit = options.unmetAfterDays ?? 180;
  const date = p.meetings.find((m) => isHeld(m.status) && m.date && m.date <= today)?.date;
  if (!date) return { text: '**Not met yet**', long: true };
  const days = daysBetween(date, today);
  const long = days > limit;
  const text = `Last met: ${date} \\(${plural(days, 'day')} ago\\)`;
  return { text: long ? `**${text}: not met for over ${plural(limit, 'day')}**` : text, long, days };
}

/** The date of the partner's next planned contact: an open next step's due date or a follow-up. */
function nextContact(p: Partner): string | undefined {
  const dates = p.meetings
    .flatMap((m) => [m.nextStep && (m.nextStep.status ?? 'open') === 'open' ? m.nextStep.due : undefined, m.followUpDate])
    .filter((d): d is string => !!d)
    .sort();
  return dates[0];
}

function partnerNode(index: WorkspaceIndex, p: Partner, meetings: Meeting[], parentId: string, options: TreeOptions): TreeNode | undefined {
  const id = `${parentId}/partner:${p.id}`;
  let children = meetings.map((m) => meetingNode(index, m, id));
  if (options.onlyWithGaps) children = children.filter((c) => gapCount(c.gaps) > 0);
  if (children.length === 0) return undefined;
  const gaps = sum(children);
  const next = nextContact(p);
  const latest = p.meetings[0];
  // What success means to them now: the newest meeting that recorded it.
  const success = p.meetings.find((m) => m.successInTheirWords);
  const met = lastMet(p, options);
  return {
    id,
    kind: 'partner',
    label: p.organization,
    // Gaps show as a badge (tree-items.ts), so the description stays short.
    description: [plural(meetings.length, 'meeting'), next ? `next ${next}` : undefined, met?.long ? (met.days === undefined ? 'not met yet' : `not met for ${met.days} days`) : undefined].filter(Boolean).join(' · '),
    tooltip: paragraphs(
      `**${inertMarkdown(p.organization)}** \\(${inertMarkdown(p.id)}\\)${p.community ? `  \n${inertMarkdown(p.community)}` : ''}`,
      met ? met.text : latest ? `Latest meeting: ${latest.date ?? 'no date'}` : undefined,
      success?.successInTheirWords ? `Success in their words${success !== latest && success.date ? ` \\(${success.date}\\)` : ''}: _${inertMarkdown(success.successInTheirWords)}_` : undefined,
      success?.confirmation ? `Confirmed: ${inertMarkdown(success.confirmation)}` : undefined,
      next ? `Next contact: ${inertMarkdown(next)}` : 'No next step or follow\\-up planned',
      gapsLine(gaps),
    ),
    partnerId: p.id,
    gaps,
    children,
  };
}

function reviewNode(review: IndexedDocument, gaps: Gaps, parentId: string): TreeNode {
  const facts = factsOfKind(review.facts, 'review');
  const date = facts?.date;
  const commitments = facts?.commitments.length ?? 0;
  const attendees = facts?.attendees.length ?? 0;
  return {
    id: `${parentId}/review:${review.uri}`,
    kind: 'review',
    label: `Team review${date ? ` ${date}` : ''}`,
    description: [plural(commitments, 'commitment'), gapText(gaps)].filter(Boolean).join(' · '),
    tooltip: paragraphs(
      `**Team review of ${inertMarkdown(review.round ?? 'a round')}**${date ? `, ${inertMarkdown(date)}` : ''}`,
      `${plural(attendees, 'attendee')}, ${plural(commitments, 'commitment')}`,
      gapsLine(gaps),
    ),
    uri: review.uri,
    round: review.round,
    gaps,
    children: [],
  };
}

function roundNode(id: string, round: string | undefined, children: TreeNode[]): TreeNode {
  const gaps = sum(children);
  const meetings = children.reduce((n, c) => n + (c.kind === 'partner' ? c.children.length : 0), 0);
  const label = round ?? NO_ROUND_LABEL;
  return {
    id,
    kind: 'round',
    label,
    description: plural(meetings, 'meeting'),
    tooltip: paragraphs(round ? `**Round ${inertMarkdown(round)}**` : '**Meetings that name no round**', plural(meetings, 'meeting'), gapsLine(gaps)),
    round,
    gaps,
    children,
  };
}

function byPartner(index: WorkspaceIndex, options: TreeOptions, wanted: (m: Meeting) => boolean, parentId: string): TreeNode[] {
  // The index rebuilds its partners on every worksheet change, so their meetings are current.
  return index.partners().flatMap((p) => partnerNode(index, p, p.meetings.filter(wanted), parentId, options) ?? []);
}

function byRound(index: WorkspaceIndex, options: TreeOptions, wanted: (m: Meeting) => boolean, inFolder: (uri: string) => boolean, parentId: string): TreeNode[] {
  // Newest round first: the one being prepared or reviewed now is at the top.
  const rounds: (string | undefined)[] = [...index.rounds()].reverse();
  // Meetings that name no round still belong in the tree, after the rounds.
  if (!options.round) rounds.push(undefined);
  const out: TreeNode[] = [];
  for (const round of rounds) {
    if (options.round && round !== options.round) continue;
    const id = `${parentId}/round:${round ?? ''}`;
    const children = byPartner(index, options, (m) => wanted(m) && m.round === round, id);
    if (round !== undefined) {
      for (const r of index.documents('review')) {
        if (!inFolder(r.uri) || r.round !== round) continue;
        const gaps = countGaps(index.check(r.uri, NO_FIXES));
        if (options.onlyWithGaps && gapCount(gaps) === 0) continue;
        children.push(reviewNode(r, gaps, id));
      }
    }
    if (children.length) out.push(roundNode(id, round, children));
  }
  return out;
}

function conveningPartnerIds(facts: ConveningFacts | undefined): string[] {
  // A partner listed twice would give two nodes one id, which VS Code rejects.
  return [...new Set(facts?.partners.map((p) => p.id))];
}

function conveningsGroup(index: WorkspaceIndex, options: TreeOptions, inFolder: (uri: string) => boolean, parentId: string): TreeNode | undefined {
  const id = `${parentId}/convenings`;
  const nodes: TreeNode[] = [];
  for (const c of index.documents('convening')) {
    if (!inFolder(c.uri)) continue;
    const gaps = countGaps(index.check(c.uri, NO_FIXES));
    if (options.onlyWithGaps && gapCount(gaps) === 0) continue;
    const cid = `${id}/convening:${c.uri}`;
    const facts = factsOfKind(c.facts, 'convening');
    const partnerIds = conveningPartnerIds(facts);
    const status = facts?.status;
    const purpose = facts?.purpose;
    nodes.push({
      id: cid,
      kind: 'convening',
      label: c.name ?? 'Unnamed convening',
      description: [status, plural(partnerIds.length, 'partner'), gapText(gaps)].filter(Boolean).join(' · '),
      tooltip: paragraphs(`**${inertMarkdown(c.name ?? 'Unnamed convening')}**${status ? ` \\(${inertMarkdown(status)}\\)` : ''}`, purpose ? inertMarkdown(purpose) : undefined, gapsLine(gaps)),
      uri: c.uri,
      gaps,
      children: partnerIds.map((pid) => {
        const known = index.partner(pid);
        return {
          id: `${cid}/partner:${pid}`,
          kind: 'convening-partner' as const,
          label: known?.organization ?? pid,
          description: known ? pid : `${pid} (no worksheet yet)`,
          tooltip: known ? `**${inertMarkdown(known.organization)}** \\(${inertMarkdown(pid)}\\), ${plural(known.meetings.length, 'meeting')}` : `No worksheet names the partner ${inertMarkdown(pid)} yet`,
          partnerId: pid,
          // Selecting the partner opens its latest worksheet.
          uri: known?.meetings[0]?.uri,
          gaps: { ...NONE },
          children: [],
        };
      }),
    });
  }
  if (nodes.length === 0) return undefined;
  nodes.sort((a, b) => a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
  const gaps = sum(nodes);
  return {
    id,
    kind: 'convenings',
    label: 'Convenings',
    description: String(nodes.length),
    tooltip: paragraphs('**Convenings**: partnerships being brought together', gapsLine(gaps)),
    gaps,
    children: nodes,
  };
}

function nodesFor(index: WorkspaceIndex, options: TreeOptions, inFolder: (uri: string) => boolean, parentId: string): TreeNode[] {
  const wanted = (m: Meeting) => inFolder(m.uri) && (!options.round || m.round === options.round);
  const out = options.groupBy === 'partner' ? byPartner(index, options, wanted, parentId) : byRound(index, options, wanted, inFolder, parentId);
  const convenings = conveningsGroup(index, options, inFolder, parentId);
  if (convenings) out.push(convenings);
  return out;
}

/** The innermost root that holds `uri` (roots may nest). */
function folderOf(uri: string, roots: TreeOptions['roots']): string | undefined {
  let best: string | undefined;
  for (const r of roots) if (isUnder(uri, r.uri) && (!best || r.uri.length > best.length)) best = r.uri;
  return best;
}

export function buildTree(index: WorkspaceIndex, options: TreeOptions): TreeNode[] {
  if (options.roots.length <= 1) return nodesFor(index, options, () => true, 'root');
  return options.roots.flatMap((r): TreeNode[] => {
    const id = `folder:${r.uri}`;
    const children = nodesFor(index, options, (uri) => folderOf(uri, options.roots) === r.uri, id);
    if (children.length === 0) return [];
    const gaps = sum(children);
    return [{ id, kind: 'folder', label: r.name, tooltip: paragraphs(`**${inertMarkdown(r.name)}**`, gapsLine(gaps)), gaps, children }];
  });
}

// ---- incremental updates ------------------------------------------------------

export interface Reconciled {
  /** The new top level, made of the previous objects wherever an id survived. */
  roots: TreeNode[];
  /**
   * The surviving nodes whose own item or list of children changed: what the
   * view must refresh. Undefined when the top level itself changed, which
   * needs a refresh of the whole tree.
   */
  changed: TreeNode[] | undefined;
}

/** Everything a TreeItem shows of a node, children aside. */
function signature(n: TreeNode): string {
  return JSON.stringify([n.kind, n.label, n.description, n.tooltip, n.uri, n.status, n.partnerId, n.round, n.gaps.errors, n.gaps.warnings, n.gaps.infos]);
}

function sameIds(a: readonly TreeNode[], b: readonly TreeNode[]): boolean {
  return a.length === b.length && a.every((n, i) => n.id === b[i].id);
}

/**
 * Merges a freshly built tree into the previous one. VS Code's tree view knows
 * elements by object identity, so a refresh can only target an object it was
 * given before: surviving ids keep their object (updated in place) and only
 * the nodes that look different, or whose children differ, are reported.
 */
export function reconcile(previous: readonly TreeNode[], next: TreeNode[]): Reconciled {
  const old = new Map(allNodes(previous).map((n) => [n.id, n]));
  const changed: TreeNode[] = [];
  const adopt = (fresh: TreeNode): TreeNode => {
    const children = fresh.children.map(adopt);
    const kept = old.get(fresh.id);
    if (!kept) return { ...fresh, children };
    const different = signature(kept) !== signature(fresh) || !sameIds(kept.children, children);
    for (const key of Object.keys(kept) as (keyof TreeNode)[]) if (!(key in fresh)) delete (kept as Partial<TreeNode>)[key];
    Object.assign(kept, fresh, { children });
    if (different) changed.push(kept);
    return kept;
  };
  const roots = next.map(adopt);
  return { roots, changed: sameIds(previous, roots) ? changed : undefined };
}

// ---- queries ------------------------------------------------------------------

/** Parent links for `getParent` (reveal), by node id. */
export function parentMap(nodes: readonly TreeNode[]): Map<string, TreeNode | undefined> {
  const map = new Map<string, TreeNode | undefined>();
  const walk = (level: readonly TreeNode[], parent: TreeNode | undefined) => {
    for (const n of level) {
      map.set(n.id, parent);
      walk(n.children, n);
    }
  };
  walk(nodes, undefined);
  return map;
}

/** Every node, depth first. */
export function allNodes(nodes: readonly TreeNode[]): TreeNode[] {
  return nodes.flatMap((n) => [n, ...allNodes(n.children)]);
}

/** The gaps of a whole tree (the top-level nodes hold their subtrees' sums). */
export function totalGaps(nodes: readonly TreeNode[]): Gaps {
  return sum([...nodes]);
}

/** The node that shows a worksheet, for "reveal the active editor's worksheet". */
export function findMeeting(nodes: readonly TreeNode[], uri: string): TreeNode | undefined {
  for (const n of nodes) {
    if (n.kind === 'meeting' && n.uri === uri) return n;
    const hit = findMeeting(n.children, uri);
    if (hit) return hit;
  }
  return undefined;
}
