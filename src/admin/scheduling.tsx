/**
 * A draft set to publish at a time says so: "Scheduled for ..." in lists and beside the form,
 * rather than looking like any other draft.
 */
import { useIntl } from 'react-intl';
import { Typography } from '@strapi/design-system';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';

export const SCHEDULE_FIELD = 'scheduledPublishAt';

const messages = {
  scheduledFor: { id: 'spis.scheduled.for', defaultMessage: 'Scheduled for {time}' },
  panelTitle: { id: 'spis.scheduled.title', defaultMessage: 'Scheduled' },
};

/** The local date and time a draft is set to publish at; none on a published version. */
function useScheduledTime(value: unknown, status: unknown): string | undefined {
  const { formatDate } = useIntl();
  if (typeof value !== 'string' || status === 'published') return undefined;
  return formatDate(value, { dateStyle: 'short', timeStyle: 'short' });
}

/** The list cell: the time on a draft with one, on a line of its own so the column stays narrow. */
export function ScheduledFor({ value, status }: { value: unknown; status?: unknown }) {
  const { formatMessage } = useIntl();
  const time = useScheduledTime(value, status);
  if (!time) return null;
  const onItsOwnLine = (
    <>
      <br />
      {time}
    </>
  );
  return <Typography textColor="secondary700">{formatMessage(messages.scheduledFor, { time: onItsOwnLine })}</Typography>;
}

/** The edit view panel, shown while the version on screen is a scheduled draft. */
export const ScheduledPanel: PanelComponent = ({ document, activeTab }) => {
  const { formatMessage } = useIntl();
  const time = useScheduledTime(document?.[SCHEDULE_FIELD], activeTab === 'published' ? 'published' : document?.status);
  if (!time) return null;
  const text = formatMessage(messages.scheduledFor, { time });
  return {
    title: formatMessage(messages.panelTitle),
    content: (
      <Typography textColor="secondary700" fontWeight="bold">
        {text}
      </Typography>
    ),
  };
};
