// The team review on a fixture round whose every figure is known
// (test/fixtures/review-round: six partners in autumn-2026, three of them met
// in spring-2026 too), plus theme matching, line links, escaping and scale.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { WorkspaceIndex } from '../../src/core/workspace';
import { nodeFileSystem } from '../../src/cli/node-fs';
import { MAX_LISTED, summarize } from '../../src/core/summary/summarize';
import { Context, firstListed, firmThemes } from '../../src/core/summary/context';
import type { FirmThemes } from '../../src/core/summary/context';
import { patchRoundNotes, roundNotes } from '../../src/core/summary/sections/round-notes';
import type { RoundNotes } from '../../src/core/summary/sections/round-notes';
import { vocabularies } from '../../src/core/themes/vocabulary';
import { isHeld } from '../../src/core/facts';
import type { Ref, ReviewSummary, ThemeEntry } from '../../src/core/summary/summarize';
import { ThemeMatcher, suggestThemes } from '../../src/core/summary/themes';
import { SourceLines } from '../../src/core/summary/locate';
import { mdEscape, renderMarkdown } from '../../src/core/summary/render-markdown';
import { INLINE_ITEMS, renderPart, renderStandaloneHtml, renderSummaryBody, formatRate, withCode } from '../../src/core/summary/render-html';
import { reviewText } from '../../src/core/summary/review-file';
import { checkText } from '../../src/core/check';
import { YamlView, parseFile } from '../../src/core/yaml';
import { CONFIG, WORKSHEET, variant } from './helpers';

const TODAY = '2026-11-24';
const ROOT = resolve('test/fixtures/review-round').split('\\').join('/');
const file = (rel: string) => `${ROOT}/${rel}`;

async function fixture(): Promise<WorkspaceIndex> {
  const index = new WorkspaceIndex(() => TODAY);
  await index.loadFolder(nodeFileSystem, ROOT);
  return index;
}

const ids = (qs: { partner: { id: string } }[]) => qs.map((q) => q.partner.id);
const themesOf = (s: ReviewSummary, category: string) => s.similarities.find((g) => g.category === category)!.themes;
const byId = (themes: ThemeEntry[]) => Object.fromEntries(themes.map((t) => [t.id, t.partners]));
const where = (q: Ref) => `${q.uri.slice(ROOT.length + 1)}:${q.line}`;

describe('team review summary of the fixture round', () => {
  let index: WorkspaceIndex;
  let s: ReviewSummary;
  before(async () => {
    index = await fixture();
    s = summarize(index, { today: TODAY });
  });

  it('reviews the latest round with held meetings, against the one before', () => {
    assert.equal(s.round, 'autumn-2026');
    assert.equal(s.previousRound, 'spring-2026');
    assert.deepEqual(s.rounds, ['spring-2026', 'autumn-2026']);
    assert.equal(summarize(index, { round: 'spring-2026', today: TODAY }).previousRound, undefined);
  });

  it('gives every partner met their success in their own words, whether they confirmed it, and their correction, linked to the lines', () => {
    assert.deepEqual(s.success.statements.map((x) => [x.partner.id, x.text, x.response, where(x), x.correction && [x.correction.text, where(x.correction)]]), [
      ['alpha-arts', 'Young artists exhibit in public, and a grant pays for their materials.', 'confirmed', 'alpha-arts/2026-10-05.worksheet.yaml:17', undefined],
      ['bridge-library', 'Teenagers treat the library as their own place.', 'confirmed', 'bridge-library/2026-10-12.worksheet.yaml:17', undefined],
      ['city-choir', 'Anyone who wants to sing has a choir to sing in.', 'not-asked', 'city-choir/2026-10-18.worksheet.yaml:17', undefined],
      ['delta-seniors', 'Nobody in the ward spends a week without company.', 'confirmed', 'delta-seniors/2026-10-22.worksheet.yaml:17', undefined],
      ['echo-youth', 'Their films are seen by the whole estate.', 'corrected', 'echo-youth/2026-10-26.worksheet.yaml:17', ['In a cinema, not a community hall.', 'echo-youth/2026-10-26.worksheet.yaml:24']],
    ]);
    assert.equal(s.success.statementsTotal, 5);
    assert.deepEqual(s.success.missing, [], 'Fern Garden is not met yet: not a missing statement');
  });

  it('lists a met partner whose worksheet records no success statement as missing', () => {
    const uri = file('delta-seniors/2026-10-22.worksheet.yaml');
    const before = index.get(uri)!.text;
    try {
      index.set(uri, before.replace(/ {2}success_in_their_words: .*\n/, ''));
      const edited = summarize(index, { today: TODAY });
      assert.deepEqual(edited.success.statements.map((x) => x.partner.id), ['alpha-arts', 'bridge-library', 'city-choir', 'echo-youth']);
      assert.deepEqual(edited.success.missing.map((p) => [p.id, p.organization, where(p)]), [['delta-seniors', 'Delta Seniors Club', 'delta-seniors/2026-10-22.worksheet.yaml:17']]);
      assert.equal(edited.success.missingTotal, 1);
      assert.match(renderMarkdown(edited), /- No success statement recorded: Delta Seniors Club \(`.*delta-seniors\/2026-10-22.worksheet.yaml:17`\)/);
    } finally {
      index.set(uri, before);
    }
  });

  it('orders rounds by their meetings: a review dated a year off or a round with only a review file reorders nothing', () => {
    const off = file('reviews/autumn-2026.review.yaml');
    const before = index.get(off)!.text;
    const empty = file('reviews/summer-2026.review.yaml');
    try {
      index.set(off, before.replace('date: 2026-11-20', 'date: 2025-11-20'));
      index.set(empty, 'kind: review\nversion: 1\nround: summer-2026\ndate: 2026-07-15\n');
      assert.deepEqual(index.rounds(), ['spring-2026', 'summer-2026', 'autumn-2026']);
      const t = summarize(index, { today: TODAY });
      assert.equal(t.round, 'autumn-2026');
      assert.equal(t.previousRound, 'spring-2026', 'a round with no meetings is not the previous round');
      assert.deepEqual(t.trends.partners, { previous: 3, current: 5 });
    } finally {
      index.set(off, before);
      index.delete(empty);
    }
  });

  it('counts coverage: partners and meetings by status, partners to meet, rates, overdue items, meeting length', () => {
    const c = s.coverage;
    assert.deepEqual(c.meetings, { planned: 1, prepared: 0, held: 1, filled: 1, shared: 3, total: 6 });
    assert.deepEqual(c.partners, { planned: 1, prepared: 0, held: 1, filled: 1, shared: 3, total: 6 });
    assert.deepEqual(c.funnel, { all: 6, held: 5, filled: 4, shared: 3 });
    assert.deepEqual(c.toMeet.map((p) => [p.id, p.date, p.status, p.line]), [['fern-garden', '2026-12-05', 'planned', 6]]);
    assert.deepEqual(c.confirmation, { count: 4, total: 5 });
    assert.deepEqual(c.nextStep, { count: 4, total: 5 });
    assert.deepEqual(c.followUpOnly, { count: 1, total: 5 });
    assert.deepEqual(c.overdueNextSteps.map((o) => [o.partner.id, o.date, o.daysLate, o.owner, where(o)]), [
      ['alpha-arts', '2026-11-01', 23, 'sam', 'alpha-arts/2026-10-05.worksheet.yaml:31'],
      ['echo-youth', '2026-11-20', 4, 'sam', 'echo-youth/2026-10-26.worksheet.yaml:29'],
    ]);
    assert.deepEqual(c.overdueFollowUps.map((o) => [o.partner.id, o.date, o.daysLate, where(o)]), [['city-choir', '2026-11-10', 14, 'city-choir/2026-10-18.worksheet.yaml:22']]);
    assert.equal(c.medianMinutes, 45);
    assert.deepEqual(c.withinRange, { count: 4, total: 5 });
  });

  it('counts partners per theme, not mentions, per note category', () => {
    assert.deepEqual(byId(themesOf(s, 'challenges')), {
      space: ['alpha-arts', 'city-choir', 'echo-youth'],
      transport: ['alpha-arts', 'delta-seniors'],
    });
    // "Members choose the songs" and "Members choose the outings": the starter vocabulary's "Having a say".
    assert.deepEqual(byId(themesOf(s, 'values')), { 'youth-voice': ['alpha-arts', 'echo-youth'], voice: ['city-choir', 'delta-seniors'] });
    assert.deepEqual(byId(themesOf(s, 'goals')), {
      visibility: ['alpha-arts', 'bridge-library', 'city-choir', 'echo-youth'],
      'youth-voice': ['alpha-arts', 'echo-youth'],
    });
    assert.deepEqual(byId(themesOf(s, 'commitments')), { capacity: ['alpha-arts', 'bridge-library', 'city-choir'] });
    // Alpha Arts tagged youth-voice in a value and a goal: one partner in each category, never two.
    assert.equal(themesOf(s, 'goals').find((t) => t.id === 'youth-voice')!.quotes.length, 2);
  });

  it('gives one short quote per partner, in their words, linked to file and line', () => {
    const space = themesOf(s, 'challenges').find((t) => t.id === 'space')!;
    assert.deepEqual(space.quotes.map((q) => [q.partner.organization, q.text, where(q), q.source]), [
      ['Alpha Arts', 'The work never leaves the studio.', 'alpha-arts/2026-10-05.worksheet.yaml:19', 'tagged'],
      ['City Community Choir', 'Rehearsal hall rent doubled', 'city-choir/2026-10-18.worksheet.yaml:18', 'tagged'],
      ['Echo Youth Film', 'Nowhere to screen the film', 'echo-youth/2026-10-26.worksheet.yaml:18', 'tagged'],
    ]);
    const transport = themesOf(s, 'challenges').find((t) => t.id === 'transport')!;
    assert.deepEqual(transport.quotes.map((q) => [where(q), q.source]), [
      ['alpha-arts/2026-10-05.worksheet.yaml:20', 'matched'],
      ['delta-seniors/2026-10-22.worksheet.yaml:18', 'tagged'],
    ]);
    assert.equal(transport.source, 'tagged', 'the strongest evidence names the theme');
  });

  it('lists every theme with its partners and where it came from: tagged, matched or suggested', () => {
    const t = (category: string, id: string) => s.themes.find((x) => x.category === category && x.id === id);
    assert.deepEqual(Object.keys(s.themes[0]).sort(), ['category', 'id', 'label', 'partners', 'source']);
    assert.deepEqual(t('challenges', 'capacity'), { id: 'capacity', label: 'Staff and volunteers', category: 'challenges', partners: ['bridge-library'], source: 'matched' });
    assert.deepEqual(t('commitments', 'transport')?.source, 'matched', '"minibus" is a synonym');
    assert.deepEqual(t('goals', 'visibility')?.source, 'tagged');
    assert.deepEqual(t('values', 'voice'), { id: 'voice', label: 'Having a say', category: 'values', partners: ['city-choir', 'delta-seniors'], source: 'suggested' });
    // Suggestions one partner raised stay out of the list; the summary counts them.
    assert.deepEqual(s.themes.filter((x) => x.source === 'suggested').map((x) => `${x.category}:${x.id}`), ['values:voice']);
    assert.deepEqual(s.themeStatus, { agreedFrom: 'team', suggested: 1, suggestedOnce: 4 });
    assert.equal(s.themes.length, 13);
  });

  it('finds outliers: a theme one partner raised that sits in their own success definition', () => {
    assert.deepEqual(s.outliers.map((o) => [o.theme.id, o.theme.source, o.partner.id, where(o.success), o.notes.map(where)]), [
      ['funding', 'tagged', 'alpha-arts', 'alpha-arts/2026-10-05.worksheet.yaml:17', ['alpha-arts/2026-10-05.worksheet.yaml:24']],
    ]);
  });

  it('shows trends within the round: themes two or more partners share, per category, with the partners met', () => {
    assert.equal(s.trends.partners.current, 5);
    assert.deepEqual(s.trends.within.map((g) => [g.category, g.themes.map((t) => [t.id, t.partners])]), [
      ['challenges', [['space', 3], ['transport', 2]]],
      ['values', [['youth-voice', 2]]],
      ['goals', [['visibility', 4], ['youth-voice', 2]]],
      ['commitments', [['capacity', 3]]],
    ]);
    assert.match(renderMarkdown(s), /- Goals: Being seen, 80% \(4 of 5\)\n/);
  });

  it('compares rounds by shares of partners met, per category: a commitment of rooms is no rising challenge', () => {
    const t = s.trends;
    const pairs = (l: { category: string; id: string; previous: number; current: number }[]) => l.map((x) => [x.category, x.id, x.previous, x.current]);
    assert.deepEqual(t.partners, { previous: 3, current: 5 });
    assert.deepEqual(pairs(t.rising), [['goals', 'visibility', 1, 4], ['challenges', 'space', 1, 3]]);
    assert.deepEqual(pairs(t.falling), []);
    // Bridge Library offers rooms: space among commitments, apart from the challenge.
    assert.deepEqual(pairs(t.new).slice(0, 4), [['commitments', 'capacity', 0, 3], ['challenges', 'transport', 0, 2], ['values', 'youth-voice', 0, 2], ['goals', 'youth-voice', 0, 2]]);
    assert.ok(pairs(t.new).some(([c, id]) => c === 'commitments' && id === 'space'));
    assert.deepEqual(pairs(t.gone), [['challenges', 'funding', 2, 0], ['values', 'wellbeing', 1, 0]]);
    assert.deepEqual(t.steady, []);
    assert.match(renderMarkdown(s), /- Rising: Space and venues \(challenges\): 1 of 3 to 60% \(3 of 5\)\n/);
  });

  it('calls a theme raised by more partners but a smaller share of them falling, not rising', () => {
    // Spring: one partner met, and they named space. Autumn: three of five name it.
    const spring = index.meetings().filter((m) => m.round === 'spring-2026' && m.partnerId !== 'city-choir');
    const saved = spring.map((m) => [m.uri, index.get(m.uri)!.text] as const);
    try {
      for (const [uri, text] of saved) index.set(uri, text.replace('status: shared', 'status: planned'));
      const t = summarize(index, { today: TODAY }).trends;
      assert.deepEqual(t.partners, { previous: 1, current: 5 });
      assert.deepEqual(t.falling.map((x) => [x.category, x.id, x.previous, x.current]), [['challenges', 'space', 1, 3]]);
      assert.ok(!t.rising.some((x) => x.id === 'space'));
    } finally {
      for (const [uri, text] of saved) index.set(uri, text);
    }
  });

  it('compares with the round before as it is now: an edit of it, or new aliases, show in the next review', () => {
    // The review before this one kept what it worked out of spring (SummaryCache.kept).
    const pairs = (l: { category: string; id: string; previous: number; current: number }[]) => l.map((x) => [x.category, x.id, x.previous, x.current]);
    assert.deepEqual(pairs(summarize(index, { today: TODAY }).trends.gone), [['challenges', 'funding', 2, 0], ['values', 'wellbeing', 1, 0]]);
    const spring = file('alpha-arts/2026-04-10.worksheet.yaml');
    const springText = index.get(spring)!.text;
    const settings = file('partner-worksheets.yaml');
    const settingsText = index.get(settings)!.text;
    try {
      // Alpha Arts' spring challenge was money; written as transport, funding falls to one partner
      // and transport (2 of 5 partners this round) was there before.
      index.set(spring, springText.replace('themes: [funding]', 'themes: [transport]'));
      let t = summarize(index, { today: TODAY }).trends;
      assert.deepEqual(pairs(t.gone), [['challenges', 'funding', 1, 0], ['values', 'wellbeing', 1, 0]]);
      assert.deepEqual(pairs(t.steady).concat(pairs(t.rising), pairs(t.falling)).filter(([, id]) => id === 'transport'), [['challenges', 'transport', 1, 2]]);
      // The same spring worksheets, but the team now calls Bridge Library by Alpha Arts' id:
      // funding was one partner's challenge in spring.
      index.set(spring, springText);
      index.set(settings, `${settingsText}aliases: {bridge-library: alpha-arts}\n`);
      t = summarize(index, { today: TODAY }).trends;
      assert.equal(t.partners.previous, 2);
      assert.deepEqual(pairs(t.gone).find(([, id]) => id === 'funding'), ['challenges', 'funding', 1, 0]);
    } finally {
      index.set(spring, springText);
      index.set(settings, settingsText);
    }
    assert.deepEqual(pairs(summarize(index, { today: TODAY }).trends.gone), [['challenges', 'funding', 2, 0], ['values', 'wellbeing', 1, 0]]);
  });

  it('finds opportunities (a): partner goals and challenges the team offers can serve', () => {
    assert.deepEqual(s.opportunities.offers.map((o) => [o.offer.text, ids(o.goals), ids(o.challenges), o.challengesTotal]), [
      ['Free gallery space in summer', ['alpha-arts', 'bridge-library', 'city-choir', 'echo-youth'], ['alpha-arts', 'city-choir', 'echo-youth'], 3],
      // The minibus meets the partners who cannot get there, not only the one whose goal it serves.
      ['Museum minibus on weekday afternoons', ['delta-seniors'], ['alpha-arts', 'delta-seniors'], 2],
    ]);
    const minibus = s.opportunities.offers[1];
    assert.deepEqual(minibus.challenges.map((q) => [q.text, where(q)]), [
      ['Getting to the city centre by bus', 'alpha-arts/2026-10-05.worksheet.yaml:20'],
      ['Members cannot get to town without a lift', 'delta-seniors/2026-10-22.worksheet.yaml:18'],
    ]);
    assert.match(renderMarkdown(s), /\*\*Museum minibus on weekday afternoons\*\*\n\nGoals it can serve:\n\n- \*\*Delta Seniors Club\*\*: .*\n\nChallenges it can meet:\n\n- \*\*Alpha Arts\*\*: "Getting to the city centre by bus"/);
  });

  it('finds opportunities (b): one partner\'s challenge answered by another\'s commitment', () => {
    assert.deepEqual(s.opportunities.complementary.map((c) => [c.theme, ids(c.needs), ids(c.offers), c.pairs]), [
      ['space', ['alpha-arts', 'city-choir', 'echo-youth'], ['bridge-library'], 3],
      ['transport', ['alpha-arts', 'delta-seniors'], ['city-choir'], 2],
      // Bridge Library both needs and gives volunteers: it pairs with the two others only.
      ['capacity', ['bridge-library'], ['alpha-arts', 'bridge-library', 'city-choir'], 2],
    ]);
  });

  it('lists the convenings with this round\'s partners and their gaps, and the shared goals no convening covers', async () => {
    const none = await fixture();
    assert.deepEqual(summarize(none, { today: TODAY }).convenings, { items: [], itemsTotal: 0, uncovered: s.opportunities.clusters });
    const withOne = await fixture();
    const conv = file('convenings/youth-voice.convening.yaml');
    withOne.set(conv, [
      'kind: convening', 'version: 1', 'name: Youth Voice Network', 'status: forming',
      'convener: {organization: City Museum}',
      'partners:', '  - {id: alpha-arts, roles: [member]}', '  - {id: echo-youth, roles: [member]}', '  - {id: fern-garden, roles: [member]}',
      '',
    ].join('\n'));
    const c = summarize(withOne, { today: TODAY }).convenings;
    // Fern Garden is in it but not met this round: only met partners are listed.
    assert.deepEqual(c.items.map((x) => [x.name, x.status, x.partners.map((p) => p.id), x.uri === conv, x.line]), [['Youth Voice Network', 'forming', ['alpha-arts', 'echo-youth'], true, 1]]);
    const codes = c.items[0].gaps.map((g) => g.code);
    assert.ok(codes.includes('coordinator-vacant') && codes.includes('missing-convener-vision'), codes.join(', '));
    assert.ok(c.items[0].gaps.every((g) => g.severity !== ('info' as string)));
    // The youth-voice goal of Alpha and Echo is covered; visibility (four partners) is not.
    assert.deepEqual(c.uncovered.map((x) => x.themes.map((t) => t.id)), [['visibility']]);
    const md = renderMarkdown(summarize(withOne, { today: TODAY }));
    assert.match(md, /## Convenings\n\n- \*\*Youth Voice Network\*\* \(forming\): Alpha Arts, Echo Youth Film \(`[^`]*youth-voice\.convening\.yaml:1`\)\n {2}- warning /);
    assert.match(md, /### Shared goals no convening covers yet\n\n- Being seen: Alpha Arts, Bridge Library, City Community Choir, Echo Youth Film/);
  });

  it('finds opportunities (c) and (d): clusters of shared goals, and goals no next step serves', () => {
    assert.deepEqual(s.opportunities.clusters.map((c) => [c.themes.map((t) => t.id), c.partners.map((p) => p.id)]), [
      [['visibility'], ['alpha-arts', 'bridge-library', 'city-choir', 'echo-youth']],
      [['youth-voice'], ['alpha-arts', 'echo-youth']],
    ]);
    // Delta's next step serves "weekly outings": the same words, in another case.
    assert.deepEqual(s.opportunities.unservedGoals.map((g) => [g.partner.id, g.text, where(g)]), [
      ['alpha-arts', 'A grant for materials', 'alpha-arts/2026-10-05.worksheet.yaml:24'],
      ['city-choir', 'A public concert with an audience of two hundred', 'city-choir/2026-10-18.worksheet.yaml:20'],
      ['echo-youth', 'Paid roles for two young editors', 'echo-youth/2026-10-26.worksheet.yaml:22'],
    ]);
  });

  it('lists the round\'s open gaps (errors and warnings) with their files and lines', () => {
    assert.deepEqual(s.gaps.map((g) => `${g.file}:${g.line} ${g.severity} ${g.code}`), [
      'alpha-arts/2026-10-05.worksheet.yaml:31 warning overdue-next-step',
      'city-choir/2026-10-18.worksheet.yaml:3 warning missing-confirmation',
      'city-choir/2026-10-18.worksheet.yaml:22 warning overdue-follow-up',
      'delta-seniors/2026-10-22.worksheet.yaml:3 warning not-filled',
      'echo-youth/2026-10-26.worksheet.yaml:29 warning overdue-next-step',
      'reviews/autumn-2026.review.yaml:8 warning overdue-commitment',
    ]);
    assert.equal(s.gaps[0].partner?.id, 'alpha-arts');
  });

  it('lists among its gaps the worksheets it does not count: a lookalike round, no round, not readable', async () => {
    const echo = readFileSync(file('echo-youth/2026-10-26.worksheet.yaml'), 'utf8');
    const other = (id: string, date: string) => echo.replace(/echo-youth/g, id).replace('Echo Youth Film', `${id} group`).replace('date: 2026-10-26', `date: ${date}`);
    const extra = {
      'gale-trust/2026-10-06.worksheet.yaml': other('gale-trust', '2026-10-06').replace('round: autumn-2026', 'round: autum-2026'),
      'hill-school/2026-10-21.worksheet.yaml': other('hill-school', '2026-10-21').replace('round: autumn-2026\n', ''),
      'hill-school/2026-04-18.worksheet.yaml': other('hill-school', '2026-04-18').replace('round: autumn-2026\n', ''),
      'iris-club/2026-10-23.worksheet.yaml': 'kind: worksheet\u0000',
    };
    const index = await fixture();
    const before = summarize(index, { today: TODAY });
    for (const [rel, text] of Object.entries(extra)) index.set(file(rel), text);
    const after = summarize(index, { today: TODAY });
    const strays = after.gaps.filter((g) => !before.gaps.some((b) => b.uri === g.uri && b.line === g.line && b.code === g.code));
    assert.deepEqual(strays.map((g) => `${g.file} ${g.severity} ${g.code}`), [
      'iris-club/2026-10-23.worksheet.yaml error yaml-syntax',
      'gale-trust/2026-10-06.worksheet.yaml warning round-lookalike',
      'gale-trust/2026-10-06.worksheet.yaml warning overdue-next-step',
      'hill-school/2026-10-21.worksheet.yaml warning missing-round',
      'hill-school/2026-10-21.worksheet.yaml warning overdue-next-step',
    ]);
    // Listed, not counted: the round's figures are as they were.
    assert.deepEqual(after.coverage, before.coverage);
    assert.equal(strays.find((g) => g.code === 'round-lookalike')!.partner?.id, 'gale-trust');
    // The lookalike is not the round before either: autumn is still compared with spring.
    assert.equal(after.previousRound, before.previousRound);
    assert.equal(after.previousRound, 'spring-2026');
    // The spring round gets the April worksheet with no round, and the file no one can read; not the autumn lookalike.
    const spring = summarize(index, { today: TODAY, round: 'spring-2026' });
    const springFiles = spring.gaps.map((g) => g.file);
    assert.ok(springFiles.includes('hill-school/2026-04-18.worksheet.yaml') && springFiles.includes('iris-club/2026-10-23.worksheet.yaml'), springFiles.join(', '));
    assert.ok(!springFiles.includes('gale-trust/2026-10-06.worksheet.yaml') && !springFiles.includes('hill-school/2026-10-21.worksheet.yaml'));
  });

  it('counts a meeting written up twice once, and lists the later write-up among its gaps', async () => {
    const index = await fixture();
    const before = summarize(index, { today: TODAY });
    // A colleague who was at the meeting with Alpha Arts wrote it up too.
    const alpha = readFileSync(file('alpha-arts/2026-10-05.worksheet.yaml'), 'utf8');
    index.set(file('alpha-arts/2026-10-05-sam.worksheet.yaml'), alpha.replace(/^notes:\n/m, 'notes:\n  compelling: [They brought their own sketchbooks]\n'));
    const after = summarize(index, { today: TODAY });
    const added = after.gaps.filter((g) => !before.gaps.some((b) => b.uri === g.uri && b.line === g.line && b.code === g.code));
    assert.deepEqual(added.map((g) => `${g.file} ${g.code}`), ['alpha-arts/2026-10-05-sam.worksheet.yaml duplicate-meeting', 'alpha-arts/2026-10-05-sam.worksheet.yaml overdue-next-step']);
    const figures = (x: ReviewSummary) => JSON.stringify({ ...x, gaps: undefined, gapsTotal: undefined });
    assert.equal(figures(after), figures(before));
    // Two meetings of one day, each with its start time, are both counted.
    const at = (time: string) => alpha.replace(/^( {2}date: 2026-10-05)$/m, `$1\n  start: "${time}"`);
    index.set(file('alpha-arts/2026-10-05.worksheet.yaml'), at('10:00'));
    index.set(file('alpha-arts/2026-10-05-sam.worksheet.yaml'), at('17:00'));
    assert.equal(summarize(index, { today: TODAY }).coverage.meetings.total, before.coverage.meetings.total + 1);
  });

  it('reads the commitments already recorded in the round\'s review file', () => {
    assert.deepEqual(s.commitments.map((c) => [c.action, c.owner, c.due, c.status, c.partners, c.overdue, c.index, where(c)]), [
      ['Offer the library rooms to Echo Youth Film', 'ana', '2026-11-15', undefined, ['echo-youth', 'bridge-library'], true, 0, 'reviews/autumn-2026.review.yaml:8'],
      ['Map the minibus routes', 'priya', '2026-12-01', 'done', ['delta-seniors'], false, 1, 'reviews/autumn-2026.review.yaml:9'],
    ]);
    assert.equal(s.review?.uri, file('reviews/autumn-2026.review.yaml'));
  });

  it('shows what the team wrote in its review file (similarities, trends, opportunities), each linked to its line', () => {
    assert.deepEqual(s.conclusions.map((c) => [c.date, c.attendees, c.similarities.map((x) => [x.text, where(x)]), c.trends, c.opportunities]), [
      ['2026-11-20', ['sam', 'ana', 'jordan', 'priya'], [['Space keeps coming up', 'reviews/autumn-2026.review.yaml:6']], [], []],
    ]);
    const uri = file('reviews/autumn-2026.review.yaml');
    const before = index.get(uri)!.text;
    const evil = '<img src=x onerror=alert(1)>';
    index.set(uri, before.replace('similarities: [Space keeps coming up]\n', [
      'similarities: [Space keeps coming up]',
      'trends:',
      '  - Youth voice came up in every meeting',
      `  - "${evil}"`,
      'opportunities:',
      '  - {text: Pair the choir with the library hall, partners: [city-choir, bridge-library]}',
      '  - Ask the council about a minibus',
      '',
    ].join('\n')));
    try {
      const t = summarize(index, { today: TODAY });
      const [c] = t.conclusions;
      assert.deepEqual(c.trends.map((x) => [x.text, where(x)]), [['Youth voice came up in every meeting', 'reviews/autumn-2026.review.yaml:8'], [evil, 'reviews/autumn-2026.review.yaml:9']]);
      assert.deepEqual(c.opportunities.map((x) => [x.text, x.partners, where(x)]), [
        ['Pair the choir with the library hall', ['city-choir', 'bridge-library'], 'reviews/autumn-2026.review.yaml:11'],
        ['Ask the council about a minibus', [], 'reviews/autumn-2026.review.yaml:12'],
      ]);
      const md = renderMarkdown(t, where);
      assert.match(md, /## The team's review\n\nOn 2026-11-20, with sam, ana, jordan, priya \(`reviews\/autumn-2026\.review\.yaml:1`\):\n\n### Similarities\n\n- Space keeps coming up \(`reviews\/autumn-2026\.review\.yaml:6`\)\n\n### Trends\n/);
      assert.match(md, /- Pair the choir with the library hall \(city-choir, bridge-library\) \(`reviews\/autumn-2026\.review\.yaml:11`\)\n/);
      assert.ok(md.indexOf("\n## The team's review") < md.indexOf('\n## Commitments'), 'before the commitments');
      const html = renderSummaryBody(t);
      assert.match(html, /<section id="team-review"[^>]*>.*<h3>Opportunities<\/h3><ul><li><a [^>]*data-line="11"[^>]*>Pair the choir with the library hall<\/a> <span class="muted">\(city-choir, bridge-library\)<\/span><\/li>/s);
      assert.ok(!html.includes('<img') && html.includes('&#60;img src=x onerror=alert(1)&#62;'), 'hostile text stays text');
      // A review that records only commitments has nothing to show here, and says so.
      index.set(uri, before.replace('similarities: [Space keeps coming up]\n', ''));
      const none = summarize(index, { today: TODAY });
      assert.deepEqual(none.conclusions, []);
      assert.match(renderMarkdown(none, where), /## The team's review\n\nNo similarities, trends or opportunities written yet \(`reviews\/autumn-2026\.review\.yaml:1`\)\./);
    } finally {
      index.set(uri, before);
    }
  });

  it('carries every open commitment of earlier reviews into this round\'s, with its age, until it is done', () => {
    const spring = file('reviews/spring-2026.review.yaml');
    index.set(spring, [
      'kind: review', 'version: 1', 'round: spring-2026', 'date: 2026-05-02', 'attendees: [sam]', 'commitments:',
      '  - {action: Ask the council about the bus, owner: ana, due: 2026-06-01, status: done}',
      '  - {action: Find an evening venue for Alpha, owner: sam, due: 2026-06-30, partners: [alpha-arts]}',
      '  - {action: Introduce Bridge to the volunteer bureau, partners: [bridge-library]}',
      '  - {action: Write to the arts council, owner: sam, due: 2027-01-10}',
      '',
    ].join('\n'));
    try {
      const t = summarize(index, { today: TODAY });
      assert.deepEqual(t.carried.map((c) => [c.action, c.round, c.made, c.ageDays, c.overdue, c.daysLate, c.index, where(c)]), [
        ['Find an evening venue for Alpha', 'spring-2026', '2026-05-02', 206, true, 147, 1, 'reviews/spring-2026.review.yaml:8'],
        ['Introduce Bridge to the volunteer bureau', 'spring-2026', '2026-05-02', 206, false, undefined, 2, 'reviews/spring-2026.review.yaml:9'],
        ['Write to the arts council', 'spring-2026', '2026-05-02', 206, false, undefined, 3, 'reviews/spring-2026.review.yaml:10'],
      ]);
      assert.equal(t.carriedTotal, 3);
      // This round's own commitments are not carried; spring's review carries nothing into itself.
      assert.deepEqual(summarize(index, { round: 'spring-2026', today: TODAY }).carried, []);
      assert.match(renderMarkdown(t), /### Still open from earlier reviews\n\n- Find an evening venue for Alpha \(sam, by 2026-06-30\) \*\*overdue\*\*, from spring-2026, made 206 days ago, 147 days overdue \(`.*reviews\/spring-2026.review.yaml:8`\)\n/);
      assert.deepEqual(index.check(spring).map((f) => `${f.range.start.line + 1} ${f.code}`).filter((x) => !x.endsWith('unknown-partner')).sort(), ['8 overdue-commitment', '9 commitment-due', '9 commitment-owner']);
    } finally {
      index.delete(spring);
    }
  });

  it('is plain JSON: it survives a round trip unchanged', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(s)), s);
  });

  it('is the same summary when computed again from cached documents, and follows an edit', () => {
    assert.deepEqual(summarize(index, { today: TODAY }), s);
    const uri = file('delta-seniors/2026-10-22.worksheet.yaml');
    const before = index.get(uri)!.text;
    try {
      index.set(uri, before.replace('themes: [transport]}]\n  values', 'themes: [space]}]\n  values'));
      const edited = summarize(index, { today: TODAY });
      assert.deepEqual(byId(themesOf(edited, 'challenges')).space, ['alpha-arts', 'city-choir', 'delta-seniors', 'echo-youth']);
      assert.equal(byId(themesOf(edited, 'challenges')).transport, undefined);
    } finally {
      index.set(uri, before);
    }
  });

  it('writes a prefilled review file the schema accepts, with commitments left to agree', () => {
    const text = reviewText(summarize(index, { round: 'spring-2026', today: TODAY }), TODAY);
    const findings = checkText('/t/reviews/spring-2026.review.yaml', text, { today: TODAY }).findings;
    assert.deepEqual(findings.filter((f) => f.code === 'schema' || f.code === 'yaml-syntax'), []);
    const autumn = reviewText(s, TODAY);
    assert.deepEqual(checkText('/t/reviews/autumn-2026.review.yaml', autumn, { today: TODAY }).findings.filter((f) => f.code === 'schema' || f.code === 'yaml-syntax'), []);
    assert.match(autumn, /\nround: autumn-2026\ndate: 2026-11-24\n/);
    assert.match(autumn, /similarities:\n {2}- "Space and venues: a challenge for 3 partners \(Alpha Arts, City Community Choir and Echo Youth Film\)"/);
    assert.match(autumn, /trends:\n {2}- "Being seen \(goals\) is rising: 1 of 3 partners met in spring-2026, 80% \(4 of 5\) now"/);
    assert.match(autumn, /- text: "Space and venues: Alpha Arts, City Community Choir and Echo Youth Film need it; Bridge Library offers it"\n {4}partners: \[alpha-arts, city-choir, echo-youth, bridge-library\]/);
    assert.ok(!/Having a say/.test(autumn), 'suggested themes wait for people to confirm them');
    assert.match(autumn, /owner: ana, due: YYYY-MM-DD/);
    assert.match(autumn, /\ncommitments: \[\]\n$/);
  });
});

describe('theme matching', () => {
  const m = new ThemeMatcher([
    { id: 'space', label: 'Space and venues', synonyms: ['venue', 'room', 'hall'] },
    { id: 'youth-voice', label: 'Youth voice', synonyms: ['young people lead'] },
    { id: 'capacity', label: 'Staff and volunteers', synonyms: ['volunteer'] },
    { id: 'transport', label: 'Getting there', synonyms: ['bus'] },
  ]);

  it('matches synonyms as whole words by their stems: plurals and verb forms, not parts of words', () => {
    assert.deepEqual(m.match('No affordable venues nearby'), ['space']);
    assert.deepEqual(m.match('Volunteering is down'), ['capacity']);
    assert.deepEqual(m.match('Two buses a day'), ['transport']);
    assert.deepEqual(m.match('The hallway is narrow; a roomy bushel'), []);
  });

  it('matches ids, labels and many-word synonyms as phrases, in the order they appear', () => {
    assert.deepEqual(m.match('Where young people led, and youth voice mattered, space was found'), ['youth-voice', 'space']);
    assert.deepEqual(m.match('Staff and volunteers are tired'), ['capacity']);
    assert.deepEqual(m.match('Young people and the lead artist'), []);
  });

  it('prefers tags, then matches, then suggestions', () => {
    assert.deepEqual(m.themesOf('A room', ['funding', 'funding'], true), { ids: ['funding'], source: 'tagged' });
    assert.deepEqual(m.themesOf('A room', [], true), { ids: ['space'], source: 'matched' });
    assert.deepEqual(m.themesOf('Grandparents cook lunches together', [], true), { ids: ['grandparent', 'lunch'], source: 'suggested' });
    assert.deepEqual(m.themesOf('Grandparents cook lunches together', [], false), { ids: [], source: 'matched' });
  });

  it('suggests lemmatised nouns, not names, dates or generic words', () => {
    assert.deepEqual(suggestThemes('Film editing lessons every Friday'), ['lesson']);
    assert.deepEqual(suggestThemes('Lots of people, every year'), []);
    assert.deepEqual(suggestThemes(''), []);
  });
});

describe('review line links', () => {
  it('finds note lines by their text, and falls back to the parser where the text is escaped', () => {
    const text = [
      'kind: worksheet',
      'notes:',
      '  success_in_their_words: >-',
      '    Everyone is',
      '    welcome',
      '  challenges:',
      '    - "She said \\"no\\" twice"',
      '    - {text: A hall, themes: [space]}',
      '    - A hall',
      '  goals: [One, Two]',
      'next_step: {action: Call, due: 2026-01-01}',
    ].join('\n');
    const lines = new SourceLines('/t/a.worksheet.yaml', text);
    const view = new YamlView(parseFile('/t/a.worksheet.yaml', text));
    const exact = (path: (string | number)[]) => view.rangeOfNode(view.node(path))!.start.line + 1;
    assert.deepEqual(lines.itemLines(['notes', 'challenges'], ['She said "no" twice', 'A hall', 'A hall']), [exact(['notes', 'challenges', 0]), 8, 9]);
    assert.deepEqual(lines.itemLines(['notes', 'goals'], ['One', 'Two']), [10, 10]);
    assert.equal(lines.keyLine(['notes', 'success_in_their_words']), 3);
    assert.equal(lines.keyLine(['next_step', 'due']), 11);
    assert.equal(lines.keyLine(['follow_up', 'date']), 1, 'a missing key falls back to the file start');
  });
});

describe('the review kept up to date as a team writes', () => {
  // The review reuses what the last one worked out (the notes' themes and the
  // opportunities, the gaps, the coverage, the date and partner order) while
  // what it read is the same.
  // Whatever a team edits, the live index must give the summary a fresh index
  // of the same files gives, and no summary may change one handed out before.
  const deepFreeze = <T>(x: T): T => {
    if (x && typeof x === 'object' && !Object.isFrozen(x)) {
      Object.freeze(x);
      for (const v of Object.values(x)) deepFreeze(v);
    }
    return x;
  };

  /** The last review's notes as the summary cache keeps them for the next edit (round-notes.ts). */
  const keptNotes = (index: WorkspaceIndex) => (index.summaryCache as unknown as { sections: Map<string, { value: RoundNotes }> }).sections.get('notes')!.value;

  /** The themes of the last review's notes as kept for the next edit, in a fixed order. */
  const keptThemes = (index: WorkspaceIndex) => [...keptNotes(index).byTheme]
    .flatMap(([category, themes]) => [...themes].map(([id, t]) => ({ category, id, first: t.first, sources: t.sources, firm: t.firm && { first: t.firm.first, partners: [...t.firm.byPartner.keys()] } })))
    .sort((a, b) => `${a.category} ${a.id}`.localeCompare(`${b.category} ${b.id}`));

  /** Firm themes in their order (the trends read them in it), each partner's note by file and place. */
  const inOrder = (firm: FirmThemes) => [...firm].map(([category, themes]) => [category, [...themes].map(([id, byPartner]) => [id, [...byPartner].map(([p, n]) => [p, n.doc.uri, n.note.category, n.note.index])])]);

  /** The firm themes kept, worked out or brought up to date, are those of the kept notes as the round before's are (firmThemes). */
  const firmAsCounted = (index: WorkspaceIndex, what: string) => {
    const kept = keptNotes(index);
    assert.deepEqual(inOrder(kept.firm), inOrder(firmThemes(kept.notes)), `${what}: the firm themes`);
  };

  it('gives after every random edit the summary of a fresh index of the same files', async () => {
    const live = await fixture();
    const texts = new Map(live.documents().map((d) => [d.uri, d.text]));
    const worksheets = [...texts.keys()].filter((u) => u.endsWith('.worksheet.yaml'));
    const config = [...texts.keys()].find((u) => u.endsWith('partner-worksheets.yaml'))!;
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
    // One random match of `re` (global) replaced: edits land anywhere in a file, not only first.
    const somewhere = (text: string, re: RegExp, by: (m: string) => string) => {
      const all = [...text.matchAll(re)];
      if (!all.length) return text;
      const m = pick(all);
      return text.slice(0, m.index) + by(m[0]) + text.slice(m.index! + m[0].length);
    };
    const edits: Record<string, (t: string, n: number) => string> = {
      'note words': (t, n) => somewhere(t, /\{text: [^,}]+/g, (m) => `${m} ${pick(['hall', 'bus', 'grant', 'more'])}${n % 3 ? '' : ' again'}`),
      'a line above': (t, n) => `# edit ${n}\n${t}`,
      'a line less': (t) => t.replace(/^# edit \d+\n/, ''),
      status: (t) => t.replace(/^status: \w+/m, `status: ${pick(['planned', 'prepared', 'held', 'filled', 'shared'])}`),
      date: (t) => t.replace(/^( {2}date: )\S+/m, `$1${pick(['2026-04-12', '2026-10-01', '2026-10-09', '2026-10-20', '2026-11-02'])}`),
      // Another of the worksheet's own goals, or none of them.
      goal: (t) => t.replace(/^( {2}serves_goal: ).*$/m, `$1${pick([...[...t.matchAll(/\{text: ([^,}]+), themes/g)].map((m) => m[1]), 'A new choir'])}`),
      'next step': (t) => t.replace(/^( {2}status: )(open|done|dropped)$/m, `$1${pick(['open', 'done', 'dropped'])}`),
      organization: (t) => t.replace(/^( {2}organization: ).*$/m, `$1${pick(['Alpha Arts', 'Bridge Library', 'Zeta Club', 'Aardvark Trust'])}`),
      tags: (t) => somewhere(t, /themes: \[[^\]]*\]/g, () => `themes: [${pick(['space', 'funding', 'transport, space', 'visibility', 'youth-voice', 'rest'])}]`),
      success: (t, n) => t.replace(/^( {2}success_in_their_words: .*?)(?: \(\d+\))?$/m, `$1 (${n})`),
      round: (t) => t.replace(/^round: \S+/m, `round: ${pick(['autumn-2026', 'autumn-2026', 'spring-2026'])}`),
      partner: (t) => t.replace(/^( {2}id: )\S+/m, `$1${pick(['alpha-arts', 'bridge-library', 'city-choir', 'zeta-club'])}`),
      length: (t) => t.replace(/^( {2}duration_minutes: )\d+/m, `$1${pick(['20', '45', '90'])}`),
      due: (t) => t.replace(/^( {2}due: )\S+/m, `$1${pick(['2026-10-01', '2026-11-20', '2026-12-30'])}`),
      owner: (t) => t.replace(/^( {2}owner: )\S+/m, `$1${pick(['sam', 'ana'])}`),
      confirmed: (t) => t.replace(/asked: (true|false)/, `asked: ${pick(['true', 'false'])}`),
      thanked: (t) => t.replace(/^thanked: \w+/m, `thanked: ${pick(['true', 'false'])}`),
      'no next step': (t) => t.replace(/^next_step:\n(?: {2}.*\n)*/m, ''),
      'follow-up': (t) => `${t.replace(/^follow_up: .*\n/m, '')}follow_up: {date: ${pick(['2026-10-15', '2026-12-01'])}, owner: ${pick(['sam', 'ana'])}, done: ${pick(['true', 'false'])}}\n`,
    };
    const names = Object.keys(edits);
    const deleted = new Map<string, string>();
    for (let n = 1; n <= 300; n++) {
      const what = random() < 0.06 ? 'delete' : random() < 0.05 ? 'offers' : random() < 0.05 ? 'vocabulary' : random() < 0.08 ? 'aliases' : pick(names);
      if (what === 'delete') {
        const back = pick([...deleted.keys()]);
        if (back && random() < 0.7) {
          texts.set(back, deleted.get(back)!);
          deleted.delete(back);
          live.set(back, texts.get(back)!);
        } else {
          const uri = pick(worksheets.filter((u) => texts.has(u)));
          deleted.set(uri, texts.get(uri)!);
          texts.delete(uri);
          live.delete(uri);
        }
      } else if (what === 'offers') {
        texts.set(config, texts.get(config)!.replace(/(Museum minibus on weekday afternoons, themes: \[)[^\]]*/, `$1${pick(['transport', 'transport, funding', 'capacity'])}`));
        live.set(config, texts.get(config)!);
      } else if (what === 'vocabulary') {
        // Words that bring notes of both rounds into another theme.
        texts.set(config, texts.get(config)!.replace(/(label: Funding, synonyms: \[)[^\]]*/, `$1${pick(['grant, money', 'grant, money, bus', 'money, centre'])}`));
        live.set(config, texts.get(config)!);
      } else if (what === 'aliases') {
        // A partner id retired into another: the meetings under it change partner, their documents do not.
        const aliases = `aliases: {zeta-club: ${pick(['alpha-arts', 'bridge-library', 'city-choir', 'zeta-trust'])}}`;
        texts.set(config, /^aliases: .*$/m.test(texts.get(config)!) ? texts.get(config)!.replace(/^aliases: .*$/m, aliases) : `${texts.get(config)!}${aliases}\n`);
        live.set(config, texts.get(config)!);
      } else {
        const uri = pick(worksheets.filter((u) => texts.has(u)));
        texts.set(uri, edits[what](texts.get(uri)!, n));
        live.set(uri, texts.get(uri)!);
      }
      // As the extension does: diagnostics check what changed before the panel asks.
      if (random() < 0.5) for (const uri of texts.keys()) live.check(uri);
      const fresh = new WorkspaceIndex(() => TODAY);
      for (const [uri, text] of texts) fresh.set(uri, text);
      // Now and then the panel is opened on another day.
      const today = random() < 0.1 ? '2026-12-20' : TODAY;
      const got = summarize(live, { today });
      assert.deepEqual(got, summarize(fresh, { today }), `after edit ${n} (${what})`);
      assert.deepEqual(keptThemes(live), keptThemes(fresh), `after edit ${n} (${what}): the themes as kept`);
      firmAsCounted(live, `after edit ${n} (${what})`);
      deepFreeze(got);
    }
  });

  it('follows each edit of what the coverage reads, with the round in the same order', async () => {
    // Each edit keeps every meeting where it was in the round's orders, so the
    // coverage is compared meeting by meeting, and must see the edit.
    const live = await fixture();
    const texts = new Map(live.documents().map((d) => [d.uri, d.text]));
    const alpha = file('alpha-arts/2026-10-05.worksheet.yaml');
    const echo = file('echo-youth/2026-10-26.worksheet.yaml');
    const fern = file('fern-garden/2026-12-05.worksheet.yaml');
    const edits: [string, string, (t: string) => string][] = [
      ['the date of a planned meeting', fern, (t) => t.replace('date: 2026-12-05', 'date: 2026-12-08')],
      ['a length', echo, (t) => t.replace('duration_minutes: 40', 'duration_minutes: 95')],
      ['a due date', alpha, (t) => t.replace('due: 2026-11-01', 'due: 2026-12-30')],
      ['an owner', echo, (t) => t.replace('owner: sam', 'owner: ana')],
      ['an action', echo, (t) => t.replace('action: Offer the lecture theatre for a screening', 'action: Offer the small hall')],
      ['a next step done', echo, (t) => t.replace(/^( {2}status: )open$/m, '$1done')],
      ['a next step open again', echo, (t) => t.replace(/^( {2}status: )done$/m, '$1open')],
      ['a confirmation not asked', alpha, (t) => t.replace(/^confirmation: .*$/m, 'confirmation: {asked: false}')],
      ['a line above the next step', echo, (t) => t.replace('next_step:', '# agreed at the door\nnext_step:')],
      ['a line above the partner of a planned meeting', fern, (t) => `# to confirm\n${t}`],
      ['a follow-up instead of a next step', alpha, (t) => `${t.replace(/^next_step:\n(?: {2}.*\n)*/m, '')}follow_up: {date: 2026-11-02, owner: sam}\n`],
      ['a line above the follow-up', alpha, (t) => t.replace('follow_up:', '# when they are back\nfollow_up:')],
      ['another follow-up date', alpha, (t) => t.replace('date: 2026-11-02, owner', 'date: 2026-11-10, owner')],
      ['a follow-up done', alpha, (t) => t.replace('owner: sam}', 'owner: sam, done: true}')],
    ];
    for (const [what, uri, edit] of edits) {
      const before = summarize(live, { today: TODAY }).coverage;
      texts.set(uri, edit(texts.get(uri)!));
      live.set(uri, texts.get(uri)!);
      const fresh = new WorkspaceIndex(() => TODAY);
      for (const [u, text] of texts) fresh.set(u, text);
      const got = summarize(live, { today: TODAY });
      assert.deepEqual(got, summarize(fresh, { today: TODAY }), what);
      assert.notDeepEqual(got.coverage, before, `${what} shows in the coverage`);
    }
  });

  it('quotes a partner\'s first meeting of the round after a date edit reorders them', async () => {
    const live = await fixture();
    const texts = new Map(live.documents().map((d) => [d.uri, d.text]));
    const second = file('alpha-arts/2026-10-20.worksheet.yaml');
    texts.set(second, texts.get(file('alpha-arts/2026-10-05.worksheet.yaml'))!.replace('date: 2026-10-05', 'date: 2026-10-20').replace('The work never leaves the studio.', 'We hang work in a corridor.'));
    const spaceQuote = (date: string) => {
      texts.set(second, texts.get(second)!.replace(/^( {2}date: )\S+/m, `$1${date}`));
      for (const [uri, text] of texts) live.set(uri, text);
      const fresh = new WorkspaceIndex(() => TODAY);
      for (const [uri, text] of texts) fresh.set(uri, text);
      const got = summarize(live, { today: TODAY });
      assert.deepEqual(got, summarize(fresh, { today: TODAY }), date);
      return themesOf(got, 'challenges').find((t) => t.id === 'space')!.quotes.find((q) => q.partner.id === 'alpha-arts')!.text;
    };
    assert.equal(spaceQuote('2026-10-20'), 'The work never leaves the studio.');
    assert.equal(spaceQuote('2026-10-01'), 'We hang work in a corridor.');
  });

  it('brings a round of more partners than it quotes up to date, one partner\'s notes at a time', () => {
    // An edit of one partner's notes puts that partner in or out of each theme
    // it touches (round-notes.ts): here in lists longer than MAX_LISTED, where
    // the partner after the last one quoted moves up, and with two themes of
    // one label (`zines`, `zine-club`), listed in the order the notes first
    // give them.
    const N = MAX_LISTED + 10;
    const id = (i: number) => `p-${String(i).padStart(2, '0')}`;
    const uri = (i: number, m = 1) => `/long/${id(i)}/${m}.worksheet.yaml`;
    const sheet = (i: number, challenge: string[], goal: string[], serves = 'Something else entirely', date = '2026-10-14') => variant(WORKSHEET,
      [['partner'], { id: id(i), organization: `Partner ${id(i)}` }],
      [['meeting', 'date'], date],
      [['notes', 'challenges'], [{ text: `No room for group ${i}`, themes: challenge }]],
      [['notes', 'commitments'], [{ text: `A hall for group ${i}`, themes: ['space'] }]],
      [['notes', 'goals'], [{ text: `A summer gallery show ${i}`, themes: goal }]],
      [['next_step', 'serves_goal'], serves],
    );
    const config = CONFIG.replace(/^themes:\n/m, 'themes:\n  - {id: zines, label: Zines}\n  - {id: zine-club, label: Zines}\n');
    const texts = new Map<string, string>([['/long/partner-worksheets.yaml', config]]);
    for (let i = 0; i < N; i++) texts.set(uri(i), sheet(i, ['space'], ['space']));
    // A second meeting for two partners: a partner's first note is quoted, from either meeting.
    texts.set(uri(2, 2), sheet(2, ['transport'], ['visibility'], undefined, '2026-10-20'));
    texts.set(uri(7, 2), sheet(7, ['space'], ['visibility'], undefined, '2026-10-20'));
    // Arts: tagged by one partner; the next one's first note on them has the theme as a suggestion (not firm), its second as a tag.
    const withChallenges = (i: number, notes: { text: string; themes?: string[] }[]) => variant(sheet(i, ['space'], ['space']), [['notes', 'challenges'], notes]);
    texts.set(uri(10), withChallenges(10, [{ text: 'No room for group 10', themes: ['space'] }, { text: 'A wall for a mural', themes: ['arts-culture'] }]));
    texts.set(uri(11), withChallenges(11, [{ text: 'We paint murals' }, { text: 'Walls wanted', themes: ['arts-culture'] }]));
    const live = new WorkspaceIndex(() => TODAY);
    for (const [u, t] of texts) live.set(u, t);
    const same = (what: string) => {
      const fresh = new WorkspaceIndex(() => TODAY);
      for (const [u, t] of texts) fresh.set(u, t);
      const got = deepFreeze(summarize(live, { today: TODAY }));
      assert.deepEqual(got, summarize(fresh, { today: TODAY }), what);
      // What the next edit starts from, the first note of each theme included (its place in ties), is a fresh count's.
      assert.deepEqual(keptThemes(live), keptThemes(fresh), `${what}: the themes as kept`);
      firmAsCounted(live, what);
      return got;
    };
    const space = (s: ReviewSummary) => themesOf(s, 'challenges').find((t) => t.id === 'space')!;
    same('the round as written');
    const edits: [what: string, at: string, text: string][] = [
      ['a quoted partner leaves a theme', uri(3), sheet(3, ['transport'], ['space'])],
      ['and comes back', uri(3), sheet(3, ['space'], ['space'])],
      ['the first partner leaves every theme of a category', uri(0), sheet(0, [], ['space'])],
      ['a partner\'s first meeting leaves a theme its second has', uri(7), sheet(7, ['transport'], ['space'])],
      ['a second meeting takes a theme the first has not', uri(2, 2), sheet(2, ['space', 'transport'], ['visibility'], undefined, '2026-10-20')],
      ['two themes of one label', uri(0), sheet(0, ['zines', 'zine-club'], ['space'])],
      ['a second partner with both', uri(1), sheet(1, ['zines', 'zine-club'], ['space'])],
      ['the other one first', uri(0), sheet(0, ['zine-club', 'zines'], ['space'])],
      ['a goal served', uri(N - 1), sheet(N - 1, ['space'], ['space'], `A summer gallery show ${N - 1}`)],
      ['a partner past the quoted ones with a new theme', uri(N - 2), sheet(N - 2, ['space', 'funding'], ['funding'])],
      ['a goal theme of one partner alone', uri(5), sheet(5, ['space'], ['space', 'zines'])],
      ['the partner first with a firm theme leaves it', uri(10), withChallenges(10, [{ text: 'No room for group 10', themes: ['space'] }])],
    ];
    for (const [what, at, text] of edits) {
      texts.set(at, text);
      live.set(at, text);
      const got = same(what);
      if (what === 'a quoted partner leaves a theme') {
        assert.ok(!space(got).partners.includes(id(3)) && space(got).partners.length > MAX_LISTED);
        assert.deepEqual(space(got).quotes.map((q) => q.partner.id), space(got).partners.slice(0, MAX_LISTED), 'the next partner is quoted');
      }
      if (what === 'the other one first') {
        const zines = themesOf(got, 'challenges').filter((t) => t.label === 'Zines').map((t) => t.id);
        assert.deepEqual(zines, ['zine-club', 'zines'], 'the theme first given is listed first');
      }
    }
    // Meetings of three partners edited before the review looks again.
    for (const [at, text] of [[uri(20), sheet(20, ['zines'], ['space'])], [uri(40), sheet(40, ['transport'], ['zines'])], [uri(2, 2), sheet(2, [], ['space'], 'A summer gallery show 2', '2026-10-20')]]) {
      texts.set(at, text);
      live.set(at, text);
    }
    same('three meetings at once');
  });

  it('counts a round whose partner\'s meetings are not together in whole, as the notes first give each theme, and never patches it', async () => {
    // summarize() hands the notes the held meetings in partner order, so each
    // partner's are together; round-notes.ts checks it all the same, and
    // counts any other order as it comes (a partner in a theme once, where its
    // first note is), with nothing kept to bring up to date.
    const index = await fixture();
    const alpha = file('alpha-arts/2026-10-05.worksheet.yaml');
    const second = file('alpha-arts/2026-10-20.worksheet.yaml');
    index.set(second, index.get(alpha)!.text.replace('date: 2026-10-05', 'date: 2026-10-20'));
    const round = summarize(index, { today: TODAY }).round;
    const held = index.roundMeetings(round).filter((m) => isHeld(m.status));
    // alpha-arts first and last, the other partners between.
    const apart = [...held.filter((m) => m.uri === alpha), ...held.filter((m) => m.partnerId !== 'alpha-arts'), ...held.filter((m) => m.uri === second)];
    assert.ok(apart.length > 3 && apart.length === held.length);
    const config = index.configFor(alpha);
    const vocabulary = vocabularies(config);
    const ctx = new Context(index, index.summaryCache, index.summaryCache.matcher(vocabulary.agreed, vocabulary.suggest), TODAY, index.roundMeetings(round));
    const counted = roundNotes(ctx, apart, config.offers);
    assert.equal(counted.segments, undefined);
    assert.deepEqual(inOrder(counted.firm), inOrder(firmThemes(counted.notes)));
    for (const t of counted.themes) {
      const raising = counted.notes.filter((n) => n.note.category === t.category && n.themes.includes(t.id)).map((n) => n.partner.id);
      assert.deepEqual(t.partners, [...new Set(raising)], `${t.category} ${t.id}`);
    }
    assert.ok(counted.themes.some((t) => t.partners.includes('alpha-arts') && t.partners.length > 1));
    assert.equal(patchRoundNotes(ctx, counted, apart, [0], config.offers), undefined);
  });

  // Dated before the new partner's meeting (the round's order stays) and after it (it changes).
  for (const date of ['2026-10-08', '2026-10-30']) {
    it(`follows a meeting into another partner when the aliases change, with its document as it was (${date})`, async () => {
      // The index sets the meeting's partner id in place: the same meeting, the
      // same document, and the round's partners and names are the same too.
      const live = await fixture();
      const alpha = file('alpha-arts/2026-10-05.worksheet.yaml');
      const moved = file(`alpha-arts/${date}.worksheet.yaml`);
      const config = file('partner-worksheets.yaml');
      const texts = new Map(live.documents().map((d) => [d.uri, d.text]));
      texts.set(moved, texts.get(alpha)!.replace('id: alpha-arts', 'id: alpha-old').replace('date: 2026-10-05', `date: ${date}`).replace('Two public exhibitions', 'A summer festival').replace(/due: \S+/, 'due: 2026-11-10').replace(/^ {2}organization: .*\n/m, ''));
      const withAlias = (to: string) => `${texts.get(config)!.replace(/^aliases: .*\n/m, '')}aliases: {alpha-old: ${to}}\n`;
      const same = (to: string) => {
        texts.set(config, withAlias(to));
        for (const [uri, text] of texts) live.set(uri, text);
        const fresh = new WorkspaceIndex(() => TODAY);
        for (const [uri, text] of texts) fresh.set(uri, text);
        const got = summarize(live, { today: TODAY });
        assert.deepEqual(got, summarize(fresh, { today: TODAY }), `alpha-old: ${to}`);
        return got;
      };
      const before = same('alpha-arts');
      const after = same('bridge-library');
      assert.deepEqual(after.coverage.overdueNextSteps.filter((i) => i.uri === moved).map((i) => i.partner.id), ['bridge-library']);
      assert.notDeepEqual(after.opportunities.unservedGoals, before.opportunities.unservedGoals);
    });
  }
});

describe('summary of a very large round', () => {
  // 60 partners with the same challenge, commitment and goal theme, one planned
  // meeting each besides, and overdue next steps: every list is longer than MAX_LISTED.
  const N = MAX_LISTED + 10;
  let sum: ReviewSummary;
  before(() => {
    const index = new WorkspaceIndex(() => TODAY);
    index.set('/big/partner-worksheets.yaml', CONFIG);
    for (let i = 0; i < N; i++) {
      const id = `p-${String(i).padStart(2, '0')}`;
      index.set(`/big/${id}/1.worksheet.yaml`, variant(WORKSHEET,
        [['partner'], { id, organization: `Partner ${String(i).padStart(2, '0')}` }],
        [['notes', 'challenges'], [{ text: `No room for group ${i}`, themes: ['space'] }]],
        [['notes', 'commitments'], [{ text: `A hall for group ${i}`, themes: ['space'] }]],
        [['notes', 'goals'], [{ text: `A summer gallery show ${i}`, themes: ['space'] }]],
        [['next_step', 'serves_goal'], 'Something else entirely'],
      ));
      index.set(`/big/${id}/2.worksheet.yaml`, variant(WORKSHEET, [['partner'], { id: `${id}-new`, organization: `New partner ${i}` }], [['status'], 'planned'], [['meeting', 'date'], '2026-11-30'], [['next_step']]));
    }
    sum = summarize(index, { today: TODAY });
  });

  it('lists the first items of each long list and keeps every total', () => {
    const space = sum.similarities.find((g) => g.category === 'challenges')!.themes.find((t) => t.id === 'space')!;
    assert.equal(space.partners.length, N, 'every partner is counted');
    assert.equal(space.quotes.length, MAX_LISTED);
    assert.deepEqual(space.quotes.map((q) => q.partner.id), space.partners.slice(0, MAX_LISTED), 'the first partners are quoted, in order');
    const comp = sum.opportunities.complementary.find((c) => c.theme === 'space')!;
    assert.deepEqual([comp.needs.length, comp.needsTotal, comp.offers.length, comp.offersTotal], [MAX_LISTED, N, MAX_LISTED, N]);
    assert.equal(comp.pairs, N * N - N);
    const offer = sum.opportunities.offers[0];
    assert.deepEqual([offer.goals.length, offer.goalsTotal], [MAX_LISTED, N]);
    assert.deepEqual([sum.opportunities.clusters[0].partners.length, sum.opportunities.clusters[0].partnersTotal], [MAX_LISTED, N]);
    assert.deepEqual([sum.opportunities.unservedGoals.length, sum.opportunities.unservedGoalsTotal], [MAX_LISTED, N]);
    assert.deepEqual([sum.coverage.toMeet.length, sum.coverage.toMeetTotal], [MAX_LISTED, N]);
    assert.deepEqual([sum.coverage.overdueNextSteps.length, sum.coverage.overdueNextStepsTotal], [MAX_LISTED, N]);
    assert.equal(sum.gaps.length, MAX_LISTED);
    assert.ok(sum.gapsTotal > MAX_LISTED);
  });

  it('says in every output how many items it did not list', () => {
    const html = renderStandaloneHtml(sum);
    assert.match(html, /and 10 more, not listed here<\/p>/);
    assert.match(html, new RegExp(`and ${sum.gapsTotal - MAX_LISTED} more, not listed here: the Problems panel`));
    assert.match(html, /<dt>Partners met<\/dt><dd>50% \(60 of 120\)<\/dd>/, 'coverage counts every partner');
    const lazy = renderSummaryBody(sum, { lazy: true });
    assert.ok(!lazy.includes('not listed here'), 'the panel says it when the list is opened');
    assert.match(renderPart(sum, 'sim.0.0'), /and 10 more, not listed here/);
    assert.match(renderPart(sum, 'more.toMeet'), /and 10 more, not listed here/);
    const md = renderMarkdown(sum);
    assert.match(md, /^- _and 10 more, not listed here_$/m);
    assert.match(md, /and 10 more need it; .* and 10 more commit to it/);
    assert.match(md, new RegExp(`- _and ${sum.gapsTotal - MAX_LISTED} more, not listed here: \`partner-worksheets check\` or the Problems panel lists every one_`));
  });
});

describe('the first items of a long list', () => {
  // A random list with many ties: what the review lists must be what a full
  // (stable) sort would list first, in the same order, ties in list order.
  it('gives the same items and order as a stable sort cut to MAX_LISTED', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (const size of [0, 1, MAX_LISTED - 1, MAX_LISTED, MAX_LISTED + 1, 200, 3000]) {
      const items = Array.from({ length: size }, (_, i) => ({ i, key: Math.floor(random() * 20) }));
      const compare = (a: { key: number }, b: { key: number }) => b.key - a.key;
      const first = firstListed(items, compare);
      const sorted = [...items].sort(compare);
      assert.deepEqual(first.items.map((x) => x.i), sorted.slice(0, MAX_LISTED).map((x) => x.i), `size ${size}`);
      assert.equal(first.total, size);
      assert.deepEqual(items.map((x) => x.i), Array.from({ length: size }, (_, i) => i), 'the list is left as it was');
    }
  });

  it('lists the most overdue next steps of a large round first, each with its own line', () => {
    // 60 partners, each with a next step overdue by a day count that repeats: the longest first, then partner name.
    const index = new WorkspaceIndex(() => TODAY);
    const N = MAX_LISTED + 10;
    for (let i = 0; i < N; i++) {
      const id = `late-${String(i).padStart(2, '0')}`;
      const due = `2026-10-${String(1 + ((i * 7) % 20)).padStart(2, '0')}`;
      // Files in the reverse of name order, so the order among equals is the partners', not the files'.
      index.set(`/late/file-${String(N - 1 - i).padStart(2, '0')}.worksheet.yaml`, variant(WORKSHEET, [['partner'], { id, organization: `Late ${String(i).padStart(2, '0')}` }], [['next_step', 'due'], due]));
    }
    const sum = summarize(index, { today: TODAY });
    const listed = sum.coverage.overdueNextSteps;
    assert.equal(sum.coverage.overdueNextStepsTotal, N);
    assert.equal(listed.length, MAX_LISTED);
    const expected = Array.from({ length: N }, (_, i) => ({ id: `late-${String(i).padStart(2, '0')}`, due: `2026-10-${String(1 + ((i * 7) % 20)).padStart(2, '0')}` }))
      .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.id < b.id ? -1 : 1))
      .slice(0, MAX_LISTED);
    assert.deepEqual(listed.map((s) => [s.partner.id, s.date]), expected.map((e) => [e.id, e.due]));
    for (const s of listed) {
      const lines = index.get(s.uri)!.text.split('\n');
      assert.equal(lines[s.line - 1], `  due: ${s.date}`, 'each links to its due date');
      assert.equal(s.owner, 'sam');
    }
  });
});

describe('review renderers', () => {
  const XSS_ORG = '<img src=x onerror=alert(1)>';
  const XSS_NOTE = '<script>alert(2)</script> [x](javascript:alert(3))';
  let sum: ReviewSummary;
  before(() => {
    const index = new WorkspaceIndex(() => TODAY);
    index.set('/t/p0/1.worksheet.yaml', variant(WORKSHEET, [['partner'], { id: 'p-0', organization: XSS_ORG }], [['notes', 'challenges'], [{ text: XSS_NOTE, themes: ['space'] }]]));
    index.set('/t/p1/1.worksheet.yaml', variant(WORKSHEET, [['partner'], { id: 'p-1', organization: 'Plain & Simple' }], [['notes', 'challenges'], [{ text: 'No room', themes: ['space'] }]]));
    sum = summarize(index, { today: TODAY });
  });

  it('shows small groups as counts and larger ones as percentages', () => {
    assert.equal(formatRate({ count: 3, total: 4 }), '3 of 4');
    assert.equal(formatRate({ count: 4, total: 5 }), '80% (4 of 5)');
    assert.equal(formatRate({ count: 0, total: 0 }), 'none yet');
  });

  it('escapes worksheet text in the HTML: no tag, no attribute, no script from a worksheet', () => {
    const html = renderStandaloneHtml(sum);
    assert.ok(!html.includes('<img') && !html.includes('<script') && !/onerror=alert/.test(html.replace(/&#60;img src=x onerror=alert\(1\)&#62;/g, '')));
    assert.ok(html.includes('&#60;img src=x onerror=alert(1)&#62;'));
    assert.ok(html.includes('&#60;script&#62;alert(2)&#60;/script&#62;'));
    assert.ok(html.includes('Plain &#38; Simple'));
    assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/);
    const body = renderSummaryBody(sum);
    assert.ok(!/<(img|script)/i.test(body));
  });

  it('keeps every partner-controlled string inert: names, ids, rounds, themes, notes, quotes, people, file names', () => {
    // One hostile string per field a worksheet or its path controls; each must reach the page escaped, never raw.
    const H = {
      id: '"><svg onload=alert(11)>',
      round: '<img src=x onerror=alert(12)>',
      theme: '<script>alert(13)</script>',
      quote: '<iframe srcdoc=alert(14)>',
      action: '<a href="javascript:alert(15)">go</a>',
      owner: '<b onmouseover=alert(16)>',
      goal: '<style>*{display:none}</style>',
      folder: '<svg onload=alert(17)>',
    };
    const index = new WorkspaceIndex(() => TODAY);
    for (const n of [0, 1]) {
      index.set(`/t/${H.folder}${n}/1.worksheet.yaml`, variant(WORKSHEET,
        [['round'], H.round],
        [['partner', 'id'], `${H.id}${n}`],
        [['notes', 'challenges'], [{ text: `No room ${n}`, themes: [H.theme], quote: H.quote }]],
        [['notes', 'goals'], [{ text: H.goal, themes: [H.theme] }]],
        [['next_step', 'action'], H.action],
        [['next_step', 'serves_goal'], 'Something else'],
        [['next_step', 'owner'], H.owner],
      ));
    }
    const s = summarize(index, { today: TODAY, round: H.round });
    assert.equal(s.round, H.round);
    // File references in the Markdown are code spans, which renderers show as literal text: look outside them.
    const outsideCode = (md: string) => md.replace(/`[^`\n]*`/g, '');
    const md = renderMarkdown(s);
    assert.ok(md.includes(`\`/t/${H.folder}0/1.worksheet.yaml:`), 'the file name is kept, in a code span');
    const outputs = { export: renderStandaloneHtml(s), panel: renderSummaryBody(s, { expanded: true }), markdown: outsideCode(md) };
    for (const [name, out] of Object.entries(outputs)) {
      for (const [field, raw] of Object.entries(H)) assert.ok(!out.includes(raw), `${name}: the ${field} appears unescaped`);
      const handler = /(?<!\\)<[a-z]+ (onload|onerror|onmouseover|srcdoc)=.{0,40}/i.exec(out); // \< is a literal < in Markdown
      assert.ok(!handler, `${name}: an event handler from a worksheet: ${handler?.[0]}`);
    }
    assert.ok(outputs.export.includes('&#60;img src=x onerror=alert(12)&#62;'), 'the round is shown, as text');
    // The export runs no script at all, whatever gets in.
    assert.match(outputs.export, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/);
  });

  it('draws charts as SVG with the same numbers as text for screen readers', () => {
    const body = renderSummaryBody(sum);
    assert.match(body, /<svg aria-hidden="true"[^>]*>.*<text[^>]*class="bar-value">2<\/text>/s);
    assert.match(body, /<ul class="sr-only"><li>Space and venues: 2 partners<\/li><\/ul>/);
    assert.match(body, /<ul class="sr-only"><li>All meetings: 2 meetings<\/li><li>Held: 2 meetings<\/li>/);
  });

  it('escapes worksheet text in the Markdown: no HTML, no links, no emphasis', () => {
    const md = renderMarkdown(sum);
    assert.ok(!/(^|[^\\])[<[]/m.test(md.replace(/^#+ |\[[^\]]*\]\(/gm, '')), 'every < and [ from a worksheet is escaped');
    assert.ok(!md.includes('[x](javascript'));
    assert.ok(md.includes('\\<img src=x onerror=alert(1)\\>'));
    assert.ok(md.includes('\\<script\\>alert(2)\\</script\\> \\[x\\](javascript:alert(3))'));
  });

  it('renders closed lists on demand for the panel, the same HTML the export shows at once', async () => {
    const s = summarize(await fixture(), { today: TODAY });
    const lazy = renderSummaryBody(s, { lazy: true });
    const full = renderSummaryBody(s, { expanded: true });
    assert.ok(!lazy.includes('The work never leaves the studio'), 'quotes wait until their theme opens');
    assert.match(lazy, /<details class="theme" data-part="sim\.0\.0"><summary>Space and venues <span class="count">3 partners<\/span><\/summary><\/details>/);
    const part = renderPart(s, 'sim.0.0');
    assert.ok(part.includes('The work never leaves the studio') && full.includes(part), 'the part is the export\'s list');
    assert.ok(full.includes(renderPart(s, 'comp.0')) && full.includes(renderPart(s, 'offer.1')));
    for (const bad of ['sim.9.9', 'sim.x', 'nope', 'more.constructor', '__proto__', '']) assert.equal(renderPart(s, bad), '', bad);
  });

  it('folds long lists past the first few items in the panel', () => {
    const many = { ...sum, gaps: Array.from({ length: INLINE_ITEMS + 3 }, (_, i) => ({ uri: '/t/a.worksheet.yaml', line: i + 1, code: 'not-thanked', severity: 'warning' as const, message: `Gap ${i}`, file: 'a.worksheet.yaml' })) };
    const lazy = renderSummaryBody(many, { lazy: true });
    assert.equal((lazy.match(/class="warning"/g) ?? []).length, INLINE_ITEMS);
    assert.match(lazy, /<details class="more" data-part="more\.gaps"><summary>3 more<\/summary><\/details>/);
    assert.equal((renderPart(many, 'more.gaps').match(/class="warning"/g) ?? []).length, 3);
    assert.equal((renderSummaryBody(many).match(/class="warning"/g) ?? []).length, INLINE_ITEMS + 3);
  });

  it('shows rule messages\' code as code, and no backslash before an underscore inside a word', async () => {
    const s = summarize(await fixture(), { today: TODAY });
    const md = renderMarkdown(s);
    assert.match(md, /missing-confirmation: No confirmation recorded\. .* Add a `confirmation` block with the statement and their response\./);
    const html = renderSummaryBody(s);
    assert.match(html, /Add a <code>confirmation<\/code> block/);
    assert.doesNotMatch(html, /&#96;confirmation&#96;/);
    // Inside a word an underscore is text; around one it could be emphasis, and is escaped.
    assert.equal(mdEscape('success_in_their_words _emphasis_'), 'success_in_their_words \\_emphasis\\_');
    // A stray backtick (one not paired) stays text in both.
    assert.equal(withCode('a ` b <i>'), 'a &#96; b &#60;i&#62;');
  });

  it('renders every section of the fixture round, in order, in both formats', async () => {
    const s = summarize(await fixture(), { today: TODAY });
    const html = renderSummaryBody(s);
    const order = ['success', 'coverage', 'similarities', 'outliers', 'trends', 'opportunities', 'gaps', 'commitments'].map((id) => html.indexOf(`<section id="${id}"`));
    assert.ok(order.every((i, k) => i > 0 && (k === 0 || i > order[k - 1])), String(order));
    const md = renderMarkdown(s, (r) => `${r.uri.slice(ROOT.length + 1)}:${r.line}`);
    assert.match(md, /^# Team review: autumn-2026\n/);
    assert.match(md, /- Confirmed what success means: 80% \(4 of 5\)/);
    assert.match(md, /\*\*Space and venues\*\*: 3 partners\n\n- \*\*Alpha Arts\*\*: "The work never leaves the studio\." \(`alpha-arts\/2026-10-05\.worksheet\.yaml:19`\)/);
    assert.match(md, /- Space and venues \(3 pairs\): \*\*Alpha Arts\*\*, \*\*City Community Choir\*\*, \*\*Echo Youth Film\*\* need it; \*\*Bridge Library\*\* commits to it/);
    assert.match(md, /- Gone: Funding \(challenges\): 2 of 3 to 0% \(0 of 5\)\n/);
    assert.match(md, /## Success in their words\n\n.*\n\n- \*\*Alpha Arts\*\*: "Young artists exhibit in public, and a grant pays for their materials\." _\(confirmed\)_ \(`alpha-arts\/2026-10-05\.worksheet\.yaml:17`\)\n/);
    assert.match(md, /- \*\*Echo Youth Film\*\*: "Their films are seen by the whole estate\." _\(corrected\)_ \(`echo-youth\/2026-10-26\.worksheet\.yaml:17`\)\n {2}- Their correction: "In a cinema, not a community hall\." \(`echo-youth\/2026-10-26\.worksheet\.yaml:24`\)\n/);
  });
});

describe('review scale', () => {
  // How the time grows with the meetings is measured by `npm run bench` (the
  // summary's t(4N)/t(N)); a wall-clock bound here would pass on any fast machine.
  it('summarises thousands of meetings sharing one theme: every partner and every pair counted', function () {
    this.timeout(60_000); // a hang guard for 4,000 worksheets on a busy machine, not a speed target
    const index = new WorkspaceIndex(() => TODAY);
    const N = 4000;
    for (let i = 0; i < N; i++) {
      // Every partner needs space and offers space: the worst case for pairs and partner lists.
      index.set(`/big/p${i}/1.worksheet.yaml`, variant(WORKSHEET, [['partner'], { id: `p-${i}`, organization: `Partner ${i}` }],
        [['notes', 'challenges'], [{ text: `No room number ${i}`, themes: ['space'] }]],
        [['notes', 'commitments'], [{ text: `A hall we lend, ${i % 7} days a week`, themes: ['space'] }]]));
    }
    const big = summarize(index, { today: TODAY });
    assert.equal(themesOf(big, 'challenges').find((t) => t.id === 'space')!.partners.length, N);
    assert.equal(big.opportunities.complementary.find((c) => c.theme === 'space')!.pairs, N * N - N);
  });
});
