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

function useScheduleText(value: unknown, status: unknown): string | undefined {
  const { formatMessage, formatDate } = useIntl();
  if (typeof value !== 'string' || status === 'published') return undefined;
  const time = formatDate(value, { dateStyle: 'short', timeStyle: 'short' });
  return formatMessage(messages.scheduledFor, { time });
}

/** The list cell: the time on a draft with one, nothing otherwise. */
export function ScheduledFor({ value, status }: { value: unknown; status?: unknown }) {
  const text = useScheduleText(value, status);
  return text ? <Typography textColor="secondary700">{text}</Typography> : null;
}

/** The edit view panel, shown while the version on screen is a scheduled draft. */
export const ScheduledPanel: PanelComponent = ({ document, activeTab }) => {
  const { formatMessage } = useIntl();
  const text = useScheduleText(document?.[SCHEDULE_FIELD], activeTab === 'published' ? 'published' : document?.status);
  if (!text) return null;
  return { title: formatMessage(messages.panelTitle), content: <Typography textColor="secondary700" fontWeight="bold">{text}</Typography> };
};
