// Hover: on a key, the schema's description (the method in our words); on a
// partner id, who the partner is and where things stand; on a question id, the
// question; on an allowed value, what it means.
import { isMap, isPair, isScalar, isSeq, isNode } from 'yaml';
import type { Node } from 'yaml';
import type { FileKind, Range } from '../types';
import { parseFile, toRange } from '../yaml';
import { SCHEMAS } from '../schema';
import { description, schemaAt, valuesAt } from './schema-nav';
import { questionById } from '../questions';
import { inertMarkdown } from '../markdown';

export interface PartnerFacts {
  id: string;
  organization: string;
  meetings: { date?: string; status?: string }[];
  nextStep?: { action: string; due?: string; owner?: string; status?: string };
}

export interface HoverResult {
  markdown: string;
  range: Range;
}

type Hit = { path: (string | number)[]; on: 'key' | 'value'; node: Node; value?: unknown };

function locate(root: unknown, offset: number, path: (string | number)[] = []): Hit | undefined {
  if (isMap(root)) {
    for (const p of root.items) {
      if (!isPair(p)) continue;
      const k = p.key;
      const keyName = isScalar(k) ? String(k.value) : undefined;
      if (keyName === undefined) continue;
      if (isNode(k) && k.range && offset >= k.range[0] && offset <= k.range[1]) return { path: [...path, keyName], on: 'key', node: k };
      const v = p.value;
      if (isNode(v) && v.range && offset >= v.range[0] && offset <= v.range[1]) {
        if (isScalar(v)) return { path: [...path, keyName], on: 'value', node: v, value: v.value };
        return locate(v, offset, [...path, keyName]);
      }
    }
  } else if (isSeq(root)) {
    for (let i = 0; i < root.items.length; i++) {
      const item = root.items[i];
      if (!isNode(item) || !item.range || offset < item.range[0] || offset > item.range[1]) continue;
      if (isScalar(item)) return { path: [...path, i], on: 'value', node: item, value: item.value };
      return locate(item, offset, [...path, i]);
    }
  }
  return undefined;
}

const PARTNER_KEYS = new Set(['partners', 'partners_present', 'partners_contributed', 'holder', 'id']);

export function hover(
  kind: FileKind,
  uri: string,
  text: string,
  offset: number,
  partnerLookup: (id: string) => PartnerFacts | undefined,
): HoverResult | undefined {
  const file = parseFile(uri, text);
  const hit = locate(file.doc?.contents, offset);
  if (!hit || !hit.node.range) return undefined;
  const range = toRange(file.lines, hit.node.range[0], hit.node.range[1]);
  const root = SCHEMAS[kind];
  if (hit.on === 'key') {
    const md = description(schemaAt(root, hit.path));
    return md ? { markdown: `**${String(hit.path[hit.path.length - 1])}**\n\n${md}`, range } : undefined;
  }
  const value = hit.value;
  if (typeof value !== 'string') return undefined;
  const key = [...hit.path].reverse().find((s): s is string => typeof s === 'string');
  if (key && PARTNER_KEYS.has(key)) {
    const p = partnerLookup(value);
    if (p) return { markdown: partnerMarkdown(p), range };
  }
  if (key === 'questions') {
    const q = questionById(value);
    if (q) return { markdown: `**${inertMarkdown(q.text)}**${q.why ? `\n\n${inertMarkdown(q.why)}` : ''}\n\n_${q.category} question_`, range };
  }
  const choice = valuesAt(root, hit.path).find((c) => c.value === value);
  if (choice?.description) return { markdown: `**${inertMarkdown(value)}**: ${choice.description}`, range };
  const md = description(schemaAt(root, hit.path));
  return md ? { markdown: md, range } : undefined;
}

export function partnerMarkdown(p: PartnerFacts): string {
  // The id stays a code span; a backtick in it would end the span early.
  const lines = [`**${inertMarkdown(p.organization)}** (\`${p.id.replace(/`/g, "'")}\`)`];
  const held = p.meetings.length;
  const latest = p.meetings[0];
  lines.push('', `${held} meeting${held === 1 ? '' : 's'}${latest?.date ? `, latest on ${latest.date} (${latest.status ?? 'no status'})` : ''}.`);
  if (p.nextStep) {
    const n = p.nextStep;
    lines.push('', `Next step: ${inertMarkdown(n.action)}${n.owner ? ` (${inertMarkdown(n.owner)}` : ''}${n.due ? `${n.owner ? ', ' : ' ('}due ${n.due}` : ''}${n.owner || n.due ? ')' : ''}${n.status && n.status !== 'open' ? ` [${n.status}]` : ''}`);
  }
  return lines.join('\n');
}
