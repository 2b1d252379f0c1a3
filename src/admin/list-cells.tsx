/**
 * List view cells that say what a value means: enumeration values by their names in the
 * interface language (not `central_bosnia`), dates the short local way, and "Scheduled for ..." for drafts set to publish.
 * Registered on the Content Manager's list-column hook, after the i18n plugin's, whose "Available in"
 * column it leaves out: at 1280–1440 px it pushed the Status column out of sight, and each version's
 * languages are in the edit view's language menu.
 */
import { useIntl } from 'react-intl';
import { Typography } from '@strapi/design-system';
import { SCHEDULE_FIELD, ScheduledFor } from './scheduling';

/** The i18n plugin's "Available in" column. */
const I18N_LANGUAGES_COLUMN = 'locales';

type Header = { name: string; attribute?: { type?: string }; cellFormatter?: unknown };
type Row = Record<string, unknown> & { status?: string };
type Columns = { displayedHeaders: Header[]; layout: unknown };

/** Dates the short local way (15. 12. 2026.): the list keeps room for every column. */
function DateCell({ value, withTime }: { value: unknown; withTime: boolean }) {
  const { formatDate } = useIntl();
  if (typeof value !== 'string') return null;
  const day = withTime ? value : `${value}T12:00:00Z`;
  const options = withTime ? ({ dateStyle: 'short', timeStyle: 'short' } as const) : ({ day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' } as const);
  return <Typography textColor="neutral800">{formatDate(day, options)}</Typography>;
}

function EnumerationCell({ value }: { value: unknown }) {
  const { formatMessage } = useIntl();
  if (typeof value !== 'string') return null;
  return <Typography textColor="neutral800">{formatMessage({ id: value, defaultMessage: value })}</Typography>;
}

export function withReadableCells({ displayedHeaders, layout }: Columns): Columns {
  return {
    layout,
    displayedHeaders: displayedHeaders
      .filter((header) => header.name !== I18N_LANGUAGES_COLUMN)
      .map((header) => {
        if (header.cellFormatter) return header;
        if (header.name === SCHEDULE_FIELD) return { ...header, cellFormatter: (row: Row) => <ScheduledFor value={row[SCHEDULE_FIELD]} status={row.status} /> };
        const type = header.attribute?.type;
        if (type === 'enumeration') return { ...header, cellFormatter: (row: Row) => <EnumerationCell value={row[header.name]} /> };
        if (type === 'date' || type === 'datetime') return { ...header, cellFormatter: (row: Row) => <DateCell value={row[header.name]} withTime={type === 'datetime'} /> };
        return header;
      }),
  };
}
