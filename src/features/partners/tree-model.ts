// The Partners tree as plain data, built from the workspace index: no vscode
// import, so it is tested in plain Node. Node ids are stable across rebuilds
// (they derive from URIs and partner ids), which keeps expansion state.
import type { WorkspaceIndex, Meeting, Partner } from '../../core/workspace-index';
import type { Finding } from '../../core/types';
import { field, list, text } from '../../core/rules/rule';
import { isUnder } from '../../core/paths';

export type GroupBy = 'partner' | 'round';

export interface TreeOptions {
  groupBy: GroupBy;
  /** Show only this round's meetings (undefined: all rounds). */
  round?: string;
  onlyWithGaps: boolean;
  /** Workspace folders; with more than one, the tree groups by folder first. */
  roots: { uri: string; name: string }[];
}

export interface Gaps {
  errors: number;
  warnings: number;
  infos: number;
}

export type NodeKind = 'folder' | 'partner' | 'meeting' | 'round' | 'convenings' | 'convening' | 'convening-partner' | 'review';

export interface TreeNode {
  id: string;
  kind: NodeKind;
  label: string;
  description?: string;
  /** Markdown; built from escaped worksheet text. */
  tooltip?: string;
  uri?: string;
  status?: string;
  partnerId?: string;
  round?: string;
  gaps: Gaps;
  children: TreeNode[];
}

const NONE: Gaps = { errors: 0, warnings: 0, infos: 0 };

export function gapCount(g: Gaps): number {
  return g.errors + g.warnings;
}

function add(a: Gaps, b: Gaps): Gaps {
  return { errors: a.errors + b.errors, warnings: a.warnings + b.warnings, infos: a.infos + b.infos };
}

function countGaps(findings: Finding[]): Gaps {
  const g = { ...NONE };
  for (const f of findings) {
    if (f.severity === 'error') g.errors++;
    else if (f.severity === 'warning') g.warnings++;
    else g.infos++;
  }
  return g;
}

/** Markdown-safe text: worksheet content is written by many hands. */
export function md(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`);
}

function meetingTooltip(m: Meeting): string {
  const lines = [`**${md(m.organization ?? m.partnerId)}**, ${m.date ?? 'no date'} (${m.status ?? 'no status'})`];
  if (m.successInTheirWords) lines.push('', `Success in their words: _${md(m.successInTheirWords)}_`);
  if (m.confirmation) lines.push('', `Confirmed: ${md(m.confirmation)}`);
  if (m.nextStep) lines.push('', `Next step: ${md(m.nextStep.action)}${m.nextStep.due ? ` (due ${m.nextStep.due})` : ''}${m.nextStep.status && m.nextStep.status !== 'open' ? ` [${m.nextStep.status}]` : ''}`);
  else if (m.followUpDate) lines.push('', `Follow up on ${m.followUpDate}`);
  return lines.join('\n');
}

function meetingNode(index: WorkspaceIndex, m: Meeting, parentId: string): TreeNode {
  return {
    id: `${parentId}/meeting:${m.uri}`,
    kind: 'meeting',
    label: m.date ?? 'No date',
    description: [m.status ?? 'no status', m.round].filter(Boolean).join(' · '),
    tooltip: meetingTooltip(m),
    uri: m.uri,
    status: m.status,
    partnerId: m.partnerId,
    round: m.round,
    gaps: countGaps(index.check(m.uri)),
    children: [],
  };
}

/** The date of the partner's next planned contact: an open next step or a follow-up. */
function nextContact(p: Partner): string | undefined {
  const dates = p.meetings.flatMap((m) => [
    m.nextStep && (m.nextStep.status ?? 'open') === 'open' ? m.nextStep.due : undefined,
    m.followUpDate,
  ]).filter((d): d is string => !!d).sort();
  return dates[0];
}

function partnerNode(index: WorkspaceIndex, p: Partner, meetings: Meeting[], parentId: string, options: TreeOptions): TreeNode | undefined {
  const id = `${parentId}/partner:${p.id}`;
  let children = meetings.map((m) => meetingNode(index, m, id));
  if (options.onlyWithGaps) children = children.filter((c) => gapCount(c.gaps) > 0);
  if (children.length === 0) return undefined;
  const next = nextContact(p);
  const count = `${meetings.length} meeting${meetings.length === 1 ? '' : 's'}`;
  const latest = p.meetings[0];
  return {
    id,
    kind: 'partner',
    label: p.organization,
    description: next ? `${count} · next ${next}` : count,
    tooltip: [`**${md(p.organization)}** (\`${p.id}\`)`, p.community ? `\n${md(p.community)}` : '', latest ? `\n\n${meetingTooltip(latest)}` : ''].join(''),
    partnerId: p.id,
    gaps: children.reduce((g, c) => add(g, c.gaps), NONE),
    children,
  };
}

function folderOf(uri: string, roots: TreeOptions['roots']): string | undefined {
  let best: string | undefined;
  for (const r of roots) if (isUnder(uri, r.uri) && (!best || r.uri.length > best.length)) best = r.uri;
  return best;
}

function nodesFor(index: WorkspaceIndex, options: TreeOptions, inFolder: (uri: string) => boolean, parentId: string): TreeNode[] {
  const wanted = (m: Meeting) => inFolder(m.uri) && (!options.round || m.round === options.round);
  const out: TreeNode[] = [];
  if (options.groupBy === 'partner') {
    for (const p of index.partners()) {
      const node = partnerNode(index, p, p.meetings.filter(wanted), parentId, options);
      if (node) out.push(node);
    }
  } else {
    const rounds = [...index.rounds()].reverse();
    for (const round of rounds) {
      if (options.round && round !== options.round) continue;
      const id = `${parentId}/round:${round}`;
      const children: TreeNode[] = [];
      for (const p of index.partners()) {
        const node = partnerNode(index, p, p.meetings.filter((m) => wanted(m) && m.round === round), id, options);
        if (node) children.push(node);
      }
      for (const r of index.documents('review').filter((d) => inFolder(d.uri) && d.round === round)) {
        const findings = index.check(r.uri);
        if (options.onlyWithGaps && gapCount(countGaps(findings)) === 0) continue;
        const date = text(field(r.data, 'date'));
        children.push({ id: `${id}/review:${r.uri}`, kind: 'review', label: `Team review${date ? ` ${date}` : ''}`, description: `${list(field(r.data, 'commitments')).length} commitments`, uri: r.uri, round, gaps: countGaps(findings), children: [] });
      }
      if (children.length === 0) continue;
      const meetingCount = children.reduce((n, c) => n + (c.kind === 'partner' ? c.children.length : 0), 0);
      out.push({ id, kind: 'round', label: round, description: `${meetingCount} meeting${meetingCount === 1 ? '' : 's'}`, round, gaps: children.reduce((g, c) => add(g, c.gaps), NONE), children });
    }
  }
  const convenings = index.documents('convening').filter((d) => inFolder(d.uri));
  const cnodes: TreeNode[] = [];
  for (const c of convenings) {
    const findings = index.check(c.uri);
    const gaps = countGaps(findings);
    if (options.onlyWithGaps && gapCount(gaps) === 0) continue;
    const cid = `${parentId}/convening:${c.uri}`;
    const partners = list(field(c.data, 'partners')).map((p) => text(field(p, 'id')) ?? text(p)).filter((x): x is string => !!x);
    cnodes.push({
      id: cid,
      kind: 'convening',
      label: c.name ?? 'Unnamed convening',
      description: [text(field(c.data, 'status')), `${partners.length} partners`].filter(Boolean).join(' · '),
      tooltip: text(field(c.data, 'purpose')) ? md(text(field(c.data, 'purpose'))!) : undefined,
      uri: c.uri,
      gaps,
      children: partners.map((pid) => {
        const known = index.partner(pid);
        return { id: `${cid}/partner:${pid}`, kind: 'convening-partner' as const, label: known?.organization ?? pid, description: known ? pid : `${pid} (no worksheet)`, partnerId: pid, uri: known?.meetings[0]?.uri, gaps: NONE, children: [] };
      }),
    });
  }
  if (cnodes.length) {
    const id = `${parentId}/convenings`;
    out.push({ id, kind: 'convenings', label: 'Convenings', description: String(cnodes.length), gaps: cnodes.reduce((g, c) => add(g, c.gaps), NONE), children: cnodes });
  }
  return out;
}

export function buildTree(index: WorkspaceIndex, options: TreeOptions): TreeNode[] {
  if (options.roots.length <= 1) return nodesFor(index, options, () => true, 'root');
  return options.roots.flatMap((r) => {
    const children = nodesFor(index, options, (uri) => folderOf(uri, options.roots) === r.uri, `folder:${r.uri}`);
    if (children.length === 0) return [];
    return [{ id: `folder:${r.uri}`, kind: 'folder' as const, label: r.name, gaps: children.reduce((g, c) => add(g, c.gaps), NONE), children }];
  });
}

/** Parent links for `getParent` (reveal), by node id. */
export function parentMap(nodes: TreeNode[]): Map<string, TreeNode | undefined> {
  const map = new Map<string, TreeNode | undefined>();
  const walk = (list: TreeNode[], parent: TreeNode | undefined) => {
    for (const n of list) {
      map.set(n.id, parent);
      walk(n.children, n);
    }
  };
  walk(nodes, undefined);
  return map;
}

/** Every node, depth first. */
export function allNodes(nodes: TreeNode[]): TreeNode[] {
  return nodes.flatMap((n) => [n, ...allNodes(n.children)]);
}

export function totalGaps(nodes: TreeNode[]): Gaps {
  return nodes.reduce((g, n) => add(g, n.gaps), NONE);
}
