/**
 * Staff whose role may not publish a type are not offered what publishing does — Publish,
 * Unpublish, Discard changes (back to the published text), publishing several languages at once —
 * rather than seeing them greyed out or trying them into a refusal.
 */
import { useIntl } from 'react-intl';
import { useAuth } from '@strapi/strapi/admin';
import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';

const PUBLISHING_TYPES = new Set(['publish', 'unpublish', 'discard']);
/** The i18n plugin's "…(un)publish multiple locales" actions, known by their titles (they have no type). */
const BULK_LOCALE_TITLES = [
  { id: 'i18n.CMEditViewBulkLocale.publish-title', defaultMessage: 'Publish multiple locales' },
  { id: 'i18n.CMEditViewBulkLocale.unpublish-title', defaultMessage: 'Unpublish multiple locales' },
];

type Permission = { action: string; subject?: string | null };

export function withoutPublishingIfNotAllowed(Action: DocumentActionComponent): DocumentActionComponent {
  const Wrapped: DocumentActionComponent = (props) => {
    const { formatMessage } = useIntl();
    const permissions = useAuth('PublishActions', (state) => state.permissions) as Permission[];
    const description = Action(props);
    const mayPublish = permissions.some((permission) => permission.action === 'plugin::content-manager.explorer.publish' && permission.subject === props.model);
    if (!description || mayPublish) return description;
    const label = typeof description.label === 'string' ? description.label : undefined;
    const publishes = PUBLISHING_TYPES.has(Action.type ?? '') || BULK_LOCALE_TITLES.some((title) => formatMessage(title) === label);
    return publishes ? null : description;
  };
  Wrapped.type = Action.type;
  Wrapped.displayName = `WithoutPublishingIfNotAllowed(${Action.displayName ?? 'DocumentAction'})`;
  return Wrapped;
}
