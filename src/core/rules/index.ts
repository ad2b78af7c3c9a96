// The registry of gap rules. Adding a rule: write one file next to its kind's
// rules, then list it here; its code is part of the contract once released.
import type { Rule, WorkspaceOverview } from './rule';
import { missingConfirmation } from './worksheet/missing-confirmation';
import { missingNextStep } from './worksheet/missing-next-step';
import { nextStepOwner } from './worksheet/next-step-owner';
import { nextStepDue } from './worksheet/next-step-due';
import { overdueNextStep } from './worksheet/overdue-next-step';
import { overdueFollowUp } from './worksheet/overdue-follow-up';
import { missingSuccessDefinition } from './worksheet/missing-success-definition';
import { emptyNotesCategory } from './worksheet/empty-notes-category';
import { correctionWithoutText } from './worksheet/correction-without-text';
import { nextStepNotTiedToGoal } from './worksheet/next-step-not-tied-to-goal';
import { meetingLength } from './worksheet/meeting-length';
import { notPartnerConvenience } from './worksheet/not-partner-convenience';
import { notFilled } from './worksheet/not-filled';
import { notShared } from './worksheet/not-shared';
import { notThanked } from './worksheet/not-thanked';
import { notPrepared } from './worksheet/not-prepared';
import { meetingStatusStale } from './worksheet/meeting-status-stale';
import { missingConvenerVision } from './convening/missing-convener-vision';
import { partnersWithoutVoice } from './convening/partners-without-voice';
import { coordinatorVacant } from './convening/coordinator-vacant';
import { coordinatorDutyUnassigned } from './convening/coordinator-duty-unassigned';
import { coordinationConflatedWithLeadership } from './convening/coordination-conflated-with-leadership';
import { goalWithoutMetric } from './convening/goal-without-metric';
import { unknownMetric } from './convening/unknown-metric';
import { noSharedMeasurement } from './convening/no-shared-measurement';
import { noCommunicationCadence } from './convening/no-communication-cadence';
import { visionNotShared } from './convening/vision-not-shared';
import { coordinationLapsed } from './convening/coordination-lapsed';
import { coordinatorRoleUnannounced } from './convening/coordinator-role-unannounced';
import { unknownPartner } from './workspace/unknown-partner';
import { roundNotAllHeld } from './workspace/round-not-all-held';
import { reviewWithoutCommitments } from './workspace/review-without-commitments';
import { partnerNotMet } from './workspace/partner-not-met';
import { missingRound } from './worksheet/missing-round';
import { duplicatePartner } from './workspace/duplicate-partner';
import { partnerRenamed } from './workspace/partner-renamed';
import { duplicateMeeting } from './workspace/duplicate-meeting';
import { roundLookalike } from './workspace/round-lookalike';
import { unknownRound } from './workspace/unknown-round';
import { commitmentOwner } from './review/commitment-owner';
import { commitmentDue } from './review/commitment-due';
import { overdueCommitment } from './review/overdue-commitment';

export const RULES: readonly Rule[] = [
  missingConfirmation,
  missingNextStep,
  nextStepOwner,
  nextStepDue,
  overdueNextStep,
  overdueFollowUp,
  missingSuccessDefinition,
  emptyNotesCategory,
  correctionWithoutText,
  nextStepNotTiedToGoal,
  meetingLength,
  notPartnerConvenience,
  notFilled,
  notShared,
  notThanked,
  notPrepared,
  meetingStatusStale,
  missingRound,
  missingConvenerVision,
  partnersWithoutVoice,
  coordinatorVacant,
  coordinatorDutyUnassigned,
  coordinationConflatedWithLeadership,
  goalWithoutMetric,
  unknownMetric,
  noSharedMeasurement,
  noCommunicationCadence,
  visionNotShared,
  coordinationLapsed,
  coordinatorRoleUnannounced,
  unknownPartner,
  roundNotAllHeld,
  reviewWithoutCommitments,
  partnerNotMet,
  duplicatePartner,
  partnerRenamed,
  duplicateMeeting,
  roundLookalike,
  unknownRound,
  commitmentOwner,
  commitmentDue,
  overdueCommitment,
];

/** Codes that come from reading the file rather than from a rule. */
export const FILE_CODES = {
  schema: { summary: 'The file follows its JSON Schema: known fields, allowed values, dates as YYYY-MM-DD.', defaultSeverity: 'error' },
  'format-slip': { summary: 'A value is written in the format\'s own form: `true` not `yes`, dates YYYY-MM-DD, `90` not `90 min`, lower-case values and ids, lists as lists, field names as the format spells them. The slip is read as meant; the fix rewrites it.', defaultSeverity: 'warning' },
  'yaml-syntax': { summary: 'The file is valid YAML with one document and no duplicate keys.', defaultSeverity: 'error' },
  'file-too-large': { summary: 'The file is small enough to be a worksheet (under a million characters).', defaultSeverity: 'error' },
} as const;

const byKind = new Map<string, readonly Rule[]>();

/** The rules of a file kind (asked once per file checked: kept per kind). */
export function rulesFor(kind: string): readonly Rule[] {
  let rules = byKind.get(kind);
  if (!rules) {
    rules = RULES.filter((r) => (typeof r.kind === 'string' ? r.kind === kind : r.kind.includes(kind as never)));
    byKind.set(kind, rules);
  }
  return rules;
}

/**
 * Whether a file of this kind has rules that read other files. A file of a
 * kind without them has the same findings whatever else the workspace holds,
 * so it can be checked as soon as it and its settings are read.
 */
export function readsOtherFiles(kind: string): boolean {
  return rulesFor(kind).some((r) => r.crossFile);
}

/** Whether a rule's findings depend on other files: the rules a check with onlyWorkspaceRules runs. */
export function readsWorkspace(rule: Rule): boolean {
  return rule.crossFile === true || rule.readsWorkspace === true;
}

/**
 * The worksheets that the worksheet rules reading the workspace can flag as
 * it stands, each with the codes of the rules that can flag it: what each
 * rule says it can (Rule.mayFlag). Every other worksheet gets the same
 * findings from those rules (none) whatever else is indexed, and so does a
 * worksheet from a rule that does not name it. A rule that does not say puts
 * every worksheet (`all`) here.
 */
export function worksheetsWorkspaceRulesMayFlag(workspace: WorkspaceOverview, all: () => Iterable<string>, rules: readonly Rule[] = rulesFor('worksheet')): Map<string, ReadonlySet<string>> {
  const out = new Map<string, Set<string>>();
  for (const rule of rules) {
    if (!readsWorkspace(rule)) continue;
    for (const uri of rule.mayFlag ? rule.mayFlag(workspace) : all()) {
      const codes = out.get(uri);
      if (codes) codes.add(rule.code);
      else out.set(uri, new Set([rule.code]));
    }
  }
  return out;
}

/** The codes of the rules whose findings depend on other files (readsWorkspace). */
export const WORKSPACE_CODES: ReadonlySet<string> = new Set(RULES.filter(readsWorkspace).map((r) => r.code));

export const ALL_CODES: readonly string[] = [...RULES.map((r) => r.code), ...Object.keys(FILE_CODES)];
