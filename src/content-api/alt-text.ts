/**
 * Images on partner sites need words for readers who cannot see them, in the reader's language.
 * A cover image (news, resources) and a page's picture are shared by their language versions, but
 * each version describes it in its own field (`coverAlt`, `heroAlt`); images in the body carry the alternative text they were inserted with.
 * A version is published only when each of its images has one. Checked where the published row
 * is written (a database lifecycle), so the admin panel, the API, the import and scheduled
 * publishing all meet the same rule; a refused publish rolls back and the panel shows the
 * message under the field.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ENGLISH_TEXTS } from '../content-manager/texts';

/** Each type's picture shared by its language versions, and the field each version describes it in. */
export const DESCRIBED_IMAGES = {
  'api::news-article.news-article': { image: 'cover', description: 'coverAlt', noun: 'a cover image' },
  'api::page.page': { image: 'hero', description: 'heroAlt', noun: 'a picture' },
  'api::resource.resource': { image: 'cover', description: 'coverAlt', noun: 'a cover image' },
} as const;
type DescribedType = keyof typeof DESCRIBED_IMAGES;

type Problem = { path: string[]; message: string };
type Version = Record<string, unknown> & { body?: unknown; locale?: unknown };

/** A media value as the publish step passes it: an id, an object with one, or an empty list/null. */
const isSet = (media: unknown) => (Array.isArray(media) ? media.length > 0 : media !== null && media !== undefined);
const isText = (value: unknown) => typeof value === 'string' && value.trim() !== '';

/** The images of a version of `uid` about to be published that have no alternative text. */
export function missingAltText(uid: DescribedType, version: Version): Problem[] {
  const which = typeof version.locale === 'string' ? `The ${version.locale} version` : 'This version';
  const problems: Problem[] = [];
  const { image, description, noun } = DESCRIBED_IMAGES[uid];
  if (isSet(version[image]) && !isText(version[description])) {
    const field = (ENGLISH_TEXTS.types[uid].fields as Record<string, { label: string }>)[description].label;
    problems.push({ path: [description], message: `${which} has ${noun}: describe what it shows in “${field}”, in this language, before publishing` });
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
    models: Object.keys(DESCRIBED_IMAGES),
    beforeCreate(event) {
      const data = event.params.data as Version & { publishedAt?: unknown };
      if (!data.publishedAt) return;
      const problems = missingAltText(event.model.uid as DescribedType, data);
      if (problems.length > 0) {
        throw new errors.ValidationError(problems[0].message, { errors: problems.map((problem) => ({ ...problem, name: 'ValidationError' })) });
      }
    },
  });
}
