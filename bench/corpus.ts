// A deterministic corpus of worksheets, convenings and reviews, for the
// benchmark: the same seed gives the same files, of realistic size and variety.
// Worksheets are written the way people and the extension write them: question
// ids one a line with the question as a comment (as the question-set snippets
// insert them), `# worksheets-disable-next-line` lines (as "Ignore here"
// writes them) and other comment lines, notes of several lines as `|` or `>`
// block scalars, and the odd quoted string. Or, with `writtenBy: 'tools'`,
// as a script writes them from data (writtenByTools).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import { parse, stringify } from 'yaml';
import { QUESTIONS } from '../src/core/questions';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const THEMES = ['space', 'visibility', 'youth-voice', 'funding', 'capacity', 'transport', 'language-access', 'wellbeing', 'skills', 'trust'];
const NOUNS = ['venue', 'hall', 'grant', 'volunteers', 'bus', 'studio', 'exhibition', 'workshop', 'budget', 'interpreter', 'room', 'mentoring', 'staff'];
const VERBS = ['need', 'want', 'lack', 'run', 'offer', 'share', 'plan', 'build'];
const PEOPLE = ['sam', 'ana', 'jordan', 'priya', 'lee', 'kim'];
const STATUSES = ['planned', 'prepared', 'held', 'filled', 'shared', 'shared', 'shared'];

export interface CorpusOptions {
  worksheets: number;
  /** How many rounds the worksheets spread over (the newest is reviewed). */
  rounds: number;
  seed?: number;
  /**
   * 'many': each worksheet leaves out some of its later sections (the
   * confirmation, the next step or follow-up, thanked, after, the
   * preparation, the goals), as a team's half-filled round does: smaller
   * files (about 1.2 KB) with three findings each on average, not one and a half.
   */
  gaps?: 'few' | 'many';
  /**
   * Each worksheet writes its partner's organisation with a name of its own
   * (`Partner 1878 Community Group` for partner-28), as if every partner had
   * renamed itself at every meeting: the identity findings of every worksheet
   * depend on the others, so `check` runs the cross-file rules of each one
   * again once all are read. Otherwise the same worksheets.
   */
  renamed?: boolean;
  /**
   * The share of worksheets (0 to 1) written without their `round`, as a
   * team forgets it now and then: each gets missing-round, whose fixes offer
   * the rounds of the meetings nearest its date, so the check looks at the
   * workspace around every one. Otherwise the same worksheets.
   */
  withoutRound?: number;
  /**
   * 'tools': each worksheet written out again from its data by a YAML
   * library, as a team's script or another tool writes them (writtenByTools),
   * in turn: js-yaml with an indent of 4 (a map in a list starts below a dash
   * alone), the `yaml` package in double quotes wrapped at 40 columns (escapes
   * and lines ending in `\`), and js-yaml as it comes. The same data but for
   * the comments, which no tool keeps: so without the `# worksheets-disable`
   * lines, and with more findings.
   */
  writtenBy?: 'people' | 'tools';
}

/** The worksheet `text` as the n-th tool of writtenBy 'tools' writes its data. */
export function writtenByTools(text: string, n: number): string {
  const data = parse(text) as unknown;
  switch (n % 3) {
    case 0:
      return dump(data, { indent: 4, lineWidth: -1 });
    case 1:
      return stringify(data, { lineWidth: 40, minContentWidth: 20, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
    default:
      return dump(data);
  }
}

/** Top-level sections a worksheet with many gaps may leave out, each with the chance it does. */
const LEFT_OUT: [key: string, chance: number][] = [['preparation', 0.5], ['confirmation', 0.5], ['next_step', 0.5], ['follow_up', 0.5], ['thanked', 0.5], ['after', 0.5]];

/** The worksheet without these top-level sections: each key's line and the lines below it that are indented or comments. */
function withoutSections(text: string, keys: ReadonlySet<string>): string {
  const out: string[] = [];
  let dropping = false;
  for (const line of text.replace(/\n$/, '').split('\n')) {
    const key = /^([a-z_]+):/.exec(line)?.[1];
    if (key !== undefined) dropping = keys.has(key);
    else if (line !== '' && !line.startsWith(' ') && !line.startsWith('#')) dropping = false;
    if (!dropping) out.push(line);
  }
  return `${out.join('\n')}\n`;
}

/** Goals left out of the notes, for a worksheet with many gaps: the line that lists them. */
function withoutGoals(text: string): string {
  return text.replace(/^ {2}goals: .*\n/m, '');
}

export function roundName(i: number): string {
  const year = 2020 + Math.floor(i / 2);
  return `${i % 2 === 0 ? 'spring' : 'autumn'}-${year}`;
}

export function worksheetText(rnd: () => number, partner: number, round: number, n: number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const sentence = () => `We ${pick(VERBS)} a ${pick(NOUNS)} for the ${pick(NOUNS)}`;
  const note = () => (rnd() < 0.6 ? `{text: ${sentence()}, themes: [${pick(THEMES)}]}` : sentence());
  const notes = (k: number) => `[${Array.from({ length: 1 + Math.floor(rnd() * k) }, note).join(', ')}]`;
  const year = 2020 + Math.floor(round / 2);
  const month = round % 2 === 0 ? 4 + Math.floor(rnd() * 2) : 10 + Math.floor(rnd() * 2);
  const day = 1 + Math.floor(rnd() * 27);
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const status = pick(STATUSES);
  const owner = pick(PEOPLE);
  const goal = sentence();
  const minutes = 25 + Math.floor(rnd() * 50);
  const chose = rnd() < 0.9;
  const district = partner % 40;
  // Most teams prepare with the question-set snippets: ids one a line, each with its question as a comment.
  const bank = [...QUESTIONS];
  const questions = rnd() < 0.6
    ? `\n${Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => bank.splice(Math.floor(rnd() * bank.length), 1)[0]).map((q) => `    - ${q.id}  # ${q.text}`).join('\n')}`
    : ' [goals-year-from-now, challenges-in-the-way]';
  // "Ignore <code> here" writes the comment above the line the finding is on.
  const ignore = (code: string) => (rnd() < 0.5 ? `  # worksheets-disable-next-line ${code}\n` : '');
  const success = rnd() < 0.2
    ? `${pick(['>', '|'])}\n    Everyone in district ${district} can ${pick(VERBS)} a ${pick(NOUNS)},\n    and the ${pick(NOUNS)} is theirs to ${pick(VERBS)}.${rnd() < 0.5 ? `\n    They said it twice: "${pick(NOUNS)} first".` : ''}`
    : `Everyone in district ${district} can ${pick(VERBS)} a ${pick(NOUNS)}.`;
  const challenges = rnd() < 0.25
    ? `\n    - text: ${sentence()}\n      themes: [${pick(THEMES)}]\n      quote: "Without a ${pick(NOUNS)}, we ${pick(VERBS)} nothing: it's that simple."\n    - ${rnd() < 0.5 ? `|\n      ${sentence()},\n      and nobody has time to ${pick(VERBS)} one` : sentence()}`
    : ` ${notes(3)}`;
  const rough = rnd() < 0.2 ? '  # Rough notes from the meeting; to be written up.\n' : '';
  const confirmed = rnd() < 0.85;
  const nextStep = rnd() < 0.8;
  return `kind: worksheet
version: 1
status: ${status}
round: ${roundName(round)}
partner:
  id: partner-${partner}
  organization: ${rnd() < 0.1 ? `"Partner ${partner}: Community Group"` : `Partner ${partner} Community Group`}
  people: [{name: Person ${n}, role: Coordinator}]
  community: Residents of district ${district}
meeting:
  date: ${date}
  start: "${10 + (n % 8)}:00"
${minutes < 30 || minutes > 60 ? ignore('meeting-length') : ''}  duration_minutes: ${minutes}
  location: ${rnd() < 0.2 ? `'Their office, upstairs'` : 'Their office'}
${chose ? '' : ignore('not-partner-convenience')}  partner_chose_time_and_place: ${chose}
  medium: in-person
  our_attendees: [${owner}]
preparation:
  worksheet_reviewed: ${rnd() < 0.9}
  questions:${questions}
notes:
${rough}  success_in_their_words: ${success}
  challenges:${challenges}
  values: ${notes(2)}
  goals: [{text: ${goal}, themes: [${pick(THEMES)}]}]
  commitments: ${notes(2)}
${confirmed ? `confirmation:
  asked: true
  statement: Success is ${pick(NOUNS)} for everyone.
  response: ${rnd() < 0.8 ? 'confirmed' : 'corrected'}
  correction: They also want ${pick(NOUNS)}.
` : ''}${nextStep ? `next_step:
  action: Offer our ${pick(NOUNS)}
  serves_goal: ${goal}
  owner: ${owner}
  due: ${year}-12-${String(1 + Math.floor(rnd() * 27)).padStart(2, '0')}
  status: ${rnd() < 0.5 ? 'open' : 'done'}
` : `${rnd() < 0.5 ? '# They asked for time to talk to their board before any next step.\n' : ''}follow_up:
  date: ${year}-12-15
  owner: ${owner}
`}thanked: ${rnd() < 0.95}
after:
  filled_on: ${date}
  shared_on: ${date}
`;
}

/** Writes the corpus below `dir`; returns the paths of the worksheets. */
export function writeCorpus(dir: string, options: CorpusOptions): string[] {
  const rnd = mulberry32(options.seed ?? 42);
  // The sections left out draw from a stream of their own, so the worksheets are otherwise the same as with few gaps.
  const gap = mulberry32((options.seed ?? 42) + 1);
  // So does the choice of worksheets without a round.
  const roundless = mulberry32((options.seed ?? 42) + 2);
  const gappy = (text: string): string => {
    if (options.gaps !== 'many') return text;
    const left = new Set(LEFT_OUT.filter(([, chance]) => gap() < chance).map(([key]) => key));
    return (gap() < 0.3 ? withoutGoals : (t: string) => t)(withoutSections(text, left));
  };
  const partners = Math.max(2, Math.floor(options.worksheets / 5));
  const paths: string[] = [];
  writeFileSync(join(dir, 'partner-worksheets.yaml'), `kind: config\nthemes:\n${THEMES.map((t) => `  - {id: ${t}, label: ${t}, synonyms: [${NOUNS.slice(THEMES.indexOf(t) % 5, (THEMES.indexOf(t) % 5) + 2).join(', ')}]}`).join('\n')}\noffers: [{text: Free rooms, themes: [space]}]\n`);
  for (let n = 0; n < options.worksheets; n++) {
    const partner = n % partners;
    const round = Math.floor((n / options.worksheets) * options.rounds);
    const folder = join(dir, `partner-${partner}`);
    mkdirSync(folder, { recursive: true });
    const path = join(folder, `${n}.worksheet.yaml`);
    const text = gappy(worksheetText(rnd, partner, round, n));
    const renamed = options.renamed ? text.replace(/^( {2}organization: ).*$/m, `$1Partner ${n} Community Group`) : text;
    const named = options.withoutRound && roundless() < options.withoutRound ? renamed.replace(/^round: .*\n/m, '') : renamed;
    writeFileSync(path, options.writtenBy === 'tools' ? writtenByTools(named, n) : named);
    paths.push(path);
  }
  mkdirSync(join(dir, 'convenings'), { recursive: true });
  for (let c = 0; c < Math.max(1, Math.floor(options.worksheets / 1000)); c++) {
    const ids = Array.from({ length: 8 }, (_, i) => `partner-${(c * 8 + i) % partners}`);
    writeFileSync(join(dir, 'convenings', `c${c}.convening.yaml`), `kind: convening\nversion: 1\nname: Network ${c}\nstatus: forming\nconvener: {organization: City Museum, vision: {statement: A shared summer gallery, shared_on: 2026-01-01}}\npartners:\n${ids.map((id) => `  - {id: ${id}, roles: [member]}`).join('\n')}\nvision_setting: {sessions: [{date: 2026-01-10, partners_present: [${ids.join(', ')}], partners_contributed: [${ids.join(', ')}]}]}\ncoordinator: {organization: City Museum, person: jordan, duties: {meetings: jordan, agendas: jordan, communication_channels: jordan, goals_and_metrics: jordan, shared_measurement: sam, resources: jordan}}\ngoals: [{statement: More partners, metrics: [partners-count]}]\nmeasurement: {system: Spreadsheet, indicators: [{id: partners-count, name: Partners, baseline: 1, target: 10}]}\ncommunication: {cadence: monthly}\n`);
  }
  mkdirSync(join(dir, 'reviews'), { recursive: true });
  for (let r = 0; r < options.rounds; r++) {
    writeFileSync(join(dir, 'reviews', `${roundName(r)}.review.yaml`), `kind: review\nversion: 1\nround: ${roundName(r)}\ndate: 2026-12-01\nsimilarities: [Space]\ncommitments: [{action: Follow up, owner: sam, due: 2026-12-15, partners: [partner-1]}]\n`);
  }
  return paths;
}

/** The team's example workspace, written by hand (examples/community-team). */
export const EXAMPLE_WORKSPACE = join(__dirname, '..', 'examples', 'community-team');

/** The example workspace's worksheets: each one's partner folder, file name, partner id (if it writes one) and text. */
export function exampleWorksheets(from = EXAMPLE_WORKSPACE): { folder: string; name: string; id?: string; text: string }[] {
  const out: { folder: string; name: string; id?: string; text: string }[] = [];
  for (const folder of readdirSync(from, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    for (const name of readdirSync(join(from, folder)).filter((n) => n.endsWith('.worksheet.yaml')).sort()) {
      const text = readFileSync(join(from, folder, name), 'utf8');
      // Without an id, the partner's id is its organisation's slug.
      const id = /^ {2}id: (\S+)$/m.exec(text)?.[1];
      out.push({ folder, name, ...(id ? { id } : {}), text });
    }
  }
  return out;
}

/**
 * `worksheets` copies of the example workspace's worksheets, as people wrote
 * them by hand (quotes, flow maps of themes, comments, notes of several
 * lines, the slips its findings show), with its settings. Copy k of a
 * worksheet belongs to a partner of its own: the partner id with `-k` after
 * it (or, for a worksheet that writes none, the slug of its numbered
 * organisation), in a folder of its own, and the organisation with ` k` after it. Its
 * convenings and reviews are left out (they name the partners as they are).
 * Returns the paths of the worksheets.
 */
export function writeExampleCopies(dir: string, worksheets: number, from = EXAMPLE_WORKSPACE): string[] {
  const originals = exampleWorksheets(from);
  writeFileSync(join(dir, 'partner-worksheets.yaml'), readFileSync(join(from, 'partner-worksheets.yaml')));
  const paths: string[] = [];
  for (let n = 0; n < worksheets; n++) {
    const k = Math.floor(n / originals.length);
    const { folder: original, id, name, text } = originals[n % originals.length];
    const folder = join(dir, `${original}-${k}`);
    mkdirSync(folder, { recursive: true });
    const path = join(folder, name);
    writeFileSync(path, exampleCopy(text, id, k));
    paths.push(path);
  }
  return paths;
}

/** Copy k of an example worksheet: its partner id (if it writes one) and organisation made its own. */
function exampleCopy(text: string, id: string | undefined, k: number): string {
  // A plain organisation name (all the example's are), so a number after it stays part of the name.
  if (!PLAIN_ORGANIZATION.test(text)) throw new Error('an example worksheet has an organisation the copies cannot number');
  const own = id === undefined ? text : text.replace(new RegExp(`^( {2}id: )${id}$`, 'm'), `$1${id}-${k}`);
  return own.replace(PLAIN_ORGANIZATION, `$1 ${k}`);
}

const PLAIN_ORGANIZATION = /^( {2}organization: [^'"#\s][^#\n]*?)[ \t]*$/m;
