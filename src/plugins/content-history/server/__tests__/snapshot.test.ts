/**
 * What history keeps of a document and what a write changed, from rows as the recorder reads
 * them: which attributes are kept, how values compare, and which versions and published changes
 * each kind of write (create, edit, publish, unpublish, delete, a locale added or removed)
 * leaves, with and without draft & publish.
 */
import { changedFields, diffStates, documentStateOf, populateOf, shapeOf, valuesOf, type DocumentState, type Shape } from '../snapshot';

type Attributes = Parameters<typeof shapeOf>[0];

const COMPONENTS: Record<string, Attributes> = {
  'news.quote': { text: { type: 'text' }, speaker: { type: 'string' }, role: { type: 'string' } },
  'shared.seo': { metaTitle: { type: 'string' }, noIndex: { type: 'boolean' }, secret: { type: 'string', private: true } },
  'geo.point': { lat: { type: 'float' }, lon: { type: 'float' } },
  'blocks.gallery': { caption: { type: 'string' }, images: { type: 'media', multiple: true }, seo: { type: 'component', component: 'shared.seo' } },
};
const componentAttributes = (uid: string) => COMPONENTS[uid];

/** An article type with one attribute of each kind history treats apart. */
const ARTICLE: Record<string, Record<string, unknown>> = {
  id: { type: 'increments' },
  documentId: { type: 'string' },
  locale: { type: 'string' },
  localizations: { type: 'relation', relation: 'oneToMany' },
  createdAt: { type: 'datetime' },
  updatedAt: { type: 'datetime' },
  publishedAt: { type: 'datetime' },
  createdBy: { type: 'relation', relation: 'oneToOne' },
  updatedBy: { type: 'relation', relation: 'oneToOne' },
  title: { type: 'string' },
  body: { type: 'blocks' },
  publicationDate: { type: 'date' },
  views: { type: 'integer' },
  featured: { type: 'boolean' },
  kind: { type: 'enumeration' },
  quotes: { type: 'component', component: 'news.quote', repeatable: true },
  seo: { type: 'component', component: 'shared.seo' },
  sections: { type: 'dynamiczone', components: ['blocks.gallery', 'geo.point'] },
  cover: { type: 'media', multiple: false },
  gallery: { type: 'media', multiple: true },
  programme: { type: 'relation', relation: 'manyToOne', inversedBy: 'newsArticles' },
  municipalities: { type: 'relation', relation: 'manyToMany', inversedBy: 'newsArticles' },
  related: { type: 'relation', relation: 'manyWay' },
  author: { type: 'relation', relation: 'oneWay' },
  translations: { type: 'relation', relation: 'oneToMany', inversedBy: 'article' },
  workshops: { type: 'relation', relation: 'manyToMany', mappedBy: 'newsArticles' },
  scheduledPublishAt: { type: 'datetime', private: true },
  searchIndex: { type: 'text', private: true, visible: false },
  sortKey: { type: 'string', visible: false },
};

const shape = shapeOf(ARTICLE as Attributes, componentAttributes);

describe('shapeOf', () => {
  it('keeps what an editor edits and leaves out system, private, hidden and inverse-side attributes', () => {
    expect(Object.keys(shape).sort()).toEqual(
      [
        'author',
        'body',
        'cover',
        'featured',
        'gallery',
        'kind',
        'municipalities',
        'programme',
        'publicationDate',
        'quotes',
        'related',
        'sections',
        'seo',
        'title',
        'translations',
        'views',
      ].sort()
    );
  });

  it('tells one link from many, by the relation’s kind', () => {
    expect(shape.programme).toEqual({ kind: 'relation', many: false });
    expect(shape.author).toEqual({ kind: 'relation', many: false });
    expect(shape.municipalities).toEqual({ kind: 'relation', many: true });
    expect(shape.related).toEqual({ kind: 'relation', many: true });
    expect(shape.translations).toEqual({ kind: 'relation', many: true });
    expect(shape.cover).toEqual({ kind: 'media', many: false });
    expect(shape.gallery).toEqual({ kind: 'media', many: true });
  });

  it('resolves components, nested ones and those of dynamic zones, without their private fields', () => {
    expect(shape.quotes).toEqual({
      kind: 'component',
      repeatable: true,
      shape: { text: { kind: 'scalar', type: 'text' }, speaker: { kind: 'scalar', type: 'string' }, role: { kind: 'scalar', type: 'string' } },
    });
    expect(shape.seo).toEqual({ kind: 'component', repeatable: false, shape: { metaTitle: { kind: 'scalar', type: 'string' }, noIndex: { kind: 'scalar', type: 'boolean' } } });
    expect(shape.sections).toMatchObject({
      kind: 'dynamiczone',
      components: {
        'geo.point': { lat: { kind: 'scalar', type: 'float' }, lon: { kind: 'scalar', type: 'float' } },
        'blocks.gallery': { images: { kind: 'media', many: true }, seo: { kind: 'component', repeatable: false } },
      },
    });
  });

  it('reads back everything it keeps: links by documentId, media by id, components deep', () => {
    expect(populateOf(shape)).toEqual({
      quotes: { populate: {} },
      seo: { populate: {} },
      sections: {
        on: {
          'blocks.gallery': { populate: { images: { select: ['id'] }, seo: { populate: {} } } },
          'geo.point': { populate: {} },
        },
      },
      cover: { select: ['id'] },
      gallery: { select: ['id'] },
      programme: { select: ['documentId'] },
      municipalities: { select: ['documentId'] },
      related: { select: ['documentId'] },
      author: { select: ['documentId'] },
      translations: { select: ['documentId'] },
    });
  });
});

/** A row as the query layer returns it, with what a read adds around the kept values. */
const row = (overrides: Record<string, unknown> = {}) => ({
  id: 1,
  documentId: 'doc',
  locale: 'bs',
  createdAt: new Date('2026-12-01T08:00:00Z'),
  updatedAt: new Date('2026-12-01T08:00:00Z'),
  publishedAt: null,
  title: 'Radionica u Čapljini',
  body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Prvi pasus.' }] }],
  publicationDate: '2026-12-02',
  views: 0,
  featured: false,
  kind: 'news',
  quotes: [{ id: 7, __component: 'news.quote', text: 'Djeca su na prvom mjestu.', speaker: 'Amra Hodžić', role: null }],
  seo: { id: 9, metaTitle: 'Radionica', noIndex: true },
  sections: [
    { id: 3, __component: 'geo.point', lat: 43.12, lon: 17.69 },
    { id: 4, __component: 'blocks.gallery', caption: 'Slike', images: [{ id: 21 }, { id: 22 }], seo: null },
  ],
  cover: { id: 20 },
  gallery: [{ id: 21 }, { id: 21 }, { id: 22 }],
  programme: { id: 5, documentId: 'spis' },
  municipalities: [
    { id: 11, documentId: 'capljina' },
    { id: 12, documentId: 'mostar' },
  ],
  related: [],
  author: null,
  translations: [],
  ...overrides,
});

describe('valuesOf', () => {
  it('keeps the values an editor sees, without row ids, in a form JSON compares', () => {
    expect(valuesOf(shape, row())).toEqual({
      title: 'Radionica u Čapljini',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Prvi pasus.' }] }],
      publicationDate: '2026-12-02',
      views: 0,
      featured: false,
      kind: 'news',
      quotes: [{ text: 'Djeca su na prvom mjestu.', speaker: 'Amra Hodžić', role: null }],
      seo: { metaTitle: 'Radionica', noIndex: true },
      sections: [
        { __component: 'geo.point', lat: 43.12, lon: 17.69 },
        { __component: 'blocks.gallery', caption: 'Slike', images: [21, 22], seo: null },
      ],
      cover: 20,
      gallery: [21, 22],
      programme: 'spis',
      municipalities: ['capljina', 'mostar'],
      related: [],
      author: null,
      translations: [],
    });
  });

  it('reads a missing value as null and an empty one as nothing, and dates as ISO text', () => {
    const values = valuesOf(
      shape,
      row({ title: undefined, quotes: undefined, seo: null, cover: null, gallery: null, programme: undefined, publicationDate: new Date('2026-12-02T00:00:00Z') })
    );
    expect(values).toMatchObject({ title: null, quotes: [], seo: null, cover: null, gallery: [], programme: null, publicationDate: '2026-12-02T00:00:00.000Z' });
  });

  it('keeps the order of links and components, which editors set', () => {
    const reordered = valuesOf(shape, row({ municipalities: [{ documentId: 'mostar' }, { documentId: 'capljina' }] }));
    expect(reordered.municipalities).toEqual(['mostar', 'capljina']);
    expect(changedFields(valuesOf(shape, row()), reordered)).toEqual(['municipalities']);
  });

  it('compares equal for the same content read twice (row ids of components differ)', () => {
    const again = row({ quotes: [{ id: 70, text: 'Djeca su na prvom mjestu.', speaker: 'Amra Hodžić', role: null }], seo: { id: 90, metaTitle: 'Radionica', noIndex: true } });
    expect(changedFields(valuesOf(shape, row()), valuesOf(shape, again))).toEqual([]);
  });
});

describe('changedFields', () => {
  it('names the fields whose values differ, sorted, and every field of a side the other lacks', () => {
    expect(changedFields({ a: 1, b: [1, 2], c: { x: 'š' } }, { a: 1, b: [2, 1], c: { x: 'š' } })).toEqual(['b']);
    expect(changedFields(undefined, { b: 1, a: 2 })).toEqual(['a', 'b']);
    expect(changedFields({ b: 1, a: 2 }, undefined)).toEqual(['a', 'b']);
    expect(changedFields({ a: null }, { a: null })).toEqual([]);
  });
});

const SIMPLE: Shape = { title: { kind: 'scalar', type: 'string' }, lead: { kind: 'scalar', type: 'text' } };
let nextId = 100;
/** One row of a localized, draft & publish type. */
const simpleRow = (locale: string, published: boolean, values: Record<string, unknown>, dates: { updatedAt?: string; publishedAt?: string } = {}) => ({
  id: ++nextId,
  documentId: 'doc',
  locale,
  updatedAt: dates.updatedAt ?? '2026-12-01T08:00:00.000Z',
  publishedAt: published ? (dates.publishedAt ?? '2026-12-01T08:00:00.000Z') : null,
  ...values,
});
const state = (rows: Array<ReturnType<typeof simpleRow>>, draftAndPublish = true): DocumentState => documentStateOf(SIMPLE, rows, draftAndPublish);

describe('documentStateOf', () => {
  it('files each row by locale and status, with the row id and dates a reader also sees', () => {
    const draft = simpleRow('bs', false, { title: 'Naslov', lead: 'Uvod' });
    const published = simpleRow('bs', true, { title: 'Naslov', lead: 'Uvod' }, { publishedAt: '2026-12-01T09:00:00.000Z' });
    const english = simpleRow('en', false, { title: 'Title' });
    const result = state([draft, published, english]);
    expect([...result.keys()].sort()).toEqual(['bs', 'en']);
    expect(result.get('bs')).toEqual({
      draft: { values: { title: 'Naslov', lead: 'Uvod' }, rowId: draft.id, updatedAt: '2026-12-01T08:00:00.000Z', publishedAt: null },
      published: { values: { title: 'Naslov', lead: 'Uvod' }, rowId: published.id, updatedAt: '2026-12-01T08:00:00.000Z', publishedAt: '2026-12-01T09:00:00.000Z' },
    });
    expect(result.get('en')).toEqual({ draft: { values: { title: 'Title', lead: null }, rowId: english.id, updatedAt: '2026-12-01T08:00:00.000Z', publishedAt: null } });
  });

  it('reads dates given as Date objects as ISO text', () => {
    const result = state([{ ...simpleRow('bs', true, { title: 'T' }), updatedAt: new Date('2026-12-01T08:00:00Z') as unknown as string }]);
    expect(result.get('bs')?.published?.updatedAt).toBe('2026-12-01T08:00:00.000Z');
  });

  it('files every row of a type without draft & publish as published, under "" when it is not localized', () => {
    const result = state([{ ...simpleRow('', false, { title: 'Kontakt' }), locale: undefined as unknown as string }], false);
    expect([...result.keys()]).toEqual(['']);
    expect(result.get('')).toEqual({ published: expect.objectContaining({ values: { title: 'Kontakt', lead: null } }) });
  });
});

describe('diffStates', () => {
  const bsDraft = simpleRow('bs', false, { title: 'Naslov', lead: 'Uvod' });
  const bsPublished = simpleRow('bs', true, { title: 'Naslov', lead: 'Uvod' });

  it('records a create as a draft version with every field, and nothing readers see', () => {
    expect(diffStates(new Map(), state([bsDraft]))).toEqual({
      versions: [{ locale: 'bs', status: 'draft', changedFields: ['lead', 'title'], values: { title: 'Naslov', lead: 'Uvod' } }],
      published: [],
    });
  });

  it('records an edit of a draft with only the fields it changed', () => {
    const edited = { ...bsDraft, lead: 'Novi uvod', updatedAt: '2026-12-01T10:00:00.000Z' };
    expect(diffStates(state([bsDraft, bsPublished]), state([edited, bsPublished]))).toEqual({
      versions: [{ locale: 'bs', status: 'draft', changedFields: ['lead'], values: { title: 'Naslov', lead: 'Novi uvod' } }],
      published: [],
    });
  });

  it('records a save that changed nothing as nothing', () => {
    const saved = { ...bsDraft, updatedAt: '2026-12-01T10:00:00.000Z' };
    expect(diffStates(state([bsDraft]), state([saved]))).toEqual({ versions: [], published: [] });
  });

  it('records a first publish as the published version and a "published" change', () => {
    expect(diffStates(state([bsDraft]), state([bsDraft, bsPublished]))).toEqual({
      versions: [{ locale: 'bs', status: 'published', changedFields: ['lead', 'title'], values: { title: 'Naslov', lead: 'Uvod' } }],
      published: [{ locale: 'bs', kind: 'published' }],
    });
  });

  it('records a publish of changed content as the published version with what changed, and "updated"', () => {
    const edited = { ...bsDraft, title: 'Novi naslov' };
    const republished = simpleRow('bs', true, { title: 'Novi naslov', lead: 'Uvod' }, { publishedAt: '2026-12-02T08:00:00.000Z' });
    expect(diffStates(state([edited, bsPublished]), state([edited, republished]))).toEqual({
      versions: [{ locale: 'bs', status: 'published', changedFields: ['title'], values: { title: 'Novi naslov', lead: 'Uvod' } }],
      published: [{ locale: 'bs', kind: 'updated' }],
    });
  });

  it('records a publish of unchanged content as no version, but "updated" for readers (new row, new dates)', () => {
    const republished = simpleRow('bs', true, { title: 'Naslov', lead: 'Uvod' }, { publishedAt: '2026-12-02T08:00:00.000Z', updatedAt: '2026-12-02T08:00:00.000Z' });
    expect(diffStates(state([bsDraft, bsPublished]), state([bsDraft, republished]))).toEqual({ versions: [], published: [{ locale: 'bs', kind: 'updated' }] });
    // Even when only the row id or only one date is new.
    expect(diffStates(state([bsPublished]), state([{ ...bsPublished, id: 999 }])).published).toEqual([{ locale: 'bs', kind: 'updated' }]);
    expect(diffStates(state([bsPublished]), state([{ ...bsPublished, updatedAt: '2026-12-03T08:00:00.000Z' }])).published).toEqual([{ locale: 'bs', kind: 'updated' }]);
  });

  it('records an unpublish as the published version removed, and "unpublished": the draft stays', () => {
    expect(diffStates(state([bsDraft, bsPublished]), state([bsDraft]))).toEqual({
      versions: [{ locale: 'bs', status: 'published', changedFields: ['lead', 'title'], values: null }],
      published: [{ locale: 'bs', kind: 'unpublished' }],
    });
  });

  it('records a delete of a published locale as both versions removed, and "deleted"', () => {
    expect(diffStates(state([bsDraft, bsPublished]), new Map())).toEqual({
      versions: [
        { locale: 'bs', status: 'draft', changedFields: ['lead', 'title'], values: null },
        { locale: 'bs', status: 'published', changedFields: ['lead', 'title'], values: null },
      ],
      published: [{ locale: 'bs', kind: 'deleted' }],
    });
  });

  it('records a delete of a draft-only locale as its draft removed, and nothing readers see', () => {
    expect(diffStates(state([bsDraft]), new Map())).toEqual({ versions: [{ locale: 'bs', status: 'draft', changedFields: ['lead', 'title'], values: null }], published: [] });
  });

  it('records a discarded draft as the draft taking the published values back', () => {
    const edited = { ...bsDraft, lead: 'Neobjavljena izmjena' };
    const discarded = simpleRow('bs', false, { title: 'Naslov', lead: 'Uvod' });
    expect(diffStates(state([edited, bsPublished]), state([discarded, bsPublished]))).toEqual({
      versions: [{ locale: 'bs', status: 'draft', changedFields: ['lead'], values: { title: 'Naslov', lead: 'Uvod' } }],
      published: [],
    });
  });

  it('records a locale appearing and another disappearing in one write, each apart and in locale order', () => {
    const enDraft = simpleRow('en', false, { title: 'Title' });
    const enPublished = simpleRow('en', true, { title: 'Title' });
    const hrDraft = simpleRow('hr', false, { title: 'Naslov (hr)' });
    const result = diffStates(state([bsDraft, bsPublished, hrDraft]), state([bsDraft, bsPublished, enDraft, enPublished]));
    expect(result.versions).toEqual([
      { locale: 'en', status: 'draft', changedFields: ['lead', 'title'], values: { title: 'Title', lead: null } },
      { locale: 'en', status: 'published', changedFields: ['lead', 'title'], values: { title: 'Title', lead: null } },
      { locale: 'hr', status: 'draft', changedFields: ['lead', 'title'], values: null },
    ]);
    expect(result.published).toEqual([{ locale: 'en', kind: 'published' }]);
  });

  it('records a shared field copied into other locales as a version of each locale it changed', () => {
    const before = state([simpleRow('bs', false, { title: 'A', lead: 'x' }), simpleRow('en', false, { title: 'B', lead: 'x' }), simpleRow('hr', false, { title: 'C', lead: 'y' })]);
    const after = state([simpleRow('bs', false, { title: 'A', lead: 'y' }), simpleRow('en', false, { title: 'B', lead: 'y' }), simpleRow('hr', false, { title: 'C', lead: 'y' })]);
    expect(diffStates(before, after).versions.map(({ locale, changedFields }) => [locale, changedFields])).toEqual([
      ['bs', ['lead']],
      ['en', ['lead']],
    ]);
  });

  describe('without draft & publish', () => {
    const contact = (values: Record<string, unknown>, updatedAt = '2026-12-01T08:00:00.000Z') => ({ ...simpleRow('', false, values, { updatedAt }), id: 1 });

    it('records a create as the published version and a "published" change', () => {
      expect(diffStates(new Map(), state([contact({ title: 'Kontakt' })], false))).toEqual({
        versions: [{ locale: '', status: 'published', changedFields: ['lead', 'title'], values: { title: 'Kontakt', lead: null } }],
        published: [{ locale: '', kind: 'published' }],
      });
    });

    it('records an edit as "updated", and a delete as "deleted" (there is no draft to fall back to)', () => {
      const before = state([contact({ title: 'Kontakt' })], false);
      const after = state([contact({ title: 'Kontakt BiH' }, '2026-12-02T08:00:00.000Z')], false);
      expect(diffStates(before, after)).toEqual({
        versions: [{ locale: '', status: 'published', changedFields: ['title'], values: { title: 'Kontakt BiH', lead: null } }],
        published: [{ locale: '', kind: 'updated' }],
      });
      expect(diffStates(after, new Map()).published).toEqual([{ locale: '', kind: 'deleted' }]);
    });
  });
});
