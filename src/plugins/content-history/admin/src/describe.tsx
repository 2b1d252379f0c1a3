/**
 * A version in words: when (the panel's local date and time), what was done, by whom and how,
 * whether draft or published, and which fields by their labels.
 */
import { useIntl } from 'react-intl';
import { Status, Typography } from '@strapi/design-system';
import type { VersionStatus, VersionSummary } from './api';
import { messages } from './messages';

/** How many field labels a list entry names before "and N more". */
const NAMED_FIELDS = 3;

/** A scheduled publish is recorded as done "scheduled by <email>": the path says it already. */
const SCHEDULED_BY = /^scheduled by /;

/** Field names in the order of the form (`order`), others after them. */
export const inFormOrder = (names: string[], order: string[]) => {
  const place = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  return [...names].sort((a, b) => place(a) - place(b));
};

/** `order`: the form's field names, top to bottom (the fields a version changed are named in it). */
export function useDescribe(model: string, order: string[] = []) {
  const { formatMessage, formatDate, formatList } = useIntl();
  const label = (field: string) => formatMessage({ id: `content-manager.content-types.${model}.${field}`, defaultMessage: field });
  const time = (at: string) => formatDate(at, { dateStyle: 'short', timeStyle: 'short' });
  const who = (version: VersionSummary) => {
    if (version.actorType === 'system') return undefined;
    if (version.actorType === 'api-token') return formatMessage(messages.token, { name: version.actorName ?? '' });
    return version.actorName?.replace(SCHEDULED_BY, '') || formatMessage(messages.unknown);
  };
  /** "Edited · ana@example.org · in the panel" */
  const how = (version: VersionSummary) =>
    [formatMessage(messages[`action.${version.action}`]), who(version), formatMessage(messages[`path.${version.path}`])].filter(Boolean).join(' · ');
  const status = (value: VersionStatus) => formatMessage(messages[value]);
  const fields = (version: VersionSummary) => {
    const labels = inFormOrder(version.changedFields, order).map(label);
    if (labels.length === 0) return formatMessage(messages.noFields);
    const named = formatList(labels.slice(0, NAMED_FIELDS), { type: 'unit' });
    return formatMessage(messages.fields, {
      fields: labels.length > NAMED_FIELDS ? formatMessage(messages.moreFields, { fields: named, count: labels.length - NAMED_FIELDS }) : named,
    });
  };
  return { label, time, how, status, fields };
}

export function StatusBadge({ status }: { status: VersionStatus }) {
  const { status: text } = useDescribe('');
  return (
    <Status size="S" variant={status === 'published' ? 'success' : 'secondary'}>
      <Typography tag="span" variant="omega" fontWeight="bold">
        {text(status)}
      </Typography>
    </Status>
  );
}
