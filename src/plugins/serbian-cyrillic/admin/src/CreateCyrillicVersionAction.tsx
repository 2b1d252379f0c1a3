/**
 * Shown on a saved document that has no sr-Cyrl version yet. After the editor confirms, the
 * server writes the Cyrillic draft (server/service.ts) and the editor lands on it to review.
 */
import { useFetchClient, useNotification, useQueryParams } from '@strapi/strapi/admin';
import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';

const CYRILLIC = 'sr-Cyrl';

type I18nQuery = { plugins?: { i18n?: { locale?: string } } };
type FetchError = { response?: { data?: { error?: { message?: string } } } };

export const CreateCyrillicVersionAction: DocumentActionComponent = ({ model, documentId, document, meta }) => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [{ query }] = useQueryParams<I18nQuery>();

  const locale = query.plugins?.i18n?.locale ?? document?.locale;
  const hasCyrillic = meta?.availableLocales?.some((version) => version.locale === CYRILLIC);
  if (!model.startsWith('api::') || !documentId || !document?.id || !locale || locale === CYRILLIC || hasCyrillic) return null;

  return {
    label: 'Create Cyrillic version',
    position: ['panel', 'header'],
    dialog: {
      type: 'dialog',
      title: 'Create the Serbian Cyrillic version',
      content: 'Writes this document’s Serbian Latin text (or Bosnian, if there is no Serbian Latin version) in Cyrillic, as a new sr-Cyrl draft for you to review before publishing.',
      confirmLabel: 'Create draft',
      onConfirm: async () => {
        try {
          const { data } = await post<{ data: { transliteratedFrom: string } }>(`/serbian-cyrillic/collection-types/${model}/${documentId}`);
          toggleNotification({ type: 'success', message: `Cyrillic draft created from ${data.data.transliteratedFrom}` });
          // A full load, so every view (locale picker included) shows the new version.
          const url = new URL(window.location.href);
          url.searchParams.set('plugins[i18n][locale]', CYRILLIC);
          window.location.assign(url.toString());
        } catch (error) {
          const message = (error as FetchError).response?.data?.error?.message ?? 'The Cyrillic version could not be created';
          toggleNotification({ type: 'danger', message });
        }
      },
    },
  };
};

CreateCyrillicVersionAction.displayName = 'CreateCyrillicVersionAction';
