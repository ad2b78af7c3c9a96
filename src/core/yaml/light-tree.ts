// The data and position tree of a worksheet without the `yaml` package. The
// full parse (tokens, CST, Document) costs several times what the check does
// with it, and for the plain YAML most worksheets are written in (block maps
// and lists, scalars on one line or wrapped over several, one-line flow
// collections, `|` and `>` block scalars, comments on their own lines and
// after values) the values and ranges the `yaml` package gives follow a few
// rules. This module reads that YAML line by line, in one pass, and gives the
// same data as the Document's toJS and the same tree `positionsOf` in
// parse.ts builds from it; a flow collection may go on over several lines
// when they break between its items (skipFlow), as people break a long list.
// A `---` opening the text, as many teams begin every YAML file, is read
// past, and lines ending in CR LF (git on Windows) are read as with LF alone.
// Anything outside that subset (a value inside a flow collection that goes on
// to the next line, a comment inside one, comment lines after an empty value,
// comments inside a wrapped one, lines of only spaces inside a value, block scalars
// with an indentation indicator, any other document marker, a carriage return
// that ends no line, duplicate keys, and all quick-read refusals) is
// declined, and the caller makes the full parse. Double-quoted values are
// worked out escapes and all (double-quoted.ts), as tools write them, and a
// list item may start on the line below a `-` alone, as js-yaml writes it
// with an indent of 4.
//
// Comments change no node's start, but they can move where a collection
// ends, because the `yaml` parser hands each comment line to the innermost
// collection still open and decides later where it belongs:
// - comment lines right after a one-line value (blank lines between are
//   fine), indented deeper than that value's collection, become part of the
//   value's end, so a collection ending with that value ends after them;
// - any other comment lines after a collection's last item stay in it when
//   the collection closes if one of them is at least as indented as its
//   items (and it is not at column 0); they then end its comment range,
//   which is where its parent ends if it is the parent's last value.
//   Otherwise they move on to the parent, which applies the same rule.
import { LineCounter } from 'yaml';
import type { PosMap, PosNode, PosPair, PosScalar, PosSeq } from './positions';
import { UNSURE_CLAUSES, afterLeadingMarker, quickRead, quickRefusal, resolvePlain } from './quick-read';
import { textBounds } from './bounds';
import { doubleQuotedValue } from './double-quoted';

export interface LightRead {
  data: unknown;
  tree: PosNode;
  lines: LineCounter;
}

/** A block map's key: its node, its value, and where its colon is. */
interface Entry { key: PosScalar; value: unknown; colon: number }

/** A value in a flow collection: its node, its value, and the offset after it. */
interface FlowRead { node: PosNode; value: unknown; end: number }

/**
 * Thrown inside the reader when the text leaves the subset. One made once:
 * an error takes its stack when made, which was a tenth of the time a
 * declined worksheet took before its full parse.
 */
class Decline extends Error {}
const DECLINED = new Decline('the light reader leaves this text to the full parse');

export function readLight(text: string): LightRead | undefined {
  return textBounds(text).carriageReturn ? readCarriageReturns(text) : readLineFeeds(text);
}

function readLineFeeds(text: string): LightRead | undefined {
  // A `---` opening the text is read past, its lines as blank ones; any other marker is among the quick read's refusals.
  const from = afterLeadingMarker(text);
  if (quickRefusal(text, from)) return undefined;
  const reader = new LineReader(text, from);
  let read: Read;
  try {
    read = reader.document();
  } catch {
    // Declined, or a shape the reader did not foresee: the full parse reads it either way.
    return undefined;
  }
  return { data: read.value, tree: read.node, lines: reader.lineCounter() };
}

/**
 * A text whose lines end in CR LF, as git checks files out on Windows: read
 * with line feeds alone, which gives the `yaml` package's data and tree but
 * for the offsets, each then moved on by the carriage returns before its
 * line. A carriage return alone is no line break to js-yaml: that text is
 * left to the full parse, as the quick read leaves it (loneCarriageReturn).
 */
function readCarriageReturns(text: string): LightRead | undefined {
  if (UNSURE_CLAUSES.loneCarriageReturn.test(text)) return undefined;
  const read = readLineFeeds(text.replace(CR_LF, '\n'));
  if (!read) return undefined;
  const starts = read.lines.lineStarts;
  // Carriage returns before each line: one more after each line that ended in CR LF.
  const moved = new Array<number>(starts.length).fill(0);
  let line = 0;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
    moved[line + 1] = moved[line] + (text.charCodeAt(nl - 1) === 0x0d ? 1 : 0);
    line++;
  }
  // An offset at a line's end (its line feed) goes to that line's carriage return, where the `yaml` package ends a value too.
  const at = (offset: number): number => offset + moved[read.lines.linePos(offset).line - 1];
  const lines = new LineCounter();
  lines.lineStarts = starts.map((start, i) => start + moved[i]);
  return { data: read.data, tree: movedNode(read.tree, at), lines };
}

const CR_LF = /\r\n/g;

/** The tree with every range's offsets moved; new range arrays, in case the reader shared one between nodes. */
function movedNode(node: PosNode, at: (offset: number) => number): PosNode {
  node.range = [at(node.range[0]), at(node.range[1])];
  if (node.kind === 'map') {
    for (const pair of node.pairs) {
      if (pair.key) movedNode(pair.key, at);
      if (pair.value) movedNode(pair.value, at);
    }
  } else if (node.kind === 'seq') {
    for (const item of node.items) if (item) movedNode(item, at);
  }
  return node;
}

/**
 * A text's data without positions, where it reads exactly as the full parse
 * would: the line reader's, else js-yaml's (quick-read.ts); undefined when
 * only the full parse can tell. What the index reads most files with.
 */
export function readData(text: string): { data: unknown } | undefined {
  const light = readLight(text);
  return light ? { data: light.data } : quickRead(text);
}

interface Line {
  /** Offset of the first character. */
  start: number;
  /** Offset of the line break (or the text's end). */
  end: number;
  /** Offset of the first character that is not a space; `end` for a blank line. */
  content: number;
  /** Whether the line holds a comment and nothing else. */
  comment: boolean;
}

/** A node and where its parent's range ends when it is the last item. */
interface Read<T extends PosNode = PosNode> {
  node: T;
  /** The node's last line, with the comment lines that belong to it. */
  last: number;
  /**
   * The node's end with what the `yaml` package counts after it (the rest of
   * its line, comment lines it keeps): the parent collection's end.
   */
  end: number;
  /** Its value as the `yaml` package's toJS gives it. */
  value: unknown;
}

const FLOW_END = new Set([',', ']', '}']);
/** Characters that cannot start a plain scalar (or start something else). */
const NOT_PLAIN = new Set(['[', ']', '{', '}', ',', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);

/**
 * The Line records, reused from text to text (the reader is never re-entered,
 * and lets go of them when it returns): a worksheet has a few dozen lines, and
 * a record each was a tenth of what reading one allocated.
 */
const LINES: Line[] = [];

/**
 * Where the collection being read gathers its items (and, for a list, their
 * values) before taking arrays of the exact size. An array grown by `push`
 * reserves room for 17 at the first item, and most collections in a worksheet
 * hold one to three. A nested collection gathers above its parent's items
 * and takes them off before the parent goes on.
 */
const GATHERED_NODES: unknown[] = [];
const GATHERED_VALUES: unknown[] = [];
let gatheredTop = 0;

function gather(node: unknown, value?: unknown): void {
  GATHERED_NODES[gatheredTop] = node;
  GATHERED_VALUES[gatheredTop] = value;
  gatheredTop++;
}

/** The nodes gathered since `from`, taken off. */
function takeNodes<T>(from: number): T[] {
  const out = GATHERED_NODES.slice(from, gatheredTop) as T[];
  gatheredTop = from;
  return out;
}

/** The nodes and values gathered since `from`, taken off. */
function takeNodesAndValues(from: number): [PosNode[], unknown[]] {
  const values = GATHERED_VALUES.slice(from, gatheredTop);
  return [takeNodes<PosNode>(from), values];
}

class LineReader {
  private readonly lines = LINES;
  /** How many of `lines` are this text's. */
  private readonly count: number;
  /** The line a flow collection being read is on so far (skipFlow), and the column of the block collection it is in. */
  private flowLine = 0;
  private flowCol = 0;
  /** How many flow collections are open where skipFlow reads: the `yaml` lexer lets only the outermost one close at flowCol. */
  private flowDepth = 0;

  /** `from`: where the text goes on after a leading marker (afterLeadingMarker); the lines up to it read as blank. */
  constructor(private readonly text: string, from = 0) {
    // What a declined read gathered is dropped, so the scratch stays the size of one worksheet's nesting.
    gatheredTop = 0;
    let start = 0;
    let count = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      const end = nl < 0 ? text.length : nl;
      let content = start;
      while (content < end && text.charCodeAt(content) === 0x20) content++;
      if (end <= from) content = end;
      const comment = text.charCodeAt(content) === 0x23; // #
      const line = LINES[count];
      if (line) {
        line.start = start;
        line.end = end;
        line.content = content;
        line.comment = comment;
      } else {
        LINES[count] = { start, end, content, comment };
      }
      count++;
      if (nl < 0) break;
      start = nl + 1;
    }
    this.count = count;
  }

  document(): Read {
    const first = this.nextContent(0);
    if (first < 0) throw DECLINED;
    const line = this.lines[first];
    // A document that is one scalar is left to the full parse.
    const read = this.block(first, line.content);
    if (!read) throw DECLINED;
    // Everything after the root must be blank or comments: other lines belong to nothing the reader knows.
    if (this.nextContent(read.last + 1) >= 0) throw DECLINED;
    return read;
  }

  /** The line starts as a LineCounter, as the `yaml` package counts them. */
  lineCounter(): LineCounter {
    const counter = new LineCounter();
    const starts: number[] = new Array<number>(this.count);
    for (let i = 0; i < this.count; i++) starts[i] = this.lines[i].start;
    counter.lineStarts = starts;
    return counter;
  }

  /** The index of the first line from `from` that is neither blank nor a comment, or -1. */
  private nextContent(from: number): number {
    for (let i = from; i < this.count; i++) {
      const l = this.lines[i];
      if (l.content < l.end && !l.comment) return i;
    }
    return -1;
  }

  /** Whether a comment line lies between lines `from` (included) and `to` (excluded). */
  private commentBetween(from: number, to: number): boolean {
    for (let i = from; i < to; i++) if (this.lines[i].comment) return true;
    return false;
  }

  /**
   * A block collection whose items are at column `col`, closing after `last`,
   * its last item: the comment lines up to the next content line stay in it
   * when one is at least as indented as its items, and then it ends where
   * that content line starts (the text's end when none follows).
   */
  private close<T extends PosMap | PosSeq>(node: T, value: unknown, col: number, last: Read): Read<T> {
    if (col > 0) {
      const next = this.nextContent(last.last + 1);
      const to = next < 0 ? this.count : next;
      for (let i = last.last + 1; i < to; i++) {
        const l = this.lines[i];
        if (l.comment && l.content - l.start >= col) {
          return { node, last: to - 1, end: next < 0 ? this.text.length : this.lines[next].content, value };
        }
      }
    }
    return { node, last: last.last, end: last.end, value };
  }

  private column(line: number, offset: number): number {
    return offset - this.lines[line].start;
  }

  /** The block collection starting at `at` on `line`; undefined when none does (a scalar, say). */
  private block(line: number, at: number): Read | undefined {
    if (this.isDash(at, this.lines[line].end)) return this.seq(line, at);
    const first = this.entry(line, at);
    return first ? this.map(line, at, first) : undefined;
  }

  private isDash(at: number, end: number): boolean {
    return this.text[at] === '-' && (at + 1 === end || this.text[at + 1] === ' ');
  }

  /** A block map whose first key is at `at`; its later keys are at the same column. */
  private map(line: number, at: number, first: Entry): Read<PosMap> {
    const col = this.column(line, at);
    const base = gatheredTop;
    const data: Record<string, unknown> = {};
    let cur = line;
    let entry: Entry | undefined = first;
    let last: Read | undefined;
    for (;;) {
      if (!entry) throw DECLINED;
      const value = this.valueAfter(cur, entry.colon + 1, col);
      gather({ key: entry.key, keyValue: entry.value, value: value.node } satisfies PosPair);
      setKey(data, entry.value, value.value);
      last = value;
      const next = this.nextContent(value.last + 1);
      if (next < 0) break;
      const l = this.lines[next];
      const c = this.column(next, l.content);
      if (c > col) throw DECLINED;
      if (c < col) break;
      // The next line's key, read once: it decides whether the map goes on, then is the next pair's key.
      entry = this.entry(next, l.content);
      if (!entry) break;
      cur = next;
    }
    allKeysDistinct(data, gatheredTop - base);
    return this.close({ kind: 'map', range: [at, last.end], flow: false, pairs: takeNodes<PosPair>(base) }, data, col, last);
  }

  /** A block sequence whose first dash is at `at`; its later dashes are at the same column. */
  private seq(line: number, at: number): Read<PosSeq> {
    const col = this.column(line, at);
    const base = gatheredTop;
    let cur = line;
    let dash = at;
    let last: Read | undefined;
    for (;;) {
      const l = this.lines[cur];
      let v = dash + 1;
      while (v < l.end && this.text[v] === ' ') v++;
      let item: Read;
      // A dash alone, or with a comment after it: its item is below, or empty.
      if (v === l.end || this.text.charCodeAt(v) === 0x23 /* # */) item = this.below(cur, col, false, v < l.end ? v : -1);
      else if (this.isDash(v, l.end)) item = this.seq(cur, v);
      else {
        const first = this.entry(cur, v);
        item = first ? this.map(cur, v, first) : this.inline(cur, v, col);
      }
      gather(item.node, item.value);
      last = item;
      const next = this.nextContent(item.last + 1);
      if (next < 0) break;
      const n = this.lines[next];
      const c = this.column(next, n.content);
      if (c > col) throw DECLINED;
      if (c < col || !this.isDash(n.content, n.end)) break;
      cur = next;
      dash = n.content;
    }
    const [items, data] = takeNodesAndValues(base);
    return this.close({ kind: 'seq', range: [at, last.end], flow: false, items }, data, col, last);
  }

  /** The value after a key's colon: on the same line, below it, or empty. */
  private valueAfter(line: number, from: number, col: number): Read {
    const l = this.lines[line];
    let v = from;
    while (v < l.end && this.text[v] === ' ') v++;
    // The colon is followed by a space or ends the line, so a `#` here starts a comment.
    if (v < l.end && this.text[v] !== '#') return this.inline(line, v, col);
    return this.below(line, col, true, v < l.end ? v : -1);
  }

  /**
   * A value on the lines below `line`: a block collection or a scalar indented
   * deeper (or, under a map key, a list at the key's own column), else an
   * empty value, at the end of `line` or where a comment after the key or
   * dash starts (`commentAt`), which then ends the value with its line, the
   * blank lines after it and the next content line's indentation, as the
   * `yaml` package ends it. Comments before a
   * block collection change none of its ranges; comment lines after an empty
   * value move its end in ways not worth following, so they decline it.
   */
  private below(line: number, col: number, underKey: boolean, commentAt: number): Read {
    const next = this.nextContent(line + 1);
    if (next >= 0) {
      const n = this.lines[next];
      const c = this.column(next, n.content);
      if (c > col) {
        const collection = this.block(next, n.content);
        if (collection) return collection;
        // A scalar below its key or dash, as the `yaml` package writes a long value; a comment before it can make it a key.
        if (commentAt >= 0 || this.commentBetween(line + 1, next)) throw DECLINED;
        return this.inline(next, n.content, col);
      }
      if (underKey && c === col && this.isDash(n.content, n.end)) return this.seq(next, n.content);
    }
    if (this.commentBetween(line + 1, next < 0 ? this.count : next)) throw DECLINED;
    const end = this.lines[line].end;
    if (commentAt < 0) return { node: { kind: 'scalar', range: [end, end] }, last: line, end, value: null };
    // After a comment, the blank lines up to the next content line, and that line's indentation, end the value too
    // (`- a:  # c` then `  - b`: the item ends at the second dash); lines of spaces alone are not followed.
    const to = next < 0 ? this.count : next;
    for (let i = line + 1; i < to; i++) if (this.lines[i].end > this.lines[i].start) throw DECLINED;
    return { node: { kind: 'scalar', range: [commentAt, commentAt] }, last: line, end: next < 0 ? this.text.length : this.lines[next].content, value: null };
  }

  /** A scalar or flow collection that ends its line (but for a comment), or a block scalar, in a collection at `col`. */
  private inline(line: number, at: number, col: number): Read {
    const l = this.lines[line];
    const c = this.text[at];
    if (c === '|' || c === '>') return this.blockScalar(line, at, col);
    let node: PosNode;
    let value: unknown;
    if (c === '[' || c === '{') {
      this.flowLine = line;
      this.flowCol = col;
      const flow = this.flow(at);
      // Written over several lines, it ends on the line of its closing bracket.
      const last = this.flowLine;
      this.lineRest(flow.end, this.lines[last].end);
      return this.withComments(flow.node, flow.value, last, col);
    } else if (c === '"' || c === "'") {
      const close = this.quoted(at, l.end);
      if (close < 0) {
        // A quoted value wrapped over several lines, as people wrap a long quote.
        const multi = this.quotedLines(line, at, col);
        this.lineRest(multi.close, this.lines[multi.last].end);
        return this.withComments({ kind: 'scalar', range: [at, multi.close] }, this.foldedQuoted(at, multi.close), multi.last, col);
      }
      this.lineRest(close, l.end);
      node = { kind: 'scalar', range: [at, close] };
      value = this.quotedValue(at, close);
    } else {
      if (!this.plainStart(at, l.end)) throw DECLINED;
      const comment = this.commentStart(at, l.end);
      let end = comment;
      while (end > at && this.text.charCodeAt(end - 1) === 0x20) end--;
      // A colon and a space inside would be a second key on the line.
      if (this.keyInside(at, end)) throw DECLINED;
      const body = this.text.slice(at, end);
      // A plain value may go on below, wrapped as people write long notes; a comment on its line ends it there.
      const more = comment === l.end ? this.wrapped(line, col) : undefined;
      if (more) {
        node = { kind: 'scalar', range: [at, more.end] };
        value = resolvePlain(foldLines([body, ...more.pieces]));
        return this.withComments(node, value, more.last, col);
      }
      node = { kind: 'scalar', range: [at, end] };
      value = resolvePlain(body);
    }
    return this.withComments(node, value, line, col);
  }

  /**
   * The lines that carry on a plain value ending its line `line` (with no
   * comment after it), in a collection at `col`: the next lines indented
   * deeper than `col`, blank lines among them, as foldLines takes them (an
   * empty piece per blank line). Undefined when the next content line is not
   * deeper (a one-line value). What would need the full parse (a comment at
   * a line's end, lines of spaces alone, a line that looks like a key or a
   * list item) declines.
   */
  private wrapped(line: number, col: number): { pieces: string[]; last: number; end: number } | undefined {
    const pieces: string[] = [];
    let blanks = 0;
    let spacesOnly = false;
    let last = -1;
    let lastEnd = -1;
    for (let i = line + 1; i < this.count; i++) {
      const n = this.lines[i];
      if (n.content === n.end) {
        blanks++;
        spacesOnly ||= n.end > n.start;
        continue;
      }
      // A comment line ends the value (withComments then decides where it belongs).
      if (n.content - n.start <= col || n.comment) break;
      // Lines of spaces alone inside a value fold in ways not followed here (after it, they are blank lines).
      if (spacesOnly) throw DECLINED;
      let e = this.commentStart(n.content, n.end);
      if (e < n.end) throw DECLINED;
      while (e > n.content && this.text.charCodeAt(e - 1) === 0x20) e--;
      const piece = this.text.slice(n.content, e);
      if (this.keyInside(n.content, e) || !this.plainStart(n.content, e)) throw DECLINED;
      for (; blanks > 0; blanks--) pieces.push('');
      pieces.push(piece);
      last = i;
      lastEnd = e;
    }
    return last < 0 ? undefined : { pieces, last, end: lastEnd };
  }

  /**
   * A quoted value opened at `at` on `line` and closed on a later line, in
   * a collection at `col`: the offset after its closing quote and the line of
   * it. Its lines after the first must be indented deeper than `col`, or be
   * empty; a line of spaces alone declines, as in a plain value.
   */
  private quotedLines(line: number, at: number, col: number): { close: number; last: number } {
    const close = this.quoted(at, this.text.length);
    if (close < 0) throw DECLINED;
    let last = line + 1;
    for (; last < this.count; last++) {
      const n = this.lines[last];
      if (n.content === n.end) {
        if (n.end > n.start) throw DECLINED;
      } else if (n.content - n.start <= col) throw DECLINED;
      if (close <= n.end) break;
    }
    return { close, last };
  }

  /**
   * A quoted value over several lines, as the `yaml` package folds it. Single
   * quotes: the first line's end and the last line's start trimmed, the lines
   * between trimmed both ways, then folded (foldLines). Double quotes: as
   * double-quoted.ts works them out, escapes and all.
   */
  private foldedQuoted(at: number, close: number): string {
    if (this.text[at] === '"') return this.doubleQuoted(at, close);
    const lines = this.text.slice(at + 1, close - 1).split('\n');
    const last = lines.length - 1;
    return singleQuoted(foldLines(lines.map((l, i) => (i === 0 ? l.replace(/ +$/, '') : i === last ? l.replace(/^ +/, '') : l.trim()))));
  }

  /** Declines unless only spaces, and then perhaps a comment, follow `from` on the line. */
  private lineRest(from: number, end: number): void {
    let i = from;
    while (i < end && this.text[i] === ' ') i++;
    // `"a"#b` is no comment to the `yaml` package (quick-read.ts declines it as well).
    if (i < end && !(this.text[i] === '#' && i > from)) throw DECLINED;
  }

  /** Where a comment starts on a line of plain text: a `#` after a space; `end` if none. */
  private commentStart(at: number, end: number): number {
    for (let i = at + 1; i < end; i++) {
      if (this.text.charCodeAt(i) === 0x23 /* # */ && this.text.charCodeAt(i - 1) === 0x20) return i;
    }
    return end;
  }

  /**
   * A one-line value on `line`: the rest of its line and its line break belong
   * to its end, and so do the comment lines right after it that are indented
   * deeper than its collection's items (at `col`).
   */
  private withComments(node: PosNode, value: unknown, line: number, col: number): Read {
    let last = line;
    for (let i = last + 1; i < this.count; i++) {
      const n = this.lines[i];
      if (n.content === n.end) continue;
      if (!n.comment || n.content - n.start <= col) break;
      last = i;
    }
    const lineEnd = this.lines[last].end;
    return { node, last, end: lineEnd < this.text.length ? lineEnd + 1 : lineEnd, value };
  }

  /**
   * A `|` or `>` block scalar whose header is at `at`, in a collection at
   * `col`, as the `yaml` package's lexer bounds it: its lines are those
   * indented at least as deep as its first one (which must be deeper than
   * `col`) and the blank lines among them; it ends after its last such line,
   * or with `+` (keep) after the blank lines that follow too. It keeps no
   * comment lines after it.
   */
  private blockScalar(line: number, at: number, col: number): Read {
    const l = this.lines[line];
    let h = at + 1;
    const chomp = this.text[h] === '+' || this.text[h] === '-' ? this.text[h] : '';
    const keep = chomp === '+';
    if (chomp) h++;
    // An indentation indicator, or anything else on the header, is left to the full parse.
    this.lineRest(h, l.end);
    let first = -1;
    let i = line + 1;
    for (; i < this.count; i++) {
      const n = this.lines[i];
      if (n.content < n.end) {
        if (first < 0) {
          first = i;
          // An empty block scalar: its position rules are not followed here.
          if (n.content - n.start <= col) throw DECLINED;
        } else if (n.content - n.start < this.lines[first].content - this.lines[first].start) break;
      } else if (n.end > n.start) {
        // Lines of spaces alone count for the scalar's indentation and end in subtle ways.
        throw DECLINED;
      }
    }
    if (first < 0) throw DECLINED;
    let last = i - 1;
    if (!keep) while (this.lines[last].content === this.lines[last].end) last--;
    const end = keep ? (i < this.count ? this.lines[i].start : this.text.length) : Math.min(this.lines[last].end + 1, this.text.length);
    const value = blockValue(this.text[at] === '>', chomp, this.text.slice(l.end + 1, end));
    return { node: { kind: 'scalar', range: [at, end] }, last, end, value };
  }

  /** A map entry's key at `at`: the key node, its value for matching, and the colon. */
  private entry(line: number, at: number): Entry | undefined {
    const l = this.lines[line];
    const c = this.text[at];
    if (c === '"' || c === "'") {
      const close = this.quoted(at, l.end);
      if (close < 0) return undefined;
      let colon = close;
      while (colon < l.end && this.text[colon] === ' ') colon++;
      if (this.text[colon] !== ':' || !(colon + 1 === l.end || this.text[colon + 1] === ' ')) return undefined;
      return { key: { kind: 'scalar', range: [at, close] }, value: this.quotedValue(at, close), colon };
    }
    if (!this.plainStart(at, l.end)) return undefined;
    const colon = this.keyColon(at, l.end);
    if (colon < 0) return undefined;
    let end = colon;
    while (end > at && this.text[end - 1] === ' ') end--;
    const value = plainKey(this.text, at, end);
    // Empty or null keys read apart in the two libraries (quick-read.ts declines them too).
    if (value === null) throw DECLINED;
    return { key: { kind: 'scalar', range: [at, end] }, value, colon };
  }

  /** The colon ending a plain key: the first one followed by a space or the line's end, before any comment. */
  private keyColon(at: number, end: number): number {
    for (let i = at; i < end; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 0x3a /* : */ && (i + 1 === end || this.text.charCodeAt(i + 1) === 0x20)) return i;
      if (c === 0x23 /* # */ && this.text.charCodeAt(i - 1) === 0x20) return -1;
    }
    return -1;
  }

  /** Whether text from `from` to `to` holds a colon and a space, or ends with a colon: it would be a key. */
  private keyInside(from: number, to: number): boolean {
    for (let i = this.text.indexOf(':', from); i >= 0 && i < to; i = this.text.indexOf(':', i + 1)) {
      if (i + 1 === to || this.text.charCodeAt(i + 1) === 0x20) return true;
    }
    return false;
  }

  /** Whether a plain scalar may start at `at`. */
  private plainStart(at: number, end: number): boolean {
    const c = this.text[at];
    if (NOT_PLAIN.has(c)) return false;
    if (c === '-' || c === '?' || c === ':') {
      const n = this.text[at + 1];
      return at + 1 < end && n !== ' ' && !FLOW_END.has(n) && n !== '[' && n !== '{';
    }
    return true;
  }

  /** The offset after a quoted scalar starting at `at` on one line; -1 when it does not close. */
  private quoted(at: number, end: number): number {
    const q = this.text[at];
    for (let i = at + 1; i < end; i++) {
      const c = this.text[i];
      if (q === '"' && c === '\\') {
        i++;
      } else if (c === q) {
        if (q === "'" && this.text[i + 1] === "'") i++;
        else return i + 1;
      }
    }
    return -1;
  }

  /** A flow collection from its bracket at `at`, on one line or broken between its items over several (skipFlow). */
  private flow(at: number): FlowRead {
    const isSeq = this.text[at] === '[';
    const close = isSeq ? ']' : '}';
    // A worksheet holds a dozen flow collections, the largest share of what the reader allocates.
    const base = gatheredTop;
    const record: Record<string, unknown> | undefined = isSeq ? undefined : {};
    this.flowDepth++;
    let i = this.skipFlow(at + 1);
    while (this.text[i] !== close) {
      // Each item on one line: a value that goes on to the next line is left to the full parse.
      const end = this.lines[this.flowLine].end;
      if (!record) {
        const item = this.flowValue(i, end, true);
        gather(item.node, item.value);
        i = item.end;
      } else {
        const pair = this.flowPair(i, end);
        gather(pair.pair);
        setKey(record, pair.pair.keyValue, pair.value);
        i = pair.end;
      }
      i = this.skipFlow(i);
      if (this.text[i] === ',') i = this.skipFlow(i + 1);
      else if (this.text[i] !== close) throw DECLINED;
    }
    this.flowDepth--;
    const range: [number, number] = [at, i + 1];
    if (!record) {
      const [items, list] = takeNodesAndValues(base);
      return { node: { kind: 'seq', range, flow: true, items }, value: list, end: i + 1 };
    }
    allKeysDistinct(record, gatheredTop - base);
    return { node: { kind: 'map', range, flow: true, pairs: takeNodes<PosPair>(base) }, value: record, end: i + 1 };
  }

  private skip(i: number, end: number): number {
    while (i < end && this.text[i] === ' ') i++;
    return i;
  }

  /**
   * Past the spaces from `i` between the items of a flow collection, and on
   * to the next line at the end of one (flowLine follows), as people break a
   * long list after a comma: the `yaml` package reads the lines of a flow
   * collection in a block one as long as they are indented deeper than that
   * block collection (flowCol), or as deep for a line that starts with the
   * bracket closing the outermost flow collection (`  ]}` closing a list in a
   * map is an error to it); empty lines between do not count. Anything else there (a
   * comment, a line of spaces alone, less indentation, no closing bracket at
   * all) is left to the full parse.
   */
  private skipFlow(i: number): number {
    for (;;) {
      const l = this.lines[this.flowLine];
      while (i < l.end && this.text.charCodeAt(i) === 0x20) i++;
      if (i < l.end) return i;
      const next = this.flowLine + 1;
      if (next >= this.count) throw DECLINED;
      const n = this.lines[next];
      if (n.content === n.end) {
        if (n.end > n.start) throw DECLINED;
      } else {
        const indent = n.content - n.start;
        const closing = this.text[n.content] === ']' || this.text[n.content] === '}';
        if (n.comment || indent < this.flowCol || (indent === this.flowCol && !(closing && this.flowDepth === 1))) throw DECLINED;
      }
      this.flowLine = next;
      i = n.content;
    }
  }

  /** A flow item: a nested collection, a quoted scalar or a plain one (trailing spaces left out). */
  private flowValue(at: number, end: number, inSeq: boolean): FlowRead {
    const c = this.text[at];
    if (c === '[' || c === '{') return this.flow(at);
    if (c === '"' || c === "'") {
      const closeAt = this.quoted(at, end);
      if (closeAt < 0) throw DECLINED;
      // `["a": b]` would be a pair in a list.
      if (inSeq && this.text[this.skip(closeAt, end)] === ':') throw DECLINED;
      return { node: { kind: 'scalar', range: [at, closeAt] }, value: this.quotedValue(at, closeAt), end: closeAt };
    }
    if (!this.plainStart(at, end)) throw DECLINED;
    const stop = this.plainEnd(at, end);
    // A list item that is a pair (`[a: b]`) makes a map of its own.
    if (stop.colon) throw DECLINED;
    return { node: { kind: 'scalar', range: [at, stop.end] }, value: resolvePlain(this.text.slice(at, stop.end)), end: stop.end };
  }

  /** A one-line quoted scalar's value, from its opening quote at `at` to after its closing one. */
  private quotedValue(at: number, close: number): string {
    if (this.text[at] === "'") return singleQuoted(this.text.slice(at + 1, close - 1));
    return this.doubleQuoted(at, close);
  }

  /** A double-quoted scalar's value (double-quoted.ts); an escape the `yaml` package reports is left to the full parse. */
  private doubleQuoted(at: number, close: number): string {
    const inner = this.text.slice(at + 1, close - 1);
    // Most double-quoted values hold no escape and no line break: they are what is inside the quotes.
    if (!inner.includes('\\') && !inner.includes('\n')) return inner;
    const value = doubleQuotedValue(this.text.slice(at, close));
    if (value === undefined) throw DECLINED;
    return value;
  }

  /** Where a plain scalar in a flow collection ends, and whether a colon ended it. */
  private plainEnd(at: number, end: number): { end: number; colon: boolean } {
    let i = at;
    let colon = false;
    for (; i < end; i++) {
      const c = this.text[i];
      if (c === ',' || c === ']' || c === '}' || c === '[' || c === '{') break;
      // A comment inside a flow collection leaves it open on this line.
      if (c === '#' && this.text[i - 1] === ' ') throw DECLINED;
      if (c === ':' && (i + 1 === end || this.text[i + 1] === ' ' || FLOW_END.has(this.text[i + 1]) || this.text[i + 1] === '[' || this.text[i + 1] === '{')) {
        colon = true;
        break;
      }
    }
    if (this.text[i] === '[' || this.text[i] === '{') throw DECLINED;
    let e = i;
    while (e > at && this.text[e - 1] === ' ') e--;
    return { end: e, colon };
  }

  /** A flow map entry: a scalar key, then `:` and a value, an empty value, or no value at all. */
  private flowPair(at: number, end: number): { pair: PosPair; value: unknown; end: number } {
    const c = this.text[at];
    let key: PosScalar;
    let keyValue: unknown;
    let i: number;
    if (c === '"' || c === "'") {
      const closeAt = this.quoted(at, end);
      if (closeAt < 0) throw DECLINED;
      key = { kind: 'scalar', range: [at, closeAt] };
      keyValue = this.quotedValue(at, closeAt);
      i = this.skip(closeAt, end);
      if (this.text[i] !== ':' && !FLOW_END.has(this.text[i])) throw DECLINED;
    } else {
      if (!this.plainStart(at, end)) throw DECLINED;
      const stop = this.plainEnd(at, end);
      key = { kind: 'scalar', range: [at, stop.end] };
      keyValue = plainKey(this.text, at, stop.end);
      if (keyValue === null) throw DECLINED;
      i = this.skip(stop.end, end);
    }
    if (this.text[i] !== ':') return { pair: { key, keyValue, value: undefined }, value: null, end: i };
    const v = this.skip(i + 1, end);
    if (FLOW_END.has(this.text[v])) return { pair: { key, keyValue, value: { kind: 'scalar', range: [v, v] } }, value: null, end: v };
    const value = this.flowValue(v, end, false);
    return { pair: { key, keyValue, value: value.node }, value: value.value, end: value.end };
  }
}

/** What is inside single quotes, as a value: `''` is one quote. */
function singleQuoted(inner: string): string {
  return inner.includes("''") ? inner.replace(/''/g, "'") : inner;
}

/**
 * Lines of a scalar wrapped over several lines, each already trimmed, as the
 * `yaml` package folds them: a line break between two lines is a space, and
 * each empty line between them (an empty piece that is not the last) a line
 * break instead.
 */
export function foldLines(pieces: string[]): string {
  let value = pieces[0];
  let blanks = 0;
  for (let i = 1; i < pieces.length; i++) {
    if (pieces[i] === '' && i < pieces.length - 1) {
      blanks++;
      continue;
    }
    value += blanks ? '\n'.repeat(blanks) : ' ';
    value += pieces[i];
    blanks = 0;
  }
  return value;
}

/**
 * A block scalar's value, as the `yaml` package resolves it, from its lines
 * after the header. The reader has declined what would complicate it: an
 * indentation indicator, tabs, carriage returns, lines of spaces alone, no
 * line of content. Literal (`|`) lines keep their breaks; folded (`>`) lines
 * are joined by a space, where an empty line between them stands for one
 * break, and lines indented deeper keep the breaks around them. Chomping:
 * one final break (clip), none (`-`) or every trailing one (`+`).
 */
function blockValue(folded: boolean, chomp: string, source: string): string {
  const lines = source.split('\n');
  let chompStart = lines.length;
  while (chompStart > 0 && lines[chompStart - 1] === '') chompStart--;
  let contentStart = 0;
  while (lines[contentStart] === '') contentStart++;
  const first = lines[contentStart];
  let trim = 0;
  while (first.charCodeAt(trim) === 0x20) trim++;
  let value = '\n'.repeat(contentStart);
  let sep = '';
  let deeperBefore = false;
  for (let i = contentStart; i < chompStart; i++) {
    const line = lines[i];
    if (!folded) {
      value += sep + line.slice(trim);
      sep = '\n';
    } else if (line === '') {
      if (sep === '\n') value += '\n';
      else sep = '\n';
    } else if (line.charCodeAt(trim) === 0x20) {
      if (sep === ' ') sep = '\n';
      else if (!deeperBefore && sep === '\n') sep = '\n\n';
      value += sep + line.slice(trim);
      sep = '\n';
      deeperBefore = true;
    } else {
      value += sep + line.slice(trim);
      sep = ' ';
      deeperBefore = false;
    }
  }
  if (chomp === '+') {
    value += '\n'.repeat(lines.length - chompStart);
    if (!value.endsWith('\n')) value += '\n';
  } else if (chomp === '') value += '\n';
  return value;
}

/**
 * Plain keys met before, by a hash of their length and three of their
 * characters: each slot holds the last key that hashed to it, as V8 keeps
 * property names. Every worksheet repeats the same few dozen keys, and a key
 * sliced from the text anew was an allocation and, set as a property, a
 * lookup in V8's table of property names. A key found here is compared in
 * place (startsWith) and costs neither: a check of 10,000 worksheets took
 * 10-30 ms less. (Values gained nothing so: few repeat.)
 */
const KEY_BITS = 12;
const KEYS: (string | undefined)[] = new Array<string | undefined>(1 << KEY_BITS).fill(undefined);

/** Longer keys are not kept: they are rarely met twice. */
const KEY_MAX = 40;

/** resolvePlain of the text from `at` to `end` (a plain key on one line); one met before is the string kept for it. */
export function plainKey(text: string, at: number, end: number): unknown {
  const length = end - at;
  if (length > KEY_MAX || length === 0) return resolvePlain(text.slice(at, end));
  // Spread enough that of the 153 keys of the four schemas, four pairs share a slot and none of the worksheet's do.
  let h = Math.imul(length, 0x9e3779b1);
  h = Math.imul(h ^ text.charCodeAt(at), 0x85ebca6b);
  h = Math.imul(h ^ text.charCodeAt(end - 1), 0xc2b2ae35);
  const slot = Math.imul(h ^ text.charCodeAt(at + (length >> 1)), 0x27d4eb2f) >>> (32 - KEY_BITS);
  const kept = KEYS[slot];
  if (kept !== undefined && kept.length === length && text.startsWith(kept, at)) return kept;
  const word = text.slice(at, end);
  const value = resolvePlain(word);
  // Only a key that reads as itself (a string, as most do) is kept, so what is found here is what resolvePlain gives.
  if (value === word) KEYS[slot] = internalized(word);
  return value;
}

/** The string as V8 keeps property names: the one copy every object with that key shares. */
function internalized(word: string): string {
  return Object.keys({ [word]: 0 })[0];
}

/**
 * A map's key and value, as the `yaml` package's toJS sets them: null becomes
 * the empty key, other keys that are not strings their text. `__proto__` would
 * set the object's prototype. A key met twice is found once the map is read
 * (allKeysDistinct). The token reader (token-tree.ts) sets its keys here too.
 */
export function setKey(record: Record<string, unknown>, key: unknown, value: unknown): void {
  const k = typeof key === 'string' ? key : key === null ? '' : String(key);
  if (k === '__proto__') throw DECLINED;
  record[k] = value;
}

/**
 * Declines a map whose `pairs` keys did not all set keys of their own: a key
 * met twice is a duplicate to the `yaml` package (or two keys with one text,
 * which it merges), and the full parse words that. Counting once costs less
 * than asking at every key whether it is there already.
 */
export function allKeysDistinct(record: Record<string, unknown>, pairs: number): void {
  // Counted in a for-in, which walks the keys V8 keeps for the object's shape; Object.keys made an array of them per map.
  let keys = 0;
  for (const _key in record) keys++;
  if (keys !== pairs) throw DECLINED;
}
