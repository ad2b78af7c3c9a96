// How deeply a YAML text nests, estimated from its indentation, sequence dashes
// and flow brackets, before any parser sees it. The parser, the schema check
// and the rules all recurse once per level; a hostile file 500 levels deep
// would exhaust the stack of a web worker (vscode.dev) while Node copes, and
// the same file must get the same finding everywhere.

/** Worksheets nest five or six levels; nothing legitimate comes near this. */
export const MAX_NESTING = 100;

/** The offset where the text first nests deeper than `max` levels, or undefined. */
export function excessiveNesting(text: string, max = MAX_NESTING): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let quote: '"' | "'" | undefined;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let end = text.indexOf('\n', lineStart);
    if (end < 0) end = text.length;
    let i = lineStart;
    if (flow === 0 && quote === undefined) {
      // Block context: a deeper indentation opens a level, and so does each `- ` that starts a line's content.
      while (i < end && text[i] === ' ') i++;
      const indent = i - lineStart;
      const blank = i >= end || text[i] === '#' || text[i] === '\r';
      if (!blank) {
        while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
        indents.push(indent);
        let dashes = 0;
        while (text[i] === '-' && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
          dashes++;
          i += 2;
          while (text[i] === ' ') i++;
        }
        if (indents.length + dashes > max) return lineStart;
      }
    }
    let prev = i > lineStart ? text[i - 1] : ' ';
    for (; i < end; i++) {
      const c = text[i];
      if (quote === '"') {
        if (c === '\\') i++;
        else if (c === '"') quote = undefined;
      } else if (quote === "'") {
        if (c === "'" && text[i + 1] === "'") i++; // '' is a quote inside the string
        else if (c === "'") quote = undefined;
      } else if (c === '#' && (prev === ' ' || prev === '\t' || i === lineStart)) {
        break; // a comment runs to the end of the line
      } else if ((c === '"' || c === "'") && /[\s:,[{\-?]/.test(prev)) {
        quote = c;
      } else if (c === '[' || c === '{') {
        flow++;
        if (indents.length + flow > max) return i;
      } else if ((c === ']' || c === '}') && flow > 0) {
        flow--;
      }
      prev = c;
    }
    lineStart = end + 1;
  }
  return undefined;
}
