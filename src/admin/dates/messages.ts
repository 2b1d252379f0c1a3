/** What the date and time fields say; translations in src/admin/translations/. */
export const messages = {
  dayPlaceholder: { id: 'spis.dates.placeholder', defaultMessage: 'dd.mm.yyyy.' },
  timePlaceholder: { id: 'spis.times.placeholder', defaultMessage: 'hh:mm' },
  time: { id: 'spis.times.label', defaultMessage: 'Time' },
  dayUnreadable: { id: 'spis.dates.unreadable', defaultMessage: 'This is not a date. Type it as day.month.year., e.g. 15.12.2026.' },
  dayImpossible: { id: 'spis.dates.impossible', defaultMessage: 'There is no such day. Check the day and the month (e.g. 15.12.2026.).' },
  timeUnreadable: { id: 'spis.times.unreadable', defaultMessage: 'This is not a time. Type it on the 24-hour clock, e.g. 18:07.' },
  timeImpossible: { id: 'spis.times.impossible', defaultMessage: 'There is no such time. Use 00:00 to 23:59.' },
  timeMissing: { id: 'spis.times.missing', defaultMessage: 'Type the time as well, e.g. 09:00.' },
  dayMissing: { id: 'spis.dates.missing', defaultMessage: 'Type the day as well, e.g. 15.12.2026.' },
  openCalendar: { id: 'spis.dates.openCalendar', defaultMessage: 'Choose the day in a calendar' },
  previousMonth: { id: 'spis.dates.previousMonth', defaultMessage: 'Previous month' },
  nextMonth: { id: 'spis.dates.nextMonth', defaultMessage: 'Next month' },
};
