/**
 * A news article's cover image is shared by its language versions, but what it shows must be
 * told in each version's language: a version with a cover is published only with its own
 * `coverAlt`. Checked where the published row is written (a database lifecycle), so the admin
 * panel, the API, the import and scheduled publishing all meet the same rule; a refused publish
 * rolls back and the panel shows the message under the field.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const NEWS_ARTICLE = 'api::news-article.news-article';

/** A media value as the publish step passes it: an id, an object with one, or an empty list/null. */
const isSet = (media: unknown) => (Array.isArray(media) ? media.length > 0 : media !== null && media !== undefined);

/** The problem with a version about to be published, if any. */
export function missingCoverAlt(data: { cover?: unknown; coverAlt?: unknown; locale?: unknown }): string | undefined {
  if (!isSet(data.cover)) return undefined;
  if (typeof data.coverAlt === 'string' && data.coverAlt.trim() !== '') return undefined;
  const version = typeof data.locale === 'string' ? `The ${data.locale} version` : 'This version';
  return `${version} has a cover image: describe what it shows (coverAlt) in this language before publishing`;
}

export function registerCoverAltTextCheck(strapi: Core.Strapi): void {
  strapi.db.lifecycles.subscribe({
    models: [NEWS_ARTICLE],
    beforeCreate(event) {
      const data = event.params.data as { publishedAt?: unknown; cover?: unknown; coverAlt?: unknown; locale?: unknown };
      if (!data.publishedAt) return;
      const problem = missingCoverAlt(data);
      if (problem) {
        throw new errors.ValidationError(problem, { errors: [{ path: ['coverAlt'], message: problem, name: 'ValidationError' }] });
      }
    },
  });
}
