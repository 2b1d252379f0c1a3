/**
 * Tests that publish news leave none behind: other files (the partner site, the editor's walk,
 * feeds) read the public news list and expect the SPIS content.
 */
import type { Core } from '@strapi/strapi';

const NEWS = 'api::news-article.news-article';

/** Deletes, in every locale, the news articles created since `since`. */
export async function deleteNewsCreatedSince(strapi: Core.Strapi, since: Date): Promise<void> {
  const rows: Array<{ documentId: string }> = await strapi.db.query(NEWS).findMany({ where: { createdAt: { $gte: since } }, select: ['documentId'] });
  for (const documentId of new Set(rows.map((row) => row.documentId))) await strapi.documents(NEWS).delete({ documentId, locale: '*' });
}
