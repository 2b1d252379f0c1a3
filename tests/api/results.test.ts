/**
 * The results framework as data: the one target the sources state (at least 5,000 children and
 * their parents, phase III), with no baseline or actual invented; an editor reporting against it
 * in the panel, by municipality; partners reading it in REST and GraphQL and as IATI 2.03
 * `<result>` elements, valid against the official schema; impossible periods refused.
 */
import type { Core } from '@strapi/strapi';
import { XMLParser } from 'fast-xml-parser';
import { contentManagerRequest, loginAsNewAdmin } from '../helpers/admin';
import { api, setupStrapi, teardownStrapi } from '../helpers/strapi';
import { IATI_ACTIVITIES_XSD, validateXml } from '../helpers/xml-schema';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the API's JSON, read field by field in assertions
type Entry = Record<string, any>;

const RESULT = 'api::result.result';
const INDICATOR = 'api::indicator.indicator';
const REACH = 'Children and their parents supported through the improved existing and newly developed services';

let strapi: Core.Strapi;
let editor: string;
const made: Array<{ uid: typeof RESULT | typeof INDICATOR; documentId: string }> = [];

beforeAll(async () => {
  strapi = await setupStrapi();
  editor = await loginAsNewAdmin(strapi, [(await strapi.service('admin::role').findOne({ code: 'strapi-editor' })).id]);
});
afterAll(async () => {
  for (const { uid, documentId } of made.reverse()) await strapi.documents(uid).delete({ documentId, locale: '*' });
  await teardownStrapi();
});

const iati = async () => {
  const response = await api().get('/feeds/iati.xml');
  expect(response.status).toBe(200);
  const { ok, output } = validateXml(response.text, IATI_ACTIVITIES_XSD);
  expect([ok, output]).toEqual([true, expect.stringContaining('validates')]);
  const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['result', 'indicator', 'period', 'target', 'actual', 'narrative', 'location'].includes(name) }).parse(
    response.text
  );
  return parsed['iati-activities']['iati-activity'].result as Entry[];
};
const narrative = (element: Entry) => element.narrative.map((entry: Entry | string) => (typeof entry === 'string' ? entry : entry['#text']));

describe('the seeded target', () => {
  it('is the reach the sources state, in English, with baseline and actuals left empty', async () => {
    const response = await api().get('/api/indicators').query({ locale: 'en', populate: 'periods,result' });
    expect(response.status).toBe(200);
    expect(response.body.data).toHaveLength(1);
    const [indicator] = response.body.data;
    expect(indicator).toMatchObject({ title: REACH, measure: 'unit', ascending: true, baselineYear: null, baselineValue: null });
    expect(indicator.description).toBe(
      'It is expected that the SPIS programme will support at least 5,000 children and their parents through the improved existing and newly developed services.'
    );
    expect(indicator.periods.map(({ periodStart, periodEnd, target, actual }: Entry) => ({ periodStart, periodEnd, target: Number(target), actual }))).toEqual([
      { periodStart: '2011-01-01', periodEnd: '2012-12-31', target: 5000, actual: null },
    ]);
    expect(indicator.result.title).toBe('Enhance the social protection and inclusion of vulnerable children and their families');
    expect((await api().get('/api/indicators').query({ locale: 'bs' })).body.data).toEqual([]);
  });

  it('is exported as an IATI result, valid against the 2.03 schema', async () => {
    const [result] = await iati();
    expect(result['@_type']).toBe('2');
    expect(narrative(result.title)).toEqual(['Enhance the social protection and inclusion of vulnerable children and their families']);
    expect(result.title.narrative[0]['@_xml:lang']).toBe('en');
    const [indicator] = result.indicator;
    expect(narrative(indicator.title)).toEqual([REACH]);
    expect(indicator.baseline).toBeUndefined();
    expect(indicator.period).toEqual([{ 'period-start': { '@_iso-date': '2011-01-01' }, 'period-end': { '@_iso-date': '2012-12-31' }, target: [{ '@_value': '5000' }] }]);
  });
});

describe('an editor reporting in the panel', () => {
  it('round-trips a result and its indicator, by municipality, through REST, GraphQL and IATI', async () => {
    const result = await contentManagerRequest(editor, 'post', RESULT, '?locale=bs').send({ title: 'Općinski modeli socijalne zaštite', type: 'output' });
    expect(result.status).toBe(201);
    made.push({ uid: RESULT, documentId: result.body.data.documentId });
    expect((await contentManagerRequest(editor, 'post', RESULT, `/${result.body.data.documentId}/actions/publish?locale=bs`).send({})).status).toBe(200);

    const [celinac] = await strapi.documents('api::municipality.municipality').findMany({ locale: 'bs', status: 'published', filters: { slug: 'celinac' } });
    const indicator = await contentManagerRequest(editor, 'post', INDICATOR, '?locale=bs').send({
      title: 'Udio općina s usvojenim modelom',
      measure: 'percentage',
      ascending: true,
      baselineYear: 2011,
      baselineValue: 0,
      result: { connect: [{ documentId: result.body.data.documentId, locale: 'bs' }] },
      periods: [
        {
          periodStart: '2012-01-01',
          periodEnd: '2012-12-31',
          target: 100,
          actual: 45.5,
          municipalities: [{ municipality: { connect: [{ documentId: celinac.documentId, locale: 'bs' }] }, target: 100, actual: 100 }],
        },
      ],
    });
    expect(indicator.status).toBe(201);
    made.push({ uid: INDICATOR, documentId: indicator.body.data.documentId });
    expect((await contentManagerRequest(editor, 'post', INDICATOR, `/${indicator.body.data.documentId}/actions/publish?locale=bs`).send({})).status).toBe(200);

    const rest = await api()
      .get(`/api/indicators/${indicator.body.data.documentId}`)
      .query({ locale: 'bs', 'populate[periods][populate][municipalities][populate]': 'municipality' });
    expect(rest.status).toBe(200);
    const [period] = rest.body.data.periods;
    expect([Number(period.target), Number(period.actual)]).toEqual([100, 45.5]);
    expect(period.municipalities.map((place: Entry) => [place.municipality.name, Number(place.actual)])).toEqual([['Čelinac', 100]]);

    const graphql = await api().post('/graphql').send({
      query: `{ results(locale: "bs", pagination: { pageSize: 2 }) { title type indicators(pagination: { pageSize: 5 }) { title measure periods(pagination: { pageSize: 5 }) { target actual municipalities(pagination: { pageSize: 10 }) { municipality { name } actual } } } } }`,
    });
    expect(graphql.body.errors).toBeUndefined();
    expect(graphql.body.data.results).toEqual([
      {
        title: 'Općinski modeli socijalne zaštite',
        type: 'output',
        indicators: [
          {
            title: 'Udio općina s usvojenim modelom',
            measure: 'percentage',
            periods: [{ target: 100, actual: 45.5, municipalities: [{ municipality: { name: 'Čelinac' }, actual: 100 }] }],
          },
        ],
      },
    ]);

    const reported = (await iati()).find((entry) => narrative(entry.title)[0] === 'Općinski modeli socijalne zaštite');
    expect(reported?.['@_type']).toBe('1');
    const [measured] = reported!.indicator;
    expect([measured['@_measure'], measured.baseline['@_year'], measured.baseline['@_value']]).toEqual(['2', '2011', '0']);
    expect(measured.period[0].actual).toEqual([{ '@_value': '45.5' }, { '@_value': '100', location: [{ '@_ref': 'SPIS-celinac' }] }]);
  });

  it('refuses a period changed in place to end before it starts, keeping what was stored', async () => {
    const created = await contentManagerRequest(editor, 'post', INDICATOR, '?locale=bs').send({
      title: 'Broj usluga u zajednici',
      measure: 'unit',
      ascending: true,
      periods: [{ periodStart: '2012-01-01', periodEnd: '2012-12-31', target: 10 }],
    });
    expect(created.status).toBe(201);
    const { documentId } = created.body.data;
    made.push({ uid: INDICATOR, documentId });
    const [period] = created.body.data.periods;
    const changed = await contentManagerRequest(editor, 'put', INDICATOR, `/${documentId}?locale=bs`).send({ periods: [{ id: period.id, periodEnd: '2000-01-01' }] });
    expect(changed.status).toBe(400);
    expect(changed.body.error.message).toMatch(/^Period 1 ends \(2000-01-01\) before it starts/);
    const stored = await strapi.db.query(INDICATOR).findOne({ where: { documentId, locale: 'bs' }, populate: { periods: true } });
    expect(stored.periods.map((entry: Entry) => entry.periodEnd)).toEqual(['2012-12-31']);
  });

  it.each([
    [{ measure: 'percentage', periods: [{ periodStart: '2012-01-01', periodEnd: '2012-12-31', target: 120 }] }, 'Period 1 has 120: a percentage is at most 100'],
    [{ measure: 'unit', periods: [{ periodStart: '2013-01-01', periodEnd: '2012-12-31', target: 10 }] }, 'Period 1 ends (2012-12-31) before it starts (2013-01-01)'],
  ])('refuses an impossible period, writing nothing (%j)', async (fields, message) => {
    const response = await contentManagerRequest(editor, 'post', INDICATOR, '?locale=bs').send({ title: 'Nemoguć indikator', ascending: true, ...fields });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(message);
    expect(await strapi.db.query(INDICATOR).count({ where: { title: 'Nemoguć indikator' } })).toBe(0);
  });
});
