// Worksheet text shown as Markdown that VS Code renders at once (hovers,
// tooltips). Worksheets are written by many hands, and none of their text may
// become a link, an image, emphasis, HTML or a `$(icon)`, let alone a command
// link. The exported review escapes less, to stay readable as plain text
// (summary/render-markdown.ts).
import { oneLine } from './visible';

/**
 * Every punctuation character Markdown could read as syntax is
 * backslash-escaped (links, images, emphasis, HTML, `$(icon)`, bare-URL
 * autolinks), and line breaks are folded so a value cannot start a heading or
 * a code block.
 */
export function inertMarkdown(s: string): string {
  return oneLine(s.replace(/\s+/g, ' ').trim()).replace(/[\\`*_{}[\]()#+\-.!|<>~&=:$"'@]/g, (c) => `\\${c}`);
}
