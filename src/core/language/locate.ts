// Where the cursor is in a YAML text, for completion and hover alike: the
// path of the key or value at an offset, whether it is a key or a value, what
// is typed of it and its range. Completion asks while the text is being typed
// and rarely parses, so this never parses: it reads the lines with YAML's
// block rules (indentation opens and closes maps and lists), reads the flow
// collections and scalars on its way, and settles every doubt the way someone
// typing means it. Where the text does parse, its answers are the `yaml`
// package's nodes (locate.test.ts compares them at every offset of every key
// and value of the example files).
//
// The lookup is end-inclusive (the cursor right after a word is on that word,
// so its prefix is the whole word), and on a line with nothing at the cursor
// its column says which map a new key would join, as in yaml-language-server.
import type { PathSegment } from '../yaml';
import { foldLines, resolvePlain } from '../yaml';

export interface CursorContext {
  /**
   * The node at the cursor. On a key: the map's path and the key (`''` where
   * none is typed yet). On a value: the value's path. List items are indexes.
   */
  path: PathSegment[];
  on: 'key' | 'value';
  /** The text from the start of the word or scalar at the cursor to the cursor (what completion replaces). */
  prefix: string;
  /** The word or scalar at the cursor, as offsets [start, end]; [offset, offset] where nothing is written yet. */
  range: [number, number];
  /** The scalar at the cursor as YAML reads it (a key's text, a value resolved as the core schema does); undefined where nothing is written. */
  value?: unknown;
  /** On a key: the other keys of its map (in a flow map, those before it). */
  siblings: string[];
  /** Column of the line's key or item, for multi-line inserts. */
  indent: number;
  /** The value is an item of a list (a `- ` item or inside `[...]`). */
  inList: boolean;
  /** The cursor is inside a flow collection (`[...]` or `{...}`). */
  flow: boolean;
  /** The cursor is in a comment. */
  comment: boolean;
}

interface Line {
  start: number;
  /** Before the line break (and a carriage return before it). */
  end: number;
  /** The first character that is not a space; `end` for a blank line. */
  content: number;
}

/** An open block collection: a map whose keys, or a list whose dashes, are at `col`. */
type Frame =
  | { kind: 'map'; col: number; path: PathSegment[]; key: string | undefined; keys: string[] }
  | { kind: 'seq'; col: number; path: PathSegment[]; index: number; maps: boolean };

interface FlowFrame {
  kind: 'map' | 'seq';
  /** Where its bracket is. */
  open: number;
  path: PathSegment[];
  index: number;
  key: string | undefined;
  /** In a flow map: the current entry's colon has been read. */
  colon: boolean;
  keys: string[];
  /** What is written in the current entry so far (its key, then its value): the cursor after it is still on it. */
  filled: { on: 'key' | 'value'; start: number; end: number; value: unknown } | undefined;
}

/** Characters a plain scalar cannot start with. */
const NOT_PLAIN = new Set(['[', ']', '{', '}', ',', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);
const FLOW_INDICATOR = new Set([',', '[', ']', '{', '}']);

/** Where `offset` is in `text`. Never throws, whatever the text. */
export function locate(text: string, offset: number): CursorContext {
  return new Locator(text, Math.max(0, Math.min(offset, text.length))).run();
}

class Locator {
  private readonly lines: Line[] = [];
  private readonly stack: Frame[] = [];
  /** The cursor's line. */
  private readonly at: number;

  constructor(private readonly text: string, private readonly offset: number) {
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      let end = nl < 0 ? text.length : nl;
      if (end > start && text[end - 1] === '\r') end--;
      let content = start;
      while (content < end && text[content] === ' ') content++;
      this.lines.push({ start, end, content });
      if (nl < 0) break;
      start = nl + 1;
    }
    let at = this.lines.length - 1;
    while (at > 0 && this.lines[at].start > offset) at--;
    this.at = at;
  }

  run(): CursorContext {
    let i = 0;
    for (;;) {
      const next = this.line(i);
      if (typeof next !== 'number') return next;
      // Lines are read in order up to the cursor's, which always answers; the guard keeps a slip from looping.
      if (next <= i || next > this.at) return this.emptySlot(this.offset - this.lines[this.at].start);
      i = next;
    }
  }

  // ---- block structure ----

  /** Reads line `i` (and the lines a scalar or flow collection on it takes); the next line to read, or the answer. */
  private line(i: number): number | CursorContext {
    const l = this.lines[i];
    const here = i === this.at;
    const c = l.content - l.start;
    if (l.content === l.end || this.text[l.content] === '#' || this.isMarker(l)) {
      if (!here) return i + 1;
      if (this.text[l.content] === '#' && this.offset > l.content) return this.commentAt();
      return this.emptySlot(this.offset - l.start);
    }
    if (here && this.offset < l.content) return this.emptySlot(this.offset - l.start);
    this.close(c, this.isDash(l.content, l.end));
    return this.nodes(i, l.content);
  }

  /** `---`, `...` and directives: no node of the document. */
  private isMarker(l: Line): boolean {
    const t = this.text;
    if (l.content !== l.start) return false;
    if (t[l.start] === '%') return true;
    const three = t.slice(l.start, l.start + 3);
    return (three === '---' || three === '...') && (l.start + 3 === l.end || t[l.start + 3] === ' ');
  }

  /** Closes the collections that a line starting at column `c` ends. */
  private close(c: number, dash: boolean): void {
    for (let top = this.stack.at(-1); top; top = this.stack.at(-1)) {
      // A line at a list's column that is no item ends the list (a list under a key at the key's column).
      if (top.col > c || (top.col === c && top.kind === 'seq' && !dash)) this.stack.pop();
      else break;
    }
  }

  private valuePath(f: Frame | undefined): PathSegment[] {
    if (!f) return [];
    return f.kind === 'map' ? [...f.path, f.key ?? ''] : [...f.path, f.index];
  }

  private openSeq(col: number): Extract<Frame, { kind: 'seq' }> {
    const top = this.stack.at(-1);
    if (top?.kind === 'seq' && top.col === col) {
      top.index++;
      return top;
    }
    const seq: Extract<Frame, { kind: 'seq' }> = { kind: 'seq', col, path: this.valuePath(top), index: 0, maps: false };
    this.stack.push(seq);
    return seq;
  }

  private openMap(col: number): Extract<Frame, { kind: 'map' }> {
    const top = this.stack.at(-1);
    if (top?.kind === 'map' && top.col === col) return top;
    const map: Extract<Frame, { kind: 'map' }> = { kind: 'map', col, path: this.valuePath(top), key: undefined, keys: [] };
    this.stack.push(map);
    return map;
  }

  /** The dashes, key and value of line `i` from `p`. */
  private nodes(i: number, p: number): number | CursorContext {
    const l = this.lines[i];
    const here = i === this.at;
    for (;;) {
      const col = p - l.start;
      if (this.isDash(p, l.end)) {
        // Right before a dash, or right after one with no space yet, is not yet on the item.
        if (here && (this.offset === p || (this.offset === p + 1 && this.text[p + 1] !== ' '))) return this.emptySlot(col);
        const seq = this.openSeq(col);
        let q = p + 1;
        while (q < l.end && this.text[q] === ' ') q++;
        const empty = q === l.end || this.text[q] === '#';
        if (here && (this.offset < q || empty)) {
          if (empty && this.text[q] === '#' && this.offset > q) return this.commentAt();
          // Between a dash and its item's content is no place for a node.
          return empty ? this.itemSlot(seq, i, q - l.start) : this.emptySlot(col);
        }
        if (empty) return i + 1;
        if (this.entry(q, l.end)) seq.maps = true;
        p = q;
        continue;
      }
      const entry = this.entry(p, l.end);
      if (entry) {
        const map = this.openMap(col);
        map.key = entry.key;
        if (here && this.offset <= entry.colon) {
          const siblings = [...map.keys, ...this.keysBelow(i, col)];
          return this.keyAt(map.path, entry.key, p, entry.end, siblings, col, false);
        }
        map.keys.push(entry.key);
        let v = entry.colon + 1;
        while (v < l.end && this.text[v] === ' ') v++;
        const path = [...map.path, entry.key];
        if (v === l.end || this.text[v] === '#') {
          if (!here) return i + 1;
          return v < l.end && this.offset > v ? this.commentAt() : this.valueSlot(path, col, false, false);
        }
        return this.value(i, v, path, col, false);
      }
      return this.bare(i, p, col);
    }
  }

  private isDash(at: number, end: number): boolean {
    return this.text[at] === '-' && (at + 1 === end || this.text[at + 1] === ' ');
  }

  /** A block map entry's key at `at`: its text, end and colon. */
  private entry(at: number, end: number): { key: string; end: number; colon: number } | undefined {
    const t = this.text;
    const q = t[at];
    if (q === '"' || q === "'") {
      const quote = this.quoteEnd(at, end);
      if (!quote.closed) return undefined;
      const close = quote.end;
      let colon = close;
      while (colon < end && t[colon] === ' ') colon++;
      if (t[colon] !== ':' || !(colon + 1 === end || t[colon + 1] === ' ')) return undefined;
      return { key: String(this.quotedValue(t.slice(at, close))), end: close, colon };
    }
    if (!this.plainStart(at, end)) return undefined;
    for (let i = at; i < end; i++) {
      const c = t[i];
      if (c === '#' && t[i - 1] === ' ') return undefined;
      if (c === ':' && (i + 1 === end || t[i + 1] === ' ')) {
        let e = i;
        while (e > at && t[e - 1] === ' ') e--;
        return { key: String(resolvePlain(t.slice(at, e))), end: e, colon: i };
      }
    }
    return undefined;
  }

  private plainStart(at: number, end: number): boolean {
    const c = this.text[at];
    if (at >= end || NOT_PLAIN.has(c)) return false;
    if (c === '-' || c === '?' || c === ':') return at + 1 < end && this.text[at + 1] !== ' ';
    return true;
  }

  /**
   * Content that is no dash and no key: a key being typed (a single word
   * where a key may go, on the cursor's line), else a value.
   */
  private bare(i: number, p: number, col: number): number | CursorContext {
    const l = this.lines[i];
    const top = this.stack.at(-1);
    const word = this.plainStart(p, l.end) && /^[^\s:#,[\]{}]*\s*$/.test(this.text.slice(p, l.end));
    if (top?.kind === 'seq' && top.col < col && this.afterDash(p, l)) {
      // The item's own content: in a list of maps, a word starts its first key.
      if (i === this.at && word && (top.maps || this.nextItemIsMap(i, top.col))) {
        return this.keyAt(this.valuePath(top), this.wordAt(p, l.end), p, this.wordEnd(p, l.end), this.keysBelow(i, col), col, false);
      }
      return this.value(i, p, this.valuePath(top), top.col, true);
    }
    if (i === this.at && (word || top?.col === col)) {
      const map = top?.kind === 'map' && top.col === col ? top : undefined;
      const path = map ? map.path : this.valuePath(top);
      const siblings = map ? [...map.keys, ...this.keysBelow(i, col)] : this.keysBelow(i, col);
      return this.keyAt(path, this.wordAt(p, l.end), p, this.wordEnd(p, l.end), siblings, col, false);
    }
    // A value under an empty key or item, or the document's one scalar; text at a map's own column is no node.
    if (!top) return this.value(i, p, [], -1, false);
    if (top.col < col) return this.value(i, p, this.valuePath(top), top.col, top.kind === 'seq');
    return i + 1;
  }

  private afterDash(p: number, l: Line): boolean {
    let q = p - 1;
    while (q >= l.start && this.text[q] === ' ') q--;
    return q >= l.start && this.text[q] === '-';
  }

  private wordEnd(p: number, end: number): number {
    let e = p;
    while (e < end && !/[\s:#,[\]{}]/.test(this.text[e])) e++;
    return e;
  }

  private wordAt(p: number, end: number): string {
    return this.text.slice(p, this.wordEnd(p, end));
  }

  /** Whether the next item of the list at `col` (after line `i`) starts with a key. */
  private nextItemIsMap(i: number, col: number): boolean {
    for (let j = i + 1; j < this.lines.length; j++) {
      const l = this.lines[j];
      if (l.content === l.end || this.text[l.content] === '#') continue;
      const c = l.content - l.start;
      if (c < col) return false;
      if (c > col || !this.isDash(l.content, l.end)) continue;
      let q = l.content + 1;
      while (q < l.end && this.text[q] === ' ') q++;
      return this.entry(q, l.end) !== undefined;
    }
    return false;
  }

  /** The keys of the block map at `col` on the lines after `i`, up to a line less indented. */
  private keysBelow(i: number, col: number): string[] {
    const keys: string[] = [];
    for (let j = i + 1; j < this.lines.length; j++) {
      const l = this.lines[j];
      if (l.content === l.end || this.text[l.content] === '#') continue;
      const c = l.content - l.start;
      if (c < col) break;
      if (c > col || this.isDash(l.content, l.end)) continue;
      const e = this.entry(l.content, l.end);
      if (e) keys.push(e.key);
    }
    return keys;
  }

  // ---- scalars and flow collections ----

  /** The value starting at `v` on line `i`, in a collection at `col`. */
  private value(i: number, v: number, path: PathSegment[], col: number, inList: boolean): number | CursorContext {
    const here = i === this.at;
    if (here && this.offset < v) return this.valueSlot(path, col, inList, false);
    const c = this.text[v];
    if (c === '|' || c === '>') return this.blockScalar(i, v, path, col, inList);
    if (c === '[' || c === '{') return this.flow(i, v, path, col, inList);
    if (c === '"' || c === "'") {
      const { end } = this.quoteEnd(v, this.text.length, col);
      return this.scalarAt(v, end, path, col, inList, () => this.quotedValue(this.text.slice(v, end)));
    }
    return this.plain(i, v, path, col, inList);
  }

  /**
   * A plain scalar from `v`, with the lines that continue it: deeper than its
   * collection, and no comment, key or list item (which, while typing, start
   * something new rather than continue the text), nor the cursor's blank line.
   */
  private plain(i: number, v: number, path: PathSegment[], col: number, inList: boolean): number | CursorContext {
    let end = this.plainEnd(v, this.lines[i].end);
    for (let j = i + 1; j < this.lines.length; j++) {
      const l = this.lines[j];
      if (l.content === l.end) {
        if (j === this.at) break;
        continue;
      }
      if (l.content - l.start <= col || this.text[l.content] === '#' || this.isDash(l.content, l.end) || this.entry(l.content, l.end)) break;
      end = this.plainEnd(l.content, l.end);
    }
    return this.scalarAt(v, end, path, col, inList, () => {
      const raw = this.text.slice(v, end);
      return raw.includes('\n') ? foldLines(raw.split(/\r?\n/).map((s) => s.trim())) : resolvePlain(raw);
    });
  }

  /** Where plain text from `at` ends on its line: before a comment and trailing spaces. */
  private plainEnd(at: number, end: number): number {
    let e = end;
    for (let k = at + 1; k < end; k++) {
      if (this.text[k] === '#' && this.text[k - 1] === ' ') {
        e = k;
        break;
      }
    }
    while (e > at && this.text[e - 1] === ' ') e--;
    return e;
  }

  /** A scalar spanning [start, end]: the answer when the cursor is on it or after it on its last line, else the next line. */
  private scalarAt(start: number, end: number, path: PathSegment[], col: number, inList: boolean, value: () => unknown): number | CursorContext {
    const last = this.lineOf(end);
    return this.at > last ? last + 1 : this.afterValue(last, start, end, value(), path, col, inList);
  }

  /**
   * The cursor on a value, or after it on its line: in a comment, or in the
   * space after it, where it is still on that value (what it typed runs on
   * from the value's start, so completion offers nothing that would follow).
   */
  private afterValue(line: number, start: number, end: number, value: unknown, path: PathSegment[], col: number, inList: boolean): CursorContext {
    const l = this.lines[line];
    for (let k = end; k < Math.min(this.offset, l.end); k++) {
      if (this.text[k] === '#' && (k === end || this.text[k - 1] === ' ')) return this.commentAt();
    }
    return this.valueAt(path, start, end, value, col, inList, false);
  }

  /**
   * A `|` or `>` block scalar with its header at `v`, in a collection at
   * `col`: its lines are the blank ones and those indented at least as its
   * first (or as its indentation indicator says); it ends after its last
   * line that is not blank, or with `+` at the next line.
   */
  private blockScalar(i: number, v: number, path: PathSegment[], col: number, inList: boolean): number | CursorContext {
    const header = /^[|>]([-+]?)([1-9]?)([-+]?)/.exec(this.text.slice(v, v + 4))!;
    const keep = header[1] === '+' || header[3] === '+';
    let indent = header[2] ? col + Number(header[2]) : -1;
    let lastContent = i;
    let j = i + 1;
    for (; j < this.lines.length; j++) {
      const l = this.lines[j];
      const c = l.content - l.start;
      if (l.content === l.end) {
        // A blank line on which the cursor sits left of the text is where a new key goes.
        if (j === this.at && (indent < 0 || this.offset - l.start < indent)) break;
        continue;
      }
      if (indent < 0) indent = c > col ? c : Number.MAX_SAFE_INTEGER;
      if (c < indent) break;
      lastContent = j;
    }
    const end = keep
      ? (j < this.lines.length ? this.lines[j].start : this.text.length)
      : Math.min(this.lines[lastContent].end + (this.text[this.lines[lastContent].end] === '\r' ? 2 : 1), this.text.length);
    const lastLine = keep ? j - 1 : lastContent;
    if (this.at > lastLine) return lastLine + 1;
    if (this.at === i && this.offset < v) return this.valueSlot(path, col, inList, false);
    const body = this.lines.slice(i + 1, lastLine + 1).map((l) => this.text.slice(Math.min(l.start + Math.max(indent, 0), l.end), l.end));
    return this.valueAt(path, v, end, body.join('\n'), col, inList, false);
  }

  /**
   * Where a quoted scalar from `at` ends: after its closing quote, or, unclosed
   * (while typing), at the end of its last line before `limit` or before a
   * line not deeper than `col`.
   */
  private quoteEnd(at: number, limit: number, col = Number.MAX_SAFE_INTEGER): { end: number; closed: boolean } {
    const t = this.text;
    const q = t[at];
    let lineEnd = this.lines[this.lineOf(at)].end;
    for (let k = at + 1; k < limit; k++) {
      const c = t[k];
      if (c === '\\' && q === '"') k++;
      else if (c === q) {
        if (q === "'" && t[k + 1] === "'") k++;
        else return { end: k + 1, closed: true };
      } else if (c === '\n') {
        const l = this.lines[this.lineOf(k + 1)];
        if (l.content < l.end && l.content - l.start <= col) break;
        lineEnd = l.end;
      }
    }
    return { end: Math.min(lineEnd, limit), closed: false };
  }

  /** A quoted scalar's value, from its text with the quotes (an unclosed one without its end). */
  private quotedValue(raw: string): string {
    const q = raw[0];
    const inner = raw.length > 1 && raw.endsWith(q) ? raw.slice(1, -1) : raw.slice(1);
    const folded = inner.includes('\n') ? foldLines(inner.split(/\r?\n/).map((s) => s.trim())) : inner;
    if (q === "'") return folded.replace(/''/g, "'");
    return folded.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, e: string) => {
      const code = e.length > 1 ? parseInt(e.slice(1), 16) : -1;
      if (code >= 0) return code <= 0x10ffff ? String.fromCodePoint(code) : `\\${e}`;
      return ESCAPES[e] ?? e;
    });
  }

  /**
   * A flow collection opening at `v`: read token by token (across lines,
   * ending early at a line that belongs to the block around it, as while
   * typing `[a, b` above the next key), down to the item or key at the cursor.
   */
  private flow(i: number, v: number, path: PathSegment[], col: number, inList: boolean): number | CursorContext {
    const t = this.text;
    if (this.at === i && this.offset === v) return this.valueSlot(path, col, inList, false);
    const stack: FlowFrame[] = [this.flowFrame(t[v], v, path)];
    // The answer, once found, and the frame it is in: reading goes on to its end for the siblings.
    let found: { ctx: CursorContext; frame: FlowFrame; key: number } | undefined;
    let p = v + 1;
    let line = i;
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (!found && p === this.offset && (p >= t.length || !this.tokenStart(p, top))) found = { ctx: this.flowSlot(top, col), frame: top, key: top.filled?.on === 'key' ? top.keys.length - 1 : -1 };
      if (p >= t.length) break;
      const c = t[p];
      if (c === '\n') {
        const next = this.lines[line + 1];
        if (next.content < next.end && next.content - next.start <= col) break;
        line++;
        p++;
      } else if (c === ' ' || c === '\r' || c === '\t') {
        p++;
      } else if (c === '#' && (p === 0 || /\s/.test(t[p - 1]))) {
        const l = this.lines[line];
        if (!found && line === this.at && this.offset > p) found = { ctx: this.commentAt(), frame: top, key: -1 };
        p = l.end;
      } else if (c === ',') {
        if (top.kind === 'seq') top.index++;
        else [top.key, top.colon] = [undefined, false];
        top.filled = undefined;
        p++;
      } else if (c === ']' || c === '}') {
        stack.pop();
        if (found?.frame === top) break;
        const parent = stack.at(-1);
        if (parent) parent.filled = { on: 'value', start: top.open, end: p + 1, value: undefined };
        p++;
      } else if (c === ':' && top.kind === 'map' && !top.colon && this.flowColon(p, top)) {
        top.colon = true;
        top.filled = undefined;
        p++;
      } else if (c === '[' || c === '{') {
        stack.push(this.flowFrame(c, p, this.flowPath(top)));
        p++;
      } else {
        const end = c === '"' || c === "'" ? this.flowQuoteEnd(p, this.lines[line].end) : this.flowPlainEnd(p, this.lines[line].end);
        const raw = t.slice(p, end);
        const value = c === '"' || c === "'" ? this.quotedValue(raw) : resolvePlain(raw);
        const isKey = top.kind === 'map' && !top.colon;
        if (isKey) top.key = String(value);
        if (!found && line === this.at && this.offset >= p && this.offset <= end) {
          const ctx = isKey
            ? this.keyAt(top.path, String(value), p, end, [...top.keys], col, true)
            : this.valueAt(this.flowPath(top), p, end, value, col, top.kind === 'seq', true);
          found = { ctx, frame: top, key: isKey ? top.keys.length : -1 };
        }
        if (isKey) top.keys.push(String(value));
        top.filled = { on: isKey ? 'key' : 'value', start: p, end, value };
        p = Math.max(end, p + 1);
      }
    }
    if (found) {
      const { ctx, frame, key } = found;
      if (ctx.on === 'key') ctx.siblings = frame.keys.filter((_, n) => n !== key);
      return ctx;
    }
    // Closed (or cut short) before the cursor: the rest of its last line is space or a comment.
    if (this.at > line) return line + 1;
    if (this.at < line) return this.valueSlot(path, col, inList, false);
    return this.afterValue(line, v, Math.min(p, this.lines[line].end), undefined, path, col, inList);
  }

  private flowFrame(bracket: string, open: number, path: PathSegment[]): FlowFrame {
    return { kind: bracket === '[' ? 'seq' : 'map', open, path, index: 0, key: undefined, colon: false, keys: [], filled: undefined };
  }

  private flowPath(f: FlowFrame): PathSegment[] {
    return f.kind === 'seq' ? [...f.path, f.index] : [...f.path, f.key ?? ''];
  }

  private tokenStart(p: number, top: FlowFrame): boolean {
    const c = this.text[p];
    if (c === ':') return !(top.kind === 'map' && !top.colon && this.flowColon(p, top));
    return !(c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '#' || FLOW_INDICATOR.has(c));
  }

  /**
   * Whether a `:` in a flow map, where its key is, separates key and value:
   * before a space, a line's end or an indicator, or right after a quoted key
   * (`"a":b`). Otherwise it starts a plain key, as in `{:text: x}`.
   */
  private flowColon(p: number, top: FlowFrame): boolean {
    const next = this.text[p + 1];
    if (next === undefined || next === ' ' || next === '\t' || next === '\n' || next === '\r' || FLOW_INDICATOR.has(next)) return true;
    const w = top.filled;
    return w !== undefined && w.end === p && (this.text[p - 1] === '"' || this.text[p - 1] === "'");
  }

  /** The cursor between the tokens of a flow collection: after what its entry holds, or where the entry's key or value goes. */
  private flowSlot(f: FlowFrame, col: number): CursorContext {
    const w = f.filled;
    if (w?.on === 'key') return this.keyAt(f.path, String(w.value), w.start, w.end, f.keys.slice(0, -1), col, true);
    if (w) return this.valueAt(this.flowPath(f), w.start, w.end, w.value, col, f.kind === 'seq', true);
    if (f.kind === 'map' && !f.colon) return this.keyAt(f.path, '', this.offset, this.offset, [...f.keys], col, true);
    return this.valueSlot(this.flowPath(f), col, f.kind === 'seq', true);
  }

  private flowQuoteEnd(at: number, lineEnd: number): number {
    return this.quoteEnd(at, lineEnd).end;
  }

  /** Where a plain scalar in a flow collection ends: at an indicator, a `: `, a comment or the line's end. */
  private flowPlainEnd(at: number, end: number): number {
    const t = this.text;
    let k = at;
    for (; k < end; k++) {
      const c = t[k];
      if (FLOW_INDICATOR.has(c)) break;
      if (c === '#' && t[k - 1] === ' ') break;
      if (c === ':' && (k + 1 === end || t[k + 1] === ' ' || FLOW_INDICATOR.has(t[k + 1]))) break;
    }
    while (k > at && t[k - 1] === ' ') k--;
    return k;
  }

  // ---- answers ----

  private keyAt(mapPath: PathSegment[], key: string, start: number, end: number, siblings: string[], indent: number, flow: boolean): CursorContext {
    return {
      path: [...mapPath, key],
      on: 'key',
      prefix: this.text.slice(start, Math.max(start, this.offset)),
      range: [start, end],
      value: end > start ? key : undefined,
      siblings,
      indent,
      inList: false,
      flow,
      comment: false,
    };
  }

  private valueAt(path: PathSegment[], start: number, end: number, value: unknown, indent: number, inList: boolean, flow: boolean): CursorContext {
    return { path, on: 'value', prefix: this.text.slice(start, this.offset), range: [start, end], value, siblings: [], indent, inList, flow, comment: false };
  }

  private valueSlot(path: PathSegment[], indent: number, inList: boolean, flow: boolean): CursorContext {
    return { path, on: 'value', prefix: '', range: [this.offset, this.offset], siblings: [], indent, inList, flow, comment: false };
  }

  private commentAt(): CursorContext {
    return { path: [], on: 'value', prefix: '', range: [this.offset, this.offset], siblings: [], indent: 0, inList: false, flow: false, comment: true };
  }

  /** The cursor at column `col` of a line with nothing written from there: a new key of the map that column belongs to. */
  private emptySlot(col: number): CursorContext {
    this.close(col, false);
    const top = this.stack.at(-1);
    if (top?.kind === 'map' && top.col === col) return this.keyAt(top.path, '', this.offset, this.offset, [...top.keys, ...this.keysBelow(this.at, col)], col, false);
    if (top?.kind === 'seq' && top.col === col) return this.keyAt(top.path, '', this.offset, this.offset, [], col, false);
    return this.keyAt(this.valuePath(top), '', this.offset, this.offset, this.keysBelow(this.at, col), col, false);
  }

  /** The cursor on a `- ` item with nothing after it: a new item's value, or in a list of maps, its first key. */
  private itemSlot(seq: Extract<Frame, { kind: 'seq' }>, i: number, col: number): CursorContext {
    if (seq.maps || this.nextItemIsMap(i, seq.col)) return this.keyAt([...seq.path, seq.index], '', this.offset, this.offset, this.keysBelow(i, col), col, false);
    return this.valueSlot([...seq.path, seq.index], seq.col, true, false);
  }

  private lineOf(offset: number): number {
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lines[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};
