/** Where a feed item leads: the document in the content API, in the feed's language. */
export const documentUrl = (site: string, pluralName: string, documentId: string, locale: string) =>
  `${site}/api/${pluralName}/${encodeURIComponent(documentId)}?locale=${encodeURIComponent(locale)}`;
