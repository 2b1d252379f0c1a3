import ICAL from 'ical.js';
import { documentLinks } from '../links';
import { renderWorkshopsCalendar, type WorkshopDocument } from '../workshops-calendar';

const links = documentLinks('https://spis.example.org');
const timed: WorkshopDocument = {
  documentId: 'w1',
  slug: 'radionica-u-teslicu',
  title: 'Радионица у Теслићу',
  description: 'Ђаци; жене, дјеца',
  startDate: '2026-03-28',
  endDate: '2026-03-29',
  startTime: '09:30:00.000',
  endTime: '16:00:00.000',
  timeZone: 'Europe/Sarajevo',
  city: 'Теслић',
  venue: 'Хотел Кардиал',
  geo: { lat: 44.6064, lon: 17.8597 },
  updatedAt: '2026-03-01T10:00:00.000Z',
};
const allDay: WorkshopDocument = {
  documentId: 'w2',
  slug: 'pripremna-radionica-celinac',
  title: 'Pripremna radionica, Čelinac',
  startDate: '2012-02-23',
  endDate: '2012-02-24',
  timeZone: 'Europe/Sarajevo',
  city: 'Čelinac',
  updatedAt: '2012-02-01T10:00:00.000Z',
};

const parse = (text: string) => {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component)) };
};

describe('renderWorkshopsCalendar', () => {
  it('writes timed workshops in Europe/Sarajevo with its VTIMEZONE, stable UIDs and the place', () => {
    const { calendar, events } = parse(renderWorkshopsCalendar('sr-Cyrl', links, [timed]));
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Sarajevo');
    const [event] = events;
    expect(event.uid).toBe('w1@spis.example.org');
    expect(event.summary).toBe('Радионица у Теслићу');
    expect(event.description).toBe('Ђаци; жене, дјеца');
    expect(event.location).toBe('Хотел Кардиал, Теслић');
    expect(event.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Sarajevo');
    expect(event.startDate.toString()).toBe('2026-03-28T09:30:00');
    expect(event.endDate.toString()).toBe('2026-03-29T16:00:00');
    expect(event.component.getFirstPropertyValue('geo')).toEqual([44.6064, 17.8597]);
    const stamp = event.component.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(stamp.toJSDate().toISOString()).toBe('2026-03-01T10:00:00.000Z');
  });

  it('uses Sarajevo summer time after the change (the VTIMEZONE carries the rules)', () => {
    const summer = { ...timed, startDate: '2026-07-15', endDate: '2026-07-15' };
    const [event] = parse(renderWorkshopsCalendar('en', links, [summer])).events;
    expect(event.startDate.toString()).toBe('2026-07-15T09:30:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-07-15T07:30:00.000Z');
  });

  it('writes workshops without times as all-day events ending the day after their last day', () => {
    const { events } = parse(renderWorkshopsCalendar('bs', links, [allDay]));
    const [event] = events;
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe('2012-02-23');
    expect(event.endDate.toString()).toBe('2012-02-25');
    expect(event.summary).toBe('Pripremna radionica, Čelinac');
  });

  it('gives the same bytes for the same workshops (no "now" inside), so ETags hold', () => {
    expect(renderWorkshopsCalendar('en', links, [timed, allDay])).toBe(renderWorkshopsCalendar('en', links, [timed, allDay]));
  });
});
