// Characters that change how text is shown rather than what it says: C0 and
// C1 controls, DEL, line and paragraph separators, and the bidirectional
// marks, embeddings, overrides and isolates ("Trojan Source"), and the
// invisible ones (a zero-width space, a word joiner, a byte-order mark
// inside text), with which two ids that differ look the same. Not the
// zero-width joiner and non-joiner: emoji and scripts such as Persian and
// Hindi need them, and partners write in their languages. Worksheets are
// written by many hands; in a terminal, a CI log, a Markdown or HTML page such
// a character could end a line early (and start a forged finding or a
// workflow command), recolour the screen, or show text in an order other than
// the one it has. Every output made from worksheet text shows them as `\uXXXX`.

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u2028\u2029\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS_BUT_WHITESPACE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u2028\u2029\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;

function shown(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The text on one line, every control and bidi character written as `\uXXXX`
 * (tabs and line breaks included). For line-based output: the CLI's text
 * format, GitHub annotations, messages on stderr.
 */
export function oneLine(s: string): string {
  return s.replace(CONTROLS, shown);
}

/** As oneLine, but tabs and line feeds stay: for HTML, where they are only spacing. */
export function visibleControls(s: string): string {
  return s.replace(CONTROLS_BUT_WHITESPACE, shown);
}
