// How many values a text holds, before the parse builds them. Every value
// costs the `yaml` package a token, a CST node, a Document node and a
// JavaScript value, then the schema check and the rules walk it: a 700 KB
// worksheet of 90,000 one-word notes took seconds and half a gigabyte to end
// in one finding ("more than 200 items"). Refusing such a file before the
// parse keeps the cost of any file under the size limit to one lexer pass.
import { Lexer } from 'yaml';
import { textBounds } from './bounds';

/** A worksheet holds a few dozen values, a full one a few hundred; nothing real comes near this. */
export const MAX_VALUES = 5_000;

/** The offset of the first value past `max`, or undefined when the text holds no more than `max`. */
export function excessiveValues(text: string, max = MAX_VALUES): number | undefined {
  if (valueBound(text) <= max) return undefined;
  let count = 0;
  let offset = 0;
  for (const lexeme of new Lexer().lex(text)) {
    // A plain or block scalar follows the lexer's scalar mark; a quoted one starts with its quote.
    if (lexeme === '\u001f' || lexeme[0] === '"' || lexeme[0] === "'") {
      count++;
      if (count > max) return offset;
    }
    // The lexer's marks (document, scalar, end of a broken flow collection) stand for no text.
    if (lexeme !== '\u0002' && lexeme !== '\u001f' && lexeme !== '\u0018') offset += lexeme.length;
  }
  return undefined;
}

/** A count no text's values can exceed (see bounds.ts). */
export function valueBound(text: string): number {
  return textBounds(text).values;
}
