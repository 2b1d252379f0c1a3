/**
 * A home page widget where each user picks the panel's language (saved on their account, as
 * Strapi's profile page would if it could list these languages).
 */
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Field, Flex, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { LANGUAGE_NAMES } from '../translations';

export const languageMessages = {
  title: { id: 'spis.language.title', defaultMessage: 'Interface language' },
  label: { id: 'spis.language.label', defaultMessage: 'Language of this panel for you' },
};

export function LanguageWidget() {
  const { formatMessage, locale } = useIntl();
  const { put } = useFetchClient();
  const [saving, setSaving] = React.useState(false);

  const choose = async (language: string | number) => {
    setSaving(true);
    await put('/admin/users/me', { preferedLanguage: String(language) });
    // A full load: every plugin's messages and every cached label follow the new language.
    window.location.reload();
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Field.Root name="interface-language">
        <Field.Label>{formatMessage(languageMessages.label)}</Field.Label>
        <SingleSelect value={locale} onChange={choose} disabled={saving}>
          {Object.entries(LANGUAGE_NAMES).map(([language, name]) => (
            <SingleSelectOption key={language} value={language}>
              {name}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
    </Flex>
  );
}
