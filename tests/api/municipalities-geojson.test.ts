/**
 * The municipalities as GeoJSON, as a map tool loads them: valid RFC 7946 by an independent
 * checker, longitude before latitude, the same places, coordinates and phases as the REST API,
 * in the negotiated language, published only, with 304s.
 */
import { check } from '@placemarkio/check-geojson';
import type { Core } from '@strapi/strapi';
import { api, createApiToken, setupStrapi, teardownStrapi } from '../helpers/strapi';

const MUNICIPALITY = 'api::municipality.municipality';
const URL = '/api/municipalities.geojson';
/** Bosnia and Herzegovina's bounding box: longitudes 15.7–19.7 east, latitudes 42.5–45.3 north. */
const inBosnia = ([lon, lat]: number[]) => lon > 15.7 && lon < 19.7 && lat > 42.5 && lat < 45.3;

type Feature = { id: string; geometry: { coordinates: number[] } | null; properties: { name: string; slug: string; phases: string[]; entity: string } };

let strapi: Core.Strapi;
let draftPlace: string;

beforeAll(async () => {
  strapi = await setupStrapi();
  const token = await createApiToken(strapi, 'full-access');
  const draft = await api()
    .post('/api/municipalities')
    .set('Authorization', `Bearer ${token}`)
    .query({ locale: 'bs', status: 'draft' })
    .send({ data: { name: 'Nacrtovo Polje', kind: 'municipality', entity: 'RS', geo: { lat: 44.1, lon: 17.9 } } });
  expect(draft.status).toBe(201);
  draftPlace = draft.body.data.documentId;
});

afterAll(async () => {
  await strapi.documents(MUNICIPALITY).delete({ documentId: draftPlace, locale: '*' });
  await teardownStrapi();
});

it('is a valid RFC 7946 FeatureCollection of the published places, lon/lat, as the REST API has them', async () => {
  const response = await api().get(URL).query({ locale: 'sr-Cyrl' });
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toBe('application/geo+json; charset=utf-8');
  expect(() => check(response.text)).not.toThrow();
  const features: Feature[] = response.body.features;

  const rest = await api().get('/api/municipalities?locale=sr-Cyrl&populate[geo]=true&populate[phases][fields][0]=name&pagination[pageSize]=100&sort=slug');
  expect(features.map((feature) => feature.id)).toEqual(rest.body.data.map((place: { documentId: string }) => place.documentId));
  expect(features.length).toBe(21);
  for (const [index, place] of (rest.body.data as { name: string; geo: { lat: number; lon: number }; phases: { name: string }[] }[]).entries()) {
    const feature = features[index];
    expect(feature.properties.name).toBe(place.name);
    expect(feature.geometry?.coordinates).toEqual([place.geo.lon, place.geo.lat]);
    expect(inBosnia(feature.geometry!.coordinates)).toBe(true);
    expect(feature.properties.phases).toEqual(place.phases.map((phase) => phase.name).sort());
  }
  const celinac = features.find((feature) => feature.properties.slug === 'celinac');
  expect(celinac?.properties).toMatchObject({ name: 'Челинац', entity: 'RS' });
  expect(response.text).not.toContain('Nacrtovo');
});

it('speaks the language the reader asks for, and says so', async () => {
  const response = await api().get(URL).set('Accept-Language', 'sr-RS, en;q=0.5');
  expect(response.headers['content-language']).toBe('sr-Cyrl');
  expect(response.headers.vary).toMatch(/Accept-Language/);
  const bosnian = await api().get(URL).query({ locale: 'bs' });
  expect(bosnian.body.features.map((feature: Feature) => feature.properties.name)).toContain('Čelinac');
});

it.each(['de', '*'])('refuses locale=%s with a JSON 400 naming the supported codes', async (locale) => {
  const response = await api().get(URL).query({ locale });
  expect(response.status).toBe(400);
  expect(response.body.error.message).toContain('bs, hr, sr-Latn, sr-Cyrl, en');
});

it('answers 304 while nothing changed', async () => {
  const first = await api().get(URL).query({ locale: 'en' });
  expect((await api().get(URL).query({ locale: 'en' }).set('If-None-Match', first.headers.etag)).status).toBe(304);
});
