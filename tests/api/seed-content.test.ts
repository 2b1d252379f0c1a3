/**
 * Every fact the SPIS source documents state is served by the public REST API, in the locale
 * it is written in, with diacritics and Cyrillic byte for byte.
 */
import { api, setupStrapi, teardownStrapi } from '../helpers/strapi';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the API's JSON, read field by field in assertions
type Entry = Record<string, any>;

const list = async (path: string, query: Record<string, string | number> = {}): Promise<Entry[]> => {
  const response = await api()
    .get(`/api/${path}`)
    .query({ 'pagination[pageSize]': 100, ...query });
  expect(response.status).toBe(200);
  return response.body.data;
};

const MIXED_SCRIPT_WORD = /(?=[\p{L}]*\p{Script=Latin})(?=[\p{L}]*\p{Script=Cyrillic})[\p{L}]+/u;

beforeAll(setupStrapi);
afterAll(teardownStrapi);

describe('programme', () => {
  it('is SPIS in bs, en and sr-Cyrl, each text in its own language', async () => {
    const [bs] = await list('programmes', { locale: 'bs', populate: '*' });
    const [en] = await list('programmes', { locale: 'en', populate: '*' });
    const [cyrl] = await list('programmes', { locale: 'sr-Cyrl' });

    expect(bs.acronym).toBe('SPIS');
    expect(bs.slug).toBe('spis');
    expect(bs.name).toBe('Jačanje sistema socijalne zaštite i inkluzije djece u BiH');
    expect(bs.overallObjective).toMatch(/^Cilj SPIS programa je unapređenje sistema socijalne zaštite na svim nivoima vlasti/);
    expect(bs.targetGroups).toBe(
      'Ciljne grupe programa su donositelji politika i stručni radnici koji provode reformu sistema socijalne zaštite, kao i ranjive kategorije djece i porodica.'
    );
    expect(en.overallObjective).toContain('to improve the social protection and inclusion systems at all levels of governance');
    expect(en.summary).toMatch(/^The Programme for Enhancing the Social Protection and Inclusion System for Children in BiH/);
    expect(cyrl.name).toBe('Јачање система социјалне заштите и инклузије дјеце у БиХ');
    expect(await list('programmes', { locale: 'hr' })).toEqual([]);
  });

  it('keeps the five specific objectives (bs, seed 001) in order', async () => {
    const [bs] = await list('programmes', { locale: 'bs', populate: 'specificObjectives' });
    const objectives = bs.specificObjectives.map((objective: Entry) => objective.text);
    expect(objectives).toHaveLength(5);
    expect(objectives[0]).toBe('Jačanje postojećih sistema socijalne zaštite i inkluzije djece praćenjem, analizom i unapređenjem postojećih okvira javne politike.');
    expect(objectives[2]).toBe('Uspostavljanje i provedba općinskih modela za socijalnu zaštitu i inkluziju djece u 11 novih ciljnih općina.');
    expect(objectives[4]).toMatch(/^Bolja javna vidljivost/);
  });

  it('has its funding, reach and implementation levels', async () => {
    const [en] = await list('programmes', { locale: 'en', populate: '*' });
    expect(en.startYear).toBe(2008);
    expect(en.expectedReachChildren).toBe(5000);
    expect(en.funding).toEqual([
      expect.objectContaining({ funder: 'European Union', instrument: 'IPA', amount: 4100000, currency: 'EUR', sinceYear: 2008 }),
      expect.objectContaining({ funder: 'UNICEF' }),
    ]);
    expect(en.implementationLevels.map((level: Entry) => level.level)).toEqual(['community', 'institutions', 'policy']);
    // The three levels' text (seed 003) is its page's now; the description keeps the two paragraphs about the programme.
    expect(en.description.map((block: Entry) => block.type)).toEqual(['paragraph', 'paragraph']);
  });
});

describe('phases', () => {
  it('are I, II and III with only the period bounds the sources give', async () => {
    const phases = await list('phases', { locale: 'en', sort: 'name' });
    expect(phases.map((phase) => [phase.name, phase.periodStart, phase.periodEnd])).toEqual([
      ['I', '2008', null],
      ['II', null, '2011'],
      ['III', '2011', '2012'],
    ]);
    expect(phases[2].focus).toMatch(/^The phase III of the SPIS programme focuses on/);
  });
});

describe('municipalities', () => {
  it('are the 21 places: 11 in phase III, including Brčko distrikt, and 10 from phases I–II', async () => {
    const all = await list('municipalities', { locale: 'bs' });
    expect(all).toHaveLength(21);
    const phaseThree = await list('municipalities', { locale: 'bs', 'filters[phases][name][$eq]': 'III' });
    expect(phaseThree.map((m) => m.name).sort()).toEqual(
      ['Brčko distrikt', 'Čelinac', 'Derventa', 'Gacko', 'Gornji Vakuf-Uskoplje', 'Kupres', 'Mrkonjić Grad', 'Posušje', 'Prnjavor', 'Tešanj', 'Velika Kladuša'].sort()
    );
    const earlier = await list('municipalities', { locale: 'bs', 'filters[phases][name][$in][0]': 'I', 'filters[phases][name][$in][1]': 'II' });
    expect(earlier.map((m) => m.name).sort()).toEqual(
      ['Bileća', 'Kotor Varoš', 'Laktaši', 'Livno', 'Novi Grad', 'Novi Grad Sarajevo', 'Novi Travnik', 'Sanski Most', 'Stolac', 'Višegrad'].sort()
    );
  });

  it('carry entity, canton, coordinates, census and the Cyrillic name', async () => {
    const [celinac] = await list('municipalities', { locale: 'sr-Cyrl', 'filters[slug][$eq]': 'celinac', populate: 'geo' });
    expect(celinac).toMatchObject({ name: 'Челинац', slug: 'celinac', entity: 'RS', canton: null, kind: 'municipality', population2013: 15548 });
    expect(celinac.geo).toMatchObject({ lat: 44.7245, lon: 17.3243 });

    const [brcko] = await list('municipalities', { locale: 'bs', 'filters[slug][$eq]': 'brcko-distrikt' });
    expect(brcko).toMatchObject({ name: 'Brčko distrikt', kind: 'district', entity: 'BD', canton: null });

    const [tesanj] = await list('municipalities', { locale: 'hr', 'filters[slug][$eq]': 'tesanj' });
    expect(tesanj).toMatchObject({ name: 'Tešanj', entity: 'FBiH', canton: 'zenica_doboj' });
  });

  it('exist in all five locales', async () => {
    for (const locale of ['bs', 'hr', 'sr-Latn', 'sr-Cyrl', 'en']) {
      expect(await list('municipalities', { locale })).toHaveLength(21);
    }
  });
});

describe('workshops', () => {
  it('are the six workshops with the dates the sources give', async () => {
    const bs = await list('workshops', { locale: 'bs', sort: 'startDate' });
    const en = await list('workshops', { locale: 'en', sort: 'slug' });
    const dates = (entries: Entry[]) => entries.map((w) => [w.city ?? null, w.startDate, w.endDate]);

    expect(dates(bs)).toEqual([
      ['Teslić', '2012-02-23', '2012-02-24'],
      ['Sarajevo', '2012-02-27', '2012-02-28'],
    ]);
    expect(dates(en)).toEqual([
      ['Jajce', '2012-12-06', '2012-12-06'],
      ['Mostar', '2012-12-13', '2012-12-13'],
      [null, null, null],
      ['Tuzla', '2012-11-19', '2012-11-19'],
    ]);
    expect(en[2].audience).toContain('Sarajevo, Zenica-Doboj and Bosnia-Podrinje Canton');
    expect(en.every((w) => w.timeZone === 'Europe/Sarajevo')).toBe(true);
  });

  it('link the entity workshops to the new municipalities of their entity', async () => {
    const [teslic] = await list('workshops', { locale: 'bs', 'filters[city][$eq]': 'Teslić', populate: 'municipalities' });
    expect(teslic.municipalities.map((m: Entry) => m.slug).sort()).toEqual(['brcko-distrikt', 'celinac', 'derventa', 'gacko', 'mrkonjic-grad', 'prnjavor']);
  });
});

describe('news articles', () => {
  it('are seed 002 in en and seed 004 in bs with its Cyrillic title in sr-Cyrl', async () => {
    const [en] = await list('news-articles', { locale: 'en', populate: 'workshops' });
    expect(en).toMatchObject({
      title: 'Cantonal Workshops on Integrated Approach to Social Protection and Inclusion of Children',
      dateline: 'Sarajevo',
      publicationDate: '2012-11-05',
    });
    expect(en.lead).toMatch(/^Federal Ministry of Labor and Social Policy and UNICEF are organizing/);
    expect(en.workshops).toHaveLength(4);

    const [bs] = await list('news-articles', { locale: 'bs', populate: '*' });
    expect(bs.title).toBe('Pripreme radionice za predstavnike novih opština-općina u programu za Jačanje sistema društvene zaštite i inkluzije za djecu u BiH');
    expect(bs.publicationDate).toBe('2012-02-20');
    expect(bs.quotes).toEqual([expect.objectContaining({ speaker: 'Florence Bauer', role: 'predstavnica UNICEF-a u BiH' })]);
    expect(bs.quotes[0].text).toMatch(/^Vjerujem da saradnja među različitim opštinama/);
    expect(bs.municipalities).toHaveLength(21);
    expect(bs.workshops).toHaveLength(2);

    const [cyrl] = await list('news-articles', { locale: 'sr-Cyrl' });
    expect(cyrl.documentId).toBe(bs.documentId);
    expect(cyrl.title).toBe('Јачање система социјалне заштите и инклузије дјеце у БиХ');
  });
});

describe('contact', () => {
  it('is the SPIS contact at the Ministry of Civil Affairs', async () => {
    const [contact] = await list('contacts', { locale: 'bs', populate: 'programme' });
    expect(contact).toMatchObject({
      name: 'Dunja Šmitran',
      role: 'Stručni saradnik',
      organisation: 'Ministarstvo civilnih poslova BiH',
      address: 'Trg BiH 3, 71000 Sarajevo, BiH',
      phone: '+387 33 492 525',
      fax: '+387 33 492 621',
      email: 'dunja.smitran@mcp.gov.ba',
    });
    expect(contact.programme.acronym).toBe('SPIS');
  });
});

describe('text integrity', () => {
  it('serves no word that mixes Latin and Cyrillic letters, and only NFC text', async () => {
    const texts: string[] = [];
    for (const type of ['programmes', 'phases', 'municipalities', 'workshops', 'news-articles', 'contacts']) {
      const response = await api().get(`/api/${type}`).query({ locale: '*', populate: '*', 'pagination[pageSize]': 100 });
      expect(response.status).toBe(200);
      texts.push(response.text);
    }
    const all = texts.join('\n');
    expect(all).toContain('Čelinac');
    expect(all).toContain('Челинац');
    expect(all.match(MIXED_SCRIPT_WORD)).toBeNull();
    expect(all).toBe(all.normalize('NFC'));
  });
});
