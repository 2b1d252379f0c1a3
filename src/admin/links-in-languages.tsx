/**
 * A language version links only to documents that have a version in its language (the API could
 * not serve the link otherwise), so a link the Bosnian version has may be missing in, say, the
 * Serbian one: the workshop exists only in Bosnian. Beside such a version, a note names those
 * links, rather than dropping them silently.
 */
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { unstable_useDocument as useDocument, type PanelComponent } from '@strapi/content-manager/strapi-admin';
import { DEFAULT_LOCALE } from '../locales';

type Linked = { documentId: string; title?: string; name?: string };

const messages = {
  title: { id: 'spis.links.title', defaultMessage: 'Not linked in this language' },
  note: {
    id: 'spis.links.note',
    defaultMessage: 'The Bosnian version links to these, but this version cannot (they have no version in its language yet, or the link was removed here):',
  },
};

/** Names of what the default-language version links to and this version does not. */
function useLinksNotCarried(model: string, documentId: string | undefined, locale: string | undefined, relationFields: string[]): string[] {
  const { get } = useFetchClient();
  const [missing, setMissing] = React.useState<string[]>([]);
  const fields = relationFields.join();
  React.useEffect(() => {
    setMissing([]);
    if (!documentId || !locale || locale === DEFAULT_LOCALE || !fields) return;
    let current = true;
    const linked = async (field: string, language: string) =>
      (await get<{ results: Linked[] }>(`/content-manager/relations/${model}/${documentId}/${field}`, { params: { locale: language, pageSize: 100 } })).data.results;
    (async () => {
      const names: string[] = [];
      for (const field of fields.split(',')) {
        const [base, here] = await Promise.all([linked(field, DEFAULT_LOCALE), linked(field, locale)]);
        const present = new Set(here.map((link) => link.documentId));
        for (const link of base) if (!present.has(link.documentId)) names.push(link.title ?? link.name ?? link.documentId);
      }
      if (current) setMissing(names);
    })().catch(() => undefined);
    return () => {
      current = false;
    };
  }, [get, model, documentId, locale, fields]);
  return missing;
}

export const LinksNotCarried: PanelComponent = ({ model, collectionType, documentId, document, meta }) => {
  const { formatMessage } = useIntl();
  // Compared only with a Bosnian version that exists (a workshop written in Cyrillic alone has none).
  const hasBosnian = meta?.availableLocales?.some((version) => version.locale === DEFAULT_LOCALE) ?? false;
  const locale = hasBosnian ? (document?.locale as string | undefined) : undefined;
  const { schema } = useDocument({ model, collectionType, documentId, params: { locale } }, { skip: !documentId });
  const relationFields = Object.entries(schema?.attributes ?? {})
    .filter(([, attribute]) => attribute.type === 'relation' && 'target' in attribute && String(attribute.target).startsWith('api::'))
    .map(([name]) => name);
  const missing = useLinksNotCarried(model, documentId, locale, relationFields);
  if (missing.length === 0) return null;
  return {
    title: formatMessage(messages.title),
    content: (
      <div>
        <Typography>{formatMessage(messages.note)}</Typography>
        <ul>
          {missing.map((name) => (
            <li key={name}>
              <Typography fontWeight="bold">{name}</Typography>
            </li>
          ))}
        </ul>
      </div>
    ),
  };
};
