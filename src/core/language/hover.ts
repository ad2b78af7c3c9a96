// Hover: on a key, the schema's description (the method in our words); on a
// partner id, who the partner is and where things stand; on a question id, the
// question; on an allowed value, what it means.
import type { Range } from '../types';
import { SCHEMAS } from '../schema';
import { linesOf, toRange } from '../yaml';
import { locate } from './locate';
import type { LanguageOptions, PartnerFacts } from './options';
import { description, referenceAt, schemaAt, valuesAt } from './schema-nav';
import { QUESTIONS } from '../questions';
import { inertMarkdown } from '../markdown';

export interface HoverResult {
  markdown: string;
  range: Range;
}

export function hover(text: string, offset: number, options: LanguageOptions): HoverResult | undefined {
  const ctx = locate(text, offset);
  // Only what is written explains itself: no hover on space, brackets or comments.
  if (ctx.comment || ctx.range[1] <= ctx.range[0] || offset > ctx.range[1]) return undefined;
  const range = toRange(linesOf(text), ctx.range[0], ctx.range[1]);
  const root = options.schema ?? SCHEMAS[options.kind];
  if (ctx.on === 'key') {
    const md = description(schemaAt(root, ctx.path));
    return md ? { markdown: `**${String(ctx.path[ctx.path.length - 1])}**\n\n${md}`, range } : undefined;
  }
  const value = ctx.value;
  if (typeof value !== 'string') return undefined;
  const ref = referenceAt(root, ctx.path);
  if (ref === 'partner') {
    const p = options.vocabulary.partners.find((x) => x.id === value);
    if (p) return { markdown: partnerMarkdown(p), range };
  }
  if (ref === 'question') {
    const q = (options.questions ?? QUESTIONS).find((x) => x.id === value);
    if (q) return { markdown: `**${inertMarkdown(q.text)}**${q.why ? `\n\n${inertMarkdown(q.why)}` : ''}\n\n_${q.category} question_`, range };
  }
  const choice = valuesAt(root, ctx.path).find((c) => c.value === value);
  if (choice?.description) return { markdown: `**${inertMarkdown(value)}**: ${choice.description}`, range };
  const md = description(schemaAt(root, ctx.path));
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
