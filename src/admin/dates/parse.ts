/**
 * Dates and times as people in Bosnia and Herzegovina type them, read into the values Strapi stores.
 * Whatever cannot be read is reported, never guessed: `03/05/2027` (which month?) and `31.02.2027.`
 * are refused, so the panel never saves a different date than the one typed.
 */

/** What the editor typed, read: empty, a value in Strapi's format, or why it cannot be read. */
export type Reading = { kind: 'empty' } | { kind: 'value'; value: string } | { kind: 'unreadable' } | { kind: 'impossible' };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `15.12.2026.`, `15. 12. 2026.`, `5.3.2027` (day first, the trailing dot optional) or ISO `2027-03-05`. */
const LOCAL_DAY = /^(\d{1,2})\s*\.\s*(\d{1,2})\s*\.\s*(\d{4})\s*\.?$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const isCalendarDay = (year: number, month: number, day: number) => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/** A typed day as Strapi's `YYYY-MM-DD`. */
export function readDay(text: string): Reading {
  const typed = text.trim();
  if (typed === '') return { kind: 'empty' };
  const local = LOCAL_DAY.exec(typed);
  const iso = ISO_DAY.exec(typed);
  const [year, month, day] = local ? [local[3], local[2], local[1]].map(Number) : iso ? [iso[1], iso[2], iso[3]].map(Number) : [];
  if (year === undefined) return { kind: 'unreadable' };
  if (!isCalendarDay(year, month, day) || year < 1900) return { kind: 'impossible' };
  return { kind: 'value', value: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

/** `18:07`, `18.07`, `9:05`, `18` or `18h` (24-hour clock). */
const TIME = /^(\d{1,2})(?:\s*[:.]\s*(\d{2}))?\s*h?$/i;

/** A typed time of day as `HH:mm`. */
export function readTime(text: string): Reading {
  const typed = text.trim();
  if (typed === '') return { kind: 'empty' };
  const match = TIME.exec(typed);
  if (!match) return { kind: 'unreadable' };
  const [hours, minutes] = [Number(match[1]), Number(match[2] ?? 0)];
  if (hours > 23 || minutes > 59) return { kind: 'impossible' };
  return { kind: 'value', value: `${pad(hours)}:${pad(minutes)}` };
}

/** Strapi's `YYYY-MM-DD` as editors write it: `15.12.2026.` */
export function showDay(value: string | null | undefined): string {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  return match ? `${match[3]}.${match[2]}.${match[1]}.` : '';
}

/** Strapi's `HH:mm:ss.SSS` (or `HH:mm`) as `18:07`. */
export function showTime(value: string | null | undefined): string {
  const match = typeof value === 'string' ? /^(\d{2}):(\d{2})/.exec(value) : null;
  return match ? `${match[1]}:${match[2]}` : '';
}

/** A day and a time on the editor's clock as the instant Strapi stores (ISO, UTC). */
export function toInstant(day: string, time: string): string {
  const [year, month, date] = day.split('-').map(Number);
  const [hours, minutes] = time.split(':').map(Number);
  return new Date(year, month - 1, date, hours, minutes).toISOString();
}

/** A stored instant as the day (`YYYY-MM-DD`) and time (`HH:mm`) on the editor's clock. */
export function fromInstant(value: string | null | undefined): { day: string; time: string } | undefined {
  const instant = typeof value === 'string' ? new Date(value) : undefined;
  if (!instant || Number.isNaN(instant.getTime())) return undefined;
  return {
    day: `${pad(instant.getFullYear(), 4)}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`,
    time: `${pad(instant.getHours())}:${pad(instant.getMinutes())}`,
  };
}

/**
 * The days a month view shows, weeks from Monday to Sunday (as calendars here start), as
 * `YYYY-MM-DD`; days of the neighbouring months fill the first and last week.
 */
export function monthWeeks(year: number, month: number): string[][] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const mondayOffset = (first.getUTCDay() + 6) % 7;
  const start = Date.UTC(year, month - 1, 1 - mondayOffset);
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const weekCount = Math.ceil((mondayOffset + lastDay) / 7);
  return Array.from({ length: weekCount }, (_, week) => Array.from({ length: 7 }, (_, weekday) => new Date(start + (week * 7 + weekday) * 86_400_000).toISOString().slice(0, 10)));
}
