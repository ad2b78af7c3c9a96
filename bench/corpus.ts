// A deterministic corpus of worksheets, convenings and reviews, for the
// benchmark: the same seed gives the same files, of realistic size and variety.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
}

export function roundName(i: number): string {
  const year = 2020 + Math.floor(i / 2);
  return `${i % 2 === 0 ? 'spring' : 'autumn'}-${year}`;
}

export function worksheetText(rnd: () => number, partner: number, round: number, n: number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
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
  return `kind: worksheet
version: 1
status: ${status}
round: ${roundName(round)}
partner:
  id: partner-${partner}
  organization: Partner ${partner} Community Group
  people: [{name: Person ${n}, role: Coordinator}]
  community: Residents of district ${partner % 40}
meeting:
  date: ${date}
  start: "${10 + (n % 8)}:00"
  duration_minutes: ${25 + Math.floor(rnd() * 50)}
  location: Their office
  partner_chose_time_and_place: ${rnd() < 0.9}
  medium: in-person
  our_attendees: [${owner}]
preparation:
  worksheet_reviewed: ${rnd() < 0.9}
  questions: [goals-year-from-now, challenges-in-the-way]
notes:
  success_in_their_words: Everyone in district ${partner % 40} can ${pick(VERBS)} a ${pick(NOUNS)}.
  challenges: ${notes(3)}
  values: ${notes(2)}
  goals: [{text: ${goal}, themes: [${pick(THEMES)}]}]
  commitments: ${notes(2)}
${rnd() < 0.85 ? `confirmation:
  asked: true
  statement: Success is ${pick(NOUNS)} for everyone.
  response: ${rnd() < 0.8 ? 'confirmed' : 'corrected'}
  correction: They also want ${pick(NOUNS)}.
` : ''}${rnd() < 0.8 ? `next_step:
  action: Offer our ${pick(NOUNS)}
  serves_goal: ${goal}
  owner: ${owner}
  due: ${year}-12-${String(1 + Math.floor(rnd() * 27)).padStart(2, '0')}
  status: ${rnd() < 0.5 ? 'open' : 'done'}
` : `follow_up:
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
  const partners = Math.max(2, Math.floor(options.worksheets / 5));
  const paths: string[] = [];
  writeFileSync(join(dir, 'partner-worksheets.yaml'), `kind: config\nthemes:\n${THEMES.map((t) => `  - {id: ${t}, label: ${t}, synonyms: [${NOUNS.slice(THEMES.indexOf(t) % 5, (THEMES.indexOf(t) % 5) + 2).join(', ')}]}`).join('\n')}\noffers: [{text: Free rooms, themes: [space]}]\n`);
  for (let n = 0; n < options.worksheets; n++) {
    const partner = n % partners;
    const round = Math.floor((n / options.worksheets) * options.rounds);
    const folder = join(dir, `partner-${partner}`);
    mkdirSync(folder, { recursive: true });
    const path = join(folder, `${n}.worksheet.yaml`);
    writeFileSync(path, worksheetText(rnd, partner, round, n));
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
