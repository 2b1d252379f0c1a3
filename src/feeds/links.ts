/**
 * Where feed and sitemap entries lead. Each document has a permanent address in the content
 * API (used as the RSS guid / Atom id, so it never changes); its link is that address too,
 * unless FEED_LINK_TEMPLATE names the partner page that shows the document, e.g.
 * `https://www.example.ba/{locale}/{type}/{slug}`.
 */
export type DocumentRef = {
  /** The type's plural name, as in `/api/<pluralName>`. */
  pluralName: string;
  documentId: string;
  locale: string;
  /** Types without a slug (phases, contacts) fill `{slug}` with the documentId. */
  slug?: string | null;
};

export type DocumentLinks = {
  /** The server's public origin. */
  site: string;
  /** The document in the content API. */
  apiUrl(ref: DocumentRef): string;
  /** Where a reader goes: the partner page when a template is set, else the API address. */
  pageUrl(ref: DocumentRef): string;
};

export const LINK_TEMPLATE_PLACEHOLDERS = ['type', 'documentId', 'locale', 'slug'] as const;

const placeholderValues = (ref: DocumentRef): Record<(typeof LINK_TEMPLATE_PLACEHOLDERS)[number], string> => ({
  type: ref.pluralName,
  documentId: ref.documentId,
  locale: ref.locale,
  slug: ref.slug || ref.documentId,
});

export function documentLinks(site: string, template?: string): DocumentLinks {
  const apiUrl = (ref: DocumentRef) => `${site}/api/${ref.pluralName}/${encodeURIComponent(ref.documentId)}?locale=${encodeURIComponent(ref.locale)}`;
  const fromTemplate = (ref: DocumentRef) => {
    const values = placeholderValues(ref);
    return template!.replace(/\{(\w+)\}/g, (_, name: keyof typeof values) => encodeURIComponent(values[name]));
  };
  return { site, apiUrl, pageUrl: template ? fromTemplate : apiUrl };
}
