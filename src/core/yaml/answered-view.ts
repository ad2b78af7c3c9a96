// A worksheet's view for its second check, without its second parse. The
// command line checks each worksheet as it reads it, then, once every file is
// read, runs the cross-file rules again on those whose findings may depend on
// the others (a partner under two names, a lookalike round, no round, a
// meeting written up twice). Those rules ask the view about a few paths only:
// the partner, its id and name, the round, the status, the kind, the
// meeting's date. A view of the first parse records its
// answers for those paths (recordAnswers), a few numbers per path; the second
// check's view (AnsweredView) gives them back, as nodes at the same places.
// Anything else (another path, the pairs of a map, a key's value, an edit)
// is answered from the parse, made on first such question: the answers are a
// shortcut, never a different reading. Where every worksheet is checked again
// (partners renamed at every meeting), the second parse was most of the time
// the check spent after reading.
import type { LineCounter } from 'yaml';
import type { Range } from '../types';
import type { ParsedFile } from './parse';
import type { PosMap, PosNode, PosPair, PosSeq, YamlPath } from './positions';
import { linesOf, toRange } from './positions';
import { YamlView } from './view';

/** The paths the answers cover: what the cross-file rules of a worksheet ask for. */
export const ANSWERED_PATHS: readonly YamlPath[] = [['partner'], ['partner', 'id'], ['partner', 'organization'], ['round'], ['status'], ['kind'], ['meeting', 'date']];

const SLOT_OF = new Map(ANSWERED_PATHS.map((p, i) => [pathKey(p), i]));

function pathKey(path: YamlPath): string {
  return path.join('\u0000');
}

// Each path's answer: what view.pair(path) gave, as offsets. Lines and
// characters are worked out at the second check from the text's line feeds
// (linesOf), which give the parse's lines where the parse broke lines at each
// `\n` and nowhere else (linesAsText): only then are answers kept.
const STATE = 0; // NO_PAIR, PAIR, or UNANSWERED (a key that is no scalar: the parse answers)
const KEY = 1; // key offsets (2)
const VALUE_KIND = 3; // NO_VALUE, SCALAR, MAP, SEQ
const FLOW = 4;
const VALUE = 5; // value offsets (2)
const SLOT = 7;
/** Numbers per worksheet in an AnswerPool. */
const ANSWERS = ANSWERED_PATHS.length * SLOT;

const NO_PAIR = 0;
const PAIR = 1;
const UNANSWERED = 2;
const KINDS = [undefined, 'scalar', 'map', 'seq'] as const;

/**
 * The answers of many worksheets, one after the other in one array: one
 * object for all of them, not one per file for the collector to copy.
 */
export class AnswerPool {
  data = new Int32Array(ANSWERS * 256);
  private used = 0;

  /** Room for one worksheet's answers; returns where they start. */
  take(): number {
    if (this.used + ANSWERS > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const at = this.used;
    this.used += ANSWERS;
    return at;
  }
}

/**
 * Records a view's answers for ANSWERED_PATHS into the pool; returns where
 * they start, or undefined where the parse's lines are not the text's line
 * feeds (no reader of ours breaks lines anywhere else today; should one, its
 * files are parsed again rather than pointed at the wrong line).
 */
export function recordAnswers(view: YamlView, pool: AnswerPool): number | undefined {
  if (!linesAsText(view.file)) return undefined;
  const at0 = pool.take();
  const out = pool.data;
  const root = view.root;
  // The pairs view.pair gives, found in one pass over each map where the key
  // is written as such; a key written loosely (`Round`), or not at all, is
  // left to view.pair itself.
  const top = root ? firstPairs(root, TOP_KEYS) : [];
  const partner = top[0] ?? view.pair(['partner']);
  const inner = partner?.value?.kind === 'map' ? firstPairs(partner.value, PARTNER_KEYS) : [];
  const meeting = top[4];
  const date = meeting?.value?.kind === 'map' ? firstPairs(meeting.value, MEETING_KEYS)[0] : undefined;
  const found = [partner, inner[0], inner[1], top[1], top[2], top[3], date];
  ANSWERED_PATHS.forEach((path, i) => {
    const at = at0 + i * SLOT;
    const pair = found[i] ?? view.pair(path);
    if (!pair) {
      out[at + STATE] = NO_PAIR;
      return;
    }
    if (pair.key?.kind !== 'scalar') {
      out[at + STATE] = UNANSWERED;
      return;
    }
    out[at + STATE] = PAIR;
    out[at + KEY] = pair.key.range[0];
    out[at + KEY + 1] = pair.key.range[1];
    const value = pair.value;
    out[at + VALUE_KIND] = value ? KINDS.indexOf(value.kind) : 0;
    if (value) {
      out[at + FLOW] = value.kind !== 'scalar' && value.flow ? 1 : 0;
      out[at + VALUE] = value.range[0];
      out[at + VALUE + 1] = value.range[1];
    }
  });
  return at0;
}

// The keys of ANSWERED_PATHS in each map, in the order `found` takes them.
const TOP_KEYS = ['partner', 'round', 'status', 'kind', 'meeting'];
const PARTNER_KEYS = ['id', 'organization'];
const MEETING_KEYS = ['date'];

/** For each key, the first pair of the map whose key reads as it (as view.pair's first look), else undefined. */
function firstPairs(map: PosMap, keys: readonly string[]): (PosPair | undefined)[] {
  const out: (PosPair | undefined)[] = new Array<PosPair | undefined>(keys.length).fill(undefined);
  for (const p of map.pairs) {
    const k = p.keyValue;
    if (k == null) continue;
    const i = keys.indexOf(typeof k === 'string' ? k : String(k));
    if (i >= 0 && out[i] === undefined) out[i] = p;
  }
  return out;
}

/** Whether the parse's lines start where the text's `\n` break them (linesOf), and only there. */
function linesAsText(file: ParsedFile): boolean {
  const starts = file.lines.lineStarts;
  if (starts[0] !== 0) return false;
  let line = 1;
  for (let i = file.text.indexOf('\n'); i >= 0; i = file.text.indexOf('\n', i + 1)) {
    if (starts[line++] !== i + 1) return false;
  }
  return line === starts.length;
}

/**
 * A view that answers ANSWERED_PATHS from recorded answers, and everything
 * else from `file`, whose parse it reads on first use only (a file whose
 * tree, lines and data are made when first asked for).
 */
export class AnsweredView extends YamlView {
  /** The nodes made from the answers. */
  private readonly made = new Set<PosNode>();
  private readonly pairs = new Map<number, PosPair | undefined>();
  private textLines: LineCounter | undefined;

  constructor(file: ParsedFile, private readonly answers: Int32Array, private readonly at: number) {
    super(file);
  }

  override node(path: YamlPath): PosNode | undefined {
    const slot = this.slotOf(path);
    return slot === undefined ? super.node(path) : this.pairAt(slot, path)?.value;
  }

  override pair(path: YamlPath): PosPair | undefined {
    const slot = this.slotOf(path);
    return slot === undefined ? super.pair(path) : this.pairAt(slot, path);
  }

  override rangeOfNode(node: PosNode | undefined): Range | undefined {
    if (!node || !this.made.has(node)) return super.rangeOfNode(node);
    this.textLines ??= linesOf(this.file.text);
    return toRange(this.textLines, node.range[0], node.range[1]);
  }

  private slotOf(path: YamlPath): number | undefined {
    const slot = path.length > 0 && path.length <= 2 ? SLOT_OF.get(pathKey(path)) : undefined;
    return slot !== undefined && this.answers[this.at + slot * SLOT + STATE] !== UNANSWERED ? slot : undefined;
  }

  /** The pair the answers give for a path, made once, with the parse's own node for what they do not hold. */
  private pairAt(slot: number, path: YamlPath): PosPair | undefined {
    if (this.pairs.has(slot)) return this.pairs.get(slot);
    const a = this.answers;
    const at = this.at + slot * SLOT;
    let pair: PosPair | undefined;
    if (a[at + STATE] === PAIR) {
      const key: PosNode = { kind: 'scalar', range: [a[at + KEY], a[at + KEY + 1]] };
      this.made.add(key);
      const value = this.valueAt(at, path);
      // The key's value as the parse read it (a number, a quoted key) is asked of the parse.
      const parsed = (): PosPair | undefined => super.pair(path);
      pair = {
        key,
        value,
        get keyValue() {
          return parsed()?.keyValue;
        },
      } as PosPair;
    }
    this.pairs.set(slot, pair);
    return pair;
  }

  private valueAt(at: number, path: YamlPath): PosNode | undefined {
    const a = this.answers;
    const kind = KINDS[a[at + VALUE_KIND]];
    if (!kind) return undefined;
    const range: [number, number] = [a[at + VALUE], a[at + VALUE + 1]];
    // A collection's contents are the parse's: only its place is answered.
    const parsed = (): PosNode | undefined => super.node(path);
    const flow = a[at + FLOW] === 1;
    let node: PosNode;
    if (kind === 'scalar') node = { kind, range };
    else if (kind === 'map') node = { kind, range, flow, get pairs() { return (parsed() as PosMap).pairs; } };
    else node = { kind, range, flow, get items() { return (parsed() as PosSeq).items; } };
    this.made.add(node);
    return node;
  }
}
