// A worksheet's data without the `yaml` package's Document. Building that
// Document (tokens, nodes, ranges) costs about nine times what js-yaml takes
// to read the same text into plain data, and the workspace index needs only
// the data of most files. So the index reads with js-yaml where the two
// libraries agree, and leaves every text where they might not to the full
// parse in parse.ts: the answer here is either the very data `parseFile`
// would give, with no reading problem, or "ask the full parse".
import { FAILSAFE_SCHEMA, Type, load } from 'js-yaml';
import type { State } from 'js-yaml';
import { MAX_VALUES, valueBound } from './breadth';
import { textBounds } from './bounds';
import { MAX_FILE_CHARS } from './limits';
import { excessiveNesting } from './nesting';

// js-yaml's CORE_SCHEMA is its JSON schema with extras (binary and signed hex
// integers; no `-.5`), so plain scalars are resolved here as the `yaml`
// package's YAML 1.2 core schema does: its patterns (null, bool, octal,
// decimal and hex integers, infinities and NaN, floats with and without an
// exponent), in its order, built with the same number functions. One pattern
// for all, as most plain scalars are words and fail it at the first character.
export const CORE_SCALAR = /^(?:(~|[Nn]ull|NULL)|([Tt]rue|TRUE)|([Ff]alse|FALSE)|0o([0-7]+)|([-+]?[0-9]+)|0x([0-9a-fA-F]+)|([-+]?\.(?:inf|Inf|INF))|(\.nan|\.NaN|\.NAN)|([-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)))$/;

function coreValue(m: RegExpExecArray): unknown {
  if (m[1] !== undefined) return null;
  if (m[2] !== undefined) return true;
  if (m[3] !== undefined) return false;
  if (m[4] !== undefined) return parseInt(m[4], 8);
  if (m[5] !== undefined) return parseInt(m[5], 10);
  if (m[6] !== undefined) return parseInt(m[6], 16);
  if (m[7] !== undefined) return m[7][0] === '-' ? -Infinity : Infinity;
  if (m[8] !== undefined) return NaN;
  return parseFloat(m[9]);
}

/** A plain scalar's value under the YAML 1.2 core schema, as the `yaml` package resolves it. */
export function resolvePlain(s: string): unknown {
  if (!mayBeCore(s)) return s;
  const m = CORE_SCALAR.exec(s);
  return m ? coreValue(m) : s;
}

/**
 * Whether CORE_SCALAR can match, from the first character and the length:
 * a word matches only as null, true or false (four or five letters), and
 * anything else starts with a digit, a sign, a dot or `~`. Most plain scalars
 * (keys, ids, notes) are words, and the pattern need not run for them.
 */
function mayBeCore(s: string): boolean {
  const c = s.charCodeAt(0);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return s.length === 4 || s.length === 5;
  return (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 126;
}

const SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [
    new Type('tag:yaml.org,2002:core', {
      kind: 'scalar',
      // js-yaml passes null for an empty node, which the core schema reads as null too.
      resolve: (s: string | null) => s === null || (mayBeCore(s) && CORE_SCALAR.test(s)),
      construct: (s: string | null) => (s === null ? null : coreValue(CORE_SCALAR.exec(s)!)),
    }),
  ],
});

/**
 * Text the two libraries may read differently, or where the `yaml` package
 * reports a problem js-yaml lets pass, one clause per reason. Deliberately
 * broad: a false alarm costs one full parse, nothing else. Each clause has a
 * test (quick-read.test.ts) with a text it catches, which the quick path
 * would misread without it, and a near miss it lets through.
 */
export const UNSURE_CLAUSES = {
  /** `"a"#b`, `[a]#b`: a `#` right after a quote, a bracket or a comma starts no comment for the `yaml` package, which reports it. */
  commentAfterQuoteOrBracket: /[\]}"',]#/m,
  /** `&a`, `*a`, `!tag`: anchors, aliases and tags. Tags resolve apart (`a: !` is null to js-yaml, "" to the `yaml` package), and an alias bomb must meet the full parse's alias limit. */
  anchorAliasOrTag: /(?:^|[\s[\]{},:"'])(?:[&*][^\s[\]{},]|!)/m,
  /** `%YAML 1.2`: directives, after which js-yaml takes documents the `yaml` package refuses (an indented `---`). */
  directive: /^%/m,
  /** `---`, `...` at a line's start: a second document, which js-yaml reads as one, or a marker glued to text (`---a`), which it reads as a marker. */
  documentMarker: /^(?:---|\.\.\.)/m,
  /** `? a`: explicit keys, which may be collections (`? -` is the key "" to js-yaml, an empty list to the `yaml` package). */
  explicitKey: /(?:^|[\s[\]{},])\?(?=\s|$)/m,
  /** `[a, b]: c`: a collection as a key, which js-yaml turns into its text. */
  collectionKey: /[\]}]\s*:/m,
  /** `-` alone on its line: an empty list item, after which js-yaml lets a less indented item follow. */
  emptyListItem: /^[ ]*-[ ]*(?:#.*)?\r?$/m,
  /** Tabs, which the `yaml` package refuses as indentation where js-yaml skips some. */
  tab: /\t/m,
  /** A byte order mark after the text's start, which js-yaml keeps in a scalar and the `yaml` package drops. */
  byteOrderMark: /\uFEFF/m,
  /** A carriage return without a line feed: a line break to one library, not to the other. */
  loneCarriageReturn: /\r(?!\n)/m,
  /** `|2`, `>-1`: a block scalar's indentation indicator, which the two libraries apply apart to lines of spaces. */
  indentationIndicator: /[|>](?:[1-9][-+]?|[-+][1-9])(?=[ ]|\r?$)/m,
  /** A block scalar whose leading empty lines hold spaces: the `yaml` package sizes its indentation by them (and may report it), js-yaml may end it at a `#`. */
  spacesLeadingBlockScalar: /[|>][-+]?[ ]*(?:#.*)?\r?\n(?:[ ]*\r?\n)*[ ]+\r?(?:\n|(?![\s\S]))/m,
  /** A document that is one block scalar: at the root the `yaml` package reads a `#` line at column 0 into it, js-yaml a comment. */
  rootBlockScalar: /^(?:[ ]*(?:#.*)?\r?\n)*[ ]*[|>]/,
  /** A space ending the text (a last line of spaces, with no line break), which a kept (`|+`) block scalar takes as a line for js-yaml only. */
  spaceAtEnd: / $/,
};

/** All the clauses: the line clauses answered by the one pass of bounds.ts, the others by their patterns. */
const WHOLE_CLAUSES = Object.values(UNSURE_CLAUSES).filter((c) => !c.multiline);
/** The clauses but emptyListItem, which only the quick read refuses (quickRefusal). */
const UNSURE_TO_LINE_READER = (text: string) => textBounds(text).unsure || WHOLE_CLAUSES.some((c) => c.test(text));
const UNSURE = (text: string) => textBounds(text).emptyListItem || UNSURE_TO_LINE_READER(text);

/**
 * One test of the clauses: those about lines (the `m` flag) are joined into
 * one pattern, so most texts are checked in a single pass; those about the
 * text's start or end run alone, where their anchors keep them cheap.
 */
export function unsureTest(clauses: readonly RegExp[]): (text: string) => boolean {
  const lines = new RegExp(clauses.filter((c) => c.multiline).map((c) => c.source).join('|'), 'm');
  const whole = clauses.filter((c) => !c.multiline);
  return (text) => lines.test(text) || whole.some((c) => c.test(text));
}

/**
 * The document's data when js-yaml reads it exactly as `parseFile` would, with
 * no reading problem; undefined when only the full parse can tell.
 */
export function quickRead(text: string): { data: unknown } | undefined {
  return quickReadUnless(UNSURE, text);
}

/** The quick read with another refusal pattern: lets the tests show what each clause of UNSURE_CLAUSES guards. */
export function quickReadUnless(unsure: (text: string) => boolean, text: string): { data: unknown } | undefined {
  if (tooMuch(text)) return undefined;
  const body = withoutLeadingMarker(text);
  if (unsure(body)) return undefined;
  let data: unknown;
  const shape = new ShapeCheck(body);
  try {
    data = load(body, { schema: SCHEMA, listener: (event: 'open' | 'close', state: State) => shape.on(event, state.position) });
  } catch {
    // Syntax errors, duplicate keys, several documents, deep nesting: the full parse words the finding.
    return undefined;
  }
  // An empty or comment-only text is no document to the `yaml` package, an
  // empty one after `---`: js-yaml gives null for both.
  if (data === null || data === undefined || shape.unsure) return undefined;
  return plainKeys(data) ? { data } : undefined;
}

/**
 * Whether the line reader (light-tree.ts) leaves a text to the full parse
 * before reading it: one the two libraries may read apart (UNSURE_CLAUSES),
 * or one with a reading problem (parse.ts refuse()). A `-` alone on its line
 * (emptyListItem) is no refusal here: it is js-yaml that reads what follows
 * one apart, and the line reader reads the item below it as the `yaml`
 * package does, with no help from js-yaml.
 * `from`: where the line reader starts, after a `---` opening the text
 * (afterLeadingMarker); the clauses are asked of the rest, so that marker is
 * no refusal but any other is.
 */
export function quickRefusal(text: string, from = 0): boolean {
  if (tooMuch(text)) return true;
  // Few texts open with a marker: theirs is asked of the patterns, not of the pass kept for the whole text (bounds.ts).
  return from === 0 ? UNSURE_TO_LINE_READER(text) : LINE_READER_UNSURE_BY_PATTERN(text.slice(from));
}

const LINE_READER_UNSURE_BY_PATTERN = unsureTest(Object.values(UNSURE_CLAUSES).filter((c) => c !== UNSURE_CLAUSES.emptyListItem));

/**
 * Reading problems are worded by the full parse: too large, binary, not
 * UTF-8, too many values, an over-long key, too deep. The last is the full
 * parse's own guard (excessiveNesting), which reads tokens only where the
 * pass's bound cannot clear the text: a list 150 deep on one short line was
 * read here, where the full parse refuses it.
 */
function tooMuch(text: string): boolean {
  return text.length > MAX_FILE_CHARS || text.includes('\u0000') || text.includes('\uFFFD') || textBounds(text).longLine || valueBound(text) > MAX_VALUES || excessiveNesting(text) !== undefined;
}

/**
 * Watches js-yaml's node events for shapes the two libraries treat apart:
 * - a flow collection or quoted scalar over several lines: the `yaml` package
 *   ends it at a line indented less than its block and reports it, js-yaml
 *   reads on (rare in worksheets, so not worth that rule's subtleties);
 * - a collection as a key of a flow map (`{a, [b]}`): js-yaml makes it the key
 *   "b", the `yaml` package "[ b ]".
 */
class ShapeCheck {
  unsure = false;
  /** Where each open node's events began (before its leading space). */
  private readonly opened: number[] = [];

  constructor(private readonly input: string) {}

  on(event: 'open' | 'close', position: number): void {
    if (event === 'open') {
      this.opened.push(position);
      return;
    }
    const start = this.contentStart(this.opened.pop()!);
    if (this.unsure) return;
    const first = this.input[start];
    if (first !== '[' && first !== '{' && first !== '"' && first !== "'") return;
    // Ends where it should: a block map whose first key is quoted starts with a quote too.
    const last = this.input[position - 1];
    if (last !== (first === '[' ? ']' : first === '{' ? '}' : first)) return;
    const nl = this.input.indexOf('\n', start);
    if (nl >= 0 && nl < position) {
      this.unsure = true;
      return;
    }
    if (first === '"' || first === "'" || !this.opened.length) return;
    // A block map's first key, and a flow collection at the root, open twice at the same place.
    const parentStart = this.contentStart(this.opened[this.opened.length - 1]);
    if (parentStart !== start && this.input[parentStart] === '{' && this.before(start) !== ':') this.unsure = true;
  }

  /** The node's first character: past spaces, line breaks and comments. */
  private contentStart(from: number): number {
    const input = this.input;
    let i = from;
    for (;;) {
      const c = input.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d) i++;
      else if (c === 0x23 /* # */) {
        const nl = input.indexOf('\n', i);
        if (nl < 0) return input.length;
        i = nl;
      } else return i;
    }
  }

  /** The last character before `at` that is not a space. */
  private before(at: number): string | undefined {
    let i = at - 1;
    while (i >= 0 && this.input[i] === ' ') i--;
    return i >= 0 ? this.input[i] : undefined;
  }
}

/**
 * A single `---` after nothing but comments and blank lines starts the one
 * document, as many files begin; it is cut off so that UNSURE can refuse
 * every other document marker.
 */
function withoutLeadingMarker(text: string): string {
  const from = afterLeadingMarker(text);
  return from ? text.slice(from) : text;
}

/**
 * Where the text goes on after a `---` that opens it (alone on its line, after
 * blank or comment lines only), as many teams begin every YAML file; 0 when
 * it has none. What comes after is one document, as if the marker were not
 * there: the `yaml` package gives it the same data and ranges.
 */
export function afterLeadingMarker(text: string): number {
  const m = LEADING_MARKER.exec(text);
  return m ? m[0].length : 0;
}

const LEADING_MARKER = /^(?:[ ]*(?:#[^\n]*)?\n)*---[ ]*(?:[ ]#[^\n]*)?(?=\n|$)/;


/**
 * js-yaml turns a null key into "null" where the `yaml` package gives "", and
 * a collection key into its own text: keys that may have been either are left
 * to the full parse.
 */
function plainKeys(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) {
    for (const v of value) if (!plainKeys(v)) return false;
    return true;
  }
  const record = value as Record<string, unknown>;
  for (const k in record) {
    if (k === 'null' || k === '[object Object]' || !plainKeys(record[k])) return false;
  }
  return true;
}
