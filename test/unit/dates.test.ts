// Date arithmetic the rules lean on, whose answers are kept per date: a kept
// answer must be the one worked out, and a date that is none must still fail.
import assert from 'node:assert/strict';
import { addDays, daysBetween, isCalendarDate } from '../../src/core/dates';

describe('dates', () => {
  it('adds days across months, leap days and years, the same each time asked', () => {
    for (let round = 0; round < 2; round++) {
      assert.equal(addDays('2024-02-28', 1), '2024-02-29');
      assert.equal(addDays('2023-02-28', 1), '2023-03-01');
      assert.equal(addDays('2026-12-31', 1), '2027-01-01');
      assert.equal(addDays('2026-03-01', -1), '2026-02-28');
      assert.equal(addDays('2026-10-14', 14), '2026-10-28');
      assert.equal(addDays('2026-10-14', 7), '2026-10-21');
    }
  });

  it('counts whole days between two dates, either way', () => {
    for (let round = 0; round < 2; round++) {
      assert.equal(daysBetween('2026-01-01', '2026-03-01'), 59);
      assert.equal(daysBetween('2024-01-01', '2024-03-01'), 60);
      assert.equal(daysBetween('2026-03-01', '2026-01-01'), -59);
      assert.equal(daysBetween('2026-10-14', '2026-10-14'), 0);
    }
  });

  it('a date that is none stays none however often it is asked', () => {
    for (let round = 0; round < 2; round++) {
      assert.throws(() => addDays('soon', 3));
      assert.ok(Number.isNaN(daysBetween('soon', '2026-10-14')));
      assert.equal(isCalendarDate('2026-02-29'), false);
      assert.equal(isCalendarDate('2028-02-29'), true);
      assert.equal(isCalendarDate('1900-02-29'), false);
      assert.equal(isCalendarDate('2000-02-29'), true);
      assert.equal(isCalendarDate('0050-01-01'), false);
    }
  });
});
