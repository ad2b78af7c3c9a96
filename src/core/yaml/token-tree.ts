// The data and position tree of a text the light reader declines, from the
// `yaml` package's own tokens (its CST) but without its Document. Of that
// package's parse of a worksheet, the lexer and CST parser are about two
// thirds; the composer that turns the CST into a Document (a node object per
// value, the schema's tag tests, comments placed) and the toJS walk after it
// are the rest, and the check needs neither: only the data and the ranges
// `positionsOf` in parse.ts takes from the Document.
//
// So this module walks the CST as the composer does (compose/*.js of the
// package: resolveBlockMap, resolveBlockSeq, resolveFlowCollection,
// resolveProps, resolveEnd, composeEmptyNode) for what worksheets hold: block
// and flow maps and lists, scalars of every style, comments anywhere, a
// `---` opening the text. Every range is worked out by the composer's own
// rules, and every scalar's text by the package's own `CST.resolveAsScalar`.
// Whatever else the composer would take a look at (anchors, aliases, tags,
// explicit `?` keys, directives, more than one document, a tab among the
// spaces, a duplicate key, an error token, any condition the composer
// reports) declines, and the caller makes the full parse, which words the
// problem. Declining is always safe; reading what the full parse would read
// otherwise is not, and a property test (token-tree.test.ts) holds this
// reader to the full parse's data, tree and lines on random edits.
import { CST, LineCounter } from 'yaml';
import type { PosMap, PosNode, PosPair, PosScalar, PosSeq } from './positions';
import { withParser } from './plain-env';
import { resolvePlain } from './quick-read';
// The line reader's key cache and map keys: what they throw to decline, the walk catches as its own.
import { allKeysDistinct, plainKey, setKey } from './light-tree';

export interface TokenRead {
  data: unknown;
  tree: PosNode;
  lines: LineCounter;
}

type Token = CST.Token;
type SourceToken = CST.SourceToken;

/** Thrown inside the walk when the composer would look further; made once (an error takes its stack when made). */
class Decline extends Error {}
const DECLINED = new Decline('the token reader leaves this text to the full parse');

function decline(): never {
  throw DECLINED;
}

/** A node composed: its place, its value as toJS gives it, and where the composer's range ends (range[2], comments after it included). */
interface Composed<T extends PosNode = PosNode> {
  node: T;
  value: unknown;
  end: number;
}

/** What resolveProps finds in a run of space, comment and indicator tokens, for a text the composer would report nothing in. */
interface Props {
  found: SourceToken | undefined;
  comma: SourceToken | undefined;
  hasNewline: boolean;
  hasComment: boolean;
  /** After the last token, or the offset given when there is none. */
  end: number;
}

/**
 * The text's tokens and lines, and its data and tree where the walk answers.
 * Where it declines, the full parse composes the same tokens (composeAllDocuments):
 * a text the walk declines is read by the lexer and CST parser once.
 */
export interface Tokens {
  tokens: Token[];
  lines: LineCounter;
  read: TokenRead | undefined;
}

/** The text being walked, for the key cache (the walk is synchronous, and never re-entered). */
let text = '';

export function readTokens(source: string): Tokens {
  const lines = new LineCounter();
  const tokens = withParser((parser) => Array.from(parser.parse(source)), lines.addNewLine);
  text = source;
  try {
    return { tokens, lines, read: walk(tokens, lines) };
  } finally {
    text = '';
  }
}

function walk(tokens: Token[], lines: LineCounter): TokenRead | undefined {
  try {
    let doc: CST.Document | undefined;
    for (const token of tokens) {
      // Comments and blank lines around the document only decorate it; anything else (a directive,
      // `...`, an error, a byte-order mark, a second document) is the full parse's to word.
      if (token.type === 'document' && !doc) doc = token;
      else if (token.type !== 'comment' && token.type !== 'newline' && token.type !== 'space') decline();
    }
    if (!doc) decline();
    const composed = document(doc);
    return { data: composed.value, tree: composed.node, lines };
  } catch {
    // Declined, or a shape this walk did not foresee: the full parse reads it either way.
    return undefined;
  }
}

/** composeDoc: the document's contents; an empty document is left to the full parse. */
function document({ offset, start, value, end }: CST.Document): Composed {
  const props = resolveProps(start, 'doc-start', true, false, offset);
  if (!value) decline();
  if (props.found && (value.type === 'block-map' || value.type === 'block-seq') && !props.hasNewline) decline();
  const contents = node(value);
  resolveEnd(end, contents.end, false);
  return contents;
}

function node(token: Token): Composed {
  switch (token.type) {
    case 'scalar':
    case 'single-quoted-scalar':
    case 'double-quoted-scalar':
    case 'block-scalar':
      return scalar(token);
    case 'block-map':
      return blockMap(token);
    case 'block-seq':
      return blockSeq(token);
    case 'flow-collection':
      return flowCollection(token);
    default:
      return decline();
  }
}

/**
 * composeScalar without a tag: the package's own reading of the text, then
 * the core schema's for a plain one. A plain scalar on one line, as most are,
 * is its own text (resolveFlowScalar only folds lines), and a key of that kind
 * is taken from the line reader's cache of keys (plainKey).
 */
function scalar(token: CST.FlowScalar | CST.BlockScalar, isKey = false): Composed<PosScalar> {
  if (token.type === 'scalar' && !token.source.includes('\n')) {
    const { offset, source } = token;
    const to = offset + source.length;
    // plainValue reports a plain scalar starting with one of these.
    if (BAD_PLAIN_START.has(source.charAt(0))) decline();
    const value = source === '' ? null : isKey ? plainKey(text, offset, to) : resolvePlain(source);
    return { node: { kind: 'scalar', range: [offset, to] }, value, end: resolveEnd(token.end, to, true) };
  }
  const read = CST.resolveAsScalar(token, true, decline);
  if (!read) decline();
  const [from, to, end] = read.range;
  // The core schema reads an empty plain scalar as null, as it does `~` and `null`.
  const value = token.type !== 'scalar' ? read.value : read.value === '' ? null : resolvePlain(read.value);
  return { node: { kind: 'scalar', range: [from, to] }, value, end };
}

/** composeEmptyNode: a value left empty, placed after the spaces that follow what is before it. */
function emptyValue(offset: number, before: SourceToken[], props: Props): Composed<PosScalar> {
  const at = emptyScalarPosition(offset, before);
  // A comment after the empty value carries the node's end to the end of its props.
  return { node: { kind: 'scalar', range: [at, at] }, value: null, end: props.hasComment ? props.end : at };
}

function emptyScalarPosition(offset: number, before: SourceToken[]): number {
  for (let i = before.length - 1; i >= 0; --i) {
    const t = before[i].type;
    if (t === 'space' || t === 'comment' || t === 'newline') {
      offset -= before[i].source.length;
      continue;
    }
    for (let j = i + 1; j < before.length && before[j].type === 'space'; j++) offset += before[j].source.length;
    break;
  }
  return offset;
}

function blockMap(bm: CST.BlockMap): Composed<PosMap> {
  let offset = bm.offset;
  let commentEnd: number | undefined;
  const record: Record<string, unknown> = {};
  const pairs: PosPair[] = [];
  for (const { start, key, sep, value } of bm.items) {
    const keyProps = resolveProps(start, undefined, true, false, offset);
    if (!key && !sep) {
      // Comment lines after the last pair: they end the map's comment range.
      commentEnd = keyProps.end;
      continue;
    }
    if (!key || !sep || !isFlowScalar(key) || key.indent !== bm.indent || containsNewline(key)) decline();
    const k = scalar(key, true);
    const valueProps = resolveProps(sep, 'map-value-ind', false, false, k.end);
    if (!valueProps.found) decline();
    if (value?.type === 'block-map' && !valueProps.hasNewline) decline();
    // KEY_OVER_1024_CHARS, as the composer counts it.
    if (keyProps.end < valueProps.found.offset - 1024) decline();
    const v = value ? node(value) : emptyValue(valueProps.end, sep, valueProps);
    offset = v.end;
    setKey(record, k.value, v.value);
    pairs.push({ key: k.node, keyValue: k.value, value: v.node });
  }
  allKeysDistinct(record, pairs.length);
  if (commentEnd !== undefined && commentEnd < offset) decline();
  return { node: { kind: 'map', range: [bm.offset, offset], flow: false, pairs }, value: record, end: commentEnd ?? offset };
}

function blockSeq(bs: CST.BlockSequence): Composed<PosSeq> {
  let offset = bs.offset;
  let commentEnd: number | undefined;
  const items: PosNode[] = [];
  const values: unknown[] = [];
  for (const { start, value } of bs.items) {
    const props = resolveProps(start, 'seq-item-ind', true, false, offset);
    if (!props.found) {
      if (value) decline();
      commentEnd = props.end;
      continue;
    }
    const v = value ? node(value) : emptyValue(props.end, start, props);
    offset = v.end;
    items.push(v.node);
    values.push(v.value);
  }
  return { node: { kind: 'seq', range: [bs.offset, offset], flow: false, items }, value: values, end: commentEnd ?? offset };
}

function flowCollection(fc: CST.FlowCollection): Composed<PosMap | PosSeq> {
  const isMap = fc.start.source === '{';
  let offset = fc.offset + fc.start.source.length;
  const record: Record<string, unknown> = {};
  const pairs: PosPair[] = [];
  const items: PosNode[] = [];
  const values: unknown[] = [];
  const last = fc.items.length - 1;
  fc.items.forEach(({ start, key, sep, value }, i) => {
    const props = resolveProps(start, undefined, false, true, offset);
    if (!key && !sep && !value) {
      // Only a comma and comments after the last item, as in `[a, b, ]`.
      if ((i === 0 && props.comma) || i < last) decline();
      offset = props.end;
      return;
    }
    if (i === 0 ? props.comma : !props.comma) decline();
    if (!isMap) {
      // An item of a list: a pair in a list (`[a: b]`) is the full parse's.
      if (key || sep || !value || isBlock(value)) decline();
      const v = node(value);
      items.push(v.node);
      values.push(v.value);
      offset = v.end;
      return;
    }
    if (!key || !sep || !isFlowScalar(key) || containsNewline(key)) decline();
    const k = scalar(key, true);
    const valueProps = resolveProps(sep, 'map-value-ind', false, true, k.end);
    if (!valueProps.found || (value && isBlock(value))) decline();
    const v = value ? node(value) : emptyValue(valueProps.end, sep, valueProps);
    setKey(record, k.value, v.value);
    pairs.push({ key: k.node, keyValue: k.value, value: v.node });
    offset = v.end;
  });
  const [close, ...after] = fc.end;
  if (close?.source !== (isMap ? '}' : ']')) decline();
  const closed = close.offset + close.source.length;
  const end = after.length > 0 ? resolveEnd(after, closed, true) : closed;
  if (isMap) {
    allKeysDistinct(record, pairs.length);
    return { node: { kind: 'map', range: [fc.offset, closed], flow: true, pairs }, value: record, end };
  }
  return { node: { kind: 'seq', range: [fc.offset, closed], flow: true, items }, value: values, end };
}

/**
 * resolveProps for tokens without anchors or tags: the one indicator expected
 * (none where an explicit `?` key would be), a comma in a flow collection,
 * spaces, line breaks and comments. Declines what the composer would report:
 * a comment with no space before it, a second indicator or comma, any other
 * token; and, more broadly than the composer, any tab among the spaces, whose
 * rules (tabs may not indent) it leaves to the full parse.
 */
function resolveProps(tokens: SourceToken[], indicator: SourceToken['type'] | undefined, startOnNewline: boolean, flow: boolean, offset: number): Props {
  let hasSpace = startOnNewline;
  let found: SourceToken | undefined;
  let comma: SourceToken | undefined;
  let hasNewline = false;
  let hasComment = false;
  for (const token of tokens) {
    switch (token.type) {
      case 'space':
        if (token.source.includes('\t')) decline();
        hasSpace = true;
        break;
      case 'comment':
        if (!hasSpace) decline();
        hasComment = true;
        break;
      case 'newline':
        hasNewline = true;
        hasSpace = true;
        break;
      case 'comma':
        if (!flow || comma) decline();
        comma = token;
        hasSpace = false;
        break;
      default:
        if (token.type !== indicator || found) decline();
        found = token;
        hasSpace = false;
    }
  }
  const lastToken = tokens[tokens.length - 1];
  return { found, comma, hasNewline, hasComment, end: lastToken ? lastToken.offset + lastToken.source.length : offset };
}

/** resolveEnd: the offset after the spaces, comments and line breaks that end a node; anything else there is reported, so declined. */
function resolveEnd(tokens: SourceToken[] | undefined, offset: number, reqSpace: boolean): number {
  if (!tokens) return offset;
  let hasSpace = false;
  for (const token of tokens) {
    if (token.type === 'space' || token.type === 'newline') hasSpace = true;
    else if (token.type !== 'comment' || (reqSpace && !hasSpace)) decline();
    offset += token.source.length;
  }
  return offset;
}

const BAD_PLAIN_START = new Set(['\t', ',', '%', '|', '>', '@', '`']);

function isFlowScalar(token: Token): token is CST.FlowScalar {
  return token.type === 'scalar' || token.type === 'single-quoted-scalar' || token.type === 'double-quoted-scalar';
}

function isBlock(token: Token): boolean {
  return token.type === 'block-map' || token.type === 'block-seq';
}

/** A key written over more than one line, which the composer reports (MULTILINE_IMPLICIT_KEY). */
function containsNewline(key: CST.FlowScalar): boolean {
  return key.source.includes('\n') || !!key.end?.some((t) => t.type === 'newline');
}
