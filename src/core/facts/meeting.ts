// The facts of a worksheet that the index keeps for every meeting: who the
// partner is, where the meeting stands, what success means to them and what
// comes next. Read once from the data when a worksheet is indexed, kept in the
// snapshot, and read by cross-file rules, the tree, completion and the summary.
import { field, text } from './data';
import { isIsoDate } from '../dates';
import { slugify } from '../paths';

export interface NextStepInfo {
  action: string;
  servesGoal?: string;
  owner?: string;
  due?: string;
  status?: string;
}

/** A meeting as the index reads it from a worksheet, before it knows the file (uri) or positions (range). */
export interface MeetingFacts {
  partnerId: string;
  organization: string | undefined;
  community: string | undefined;
  status: string | undefined;
  round: string | undefined;
  date: string | undefined;
  durationMinutes: number | undefined;
  successInTheirWords: string | undefined;
  confirmation: string | undefined;
  nextStep: NextStepInfo | undefined;
  followUpDate: string | undefined;
}

/** The meeting of a worksheet; undefined when it names no partner (neither id nor organization). */
export function readMeeting(data: Record<string, unknown>): MeetingFacts | undefined {
  const organization = text(field(data, 'partner', 'organization'));
  const partnerId = text(field(data, 'partner', 'id')) ?? (organization ? slugify(organization) : undefined);
  if (!partnerId) return undefined;
  const date = field(data, 'meeting', 'date');
  const ns = field(data, 'next_step');
  const action = text(field(ns, 'action'));
  const followUp = field(data, 'follow_up', 'date');
  const minutes = field(data, 'meeting', 'duration_minutes');
  return {
    partnerId,
    organization,
    community: text(field(data, 'partner', 'community')),
    status: text(data.status),
    round: text(data.round),
    date: isIsoDate(date) ? date : undefined,
    durationMinutes: typeof minutes === 'number' ? minutes : undefined,
    successInTheirWords: text(field(data, 'notes', 'success_in_their_words')),
    confirmation: text(field(data, 'confirmation', 'statement')),
    nextStep: action
      ? { action, servesGoal: text(field(ns, 'serves_goal')), owner: text(field(ns, 'owner')), due: text(field(ns, 'due')), status: text(field(ns, 'status')) }
      : undefined,
    followUpDate: isIsoDate(followUp) ? followUp : undefined,
  };
}
