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
});
