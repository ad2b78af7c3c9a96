// Themes without a hand-made vocabulary: the starter vocabulary folds the
// words partners use into one theme, generic words never become themes, one
// partner's suggestion stays out of the review, and a drafted vocabulary,
// once written, is the team's (matched, in trends and opportunities too).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkspaceIndex } from '../../src/core/workspace';
import { summarize } from '../../src/core/summary/summarize';
import type { ReviewSummary } from '../../src/core/summary/summarize';
import { renderMarkdown } from '../../src/core/summary/render-markdown';
import { MAX_TAGGED_CHARS, ThemeMatcher } from '../../src/core/summary/themes';
import { STARTER_THEMES, vocabularies } from '../../src/core/themes/vocabulary';
import { applyTextEdit, draftThemes, vocabularyEdit } from '../../src/core/themes/draft';
import { readConfig } from '../../src/core/facts/settings';
import { checkText } from '../../src/core/check';
import { runCli } from './cli-run';
import { parse as parseYaml } from 'yaml';
import { tagNoteActions } from '../../src/core/themes/tag-note';
import { applyOffsetEdits } from '../../src/core/form/yaml-edit';

const TODAY = '2026-11-01';

type Note = string | { text: string; themes: string[] };

/** A held, shared worksheet of `round` with these challenges and goals. */
function worksheet(partner: string, challenges: Note[], goals: Note[] = [], round = 'autumn-2026', date = '2026-10-10'): string {
  const note = (n: Note) => (typeof n === 'string' ? `    - ${JSON.stringify(n)}` : `    - {text: ${JSON.stringify(n.text)}, themes: [${n.themes.join(', ')}]}`);
  return [
    'kind: worksheet', 'version: 1', 'status: shared', `round: ${round}`,
    `partner: {id: ${partner}, organization: ${partner.toUpperCase()}}`,
    `meeting: {date: ${date}, duration_minutes: 45, partner_chose_time_and_place: true, our_attendees: [sam]}`,
    'notes:', '  success_in_their_words: Everyone can take part.',
    ...(challenges.length ? ['  challenges:', ...challenges.map(note)] : []),
    ...(goals.length ? ['  goals:', ...goals.map(note)] : []),
    '',
  ].join('\n');
}

/** Five partners who cannot get to things, each in their own words (one by a tag). */
const ROUND: Record<string, string> = {
  bayview: worksheet('bayview', ['The bus stopped running past the estate after 6pm', 'The guy who did the door knocking left'], ['Teens run the tenants newsletter']),
  elm: worksheet('elm', ['Our kids cannot get to the museum, no transportation at weekends', 'The thing is, afternoons feel long'], ['A paid internship for teenagers']),
  grace: worksheet('grace', [{ text: 'Getting here is hard since the church van broke down', themes: ['transport'] }, 'People feel the mic never works'], ['Lunch club with a talk']),
  hope: worksheet('hope', ['Getting here is a struggle for clients on the edge of town', 'The afternoon people feel tired'], ['Cooking classes for teenagers and parents']),
  lakeside: worksheet('lakeside', ['Members cannot get to things since the buses were cut', 'The door is heavy, a thing for the guy at reception'], ['An intergenerational project with a teen from the school']),
  maple: worksheet('maple', ['A harpsichord needs tuning'], ['A printmaking residency']),
};

function index(files: Record<string, string>, config?: string): WorkspaceIndex {
  const ix = new WorkspaceIndex(() => TODAY);
  for (const [p, text] of Object.entries(files)) ix.set(`/team/${p}/2026-10-10.worksheet.yaml`, text);
  if (config !== undefined) ix.set('/team/partner-worksheets.yaml', config);
  return ix;
}

const similar = (s: ReviewSummary, category: string) => Object.fromEntries(s.similarities.find((g) => g.category === category)!.themes.map((t) => [t.id, t.partners]));

describe('themes without a team vocabulary', () => {
  let s: ReviewSummary;
  before(() => { s = summarize(index(ROUND), { today: TODAY }); });

  it('folds bus, buses, van, transportation, "getting here" and a tag transport into one theme', () => {
    assert.deepEqual(similar(s, 'challenges').transport, ['bayview', 'elm', 'grace', 'hope', 'lakeside']);
    const t = s.similarities.find((g) => g.category === 'challenges')!.themes.find((x) => x.id === 'transport')!;
    assert.equal(t.label, 'Getting there');
    assert.deepEqual(t.quotes.map((q) => q.source), ['suggested', 'suggested', 'tagged', 'suggested', 'suggested']);
  });

  it('folds teen, teens, teenager and teenagers into one theme', () => {
    assert.deepEqual(similar(s, 'goals').youth, ['bayview', 'elm', 'hope', 'lakeside']);
    assert.ok(!s.themes.some((t) => /^teen/.test(t.id)), s.themes.map((t) => t.id).join(' '));
  });

  it('never makes a theme of generic words, however many partners say them', () => {
    const ids = new Set(s.themes.map((t) => t.id));
    for (const w of ['thing', 'guy', 'feel', 'afternoon', 'people', 'door', 'mic']) assert.ok(!ids.has(w), `${w} became a theme`);
  });

  it('keeps one-partner suggestions out of the review, as a count', () => {
    assert.ok(!s.themes.some((t) => t.source === 'suggested' && t.partners.length < 2), JSON.stringify(s.themes));
    assert.ok(!s.themes.some((t) => ['harpsichord', 'residency', 'newsletter'].includes(t.id)));
    assert.equal(s.themeStatus?.agreedFrom, 'none');
    assert.ok((s.themeStatus?.suggestedOnce ?? 0) >= 3, JSON.stringify(s.themeStatus));
  });

  it('says the themes are suggested, not agreed, and how to agree them', () => {
    const md = renderMarkdown(s);
    assert.match(md, /suggested.*not agreed/i);
    assert.match(md, /partner-worksheets themes --suggest/);
    assert.match(md, /Draft Theme Vocabulary/);
    assert.match(md, new RegExp(`${s.themeStatus!.suggestedOnce} more suggested themes? (was|were) raised by one partner`));
  });

  it('leaves suggestions out of trends and opportunities until the team agrees them', () => {
    const withPrevious = index({ ...ROUND, 'bayview-spring': worksheet('bayview', ['No bus on Sundays'], [], 'spring-2026', '2026-04-01') });
    const t = summarize(withPrevious, { today: TODAY }).trends;
    // Only the tag counts: Grace tagged transport this round.
    assert.deepEqual(t.new.map((x) => [x.id, x.current]), [['transport', 1]]);
    assert.deepEqual(s.opportunities.clusters, []);
  });
});

describe('the starter vocabulary and the team setting', () => {
  it('is used when the team has none; a team vocabulary replaces it unless it says extend', () => {
    assert.deepEqual(vocabularies(readConfig({ kind: 'config' })).agreed, []);
    assert.equal(vocabularies(readConfig({ kind: 'config' })).suggest.length, STARTER_THEMES.length);
    const own = { kind: 'config', themes: [{ id: 'transport', label: 'Travel', synonyms: ['coach'] }] };
    assert.deepEqual(vocabularies(readConfig(own)).agreed.map((t) => t.id), ['transport']);
    assert.equal(vocabularies(readConfig(own)).agreedFrom, 'team');
    const extended = vocabularies(readConfig({ ...own, starter_themes: 'extend' }));
    assert.equal(extended.agreedFrom, 'team-and-starter');
    assert.equal(extended.agreed.length, STARTER_THEMES.length, 'the team theme takes the starter one\'s place');
    assert.equal(extended.agreed[0].label, 'Travel');
    assert.equal(readConfig({ kind: 'config', starter_themes: 'sometimes' }).starterThemes, undefined);
  });

  it('with extend, starter themes are matched: they count in trends', () => {
    const config = 'kind: config\nstarter_themes: extend\n';
    const s = summarize(index({ ...ROUND, 'bayview-spring': worksheet('bayview', ['No bus on Sundays'], [], 'spring-2026', '2026-04-01') }, config), { today: TODAY });
    assert.equal(s.themes.find((t) => t.id === 'transport' && t.category === 'challenges')?.source, 'tagged');
    assert.deepEqual(s.similarities.find((g) => g.category === 'challenges')!.themes.find((t) => t.id === 'transport')!.quotes.map((q) => q.source), ['matched', 'matched', 'tagged', 'matched', 'matched']);
    // Counted in the trends: within the round, and across rounds as shares (1 of 1 met in spring, 5 of 6 now: a smaller share).
    assert.deepEqual(s.trends.within.find((w) => w.category === 'challenges')?.themes.map((t) => [t.id, t.partners]), [['transport', 5]]);
    assert.deepEqual(s.trends.falling.map((x) => [x.id, x.previous, x.current]), [['transport', 1, 5]]);
    assert.equal(s.themeStatus?.agreedFrom, 'team-and-starter');
  });

  it('the settings schema accepts starter_themes and refuses other values', () => {
    const ok = checkText('/team/partner-worksheets.yaml', 'kind: config\nstarter_themes: extend\n', { today: TODAY }).findings;
    assert.deepEqual(ok.filter((f) => f.code === 'schema'), []);
    const bad = checkText('/team/partner-worksheets.yaml', 'kind: config\nstarter_themes: always\n', { today: TODAY }).findings;
    assert.equal(bad.filter((f) => f.code === 'schema').length, 1);
  });

  it('folds tags that are one of a theme\'s words into that theme', () => {
    const m = new ThemeMatcher([], STARTER_THEMES);
    assert.deepEqual(m.themesOf('x', ['transportation', 'teens', 'Bus'], true), { ids: ['transport', 'youth'], source: 'tagged' });
    assert.deepEqual(m.themesOf('x', ['harpsichord'], true), { ids: ['harpsichord'], source: 'tagged' });
    // A team theme wins over the starter's for the same words.
    const team = new ThemeMatcher([{ id: 'getting-about', label: 'Getting about', synonyms: ['bus'] }], STARTER_THEMES);
    assert.deepEqual(team.themesOf('x', ['buses'], true).ids, ['getting-about']);
    assert.deepEqual(team.themesOf('The bus is late', [], true), { ids: ['getting-about'], source: 'matched' });
    // The starter's other words for it suggest the team's theme.
    assert.deepEqual(team.themesOf('The van broke down', [], true), { ids: ['getting-about'], source: 'suggested' });
  });

  it('does not mistake training for a train, parks for parking, or evenings for "even"', () => {
    const m = new ThemeMatcher([], STARTER_THEMES);
    assert.ok(!m.suggest('Employment and training for newcomers').includes('transport'));
    assert.ok(!m.suggest('A film about the skate park').includes('transport'));
    assert.ok(!m.suggest('Even so, we carry on').includes('timing'));
  });
});

describe('bounded tagging', () => {
  it('reads at most the budget of characters with the tagger; the vocabularies still group the rest', () => {
    const m = new ThemeMatcher([], STARTER_THEMES);
    m.limitTagging('A harpsichord needs tuning'.length);
    assert.deepEqual(m.suggest('A harpsichord needs tuning'), ['harpsichord']);
    assert.deepEqual(m.suggest('A residency for beekeepers'), []);
    assert.deepEqual(m.suggest('The van broke down'), ['transport']);
    assert.deepEqual(m.suggest('A harpsichord needs tuning'), ['harpsichord'], 'a note read before is remembered');
    m.limitTagging(1);
    assert.deepEqual(m.suggest('A residency for beekeepers'), ['residency', 'beekeeper'], 'not remembered without its keywords');
  });

  it('a round of thousands of long untagged notes reads no more than the budget', () => {
    const m = new ThemeMatcher([], STARTER_THEMES);
    m.limitTagging(MAX_TAGGED_CHARS);
    const note = (i: number) => `Note ${i} about a harpsichord${i} and the residency${i} ${'with many more words '.repeat(12)}`;
    let read = 0;
    for (let i = 0; i < 3000; i++) if (m.suggest(note(i)).length) read += Math.min(note(i).length, 400);
    assert.ok(read > 0 && read <= MAX_TAGGED_CHARS + 400, `${read} characters tagged`);
  });
});

describe('Tag as <theme>', () => {
  const m = new ThemeMatcher([{ id: 'space', label: 'Space and venues', synonyms: ['hall'] }], STARTER_THEMES);
  const text = [
    'kind: worksheet', 'notes:', '  challenges:',
    '    - Childcare, and the hall is cold  # said twice',
    '    - {text: No van on Sundays, quote: "We are stuck"}',
    '    - {text: Bus fares, themes: [funding]}',
    '  goals: [A harpsichord for the choir]', '',
  ].join('\n');
  const at = (needle: string) => tagNoteActions(text, text.indexOf(needle) + 2, m);

  it('offers the agreed themes first, then the suggested ones, and writes the tag', () => {
    const actions = at('Childcare');
    assert.deepEqual(actions.map((a) => [a.title, a.agreed]), [['Tag as Space and venues', true], ['Tag as Children and families', false]]);
    const after = applyOffsetEdits(text, actions[1].edits);
    assert.match(after, /\n {4}- text: "?Childcare, and the hall is cold"?\n {6}themes: \[children-families\] {2}# said twice\n|\n {4}- text: "?Childcare, and the hall is cold"? {2}# said twice\n {6}themes: \[children-families\]\n/);
    const parsed = parseYaml(after) as { notes: { challenges: unknown[] } };
    assert.deepEqual(parsed.notes.challenges[0], { text: 'Childcare, and the hall is cold', themes: ['children-families'] });
  });

  it('adds themes to a note written as a map, keeping its quote', () => {
    const a = at('No van');
    assert.deepEqual(a.map((x) => x.title), ['Tag as Getting there']);
    assert.match(applyOffsetEdits(text, a[0].edits), /- \{text: No van on Sundays, themes: \[transport\], quote: "We are stuck"\}/);
  });

  it('offers nothing on a tagged note, off the notes, or on broken YAML', () => {
    assert.deepEqual(at('Bus fares'), []);
    assert.deepEqual(at('kind'), []);
    assert.deepEqual(tagNoteActions('notes: {challenges: [bus', 12, m), []);
    assert.deepEqual(at('A harpsichord').map((x) => x.title), ['Tag as Arts and culture']);
  });
});

describe('draft vocabulary', () => {
  const s = summarize(index(ROUND), { today: TODAY });

  it('drafts the round\'s shared themes with the starter synonyms, most partners first', () => {
    const draft = draftThemes(s, []);
    assert.deepEqual(draft.slice(0, 2).map((t) => [t.id, t.label, t.partners]), [['transport', 'Getting there', 5], ['youth', 'Young people', 4]]);
    assert.ok(draft[0].synonyms.includes('van') && draft[0].synonyms.includes('getting here'));
    assert.deepEqual(draftThemes(s, [{ id: 'transport', label: 'T', synonyms: [] }]).map((t) => t.id).includes('transport'), false);
  });

  it('writes a new settings file that the schema accepts, and the review then counts the themes as agreed', () => {
    const e = vocabularyEdit(undefined, draftThemes(s, []), { merge: false, round: s.round });
    assert.equal(e.kind, 'edit');
    if (e.kind !== 'edit') return;
    const text = applyTextEdit('', e.edit);
    assert.match(text, /^# Team settings/);
    assert.match(text, /\nthemes:\n {2}- \{id: transport, label: Getting there, synonyms: \[transport, /);
    const findings = checkText('/team/partner-worksheets.yaml', text, { today: TODAY }).findings;
    assert.deepEqual(findings.filter((f) => f.severity === 'error' || f.code === 'schema'), []);
    const after = summarize(index(ROUND, text), { today: TODAY });
    assert.equal(after.themeStatus?.agreedFrom, 'team');
    const transport = after.similarities.find((g) => g.category === 'challenges')!.themes.find((t) => t.id === 'transport')!;
    assert.deepEqual(transport.quotes.map((q) => q.source), ['matched', 'matched', 'tagged', 'matched', 'matched']);
    assert.equal(after.themes.filter((t) => t.source === 'suggested').length, 0);
  });

  it('adds a vocabulary to a settings file without one, keeping every line', () => {
    const before = '# Our settings\nkind: config\nrules: {not-thanked: off}  # we thank in person\n';
    const e = vocabularyEdit(before, draftThemes(s, []), { merge: false, round: s.round });
    assert.equal(e.kind, 'edit');
    if (e.kind !== 'edit') return;
    const text = applyTextEdit(before, e.edit);
    assert.ok(text.startsWith(before), text);
    assert.equal(readConfig(parseYaml(text)).themes[0].id, 'transport');
  });

  it('never replaces an existing vocabulary; merge adds only the missing themes, in the list\'s own style', () => {
    const block = 'kind: config\nthemes:\n  # ours\n  - {id: transport, label: Travel, synonyms: [coach]}  # agreed in May\noffers: []\n';
    const draft = draftThemes(s, []);
    assert.deepEqual(vocabularyEdit(block, draft, { merge: false, round: s.round }), { kind: 'refused', reason: 'has-vocabulary' });
    const e = vocabularyEdit(block, draft, { merge: true, round: s.round });
    assert.equal(e.kind, 'edit');
    if (e.kind !== 'edit') return;
    const text = applyTextEdit(block, e.edit);
    assert.match(text, /^kind: config\nthemes:\n {2}# ours\n {2}- \{id: transport, label: Travel, synonyms: \[coach\]\} {2}# agreed in May\n {2}- \{id: youth, /);
    assert.match(text, /\noffers: \[\]\n$/);
    const ids = readConfig(parseYaml(text)).themes.map((t) => t.id);
    assert.equal(ids.filter((id) => id === 'transport').length, 1);
    const flow = 'kind: config\nthemes: [{id: transport, label: Travel}]\n';
    const f = vocabularyEdit(flow, draft, { merge: true, round: s.round });
    assert.equal(f.kind, 'edit');
    if (f.kind === 'edit') assert.equal(readConfig(parseYaml(applyTextEdit(flow, f.edit))).themes.length, draft.length);
    assert.deepEqual(vocabularyEdit('kind: [config', draft, { merge: true, round: s.round }), { kind: 'refused', reason: 'not-settings' });
    // A value that is no list is not replaced, even with merge: it may be a slip the team wants to see.
    for (const odd of ['themes: 5', 'themes: space and money', 'themes: {space: Space}']) {
      assert.deepEqual(vocabularyEdit(`kind: config\n${odd}\n`, draft, { merge: true, round: s.round }), { kind: 'refused', reason: 'not-settings' }, odd);
    }
    for (const empty of ['themes:', 'themes: []', 'themes: ~']) assert.equal(vocabularyEdit(`kind: config\n${empty}\n`, draft, { merge: true, round: s.round }).kind, 'edit', empty);
  });

  it('writes hostile labels and ids as inert quoted YAML', () => {
    const e = vocabularyEdit(undefined, [{ id: 'x', label: 'a: b # c\n- d', synonyms: ['yes', '"q"', '{x}'], partners: 2 }], { merge: false, round: 'r' });
    assert.equal(e.kind, 'edit');
    if (e.kind !== 'edit') return;
    const cfg = readConfig(parseYaml(applyTextEdit('', e.edit)));
    assert.deepEqual(cfg.themes, [{ id: 'x', label: 'a: b # c\n- d', synonyms: ['yes', '"q"', '{x}'] }]);
    // A round name stays inside its comment line.
    const r = vocabularyEdit(undefined, [{ id: 'x', label: 'X', synonyms: [], partners: 2 }], { merge: false, round: 'r\nthemes: []\u2028offers: [1]' });
    assert.equal(r.kind, 'edit');
    if (r.kind === 'edit') assert.deepEqual(Object.keys(parseYaml(applyTextEdit('', r.edit)) as object), ['kind', 'version', 'themes']);
    // Tags as typed never become labels: the draft names a theme from its id.
    const draft = draftThemes({ themes: [{ id: 'Evil: yes\n- id: pwned', label: 'Evil: yes\n- id: pwned', category: 'challenges', partners: ['a', 'b'], source: 'tagged' }] }, []);
    assert.deepEqual(draft.map((t) => [t.id, t.label]), [['evil-yes-id-pwned', 'Evil yes id pwned']]);
  });
});

describe('partner-worksheets themes --suggest', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pw-themes-'));
    for (const [p, text] of Object.entries(ROUND)) {
      mkdirSync(join(dir, p));
      writeFileSync(join(dir, p, '2026-10-10.worksheet.yaml'), text);
    }
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the draft, refuses to touch it again without --merge, and the review then uses it', async () => {
    const first = await runCli(['themes', '--suggest', '--today', TODAY], dir);
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, /Wrote partner-worksheets\.yaml: \d+ themes from autumn-2026 \(Getting there, Young people/);
    const written = readFileSync(join(dir, 'partner-worksheets.yaml'), 'utf8');
    // The team edits the draft: a theme of their own, and one starter theme dropped.
    const edited = written.replace(/\n {2}- \{id: youth,[^\n]*/, '').replace('themes:\n', 'themes:\n  - {id: music, label: Music, synonyms: [harpsichord]}\n');
    writeFileSync(join(dir, 'partner-worksheets.yaml'), edited);
    const again = await runCli(['themes', '--suggest', '--today', TODAY], dir);
    assert.equal(again.code, 1);
    assert.match(again.err, /has a theme vocabulary; nothing was written\. Run again with --merge to add the 1 suggested theme it lacks/);
    assert.equal(readFileSync(join(dir, 'partner-worksheets.yaml'), 'utf8'), edited);
    const merged = await runCli(['themes', '--suggest', '--merge', '--today', TODAY], dir);
    assert.equal(merged.code, 0, merged.err);
    assert.match(merged.out, /Added to partner-worksheets\.yaml: 1 theme from autumn-2026 \(Young people\)/);
    const review = JSON.parse((await runCli(['review', '--format', 'json', '--today', TODAY], dir)).out) as ReviewSummary;
    assert.deepEqual(review.themes.filter((t) => t.source === 'suggested'), []);
    assert.ok(review.themes.some((t) => t.id === 'music' && t.source === 'matched'));
    const none = await runCli(['themes', '--suggest', '--merge', '--today', TODAY], dir);
    assert.equal(none.code, 1);
    assert.match(none.err, /No theme to add/);
  });

  it('never writes through a link, into a file outside the folder or a worksheet, nor into YAML of another kind', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'pw-outside-'));
    try {
      const kube = join(outside, 'config');
      const kubeText = 'apiVersion: v1\nkind: Config\nclusters: []\n';
      writeFileSync(kube, kubeText);
      const sheet = join(dir, 'bayview', '2026-10-10.worksheet.yaml');
      const sheetText = readFileSync(sheet, 'utf8');
      const settings = join(dir, 'partner-worksheets.yaml');
      for (const [to, text] of [[kube, kubeText], [sheet, sheetText], [join(outside, 'missing.yaml'), undefined]] as const) {
        symlinkSync(to, settings);
        const r = await runCli(['themes', '--suggest', '--merge', '--today', TODAY], dir);
        assert.equal(r.code, 2, to);
        assert.equal(r.err, 'partner-worksheets: partner-worksheets.yaml is a link; edit the file it points to yourself, or replace the link with a file; nothing was written.\n');
        if (text !== undefined) assert.equal(readFileSync(to, 'utf8'), text);
        else assert.ok(!existsSync(to), 'nothing made at the end of a dangling link');
        rmSync(settings);
      }
      // A regular file of another kind (a kubeconfig copied in) is not edited either.
      writeFileSync(settings, kubeText);
      const r = await runCli(['themes', '--suggest', '--merge', '--today', TODAY], dir);
      assert.equal(r.code, 2);
      assert.match(r.err, /partner-worksheets\.yaml is not a settings file this command can edit \(it has no `kind: config`\); nothing was written/);
      assert.equal(readFileSync(settings, 'utf8'), kubeText);
      // Nor one with no kind at all: some other tool's settings under this name.
      const service = 'services:\n  db: {password: hunter2}\n';
      writeFileSync(settings, service);
      assert.equal((await runCli(['themes', '--suggest', '--merge', '--today', TODAY], dir)).code, 2);
      assert.equal(readFileSync(settings, 'utf8'), service);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('asks for --suggest', async () => {
    const r = await runCli(['themes'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /themes needs --suggest/);
  });
});
