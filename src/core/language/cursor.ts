// Where the cursor is in a YAML block document that is being typed and may not
// parse yet: the chain of parent keys (from indentation), and whether a key or
// a value is being written. Completion needs this while the text is broken, so
// it reads lines rather than a syntax tree.

export interface CursorContext {
  /** Path of the block the cursor is in; list items appear as 0. */
  path: (string | number)[];
  /** `key`: a key is being typed in the block at `path`; `value`: the value of `path`'s last key. */
  position: 'key' | 'value';
  /** The word typed so far (replaced by the completion). */
  prefix: string;
  /** Keys already present in the block (key position only). */
  siblings: string[];
  /** Indentation of the line's key, for multi-line inserts. */
  indent: number;
  /** The value is an item of a list (a `- ` item or inside `[...]`). */
  inList: boolean;
}

const KEY_LINE = /^(\s*)(-\s+)?("[^"]*"|'[^']*'|[^\s#:'"][^:#]*?):(\s|$)/;

interface LineKey { indent: number; key: string; dash: boolean; dashIndent: number }

function keyOf(line: string): LineKey | undefined {
  const m = KEY_LINE.exec(line);
  if (!m) return undefined;
  const dash = m[2] !== undefined;
  return { indent: m[1].length + (m[2]?.length ?? 0), key: m[3].replace(/^["']|["']$/g, ''), dash, dashIndent: m[1].length };
}

function isBlank(line: string): boolean {
  return /^\s*(#.*)?$/.test(line);
}

/** Parent path for a line whose content starts at column `indent`. */
function parentPath(lines: string[], lineNo: number, indent: number, dashIndent: number | undefined): (string | number)[] {
  const path: (string | number)[] = [];
  let limit = indent;
  // A list item's own dash sits at dashIndent: its parent key is less indented than the dash.
  if (dashIndent !== undefined) {
    path.unshift(0);
    limit = dashIndent;
  }
  for (let i = lineNo - 1; i >= 0 && limit > 0; i--) {
    const line = lines[i];
    if (isBlank(line)) continue;
    const k = keyOf(line);
    const lineIndent = /^\s*/.exec(line)![0].length;
    if (k && k.dash && k.indent === limit) {
      // An earlier key of the same list item: we are inside that item.
      path.unshift(0);
      limit = k.dashIndent;
    } else if (k && k.indent < limit) {
      path.unshift(k.key);
      if (k.dash) {
        path.unshift(0);
        limit = k.dashIndent;
      } else {
        limit = k.indent;
      }
    } else if (!k && /^\s*-\s/.test(line) && lineIndent < limit) {
      path.unshift(0);
      limit = lineIndent;
    }
  }
  return path;
}

function siblingKeys(lines: string[], lineNo: number, indent: number): string[] {
  const keys: string[] = [];
  const scan = (from: number, step: number) => {
    for (let i = from; i >= 0 && i < lines.length; i += step) {
      const line = lines[i];
      if (isBlank(line)) continue;
      const k = keyOf(line);
      const lineIndent = k ? k.indent : /^\s*(-\s+)?/.exec(line)![0].length;
      if (lineIndent < indent) break;
      if (k && k.indent === indent) {
        keys.push(k.key);
        if (k.dash && step < 0) break; // the first key of this list item
      }
      if (k?.dash && k.indent === indent && step > 0) break; // the next list item
    }
  };
  scan(lineNo - 1, -1);
  scan(lineNo + 1, 1);
  return keys;
}

export function cursorContext(text: string, line: number, character: number): CursorContext {
  const lines = text.split(/\r?\n/);
  const current = lines[line] ?? '';
  const before = current.slice(0, character);

  // A value inside a flow map on this line: `- {id: riv` or `duties: {meetings: jo`
  const flow = /^(\s*)(-\s+)?(?:([^\s#:'"{][^:#{]*?):\s*)?\{(?:[^{}]*,)?\s*([\w-]+):\s*(?:\[([^\]]*,)?\s*)?([^,}\]]*)$/.exec(before);
  if (flow) {
    const dashIndent = flow[2] !== undefined ? flow[1].length : undefined;
    const indent = flow[1].length + (flow[2]?.length ?? 0);
    const path = [...parentPath(lines, line, indent, dashIndent), ...(flow[3] ? [flow[3]] : []), flow[4]];
    const inList = /\[[^\]]*$/.test(before);
    return { path, position: 'value', prefix: flow[6].trimStart(), siblings: [], indent, inList };
  }
  // `key: value` being typed (maybe a flow list `[a, b`)
  const kv = /^(\s*)(-\s+)?([^\s#:'"][^:#]*?):\s+(.*)$/.exec(before) ?? /^(\s*)(-\s+)?([^\s#:'"][^:#]*?):()$/.exec(before);
  if (kv) {
    const dashIndent = kv[2] !== undefined ? kv[1].length : undefined;
    const indent = kv[1].length + (kv[2]?.length ?? 0);
    const path = [...parentPath(lines, line, indent, dashIndent), kv[3]];
    const value = kv[4];
    const open = value.lastIndexOf('[');
    const inFlow = open >= 0 && value.indexOf(']', open) < 0;
    const prefix = inFlow ? value.slice(Math.max(open, value.lastIndexOf(',')) + 1).trimStart() : value.trimStart();
    return { path, position: 'value', prefix, siblings: [], indent, inList: inFlow };
  }
  // `- value` list item of a scalar list
  const item = /^(\s*)-\s+([^:]*)$/.exec(before);
  if (item && lineIsScalarList(lines, line, item[1].length)) {
    const path = parentPath(lines, line, item[1].length + 2, item[1].length);
    return { path: path.slice(0, -1), position: 'value', prefix: item[2], siblings: [], indent: item[1].length, inList: true };
  }
  // a key being typed
  const key = /^(\s*)(-\s+)?([\w-]*)$/.exec(before);
  if (key) {
    const dashIndent = key[2] !== undefined ? key[1].length : undefined;
    const indent = key[1].length + (key[2]?.length ?? 0);
    const path = parentPath(lines, line, indent, dashIndent);
    return { path, position: 'key', prefix: key[3], siblings: siblingKeys(lines, line, indent), indent, inList: false };
  }
  return { path: [], position: 'value', prefix: '', siblings: [], indent: 0, inList: false };
}

/** Whether the `- ` items around this line are plain values rather than blocks of keys. */
function lineIsScalarList(lines: string[], lineNo: number, dashIndent: number): boolean {
  for (const i of [lineNo - 1, lineNo + 1]) {
    const l = lines[i];
    if (l === undefined || isBlank(l)) continue;
    const k = keyOf(l);
    if (k?.dash && k.dashIndent === dashIndent) return false;
  }
  return true;
}
