// Positions in a YAML text: the tree of node offsets that every finding's
// range is made from, the paths that address nodes, and the conversions
// between offsets and zero-based line/character positions. Both readers (the
// light one and the full parse) build this same tree; nothing here parses.
import { LineCounter } from 'yaml';
import type { Range } from '../types';

export type PathSegment = string | number;
export type YamlPath = readonly PathSegment[];

/**
 * A node's place in the text, as the `yaml` package gives it: `range` is
 * [start, end of the value]; a block collection ends after its last line's
 * line break.
 */
export type PosNode = PosScalar | PosMap | PosSeq;

export interface PosScalar {
  kind: 'scalar';
  range: [number, number];
}

export interface PosMap {
  kind: 'map';
  range: [number, number];
  flow: boolean;
  pairs: PosPair[];
}

export interface PosSeq {
  kind: 'seq';
  range: [number, number];
  flow: boolean;
  items: (PosNode | undefined)[];
}

export interface PosPair {
  /** Undefined for a pair without a key node. */
  key: PosNode | undefined;
  /** What paths are matched against: a scalar key's value, else the key node of the `yaml` package. */
  keyValue: unknown;
  /** Undefined for a flow map entry without a value (`{a}`). */
  value: PosNode | undefined;
}

export const ZERO_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Whether two ranges cover the same characters (a VS Code range is one too). */
export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character
    && a.end.line === b.end.line && a.end.character === b.end.character;
}

export function toRange(lines: LineCounter, start: number, end: number): Range {
  const a = lines.linePos(start);
  const b = lines.linePos(Math.max(start, end));
  return { start: { line: a.line - 1, character: a.col - 1 }, end: { line: b.line - 1, character: b.col - 1 } };
}

/** A LineCounter for `text`, made from its line breaks alone, without a parse. */
export function linesOf(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  return lines;
}

export function offsetAt(lines: LineCounter, line: number, character: number): number {
  const starts = lines.lineStarts;
  if (line >= starts.length) return Number.MAX_SAFE_INTEGER;
  return starts[line] + character;
}
