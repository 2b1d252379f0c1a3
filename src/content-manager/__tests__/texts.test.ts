import fs from 'node:fs';
import path from 'node:path';
import { parse } from '@formatjs/icu-messageformat-parser';
import { contentTexts, ENGLISH_TEXTS } from '../texts';
import bs from '../translations/bs.json';
import hr from '../translations/hr.json';
import srLatn from '../translations/sr-Latn.json';

type Attribute = { type: string; enum?: string[] };
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as { attributes: Record<string, Attribute> };
const API = path.join(__dirname, '../../api');
const COMPONENTS = path.join(__dirname, '../../components');
const types = Object.fromEntries(fs.readdirSync(API).map((name) => [`api::${name}.${name}`, readJson(path.join(API, name, 'content-types', name, 'schema.json')).attributes]));
const components = Object.fromEntries(
  fs
    .readdirSync(COMPONENTS)
    .flatMap((category) =>
      fs.readdirSync(path.join(COMPONENTS, category)).map((file) => [`${category}.${file.replace('.json', '')}`, readJson(path.join(COMPONENTS, category, file)).attributes])
    )
);
const enumValues = [...Object.values(types), ...Object.values(components)].flatMap((attributes) => Object.values(attributes).flatMap((attribute) => attribute.enum ?? []));

/** Every text with its place: [['types', uid, 'fields', field, 'label'], text] and so on. */
const leaves = (value: unknown, place: string[] = []): Array<[string[], unknown]> =>
  value && typeof value === 'object' ? Object.entries(value).flatMap(([key, inner]) => leaves(inner, [...place, key])) : [[place, value]];
const places = (value: unknown) =>
  leaves(value)
    .map(([place]) => place.join(' › '))
    .sort();

it('names every type, component, field and enumeration value in English', () => {
  expect(Object.keys(ENGLISH_TEXTS.types).sort()).toEqual(Object.keys(types).sort());
  expect(Object.keys(ENGLISH_TEXTS.components).sort()).toEqual(Object.keys(components).sort());
  for (const [uid, attributes] of Object.entries(types)) {
    const shown = Object.entries(attributes as Record<string, Attribute & { visible?: boolean }>)
      .filter(([, attribute]) => attribute.visible !== false)
      .map(([name]) => name);
    for (const field of shown) expect([uid, field, typeof ENGLISH_TEXTS.types[uid].fields[field]?.label]).toEqual([uid, field, 'string']);
    // Besides the schema's fields, the timestamps Strapi adds can be list columns.
    for (const field of Object.keys(ENGLISH_TEXTS.types[uid].fields))
      expect([uid, field, field in attributes || ['createdAt', 'updatedAt'].includes(field)]).toEqual([uid, field, true]);
  }
  for (const [uid, attributes] of Object.entries(components))
    expect([uid, Object.keys(ENGLISH_TEXTS.components[uid].fields).sort()]).toEqual([uid, Object.keys(attributes).sort()]);
  expect(Object.keys(ENGLISH_TEXTS.enums).sort()).toEqual([...new Set(enumValues)].sort());
});

it.each([
  ['bs', bs],
  ['hr', hr],
  ['sr-Latn', srLatn],
])('has every English text in %s, translated', (language, texts) => {
  expect(places(texts)).toEqual(places(ENGLISH_TEXTS));
  // Labels are shown through ICU messages: each must parse.
  for (const [place, text] of leaves(texts)) {
    expect([place.join(' › '), typeof text]).toEqual([place.join(' › '), 'string']);
    expect(() => parse(String(text))).not.toThrow();
  }
  expect(contentTexts(language).types['api::news-article.news-article'].fields.title.label).not.toBe(ENGLISH_TEXTS.types['api::news-article.news-article'].fields.title.label);
});

it('writes Serbian Cyrillic from the Serbian Latin texts', () => {
  const cyrillic = contentTexts('sr-Cyrl');
  expect(cyrillic.types['api::municipality.municipality'].displayName).toMatch(/^[\p{Script=Cyrillic}\s-]+$/u);
  expect(contentTexts('sr-Latn').enums.RS).toBe('Republika Srpska');
  expect(cyrillic.enums.RS).toBe('Република Српска');
  // Names and numerals stay as Serbian Cyrillic writes them.
  expect(cyrillic.enums.II).toBe('Фаза II');
  expect(cyrillic.enums.EUR).toMatch(/\(EUR\)$/);
});
