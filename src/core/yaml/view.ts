// Read access to a parsed document's nodes and their ranges, plus the few
// edit builders the quick fixes need. Every range comes from the position
// tree (positions.ts), never from searching the text.
import type { Range, TextEdit } from '../types';
import type { ParsedFile } from './parse';
import type { PathSegment, PosMap, PosNode, PosPair, YamlPath } from './positions';
import { ZERO_RANGE as ZERO, toRange } from './positions';
import { Memo } from '../memo';

/**
 * Read access to a parsed document's nodes and their ranges, plus the few
 * edit builders the quick fixes need. Every range comes from the position tree.
 */
export class YamlView {
  /** Whether the rules' quick fixes are worked out (fixes.ts): a check whose caller shows none may leave them out. */
  fixes = true;

  constructor(readonly file: ParsedFile) {}

  get root(): PosMap | undefined {
    const c = this.file.tree;
    return c?.kind === 'map' ? c : undefined;
  }

  node(path: YamlPath): PosNode | undefined {
    let cur: PosNode | undefined = this.file.tree;
    for (const seg of path) {
      if (cur?.kind === 'map') {
        cur = findPair(cur, seg)?.value;
      } else if (cur?.kind === 'seq' && typeof seg === 'number') {
        cur = cur.items[seg];
      } else {
        return undefined;
      }
    }
    return cur;
  }

  pair(path: YamlPath): PosPair | undefined {
    if (path.length === 0) return undefined;
    const parent = path.length === 1 ? this.file.tree : this.node(path.slice(0, -1));
    return parent?.kind === 'map' ? findPair(parent, path[path.length - 1]) : undefined;
  }

  rangeOfNode(node: PosNode | undefined): Range | undefined {
    if (!node) return undefined;
    return toRange(this.file.lines, node.range[0], node.range[1]);
  }

  keyRange(path: YamlPath): Range | undefined {
    return this.rangeOfNode(this.pair(path)?.key);
  }

  /**
   * The contract's anchor: the node itself; for an empty value, its key; for a
   * missing node, the key of the nearest ancestor that exists; then `fallbacks`;
   * then the document's first key.
   */
  anchor(path: YamlPath, ...fallbacks: YamlPath[]): Range {
    const exact = this.node(path);
    if (exact && exact.range[1] > exact.range[0]) return this.rangeOfNode(exact)!;
    for (let n = path.length; n > 0; n--) {
      const key = this.keyRange(path.slice(0, n));
      if (key && (n === path.length || this.node(path.slice(0, n)))) return key;
    }
    for (const f of fallbacks) {
      const r = this.node(f) ? this.anchor(f) : undefined;
      if (r) return r;
    }
    return this.rangeOfNode(this.root?.pairs[0]?.key) || ZERO;
  }

  /** The indentation step the document already uses (2 when it has none yet). */
  indentUnit(): number {
    let unit = 0;
    const visit = (node: PosNode | undefined, parentCol: number): void => {
      if (unit) return;
      if (node?.kind === 'map' && !node.flow) {
        for (const p of node.pairs) {
          const k = p.key;
          if (k) {
            const col = this.file.lines.linePos(k.range[0]).col - 1;
            if (parentCol >= 0 && col > parentCol) { unit = col - parentCol; return; }
            visit(p.value, col);
          }
        }
      }
    };
    visit(this.file.tree, -1);
    return unit || 2;
  }

  /** Column of the keys inside the block map at `path` (root: 0). */
  private mapColumn(map: PosMap): number {
    const k = map.pairs[0]?.key;
    if (k) return this.file.lines.linePos(k.range[0]).col - 1;
    return 0;
  }

  /**
   * An edit that adds `key: value` lines to the map at `mapPath`. `body` is the
   * YAML of the value as lines relative to the key (first line follows `key:`).
   * When the map does not exist, the missing ancestors are created as blocks.
   * `after` names sibling keys the new key should follow, if present.
   */
  insertKey(mapPath: YamlPath, key: string, body: string[], after: string[] = []): TextEdit | undefined {
    const text = this.file.text;
    const unit = this.indentUnit();
    // Walk down to the deepest existing block map on the path.
    let depth = 0;
    let map = this.root;
    if (!map) return undefined;
    let mapDepth = 0;
    while (depth < mapPath.length) {
      const next = this.node(mapPath.slice(0, depth + 1));
      if (next?.kind === 'map') {
        map = next;
        mapDepth = depth + 1;
      } else if (next?.kind !== 'seq') {
        break;
      }
      depth++;
    }
    depth = mapDepth;
    // Missing list items cannot be made up; missing keys become blocks.
    if (mapPath.slice(depth).some((s) => typeof s === 'number')) return undefined;
    if (map.flow) return this.insertIntoFlowMap(map, [...mapPath.slice(depth).map(String), key], body);
    const missing = [...mapPath.slice(depth).map(String), key];
    const col = map.pairs.length ? this.mapColumn(map) : 0;
    const lines: string[] = [];
    missing.forEach((k, i) => {
      const pad = ' '.repeat(col + i * unit);
      if (i < missing.length - 1) lines.push(`${pad}${k}:`);
    });
    const keyPad = ' '.repeat(col + (missing.length - 1) * unit);
    const childPad = ' '.repeat(col + missing.length * unit);
    const [first, ...rest] = body;
    lines.push(`${keyPad}${key}:${first === undefined || first === '' ? '' : ` ${first}`}`);
    // Body lines indent nested blocks by two spaces; scale that to the document's unit.
    for (const r of rest) {
      const lead = /^ */.exec(r)![0].length;
      lines.push(r.trim() === '' ? '' : `${childPad}${' '.repeat((lead / 2) * unit)}${r.slice(lead)}`);
    }

    // Position: after the preferred sibling when it exists, else after the map's last item.
    let anchorPair: PosPair | undefined;
    if (depth === mapPath.length) {
      for (const a of after) {
        const p = findPair(map, a);
        if (p) anchorPair = p;
      }
    }
    anchorPair ??= map.pairs[map.pairs.length - 1];
    const end = anchorPair ? pairEnd(anchorPair) : undefined;
    if (end === undefined) {
      // An empty document or map: append at the end of the text.
      const sep = text.length && !text.endsWith('\n') ? '\n' : '';
      const r = toRange(this.file.lines, text.length, text.length);
      return { range: r, newText: `${sep}${lines.join('\n')}\n` };
    }
    // Insert at the start of the next line: editors that re-indent multi-line
    // snippets to the current line then leave the block as written.
    const pos = lineEndAfter(text, end);
    if (pos < text.length) {
      const next = text[pos] === '\r' && text[pos + 1] === '\n' ? pos + 2 : pos + 1;
      const r = toRange(this.file.lines, next, next);
      return { range: r, newText: `${lines.join('\n')}\n` };
    }
    const r = toRange(this.file.lines, pos, pos);
    return { range: r, newText: `\n${lines.join('\n')}` };
  }

  private insertIntoFlowMap(map: PosMap, keys: string[], body: string[]): TextEdit | undefined {
    if (body.length !== 1 || keys.length !== 1) return undefined;
    const close = map.range[1] - 1;
    const sep = map.pairs.length ? ', ' : '';
    const r = toRange(this.file.lines, close, close);
    return { range: r, newText: `${sep}${keys[0]}: ${body[0]}` };
  }

  /** Replace a scalar's text, or fill an empty value after its key. */
  setValue(path: YamlPath, valueText: string): TextEdit | undefined {
    const existing = this.node(path);
    if (existing && existing.range[1] > existing.range[0] && (existing.kind === 'scalar' || typeof path[path.length - 1] === 'number')) {
      return { range: toRange(this.file.lines, existing.range[0], valueEnd(this.file.text, existing.range[1])), newText: valueText };
    }
    const pair = this.pair(path);
    if (!pair) {
      return this.insertKey(path.slice(0, -1), String(path[path.length - 1]), [valueText]);
    }
    const v = pair.value;
    if (v && v.range[1] > v.range[0]) {
      return { range: toRange(this.file.lines, v.range[0], v.range[1]), newText: valueText };
    }
    const k = pair.key;
    if (k) {
      // `key:` with nothing after it: the value goes after the colon.
      const colon = this.file.text.indexOf(':', k.range[1]);
      if (colon < 0) return undefined;
      return { range: toRange(this.file.lines, colon + 1, colon + 1), newText: ` ${valueText}` };
    }
    return undefined;
  }
}

/** Block collections end after their newline; a replacement stops before it. */
function valueEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && (text[e - 1] === '\n' || text[e - 1] === '\r')) e--;
  return e;
}

function findPair(map: PosMap, key: PathSegment): PosPair | undefined {
  for (const p of map.pairs) {
    const k = p.keyValue;
    if (k === key || (k != null && String(k) === String(key))) return p;
  }
  // A key written the way people write it (`Next step`) is read as the field it means
  // (forgive.ts): rules name the field, and their ranges and fixes land on the key as written.
  if (typeof key !== 'string') return undefined;
  for (const p of map.pairs) {
    const k = p.keyValue;
    if (typeof k === 'string' && k !== key && keyForm(k) === key) return p;
  }
  return undefined;
}

/** `Next step`, `next-step`, `NextStep` as the field name they mean (the same reading as forgive.ts). */
export function keyForm(k: string): string {
  return KEY_FORMS.get(k, formOf);
}

function formOf(k: string): string {
  return k.trim().replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase().replace(/[\s-]+/g, '_');
}

// A workspace writes a few hundred keys, asked for over and over (every key of a map, for each
// field it lacks: 6% of a check of 10,000 worksheets without a round); the bound keeps files of
// a million odd keys from being held.
const KEY_FORMS = new Memo<string>(4096);

function pairEnd(pair: PosPair): number | undefined {
  if (pair.value) return pair.value.range[1];
  if (pair.key) return pair.key.range[1];
  return undefined;
}

/** The end of the line holding `offset`'s last character, before any newline and trailing comment. */
function lineEndAfter(text: string, offset: number): number {
  // Block collections and block scalars end after their last newline: step back
  // onto that line. A plain scalar may have spaces and a comment after it.
  if (offset > 0 && text[offset - 1] === '\n') return offset >= 2 && text[offset - 2] === '\r' ? offset - 2 : offset - 1;
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** Plain YAML for a string scalar: quoted only when it has to be. */
export function yamlString(s: string): string {
  if (s === '' || (!plainAsIs(s) && NEEDS_QUOTES.test(s))) return JSON.stringify(s);
  return s;
}

/**
 * A string as a YAML flow scalar (an item of `[a, b]`, a value of `{k: v}`):
 * plain when it is safe, else double-quoted (JSON is valid YAML). There a
 * comma or a bracket ends or opens an item, so only letters, digits, spaces
 * and `.'/-` stay plain: `We need space, and time.` is one item, not two.
 */
export function flowScalar(s: string): string {
  const plain = /^[A-Za-z][A-Za-z0-9 .'/-]*$/.test(s) && !/\s$/.test(s) && !YAML_WORDS.test(s) && !/ #|: /.test(s);
  return plain ? s : JSON.stringify(s);
}
const YAML_WORDS = /^(?:true|false|yes|no|on|off|null|y|n|~)$/i;

/**
 * What a plain scalar cannot be: it would read as another type, as a key, as
 * a comment (` #` starts one: `Room #1 first` read back as `Room`), or lose
 * its edges.
 */
const NEEDS_QUOTES = /^[\s\-?:,[\]{}#&*!|>'"%@`]|[:#]\s|\s#|\s$|:$|^(true|false|null|yes|no|on|off|~)$|^[\d.+-]/i;

/**
 * A string NEEDS_QUOTES cannot match, told without running it: it starts
 * with a letter, ends with a visible ASCII character, holds no `:` or `#`,
 * and is no keyword. Most notes, goals and names are such; every rule with a
 * quick fix quotes one, for every finding, and a pattern with ten branches was
 * a share of a check of 10,000 worksheets. Anything else goes to the pattern.
 */
function plainAsIs(s: string): boolean {
  const first = s.charCodeAt(0);
  if (!((first >= 0x41 && first <= 0x5a) || (first >= 0x61 && first <= 0x7a))) return false;
  const last = s.charCodeAt(s.length - 1);
  if (last <= 0x20 || last >= 0x7f) return false;
  if (s.length <= 5 && KEYWORD.test(s)) return false;
  return !s.includes(':') && !s.includes('#');
}
const KEYWORD = /^(?:true|false|null|yes|no|on|off)$/i;
