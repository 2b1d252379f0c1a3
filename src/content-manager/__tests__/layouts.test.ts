import fs from 'node:fs';
import path from 'node:path';
import { EDITORIAL_ORDER, LAYOUTS, type Layout } from '../layouts';
import { layoutProblems } from '..';
import { ENGLISH_TEXTS } from '../texts';

type SchemaAttribute = { type: string; visible?: boolean };

const API = path.join(__dirname, '../../api');
/** Each type's attributes as schema.json declares them, plus the timestamps Strapi adds. */
const schemas: Record<string, Record<string, SchemaAttribute>> = Object.fromEntries(
  fs.readdirSync(API).map((name) => {
    const schema = JSON.parse(fs.readFileSync(path.join(API, name, 'content-types', name, 'schema.json'), 'utf8')) as { attributes: Record<string, SchemaAttribute> };
    return [`api::${name}.${name}`, { ...schema.attributes, createdAt: { type: 'datetime' }, updatedAt: { type: 'datetime' } }];
  })
);

it('has a valid layout for every content type', () => {
  expect(Object.keys(LAYOUTS).sort()).toEqual(Object.keys(schemas).sort());
  for (const [uid, layout] of Object.entries(LAYOUTS)) expect([uid, layoutProblems(layout, schemas[uid])]).toEqual([uid, []]);
});

it('places every field editors fill in, each with a label', () => {
  for (const [uid, layout] of Object.entries(LAYOUTS)) {
    // Private fields too (the panel shows them; the public API does not).
    const editable = Object.entries(schemas[uid])
      .filter(([name, attribute]) => attribute.visible !== false && !['createdAt', 'updatedAt'].includes(name))
      .map(([name]) => name);
    expect([
      uid,
      layout.edit
        .flat()
        .map(([field]) => field)
        .sort(),
    ]).toEqual([uid, editable.sort()]);
    for (const field of editable) expect([uid, field, typeof ENGLISH_TEXTS.types[uid].fields[field]?.label]).toEqual([uid, field, 'string']);
  }
});

it('names what is wrong with a layout', () => {
  const news = LAYOUTS['api::news-article.news-article'];
  const broken: Layout = {
    ...news,
    mainField: 'headline',
    list: ['title', 'quotes'],
    edit: [
      [
        ['title', 8],
        ['lead', 8],
      ],
      [['seo', 6]],
      [['title', 4]],
    ],
  };
  expect(layoutProblems(broken, schemas['api::news-article.news-article'])).toEqual([
    'mainField: no field "headline"',
    'list: "quotes" (component) cannot be a column',
    'edit: "title" placed twice',
    'edit row 1: 16 wide (at most 12)',
    'edit: "seo" (component) must be 12 wide',
  ]);
});

it('orders every type once for editors, news first', () => {
  expect([...EDITORIAL_ORDER].sort()).toEqual(Object.keys(LAYOUTS).sort());
  expect(EDITORIAL_ORDER[0]).toBe('api::news-article.news-article');
});
