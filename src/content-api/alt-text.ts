/**
 * Images on partner sites need words for readers who cannot see them, in the reader's language.
 * A news article's cover image is shared by its language versions, but each version describes it
 * in its own `coverAlt`; images in the body carry the alternative text they were inserted with.
 * A version is published only when each of its images has one. Checked where the published row
 * is written (a database lifecycle), so the admin panel, the API, the import and scheduled
 * publishing all meet the same rule; a refused publish rolls back and the panel shows the
 * message under the field.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ENGLISH_TEXTS } from '../content-manager/texts';

const NEWS_ARTICLE = 'api::news-article.news-article';

type Problem = { path: string[]; message: string };
type Version = { cover?: unknown; coverAlt?: unknown; body?: unknown; locale?: unknown };

/** A media value as the publish step passes it: an id, an object with one, or an empty list/null. */
const isSet = (media: unknown) => (Array.isArray(media) ? media.length > 0 : media !== null && media !== undefined);
const isText = (value: unknown) => typeof value === 'string' && value.trim() !== '';

/** The images of a version about to be published that have no alternative text. */
export function missingAltText(version: Version): Problem[] {
  const which = typeof version.locale === 'string' ? `The ${version.locale} version` : 'This version';
  const problems: Problem[] = [];
  if (isSet(version.cover) && !isText(version.coverAlt)) {
    const field = ENGLISH_TEXTS.types[NEWS_ARTICLE].fields.coverAlt.label;
    problems.push({ path: ['coverAlt'], message: `${which} has a cover image: describe what it shows in “${field}”, in this language, before publishing` });
  }
  const blocks = Array.isArray(version.body) ? (version.body as { type?: unknown; image?: { name?: unknown; alternativeText?: unknown } }[]) : [];
  for (const block of blocks) {
    if (block?.type !== 'image' || isText(block.image?.alternativeText)) continue;
    const name = typeof block.image?.name === 'string' ? ` "${block.image.name}"` : '';
    problems.push({ path: ['body'], message: `${which} has an image${name} in the body without alternative text: give it one in the Media Library, then insert the image again` });
  }
  return problems;
}

export function registerAltTextCheck(strapi: Core.Strapi): void {
  strapi.db.lifecycles.subscribe({
    models: [NEWS_ARTICLE],
    beforeCreate(event) {
      const data = event.params.data as Version & { publishedAt?: unknown };
      if (!data.publishedAt) return;
      const problems = missingAltText(data);
      if (problems.length > 0) {
        throw new errors.ValidationError(problems[0].message, { errors: problems.map((problem) => ({ ...problem, name: 'ValidationError' })) });
      }
    },
  });
}
