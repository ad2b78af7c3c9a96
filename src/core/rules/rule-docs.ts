// What docs/rules.md says of each code beyond its one-line summary: why it
// matters, in the method's own words where the rule encodes the method
// (../shared/seeds: Partner Power, and Leveraging Power on convening), an
// example that fires, and the fix. Kept beside the registry so a new code
// without its reason fails a test (generated.test.ts).

export interface RuleDoc {
  /** Why the rule exists; a quote from the method where it encodes it. */
  reason: string;
  /** A YAML fragment that fires, the gap marked with a comment. */
  example: string;
  /** What closes it: the quick fix, or what to do. */
  fix: string;
}

const PP = 'Partner Power';
const LP = 'Leveraging Power';

export const RULE_DOCS: Record<string, RuleDoc> = {
  'missing-confirmation': {
    reason: `${PP}: "Ask questions to confirm understanding, like: 'In our conversation, I heard that success for your community looks like XX -- is this accurate?'" Without it, what the team writes down is its own reading of the partner.`,
    example: 'status: held\n# no confirmation block',
    fix: 'Quick fix "Add a confirmation block": the statement you read back and their response (`confirmed` or `corrected`).',
  },
  'missing-next-step': {
    reason: `${PP}: "If you are ready, ask questions to set up a next step ... If you are not ready, you can always follow up later." A held meeting ends with one or the other.`,
    example: 'status: held\n# neither next_step nor follow_up.date',
    fix: 'Quick fix "Add a next step" (the partner is ready) or "Add a follow-up date" (not yet).',
  },
  'next-step-owner': {
    reason: 'A step nobody owns tends not to happen; the partner was promised it.',
    example: 'next_step:\n  action: Send the gallery calendar\n  # no owner',
    fix: 'Quick fix "Set the owner to ...": the first of our attendees.',
  },
  'next-step-due': {
    reason: 'A date tells the partner when to expect it, and the team when it is late.',
    example: 'next_step:\n  action: Send the gallery calendar\n  owner: sam\n  # no due',
    fix: 'Quick fix "Set the due date to ...": two weeks after the meeting, to adjust.',
  },
  'overdue-next-step': {
    reason: `${PP}: "our partner's success is our success". A promise past its date is where trust is lost.`,
    example: 'next_step: {action: Send the calendar, owner: sam, due: 2026-10-28, status: open}   # today 2026-11-02',
    fix: 'Do it and mark it `done` (quick fix), or agree a new date with the partner.',
  },
  'overdue-follow-up': {
    reason: `${PP}: "If you are not ready, you can always follow up later." Later has come.`,
    example: 'follow_up: {date: 2026-12-01, owner: sam}   # today 2026-12-05, no next step',
    fix: 'Get back in touch; record the next step, or set `done: true` or a new date.',
  },
  'missing-success-definition': {
    reason: `${PP}: "you'll focus on understanding what success looks like for your partner so the projects you co-create will be successful for both of you."`,
    example: 'status: held\nnotes:\n  challenges: [No venue]\n  # no success_in_their_words',
    fix: 'Quick fix "Add success in their words", then write it as they said it.',
  },
  'empty-notes-category': {
    reason: `${PP}: "Write down anything you find compelling, and anything that relates to their challenges, values, goals, and commitments."`,
    example: 'notes:\n  values: []   # nothing on values',
    fix: 'Note what they said; if it did not come up, it is a question for next time.',
  },
  'correction-without-text': {
    reason: 'A corrected confirmation is the most valuable thing the meeting produced: what the team had wrong.',
    example: 'confirmation: {asked: true, statement: ..., response: corrected}   # no correction',
    fix: 'Quick fix "Add the correction", then write what they said instead.',
  },
  'next-step-not-tied-to-goal': {
    reason: `${PP}: "what are some ways we can help advance your goals?" A next step serves a goal the partner named, in their words, not one of ours.`,
    example: 'notes:\n  goals: [Two public exhibitions this year]\nnext_step:\n  action: Lend our tents\n  serves_goal: More visitors to the museum   # not their goal',
    fix: 'Quick fix "Tie it to their goal ...": one of the goals they named.',
  },
  'meeting-length': {
    reason: `${PP}: "You should expect to spend 30-60 minutes" and "plan to end promptly on time to honor their schedule."`,
    example: 'meeting:\n  duration_minutes: 90',
    fix: 'A lesson for next time; the team may change the range under `thresholds.meeting_minutes`.',
  },
  'not-partner-convenience': {
    reason: `${PP}: "We suggest you meet at a time and location that is most convenient for them."`,
    example: 'meeting:\n  partner_chose_time_and_place: false',
    fix: 'Next time, let the partner choose; the finding is for learning, not to fix.',
  },
  'not-filled': {
    reason: `${PP}: "After the meeting, fill out the worksheet to keep and share with your team." Notes fade within days.`,
    example: 'status: held\nmeeting: {date: 2026-10-14}   # today 2026-10-20, no after.filled_on',
    fix: 'Write it up, set `after.filled_on` and `status: filled`.',
  },
  'not-shared': {
    reason: `${PP}: the worksheet is kept "and share[d] with your team", who review the round together.`,
    example: 'status: filled\nafter: {filled_on: 2026-10-14}   # a week on, not shared',
    fix: 'Share it, set `after.shared_on` and `status: shared`.',
  },
  'not-thanked': {
    reason: `${PP}: "At the end of the meeting, thank them."`,
    example: 'status: held\nthanked: false',
    fix: 'Quick fix "Mark as thanked" once a note or a call has gone out.',
  },
  'not-prepared': {
    reason: `${PP}: "Before the meeting, review the worksheet ... Pick a few questions you want to be sure to ask."`,
    example: 'status: held\n# no preparation block',
    fix: 'Record `preparation.worksheet_reviewed` and the `questions` you picked.',
  },
  'meeting-status-stale': {
    reason: 'A meeting still `planned` after its date either happened (and its notes, confirmation and next step are never asked for) or was put off (and the date misleads the round). A meeting `held` on a date still to come has a status set ahead or a mistyped date: the review counts it as met, and Share What We Heard would thank the partner for a meeting that has not happened.',
    example: 'status: planned\nmeeting: {date: 2026-11-10}   # today 2026-12-02',
    fix: 'Quick fix "It happened: mark it held", or "It was put off: move the date"; for a held meeting dated ahead, "It has not happened yet: mark it planned", or set the date.',
  },
  'missing-round': {
    reason: `${PP}: "Once you've held all your one-on-one meetings, review them together with your team." A worksheet with no round drops out of every review, silently.`,
    example: 'status: held\n# no round',
    fix: 'Quick fix "Put it in ...": the round of its neighbours by date.',
  },
  'missing-convener-vision': {
    reason: `${LP}: "When an institution of power is not clear about its own goals and intentions, it can create distrust" and "Strong visions (from any partner) can provide a clear starting point". Not asked while the convening is only exploring.`,
    example: 'status: forming\nconvener:\n  organization: City Museum\n  # no vision',
    fix: 'Quick fix "Add the convener\'s vision", written with the partner hat on.',
  },
  'partners-without-voice': {
    reason: `${LP}: "Setting a vision is a facilitated activity in which, ideally, all partner members have a voice and input."`,
    example: 'partners: [{id: eastside-library}]\nvision_setting:\n  sessions: [{date: 2026-11-02, partners_contributed: []}]',
    fix: 'Invite their input at the next session; list them under `partners_contributed`.',
  },
  'coordinator-vacant': {
    reason: `${LP}: "the vagueness and confusion that can arise when these roles are left vacant"; the backbone role is "ideally, assumed by the convener organization."`,
    example: 'status: forming\n# no coordinator',
    fix: 'Quick fix "Add a coordinator block" with the convener and each duty.',
  },
  'coordinator-duty-unassigned': {
    reason: `${LP}: "The coordinator organizes meetings, agendas, and communication channels, ensures goals and metrics are in place, maintains a shared measurement system and manages resources."`,
    example: 'coordinator:\n  duties: {agendas: null}',
    fix: 'Quick fix "Assign ... to ...": a person id for each duty.',
  },
  'coordination-conflated-with-leadership': {
    reason: `${LP}: "Coordinator and leader are two different roles" and "The solution is not to hold back on stepping into a leadership role altogether, but rather to do so in a way that encourages engagement, shared leadership". So a convener co-chairing with a partner is fine; what fires is the two roles merged: the coordinator holds every leadership role and no partner shares it, or no leadership is set apart at all.`,
    example: 'coordinator: {organization: City Museum}\nleadership: [{role: chair, holder: City Museum}]\npartners: [{id: riverside-youth, roles: [member]}]',
    fix: 'Share leadership: give a partner a leadership or advisory role (the convener may keep one too).',
  },
  'vision-not-shared': {
    reason: `${LP} names this failure: the convener "hedges on the contribution of its own vision for fear of being perceived as pushing its own agenda". The challenge is "to take off its convener hat and put on its partner organization hat to share appropriately in the vision setting".`,
    example: 'convener:\n  vision:\n    statement: A summer gallery curated by teens\n    # no shared_on\nvision_setting:\n  sessions: [{date: 2026-11-02}]   # already held',
    fix: 'Quick fix "It was shared at the session of ...": set `shared_on`; or share it at the next one.',
  },
  'coordination-lapsed': {
    reason: `${LP}: "We've seen organizations take great pains to organize a strong initial kickoff meeting, but then become reluctant to assume an ongoing coordination role." Fires when the last meeting is over 1.5 times the cadence ago (45 days for monthly).`,
    example: 'communication: {cadence: monthly, last_meeting: 2026-09-30}   # today 2026-12-02',
    fix: 'Call the next meeting (quick fix "We met today" once you have), or agree a cadence the partners can keep.',
  },
  'coordinator-role-unannounced': {
    reason: `${LP}: "the highly technical backbone support role should be clearly articulated to the group". Asked once the group has met.`,
    example: 'coordinator:\n  organization: City Museum\n  # no announced_on\nvision_setting:\n  sessions: [{date: 2026-11-02}]',
    fix: 'State the role and its duties to the partners; quick fix adds `announced_on`.',
  },
  'goal-without-metric': {
    reason: `${LP}: the coordinator "ensures goals and metrics are in place".`,
    example: 'goals:\n  - {statement: 60 teens exhibit by June 2027}   # no metrics',
    fix: 'Quick fix "Track it with ...": an indicator from `measurement`.',
  },
  'unknown-metric': {
    reason: 'A goal tracked by an indicator that is not defined is not tracked.',
    example: 'goals: [{statement: ..., metrics: [teens-exhibting]}]   # indicators: [teens-exhibiting]',
    fix: 'Quick fix "Change to ...": the nearest defined indicator.',
  },
  'no-shared-measurement': {
    reason: `${LP}: the coordinator "maintains a shared measurement system".`,
    example: 'status: forming\n# no measurement block',
    fix: 'Add `measurement` with a system and its indicators.',
  },
  'no-communication-cadence': {
    reason: `${LP}: the coordinator "organizes meetings, agendas, and communication channels".`,
    example: 'communication: {channels: [email list]}   # no cadence',
    fix: 'Quick fix "Set a monthly cadence", or the rhythm the partners agree.',
  },
  'unknown-partner': {
    reason: 'A partner in a convening or review with no one-on-one behind it is a name the team has not met, or a typo.',
    example: 'partners: [{id: eastside-librari}]   # the worksheets say eastside-library',
    fix: 'Quick fix "Change to ...": the nearest known id; or hold the one-on-one first.',
  },
  'round-not-all-held': {
    reason: `${PP}: "Once you've held all your one-on-one meetings, review them together with your team."`,
    example: 'round: autumn-2026   # one autumn worksheet is still planned',
    fix: 'Review once every meeting is held, or note which are still to come.',
  },
  'review-without-commitments': {
    reason: `${PP}: "With your team, make a commitment to next steps to take or things to explore based on what you learned."`,
    example: 'commitments: []',
    fix: 'Quick fix "Add a commitment" with an owner and a date.',
  },
  'commitment-owner': {
    reason: `${PP}: the team commits "to next steps to take or things to explore". A commitment nobody owns is one nobody keeps.`,
    example: 'commitments:\n  - {action: Offer the library rooms to Riverside, due: 2026-12-15}   # no owner',
    fix: 'Quick fix "Set the owner to ...": the review\'s first attendee, to change as the team agrees.',
  },
  'commitment-due': {
    reason: `${PP}: a commitment to next steps needs a date, so the next review can see whether it was kept.`,
    example: 'commitments:\n  - {action: Offer the library rooms to Riverside, owner: ana}   # no due',
    fix: 'Quick fix "Set the due date to ...": two weeks after the review, to adjust.',
  },
  'overdue-commitment': {
    reason: `${PP}: "our partner's success is our success". A team commitment past its date, not done, is a promise the partners may be waiting on.`,
    example: 'commitments:\n  - {action: Price a shared minibus, owner: priya, due: 2026-07-01}   # today 2026-12-02, no status: done',
    fix: 'Do it and mark it done (quick fix, or the button in the Team Review), agree a new date, or drop it with the team.',
  },
  'partner-not-met': {
    reason: `${PP} comes before convening: a partner joins a partnership after a one-on-one that learned what success means to them.`,
    example: 'partners: [{id: hillcrest-choir}]   # its only worksheet is planned',
    fix: 'Hold the one-on-one first.',
  },
  'duplicate-partner': {
    reason: 'One organisation under two ids is two partners to every view: two histories, and the review\'s top "similarity" is the partner agreeing with itself.',
    example: '# oak-library/2026-05-11: {id: oak-library, organization: Oak Public Library}\npartner:\n  id: oak-public-library\n  organization: Oak Public Library.   # same name, case and punctuation aside',
    fix: 'Quick fix "Use the existing id ..."; or keep the old files as they are and add `aliases: {oak-public-library: oak-library}` to partner-worksheets.yaml.',
  },
  'partner-renamed': {
    reason: 'One id with two names is a partner that renamed itself (nothing to do) or two organisations sharing an id by mistake, whose histories would merge.',
    example: '# 2026-05-04: {id: st-marys-seniors, organization: St Mary\'s Over-60s Lunch Club}\npartner:\n  id: st-marys-seniors\n  organization: St Mary\'s Seniors Club',
    fix: 'Nothing if they renamed (info); otherwise give the other organisation its own id. Quick fix "Use the earlier name".',
  },
  'duplicate-meeting': {
    reason: `${PP}: "After the meeting, fill out the worksheet to keep and share with your team": one worksheet per meeting. Written up twice (by two colleagues who were both there, or a copied worksheet whose date was kept), the meeting would count twice in the team review: its meetings, the share that confirmed what success means, the median length, and the weight of its notes among the themes. The review counts the earlier worksheet and lists the later one among its gaps, so what the later one adds is not read until it is brought into the first.`,
    example: '# riverside-youth/2026-10-14.worksheet.yaml records the same meeting\npartner:\n  id: riverside-youth\nmeeting:\n  date: 2026-10-14   # a second worksheet for it',
    fix: 'Bring what the two say together in one worksheet and delete the other. Two meetings on one day: write each one\'s `meeting.start` (`10:00`, `15:30`).',
  },
  'round-lookalike': {
    reason: 'A typo in a round makes a round of its own (one partner, one meeting), which can even become the review\'s default round.',
    example: 'round: autum-2026   # beside autumn-2026 with four meetings',
    fix: 'Quick fix "Rename to autumn-2026".',
  },
  'unknown-round': {
    reason: 'A review of a round no worksheet is in reviews nothing: a misspelt round, or meetings not recorded yet.',
    example: 'kind: review\nround: winter-2026   # no worksheet has this round',
    fix: 'Quick fix "Change to ..." when a round is close; else set `round` on the round\'s worksheets.',
  },
  'format-slip': {
    reason: 'A harmless slip is read as meant and said once, kindly: an error is only for what the tool cannot read. The format\'s own forms keep files comparable (dates sort, ids match across files).',
    example: 'status: Held\nmeeting:\n  date: 11/12/2026   # 11 December or 12 November?\n  duration_minutes: 90 min\nthanked: yes\nnext_step:\n  owner: Ellen',
    fix: 'Each has a quick fix: `held`, both readings of the date (the file name\'s date first), `90`, `true`, `ellen`; a paragraph becomes a list, `Next step` becomes `next_step`.',
  },
  schema: {
    reason: 'What the tool cannot read as it needs: an unknown field, a value outside the allowed ones, a date in no form it can read.',
    example: 'meeting:\n  duraton_minutes: 45   # did you mean duration_minutes?',
    fix: 'The message names the nearest field or the allowed values; most have a quick fix.',
  },
  'yaml-syntax': {
    reason: 'A file that is not valid YAML cannot be read at all; findings on its partial data would bury the one thing to fix. It is always an error: neither the settings nor a `worksheets-disable` comment can lower or silence it, as a file not read has no other findings and would pass unread.',
    example: 'notes:\n  goals: [Two exhibitions   # unclosed list',
    fix: 'Fix the syntax at the marked place.',
  },
  'file-too-large': {
    reason: 'A worksheet is a page of notes; a file of a million characters is not one, and reading it would slow the editor. It is always an error, whatever the settings or a `worksheets-disable` comment say: the file is not read, and would otherwise pass.',
    example: '# a pasted export of a whole mailbox',
    fix: 'Split it, or move it out of the workspace.',
  },
};
