// How deeply a YAML text nests, estimated from its indentation, sequence dashes
// and flow brackets, before any parser sees it. The parser, the schema check
// and the rules all recurse once per level; a hostile file 500 levels deep
// would exhaust the stack of a web worker (vscode.dev) while Node copes, and
// the same file must get the same finding everywhere. The scan reads quotes,
// comments and block scalars as YAML does, so it can neither be evaded (a
// `'` inside a plain scalar, as in `rock 'n roll`, opens no quote) nor
// misfire (brackets in a `|` note are text).

/** Worksheets nest five or six levels; nothing legitimate comes near this. */
export const MAX_NESTING = 100;

/** The offset where the text first nests deeper than `max` levels, or undefined. */
export function excessiveNesting(text: string, max = MAX_NESTING): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let quote: '"' | "'" | undefined;
  // Inside a `|` or `>` block scalar: lines indented deeper than its key's line are text, whatever they hold.
  let blockParent: number | undefined;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let end = text.indexOf('\n', lineStart);
    if (end < 0) end = text.length;
    let i = lineStart;
    if (blockParent !== undefined && flow === 0 && quote === undefined) {
      while (i < end && text[i] === ' ') i++;
      if (i >= end || text[i] === '\r' || i - lineStart > blockParent) {
        lineStart = end + 1;
        continue;
      }
      blockParent = undefined;
      i = lineStart;
    }
    const lineIndent = (() => { let k = lineStart; while (k < end && text[k] === ' ') k++; return k - lineStart; })();
    const blockContext = flow === 0 && quote === undefined;
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
    // The last character before the spaces: a quote opens a scalar only where a scalar can start.
    let lastMark = '\n';
    for (let k = i - 1; k >= lineStart; k--) {
      if (text[k] !== ' ' && text[k] !== '\t') {
        lastMark = text[k];
        break;
      }
    }
    let contentEnd = end;
    for (; i < end; i++) {
      const c = text[i];
      if (quote === '"') {
        if (c === '\\') i++;
        else if (c === '"') quote = undefined;
      } else if (quote === "'") {
        if (c === "'" && text[i + 1] === "'") i++; // '' is a quote inside the string
        else if (c === "'") quote = undefined;
      } else if (c === '#' && (prev === ' ' || prev === '\t' || i === lineStart)) {
        contentEnd = i;
        break; // a comment runs to the end of the line
      } else if ((c === '"' || c === "'") && (lastMark === '\n' || (/[\s]/.test(prev) && /[:\-?]/.test(lastMark)) || (flow > 0 && /[,[{]/.test(lastMark)))) {
        // `[rock 'n roll]` holds no quote: after a letter and a space, ' is text of a plain scalar.
        quote = c;
      } else if (c === '[' || c === '{') {
        flow++;
        if (indents.length + flow > max) return i;
      } else if ((c === ']' || c === '}') && flow > 0) {
        flow--;
      }
      prev = c;
      if (c !== ' ' && c !== '\t') lastMark = c;
    }
    // A block scalar header (`key: |`, `- >-`) ends the line: its text follows, indented deeper.
    if (blockContext && flow === 0 && quote === undefined && /(^|[\s:?-])[|>][-+1-9]{0,2}[ \t]*\r?$/.test(text.slice(lineStart, contentEnd))) blockParent = lineIndent;
    lineStart = end + 1;
  }
  return undefined;
}
