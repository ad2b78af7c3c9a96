import type { RuleContext } from '../rule';
import { field, isBlock, list, text } from '../../facts/data';

/** Convening rules about structure apply once partners are being brought together. */
export function pastExploring(ctx: RuleContext): boolean {
  const s = ctx.data.status;
  return s !== undefined && s !== 'exploring' && s !== 'closed';
}

export interface PartnerEntry { id: string; roles: string[]; index: number }

export function partnerEntries(ctx: RuleContext): PartnerEntry[] {
  return list(ctx.data.partners).flatMap((p, index) => {
    const id = isBlock(p) ? text(p.id) : text(p);
    return id ? [{ id, roles: list(field(p, 'roles')).filter((r): r is string => typeof r === 'string'), index }] : [];
  });
}

export function partnerIdPath(ctx: RuleContext, index: number): (string | number)[] {
  return isBlock(list(ctx.data.partners)[index]) ? ['partners', index, 'id'] : ['partners', index];
}
