import { attributeSchema, entrySchema, schemaName } from '../schemas';

describe('schemaName', () => {
  it.each([
    ['api::news-article.news-article', 'NewsArticle'],
    ['programme.implementation-level', 'ProgrammeImplementationLevel'],
    ['plugin::upload.file', 'UploadFile'],
    ['geo.point', 'GeoPoint'],
  ])('names %s %s', (uid, name) => expect(schemaName(uid)).toBe(name));
});

describe('attributeSchema', () => {
  it('lets an optional scalar be null, as Strapi sends an empty one, and keeps the limits', () => {
    expect(attributeSchema({ type: 'string', maxLength: 120 }, schemaName)).toEqual({ type: ['string', 'null'], maxLength: 120 });
    expect(attributeSchema({ type: 'string', required: true, maxLength: 120 }, schemaName)).toEqual({ type: 'string', maxLength: 120 });
    expect(attributeSchema({ type: 'enumeration', enum: ['FBiH', 'RS', 'BD'] }, schemaName)).toEqual({ type: ['string', 'null'], enum: ['FBiH', 'RS', 'BD', null] });
    expect(attributeSchema({ type: 'integer', min: 0, max: 10 }, schemaName)).toEqual({ type: ['integer', 'null'], minimum: 0, maximum: 10 });
    expect(attributeSchema({ type: 'json' }, schemaName)).toEqual({});
  });

  it('describes links by the schema of what they link to', () => {
    expect(attributeSchema({ type: 'relation', relation: 'manyToMany', target: 'api::phase.phase' }, schemaName)).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/Phase' },
    });
    expect(attributeSchema({ type: 'relation', relation: 'manyToOne', target: 'api::phase.phase' }, schemaName)).toEqual({
      anyOf: [{ $ref: '#/components/schemas/Phase' }, { type: 'null' }],
    });
    expect(attributeSchema({ type: 'component', component: 'news.quote', repeatable: true }, schemaName)).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/NewsQuote' },
    });
    expect(attributeSchema({ type: 'media', multiple: false }, schemaName)).toEqual({ anyOf: [{ $ref: '#/components/schemas/UploadFile' }, { type: 'null' }] });
  });

  it('leaves out what the public never sees', () => {
    expect(attributeSchema({ type: 'text', private: true }, schemaName)).toBeUndefined();
    expect(attributeSchema({ type: 'password' }, schemaName)).toBeUndefined();
    expect(attributeSchema({ type: 'relation', relation: 'morphToMany' }, schemaName)).toBeUndefined();
  });
});

it('entrySchema requires only the keys that are always there and allows no others', () => {
  const schema = entrySchema({ name: { type: 'string', required: true }, searchIndex: { type: 'text', private: true } }, schemaName, { required: { id: { type: 'integer' } } });
  expect(schema).toEqual({ type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' } }, required: ['id'], additionalProperties: false });
});
