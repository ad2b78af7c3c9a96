// The facts of a team review: its round and date, who attended, the
// similarities, trends and opportunities the team saw, and the commitments it
// recorded, with the partners each names.
// Read once per file; the review rules, the cross-file rules, the tree and
// the summary read them. Lists keep one entry per item, so entry i is at YAML
// index i.
import type { PartnerMention } from './data';
import { field, list, mentionsIn, noteText, text } from './data';

export interface CommitmentFacts {
  action: string | undefined;
  owner: string | undefined;
  due: string | undefined;
  status: string | undefined;
  partners: PartnerMention[];
}

export interface ReviewFacts {
  kind: 'review';
  round: string | undefined;
  /** As written (trimmed), whatever its format. */
  date: string | undefined;
  attendees: string[];
  /** What the team wrote it saw across the meetings: each item's text (a line, or a block's `text`). */
  similarities: (string | undefined)[];
  trends: (string | undefined)[];
  opportunities: { text: string | undefined; partners: PartnerMention[] }[];
  commitments: CommitmentFacts[];
  /** Every partner id the file names: the opportunities', then the commitments'. */
  mentions: PartnerMention[];
}

export function readReview(data: unknown): ReviewFacts {
  const opportunities = list(field(data, 'opportunities')).map((o, i) => ({ text: noteText(o), partners: mentionsIn(field(o, 'partners'), ['opportunities', i, 'partners']) }));
  const commitments = list(field(data, 'commitments')).map((c, i): CommitmentFacts => ({
    action: text(field(c, 'action')),
    owner: text(field(c, 'owner')),
    due: text(field(c, 'due')),
    status: text(field(c, 'status')),
    partners: mentionsIn(field(c, 'partners'), ['commitments', i, 'partners']),
  }));
  return {
    kind: 'review',
    round: text(field(data, 'round')),
    date: text(field(data, 'date')),
    attendees: list(field(data, 'attendees')).map(text).filter((a): a is string => a !== undefined),
    similarities: list(field(data, 'similarities')).map(noteText),
    trends: list(field(data, 'trends')).map(noteText),
    opportunities,
    commitments,
    mentions: [...opportunities, ...commitments].flatMap((x) => x.partners),
  };
}
