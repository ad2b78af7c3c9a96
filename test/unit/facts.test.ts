// What the rules, the review and the history read of a worksheet, from lists
// as people write them: blanks, numbers and odd items among the texts.
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { readWorksheet } from '../../src/core/facts';

const worksheet = (lists: string) => readWorksheet(parse(`partner:\n  id: riverside-youth\n${lists}`));

describe('Worksheet facts from hand-written lists', () => {
  it('reads a note\'s themes as its non-blank words, trimmed, and never a number or a block', () => {
    const facts = worksheet('notes:\n  challenges:\n    - text: No bus after six\n      themes: [transport, 2026, " ", {a: 1}, "  youth voice "]\n    - text: Rooms cost too much\n');
    assert.deepEqual(facts.notes.challenges.map((n) => n.themes), [['transport', 'youth voice'], []]);
  });

  it('names the partner\'s people whether written as names or as blocks with a name', () => {
    const facts = worksheet('  people:\n    - Maria\n    - name: " Ana "\n      role: chair\n    - role: treasurer\n    - 42\n    - ""\n');
    assert.deepEqual(facts.people, ['Maria', 'Ana', '42']);
    assert.deepEqual(worksheet('  people: Maria\n').people, [], 'a single text is not a list of people');
  });

  it('keeps the texts of attendee and shared-with lists, a number as written, blanks left out', () => {
    const facts = worksheet('meeting:\n  our_attendees: [Sam, "", 7, null]\nafter:\n  shared_with: ["  Priya ", {name: Jo}]\n');
    assert.deepEqual(facts.ourAttendees, ['Sam', '7']);
    assert.deepEqual(facts.after.sharedWith, ['Priya']);
    assert.deepEqual(worksheet('').ourAttendees, []);
  });
});
