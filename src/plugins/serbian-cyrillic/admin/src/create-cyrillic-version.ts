/**
 * Asks the server to write a document's Serbian Cyrillic draft (server/service.ts) and opens it:
 * a full load, so every view (the language menu too) shows the new version.
 */
import type { FetchClient } from '@strapi/strapi/admin';

export const CYRILLIC = 'sr-Cyrl';

type FetchError = { response?: { data?: { error?: { message?: string } } } };

export const messages = {
  create: { id: 'serbian-cyrillic.create', defaultMessage: 'Create Cyrillic version' },
  createFromLatin: { id: 'serbian-cyrillic.create.fromLatin', defaultMessage: 'Српски (ћирилица): create from the Latin text' },
  dialogTitle: { id: 'serbian-cyrillic.dialog.title', defaultMessage: 'Create the Serbian Cyrillic version' },
  dialogContent: {
    id: 'serbian-cyrillic.dialog.content',
    defaultMessage:
      'Writes this document’s Serbian Latin text (or Bosnian, if there is no Serbian Latin version) in Cyrillic, as a new sr-Cyrl draft for you to review before publishing.',
  },
  confirm: { id: 'serbian-cyrillic.dialog.confirm', defaultMessage: 'Create draft' },
  created: { id: 'serbian-cyrillic.created', defaultMessage: 'Cyrillic draft created from {locale}' },
  failed: { id: 'serbian-cyrillic.failed', defaultMessage: 'The Cyrillic version could not be created' },
};

/** Creates the draft; the message to show when it could not be created. */
export async function createCyrillicVersion(post: FetchClient['post'], model: string, documentId: string): Promise<{ from: string } | { error?: string }> {
  try {
    const { data } = await post<{ data: { transliteratedFrom: string } }>(`/serbian-cyrillic/collection-types/${model}/${documentId}`);
    return { from: data.data.transliteratedFrom };
  } catch (error) {
    return { error: (error as FetchError).response?.data?.error?.message };
  }
}

export function openCyrillicVersion(): void {
  const url = new URL(window.location.href);
  url.searchParams.set('plugins[i18n][locale]', CYRILLIC);
  window.location.assign(url.toString());
}
