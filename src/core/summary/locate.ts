// Lines of keys and list items in an indexed document, for the review's links.
// The index keeps the lines of worksheet notes from its own parse (used first);
// the rest (a next step's due date, a follow-up, a review's commitments) it
// does not keep, and parsing every file of a round again would cost the
// summary as much as indexing did. So they are found by searching the text, in
// document order, for the keys and the items' own words. Where the text does
// not hold them verbatim (escaped or folded strings), the file is parsed once
// and the parser's node ranges answer.
import { YamlView, parseFile } from '../yaml';
import type { YamlPath } from '../yaml';

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class SourceLines {
  private starts: number[] | undefined;
  private view: YamlView | undefined;

  constructor(private readonly uri: string, private readonly text: string) {}

  /** 1-based line of a character offset. */
  lineAt(offset: number): number {
    if (!this.starts) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
    }
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /**
   * Offset of the last key of `keys`, each searched after the one before: the
   * first at the start of a line (a top-level key), the others indented on a
   * line of their own or inside a flow map.
   */
  keyOffset(keys: readonly string[]): number | undefined {
    let at = 0;
    for (let k = 0; k < keys.length; k++) {
      const key = escapeRe(keys[k]);
      const patterns = k === 0 ? [`^["']?${key}["']?[ \\t]*:`] : [`^[ \\t]+["']?${key}["']?[ \\t]*:`, `[{,][ \\t]*["']?${key}["']?[ \\t]*:`];
      let found: number | undefined;
      for (const p of patterns) {
        const re = new RegExp(p, 'gm');
        re.lastIndex = at;
        const m = re.exec(this.text);
        if (m) {
          found = m.index + m[0].length - m[0].trimStart().length;
          break;
        }
      }
      if (found === undefined) return undefined;
      at = found;
    }
    return at;
  }

  /** 1-based line of a key path, or of the node the parser finds there. */
  keyLine(keys: readonly string[]): number {
    const at = this.keyOffset(keys);
    return at === undefined ? this.parsedLine(keys) : this.lineAt(at);
  }

  /**
   * 1-based lines of the items of a list of notes, from their texts in order
   * (undefined for items without text). Each text is searched after the one
   * before, so repeated words land on the right item.
   */
  itemLines(keys: readonly string[], texts: readonly (string | undefined)[]): number[] {
    const listAt = this.keyOffset(keys);
    let at = listAt ?? 0;
    const fallback = listAt === undefined ? 1 : this.lineAt(listAt);
    return texts.map((t, i) => {
      if (!t || listAt === undefined) return listAt === undefined ? this.parsedLine([...keys, i]) : fallback;
      for (const needle of [t.slice(0, 60), t.slice(0, 16)]) {
        const found = this.text.indexOf(needle, at);
        if (found >= 0) {
          at = found + needle.length;
          return this.lineAt(found);
        }
      }
      return this.parsedLine([...keys, i]);
    });
  }

  /** The parser's answer, for the rare text the search cannot find; one parse per file. */
  private parsedLine(path: YamlPath): number {
    this.view ??= new YamlView(parseFile(this.uri, this.text));
    const range = this.view.rangeOfNode(this.view.node(path));
    if (range) return range.start.line + 1;
    // The nearest ancestor that exists.
    return path.length > 1 ? this.parsedLine(path.slice(0, -1)) : 1;
  }
}
