// Parsing with the `yaml` package: one Document plus a LineCounter, so every
// finding can point at the exact node. Resource limits are deliberate: worksheets
// come from many hands, and a hostile file must cost a finding, not a hang.
import { LineCounter, isMap, isPair, isScalar, isSeq, isNode, parseAllDocuments } from 'yaml';
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import type { FileKind, Finding, Range, TextEdit } from './types';
import { kindOfFile } from './kinds';
import { MAX_NESTING, excessiveNesting } from './nesting';

/** Worksheets are a few kilobytes; anything above this is not one. */
export const MAX_FILE_CHARS = 1_000_000;
/**
 * The yaml package refuses more than 100 alias expansions by default, which a
 * legitimate file that reuses anchors for people and themes can reach. A few
 * thousand still stops an exponential "billion laughs" expansion at once.
 */
export const MAX_ALIAS_COUNT = 5_000;

export type PathSegment = string | number;
export type YamlPath = readonly PathSegment[];

export interface ParsedFile {
  uri: string;
  text: string;
  kind: FileKind | undefined;
  /** The first YAML document, when the text could be read at all. */
  doc: Document.Parsed | undefined;
  lines: LineCounter;
  /** The document as plain JavaScript; undefined when it could not be built. */
  data: unknown;
  /** Problems of reading: `yaml-syntax` and `file-too-large`. */
  findings: Finding[];
}

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function parseFile(uri: string, text: string): ParsedFile {
  const lines = new LineCounter();
  const kind = kindOfFile(uri);
  if (text.length > MAX_FILE_CHARS) {
    return {
      uri, text, kind, doc: undefined, lines, data: undefined,
      findings: [{
        code: 'file-too-large',
        severity: 'error',
        message: `This file has ${text.length.toLocaleString('en')} characters; worksheets stay far below ${MAX_FILE_CHARS.toLocaleString('en')}. Split it, or check that it is really a worksheet.`,
        range: ZERO,
      }],
    };
  }
  if (text.includes('\u0000')) {
    return {
      uri, text, kind, doc: undefined, lines, data: undefined,
      findings: [{ code: 'yaml-syntax', severity: 'error', message: 'This file holds binary data, not YAML text. Replace it with a worksheet written in YAML.', range: ZERO }],
    };
  }
  const deep = excessiveNesting(text);
  if (deep !== undefined) {
    // No parse ran, so the line counter is empty: count the lines up to the spot.
    const line = text.slice(0, deep).split('\n').length - 1;
    const character = deep - (text.lastIndexOf('\n', deep - 1) + 1);
    const at: Range = { start: { line, character }, end: { line, character: character + 1 } };
    return {
      uri, text, kind, doc: undefined, lines, data: undefined,
      findings: [{ code: 'yaml-syntax', severity: 'error', message: `This file nests lists or blocks more than ${MAX_NESTING} levels deep here; a worksheet needs a handful. Flatten it, or check that it is really a worksheet.`, range: at }],
    };
  }
  // logLevel 'error': the library would otherwise print process warnings for odd keys.
  const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
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
  return { uri, text, kind, doc, lines, data, findings };
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
 * edit builders the quick fixes need. Every range comes from a parser node.
 */
export class YamlView {
  constructor(readonly file: ParsedFile) {}

  get root(): YAMLMap | undefined {
    const c = this.file.doc?.contents;
    return isMap(c) ? c : undefined;
  }

  node(path: YamlPath): Node | undefined {
    let cur: unknown = this.file.doc?.contents;
    for (const seg of path) {
      if (isMap(cur)) {
        cur = findPair(cur, seg)?.value;
      } else if (isSeq(cur) && typeof seg === 'number') {
        cur = cur.items[seg];
      } else {
        return undefined;
      }
    }
    return isNode(cur) ? cur : undefined;
  }

  pair(path: YamlPath): Pair | undefined {
    if (path.length === 0) return undefined;
    const parent = path.length === 1 ? this.file.doc?.contents : this.node(path.slice(0, -1));
    return isMap(parent) ? findPair(parent, path[path.length - 1]) : undefined;
  }

  rangeOfNode(node: Node | undefined): Range | undefined {
    if (!node?.range) return undefined;
    return toRange(this.file.lines, node.range[0], node.range[1]);
  }

  keyRange(path: YamlPath): Range | undefined {
    const key = this.pair(path)?.key;
    return isNode(key) ? this.rangeOfNode(key) : undefined;
  }

  /**
   * The contract's anchor: the node itself; for an empty value, its key; for a
   * missing node, the key of the nearest ancestor that exists; then `fallbacks`;
   * then the document's first key.
   */
  anchor(path: YamlPath, ...fallbacks: YamlPath[]): Range {
    const exact = this.node(path);
    if (exact?.range && exact.range[1] > exact.range[0]) return this.rangeOfNode(exact)!;
    for (let n = path.length; n > 0; n--) {
      const key = this.keyRange(path.slice(0, n));
      if (key && (n === path.length || this.node(path.slice(0, n)))) return key;
    }
    for (const f of fallbacks) {
      const r = this.node(f) ? this.anchor(f) : undefined;
      if (r) return r;
    }
    const first = this.root?.items[0]?.key;
    return (isNode(first) && this.rangeOfNode(first)) || ZERO;
  }

  /** The indentation step the document already uses (2 when it has none yet). */
  indentUnit(): number {
    let unit = 0;
    const visit = (node: unknown, parentCol: number): void => {
      if (unit) return;
      if (isMap(node) && !node.flow) {
        for (const p of node.items) {
          const k = p.key;
          if (isNode(k) && k.range) {
            const col = this.file.lines.linePos(k.range[0]).col - 1;
            if (parentCol >= 0 && col > parentCol) { unit = col - parentCol; return; }
            visit(p.value, col);
          }
        }
      }
    };
    visit(this.file.doc?.contents, -1);
    return unit || 2;
  }

  /** Column of the keys inside the block map at `path` (root: 0). */
  private mapColumn(map: YAMLMap): number {
    const k = map.items[0]?.key;
    if (isNode(k) && k.range) return this.file.lines.linePos(k.range[0]).col - 1;
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
      if (isMap(next)) {
        map = next;
        mapDepth = depth + 1;
      } else if (!isSeq(next)) {
        break;
      }
      depth++;
    }
    depth = mapDepth;
    // Missing list items cannot be made up; missing keys become blocks.
    if (mapPath.slice(depth).some((s) => typeof s === 'number')) return undefined;
    if (map.flow) return this.insertIntoFlowMap(map, [...mapPath.slice(depth).map(String), key], body);
    const missing = [...mapPath.slice(depth).map(String), key];
    const col = map.items.length ? this.mapColumn(map) : 0;
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
    let anchorPair: Pair | undefined;
    if (depth === mapPath.length) {
      for (const a of after) {
        const p = findPair(map, a);
        if (p) anchorPair = p;
      }
    }
    anchorPair ??= map.items[map.items.length - 1];
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

  private insertIntoFlowMap(map: YAMLMap, keys: string[], body: string[]): TextEdit | undefined {
    if (!map.range || body.length !== 1 || keys.length !== 1) return undefined;
    const close = map.range[1] - 1;
    const sep = map.items.length ? ', ' : '';
    const r = toRange(this.file.lines, close, close);
    return { range: r, newText: `${sep}${keys[0]}: ${body[0]}` };
  }

  /** Replace a scalar's text, or fill an empty value after its key. */
  setValue(path: YamlPath, valueText: string): TextEdit | undefined {
    const existing = this.node(path);
    if (existing?.range && existing.range[1] > existing.range[0] && (isScalar(existing) || typeof path[path.length - 1] === 'number')) {
      return { range: toRange(this.file.lines, existing.range[0], valueEnd(this.file.text, existing.range[1])), newText: valueText };
    }
    const pair = this.pair(path);
    if (!pair) {
      return this.insertKey(path.slice(0, -1), String(path[path.length - 1]), [valueText]);
    }
    const v = pair.value;
    if (isNode(v) && v.range && v.range[1] > v.range[0]) {
      return { range: toRange(this.file.lines, v.range[0], v.range[1]), newText: valueText };
    }
    const k = pair.key;
    if (isNode(k) && k.range) {
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

function findPair(map: YAMLMap, key: PathSegment): Pair | undefined {
  for (const p of map.items) {
    if (!isPair(p)) continue;
    const k = isScalar(p.key) ? p.key.value : p.key;
    if (k === key || (k != null && String(k) === String(key))) return p as Pair;
  }
  return undefined;
}

function pairEnd(pair: Pair): number | undefined {
  const v = pair.value;
  if (isNode(v) && v.range) return v.range[1];
  const k = pair.key;
  if (isNode(k) && k.range) return k.range[1];
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
