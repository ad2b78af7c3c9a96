import type { Rule, RuleContext, RuleIssue } from '../rule';
import { field, isBlock, list, text } from '../../facts/data';
import { compact, setFix } from '../fixes';
import { nearestKey } from '../../schema';

/** Every place a convening or review names a partner id, with its YAML path. */
export function partnerMentions(ctx: RuleContext): { id: string; path: (string | number)[] }[] {
  const out: { id: string; path: (string | number)[] }[] = [];
  const kind = ctx.file.kind;
  if (kind === 'convening') {
    list(ctx.data.partners).forEach((p, i) => {
      const id = isBlock(p) ? text(p.id) : text(p);
      if (id) out.push({ id, path: isBlock(p) ? ['partners', i, 'id'] : ['partners', i] });
    });
    list(field(ctx.data, 'vision_setting', 'sessions')).forEach((s, si) => {
      for (const key of ['partners_present', 'partners_contributed']) {
        list(field(s, key)).forEach((p, pi) => {
          const id = text(p);
          if (id) out.push({ id, path: ['vision_setting', 'sessions', si, key, pi] });
        });
      }
    });
  } else if (kind === 'review') {
    for (const key of ['opportunities', 'commitments']) {
      list(ctx.data[key]).forEach((o, oi) => {
        list(field(o, 'partners')).forEach((p, pi) => {
          const id = text(p);
          if (id) out.push({ id, path: [key, oi, 'partners', pi] });
        });
      });
    }
  }
  return out;
}

export const unknownPartner: Rule = {
  code: 'unknown-partner',
  kind: ['convening', 'review'],
  defaultSeverity: 'warning',
  crossFile: true,
  summary: 'Partner ids in convenings and reviews match a partner with a worksheet.',
  check(ctx) {
    const ws = ctx.workspace;
    if (!ws) return [];
    const known = ws.partnerIds();
    const issues: RuleIssue[] = [];
    for (const m of partnerMentions(ctx)) {
      if (ws.knownPartner(m.id)) continue;
      const near = nearestKey(m.id, known);
      issues.push({
        message: `No worksheet is about a partner \`${m.id}\`${near ? `: did you mean \`${near}\`?` : '. Check the spelling, or hold a one-on-one with them and record it in a worksheet first.'}`,
        range: ctx.view.anchor(m.path),
        fixes: compact(near ? [setFix(ctx.view, `Change to \`${near}\``, m.path, near, true)] : []),
      });
    }
    return issues;
  },
};
