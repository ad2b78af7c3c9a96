// What the team wrote in the round's review file: the similarities, trends and
// opportunities it saw when it reviewed the meetings together. The method's
// review is the team's own reading of the round; the figures worked out from
// the worksheets are there to inform it, not to replace it, so the review
// shows both. Reviews are few; their facts are read once by the index.
import type { IndexedDocument } from '../../workspace';
import { factsOfKind } from '../../facts';
import { SourceLines } from '../locate';
import type { Noted, TeamConclusions } from '../model';

export function conclusions(reviews: readonly IndexedDocument[]): TeamConclusions[] {
  const out: TeamConclusions[] = [];
  for (const doc of reviews) {
    const facts = factsOfKind(doc.facts, 'review');
    if (!facts) continue;
    const lines = new SourceLines(doc.uri, doc.text);
    const noted = (key: string, texts: readonly (string | undefined)[]): Noted[] => {
      const at = lines.itemLines([key], texts);
      return texts.flatMap((text, i) => (text ? [{ text, uri: doc.uri, line: at[i] }] : []));
    };
    const opportunityTexts = facts.opportunities.map((o) => o.text);
    const opportunityLines = lines.itemLines(['opportunities'], opportunityTexts);
    const entry: TeamConclusions = {
      uri: doc.uri,
      line: 1,
      attendees: facts.attendees,
      similarities: noted('similarities', facts.similarities),
      trends: noted('trends', facts.trends),
      opportunities: facts.opportunities.flatMap((o, i) => (o.text ? [{ text: o.text, partners: o.partners.map((p) => p.id), uri: doc.uri, line: opportunityLines[i] }] : [])),
    };
    if (facts.date) entry.date = facts.date;
    // A review file that records only commitments (or nothing yet) has no conclusions to show.
    if (entry.similarities.length || entry.trends.length || entry.opportunities.length) out.push(entry);
  }
  return out;
}
