/**
 * Roles that may change only the documents their members created (Author: Strapi's "is creator"
 * condition) see everyone else's documents read-only, with a note saying why — instead of a
 * form they can type into that answers "Forbidden" on Save. Strapi checks such conditions only
 * on the server; this adds the same check to the panel's view of one document, as the i18n plugin
 * adds its locale check (an RBAC middleware).
 */
import { useIntl } from 'react-intl';
import { Typography } from '@strapi/design-system';
import { getFetchClient, useAuth } from '@strapi/strapi/admin';
import type { RBACMiddleware } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';

const IS_CREATOR = 'admin::is-creator';
/** An existing document's edit view: /content-manager/collection-types/<uid>/<documentId>. */
const EDIT_VIEW = /\/content-manager\/collection-types\/([^/]+)\/([^/?]+)$/;

type Permission = { action: string; subject?: string | null; conditions?: string[] };
type Creator = { id?: number | string; firstname?: string | null; lastname?: string | null } | null;

const creatorOnly = (permission: Permission) => permission.conditions?.includes(IS_CREATOR) ?? false;

/** Who created each document this browser has asked about (a creator never changes). */
const creators = new Map<string, Promise<Creator>>();

function creatorOf(uid: string, documentId: string): Promise<Creator> {
  const key = `${uid}/${documentId}`;
  if (!creators.has(key)) {
    const request = getFetchClient()
      .get<{ data: { createdBy?: Creator } }>(`/content-manager/collection-types/${uid}/${documentId}`)
      .then(({ data }) => data.data.createdBy ?? null)
      .catch(() => null);
    creators.set(key, request);
  }
  return creators.get(key)!;
}

export const ownDocumentsOnly: RBACMiddleware =
  ({ pathname, user }) =>
  (next) =>
  async (permissions) => {
    const match = EDIT_VIEW.exec(pathname);
    if (!match || match[2] === 'create' || !user || !permissions.some(creatorOnly)) return next(permissions);
    const creator = await creatorOf(decodeURIComponent(match[1]), match[2]);
    return next(String(creator?.id) === String(user.id) ? permissions : permissions.filter((permission) => !creatorOnly(permission)));
  };

const messages = {
  title: { id: 'spis.readOnly.title', defaultMessage: 'Read only' },
  note: {
    id: 'spis.readOnly.note',
    defaultMessage: 'Your role changes only the documents you created, and {creator} created this one: ask an Editor to change it.',
  },
  someoneElse: { id: 'spis.readOnly.someoneElse', defaultMessage: 'someone else (or the import)' },
};

/** The note beside a document the signed-in staff member may read but, by role, not change. */
export const ReadOnlyNote: PanelComponent = ({ document, model }) => {
  const { formatMessage } = useIntl();
  const user = useAuth('ReadOnlyNote', (state) => state.user);
  const permissions = useAuth('ReadOnlyNote', (state) => state.permissions) as Permission[];
  const creator = (document as { createdBy?: Creator } | undefined)?.createdBy;
  const updates = permissions.filter((permission) => permission.action === 'plugin::content-manager.explorer.update' && permission.subject === model);
  if (!document?.documentId || !user || String(creator?.id) === String(user.id) || updates.length === 0 || !updates.every(creatorOnly)) return null;
  const name = [creator?.firstname, creator?.lastname].filter(Boolean).join(' ') || formatMessage(messages.someoneElse);
  return { title: formatMessage(messages.title), content: <Typography>{formatMessage(messages.note, { creator: name })}</Typography> };
};
