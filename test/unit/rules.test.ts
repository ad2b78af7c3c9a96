import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { CONFIG, CONVENING, REVIEW, TODAY, WORKSHEET, applyEdits, applySnippetsAtDefaults, check, codes, covered, variant } from './helpers';
import type { Edit } from './helpers';
import { RULES } from '../../src/core/rules';
import { WorkspaceIndex } from '../../src/core/workspace';
import type { Finding } from '../../src/core/types';
import { namesGoal } from '../../src/core/rules/worksheet/next-step-not-tied-to-goal';

const CONVENING_URI = '/team/convenings/westside.convening.yaml';
const REVIEW_URI = '/team/reviews/autumn.review.yaml';

interface Case {
  code: string;
  /** The document with exactly this gap. */
  text: string;
  uri?: string;
  today?: string;
  /** The text the finding's range must cover. */
  at: string;
  /** The same gap where the rule must stay quiet (a status it does not apply to, say). */
  quiet?: string;
  /**
   * `true`: applying the preferred fix clears the finding. `scaffold`: the fix
   * adds the missing part for the person to write (the finding stays until they do).
   */
  fixable?: true | 'scaffold';
  /**
   * The rest of the workspace, by URI, for cross-file rules: the document is
   * then checked through a WorkspaceIndex holding these files too.
   */
  neighbours?: Record<string, string>;
  /** The workspace where the rule must stay quiet, when it is the neighbours that differ. */
  quietNeighbours?: Record<string, string>;
}

const W = WORKSHEET;
const C = CONVENING;

/** Riverside Youth's shared worksheet, and Eastside Library's with this status, both in autumn-2026. */
const partners = (eastsideStatus: string): Record<string, string> => ({
  '/team/riverside-youth/2026-10-14.worksheet.yaml': W,
  '/team/eastside-library/2026-10-20.worksheet.yaml': variant(W,
    [['partner'], { id: 'eastside-library', organization: 'Eastside Library' }],
    [['status'], eastsideStatus],
    [['meeting', 'date'], '2026-10-20']),
});

/** A later meeting with Riverside Youth (2026-10-20), with these edits. */
const NEWER_URI = '/team/riverside-youth/2026-10-20.worksheet.yaml';
const newer = (...edits: Edit[]): string => variant(W, [['meeting', 'date'], '2026-10-20'], ...edits);

const cases: Case[] = [
  { code: 'missing-confirmation', text: variant(W, [['confirmation']]), at: 'shared', quiet: variant(W, [['confirmation']], [['status'], 'prepared']), fixable: true },
  { code: 'missing-next-step', text: variant(W, [['next_step']], [['follow_up']]), at: 'shared', quiet: variant(W, [['next_step']], [['follow_up']], [['status'], 'planned']), fixable: true },
  { code: 'next-step-owner', text: variant(W, [['next_step', 'owner']]), at: 'next_step', fixable: true },
  { code: 'next-step-due', text: variant(W, [['next_step', 'due']]), at: 'next_step', fixable: true },
  { code: 'overdue-next-step', text: W, today: '2026-11-02', at: '2026-10-28', quiet: variant(W, [['next_step', 'status'], 'done']), fixable: true },
  { code: 'overdue-follow-up', text: variant(W, [['next_step']]), today: '2026-12-05', at: '2026-12-01', quiet: variant(W, [['next_step']], [['follow_up', 'done'], true]) },
  { code: 'missing-success-definition', text: variant(W, [['notes', 'success_in_their_words']]), at: 'notes', quiet: variant(W, [['notes', 'success_in_their_words']], [['status'], 'prepared']), fixable: 'scaffold' },
  { code: 'empty-notes-category', text: variant(W, [['notes', 'values'], []]), at: '[]', quiet: variant(W, [['notes', 'values'], []], [['status'], 'planned']) },
  { code: 'correction-without-text', text: variant(W, [['confirmation', 'correction']]), at: 'corrected', quiet: variant(W, [['confirmation', 'correction']], [['confirmation', 'response'], 'confirmed']), fixable: 'scaffold' },
  { code: 'next-step-not-tied-to-goal', text: variant(W, [['next_step', 'serves_goal']]), at: 'Send our summer gallery calendar and hold two dates', fixable: true },
  { code: 'next-step-not-tied-to-goal', text: variant(W, [['next_step', 'serves_goal'], 'More visitors to the museum']), at: 'More visitors to the museum', quiet: variant(W, [['next_step', 'serves_goal'], 'two public exhibitions']), fixable: true },
  { code: 'meeting-status-stale', text: variant(W, [['status'], 'planned']), at: 'planned', quiet: variant(W, [['status'], 'planned'], [['meeting', 'date'], '2026-10-20']), fixable: true },
  { code: 'meeting-length', text: variant(W, [['meeting', 'duration_minutes'], 90]), at: '90', quiet: variant(W, [['meeting', 'duration_minutes'], 60]) },
  { code: 'not-partner-convenience', text: variant(W, [['meeting', 'partner_chose_time_and_place'], false]), at: 'false' },
  { code: 'not-filled', text: variant(W, [['status'], 'held'], [['after']]), at: 'held', quiet: variant(W, [['status'], 'held'], [['after']], [['meeting', 'date'], '2026-10-19']) },
  { code: 'not-shared', text: variant(W, [['status'], 'filled'], [['after', 'shared_on']], [['next_step', 'status'], 'done']), today: '2026-10-30', at: 'filled', quiet: variant(W, [['status'], 'filled'], [['after', 'shared_on']], [['next_step', 'status'], 'done'], [['after', 'filled_on'], '2026-10-27']) },
  { code: 'not-thanked', text: variant(W, [['thanked'], false]), at: 'false', quiet: variant(W, [['thanked'], false], [['status'], 'prepared']), fixable: true },
  { code: 'not-prepared', text: variant(W, [['preparation', 'questions']]), at: 'preparation', quiet: variant(W, [['preparation', 'questions']], [['status'], 'planned']) },
  { code: 'missing-convener-vision', text: variant(C, [['convener', 'vision']]), uri: CONVENING_URI, at: 'convener', quiet: variant(C, [['convener', 'vision']], [['status'], 'exploring']), fixable: 'scaffold' },
  { code: 'partners-without-voice', text: variant(C, [['vision_setting', 'sessions', 0, 'partners_contributed'], ['riverside-youth']]), uri: CONVENING_URI, at: 'eastside-library', quiet: variant(C, [['vision_setting', 'sessions', 0, 'partners_contributed'], ['riverside-youth']], [['status'], 'exploring']) },
  { code: 'coordinator-vacant', text: variant(C, [['coordinator']]), uri: CONVENING_URI, at: 'Westside Arts Access Network', quiet: variant(C, [['coordinator']], [['status'], 'exploring']), fixable: true },
  { code: 'coordinator-duty-unassigned', text: variant(C, [['coordinator', 'duties', 'agendas'], null]), uri: CONVENING_URI, at: 'null', fixable: true },
  // The convener holds every leadership role and no partner shares it; co-chairing with a partner is shared leadership.
  { code: 'coordination-conflated-with-leadership', text: variant(C, [['leadership', 0, 'holder'], 'City Museum'], [['partners', 0, 'roles'], ['member']]), uri: CONVENING_URI, at: 'City Museum', quiet: variant(C, [['leadership'], [{ role: 'co-chair', holder: 'City Museum' }, { role: 'co-chair', holder: 'riverside-youth' }]], [['partners', 0, 'roles'], ['member']]) },
  { code: 'vision-not-shared', text: variant(C, [['convener', 'vision', 'shared_on']], [['coordinator', 'announced_on'], '2026-11-02']), uri: CONVENING_URI, today: '2026-11-10', at: 'A summer gallery curated by Westside teens every year', quiet: variant(C, [['convener', 'vision', 'shared_on']], [['coordinator', 'announced_on'], '2026-11-02'], [['vision_setting', 'sessions', 0, 'date'], '2026-11-20']), fixable: true },
  { code: 'coordination-lapsed', text: variant(C, [['communication', 'last_meeting'], '2026-08-01'], [['coordinator', 'announced_on'], '2026-08-01']), uri: CONVENING_URI, at: '2026-08-01', quiet: variant(C, [['communication', 'last_meeting'], '2026-09-20'], [['coordinator', 'announced_on'], '2026-08-01']), fixable: true },
  { code: 'coordinator-role-unannounced', text: variant(C, [['vision_setting', 'sessions', 0, 'date'], '2026-10-10']), uri: CONVENING_URI, at: 'coordinator', quiet: C, fixable: true },
  { code: 'goal-without-metric', text: variant(C, [['goals', 0, 'metrics']]), uri: CONVENING_URI, at: '60 teens exhibit publicly by June 2027', fixable: true },
  { code: 'unknown-metric', text: variant(C, [['goals', 0, 'metrics', 0], 'teens-exhibting']), uri: CONVENING_URI, at: 'teens-exhibting', fixable: true },
  { code: 'no-shared-measurement', text: variant(C, [['measurement']], [['goals']]), uri: CONVENING_URI, at: 'Westside Arts Access Network' },
  { code: 'no-communication-cadence', text: variant(C, [['communication', 'cadence']]), uri: CONVENING_URI, at: 'communication', fixable: true },
  { code: 'review-without-commitments', text: variant(REVIEW, [['commitments'], []]), uri: REVIEW_URI, today: '2026-11-24', at: '[]', quiet: variant(REVIEW, [['commitments'], []], [['date'], '2026-12-01']), fixable: 'scaffold' },
  { code: 'commitment-owner', text: variant(REVIEW, [['commitments', 0, 'owner']]), uri: REVIEW_URI, at: 'Offer the library rooms to Riverside', fixable: true },
  { code: 'commitment-due', text: variant(REVIEW, [['commitments', 0, 'due']]), uri: REVIEW_URI, at: 'Offer the library rooms to Riverside', fixable: true },
  { code: 'overdue-commitment', text: REVIEW, uri: REVIEW_URI, today: '2026-12-20', at: '2026-12-15', quiet: variant(REVIEW, [['commitments', 0, 'status'], 'dropped']), fixable: true },
  // Cross-file rules, checked with the rest of the workspace.
  { code: 'unknown-partner', text: variant(C, [['vision_setting', 'sessions', 0, 'partners_present', 1], 'eastside-librari']), uri: CONVENING_URI, neighbours: partners('shared'), at: 'eastside-librari', quiet: C, fixable: true },
  { code: 'partner-not-met', text: C, uri: CONVENING_URI, neighbours: partners('planned'), at: 'eastside-library', quiet: C, quietNeighbours: partners('held') },
  { code: 'round-not-all-held', text: REVIEW, uri: REVIEW_URI, today: '2026-11-24', neighbours: partners('planned'), at: 'autumn-2026', quiet: REVIEW, quietNeighbours: partners('held') },
  // Identity and rounds, across worksheets.
  { code: 'duplicate-partner', text: newer([['partner'], { id: 'riverside-youth-collective', organization: 'Riverside Youth Collective.' }]), uri: NEWER_URI, neighbours: partners('shared'), at: 'riverside-youth-collective', quiet: newer([['partner'], { id: 'riverside-youth-collective', organization: 'Riverside Youth Collective.' }]), quietNeighbours: { ...partners('shared'), '/team/partner-worksheets.yaml': 'kind: config\naliases: {riverside-youth-collective: riverside-youth}\n' }, fixable: true },
  { code: 'partner-renamed', text: newer([['partner', 'organization'], 'Riverside Youth Arts']), uri: NEWER_URI, neighbours: partners('shared'), at: 'Riverside Youth Arts', quiet: newer(), fixable: true },
  // Last meeting's worksheet copied for this one, its date kept; two meetings of one day start at different times.
  { code: 'duplicate-meeting', text: W, uri: NEWER_URI, neighbours: partners('shared'), at: '2026-10-14', quiet: variant(W, [['meeting', 'start'], '10:00']) },
  { code: 'missing-round', text: variant(W, [['round']]), neighbours: partners('shared'), at: 'shared', quiet: W, fixable: true },
  { code: 'round-lookalike', text: variant(W, [['round'], 'autum-2026']), neighbours: { ...partners('shared'), [NEWER_URI]: newer() }, at: 'autum-2026', quiet: variant(W, [['round'], 'autumn-2025']), fixable: true },
  { code: 'unknown-round', text: variant(REVIEW, [['round'], 'autum-2026']), uri: REVIEW_URI, today: '2026-11-24', neighbours: partners('shared'), at: 'autum-2026', quiet: REVIEW, fixable: true },
];

/** The findings of `text` as the case's document, alone or among its neighbours, under these settings. */
function checkCase(c: Case, text: string, { configText, neighbours = c.neighbours }: { configText?: string; neighbours?: Record<string, string> } = {}): Finding[] {
  const today = c.today ?? TODAY;
  if (!neighbours) return check(text, { uri: c.uri, today, configText });
  const index = new WorkspaceIndex(() => today);
  for (const [uri, t] of Object.entries(neighbours)) index.set(uri, t);
  if (configText) index.set('/team/partner-worksheets.yaml', configText);
  const uri = c.uri ?? '/team/riverside-youth/2026-10-14.worksheet.yaml';
  index.set(uri, text);
  return index.check(uri);
}

describe('gap rules', () => {
  it('the complete contract examples have no findings', () => {
    assert.deepEqual(check(W), []);
    assert.deepEqual(check(C, { uri: CONVENING_URI }), []);
    assert.deepEqual(check(REVIEW, { uri: '/team/reviews/autumn.review.yaml', today: '2026-11-24' }), []);
    assert.deepEqual(check(CONFIG, { uri: '/team/partner-worksheets.yaml' }), []);
  });

  it('every rule has a test case here', () => {
    const tested = new Set(cases.map((c) => c.code));
    for (const r of RULES) assert.ok(tested.has(r.code), `no test for ${r.code}`);
  });

  for (const c of cases) {
    describe(c.code, () => {
      it('fires on the gap, on the right node, and only there', () => {
        const findings = checkCase(c, c.text);
        assert.deepEqual(codes(findings), [c.code], `findings: ${JSON.stringify(findings.map((f) => `${f.code}: ${f.message}`))}`);
        const f = findings[0];
        assert.equal(covered(c.text, f), c.at);
        assert.ok(f.message.length > 30, 'the message says what to do');
      });

      if (c.quiet !== undefined) {
        it('stays quiet where it does not apply', () => {
          assert.deepEqual(codes(checkCase(c, c.quiet!, { neighbours: c.quietNeighbours ?? c.neighbours })).filter((x) => x === c.code), []);
        });
      }

      it('takes the team\'s severity, and can be turned off', () => {
        const error = checkCase(c, c.text, { configText: `kind: config\nrules: {${c.code}: error}\n` });
        assert.ok(error.length > 0 && error.every((f) => f.severity === 'error'));
        assert.deepEqual(checkCase(c, c.text, { configText: `kind: config\nrules: {${c.code}: off}\n` }), []);
      });

      it('is silenced by a disable comment on the line before', () => {
        const f = checkCase(c, c.text)[0];
        const lines = c.text.split('\n');
        lines.splice(f.range.start.line, 0, `# worksheets-disable-next-line ${c.code}`);
        assert.deepEqual(codes(checkCase(c, lines.join('\n'))).filter((x) => x === c.code), []);
      });

      if (c.fixable) {
        it('has a fix that clears it and leaves valid YAML', () => {
          const f = checkCase(c, c.text)[0];
          const fix = f.fixes?.find((x) => x.preferred) ?? f.fixes?.[0];
          assert.ok(fix, 'a fix is offered');
          const fixed = applyEdits(c.text, fix.edits);
          assert.equal(parseDocument(fixed).errors.length, 0, fixed);
          const after = checkCase(c, fixed);
          if (c.fixable === true) assert.ok(!after.some((x) => x.code === c.code), `still there after "${fix.title}":\n${fixed}`);
          else assert.ok(fixed.split('\n').length > c.text.split('\n').length || fixed.length > c.text.length, 'the scaffold adds text');
          assert.ok(!after.some((x) => x.code === 'schema'), `schema error after "${fix.title}":\n${fixed}\n${JSON.stringify(after)}`);
          if (fix.snippetEdits) {
            // The snippet form, with each placeholder at its default, is valid YAML too.
            const viaSnippet = applySnippetsAtDefaults(c.text, fix.snippetEdits);
            assert.equal(parseDocument(viaSnippet).errors.length, 0, viaSnippet);
            assert.ok(!checkCase(c, viaSnippet).some((x) => x.code === 'schema'), `schema error after the snippet of "${fix.title}":\n${viaSnippet}`);
          }
        });
      }
    });
  }

  describe('duplicate-meeting, beyond the table', () => {
    const ORIGINAL = '/team/riverside-youth/2026-10-14.worksheet.yaml';
    const indexWith = (sheets: Record<string, string>): WorkspaceIndex => {
      const index = new WorkspaceIndex(() => TODAY);
      for (const [uri, text] of Object.entries(sheets)) index.set(uri, text);
      return index;
    };
    const duplicates = (index: WorkspaceIndex, uri: string) => index.check(uri).filter((f) => f.code === 'duplicate-meeting');

    it('is said once, on the later worksheet, naming the earlier one', () => {
      const index = indexWith({ [ORIGINAL]: W, [NEWER_URI]: W });
      assert.deepEqual(duplicates(index, ORIGINAL), []);
      const [f] = duplicates(index, NEWER_URI);
      assert.match(f.message, /^Another worksheet, `riverside-youth\/2026-10-14\.worksheet\.yaml`, already records a meeting with `riverside-youth` on 2026-10-14\./);
      assert.deepEqual(f.related?.map((r) => r.uri), [ORIGINAL]);
    });

    it('takes the second file New Meeting Worksheet makes for a day (`-2`) as the later one', () => {
      const second = '/team/riverside-youth/2026-10-14-2.worksheet.yaml';
      const index = indexWith({ [ORIGINAL]: W, [second]: W });
      assert.deepEqual([duplicates(index, ORIGINAL).length, duplicates(index, second).length], [0, 1]);
    });

    it('joins partner ids through the team\'s aliases, and leaves another partner\'s meeting that day alone', () => {
      const old = variant(W, [['partner', 'id'], 'riverside-youth-club']);
      const elsewhere = '/team/riverside-youth-club/2026-10-14.worksheet.yaml';
      assert.deepEqual(duplicates(indexWith({ [ORIGINAL]: W, [elsewhere]: old }), elsewhere), []);
      const aliased = indexWith({ [ORIGINAL]: W, [elsewhere]: old, '/team/partner-worksheets.yaml': 'kind: config\naliases: {riverside-youth-club: riverside-youth}\n' });
      // `riverside-youth-club/` comes first by path: the finding is on the other one.
      assert.deepEqual([duplicates(aliased, elsewhere).length, duplicates(aliased, ORIGINAL).length], [0, 1]);
      const other = variant(W, [['partner'], { id: 'eastside-library', organization: 'Eastside Library' }]);
      assert.deepEqual(duplicates(indexWith({ [ORIGINAL]: W, '/team/eastside-library/2026-10-14.worksheet.yaml': other }), '/team/eastside-library/2026-10-14.worksheet.yaml'), []);
    });

    it('takes a worksheet without a start time for either meeting of the day', () => {
      const noStart = variant(W, [['meeting', 'start']]);
      const index = indexWith({ [ORIGINAL]: variant(W, [['meeting', 'start'], '10:00']), '/team/riverside-youth/2026-10-14b.worksheet.yaml': noStart });
      assert.equal(duplicates(index, '/team/riverside-youth/2026-10-14b.worksheet.yaml').length, 1);
    });

    it('names two earlier worksheets and counts the rest', () => {
      const sheets: Record<string, string> = {};
      for (const n of [1, 2, 3, 4]) sheets[`/team/riverside-youth/copy-${n}.worksheet.yaml`] = W;
      const [f] = duplicates(indexWith(sheets), '/team/riverside-youth/copy-4.worksheet.yaml');
      assert.match(f.message, /^3 other worksheets, `riverside-youth\/copy-1\.worksheet\.yaml`, `riverside-youth\/copy-2\.worksheet\.yaml` and 1 more, already record a meeting/);
    });
  });

  it('a planned worksheet is not flagged for missing notes', () => {
    const planned = `kind: worksheet
version: 1
status: planned
round: autumn-2026
partner: {organization: Eastside Library}
meeting: {date: 2026-12-03}
`;
    assert.deepEqual(check(planned), []);
  });

  it('the whole-file disable comment silences a code everywhere', () => {
    const text = `# worksheets-disable empty-notes-category\n${variant(W, [['notes', 'values'], []], [['notes', 'goals'], []])}`;
    assert.deepEqual(codes(check(text)).filter((x) => x === 'empty-notes-category'), []);
  });
});

describe('not-prepared says what is missing', () => {
  it('the questions, the review of the worksheet, or both', () => {
    const message = (text: string) => check(text).find((f) => f.code === 'not-prepared')?.message;
    assert.match(message(variant(W, [['preparation', 'questions']]))!, /^The worksheet was reviewed, but no questions are recorded: pick a few open questions/);
    assert.match(message(variant(W, [['preparation', 'worksheet_reviewed'], false]))!, /^Questions are picked, but the worksheet is not marked reviewed/);
    assert.match(message(variant(W, [['preparation']]))!, /^Preparation is not recorded: review the worksheet and pick a few open questions to ask/);
  });
});

describe('a section written as text where a block or list goes', () => {
  const held = variant(W, [['status'], 'held']);
  const without = (text: string, ...paths: (string | number)[][]) => variant(text, ...paths.map((p): Edit => [p]));

  it('gets its schema error naming the fields it takes, and no finding that it is missing', () => {
    for (const [path, text, missing] of [
      [['next_step'], 'Send them the calendar', 'missing-next-step'],
      [['confirmation'], 'Mai agreed, yes that is it', 'missing-confirmation'],
      [['notes'], 'We talked mostly about transport', 'empty-notes-category'],
    ] as const) {
      const written = variant(without(held, ['follow_up']), [[...path], text]);
      const findings = check(written);
      const schema = findings.filter((f) => f.code === 'schema');
      assert.equal(schema.length, 1, `${path.join('.')}: ${JSON.stringify(schema)}`);
      assert.match(schema[0].message, /should be a block of fields with `\w+`, `\w+`/);
      assert.ok(!codes(findings).includes(missing), `${path.join('.')}: ${codes(findings).join(', ')}`);
      // The same gap with the section left out is found, so the test can tell.
      assert.ok(codes(check(without(without(held, ['follow_up']), [...path]))).includes(missing), `${path.join('.')} left out`);
    }
  });

  it('a goals list written as one block is not "no notes on goals"; a date for the follow-up is not "no follow-up"', () => {
    const goals = variant(held, [['notes', 'goals'], { text: 'A show in spring' }]);
    assert.ok(!check(goals).some((f) => f.code === 'empty-notes-category' && /goals/.test(f.message)));
    const untied = (g: unknown) => check(variant(held, [['notes', 'goals'], g], [['next_step', 'serves_goal']]));
    assert.ok(codes(untied([])).includes('next-step-not-tied-to-goal'), 'with no goals noted, the step is not tied to one');
    assert.ok(!codes(untied({ text: 'A show in spring' })).includes('next-step-not-tied-to-goal'), 'nor "note their goals" beside the schema error');
    assert.ok(check(goals).some((f) => f.code === 'schema' && /`notes\.goals` should be a list/.test(f.message)));
    const followUp = variant(without(held, ['next_step']), [['follow_up'], '2026-12-20']);
    assert.ok(!codes(check(followUp)).includes('missing-next-step'));
    assert.match(check(followUp).find((f) => f.code === 'schema')!.message, /`follow_up` should be a block of fields with `date`, `owner`/);
  });
});

describe('a file that could not be read is never a pass', () => {
  const broken = 'kind: worksheet\nnotes:\n  goals: [Two exhibitions\n';
  const unread = (findings: Finding[]) => findings.filter((f) => f.code === 'yaml-syntax' || f.code === 'file-too-large').map((f) => f.severity);

  it('a disable comment, bare or naming the code, leaves its yaml-syntax errors', () => {
    assert.ok(unread(check(broken)).length > 0);
    for (const directive of ['# worksheets-disable', '# worksheets-disable yaml-syntax', '# worksheets-disable-next-line yaml-syntax']) {
      const findings = check(`${directive}\n${broken}`);
      assert.deepEqual(unread(findings), unread(check(`# a remark\n${broken}`)), directive);
    }
  });

  it('settings cannot lower or silence yaml-syntax or file-too-large, and say so', () => {
    const config = 'kind: config\nrules: {yaml-syntax: off, file-too-large: info, schema: warning}\n';
    const findings = check(broken, { configText: config });
    assert.ok(findings.some((f) => f.code === 'yaml-syntax'));
    assert.ok(unread(findings).every((s) => s === 'error'));
    const huge = check(`kind: worksheet\nnotes: "${'x'.repeat(1_000_001)}"\n`, { configText: config });
    assert.deepEqual(unread(huge), ['error']);
    const own = check(config, { uri: '/t/partner-worksheets.yaml' }).filter((f) => f.code === 'schema').map((f) => f.message);
    assert.deepEqual(own, ['`rules.yaml-syntax` must be `error`.', '`rules.file-too-large` must be `error`.']);
  });
});

describe('schema messages', () => {
  const held = variant(W, [['status'], 'held']);
  const schemaOf = (text: string, uri?: string) => check(text, uri ? { uri } : {}).filter((f) => f.code === 'schema').map((f) => f.message);

  it('the settings say when aliases go round in a circle, and when a theme is listed twice', () => {
    const settings = 'kind: config\nthemes:\n  - {id: space, label: Space}\n  - {id: funding, label: Money}\n  - {id: space, label: Rooms}\naliases: {riverside-youth: eastside-library, eastside-library: riverside-youth, al-noor: al-noor, old-oak: oak-library}\n';
    const found = check(settings, { uri: '/t/partner-worksheets.yaml' }).map((f) => [f.range.start.line + 1, f.severity, covered(settings, f), f.message]);
    assert.deepEqual(found, [
      [6, 'error', 'riverside-youth', '`aliases` go round in a circle (`riverside-youth` to `eastside-library` to `riverside-youth`), so none of these ids leads to a partner: each old id should lead to the one the partner has now. Remove the one that points back.'],
      [6, 'warning', 'al-noor', '`aliases` leads `al-noor` to itself, which does nothing: remove it, or write the id it is now.'],
      [5, 'warning', 'space', 'The theme `space` is listed twice in the vocabulary; keep one, with the synonyms of both.'],
    ]);
    assert.deepEqual(check('kind: config\naliases: {old-oak: oak-library, oak-library: oak-public-library}\n', { uri: '/t/partner-worksheets.yaml' }), [], 'a chain is no circle');
  });

  it('a length that is no number of minutes gets one schema error, and no meeting-length', () => {
    for (const [written, message] of [
      ['.nan', '`meeting.duration_minutes` should be a whole number (it is NaN).'],
      ['99999999999999999999999', '`meeting.duration_minutes` must be <= 1440.'],
      ['-45', '`meeting.duration_minutes` must be >= 1.'],
      ['0.5', '`meeting.duration_minutes` should be a whole number (it is 0.5).'],
    ]) {
      const text = held.replace(/duration_minutes: \d+/, `duration_minutes: ${written}`);
      assert.deepEqual(schemaOf(text), [message], written);
      assert.ok(!codes(check(text)).includes('meeting-length'), written);
    }
  });

  it('two people written as one owner are not read as one made-up id', () => {
    const two = check(variant(held, [['next_step', 'owner'], 'maya and tom']));
    assert.ok(!two.some((f) => f.code === 'format-slip' && /maya-and-tom/.test(f.message)), JSON.stringify(two.map((f) => f.message)));
    assert.ok(two.some((f) => f.code === 'schema' && /`next_step\.owner` should be an id/.test(f.message)));
    // An organisation's name with "and" is still read as its id.
    assert.ok(check(variant(held, [['partner', 'id'], 'Arts and Crafts'])).some((f) => f.code === 'format-slip' && /arts-and-crafts/.test(f.message)));
  });

  it('a held meeting dated ahead is flagged, and a planned one after its date as before', () => {
    const ahead = check(variant(held, [['meeting', 'date'], '2027-01-15']), { today: '2026-12-05' }).find((f) => f.code === 'meeting-status-stale');
    assert.equal(ahead?.message, 'This meeting is `held` but dated 2027-01-15, 41 days from now. If it has not happened yet, set its status to planned; if it has, correct the date.');
    assert.deepEqual(ahead?.fixes?.map((x) => x.title), ['It has not happened yet: mark it planned', 'It happened today: set the date to 2026-12-05']);
    assert.ok(!codes(check(variant(held, [['meeting', 'date'], '2026-12-05']), { today: '2026-12-05' })).includes('meeting-status-stale'), 'held today');
    assert.ok(codes(check(variant(W, [['status'], 'planned'], [['meeting', 'date'], '2026-11-01']), { today: '2026-12-05' })).includes('meeting-status-stale'));
  });

  it('says what a tag made, a time of day out of range, the settings file\'s kind, and an id in other letters', () => {
    assert.ok(schemaOf(held.replace(/organization: .*/, 'organization: !!binary aGVsbG8=')).some((m) => m === '`partner.organization` should be text, not binary data (`!!binary`).'));
    assert.ok(schemaOf(variant(held, [['meeting', 'start'], '25:99'])).includes('`meeting.start` should be a time of day written "HH:MM", from "00:00" to "23:59", in quotes, like "16:00" (it is `25:99`).'));
    assert.deepEqual(schemaOf('kind: worksheet\n', '/t/partner-worksheets.yaml'), ['`kind` must be `config` in partner-worksheets.yaml.']);
    // A Cyrillic ѕ would vanish from the id (`am`): not read as meant, but refused as written.
    const other = check(variant(held, [['meeting', 'our_attendees'], ['\u0455am']]));
    assert.ok(!other.some((f) => f.code === 'format-slip'), JSON.stringify(other.map((f) => f.message)));
    assert.ok(other.some((f) => f.code === 'schema' && /should be an id/.test(f.message)));
    // A partner id with a Cyrillic о looks like the real one: the message names the odd letter.
    const lookalike = check(variant(held, [['partner', 'id'], 'riverside-y\u043Euth'])).find((f) => f.code === 'schema');
    assert.match(lookalike!.message, /\(it is `riverside-y\u043Euth`, where `\u043E` is U\+043E, not a letter a-z\)\.$/);
  });

  it('a misspelt rule code in the settings names the nearest code and offers the rename', () => {
    const text = 'kind: config\nrules: {meeting-lenght: warning}\n';
    const [f] = check(text, { uri: '/t/partner-worksheets.yaml' }).filter((x) => x.code === 'schema');
    assert.match(f.message, /`meeting-lenght` is not a known name in `rules`: did you mean `meeting-length`\?/);
    assert.equal(covered(text, f), 'meeting-lenght');
    assert.equal(f.fixes?.[0].edits[0].newText, 'meeting-length');
  });

  it('an unknown key names the nearest known key, on the key itself', () => {
    const text = WORKSHEET.replace('duration_minutes', 'duraton_minutes');
    const [f] = check(text).filter((x) => x.code === 'schema');
    assert.match(f.message, /`duraton_minutes` is not a known field in `meeting`: did you mean `duration_minutes`\?/);
    assert.equal(covered(text, f), 'duraton_minutes');
  });

  it('a wrong value lists the allowed ones and offers each as a fix', () => {
    const text = WORKSHEET.replace('status: shared', 'status: done');
    const [f] = check(text).filter((x) => x.code === 'schema');
    assert.match(f.message, /`status` must be one of: planned, prepared, held, filled, shared \(it is `done`\)/);
    assert.deepEqual(f.fixes?.map((x) => x.edits[0].newText), ['planned', 'prepared', 'held', 'filled', 'shared']);
  });

  it('a date in no form we can read, or not in the calendar, says so once', () => {
    const a = check(WORKSHEET.replace('date: 2026-10-14', 'date: mid October')).filter((x) => x.code === 'schema');
    assert.equal(a.length, 1, JSON.stringify(a));
    assert.match(a[0].message, /should be a date written YYYY-MM-DD, like 2026-10-14 \(it is `mid October`\)/);
    const [b] = check(WORKSHEET.replace('date: 2026-10-14', 'date: 2026-02-30')).filter((x) => x.code === 'schema');
    assert.match(b.message, /2026-02-30 does not exist in the calendar/);
  });

  it('a merge key is named as such, with no guess at a field', () => {
    const text = WORKSHEET.replace('partner:\n', 'partner:\n  <<: {a: 1}\n');
    const [f] = check(text).filter((x) => x.code === 'schema');
    assert.match(f.message, /`<<` \(a YAML merge key\) is not read in these files in `partner`: write the fields out in full\./);
    assert.equal(f.fixes, undefined);
  });

  it('a fraction where a whole number goes says so, not "a number, not a number"', () => {
    const [f] = check(WORKSHEET.replace('duration_minutes: 45', 'duration_minutes: 45.5')).filter((x) => x.code === 'schema');
    assert.equal(f.message, '`meeting.duration_minutes` should be a whole number (it is 45.5).');
  });

  it('a wrong type names the expected one', () => {
    const [f] = check(WORKSHEET.replace('duration_minutes: 45', 'duration_minutes: forty-five')).filter((x) => x.code === 'schema');
    assert.match(f.message, /`meeting.duration_minutes` should be a number, not text/);
  });
});

describe('next-step-not-tied-to-goal: which goal a `serves_goal` names', () => {
  const goals = ['Grow youth membership by 20%', 'Más voluntarios en la biblioteca'];
  it('names a goal written as it was, in part, or with other case and punctuation', () => {
    assert.equal(namesGoal('Grow youth membership by 20%', goals), true);
    assert.equal(namesGoal('youth membership', goals), true);
    assert.equal(namesGoal('GROW youth-membership, by 20 %!', goals), true);
    assert.equal(namesGoal('más voluntarios', goals), true);
  });
  it('names none with other words, or with no word at all, even written as a goal was', () => {
    assert.equal(namesGoal('A new gallery for us', goals), false);
    assert.equal(namesGoal('...', ['...', 'Grow youth membership by 20%']), false);
    assert.equal(namesGoal('', ['']), false);
  });
});
