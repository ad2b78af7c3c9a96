// Two counts that can only overestimate, taken in one pass over a text before
// any parse: how deeply it can nest, and how many values it can hold. Most
// texts are far below both limits, which then need no closer look (nesting.ts,
// breadth.ts). The refusals before the parse and the quick read both ask for
// them, so the counts of the last text are kept.

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
}

let last: { text: string; bounds: TextBounds } | undefined;

export function textBounds(text: string): TextBounds {
  if (last?.text === text) return last.bounds;
  let flow = 0;
  let widest = 0;
  let width = 0;
  let leading = true;
  let values = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      values++;
      if (width > widest) widest = width;
      width = 0;
      leading = true;
      continue;
    }
    if (c === 32 || c === 9) {
      if (leading) width++;
      continue;
    }
    leading = false;
    if (c === 91 || c === 123) {
      // [ {
      flow++;
      values++;
    } else if (c === 44 || c === 34 || c === 39) {
      values++; // , and quotes: quoted scalars may follow one another with nothing between in a broken text
    } else if (c === 45 || c === 63 || c === 58) {
      values++;
      // - ? : are indicators (a level) only before a space, a tab or the line's end.
      const next = text.charCodeAt(i + 1);
      if (next !== next || next === 32 || next === 9 || next === 10 || next === 13) width++;
    }
  }
  if (width > widest) widest = width;
  const bounds = { nesting: flow + 2 * widest + 4, values };
  last = { text, bounds };
  return bounds;
}
