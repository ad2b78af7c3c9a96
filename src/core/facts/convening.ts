// The facts of a convening: its partners and where each is named, the
// vision-setting sessions, the coordinator and leadership, the goals with
// their metrics, the shared measurement and the communication cadence. Read
// once per file; the convening rules, the cross-file rules and the tree read
// them. Lists keep one entry per item, so entry i is at YAML index i.
import type { PartnerMention } from './data';
import { field, isBlock, list, mentionsIn, text } from './data';
import { isIsoDate } from '../dates';

function isoDate(v: unknown): string | undefined {
  return isIsoDate(v) ? v : undefined;
}

export const COORDINATOR_DUTIES = ['meetings', 'agendas', 'communication_channels', 'goals_and_metrics', 'shared_measurement', 'resources'] as const;
export type CoordinatorDuty = (typeof COORDINATOR_DUTIES)[number];

/** An entry of `partners` (an id, or `{id, roles}`) that names a partner. */
export interface ConveningPartner extends PartnerMention {
  roles: string[];
}

export interface ConveningFacts {
  kind: 'convening';
  name: string | undefined;
  purpose: string | undefined;
  status: string | undefined;
  /** Partners are being brought together: a status is set, and it is neither exploring nor closed. */
  pastExploring: boolean;
  convener: { organization: string | undefined; visionStatement: string | undefined; visionSharedOn: string | undefined };
  partners: ConveningPartner[];
  /** Per vision-setting session, the partners present and those who contributed. */
  sessions: { date: string | undefined; present: PartnerMention[]; contributed: PartnerMention[] }[];
  /** Every partner id the file names: partners first, then the sessions'. */
  mentions: PartnerMention[];
  /** The `coordinator` block; undefined when there is none. */
  coordinator: {
    organization: string | undefined;
    person: string | undefined;
    /** When the backbone role was stated to the group. */
    announcedOn: string | undefined;
    duties: Partial<Record<CoordinatorDuty, string>>;
  } | undefined;
  /** The holder of each `leadership` item (one entry per item). */
  leadership: (string | undefined)[];
  /** Each goal's statement and its metric ids (undefined for an item that is no id). */
  goals: { statement: string | undefined; metrics: (string | undefined)[] }[];
  measurement: { system: string | undefined; indicatorIds: string[]; indicatorCount: number };
  communication: { cadence: string | undefined; lastMeeting: string | undefined };
}

export function readConvening(data: unknown): ConveningFacts {
  const status = field(data, 'status');
  const partners = list(field(data, 'partners')).flatMap((p, i): ConveningPartner[] => {
    const id = isBlock(p) ? text(p.id) : text(p);
    if (!id) return [];
    const roles = list(field(p, 'roles')).filter((r): r is string => typeof r === 'string');
    return [{ id, path: isBlock(p) ? ['partners', i, 'id'] : ['partners', i], roles }];
  });
  const sessions = list(field(data, 'vision_setting', 'sessions')).map((s, si) => ({
    date: isoDate(field(s, 'date')),
    present: mentionsIn(field(s, 'partners_present'), ['vision_setting', 'sessions', si, 'partners_present']),
    contributed: mentionsIn(field(s, 'partners_contributed'), ['vision_setting', 'sessions', si, 'partners_contributed']),
  }));
  const coordinator = field(data, 'coordinator');
  const duties = isBlock(coordinator) && isBlock(coordinator.duties) ? coordinator.duties : {};
  const indicators = list(field(data, 'measurement', 'indicators'));
  return {
    kind: 'convening',
    name: text(field(data, 'name')),
    purpose: text(field(data, 'purpose')),
    status: text(status),
    pastExploring: status !== undefined && status !== 'exploring' && status !== 'closed',
    convener: { organization: text(field(data, 'convener', 'organization')), visionStatement: text(field(data, 'convener', 'vision', 'statement')), visionSharedOn: isoDate(field(data, 'convener', 'vision', 'shared_on')) },
    partners,
    sessions,
    mentions: [...partners.map(({ id, path }) => ({ id, path })), ...sessions.flatMap((s) => [...s.present, ...s.contributed])],
    coordinator: isBlock(coordinator)
      ? {
        organization: text(coordinator.organization),
        person: text(coordinator.person),
        announcedOn: isoDate(coordinator.announced_on),
        duties: Object.fromEntries(COORDINATOR_DUTIES.flatMap((d) => {
          const who = text(duties[d]);
          return who ? [[d, who]] : [];
        })),
      }
      : undefined,
    leadership: list(field(data, 'leadership')).map((l) => text(field(l, 'holder'))),
    goals: list(field(data, 'goals')).map((g) => ({ statement: text(field(g, 'statement')), metrics: list(field(g, 'metrics')).map(text) })),
    measurement: {
      system: text(field(data, 'measurement', 'system')),
      indicatorIds: indicators.map((i) => text(field(i, 'id'))).filter((x): x is string => !!x),
      indicatorCount: indicators.length,
    },
    communication: { cadence: text(field(data, 'communication', 'cadence')), lastMeeting: isoDate(field(data, 'communication', 'last_meeting')) },
  };
}
