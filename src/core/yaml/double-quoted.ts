// A double-quoted scalar's value, worked out as the `yaml` package works it
// out, for the line reader (light-tree.ts). Tools write double quotes with
// escapes: PyYAML and the `yaml` package's own stringify put a note that
// holds a line break as "...\n..." and wrap it over several lines when it is
// long, ending a line with `\` where a space must not be lost. Until the
// reader worked these out, js-yaml read the data of one-line ones and every
// wrapped one went to the full parse, several times the cost of the check.
//
// The rules, from the YAML 1.2 spec as the `yaml` package applies them:
// - an escape stands for its character (\n, \t, \", \\, \xXX, \uXXXX, ...);
// - a line break is folded: white space before it is dropped (unless
//   escaped), white space after it too, and one break reads as a space,
//   each further break (an empty line) as a line break;
// - `\` ending a line joins it to the next without a space, whose leading
//   white space is dropped.
// An escape the `yaml` package reports (`\q`, a short `\x4`, a code point
// past U+10FFFF) gives undefined: the full parse then words the finding.

/** One-character escapes (a tab sends the text to the full parse before this, but `\` and a tab is one too). */
const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  '\t': '\t',
};

const HEX = /^[0-9a-fA-F]+$/;

/**
 * The value of the double-quoted scalar `source` (both quotes included; its
 * lines end in line feeds alone), or undefined for an escape the `yaml`
 * package reports.
 */
export function doubleQuotedValue(source: string): string | undefined {
  const last = source.length - 1;
  let value = '';
  // Runs of characters that stand for themselves are copied in one slice.
  let from = 1;
  for (let i = 1; i < last; i++) {
    const c = source.charCodeAt(i);
    if (c !== 0x5c /* \ */ && c !== 0x0a /* LF */ && c !== 0x20 && c !== 0x09) continue;
    value += source.slice(from, i);
    if (c === 0x0a) {
      // A line break: the white space after it goes, and each further break is kept.
      let breaks = '';
      while (i + 1 < last) {
        const n = source.charCodeAt(i + 1);
        if (n === 0x0a) breaks += '\n';
        else if (n !== 0x20 && n !== 0x09) break;
        i++;
      }
      value += breaks || ' ';
    } else if (c === 0x5c) {
      const next = source[++i];
      const escaped = ESCAPES[next];
      if (escaped !== undefined) {
        value += escaped;
      } else if (next === '\n') {
        // An escaped line break joins the lines; the next one's leading white space goes.
        while (i + 1 < last && (source.charCodeAt(i + 1) === 0x20 || source.charCodeAt(i + 1) === 0x09)) i++;
      } else if (next === 'x' || next === 'u' || next === 'U') {
        const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const digits = source.slice(i + 1, i + 1 + length);
        if (digits.length !== length || !HEX.test(digits)) return undefined;
        const code = parseInt(digits, 16);
        if (code > 0x10ffff) return undefined;
        value += String.fromCodePoint(code);
        i += length;
      } else {
        return undefined;
      }
    } else {
      // White space: kept, unless a line break follows it.
      let end = i;
      while (end + 1 < last && (source.charCodeAt(end + 1) === 0x20 || source.charCodeAt(end + 1) === 0x09)) end++;
      if (end + 1 >= last || source.charCodeAt(end + 1) !== 0x0a) value += source.slice(i, end + 1);
      i = end;
    }
    from = i + 1;
  }
  return value + source.slice(from, last);
}
