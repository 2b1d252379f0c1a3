/**
 * Workshops as an iCalendar file (RFC 5545), rendered by `ical-generator`: timed workshops in
 * their own time zone (Europe/Sarajevo, with its VTIMEZONE), the rest as all-day events; a
 * stable UID per workshop (the same in every language), location and coordinates. DTSTAMP is
 * the workshop's last change, so the file only changes when a workshop does. Pure.
 */
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical from 'ical-generator';
import { DateTime } from 'luxon';
import type { LocaleCode } from '../locales';
import type { DocumentLinks } from './links';

export type WorkshopDocument = {
  documentId: string;
  slug: string;
  title: string;
  description?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  /** HH:mm[:ss[.SSS]] in `timeZone`. */
  startTime?: string | null;
  endTime?: string | null;
  timeZone: string;
  city?: string | null;
  venue?: string | null;
  geo?: { lat: number; lon: number } | null;
  updatedAt: string;
};

const NAMES: Record<LocaleCode, string> = {
  bs: 'SPIS – radionice',
  hr: 'SPIS – radionice',
  'sr-Latn': 'SPIS – radionice',
  'sr-Cyrl': 'СПИС – радионице',
  en: 'SPIS – workshops',
};

/** A wall-clock time in a zone (luxon applies the zone's offset, DST included). */
const wallClock = (date: string, time: string, zone: string) => DateTime.fromISO(`${date}T${time}`, { zone });

export function renderWorkshopsCalendar(locale: LocaleCode, links: DocumentLinks, workshops: WorkshopDocument[]): string {
  const host = new URL(links.site).host;
  const calendar = ical({ name: NAMES[locale], prodId: { company: 'UNICEF BiH', product: 'SPIS CMS', language: locale.toUpperCase() } });
  const zones = new Set(workshops.filter((workshop) => workshop.startTime).map((workshop) => workshop.timeZone));
  // ical-generator writes one zone; the schema allows only Europe/Sarajevo.
  const [zone] = [...zones];
  if (zone) calendar.timezone({ name: zone, generator: getVtimezoneComponent });

  for (const workshop of workshops.filter((candidate) => candidate.startDate)) {
    const startDate = workshop.startDate as string;
    const endDate = workshop.endDate ?? startDate;
    const timed = Boolean(workshop.startTime);
    calendar.createEvent({
      id: `${workshop.documentId}@${host}`,
      summary: workshop.title,
      description: workshop.description ?? undefined,
      url: links.pageUrl({ pluralName: 'workshops', documentId: workshop.documentId, slug: workshop.slug, locale }),
      stamp: new Date(workshop.updatedAt),
      timezone: timed ? workshop.timeZone : undefined,
      allDay: !timed,
      start: timed ? wallClock(startDate, workshop.startTime as string, workshop.timeZone) : DateTime.fromISO(startDate, { zone: 'utc' }),
      // An all-day event ends the day after its last day (RFC 5545 DTEND is exclusive).
      end: timed ? wallClock(endDate, workshop.endTime ?? (workshop.startTime as string), workshop.timeZone) : DateTime.fromISO(endDate, { zone: 'utc' }).plus({ days: 1 }),
      location:
        workshop.city || workshop.venue
          ? {
              title: [workshop.venue, workshop.city].filter(Boolean).join(', '),
              ...(workshop.geo ? { geo: { lat: workshop.geo.lat, lon: workshop.geo.lon } } : {}),
            }
          : undefined,
    });
  }
  return calendar.toString();
}
