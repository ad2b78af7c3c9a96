// Minimal text edits on a YAML document, for the worksheet form. The form
// changes one value at a time, and the file must stay the team's file:
// comments, key order, quoting and every untouched line as they were. So no
// edit here re-serialises the document. The `yaml` package's Document (with
// its source tokens) says where each node is; only the touched node's text is
// replaced, and new keys are written in the contract's order with the
// document's own indentation and line ends. Values are rendered with the
// package's own rules for when a string needs quotes.
import { isMap, isScalar, isSeq, stringify } from 'yaml';
import { parseDocument, withParser } from '../yaml/plain-env';
import type { Document, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

export type Path = readonly (string | number)[];

/** A replacement of text[start, end) by `text`, in offsets of the original. */
export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

/** A refusal the person can act on: the form shows the message. */
export class FormEditError extends Error {}

/** The edit would have changed more than it should: a bug here, caught before it reached the file. */
export class UnsafeEditError extends FormEditError {}

/** A value the form writes: scalars, lists of ids, note and person blocks. */
export type WriteValue = string | number | boolean | null | WriteValue[] | { [key: string]: WriteValue | undefined };

/** The keys the contract allows in the block at a path, in its order. */
export type KeyOrder = (mapPath: Path) => readonly string[];

export interface WriteOptions {
  /** Write a new list as a block (`- item` lines) rather than `[a, b]`. */
  blockList?: boolean;
  /** Always quote string scalars (times). */
  quoted?: boolean;
}

type AnyMap = YAMLMap<unknown, unknown>;
type AnySeq = YAMLSeq<unknown>;
type AnyPair = Pair<unknown, unknown>;

interface CstItem {
  start: { type: string; offset: number }[];
  key?: { offset: number } | null;
  sep?: { type: string; offset: number }[];
  value?: { offset: number } | null;
}

const PARSE_OPTIONS = { keepSourceTokens: true, prettyErrors: false, logLevel: 'error' as const };

export function parseForEdit(text: string): Document.Parsed {
  return parseDocument(text, PARSE_OPTIONS);
}

/**
 * One document's editor. Each method returns the edits for one change, in
 * offsets of the text it was made from; `applyOffsetEdits` applies them.
 */
export class YamlTextEditor {
  readonly doc: Document.Parsed;
  readonly eol: string;
  readonly unit: number;
  private readonly comments: Set<number>;

  constructor(readonly text: string, private readonly order: KeyOrder, doc?: Document.Parsed) {
    this.doc = doc ?? parseForEdit(text);
    if (this.doc.errors.length) throw new FormEditError('The file has YAML syntax errors: fix them in the text first.');
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
    this.comments = commentOffsets(text);
    this.unit = this.indentUnit();
  }

  // ---- public operations -----------------------------------------------------

  /** Sets the value at `path`, creating missing blocks in the contract's key order. */
  set(path: Path, value: WriteValue, options: WriteOptions = {}): OffsetEdit[] {
    if (path.length === 0) throw new FormEditError('The form cannot replace the whole document.');
    let cur: unknown = this.doc.contents;
    let owner = 0;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      const here = path.slice(0, i);
      if (cur === null || (isScalar(cur) && cur.value === null && i === 0)) {
        // An empty document: the first key starts it.
        return [this.appendToEmptyDocument(String(seg), nest(path.slice(i + 1), value), options)];
      }
      if (isMap(cur) && typeof seg === 'string') {
        const map = cur as AnyMap;
        const pair = findPair(map, seg);
        const rest = path.slice(i + 1);
        if (!pair) {
          if (rest.some((s) => typeof s === 'number')) throw new FormEditError('That list item does not exist any more.');
          return [this.insertPair(here, map, seg, nest(rest, value), options)];
        }
        const v = pair.value;
        if (v === null || v === undefined || (isScalar(v) && v.value === null)) {
          if (rest.some((s) => typeof s === 'number')) throw new FormEditError('That list item does not exist any more.');
          return this.fillEmpty(map, pair, nest(rest, value), options);
        }
        owner = this.col((pair.key as Node).range![0]);
        cur = v;
      } else if (isSeq(cur) && typeof seg === 'number') {
        const seq = cur as AnySeq;
        if (seg < 0 || seg >= seq.items.length) throw new FormEditError('That list item does not exist any more.');
        owner = this.col(this.dashOf(seq, seg) ?? (seq.items[seg] as Node).range![0]);
        cur = seq.items[seg];
      } else {
        throw new FormEditError(`The value at ${path.slice(0, i).join('.') || 'the top'} is not a block the form can add to: edit it in the text.`);
      }
    }
    return this.replaceNode(cur as Node, value, owner, path, options);
  }

  /**
   * Removes the key at `path`. A block left with no keys goes too (it would
   * read as an empty value), unless it holds a comment, which is kept.
   */
  remove(path: Path): { edits: OffsetEdit[]; removed: Path; left?: WriteValue } {
    const parentPath = path.slice(0, -1);
    const key = path[path.length - 1];
    const map = parentPath.length ? this.doc.getIn(parentPath, true) : this.doc.contents;
    if (!isMap(map) || typeof key !== 'string') return { edits: [], removed: path };
    const pair = findPair(map as AnyMap, key);
    if (!pair) return { edits: [], removed: path };
    const m = map as AnyMap;
    const parentKey = parentPath[parentPath.length - 1];
    if (m.items.length === 1 && typeof parentKey === 'string') {
      // The block's own key line counts: a comment after `next_step:` stays.
      const holder = parentPath.length > 1 ? this.doc.getIn(parentPath.slice(0, -1), true) : this.doc.contents;
      const own = isMap(holder) ? findPair(holder as AnyMap, parentKey) : undefined;
      if (own) {
        const from = this.lineStart(nodeStart(own.key));
        const to = this.pairEnd(own, this.col(nodeStart(own.key)));
        // The key's own comments go with it; any other comment in the block keeps the block.
        const child = this.removePair(m, 0);
        if (!this.hasComment(from, child.start) && !this.hasComment(child.end, to)) return this.remove(parentPath);
      }
    }
    // A block that keeps a comment but loses its last key reads as empty: `key:` in a block, `{}` in flow.
    const left = m.items.length === 1 && parentPath.length > 0 ? (m.flow ? {} : null) : undefined;
    return { edits: [this.removePair(m, m.items.indexOf(pair))], removed: path, left };
  }

  /** Inserts `value` at `index` in the list at `path` (creating the list when missing). */
  insertItem(path: Path, index: number, value: WriteValue, options: WriteOptions = {}): OffsetEdit[] {
    const seq = this.doc.getIn(path, true);
    if (seq === undefined || seq === null || (isScalar(seq) && seq.value === null)) return this.set(path, [value], options);
    if (!isSeq(seq)) throw new FormEditError('This is not written as a list: edit it in the text.');
    const s = seq as AnySeq;
    const n = s.items.length;
    const at = Math.max(0, Math.min(index, n));
    if (n === 0) return [{ start: s.range![0], end: s.range![1], text: `[${this.flow(value)}]` }];
    if (s.flow) {
      if (at >= n) return [{ start: nodeEnd(s.items[n - 1]), end: nodeEnd(s.items[n - 1]), text: `, ${this.flow(value)}` }];
      const start = nodeStart(s.items[at]);
      return [{ start, end: start, text: `${this.flow(value)}, ` }];
    }
    const dash = this.dashOf(s, 0);
    if (dash === undefined) throw new FormEditError('This list is written in a way the form cannot add to: edit it in the text.');
    const dashCol = this.col(dash);
    const line = `${' '.repeat(dashCol)}${this.itemText(value, dashCol, options)}${this.eol}`;
    if (at >= n) {
      const end = this.itemEnd(s, n - 1);
      return [{ start: end, end, text: end === this.text.length && !this.text.endsWith('\n') ? `${this.eol}${line.slice(0, -this.eol.length)}` : line }];
    }
    const start = this.segmentStart(this.dashOf(s, at)!);
    return [{ start, end: start, text: line }];
  }

  /** Removes the item at `index`; the last item takes its key with it. */
  removeItem(path: Path, index: number): OffsetEdit[] {
    const s = this.seqAt(path);
    if (index < 0 || index >= s.items.length) throw new FormEditError('That list item does not exist any more.');
    if (s.items.length === 1) return this.remove(path).edits;
    if (s.flow) return [flowRemoval(s.items as unknown[], index)];
    return [{ start: this.lineStart(this.blockDash(s, index)), end: this.itemEnd(s, index), text: '' }];
  }

  /** Moves an item, with the comment lines just above it; the gaps between items stay where they are. */
  moveItem(path: Path, from: number, to: number): OffsetEdit[] {
    const s = this.seqAt(path);
    const n = s.items.length;
    if (from < 0 || from >= n || to < 0 || to >= n) throw new FormEditError('That list item does not exist any more.');
    if (from === to) return [];
    const lo = Math.min(from, to);
    const hi = Math.max(from, to);
    const segs: [number, number][] = [];
    for (let i = lo; i <= hi; i++) {
      segs.push(s.flow ? [nodeStart(s.items[i]), nodeEnd(s.items[i])] : [this.segmentStart(this.blockDash(s, i)), this.itemEnd(s, i)]);
    }
    const order = segs.map((_, i) => i);
    const [moved] = order.splice(from - lo, 1);
    order.splice(to - lo, 0, moved);
    const endsWithBreak = (t: string) => t.endsWith('\n');
    let out = '';
    order.forEach((k, i) => {
      let piece = this.text.slice(segs[k][0], segs[k][1]);
      // The file's last item may have no line break after it; in the middle it needs one.
      if (!s.flow && !endsWithBreak(piece)) piece += this.eol;
      out += piece;
      if (i < order.length - 1) out += this.text.slice(segs[i][1], segs[i + 1][0]);
    });
    const start = segs[0][0];
    const end = segs[segs.length - 1][1];
    if (!s.flow && !endsWithBreak(this.text.slice(start, end))) out = out.slice(0, -this.eol.length);
    return [{ start, end, text: out }];
  }

  /**
   * Sets a list of plain values (ids), keeping each remaining item's text:
   * removed items go, new ones are added where they are in `values`.
   */
  setList(path: Path, values: string[], options: WriteOptions = {}): OffsetEdit[] {
    if (values.length === 0) throw new FormEditError('An empty list is cleared, not set.');
    const node = this.doc.getIn(path, true);
    if (!isSeq(node)) return this.set(path, values, options);
    const s = node as AnySeq;
    const old = s.items.map((i) => (isScalar(i) ? String(i.value) : undefined));
    const keep = lcs(old, values);
    if (s.flow || s.items.length === 0) {
      const parts = values.map((v, j) => {
        const i = keep.newToOld.get(j);
        return i === undefined ? this.flow(v) : this.text.slice(nodeStart(s.items[i]), nodeEnd(s.items[i]));
      });
      return [{ start: s.range![0], end: s.range![1], text: `[${parts.join(', ')}]` }];
    }
    const dashCol = this.col(this.blockDash(s, 0));
    const edits: OffsetEdit[] = [];
    old.forEach((_, i) => {
      if (!keep.oldKept.has(i)) edits.push({ start: this.lineStart(this.blockDash(s, i)), end: this.itemEnd(s, i), text: '' });
    });
    // New values go after the kept item before them, or before the first item.
    let lastKept = -1;
    values.forEach((v, j) => {
      const i = keep.newToOld.get(j);
      if (i !== undefined) {
        lastKept = i;
        return;
      }
      const at = lastKept >= 0 ? this.itemEnd(s, lastKept) : this.segmentStart(this.blockDash(s, 0));
      const needsBreak = at === this.text.length && !this.text.endsWith('\n');
      edits.push({ start: at, end: at, text: `${needsBreak ? this.eol : ''}${' '.repeat(dashCol)}- ${this.scalar(v, false, dashCol + this.unit)}${needsBreak ? '' : this.eol}` });
    });
    return edits;
  }

  // ---- replacing and filling ---------------------------------------------------

  private replaceNode(node: Node, value: WriteValue, ownerCol: number, path: Path, options: WriteOptions): OffsetEdit[] {
    const [start, end] = [node.range![0], node.range![1]];
    const inFlow = this.inFlow(path);
    if (isScalar(node)) {
      // A | or > block ends after its line break; the replacement keeps that break.
      const blockEnd = (node as Scalar).type === 'BLOCK_LITERAL' || (node as Scalar).type === 'BLOCK_FOLDED' ? this.beforeBreaks(start, end) : end;
      if (isScalarValue(value)) {
        return [{ start, end: blockEnd, text: this.scalar(value, inFlow, ownerCol + this.unit, node as Scalar, options.quoted) }];
      }
      if (Array.isArray(value)) return [{ start, end, text: this.flow(value) }];
      // A plain note becoming a block (it gets themes or a quote).
      if (inFlow) return [{ start, end, text: this.flow(value) }];
      const col = this.col(start);
      if (typeof path[path.length - 1] !== 'number') throw new FormEditError('This value is written in a way the form cannot change: edit it in the text.');
      return [{ start, end, text: this.mapLines(value, col).replace(/^ */, '') }];
    }
    if (isSeq(node) && Array.isArray(value) && value.every(isScalarValue)) {
      return this.setList(path, value.map((v) => String(v)), options);
    }
    if ((isSeq(node) || isMap(node)) && (node as AnySeq).flow && isScalarValue(value)) {
      return [{ start, end, text: this.scalar(value, inFlow, ownerCol + this.unit, undefined, options.quoted) }];
    }
    throw new FormEditError('This value is written in a way the form cannot change: edit it in the text.');
  }

  /** `key:` with nothing after it (or `~`, `null`): the value goes after the colon. */
  private fillEmpty(map: AnyMap, pair: AnyPair, value: WriteValue, options: WriteOptions): OffsetEdit[] {
    const colon = this.colonOf(map, pair);
    if (colon === undefined) throw new FormEditError('This key is written in a way the form cannot change: edit it in the text.');
    const v = pair.value as Scalar | null;
    const hasSource = !!v && v.range![1] > v.range![0];
    const keyCol = this.col((pair.key as Node).range![0]);
    if (map.flow) {
      const text = this.flow(value);
      return hasSource ? [{ start: v!.range![0], end: v!.range![1], text }] : [{ start: colon + 1, end: colon + 1, text: ` ${text}` }];
    }
    const after = this.afterKey(value, keyCol, options);
    if (!after.startsWith(this.eol)) {
      return hasSource ? [{ start: v!.range![0], end: v!.range![1], text: after.slice(1) }] : [{ start: colon + 1, end: colon + 1, text: after }];
    }
    // A block: drop the `~` or `null`, then add the lines after the key's line (its comment stays there).
    const lineEnd = this.lineEndBeforeBreak(colon);
    const edits: OffsetEdit[] = [];
    if (hasSource) edits.push({ start: colon + 1, end: v!.range![1], text: '' });
    edits.push({ start: lineEnd, end: lineEnd, text: after });
    return edits;
  }

  private appendToEmptyDocument(key: string, value: WriteValue, options: WriteOptions): OffsetEdit {
    const end = this.text.length;
    const sep = end > 0 && !this.text.endsWith('\n') ? this.eol : '';
    return { start: end, end, text: `${sep}${key}:${this.afterKey(value, 0, options)}${this.eol}` };
  }

  /** A new key in an existing block, after the last key the contract puts before it. */
  private insertPair(mapPath: Path, map: AnyMap, key: string, value: WriteValue, options: WriteOptions): OffsetEdit {
    const order = this.order(mapPath);
    const rank = (k: unknown) => (typeof k === 'string' ? order.indexOf(k) : -1);
    const idx = order.indexOf(key);
    const pairs = map.items;
    let prev: AnyPair | undefined;
    let next: AnyPair | undefined;
    if (idx >= 0) {
      for (const p of pairs) {
        const r = rank(keyOf(p));
        if (r >= 0 && r < idx && (!prev || r > rank(keyOf(prev)))) prev = p;
        if (r > idx && (!next || r < rank(keyOf(next)))) next = p;
      }
    }
    if (!prev && !next) prev = pairs[pairs.length - 1];
    if (map.flow) {
      const text = `${key}: ${this.flow(value)}`;
      if (pairs.length === 0) return { start: map.range![0], end: map.range![1], text: `{${text}}` };
      if (prev) {
        const at = nodeEnd(prev.value ?? prev.key);
        return { start: at, end: at, text: `, ${text}` };
      }
      const at = nodeStart(next!.key);
      return { start: at, end: at, text: `${text}, ` };
    }
    const first = pairs[0];
    const keyCol = this.col(nodeStart(first.key));
    const body = `${key}:${this.afterKey(value, keyCol, options)}`;
    if (prev) {
      const at = this.pairEnd(prev, keyCol);
      const needsBreak = at === this.text.length && !this.text.endsWith('\n');
      return { start: at, end: at, text: needsBreak ? `${this.eol}${' '.repeat(keyCol)}${body}` : `${' '.repeat(keyCol)}${body}${this.eol}` };
    }
    const keyStart = nodeStart(next!.key);
    if (this.firstOnLine(keyStart)) {
      const at = this.segmentStart(keyStart);
      return { start: at, end: at, text: `${' '.repeat(keyCol)}${body}${this.eol}` };
    }
    // The block's first key shares a line with the list's dash: the new key takes its place.
    return { start: keyStart, end: keyStart, text: `${body}${this.eol}${' '.repeat(keyCol)}` };
  }

  private removePair(map: AnyMap, index: number): OffsetEdit {
    const pairs = map.items;
    const pair = pairs[index];
    if (map.flow) {
      if (pairs.length === 1) return { start: map.range![0], end: map.range![1], text: '{}' };
      return flowRemoval(pairs.map((p) => ({ range: [nodeStart(p.key), nodeEnd(p.value ?? p.key)] })), index);
    }
    const keyStart = nodeStart(pair.key);
    const keyCol = this.col(keyStart);
    if (this.firstOnLine(keyStart)) return { start: this.lineStart(keyStart), end: this.pairEnd(pair, keyCol), text: '' };
    const next = pairs[index + 1];
    if (!next) throw new FormEditError('This block is written in a way the form cannot change: edit it in the text.');
    return { start: keyStart, end: nodeStart(next.key), text: '' };
  }

  // ---- rendering ---------------------------------------------------------------

  /** The text after `key:` for a value in a block map whose keys are at `keyCol`. */
  private afterKey(value: WriteValue, keyCol: number, options: WriteOptions = {}): string {
    const childCol = keyCol + this.unit;
    if (Array.isArray(value)) {
      if (value.length === 0) return ' []';
      if (value.every(isScalarValue) && !options.blockList) return ` ${this.flow(value)}`;
      return value.map((v) => `${this.eol}${' '.repeat(childCol)}${this.itemText(v, childCol, {})}`).join('');
    }
    if (isRecord(value)) {
      const entries = defined(value);
      if (entries.length === 0) return ' {}';
      return `${this.eol}${this.mapLines(value, childCol, options)}`;
    }
    return ` ${this.scalar(value, false, childCol, undefined, options.quoted)}`;
  }

  /** `key: value` lines of a block map at `col` (the first line indented too). */
  private mapLines(value: { [key: string]: WriteValue | undefined }, col: number, options: WriteOptions = {}): string {
    return defined(value).map(([k, v]) => `${' '.repeat(col)}${k}:${this.afterKey(v, col, options)}`).join(this.eol);
  }

  /** A list item, from its dash: `- text`, or `- key: v` with the block's other keys below. */
  private itemText(value: WriteValue, dashCol: number, options: WriteOptions): string {
    if (isRecord(value)) {
      const lines = this.mapLines(value, dashCol + 2, options);
      return `- ${lines.slice(dashCol + 2)}`;
    }
    if (Array.isArray(value)) return `- ${this.flow(value)}`;
    return `- ${this.scalar(value, false, dashCol + 2, undefined, options.quoted)}`;
  }

  /** A value inside `[...]` or `{...}`. */
  private flow(value: WriteValue): string {
    if (Array.isArray(value)) return `[${value.map((v) => this.flow(v)).join(', ')}]`;
    if (isRecord(value)) return `{${defined(value).map(([k, v]) => `${k}: ${this.flow(v)}`).join(', ')}}`;
    return this.scalar(value, true, 0);
  }

  /**
   * A scalar as YAML. Strings stay plain when the `yaml` package would read
   * them back unchanged, keep the quotes the person chose, and become a `|`
   * block when they hold line breaks (indented at `indent`).
   */
  private scalar(value: string | number | boolean | null, inFlow: boolean, indent: number, original?: Scalar, quoted?: boolean): string {
    if (value === null) return 'null';
    if (typeof value !== 'string') return String(value);
    // The quotes the person chose stay; the empty "" of a skeleton is no choice.
    const style = original && original.value !== '' ? original.type : undefined;
    if (!value.includes('\n')) {
      if (style === 'QUOTE_SINGLE' && !quoted) return `'${value.replace(/'/g, "''")}'`;
      if (quoted || style === 'QUOTE_DOUBLE') return JSON.stringify(value);
      const plain = stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
      if (plain.includes('\n') || /^[|>]/.test(plain)) return JSON.stringify(value);
      if (inFlow && /^[^"']/.test(plain) && /[,[\]{}]/.test(plain)) return JSON.stringify(value);
      return plain;
    }
    if (inFlow || quoted) return JSON.stringify(value);
    return this.blockScalar(value, indent) ?? JSON.stringify(value);
  }

  private blockScalar(value: string, indent: number): string | undefined {
    const body = value.replace(/\n+$/, '');
    const trailing = value.length - body.length;
    if (trailing > 1 || /^[ \t]/.test(body) || /[\r\t]/.test(body) || body === '') return undefined;
    const pad = ' '.repeat(indent);
    const lines = body.split('\n').map((l) => (l === '' ? '' : `${pad}${l}`));
    return `${trailing === 1 ? '|' : '|-'}${this.eol}${lines.join(this.eol)}`;
  }

  // ---- positions -----------------------------------------------------------------

  private seqAt(path: Path): AnySeq {
    const s = this.doc.getIn(path, true);
    if (!isSeq(s)) throw new FormEditError('This is not written as a list: edit it in the text.');
    return s as AnySeq;
  }

  private inFlow(path: Path): boolean {
    for (let i = 0; i < path.length; i++) {
      const n = i === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, i), true);
      if ((isMap(n) || isSeq(n)) && (n as AnyMap).flow) return true;
    }
    return false;
  }

  /** The offset of item `i`'s dash in a block list, from the parser's tokens. */
  private dashOf(seq: AnySeq, i: number): number | undefined {
    if (seq.flow) return undefined;
    const items = (seq.srcToken as unknown as { items?: CstItem[] } | undefined)?.items;
    if (!items || items.length !== seq.items.length) return undefined;
    return items[i]?.start.find((t) => t.type === 'seq-item-ind')?.offset;
  }

  private blockDash(seq: AnySeq, i: number): number {
    const dash = this.dashOf(seq, i);
    if (dash === undefined || !this.firstOnLine(dash)) throw new FormEditError('This list is written in a way the form cannot change: edit it in the text.');
    return dash;
  }

  private colonOf(map: AnyMap, pair: AnyPair): number | undefined {
    const items = (map.srcToken as unknown as { items?: CstItem[] } | undefined)?.items;
    const keyStart = nodeStart(pair.key);
    const item = items?.find((it) => it.key?.offset === keyStart);
    return item?.sep?.find((t) => t.type === 'map-value-ind')?.offset;
  }

  /** Where a pair of a block map ends: after its last line and the comment lines indented under it. */
  private pairEnd(pair: AnyPair, keyCol: number): number {
    const v = pair.value as Node | null;
    const contentEnd = v && v.range && v.range[1] > v.range[0] ? v.range[1] : nodeEnd(pair.key);
    return this.withIndentedComments(this.afterLine(contentEnd), keyCol);
  }

  /** Where a block list's item ends: after its last line and the comment lines indented under it. */
  private itemEnd(seq: AnySeq, i: number): number {
    const dash = this.blockDash(seq, i);
    const item = seq.items[i] as Node | null;
    const contentEnd = item && item.range && item.range[1] > item.range[0] ? item.range[1] : dash + 1;
    return this.withIndentedComments(this.afterLine(contentEnd), this.col(dash));
  }

  /** Extends past comment lines indented deeper than `col` (blank lines between them too, not after). */
  private withIndentedComments(offset: number, col: number): number {
    let end = offset;
    let pos = offset;
    while (pos < this.text.length) {
      const next = this.nextLine(pos);
      const first = this.firstNonSpace(pos);
      if (first !== undefined) {
        if (!this.comments.has(first) || first - pos <= col) break;
        end = next;
      }
      pos = next;
    }
    return end;
  }

  /** A line's start, moved up over the comment lines directly above it at the same column. */
  private segmentStart(offset: number): number {
    const col = this.col(offset);
    let start = this.lineStart(offset);
    while (start > 0) {
      const prev = this.lineStart(start - 1);
      const first = this.firstNonSpace(prev);
      if (first === undefined || !this.comments.has(first) || first - prev !== col) break;
      start = prev;
    }
    return start;
  }

  private hasComment(start: number, end: number): boolean {
    for (const c of this.comments) if (c >= start && c < end) return true;
    return false;
  }

  private lineStart(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  private col(offset: number): number {
    return offset - this.lineStart(offset);
  }

  private firstOnLine(offset: number): boolean {
    return this.text.slice(this.lineStart(offset), offset).trim() === '';
  }

  /** The start of the line after the one holding `offset`. */
  private nextLine(offset: number): number {
    const nl = this.text.indexOf('\n', offset);
    return nl < 0 ? this.text.length : nl + 1;
  }

  /** `offset` when it starts a line, else the start of the next line (or the text's end). */
  private afterLine(offset: number): number {
    if (offset > 0 && this.text[offset - 1] === '\n') return offset;
    return this.nextLine(offset);
  }

  /** `end` moved back over the line breaks that end a block scalar (never before `start`). */
  private beforeBreaks(start: number, end: number): number {
    let e = end;
    while (e > start + 1 && (this.text[e - 1] === '\n' || this.text[e - 1] === '\r')) e--;
    return e;
  }

  /** The end of `offset`'s line, before its line break. */
  private lineEndBeforeBreak(offset: number): number {
    const nl = this.text.indexOf('\n', offset);
    if (nl < 0) return this.text.length;
    return this.text[nl - 1] === '\r' ? nl - 1 : nl;
  }

  /** The first non-blank character of the line starting at `lineStart`; undefined for a blank line. */
  private firstNonSpace(lineStart: number): number | undefined {
    let i = lineStart;
    while (i < this.text.length && (this.text[i] === ' ' || this.text[i] === '\t')) i++;
    if (i >= this.text.length || this.text[i] === '\n' || this.text[i] === '\r') return undefined;
    return i;
  }

  /** The indentation step the document already uses (2 when it has none yet). */
  private indentUnit(): number {
    let unit = 0;
    const visit = (node: unknown, parentCol: number): void => {
      if (unit || !isMap(node) || (node as AnyMap).flow) return;
      for (const p of (node as AnyMap).items) {
        const k = p.key as Node | null;
        if (!k?.range) continue;
        const col = this.col(k.range[0]);
        if (parentCol >= 0 && col > parentCol) {
          unit = col - parentCol;
          return;
        }
        visit(p.value, col);
      }
    };
    visit(this.doc.contents, -1);
    return unit || 2;
  }
}

// ---- helpers ------------------------------------------------------------------

function isRecord(v: unknown): v is { [key: string]: WriteValue | undefined } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isScalarValue(v: unknown): v is string | number | boolean | null {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function defined(value: { [key: string]: WriteValue | undefined }): [string, WriteValue][] {
  return Object.entries(value).filter((e): e is [string, WriteValue] => e[1] !== undefined);
}

/** `value` under the keys of `rest`: {a: {b: value}}. */
function nest(rest: Path, value: WriteValue): WriteValue {
  let v = value;
  for (let i = rest.length - 1; i >= 0; i--) v = { [String(rest[i])]: v };
  return v;
}

function keyOf(pair: AnyPair): unknown {
  return isScalar(pair.key) ? (pair.key as Scalar).value : pair.key;
}

function findPair(map: AnyMap, key: string): AnyPair | undefined {
  return map.items.find((p) => keyOf(p) === key || (isScalar(p.key) && String((p.key as Scalar).value) === key));
}

function nodeStart(n: unknown): number {
  return (n as Node).range![0];
}

function nodeEnd(n: unknown): number {
  return (n as Node).range![1];
}

/** Removes entry `index` of a flow collection with the separator on one side of it. */
function flowRemoval(items: unknown[], index: number): OffsetEdit {
  if (index < items.length - 1) return { start: nodeStart(items[index]), end: nodeStart(items[index + 1]), text: '' };
  return { start: nodeEnd(items[index - 1]), end: nodeEnd(items[index]), text: '' };
}

/** Offsets where the text's comments start, from the parser's tokens (not from searching for `#`). */
function commentOffsets(text: string): Set<number> {
  const out = new Set<number>();
  const walk = (t: unknown): void => {
    if (Array.isArray(t)) {
      t.forEach(walk);
      return;
    }
    if (!t || typeof t !== 'object') return;
    const tok = t as { type?: unknown; offset?: unknown };
    if (tok.type === 'comment' && typeof tok.offset === 'number') out.add(tok.offset);
    for (const [k, v] of Object.entries(t)) if (k !== 'source' && v && typeof v === 'object') walk(v);
  };
  withParser((parser) => {
    for (const token of parser.parse(text)) walk(token);
  });
  return out;
}

/** A longest common subsequence of two lists: which old items stay, and where. */
function lcs(a: (string | undefined)[], b: string[]): { oldKept: Set<number>; newToOld: Map<number, number> } {
  const n = a.length;
  const m = b.length;
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) dp[i][j] = a[i] !== undefined && a[i] === b[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  }
  const oldKept = new Set<number>();
  const newToOld = new Map<number, number>();
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] !== undefined && a[i] === b[j]) {
      oldKept.add(i);
      newToOld.set(j, i);
      i++;
      j++;
    } else if (dp[i + 1][j] >= dp[i][j + 1]) {
      i++;
    } else {
      j++;
    }
  }
  return { oldKept, newToOld };
}

/**
 * Sorts edits and joins those that touch or overlap into one, so any editor
 * applies them the same way (two insertions at one spot keep their order).
 */
export function normalizeEdits(text: string, edits: OffsetEdit[]): OffsetEdit[] {
  const sorted = edits.map((e, i) => ({ e, i })).sort((x, y) => x.e.start - y.e.start || x.e.end - y.e.end || x.i - y.i).map((x) => x.e);
  const out: OffsetEdit[] = [];
  let group: OffsetEdit[] = [];
  const flush = () => {
    if (!group.length) return;
    const start = group[0].start;
    let end = start;
    let composed = '';
    for (const e of group) {
      if (e.start < end) throw new Error('Internal error: overlapping form edits');
      composed += text.slice(end, e.start) + e.text;
      end = Math.max(end, e.end);
    }
    out.push({ start, end, text: composed });
    group = [];
  };
  for (const e of sorted) {
    const groupEnd = group.length ? Math.max(...group.map((g) => g.end)) : -1;
    if (group.length && e.start > groupEnd) flush();
    group.push(e);
  }
  flush();
  return out.filter((e) => e.start !== e.end || e.text !== '');
}

export function applyOffsetEdits(text: string, edits: OffsetEdit[]): string {
  let out = '';
  let pos = 0;
  for (const e of normalizeEdits(text, edits)) {
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos);
}
