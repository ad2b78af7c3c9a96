// Parsing: the data, a tree of node positions and a LineCounter, so every
// finding can point at the exact node. Most worksheets are read by js-yaml
// with a light position tree (light-tree.ts) that gives exactly the ranges
// the `yaml` package would; every other text gets the `yaml` package's full
// Document. Resource limits are deliberate: worksheets come from many hands,
// and a hostile file must cost a finding, not a hang.
import { LineCounter, isMap, isPair, isScalar, isSeq, isNode, parseAllDocuments } from 'yaml';
import type { Document } from 'yaml';
import type { FileKind, Finding, Range, TextEdit } from './types';
import { kindOfFile } from './kinds';
import { readLight } from './light-tree';
import { MAX_ALIAS_COUNT, MAX_FILE_CHARS } from './limits';
import { MAX_NESTING, excessiveNesting } from './nesting';

export { MAX_ALIAS_COUNT, MAX_FILE_CHARS };

export type PathSegment = string | number;
export type YamlPath = readonly PathSegment[];

export interface ParsedFile {
  uri: string;
  text: string;
  kind: FileKind | undefined;
  /** Whether the text holds a YAML document at all (an empty one counts). */
  hasDocument: boolean;
  /**
   * The first YAML document, when the text could be read at all. Made on
   * first use for files read the light way: only completion and hover need it.
   */
  readonly doc: Document.Parsed | undefined;
  /** Positions of the first document's nodes; undefined without contents. */
  tree: PosNode | undefined;
  lines: LineCounter;
  /** The document as plain JavaScript; undefined when it could not be built. */
  data: unknown;
  /** Problems of reading: `yaml-syntax` and `file-too-large`. */
  findings: Finding[];
}

/**
 * A node's place in the text, as the `yaml` package gives it: `range` is
 * [start, end of the value]; a block collection ends after its last line's
 * line break.
 */
export type PosNode = PosScalar | PosMap | PosSeq;

export interface PosScalar {
  kind: 'scalar';
  range: [number, number];
}

export interface PosMap {
  kind: 'map';
  range: [number, number];
  flow: boolean;
  pairs: PosPair[];
}

export interface PosSeq {
  kind: 'seq';
  range: [number, number];
  flow: boolean;
  items: (PosNode | undefined)[];
}

export interface PosPair {
  /** Undefined for a pair without a key node. */
  key: PosNode | undefined;
  /** What paths are matched against: a scalar key's value, else the key node of the `yaml` package. */
  keyValue: unknown;
  /** Undefined for a flow map entry without a value (`{a}`). */
  value: PosNode | undefined;
}

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * The file read the light way where that gives exactly what the full parse
 * would (the same data, positions and lines, no reading problem), else the
 * full parse.
 */
export function parseFile(uri: string, text: string): ParsedFile {
  const early = refuse(uri, text);
  if (early) return early;
  const light = readLight(text);
  if (!light) return fullParse(uri, text);
  let doc: Document.Parsed | undefined;
  let parsed = false;
  return {
    uri,
    text,
    kind: kindOfFile(uri),
    hasDocument: true,
    get doc() {
      if (!parsed) {
        doc = parseAllDocuments(text, YAML_OPTIONS(new LineCounter()))[0] as Document.Parsed | undefined;
        parsed = true;
      }
      return doc;
    },
    tree: light.tree,
    lines: light.lines,
    data: light.data,
    findings: [],
  };
}

// logLevel 'error': the library would otherwise print process warnings for odd keys.
const YAML_OPTIONS = (lineCounter: LineCounter) => ({ lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' as const });

/** Files refused before any parse: too large, or binary. */
function refuse(uri: string, text: string): ParsedFile | undefined {
  const lines = new LineCounter();
  const kind = kindOfFile(uri);
  const base = { uri, text, kind, hasDocument: false, doc: undefined, tree: undefined, lines, data: undefined };
  if (text.length > MAX_FILE_CHARS) {
    return {
      ...base,
      findings: [{
        code: 'file-too-large',
        severity: 'error',
        message: `This file has ${text.length.toLocaleString('en')} characters; worksheets stay far below ${MAX_FILE_CHARS.toLocaleString('en')}. Split it, or check that it is really a worksheet.`,
        range: ZERO,
      }],
    };
  }
  if (text.includes('\u0000')) {
    return { ...base, findings: [{ code: 'yaml-syntax', severity: 'error', message: 'This file holds binary data, not YAML text. Replace it with a worksheet written in YAML.', range: ZERO }] };
  }
  // Before either reader: both recurse per level, and a web worker's stack is
  // smaller than Node's, so the same file must be refused the same way everywhere.
  const deep = excessiveNesting(text);
  if (deep !== undefined) {
    // No parse ran, so the line counter is empty: count the lines up to the spot.
    const line = text.slice(0, deep).split('\n').length - 1;
    const character = deep - (text.lastIndexOf('\n', deep - 1) + 1);
    const at: Range = { start: { line, character }, end: { line, character: character + 1 } };
    return {
      ...base,
      findings: [{ code: 'yaml-syntax', severity: 'error', message: `This file nests lists or blocks more than ${MAX_NESTING} levels deep here; a worksheet needs a handful. Flatten it, or check that it is really a worksheet.`, range: at }],
    };
  }
  return undefined;
}

/** The `yaml` package's parse, whatever the text: what every reading problem is worded from. */
export function parseFull(uri: string, text: string): ParsedFile {
  return refuse(uri, text) ?? fullParse(uri, text);
}

function fullParse(uri: string, text: string): ParsedFile {
  const lines = new LineCounter();
  const kind = kindOfFile(uri);
  const docs = parseAllDocuments(text, YAML_OPTIONS(lines));
  const list = Array.isArray(docs) ? docs : [];
  const findings: Finding[] = [];
  const doc = list[0];
  const at = (offset: number, end = offset): Range => toRange(lines, offset, end);
  for (const d of list) {
    for (const err of d.errors) {
      findings.push({ code: 'yaml-syntax', severity: 'error', message: yamlMessage(err.code, err.message), range: at(err.pos[0], err.pos[1]) });
    }
  }
  if (list.length > 1) {
    const second = list[1];
    const start = second.range?.[0] ?? 0;
    findings.push({
      code: 'yaml-syntax',
      severity: 'error',
      message: 'A file holds one worksheet: everything after the first `---` document is ignored. Move it to a file of its own.',
      range: at(start, Math.min(text.length, start + 3)),
    });
  }
  let data: unknown;
  if (doc) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      data = undefined;
      const isAliasBomb = e instanceof ReferenceError || /alias/i.test(String((e as Error)?.message));
      findings.push({
        code: 'yaml-syntax',
        severity: 'error',
        message: isAliasBomb
          ? `Aliases (*name) here expand to more than ${MAX_ALIAS_COUNT.toLocaleString('en')} nodes, which looks like a resource-exhaustion attack; the file was not read. Write the values out instead of nesting aliases.`
          : `This YAML could not be read: ${(e as Error)?.message ?? String(e)}`,
        range: ZERO,
      });
    }
  }
  return { uri, text, kind, hasDocument: doc !== undefined, doc, tree: positionsOf(doc?.contents), lines, data, findings };
}

/** The position tree of a `yaml` package node. */
function positionsOf(node: unknown): PosNode | undefined {
  if (!isNode(node) || !node.range) return undefined;
  const range: [number, number] = [node.range[0], node.range[1]];
  if (isMap(node)) {
    return {
      kind: 'map',
      range,
      flow: !!node.flow,
      pairs: node.items.filter((p) => isPair(p)).map((p) => ({ key: positionsOf(p.key), keyValue: isScalar(p.key) ? p.key.value : p.key, value: positionsOf(p.value) })),
    };
  }
  if (isSeq(node)) {
    return { kind: 'seq', range, flow: !!node.flow, items: node.items.map((i) => positionsOf(i)) };
  }
  return { kind: 'scalar', range };
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'This key appears twice in the same block; keep one (the second would silently win).';
    case 'TAB_AS_INDENT':
      return 'Tabs cannot indent YAML: use spaces.';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
    case 'BLOCK_AS_IMPLICIT_KEY':
      return `${first}. Check the indentation and the colons on this line.`;
    default:
      return `${first}.`;
  }
}

export function toRange(lines: LineCounter, start: number, end: number): Range {
  const a = lines.linePos(start);
  const b = lines.linePos(Math.max(start, end));
  return { start: { line: a.line - 1, character: a.col - 1 }, end: { line: b.line - 1, character: b.col - 1 } };
}

export function offsetAt(lines: LineCounter, line: number, character: number): number {
  const starts = lines.lineStarts;
  if (line >= starts.length) return Number.MAX_SAFE_INTEGER;
  return starts[line] + character;
}

/**
 * Read access to a parsed document's nodes and their ranges, plus the few
 * edit builders the quick fixes need. Every range comes from the position tree.
 */
export class YamlView {
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
  return undefined;
}

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
  if (s === '' || /^[\s\-?:,[\]{}#&*!|>'"%@`]|[:#]\s|\s$|:$|^(true|false|null|yes|no|on|off|~)$|^[\d.+-]/i.test(s)) {
    return JSON.stringify(s);
  }
  return s;
}
