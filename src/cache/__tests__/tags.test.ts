import { contentTypeTags, MEDIA, type SchemaLookup } from '../tags';

const WORKSHOP = 'api::workshop.workshop';
const MUNICIPALITY = 'api::municipality.municipality';
const PHASE = 'api::phase.phase';
const NEWS = 'api::news-article.news-article';

const schemas: Record<string, Record<string, { type: string; target?: string; component?: string }>> = {
  [WORKSHOP]: {
    title: { type: 'string' },
    geo: { type: 'component', component: 'geo.point' },
    phase: { type: 'relation', target: PHASE },
    municipalities: { type: 'relation', target: MUNICIPALITY },
    newsArticles: { type: 'relation', target: NEWS },
  },
  [MUNICIPALITY]: { name: { type: 'string' }, phases: { type: 'relation', target: PHASE }, geo: { type: 'component', component: 'geo.point' } },
  [PHASE]: { name: { type: 'enumeration' } },
  [NEWS]: { cover: { type: 'media' }, seo: { type: 'component', component: 'shared.seo' } },
  'shared.seo': { image: { type: 'media' } },
  'geo.point': { lat: { type: 'float' } },
};
const schemaOf: SchemaLookup = (uid) => schemas[uid];
const tags = (query: Record<string, unknown>) => [...contentTypeTags(WORKSHOP, query, schemaOf)].sort();

describe('contentTypeTags', () => {
  it('tags a plain read with its own type only', () => {
    expect(tags({ locale: 'bs', sort: 'title:asc' })).toEqual([WORKSHOP]);
    expect(tags({ populate: 'geo' })).toEqual([WORKSHOP]);
  });

  it('adds every type populate reaches, at any depth and in every spelling', () => {
    expect(tags({ populate: '*' })).toEqual([NEWS, MUNICIPALITY, PHASE, WORKSHOP].sort());
    expect(tags({ populate: 'phase,municipalities' })).toEqual([MUNICIPALITY, PHASE, WORKSHOP].sort());
    expect(tags({ populate: ['phase'] })).toEqual([PHASE, WORKSHOP].sort());
    expect(tags({ populate: { municipalities: { fields: ['name'] } } })).toEqual([MUNICIPALITY, WORKSHOP].sort());
    expect(tags({ populate: { newsArticles: { populate: { seo: { populate: 'image' } } } } })).toEqual([MEDIA, NEWS, WORKSHOP].sort());
    expect(tags({ populate: { newsArticles: { populate: '*' } } })).toEqual([MEDIA, NEWS, WORKSHOP].sort());
  });

  it('adds the types filters and sort reach through relations', () => {
    expect(tags({ filters: { municipalities: { phases: { name: { $eq: 'III' } } } } })).toEqual([MUNICIPALITY, PHASE, WORKSHOP].sort());
    expect(tags({ filters: { $or: [{ title: { $eq: 'x' } }, { phase: { name: 'II' } }] } })).toEqual([PHASE, WORKSHOP].sort());
    expect(tags({ sort: ['municipalities.name:asc'] })).toEqual([MUNICIPALITY, WORKSHOP].sort());
  });

  it('ignores names the schema does not have', () => {
    expect(tags({ populate: 'nothing', filters: { nowhere: { $eq: 1 } } })).toEqual([WORKSHOP]);
  });
});
