// ISO dates as strings (YYYY-MM-DD): they compare correctly as text, and the
// core never depends on the machine's time zone. "Today" is always a parameter.
import { Memo } from './memo';

export function isIsoDate(v: unknown): v is string {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
}

/** A YYYY-MM-DD date that exists in the calendar (not 2026-13-45, not 2026-02-30). */
export function isCalendarDate(v: unknown): v is string {
  return isIsoDate(v) && dayExists(Number(v.slice(0, 4)), Number(v.slice(5, 7)), Number(v.slice(8, 10)));
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether the day is in the calendar, worked out rather than by building a
 * Date: the schema asks it of every date of every file. Years before 100 are
 * typos for a date, and Date.UTC would read them as 19xx anyway.
 */
function dayExists(year: number, month: number, day: number): boolean {
  if (year < 100 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}

// The rules ask the same few dates (a round's meeting days, today) of every
// worksheet: each answer is worked out once and kept.
const shifted = new Memo<string>(10_000);
const msOf = new Memo<number>(10_000);

export function addDays(date: string, days: number): string {
  return shifted.get(`${date}|${days}`, () => {
    const [y, m, d] = date.split('-').map(Number);
    const dt = new Date(Date.UTC(y, m - 1, d + days));
    return dt.toISOString().slice(0, 10);
  });
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  const toMs = (s: string) => msOf.get(s, () => {
    const [y, m, d] = s.split('-').map(Number);
    return Date.UTC(y, m - 1, d);
  });
  return Math.round((toMs(b) - toMs(a)) / 86_400_000);
}

/** Today in the local calendar of whoever runs the tool. */
export function localToday(now = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
