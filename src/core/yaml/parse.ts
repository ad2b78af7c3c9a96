// Parsing: the data, a tree of node positions and a LineCounter, so every
// finding can point at the exact node. Most worksheets are read by a line
// reader (light-tree.ts) that gives exactly the data and ranges the `yaml`
// package would. The texts it declines are read by that package's lexer and
// CST parser, whose tokens give the same data and ranges when they hold
// nothing its composer would report (token-tree.ts); the rest are composed
// into its full Document from those same tokens. Resource limits are
// deliberate: worksheets come from many hands, and a hostile file must cost a
// finding, not a hang.
import { LineCounter, isMap, isPair, isScalar, isSeq, isNode } from 'yaml';
import type { Document } from 'yaml';
import type { FileKind, Finding, Range } from '../types';
import { kindOfFile } from '../kinds';
import { readLight } from './light-tree';
import type { LightRead } from './light-tree';
import { readTokens } from './token-tree';
import type { TokenRead, Tokens } from './token-tree';
import { MAX_ALIAS_COUNT, MAX_FILE_CHARS } from './limits';
import { MAX_VALUES, excessiveValues } from './breadth';
import { MAX_NESTING, excessiveNesting } from './nesting';
import { composeAllDocuments, parseAllDocuments } from './plain-env';
import type { PosNode } from './positions';
import { ZERO_RANGE as ZERO, toRange } from './positions';


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
 * The file read the light way, or from the `yaml` package's tokens, where
 * that gives exactly what the full parse would (the same data, positions and
 * lines, no reading problem), else the full parse. The Document is made when
 * first asked for.
 */
export function parseFile(uri: string, written: string): ParsedFile {
  const text = withLineEnds(written);
  const early = refuse(uri, text);
  if (early) return early;
  // The line reader, else the package's tokens, else its Document of those tokens.
  let read: LightRead | TokenRead | undefined = readLight(text);
  if (!read) {
    const tokens = readTokens(text);
    if (!tokens.read) return fullParse(uri, text, tokens);
    read = tokens.read;
  }
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
    tree: read.tree,
    lines: read.lines,
    data: read.data,
    findings: [],
  };
}

/**
 * A file whose parse is made when first asked for: for a second check of a
 * text read before, whose view answers what it can without it (AnsweredView).
 */
export class ParsedOnDemand implements ParsedFile {
  readonly hasDocument = true;
  #parsed: ParsedFile | undefined;

  constructor(readonly uri: string, readonly text: string, readonly kind: FileKind) {}

  private get parsed(): ParsedFile {
    this.#parsed ??= parseFile(this.uri, this.text);
    return this.#parsed;
  }

  get doc(): Document.Parsed | undefined {
    return this.parsed.doc;
  }

  get tree(): PosNode | undefined {
    return this.parsed.tree;
  }

  get lines(): LineCounter {
    return this.parsed.lines;
  }

  get data(): unknown {
    return this.parsed.data;
  }

  get findings(): Finding[] {
    return this.parsed.findings;
  }
}

// logLevel 'error': the library would otherwise print process warnings for odd keys.
const YAML_OPTIONS = (lineCounter: LineCounter) => ({ lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' as const });

/** Files refused before any parse: too large, or binary. */
function refuse(uri: string, text: string): ParsedFile | undefined {
  const findings = refusal(text);
  return findings && { uri, text, kind: kindOfFile(uri), hasDocument: false, doc: undefined, tree: undefined, lines: new LineCounter(), data: undefined, findings };
}

/** Why a file is refused before any parse, or undefined: made only for a file refused, as every file is asked. */
function refusal(text: string): Finding[] | undefined {
  if (text.length > MAX_FILE_CHARS) {
    // More than: readers stop at the limit (MAX_FILE_BYTES), so the true size may be larger.
    return refused(`This file has more than ${MAX_FILE_CHARS.toLocaleString('en')} characters; worksheets stay far below that. Split it, or check that it is really a worksheet.`, ZERO, 'file-too-large');
  }
  if (text.includes('\u0000')) return refused('This file holds binary data, not YAML text. Replace it with a worksheet written in YAML.', ZERO);
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0) {
    // decodeText() turns bytes that are not UTF-8 into U+FFFD: say so rather than read other words.
    return refused('This file is not valid UTF-8 here: bytes of another encoding were read as the replacement character \uFFFD. Save the file as UTF-8 (or remove the \uFFFD character).', rangeAt(text, bad));
  }
  // Before the nesting guard, whose token read costs more per value.
  const crowded = excessiveValues(text);
  if (crowded !== undefined) {
    return refused(`This file holds more than ${MAX_VALUES.toLocaleString('en')} values (notes, list items, fields); the ones past that start here. A worksheet, convening or review holds a few dozen: split it, or check that it is really one.`, rangeAt(text, crowded));
  }
  // Before either reader: both recurse per level, and a web worker's stack is
  // smaller than Node's, so the same file must be refused the same way everywhere.
  const deep = excessiveNesting(text);
  if (deep !== undefined) {
    return refused(`This file nests lists or blocks more than ${MAX_NESTING} levels deep here; a worksheet needs a handful. Flatten it, or check that it is really a worksheet.`, rangeAt(text, deep));
  }
  return undefined;
}

/**
 * The text with its lines ending as YAML readers expect: where a carriage
 * return alone ends the lines (as old Mac editors saved them: more of them
 * than line feeds), each becomes a line feed, as VS Code reads such a file
 * when it opens it. The `yaml` package would read one long line, with dozens
 * of errors about indentation. One character for one: every offset, so every
 * range, is the same in both. A stray carriage return in a file of ordinary
 * lines is left as it is.
 */
export function withLineEnds(text: string): string {
  // Asked of every text read, twice for a file the index reads: a file of CR LF lines (git on Windows) is told apart by one search.
  if (!text.includes('\r') || !LONE_CR.test(text)) return text;
  let lone = 0;
  let feeds = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) feeds++;
    else if (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a) lone++;
  }
  return lone > feeds ? text.replace(/\r(?!\n)/g, '\n') : text;
}

const LONE_CR = /\r(?!\n)/;

function refused(message: string, range: Range, code: 'file-too-large' | 'yaml-syntax' = 'yaml-syntax'): Finding[] {
  return [{ code, severity: 'error', message, range }];
}

/** One character's range, where no parse ran and the line counter is empty: the lines are counted up to the spot. */
function rangeAt(text: string, offset: number): Range {
  const line = text.slice(0, offset).split('\n').length - 1;
  const character = offset - (text.lastIndexOf('\n', offset - 1) + 1);
  return { start: { line, character }, end: { line, character: character + 1 } };
}

/** The `yaml` package's parse, whatever the text: what every reading problem is worded from. */
export function parseFull(uri: string, written: string): ParsedFile {
  const text = withLineEnds(written);
  return refuse(uri, text) ?? fullParse(uri, text);
}

/** The `yaml` package's Document and what it reports; of the tokens read already when they are given. */
function fullParse(uri: string, text: string, read?: Tokens): ParsedFile {
  const lines = read?.lines ?? new LineCounter();
  const kind = kindOfFile(uri);
  const docs = read ? composeAllDocuments(read.tokens, YAML_OPTIONS(lines)) : parseAllDocuments(text, YAML_OPTIONS(lines));
  const list = Array.isArray(docs) ? docs : [];
  const findings: Finding[] = [];
  const doc = list[0];
  const at = (offset: number, end = offset): Range => toRange(lines, offset, end);
  // A tab that indents makes the parser misread the lines around it, and its other errors
  // (implicit keys, a sequence as a key, on the line before) bury the cause: the tab alone is said.
  const tabbed = list.some((d) => d.errors.some((e) => e.code === 'TAB_AS_INDENT'));
  // A bracketed list or map cut short by a line indented too little (its closing brackets pulled back
  // under the key) ends the document there, and every token after it is "unexpected in YAML stream":
  // one error per word of the rest of the file. The cut is said, once per collection it leaves open.
  const cut = list.flatMap((d) => d.errors).find((e) => CUT_SHORT.test(e.message))?.pos[0];
  const said = new Set<string>();
  for (const d of list) {
    for (const err of d.errors) {
      if (tabbed && err.code !== 'TAB_AS_INDENT') continue;
      if (cut !== undefined && err.pos[0] >= cut && AFTER_THE_END.test(err.message)) continue;
      const finding: Finding = { code: 'yaml-syntax', severity: 'error', message: yamlMessage(err.code, err.message), range: at(err.pos[0], err.pos[1]) };
      // Two lists left open by one line are reported alike, at one place: said once.
      const key = `${err.pos[0]}:${err.pos[1]}:${finding.message}`;
      if (said.has(key)) continue;
      said.add(key);
      findings.push(finding);
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

/** The `yaml` composer's words for a flow collection whose closing bracket it did not find where it should. */
const CUT_SHORT = /^Flow (?:sequence|map) (?:in block collection )?must /;
/** Its words for the tokens left once the document has ended. */
const AFTER_THE_END = / in YAML stream/;

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
