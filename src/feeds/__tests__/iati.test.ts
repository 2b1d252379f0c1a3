import { XMLParser } from 'fast-xml-parser';
import { IATI_ACTIVITIES_XSD, validateXml } from '../../../tests/helpers/xml-schema';
import { renderIatiActivities, type IatiProgramme } from '../iati';

const programme: IatiProgramme = {
  acronym: 'SPIS',
  startYear: 2008,
  endYear: 2012,
  updatedAt: '2026-11-20T10:00:00.123Z',
  texts: [
    { locale: 'bs', name: 'Jačanje sistema socijalne zaštite i inkluzije djece u BiH', summary: 'Program <SPIS> & djeca' },
    { locale: 'sr-Cyrl', name: 'Јачање система социјалне заштите и инклузије дјеце у БиХ', summary: 'Програм СПИС' },
  ],
  funding: [
    { funder: 'European Union', amount: 4100000, currency: 'EUR' },
    { funder: 'UNICEF', amount: null, currency: null },
  ],
  municipalities: [{ slug: 'celinac', name: 'Čelinac', lat: 44.7244, lon: 17.3236 }],
  results: [
    {
      type: 'outcome',
      texts: [
        { locale: 'bs', title: 'Bolja zaštita djece', description: null },
        { locale: 'en', title: 'Better protection of children', description: 'Children & families <reached>' },
      ],
      indicators: [
        {
          texts: [{ locale: 'en', title: 'Children and their parents supported', description: null }],
          measure: 'unit',
          ascending: true,
          baseline: null,
          periods: [{ start: '2011-01-01', end: '2012-12-31', target: { value: 5000, places: [{ slug: 'celinac', value: 400 }] }, actual: { value: null, places: [] } }],
        },
        {
          texts: [{ locale: 'bs', title: 'Udio općina s modelom', description: null }],
          measure: 'percentage',
          ascending: true,
          baseline: { year: 2011, value: 12.5 },
          periods: [{ start: '2012-01-01', end: '2012-12-31', target: { value: 50, places: [] }, actual: { value: 45.5, places: [] } }],
        },
      ],
    },
    // No indicator yet: IATI needs one, so it is left out.
    { type: 'output', texts: [{ locale: 'bs', title: 'Bez indikatora', description: null }], indicators: [] },
  ],
};

describe('renderIatiActivities', () => {
  const xml = renderIatiActivities(programme, new Date('2026-11-23T12:00:00.000Z'));

  it('is valid against the official IATI 2.03 activity schema', () => {
    const { ok, output } = validateXml(xml, IATI_ACTIVITIES_XSD);
    expect(output).toContain('validates');
    expect(ok).toBe(true);
  });

  it('says what the programme is, in every language, with its funders, budget and places', () => {
    const { 'iati-activities': root } = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ['narrative', 'participating-org', 'location', 'budget', 'activity-date'].includes(name),
    }).parse(xml);
    const activity = root['iati-activity'];
    expect(activity['iati-identifier']).toBe('XM-DAC-41122-BA-SPIS');
    expect(activity.title.narrative.map((narrative: unknown) => (typeof narrative === 'string' ? narrative : (narrative as { '#text': string })['#text']))).toEqual([
      'Jačanje sistema socijalne zaštite i inkluzije djece u BiH',
      'Јачање система социјалне заштите и инклузије дјеце у БиХ',
    ]);
    expect(activity.title.narrative[1]['@_xml:lang']).toBe('sr-Cyrl');
    expect(activity.description.narrative[0]).toBe('Program <SPIS> & djeca');
    expect(activity['participating-org'].map((org: Record<string, string>) => [org['@_ref'], org['@_role']])).toEqual([
      ['XI-IATI-EC_NEAR', '1'],
      ['XM-DAC-41122', '4'],
    ]);
    expect(activity['recipient-country']['@_code']).toBe('BA');
    expect(activity['activity-date'].map((date: Record<string, string>) => date['@_iso-date'])).toEqual(['2008-01-01', '2012-12-31']);
    expect(activity.budget).toHaveLength(1);
    expect(activity.budget[0].value['#text']).toBe(4100000);
    expect(activity.budget[0].value['@_currency']).toBe('EUR');
    expect(activity.location[0].point.pos).toBe('44.7244 17.3236');
  });

  it('fails the schema when a required element is missing (the validator really checks)', () => {
    const broken = xml.replace(/<iati-identifier>.*<\/iati-identifier>/, '');
    expect(broken).not.toBe(xml);
    expect(validateXml(broken, IATI_ACTIVITIES_XSD).ok).toBe(false);
  });

  it('reports the results framework: results, indicators, baselines, targets and actuals by period and place', () => {
    const { 'iati-activities': root } = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ['result', 'indicator', 'period', 'target', 'actual', 'narrative'].includes(name),
    }).parse(xml);
    const [result, ...others] = root['iati-activity'].result;
    expect(others).toEqual([]);
    expect(result['@_type']).toBe('2');
    expect(result.title.narrative).toEqual(['Bolja zaštita djece', { '#text': 'Better protection of children', '@_xml:lang': 'en' }]);
    expect(result.description.narrative).toEqual([{ '#text': 'Children & families <reached>', '@_xml:lang': 'en' }]);
    const [reach, share] = result.indicator;
    expect([reach['@_measure'], reach['@_ascending'], reach.baseline]).toEqual(['1', '1', undefined]);
    expect(reach.period[0]['period-start']['@_iso-date']).toBe('2011-01-01');
    expect(reach.period[0].target).toEqual([{ '@_value': '5000' }, { '@_value': '400', location: { '@_ref': 'SPIS-celinac' } }]);
    expect(reach.period[0].actual).toBeUndefined();
    expect([share['@_measure'], share.baseline['@_year'], share.baseline['@_value'], share.period[0].actual]).toEqual(['2', '2011', '12.5', [{ '@_value': '45.5' }]]);
  });
});
