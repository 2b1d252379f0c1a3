import type { Attribute } from '../content-types';
import { populateCost, populatesIntoMedia } from '../populate';

const models: Record<string, Record<string, Attribute>> = {
  'api::news-article.news-article': {
    title: { type: 'string' },
    municipalities: { type: 'relation', relation: 'manyToMany', target: 'api::municipality.municipality' },
    programme: { type: 'relation', relation: 'manyToOne', target: 'api::programme.programme' },
    quotes: { type: 'component', component: 'news.quote', repeatable: true },
    cover: { type: 'media' },
  },
  'api::municipality.municipality': {
    name: { type: 'string' },
    phases: { type: 'relation', relation: 'manyToMany', target: 'api::phase.phase' },
  },
  'api::phase.phase': { name: { type: 'string' }, municipalities: { type: 'relation', relation: 'manyToMany', target: 'api::municipality.municipality' } },
  'api::programme.programme': { name: { type: 'string' } },
  'news.quote': { text: { type: 'text' } },
  'plugin::upload.file': { name: { type: 'string' } },
};
const cost = (populate: unknown, entries = 25) => populateCost(populate, 'api::news-article.news-article', entries, (uid) => models[uid]);

describe('populateCost', () => {
  it('counts the page alone without populate', () => {
    expect(cost(undefined)).toBe(25);
  });

  it('prices each populated link per entry: 25 for to-many, 10 for repeated components, 1 for single links', () => {
    expect(cost('municipalities')).toBe(25 * (1 + 25));
    expect(cost(['programme', 'cover'])).toBe(25 * (1 + 1 + 1));
    expect(cost('*')).toBe(25 * (1 + 25 + 1 + 10 + 1));
    expect(cost({ quotes: true }, 1)).toBe(1 + 10);
  });

  it('multiplies down nested populates, in every form Strapi takes', () => {
    const nested = { municipalities: { populate: { phases: { populate: 'municipalities' } } } };
    expect(cost(nested, 100)).toBe(100 * (1 + 25 * (1 + 25 * (1 + 25))));
    expect(cost({ municipalities: { populate: ['phases'] } })).toBe(25 * (1 + 25 * (1 + 25)));
  });

  it('leaves unknown names to Strapi (they are refused there)', () => {
    expect(cost('mayor')).toBe(25);
  });
});

describe('populatesIntoMedia', () => {
  const into = (populate: unknown) => populatesIntoMedia(populate, 'api::news-article.news-article', (uid) => models[uid]);

  it('lets a read bring a file, but not reach into its own links', () => {
    for (const populate of ['*', 'cover', ['cover', 'municipalities'], { cover: true }, { cover: { fields: ['url'] } }]) expect(into(populate)).toBe(false);
    for (const populate of [{ cover: { populate: 'related' } }, { cover: { populate: '*' } }, 'cover.related', ['municipalities', 'cover.related']])
      expect(into(populate)).toBe(true);
  });
});
