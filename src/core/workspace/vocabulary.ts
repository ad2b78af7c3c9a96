// What the workspace already knows, for completion: partners, the people
// named as attendees, owners and coordinators, the themes tagged on notes and
// the rounds. Completion asks on every keystroke; the index keeps the
// vocabulary until a document changes, and builds it from each document's
// facts, which it keeps too.
import type { IndexedDocument } from './indexed-document';

export interface Vocabulary {
  /** Partners with a worksheet, in name order. */
  partners: { id: string; organization: string; meetings: number }[];
  /** People ids in use, sorted. */
  people: string[];
  /** Theme ids tagged on worksheet notes, in the order they first come. */
  themes: string[];
  /** Rounds, oldest first. */
  rounds: string[];
}

/** People ids and note themes of these documents. */
export function namesIn(docs: Iterable<IndexedDocument>): Pick<Vocabulary, 'people' | 'themes'> {
  const people = new Set<string>();
  const themes = new Set<string>();
  const add = (id: string | undefined) => {
    if (id) people.add(id);
  };
  for (const d of docs) {
    const f = d.facts;
    if (f.kind === 'worksheet') {
      f.ourAttendees.forEach(add);
      add(f.nextStep?.owner);
      add(f.followUp.owner);
      for (const notes of Object.values(f.notes)) for (const n of notes) n.themes.forEach((t) => themes.add(t));
    } else if (f.kind === 'convening') {
      add(f.coordinator?.person);
    } else if (f.kind === 'review') {
      f.attendees.forEach(add);
      for (const c of f.commitments) add(c.owner);
    }
  }
  return { people: [...people].sort(), themes: [...themes] };
}
