// What one pass over a text before any parse can tell, in one place because
// every reader asks for it and each text should be scanned once:
// - two counts that can only overestimate: how deeply it can nest and how many
//   values it can hold. Most texts are far below both limits, which then need
//   no closer look (nesting.ts, breadth.ts);
// - whether a line is longer than the `yaml` package takes for a key, and
//   whether the text holds a carriage return;
// - whether a `#` may start a `worksheets-disable` comment (check.ts): most
//   texts have none, and the check then looks no further;
// - whether it matches the line clauses of UNSURE_CLAUSES (quick-read.ts):
//   texts the quick and light reads leave to the full parse. Those clauses are
//   regular expressions, kept as the readable definition and tested one by
//   one; joined into one pattern they cost several times this pass over a
//   worksheet, so the pass answers them too, and a property test holds the
//   two to the same answer on random texts (bounds.test.ts).
// The refusals before the parse and both quick readers ask for it, so the
// scan of the last text is kept.

export interface TextBounds {
  /**
   * A depth no text can exceed: every flow bracket, plus two levels (a map
   * and the list beside its keys) for each column of a line's indentation and
   * each `- `, `? ` or `: ` on it, since block nesting needs one of those per level.
   */
  nesting: number;
  /**
   * A count no text's values can exceed: each value after the first needs a
   * line break, a comma, a bracket, a quote or an indicator (`-`, `?`, `:`)
   * before it or at its start.
   */
  values: number;
  /** A line (up to `\n`) longer than LONG_LINE characters. */
  longLine: boolean;
  /** Any `\r`. */
  carriageReturn: boolean;
  /**
   * Whether the line clauses of UNSURE_CLAUSES (those with the `m` flag) but
   * emptyListItem match somewhere.
   */
  unsure: boolean;
  /**
   * Whether emptyListItem (a `-` alone on its line) matches, where `unsure`
   * is false. js-yaml lets a less indented item follow one, so the quick read
   * refuses it; the line reader reads the item below it as the `yaml` package
   * does (js-yaml dumps with an indent of 4 write every map in a list so).
   */
  emptyListItem: boolean;
  /** A `#`, then perhaps white space, then DIRECTIVE_NAME: where a `worksheets-disable` comment may be. */
  directive: boolean;
}

/** What every `worksheets-disable` comment holds after its `#` and any white space. */
export const DIRECTIVE_NAME = 'worksheets-disable';

/** The `yaml` package refuses implicit keys longer than this; js-yaml does not. */
export const LONG_LINE = 1000;

let last: { text: string; bounds: TextBounds } | undefined;

/**
 * Passes made elsewhere (the CLI's reading thread) for texts about to be
 * read, found by the text itself: the same string, so a comparison is mostly
 * of two pointers, where a Map keyed by text would hash every character.
 */
const primedTexts: string[] = [];
const primedBounds: TextBounds[] = [];
const MAX_PRIMED = 512;

export function textBounds(text: string): TextBounds {
  if (last?.text === text) return last.bounds;
  let bounds: TextBounds | undefined;
  // Oldest first: texts are read in the order they were handed over.
  for (let i = 0; i < primedTexts.length; i++) {
    if (primedTexts[i] !== text) continue;
    bounds = primedBounds[i];
    primedTexts.splice(i, 1);
    primedBounds.splice(i, 1);
    break;
  }
  bounds ??= scan(text);
  last = { text, bounds };
  return bounds;
}

/**
 * Whether the text may hold a `worksheets-disable` comment: from the pass over
 * it when that was the last one made (the check right after a read), else by
 * looking for the name, which costs less than a pass.
 */
export function mayHoldDirective(text: string): boolean {
  return last?.text === text ? last.bounds.directive : text.includes(DIRECTIVE_NAME);
}

/**
 * Hands over the pass over a text made by this very function in another
 * thread, for a text that is read next: the reader then does not scan it
 * again. Only a few hundred are kept, which is more than are ever waiting.
 */
export function primeBounds(text: string, bounds: TextBounds): void {
  primedTexts.push(text);
  primedBounds.push(bounds);
  if (primedTexts.length > MAX_PRIMED) {
    primedTexts.shift();
    primedBounds.shift();
  }
}

// Character codes.
const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const QUOTE = 34; // "
const HASH = 35; // #
const PERCENT = 37;
const AMP = 38; // &
const APOS = 39; // '
const STAR = 42; // *
const PLUS = 43;
const COMMA = 44;
const DASH = 45;
const DOT = 46;
const COLON = 58;
const GT = 62; // >
const QUESTION = 63;
const LBRACKET = 91;
const RBRACKET = 93;
const LBRACE = 123;
const PIPE = 124;
const RBRACE = 125;
const BANG = 33;
const BOM = 0xfeff;

// What each ASCII character can be to the pass, as bits: most are none of these.
/** A line clause may match at it, wherever it is. */
const CLAUSE = 1;
/** A line clause may match at it at a line's start (directives, document markers, empty list items). */
const AT_LINE_START = 2;
/** `[` and `{`: a level of nesting and a value. */
const OPENS_FLOW = 4;
/** `,` and quotes: a value may follow. */
const SEPARATES = 8;
/** `-`, `?`, `:`: a value may follow, and a level if a space does. */
const INDICATOR = 16;
/** Space and tab: a line's indentation. */
const BLANK = 32;
/** A line starts after it, for `^`. */
const TERMINATOR = 64;
/** `#`: a comment, perhaps a directive. */
const COMMENT = 128;
const CLASS = new Uint8Array(128);
for (const c of [TAB, CR, BANG, QUOTE, AMP, APOS, STAR, COMMA, GT, QUESTION, RBRACKET, PIPE, RBRACE]) CLASS[c] |= CLAUSE;
for (const c of [PERCENT, DASH, DOT, SPACE]) CLASS[c] |= AT_LINE_START;
for (const c of [LBRACKET, LBRACE]) CLASS[c] |= OPENS_FLOW;
for (const c of [COMMA, QUOTE, APOS]) CLASS[c] |= SEPARATES;
for (const c of [DASH, QUESTION, COLON]) CLASS[c] |= INDICATOR;
for (const c of [SPACE, TAB]) CLASS[c] |= BLANK;
for (const c of [LF, CR]) CLASS[c] |= TERMINATOR;
CLASS[HASH] |= COMMENT;

/** A line terminator to a JavaScript regular expression (where `^` and `$` match with the `m` flag, and `.` stops). */
function isTerminator(c: number): boolean {
  return c === LF || c === CR || c === 0x2028 || c === 0x2029;
}

/** `\s` in a JavaScript regular expression. */
function isSpace(c: number): boolean {
  if (c <= SPACE) return c === SPACE || (c >= TAB && c <= CR);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === BOM;
}

/** `[[\]{},]` */
function isFlowIndicator(c: number): boolean {
  return c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE || c === COMMA;
}

function isDigit1to9(c: number): boolean {
  return c >= 49 && c <= 57;
}

function scan(text: string): TextBounds {
  const n = text.length;
  let flow = 0;
  let widest = 0;
  let width = 0;
  let leading = true;
  let values = 1;
  let lineFrom = 0;
  let longLine = false;
  let carriageReturn = false;
  let unsure = false;
  let emptyListItem = false;
  let directive = false;
  // Where the last block scalar header's following lines were looked at, and what was found (spacesLeadingBlockScalar).
  let spacesFrom = -1;
  let spacesFound = false;
  /** `(?=[ ]|\r?$)`, at k. */
  const endsHeader = (k: number) => k >= n || text.charCodeAt(k) === SPACE || isTerminator(text.charCodeAt(k));
  /** After a block scalar header's line break at k: lines of spaces, the last with at least one (spacesLeadingBlockScalar). */
  const spacesBelow = (k: number): boolean => {
    if (k === spacesFrom) return spacesFound;
    spacesFrom = k;
    for (;;) {
      let s = k;
      while (s < n && text.charCodeAt(s) === SPACE) s++;
      const e = s < n && text.charCodeAt(s) === CR ? s + 1 : s;
      const ends = e >= n || text.charCodeAt(e) === LF;
      if (s > k) return (spacesFound = ends);
      if (!(e < n && text.charCodeAt(e) === LF)) return (spacesFound = false);
      k = e + 1;
    }
  };
  // Where the current line starts for `^` (after any line terminator).
  let start = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const k = c < 128 ? CLASS[c] : c === BOM ? CLAUSE : c === 0x2028 || c === 0x2029 ? TERMINATOR : 0;
    // Letters, digits and most other characters: the bulk of a text, which only ends a line's indentation.
    if (k === 0) {
      leading = false;
      continue;
    }
    if (!unsure && ((k & CLAUSE) !== 0 || (i === start && (k & AT_LINE_START) !== 0))) {
      const clause = lineClause(text, i, c, i === start, endsHeader, spacesBelow);
      if (clause === EMPTY_LIST_ITEM) emptyListItem = true;
      else unsure = clause === OTHER_CLAUSE;
    }
    if ((k & TERMINATOR) !== 0) start = i + 1;
    if (c === LF) {
      values++;
      if (width > widest) widest = width;
      width = 0;
      leading = true;
      if (i - lineFrom > LONG_LINE) longLine = true;
      lineFrom = i + 1;
      continue;
    }
    if (c === CR) carriageReturn = true;
    if ((k & BLANK) !== 0) {
      if (leading) width++;
      continue;
    }
    leading = false;
    if ((k & COMMENT) !== 0) {
      // As check.ts finds a directive: the name after the `#` and any white space.
      if (!directive) {
        let j = i + 1;
        while (j < n && isSpace(text.charCodeAt(j))) j++;
        directive = text.startsWith(DIRECTIVE_NAME, j);
      }
    } else if ((k & OPENS_FLOW) !== 0) {
      flow++;
      values++;
    } else if ((k & SEPARATES) !== 0) {
      values++; // , and quotes: quoted scalars may follow one another with nothing between in a broken text
    } else if ((k & INDICATOR) !== 0) {
      values++;
      // - ? : are indicators (a level) only before a space, a tab or the line's end.
      const next = text.charCodeAt(i + 1);
      if (next !== next || next === SPACE || next === TAB || next === LF || next === CR) width++;
    }
  }
  if (width > widest) widest = width;
  if (n - lineFrom > LONG_LINE) longLine = true;
  return { nesting: flow + 2 * widest + 4, values, longLine, carriageReturn, unsure, directive, emptyListItem: emptyListItem && !unsure };
}

const NO_CLAUSE = 0;
const EMPTY_LIST_ITEM = 1;
const OTHER_CLAUSE = 2;

/** Which line clause of UNSURE_CLAUSES matches at offset i, whose character is c: emptyListItem, another one, or none. */
function lineClause(text: string, i: number, c: number, lineStart: boolean, endsHeader: (k: number) => boolean, spacesBelow: (k: number) => boolean): number {
  const n = text.length;
  if (lineStart) {
    // directive, documentMarker
    if (c === PERCENT) return OTHER_CLAUSE;
    if ((c === DASH || c === DOT) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c) return OTHER_CLAUSE;
    // emptyListItem: spaces, `-`, spaces, then a comment or the line's end.
    let j = i;
    while (j < n && text.charCodeAt(j) === SPACE) j++;
    if (j < n && text.charCodeAt(j) === DASH) {
      j++;
      while (j < n && text.charCodeAt(j) === SPACE) j++;
      // No other clause starts at a space or a dash, so this one answers for the offset.
      if (j >= n || isTerminator(text.charCodeAt(j)) || text.charCodeAt(j) === HASH) return EMPTY_LIST_ITEM;
    }
  }
  return otherClause(text, i, c, lineStart, endsHeader, spacesBelow) ? OTHER_CLAUSE : NO_CLAUSE;
}

/** Whether a line clause of UNSURE_CLAUSES but those at a line's start matches at offset i, whose character is c. */
function otherClause(text: string, i: number, c: number, lineStart: boolean, endsHeader: (k: number) => boolean, spacesBelow: (k: number) => boolean): boolean {
  const n = text.length;
  const prev = i > 0 ? text.charCodeAt(i - 1) : -1;
  const next = i + 1 < n ? text.charCodeAt(i + 1) : -1;
  switch (c) {
    case TAB:
    case BOM:
      return true;
    case CR:
      return next !== LF;
    case BANG:
      return lineStart || isSpace(prev) || isFlowIndicator(prev) || prev === COLON || prev === QUOTE || prev === APOS;
    case AMP:
    case STAR:
      return (lineStart || isSpace(prev) || isFlowIndicator(prev) || prev === COLON || prev === QUOTE || prev === APOS) && next >= 0 && !isSpace(next) && !isFlowIndicator(next);
    case QUESTION:
      return (lineStart || isSpace(prev) || isFlowIndicator(prev)) && (next < 0 || isSpace(next));
    case RBRACKET:
    case RBRACE: {
      if (next === HASH) return true;
      // collectionKey: `]` or `}`, any white space (line breaks too), `:`.
      let j = i + 1;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      return j < n && text.charCodeAt(j) === COLON;
    }
    case QUOTE:
    case APOS:
    case COMMA:
      return next === HASH;
    case PIPE:
    case GT: {
      // indentationIndicator
      if (isDigit1to9(next)) {
        if (endsHeader(i + 2)) return true;
        const sign = text.charCodeAt(i + 2);
        if ((sign === DASH || sign === PLUS) && endsHeader(i + 3)) return true;
      } else if ((next === DASH || next === PLUS) && isDigit1to9(text.charCodeAt(i + 2)) && endsHeader(i + 3)) {
        return true;
      }
      // spacesLeadingBlockScalar: the header, perhaps a comment, a line break, then lines of spaces.
      let j = i + 1;
      if (next === DASH || next === PLUS) j++;
      while (j < n && text.charCodeAt(j) === SPACE) j++;
      if (j < n && text.charCodeAt(j) === HASH) while (j < n && !isTerminator(text.charCodeAt(j))) j++;
      if (j < n && text.charCodeAt(j) === CR) j++;
      if (!(j < n && text.charCodeAt(j) === LF)) return false;
      return spacesBelow(j + 1);
    }
    default:
      return false;
  }
}
