// How deeply a YAML text nests, before anything that recurses sees it. The
// composer of the `yaml` package, js-yaml, the schema check and the rules all
// recurse once per level; a hostile file 500 levels deep would exhaust the
// stack of a web worker (vscode.dev) while Node copes, and the same file must
// get the same finding everywhere.
//
// The depth is measured by the `yaml` package's own lexer and CST parser,
// which keep their state in a stack rather than recursing, so quotes,
// comments, block scalars and plain scalars over several lines are read as
// YAML reads them: the guard can neither be evaded (`[rock 'n roll]` opens no
// quote) nor misfire (brackets in a `|` note, or on the continuation line of
// a plain value, are text). An earlier character scanner guessed at those
// rules and got both wrong.
//
// Most files cannot come near the limit, and for them a one-pass count that
// can only overestimate the depth is enough; the tokens are read only when
// that count reaches the limit.
import { Lexer } from 'yaml';
import { textBounds } from './bounds';
import { withParser } from './plain-env';
import type { CST } from 'yaml';

type Token = CST.Token;

/** Worksheets nest five or six levels; nothing legitimate comes near this. */
export const MAX_NESTING = 100;

/** The offset where the text first nests deeper than `max` levels, or undefined. */
export function excessiveNesting(text: string, max = MAX_NESTING): number | undefined {
  if (nestingBound(text) <= max) return undefined;
  return withParser((parser) => {
    for (const lexeme of new Lexer().lex(text)) {
      const at = parser.offset;
      // The parser hands back each finished document; only its open stack matters here.
      for (const _ of parser.next(lexeme)) void _;
      if (openLevels(parser.stack) > max) return at;
    }
    return undefined;
  });
}

/** The collections open on the parser's stack: below them the document, above them perhaps the scalar being read. */
export function openLevels(stack: readonly Token[]): number {
  const top = stack[stack.length - 1];
  const collection = top?.type === 'block-map' || top?.type === 'block-seq' || top?.type === 'flow-collection';
  return Math.max(0, stack.length - 1 - (collection ? 0 : 1));
}

/** A depth no text can exceed (see bounds.ts). */
export function nestingBound(text: string): number {
  return textBounds(text).nesting;
}
