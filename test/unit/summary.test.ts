import assert from 'node:assert/strict';
import { WorkspaceIndex } from '../../src/core/workspace-index';
import { nodeFileSystem } from '../../src/cli/node-fs';
import { summarize } from '../../src/core/summary/summarize';
import type { ReviewSummary } from '../../src/core/summary/summarize';
import { renderMarkdown } from '../../src/core/summary/render-markdown';
import { renderStandaloneHtml, formatRate } from '../../src/core/summary/render-html';
import { reviewText } from '../../src/core/summary/review-file';
import { checkText } from '../../src/core/check';
import { WORKSHEET, variant } from './helpers';

// The example workspace is the fixture: two rounds of a real-looking team.
async function example(): Promise<WorkspaceIndex> {
  const index = new WorkspaceIndex(() => '2026-11-24');
  await index.loadFolder(nodeFileSystem, `${process.cwd()}/examples/community-team`);
  return index;
}

describe('team review summary', () => {
  let s: ReviewSummary;
  before(async () => {
    s = summarize(await example(), { today: '2026-11-24' });
  });

  it('reviews the latest round with held meetings, against the one before', () => {
    assert.equal(s.round, 'autumn-2026');
    assert.equal(s.previousRound, 'spring-2026');
  });

  it('counts coverage: statuses, partners to meet, rates, overdue items, meeting length', () => {
    const c = s.coverage;
    assert.deepEqual(c.meetings, { planned: 1, prepared: 0, held: 1, filled: 1, shared: 6, total: 9 });
    assert.deepEqual(c.toMeet.map((p) => p.id), ['hillcrest-choir']);
    assert.deepEqual(c.confirmation, { count: 6, total: 8 });
    assert.deepEqual(c.nextStep, { count: 6, total: 8 });
    assert.deepEqual(c.followUpOnly, { count: 1, total: 8 });
    assert.deepEqual(c.overdueNextSteps.map((o) => [o.partner.id, o.date]), [['westside-skate-park-association', '2026-11-01']]);
    assert.deepEqual(c.overdueFollowUps.map((o) => [o.partner.id, o.date]), [['welcome-circle', '2026-11-15']]);
    assert.equal(c.medianMinutes, 42.5);
    assert.deepEqual(c.withinRange, { count: 7, total: 8 });
  });

  it('counts partners per theme, not mentions, with one linked quote per partner', () => {
    const challenges = s.similarities.find((g) => g.category === 'challenges')!.themes;
    const space = challenges.find((t) => t.id === 'space')!;
    assert.deepEqual(space.partners.sort(), ['al-noor-youth', 'open-frame-arts', 'riverside-youth', 'welcome-circle']);
    assert.equal(space.quotes.length, 4);
    const riverside = space.quotes.find((q) => q.partner.id === 'riverside-youth')!;
    assert.equal(riverside.text, 'We make the work, then it sits in a cupboard.', 'the quote, not the summary line');
    assert.equal(riverside.line, 24);
    assert.deepEqual(challenges.find((t) => t.id === 'transport')!.partners.length, 3);
    assert.equal(challenges.find((t) => t.id === 'transport')!.source, 'tagged');
    const goals = s.similarities.find((g) => g.category === 'goals')!.themes;
    assert.equal(goals[0].id, 'visibility');
    assert.equal(goals[0].partners.length, 5);
  });

  it('finds themes in untagged notes through the vocabulary\'s synonyms', () => {
    // "Volunteer tutors every weekday" carries no tag: the synonym "volunteer" finds it.
    const capacity = s.themes.find((t) => t.category === 'commitments' && t.id === 'capacity')!;
    assert.ok(capacity.partners.includes('welcome-circle'));
    assert.equal(capacity.source, 'tagged', 'other partners tagged it: the strongest evidence wins');
    assert.ok(s.themes.some((t) => t.source === 'suggested'), 'untagged notes with no match get suggestions');
  });

  it('finds outliers in a partner\'s own success definition', () => {
    assert.deepEqual(s.outliers.map((o) => [o.theme.id, o.success.partner.id]), [['funding', 'riverside-youth']]);
  });

  it('reports trends against the previous round', () => {
    const byId = (list: { id: string; previous: number; current: number }[]) => Object.fromEntries(list.map((t) => [t.id, [t.previous, t.current]]));
    assert.deepEqual(byId(s.trends.falling), { funding: [5, 1] });
    assert.deepEqual(byId(s.trends.rising).space, [3, 6]);
    assert.deepEqual(byId(s.trends.rising).visibility, [1, 5]);
    assert.deepEqual(s.trends.new, []);
  });

  it('finds opportunities: offers, complementary needs, clusters and unserved goals', () => {
    const o = s.opportunities;
    assert.ok(o.offers.some((x) => x.offer.startsWith('Museum minibus') && x.goal.partner.id === 'oakwood-seniors'));
    assert.ok(o.complementary.some((x) => x.theme === 'space' && x.need.partner.id === 'riverside-youth' && x.offer.partner.id === 'eastside-library'));
    assert.equal(o.complementary.filter((x) => x.theme === 'space').length, 4);
    assert.deepEqual(o.clusters[0].partners.map((p) => p.id), ['al-noor-youth', 'eastside-library', 'open-frame-arts', 'riverside-youth', 'westside-skate-park-association']);
    assert.deepEqual(o.unservedGoals.map((g) => g.partner.id).sort(), ['northside-food-bank', 'open-frame-arts', 'riverside-youth', 'welcome-circle']);
  });

  it('lists the round\'s open gaps and the review\'s commitments', () => {
    assert.equal(s.gaps.length, 12);
    assert.ok(s.gaps.some((g) => g.code === 'review-without-commitments'));
    assert.deepEqual(s.commitments, []);
    assert.match(s.review!.uri, /reviews\/autumn-2026\.review\.yaml$/);
  });

  it('writes a review file the schema accepts, prefilled and with commitments to agree', () => {
    const text = reviewText(s, '2026-11-26');
    const findings = checkText('/t/reviews/autumn-2026.review.yaml', text, { today: '2026-11-26' }).findings;
    assert.deepEqual(findings.filter((f) => f.code === 'schema' || f.code === 'yaml-syntax'), []);
    assert.match(text, /similarities:\n {2}- "4 partners name space and venues among their challenges"/);
    assert.match(text, /commitments: \[\]/);
  });

  it('shows small groups as counts and larger ones as percentages', () => {
    assert.equal(formatRate({ count: 3, total: 4 }), '3 of 4');
    assert.equal(formatRate({ count: 6, total: 8 }), '75% (6 of 8)');
  });

  it('escapes worksheet text in the Markdown and HTML exports', () => {
    const index = new WorkspaceIndex(() => '2026-11-24');
    for (const [i, org] of ['<img src=x onerror=alert(1)>', '[x](javascript:alert(1)) <script>alert(2)</script>'].entries()) {
      index.set(`/t/p${i}/1.worksheet.yaml`, variant(WORKSHEET, [['partner'], { id: `p-${i}`, organization: org }]));
    }
    const sum = summarize(index, { today: '2026-11-24' });
    const html = renderStandaloneHtml(sum);
    assert.ok(!html.includes('<img src=x') && !html.includes('<script>alert'));
    assert.ok(html.includes('&#60;img src=x onerror=alert(1)&#62;'));
    assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/);
    const md = renderMarkdown(sum);
    assert.ok(!md.includes('[x](javascript') && !md.includes('<script>'));
    assert.ok(md.includes('\\[x\\]\\(javascript:alert\\(1\\)\\) \\<script\\>'));
  });
});
