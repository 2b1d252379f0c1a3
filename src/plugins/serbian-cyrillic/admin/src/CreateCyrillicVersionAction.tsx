/**
 * "Create Cyrillic version", where editors look for it: in the document's "…" menu, and in the
 * language menu in place of Strapi's "create an empty sr-Cyrl version" option. Offered on a saved
 * document that has no sr-Cyrl version yet; the editor lands on the new draft to review it.
 */
import { useIntl } from 'react-intl';
import { useAuth, useFetchClient, useNotification, useQueryParams } from '@strapi/strapi/admin';
import type { DocumentActionComponent, DocumentActionProps, HeaderActionComponent } from '@strapi/content-manager/strapi-admin';
import { CYRILLIC, createCyrillicVersion, messages, openCyrillicVersion } from './create-cyrillic-version';

type I18nQuery = { plugins?: { i18n?: { locale?: string } } };
type Permission = { action: string; subject?: string | null; properties?: { locales?: string[] } };

/** Whether this document can get a Cyrillic version from its Latin text, and the way to make it. */
function useCyrillicVersion({ model, documentId, document, meta }: Pick<DocumentActionProps, 'model' | 'documentId' | 'document' | 'meta'>) {
  const { formatMessage } = useIntl();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [{ query }] = useQueryParams<I18nQuery>();
  const locale = query.plugins?.i18n?.locale ?? document?.locale;
  const hasCyrillic = meta?.availableLocales?.some((version) => version.locale === CYRILLIC);
  // Offered only to staff who may create the Cyrillic version (a Translator of English may not; the server refuses anyway).
  const permissions = useAuth('CreateCyrillicVersion', (state) => state.permissions) as Permission[];
  const mayCreate = permissions.some(
    (permission) => permission.action === 'plugin::content-manager.explorer.create' && permission.subject === model && (permission.properties?.locales ?? []).includes(CYRILLIC)
  );
  const possible = model.startsWith('api::') && mayCreate && Boolean(documentId && document?.id && locale) && locale !== CYRILLIC && !hasCyrillic;
  const create = async () => {
    const result = await createCyrillicVersion(post, model, documentId!);
    if ('from' in result) {
      toggleNotification({ type: 'success', message: formatMessage(messages.created, { locale: result.from }) });
      openCyrillicVersion();
    } else {
      toggleNotification({ type: 'danger', message: result.error ?? formatMessage(messages.failed) });
    }
  };
  return { possible, create };
}

export const CreateCyrillicVersionAction: DocumentActionComponent = (props) => {
  const { formatMessage } = useIntl();
  const { possible, create } = useCyrillicVersion(props);
  if (!possible) return null;
  return {
    label: formatMessage(messages.create),
    position: ['panel', 'header'],
    dialog: {
      type: 'dialog',
      title: formatMessage(messages.dialogTitle),
      content: formatMessage(messages.dialogContent),
      confirmLabel: formatMessage(messages.confirm),
      onConfirm: create,
    },
  };
};
CreateCyrillicVersionAction.displayName = 'CreateCyrillicVersionAction';

/**
 * Wraps a header action: when it is the language menu (a choice that offers sr-Cyrl), choosing
 * sr-Cyrl on a document without that version writes it from the Latin text instead of opening
 * an empty form. Every other header action passes through as it is.
 */
export function withCyrillicFromLatin(Action: HeaderActionComponent): HeaderActionComponent {
  const Wrapped: HeaderActionComponent = (props) => {
    const { formatMessage } = useIntl();
    const description = Action(props);
    const { possible, create } = useCyrillicVersion(props);
    if (!description || !possible || !description.options?.some((option) => option.value === CYRILLIC)) return description;
    return {
      ...description,
      options: description.options.map((option) =>
        option.value === CYRILLIC ? { ...option, label: formatMessage(messages.createFromLatin), textValue: formatMessage(messages.createFromLatin) } : option
      ),
      onSelect: (value) => (value === CYRILLIC ? void create() : description.onSelect?.(value)),
    };
  };
  Wrapped.displayName = `WithCyrillicFromLatin(${Action.displayName ?? 'HeaderAction'})`;
  return Wrapped;
}
