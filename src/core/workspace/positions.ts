// Where a worksheet's indexed facts sit in its text: the meeting's range (its
// partner id, else organization) and the lines of its notes. They need a parse
// with positions, which the index makes only when first asked (or takes from a
// check that parsed the text anyway).
import type { Range } from '../types';
import type { ParsedFile, PosNode } from '../yaml';
import { YamlView, ZERO_RANGE } from '../yaml';

/** Where a worksheet's indexed facts sit in its text. */
export interface Positions {
  /** The meeting's range: partner.id, else partner.organization. */
  range: Range;
  /** See IndexedDocument.lines. */
  lines: Record<string, number>;
}

export function locate(file: ParsedFile): Positions {
  const view = new YamlView(file);
  const range = view.rangeOfNode(view.node(['partner', 'id'])) ?? view.rangeOfNode(view.node(['partner', 'organization'])) ?? ZERO_RANGE;
  return { range, lines: noteLines(file) };
}

function noteLines(file: ParsedFile): Record<string, number> {
  const out: Record<string, number> = {};
  const notes = new YamlView(file).node(['notes']);
  if (notes?.kind !== 'map') return out;
  const line = (node: PosNode | undefined) => (node ? file.lines.linePos(node.range[0]).line : undefined);
  for (const pair of notes.pairs) {
    const key = pair.key?.kind === 'scalar' ? String(pair.keyValue) : undefined;
    if (!key) continue;
    if (pair.value?.kind === 'seq') {
      pair.value.items.forEach((item, i) => {
        const l = line(item);
        if (l) out[`notes.${key}.${i}`] = l;
      });
    } else {
      const l = line(pair.value);
      if (l) out[`notes.${key}`] = l;
    }
  }
  return out;
}
