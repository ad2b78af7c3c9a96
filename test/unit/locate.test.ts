// One way to find where the cursor is (src/core/language/locate.ts), for
// completion and hover. It reads text that may not parse, so it is checked
// two ways: where the text parses, against the `yaml` package's nodes at
// every offset of every key and value; where it does not (as while typing),
// on the cases completion meets, and on random edits, where it must never
// throw and always answer about the cursor.
import assert from 'node:assert/strict';
import { relative } from 'node:path';
import fc from 'fast-check';
import { locate } from '../../src/core/language/locate';
import { parseFull, withLineEnds } from '../../src/core/yaml';
import type { PathSegment, PosNode } from '../../src/core/yaml';
import { readLight } from '../../src/core/yaml/light-tree';
import { CONFIG, CONVENING, REVIEW, WORKSHEET } from './helpers';
import { EXAMPLES, FIXTURES, applyTextEdit, corpus, read, seeds, textEdits } from './yaml-seeds';

/** A key or scalar value of the parse, with its path and what it holds. */
interface Leaf { path: PathSegment[]; on: 'key' | 'value'; range: [number, number]; value: unknown }

function leaves(node: PosNode | undefined, data: unknown, path: PathSegment[] = [], out: Leaf[] = []): Leaf[] {
  if (!node) return out;
  if (node.kind === 'scalar') {
    out.push({ path, on: 'value', range: node.range, value: data });
  } else if (node.kind === 'seq') {
    node.items.forEach((item, i) => leaves(item, (data as unknown[])[i], [...path, i], out));
  } else {
    for (const pair of node.pairs) {
      const key = String(pair.keyValue);
      if (pair.key) out.push({ path: [...path, key], on: 'key', range: pair.key.range, value: key });
      leaves(pair.value, (data as Record<string, unknown>)[key], [...path, key], out);
    }
  }
  return out;
}

/**
 * Every offset of a node: its end too (the cursor right after a word is on
 * it), but not past a line break it ends with. In a node longer than a line
 * can be (the hostile 200,000-character value), its ends and middle.
 */
function offsetsOf([start, end]: [number, number], text: string): number[] {
  const last = end > start && text[end - 1] === '\n' ? end - 1 : end;
  if (last - start > 5000) return [start, start + 1, (start + last) >> 1, last - 1, last];
  return Array.from({ length: last - start + 1 }, (_, k) => start + k);
}

/**
 * A word alone on its line where a key could go (under an empty key, or as
 * an item of a list of maps) is, to the parse, a value; locate reads it as a
 * key being typed, on purpose: that is what it almost always is.
 */
function loneWord(text: string, leaf: Leaf): string | undefined {
  if (leaf.on !== 'value') return undefined;
  const lineStart = text.lastIndexOf('\n', leaf.range[0] - 1) + 1;
  const lineEnd = text.indexOf('\n', leaf.range[0]);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).replace(/\r$/, '');
  const m = /^[ ]*(?:-[ ]+)?([^\s:#,[\]{}"'|>&*!%@`-][^\s:#,[\]{}]*)[ ]*$/.exec(line);
  return m && lineStart + line.indexOf(m[1]) === leaf.range[0] ? m[1] : undefined;
}

/**
 * An empty line inside a `|` or `>` note, or inside a plain note wrapped over
 * several lines, is, to the parse, part of the note; locate reads the cursor
 * there as where a new key goes, on purpose: left of the note's text, that is
 * what someone typing there means (locate.ts). Inside quotes it is the note's.
 */
function blankLineInNote(text: string, leaf: Leaf, offset: number): boolean {
  if (leaf.on !== 'value' || /^["']/.test(text.slice(leaf.range[0]))) return false;
  const atLineStart = offset > 0 && text[offset - 1] === '\n';
  return atLineStart && (text[offset] === '\n' || text.startsWith('\r\n', offset));
}

/**
 * An empty list item (a `-` alone on its line) is, to the parse, a null
 * value; locate reads the cursor right after the dash as where the item's
 * first key goes, on purpose, as with a lone word: that is what someone
 * typing there means. (The line reader reads such items since it reads a
 * map below a dash alone, as js-yaml writes them, so the random edits meet it.)
 */
function emptyItem(text: string, leaf: Leaf, offset: number): boolean {
  if (leaf.on !== 'value' || leaf.value !== null || leaf.range[0] !== leaf.range[1]) return false;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ ]*-[ ]*$/.test(text.slice(lineStart, offset));
}

/** Where locate and the parse part at some offset of `text`, if anywhere. */
function disagreement(text: string): string | undefined {
  const full = parseFull('/t/a.yaml', text);
  assert.equal(full.findings.length, 0, 'the text parses');
  for (const leaf of leaves(full.tree, full.data)) {
    for (const offset of offsetsOf(leaf.range, text)) {
      const c = locate(text, offset);
      const got = { path: c.path, on: c.on, range: c.range };
      const want = { path: leaf.path, on: leaf.on, range: leaf.range };
      const word = loneWord(text, leaf);
      if (word && c.on === 'key' && JSON.stringify(c.path) === JSON.stringify([...leaf.path, word])) continue;
      if (c.on === 'key' && blankLineInNote(text, leaf, offset)) continue;
      if (c.on === 'key' && c.prefix === '' && emptyItem(text, leaf, offset)) continue;
      try {
        assert.deepStrictEqual(got, want);
        // A block scalar's value is its text, for hover; the rest are read as YAML reads them.
        if (!/^[|>]/.test(text.slice(leaf.range[0])) && leaf.range[1] > leaf.range[0]) assert.deepStrictEqual(c.value, leaf.value);
        assert.equal(c.prefix, text.slice(leaf.range[0], offset));
      } catch {
        return `at ${offset} (${JSON.stringify(text.slice(offset - 12, offset))}|${JSON.stringify(text.slice(offset, offset + 12))}): ${JSON.stringify({ ...got, value: c.value, prefix: c.prefix })} but the parse has ${JSON.stringify({ ...want, value: leaf.value })}`;
      }
    }
  }
  return undefined;
}

// Pieces of the YAML worksheets are written in, for random edits.
const PIECES = [' ', '  ', '\n', '\n  ', '\n    ', ':', ': ', '- ', '-', '#', ' # c', '"', "'", '[', ']', '{', '}', ', ', '|', '>', '|-', '>+', 'x', 'key: v', '\n- ', '"q"', "'q'", '[a, b]', '{a: 1}', '---', '\r\n', '\\'];
const edit = fc.oneof(...textEdits({ pieces: PIECES, deleteMax: 6, indentCount: 5, indentBy: 3 }));
const SEEDS = seeds(3);

describe('locate, where the text parses', () => {
  it('agrees with the parse at every offset of every key and value of the examples and the contract', () => {
    for (const path of EXAMPLES) assert.equal(disagreement(read(path)), undefined, relative('.', path));
    for (const [name, text] of Object.entries({ WORKSHEET, CONVENING, REVIEW, CONFIG })) assert.equal(disagreement(text), undefined, name);
  });

  it('agrees on the fixtures that parse (carriage returns, a byte order mark, odd keys) and on benchmark-corpus worksheets', () => {
    for (const path of FIXTURES) {
      // The editor hands locate its own text: a file whose lines end in a carriage return alone has them as line feeds there.
      const text = withLineEnds(read(path));
      if (parseFull(path, text).findings.length === 0) assert.equal(disagreement(text), undefined, relative('.', path));
    }
    for (const text of corpus(20, 11)) assert.equal(disagreement(text), undefined, text);
  });

  it('agrees on lists at their key\'s column, nested lists, quoted keys and a document that is one list', () => {
    for (const text of [
      'partners:\n- id: a\n  roles: [member, advisory]\n- {id: b}\nstatus: held\n',
      'a:\n  - - x\n    - y\n  - - z\nb: "q: r"\n"quoted key": \'it\'\'s\'\n',
      '- a\n- b: c\n  d: [e, {f: g}]\n',
      // A `:` before a letter starts a plain key; after a quoted key it separates (found by the random edits).
      'challenges: [{:text: We offer a room, themes: [x]}]\nb: {"k":v, x:y: z}\n',
      // An empty line inside a note, before a line indented deeper (found by the random edits).
      'notes:\n  success_in_their_words: |\n    As they wrote it:\n\n      [[[[\n    and the rest.\n  values: [Teens decide]\n',
      // An empty line inside a wrapped note, plain or quoted, is a line break (found by the random edits).
      'notes:\n  success_in_their_words: As they wrote it,\n\n    and the rest.\n  values: [Teens decide]\n',
      'notes:\n  success_in_their_words: "As they wrote it,\n\n\n    and the rest."\n',
      // Maps below a dash alone (js-yaml with an indent of 4), empty items, a value below its key, an empty one with a comment.
      'people:\n    -\n        name: Dana\n        role: Director\n    -\n    - x\n', '-\n', 'notes:\n  success_in_their_words:\n    "Teens show\\nand are paid"\n  correction:   # if they corrected us\n',
    ]) assert.equal(disagreement(text), undefined, text);
  });

  it('agrees on random edits of real files, wherever the light reader reads them (the YAML worksheets are written in)', () => {
    let checked = 0;
    fc.assert(fc.property(fc.constantFrom(...SEEDS), fc.array(edit, { minLength: 1, maxLength: 3 }), (seed, edits) => {
      const text = edits.reduce(applyTextEdit, seed);
      if (!readLight(text)) return;
      checked++;
      assert.equal(disagreement(text), undefined, JSON.stringify(text));
    }), { numRuns: 300 });
    assert.ok(checked > 50, `only ${checked} edited texts were read`);
  });
});

/** Where the cursor marked `‸` is. */
function where(marked: string) {
  const i = marked.indexOf('‸');
  return locate(marked.slice(0, i) + marked.slice(i + 1), i);
}

describe('locate, while typing', () => {
  it('a key being typed: its map from the indentation, what is typed, and the keys already there', () => {
    const c = where('kind: worksheet\nmeeting:\n  date: 2026-10-14\n  dur‸\n  medium: video\nnotes: {}\n');
    assert.deepEqual([c.on, c.path, c.prefix, c.siblings], ['key', ['meeting', 'dur'], 'dur', ['date', 'medium']]);
    // A blank line: the column says which map.
    assert.deepEqual(where('meeting:\n  date: 2026-10-14\n  ‸\nthanked: true\n').path, ['meeting', '']);
    assert.deepEqual(where('meeting:\n  date: 2026-10-14\n‸\nthanked: true\n').siblings, ['meeting', 'thanked']);
    // Under an empty key, a word is a new map's first key.
    assert.deepEqual([where('next_step:\n  ow‸').on, where('next_step:\n  ow‸').path], ['key', ['next_step', 'ow']]);
  });

  it('a value: after the colon, in a block list, inside an unclosed flow list, in a flow map in a list item', () => {
    assert.deepEqual([where('status: he‸').on, where('status: he‸').path, where('status: he‸').prefix], ['value', ['status'], 'he']);
    const item = where('meeting:\n  our_attendees:\n    - sam\n    - ‸');
    assert.deepEqual([item.on, item.path, item.inList], ['value', ['meeting', 'our_attendees', 1], true]);
    const flow = where('partners:\n  - {id: a}\nvision_setting:\n  sessions:\n    - date: 2026-11-02\n      partners_present: [riverside-youth, e‸\n      notes: x\n');
    assert.deepEqual([flow.on, flow.path, flow.prefix, flow.inList, flow.flow], ['value', ['vision_setting', 'sessions', 0, 'partners_present', 1], 'e', true, true]);
    const inMap = where('kind: convening\npartners:\n  - {id: a}\n  - {id: r‸');
    assert.deepEqual([inMap.on, inMap.path, inMap.prefix], ['value', ['partners', 1, 'id'], 'r']);
  });

  it('a new item of a list of maps starts with a key; of a list of words, with a value', () => {
    const maps = where('partners:\n  - id: a\n    roles: [member]\n  - ‸');
    assert.deepEqual([maps.on, maps.path], ['key', ['partners', 1, '']]);
    const typed = where('partners:\n  - id: a\n  - ro‸');
    assert.deepEqual([typed.on, typed.path, typed.prefix], ['key', ['partners', 1, 'ro'], 'ro']);
    const words = where('trends:\n  - Space is short\n  - ‸');
    assert.deepEqual([words.on, words.path, words.inList], ['value', ['trends', 1], true]);
  });

  it('a key in a flow map, with the other keys of that map', () => {
    const c = where('after: {filled_on: 2026-05-21, sh‸, shared_with: [ana]}\n');
    assert.deepEqual([c.on, c.path, c.prefix, c.flow, c.siblings], ['key', ['after', 'sh'], 'sh', true, ['filled_on', 'shared_with']]);
  });

  it('the space after a value is still on it; a comment is nothing; a note over several lines is one value', () => {
    const after = where('status: held  ‸\n');
    assert.deepEqual([after.path, after.prefix, after.range], [['status'], 'held  ', [8, 12]]);
    assert.equal(where('status: held # he‸\n').comment, true);
    assert.equal(where('# a comment‸\nstatus: held\n').comment, true);
    const note = where('notes:\n  success_in_their_words: |\n    Teens show\n    their wo‸rk.\n  values: []\n');
    assert.deepEqual([note.on, note.path, note.range], ['value', ['notes', 'success_in_their_words'], [33, 66]]);
    // Below a block scalar, left of its text: a new key of the map.
    assert.deepEqual(where('notes:\n  success_in_their_words: |\n    Teens show\n  ‸\n').path, ['notes', '']);
  });

  it('reads a text that does not parse as far as it can: an unclosed quote, a tab, a bad indent', () => {
    assert.deepEqual(where('confirmation:\n  statement: "Success lo‸\n  response: corrected\n').path, ['confirmation', 'statement']);
    assert.deepEqual(where('confirmation:\n  statement: "Success\n  response: corr‸\n').path, ['confirmation', 'response']);
    assert.deepEqual(where('meeting:\n\tdate: x\n  medium: video\nstatus: he‸').path, ['status']);
    assert.deepEqual(where('meeting:\n    date: x\n  medium: vi‸').path, ['meeting', 'medium']);
    // An escape past the last code point stays as written.
    assert.equal(where('note: "\\UFFFFFFFF‸"').value, '\\UFFFFFFFF');
  });
});

describe('locate, on random edits', () => {
  it('never throws, and always answers about the cursor: its range starts at or before it, and the prefix runs from there', () => {
    fc.assert(fc.property(fc.constantFrom(...SEEDS), fc.array(edit, { minLength: 1, maxLength: 4 }), fc.nat(), (seed, edits, n) => {
      const text = edits.reduce(applyTextEdit, seed);
      const offset = n % (text.length + 1);
      const c = locate(text, offset);
      assert.ok(c.range[0] <= offset && c.range[0] <= c.range[1], JSON.stringify(c));
      assert.equal(c.prefix, text.slice(c.range[0], offset));
    }), { numRuns: 3000 });
  });
});
