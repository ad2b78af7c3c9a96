// Who is who and which round is which, across the workspace: the facts the
// identity and round rules read (duplicate-partner, partner-renamed,
// missing-round, round-lookalike, unknown-round). Built once from the index's
// meetings when a worksheet or a settings file changes, as maps, so a rule's
// question is a lookup and not a scan of every worksheet.
import type { Meeting } from './indexed-document';
import { distance } from 'fastest-levenshtein';
import { slugify } from '../paths';
import { Memo } from '../memo';
import { byCodeUnit } from '../order';

/** An organisation's name with case and punctuation aside ("Oak Public Library." = "oak public library"). */
export function organizationKey(name: string): string {
  return organizationKeys.get(name, (n) => slugify(n.replace(/['’‘`´]/g, '')).replace(/^the-/, ''));
}

// The identity facts are rebuilt over every meeting: each name is worked out once.
const organizationKeys = new Memo<string>(100_000);

/**
 * Meetings as they are read, one after another, for a caller that checks
 * each at once and some again once all are read (the CLI): whether what was
 * read so far makes a meeting likely to be among those whose identity
 * findings depend on other worksheets (mayBeFlaggedByWorkspaceRules): its partner id
 * read before under another organisation, or its organisation under another
 * id, or a meeting of the same partner so. It says so of some that are not
 * (a later meeting under a partner's first name), which costs the caller a
 * little for nothing; what is read later can put more meetings there, those
 * read before among them: only buildIdentity, over all of them, says which.
 */
export class IdentitySoFar {
  /** The first organisation read for each partner id, and the first id for each organisation, as written. */
  readonly #nameOf = new Map<string, string>();
  readonly #idOf = new Map<string, string>();
  /** Partner ids found under two names, or sharing a name with another id. */
  readonly #concerned = new Set<string>();
  /** Each partner id and meeting date read (duplicate-meeting flags the later worksheets of a day). */
  readonly #days = new Set<string>();
  #added = 0;
  #addedConcerned = 0;

  /** The share of the meetings added that were concerned when added: where it is high, the next ones likely are too. */
  get concernedShare(): number {
    return this.#added === 0 ? 0 : this.#addedConcerned / this.#added;
  }

  /**
   * Adds a meeting; true when it is known by now to be concerned: its
   * partner under two names or its name under two ids, or a meeting of its
   * partner on its date read before it (files are read in path order, which
   * is the rule's order but for `x-2` before `x`: such a worksheet is
   * parsed again at the end). Names are
   * compared as written, and by key (organizationKey) only where they differ:
   * most meetings repeat their partner's name. A name written two ways is
   * then not seen under two ids, which buildIdentity does see: such meetings
   * are left to the second parse.
   */
  add(meeting: { partnerId: string; organization?: string; date?: string }): boolean {
    const id = meeting.partnerId;
    let sameDay = false;
    if (meeting.date !== undefined) {
      const day = `${id}\n${meeting.date}`;
      sameDay = this.#days.has(day);
      if (!sameDay) this.#days.add(day);
    }
    const name = meeting.organization;
    if (name) {
      const known = this.#nameOf.get(id);
      if (known === undefined) this.#nameOf.set(id, name);
      else if (known !== name && organizationKey(known) !== organizationKey(name)) this.#concerned.add(id);
      const other = this.#idOf.get(name);
      if (other === undefined) this.#idOf.set(name, id);
      else if (other !== id) {
        this.#concerned.add(id);
        this.#concerned.add(other);
      }
    }
    this.#added++;
    if (!sameDay && !this.#concerned.has(id)) return false;
    this.#addedConcerned++;
    return true;
  }
}

/** A name and the earliest meeting that wrote it. */
export interface NamedFirst {
  organization: string;
  first: Meeting;
}

/** A partner id and its earliest meeting under one organisation name. */
export interface IdFirst {
  id: string;
  first: Meeting;
}

export interface Identity {
  /** Partner ids by organisation key, earliest first. */
  idsByName: Map<string, IdFirst[]>;
  /** The names each partner id was written with, earliest first. */
  namesById: Map<string, NamedFirst[]>;
  /** Meetings per round. */
  roundSizes: Map<string, number>;
  /** A round that looks like a typo of a bigger one, and that one. */
  lookalikes: Map<string, { round: string; meetings: number; example: Meeting }>;
  /**
   * Meetings with a round and a date, in index order: the neighbours of a
   * worksheet with no round. Sorted by date, into `walk`, when first asked for
   * (roundsNear): most workspaces have no such worksheet, and sorting every
   * meeting was a sixth of a rebuild.
   */
  dated: { date: string; round: string }[];
  /** The dated meetings as roundsNear walks them, made when first asked for. */
  walk?: DatedWalk;
}

/**
 * The dated meetings sorted by date, as roundsNear walks them: each one's
 * time, and where the run of meetings of its round around it ends on either
 * side. Meetings of one round sit together by date, hundreds or thousands in
 * a row; a walk that stepped through them one by one, to reach the next round
 * over, was quadratic in a check (a third of 10,000 worksheets with no round
 * took 10 s).
 */
interface DatedWalk {
  dated: { date: string; round: string }[];
  /** Milliseconds since the epoch. */
  times: Float64Array;
  /** What roundsNear answered, by limit and date: worksheets with no round share their dates. */
  answers: Map<string, readonly string[]>;
  /** The next meeting after i of another round (dated.length when none). */
  runAfter: Int32Array;
  /** The last meeting before i of another round (-1 when none). */
  runBefore: Int32Array;
}

function datedWalk(identity: Identity): DatedWalk {
  if (identity.walk) return identity.walk;
  // Each date parsed once: thousands of meetings share a few hundred days.
  const timeOf = new Map<string, number>();
  const time = (date: string): number => {
    let t = timeOf.get(date);
    if (t === undefined) timeOf.set(date, (t = dayTime(date)));
    return t;
  };
  // A date that is no day (`2026-13-01`) is no distance from any other: left out.
  const dated = identity.dated.filter((d) => !Number.isNaN(time(d.date))).sort((a, b) => byCodeUnit(a.date, b.date));
  const n = dated.length;
  const times = new Float64Array(n);
  const runAfter = new Int32Array(n);
  const runBefore = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    times[i] = time(dated[i].date);
    runBefore[i] = i > 0 && dated[i - 1].round === dated[i].round ? runBefore[i - 1] : i - 1;
  }
  for (let i = n - 1; i >= 0; i--) runAfter[i] = i < n - 1 && dated[i + 1].round === dated[i].round ? runAfter[i + 1] : i + 1;
  identity.walk = { dated, times, runAfter, runBefore, answers: new Map() };
  return identity.walk;
}

function dayTime(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** Earlier meeting first: by date (undated last), then by file. */
function earlier(a: Meeting, b: Meeting): number {
  // By code unit, not locale (order.ts): the same first meeting on every machine, and far cheaper (this runs per meeting per rebuild).
  const da = a.date ?? '9999';
  const db = b.date ?? '9999';
  return da < db ? -1 : da > db ? 1 : byCodeUnit(a.uri, b.uri);
}

/**
 * Two rounds are lookalikes when their numbers are the same and their words
 * within a small edit distance (`autum-2026`, `autumn-2026`); `spring-2026`
 * and `spring-2027` are two rounds, not a typo.
 */
export function roundsAlike(a: string, b: string): boolean {
  if (a === b) return false;
  if (roundDigits(a) !== roundDigits(b)) return false;
  const words = (s: string) => s.replace(/[0-9]+/g, '').replace(/-+/g, '-');
  const wa = words(a);
  const wb = words(b);
  const d = distance(wa.toLowerCase(), wb.toLowerCase());
  return d <= Math.max(1, Math.min(2, Math.floor(Math.max(wa.length, wb.length) / 4)));
}

/** A round's numbers, which two lookalikes share (`2026` of `autum-2026`). */
function roundDigits(round: string): string {
  return round.replace(/[^0-9]+/g, ' ').trim();
}

/** "Far fewer": at most half as many meetings. */
function farFewer(small: number, big: number): boolean {
  return small * 2 <= big;
}

export function buildIdentity(meetings: readonly Meeting[]): Identity {
  const byName = new Map<string, Map<string, Meeting>>();
  const names = new Map<string, Map<string, NamedFirst>>();
  const roundSizes = new Map<string, number>();
  const roundFirst = new Map<string, Meeting>();
  const dated: { date: string; round: string }[] = [];
  for (const m of meetings) {
    if (m.organization) {
      const key = organizationKey(m.organization);
      if (key) {
        const ids = byName.get(key) ?? new Map<string, Meeting>();
        const cur = ids.get(m.partnerId);
        if (!cur || earlier(m, cur) < 0) ids.set(m.partnerId, m);
        byName.set(key, ids);
        const ns = names.get(m.partnerId) ?? new Map<string, NamedFirst>();
        const n = ns.get(key);
        if (!n || earlier(m, n.first) < 0) ns.set(key, { organization: m.organization, first: m });
        names.set(m.partnerId, ns);
      }
    }
    if (m.round) {
      roundSizes.set(m.round, (roundSizes.get(m.round) ?? 0) + 1);
      const f = roundFirst.get(m.round);
      if (!f || earlier(m, f) < 0) roundFirst.set(m.round, m);
      if (m.date) dated.push({ date: m.date, round: m.round });
    }
  }
  const idsByName = new Map<string, IdFirst[]>();
  for (const [key, ids] of byName) {
    if (ids.size > 1) idsByName.set(key, [...ids].map(([id, first]) => ({ id, first })).sort((a, b) => earlier(a.first, b.first) || byCodeUnit(a.id, b.id)));
  }
  const namesById = new Map<string, NamedFirst[]>();
  for (const [id, ns] of names) {
    if (ns.size > 1) namesById.set(id, [...ns.values()].sort((a, b) => earlier(a.first, b.first)));
  }
  const lookalikes = new Map<string, { round: string; meetings: number; example: Meeting }>();
  // Only rounds with the same numbers can be lookalikes: each is compared
  // with those alone. Compared with every other round, a workspace that
  // names each meeting's round by its day (`2026-05-11`) took seconds.
  const byDigits = new Map<string, [string, number][]>();
  for (const entry of roundSizes) {
    const key = roundDigits(entry[0]);
    const group = byDigits.get(key);
    if (group) group.push(entry);
    else byDigits.set(key, [entry]);
  }
  for (const [small, n] of roundSizes) {
    let best: [string, number] | undefined;
    for (const [big, m] of byDigits.get(roundDigits(small))!) {
      if (farFewer(n, m) && roundsAlike(small, big) && (!best || m > best[1])) best = [big, m];
    }
    if (best) lookalikes.set(small, { round: best[0], meetings: best[1], example: roundFirst.get(best[0])! });
  }
  return { idsByName, namesById, roundSizes, lookalikes, dated };
}

/**
 * The rounds of the meetings nearest a date, nearest first (at most `limit`),
 * lookalike typos left out: a binary search into the dated meetings, then
 * outwards from there.
 */
export function roundsNear(identity: Identity, date: string, limit = 2): string[] {
  const walk = datedWalk(identity);
  const key = `${limit}\n${date}`;
  let answer = walk.answers.get(key);
  if (!answer) walk.answers.set(key, (answer = walkOutwards(identity, walk, date, limit)));
  return [...answer];
}

function walkOutwards(identity: Identity, { dated, times, runAfter, runBefore }: DatedWalk, date: string, limit: number): string[] {
  const t = dayTime(date);
  if (Number.isNaN(t)) return [];
  const { lookalikes } = identity;
  let lo = 0;
  let hi = dated.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dated[mid].date < date) lo = mid + 1;
    else hi = mid;
  }
  // Outwards from there, nearest first (the later one on a tie). Once a
  // meeting's round is taken or passed over, so is every meeting of its run,
  // which the walk then steps past at once.
  const out: string[] = [];
  let left = lo - 1;
  let right = lo;
  while (out.length < limit && (left >= 0 || right < dated.length)) {
    const dl = left >= 0 ? t - times[left] : Infinity;
    const dr = right < dated.length ? times[right] - t : Infinity;
    const takeRight = dr <= dl;
    const at = takeRight ? right : left;
    const round = dated[at].round;
    if (!lookalikes.has(round) && !out.includes(round)) out.push(round);
    if (takeRight) right = runAfter[at];
    else left = runBefore[at];
  }
  return out;
}

/** Follows the team's aliases (old id -> current id), a few hops at most, so a loop cannot hang. */
export function resolveAlias(aliases: Readonly<Record<string, string>>, id: string): string {
  let cur = id;
  for (let i = 0; i < 8 && Object.prototype.hasOwnProperty.call(aliases, cur); i++) cur = aliases[cur];
  return cur;
}
