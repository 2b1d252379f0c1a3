/**
 * The programme as an IATI activity (IATI Standard 2.03, `iati-activities` file): title and
 * description in every language, the EU (funding) and UNICEF (implementing, reporting) as
 * participating organisations, dates from the programme and its phases, Bosnia and Herzegovina
 * as recipient country, a location per municipality, the EU budget and the results framework
 * (results, their indicators, baselines, and targets and actuals per period and place). Pure; the order of
 * elements follows the schema's sequence. Organisation identifiers: UNICEF XM-DAC-41122, the
 * European Commission's DG NEAR (which runs IPA) XI-IATI-EC_NEAR.
 */
import { create } from 'xmlbuilder2';
import { exactXmlText } from './xml-text';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';

const UNICEF = { ref: 'XM-DAC-41122', type: '40', name: 'UNICEF' };
const EUROPEAN_COMMISSION = { ref: 'XI-IATI-EC_NEAR', type: '15', name: 'European Union' };
const WGS84 = 'http://www.opengis.net/def/crs/EPSG/0/4326';

export type IatiProgramme = {
  acronym: string;
  startYear: number;
  /** The last year of the latest phase. */
  endYear: number;
  updatedAt: string;
  /** Name and summary per locale; the default locale first. */
  texts: { locale: string; name: string; summary: string }[];
  funding: { funder: string; amount: number | null; currency: string | null }[];
  municipalities: { slug: string; name: string; lat: number; lon: number }[];
  results: IatiResult[];
};

/** A text in each language it is written in, the default locale's first. */
type Texts = { locale: string; title: string; description: string | null }[];

/** A value of a period, overall and by municipality (slug). */
export type IatiValues = { value: number | null; places: { slug: string; value: number }[] };

export type IatiIndicator = {
  texts: Texts;
  measure: 'unit' | 'percentage';
  ascending: boolean;
  baseline: { year: number; value: number | null } | null;
  periods: { start: string; end: string; target: IatiValues; actual: IatiValues }[];
};

export type IatiResult = { type: 'output' | 'outcome' | 'impact' | 'other'; texts: Texts; indicators: IatiIndicator[] };

/** IATI codelists: ResultType and IndicatorMeasure. */
const RESULT_TYPE = { output: '1', outcome: '2', impact: '3', other: '9' } as const;
const MEASURE = { unit: '1', percentage: '2' } as const;

const narratives = (parent: XMLBuilder, texts: { locale: string; text: string }[], defaultLocale: string) => {
  for (const { locale, text } of texts) parent.ele('narrative', locale === defaultLocale ? {} : { 'xml:lang': locale }).txt(exactXmlText(text));
};

const titled = (parent: XMLBuilder, texts: Texts, defaultLocale: string) => {
  narratives(
    parent.ele('title'),
    texts.map(({ locale, title }) => ({ locale, text: title })),
    defaultLocale
  );
  const described = texts.filter((entry): entry is Texts[number] & { description: string } => Boolean(entry.description));
  if (described.length > 0)
    narratives(
      parent.ele('description'),
      described.map(({ locale, description }) => ({ locale, text: description })),
      defaultLocale
    );
};

/** A period's target or actual: the overall value, then one element per place that has its own. */
const values = (period: XMLBuilder, name: 'target' | 'actual', { value, places }: IatiValues, acronym: string) => {
  if (value !== null) period.ele(name, { value: String(value) });
  for (const place of places) period.ele(name, { value: String(place.value) }).ele('location', { ref: `${acronym}-${place.slug}` });
};

function renderResult(activity: XMLBuilder, result: IatiResult, acronym: string, defaultLocale: string) {
  const element = activity.ele('result', { type: RESULT_TYPE[result.type] });
  titled(element, result.texts, defaultLocale);
  for (const indicator of result.indicators) {
    const measured = element.ele('indicator', { measure: MEASURE[indicator.measure], ascending: indicator.ascending ? '1' : '0' });
    titled(measured, indicator.texts, defaultLocale);
    if (indicator.baseline)
      measured.ele('baseline', { year: String(indicator.baseline.year), ...(indicator.baseline.value !== null ? { value: String(indicator.baseline.value) } : {}) });
    for (const period of indicator.periods) {
      const element = measured.ele('period');
      element.ele('period-start', { 'iso-date': period.start });
      element.ele('period-end', { 'iso-date': period.end });
      values(element, 'target', period.target, acronym);
      values(element, 'actual', period.actual, acronym);
    }
  }
}

export function renderIatiActivities(programme: IatiProgramme, generatedAt: Date): string {
  const defaultLocale = programme.texts[0]?.locale ?? 'en';
  const start = `${programme.startYear}-01-01`;
  const end = `${programme.endYear}-12-31`;
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('iati-activities', {
    version: '2.03',
    'generated-datetime': generatedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  });
  const activity = root.ele('iati-activity', {
    'last-updated-datetime': new Date(programme.updatedAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'xml:lang': defaultLocale,
    'default-currency': 'EUR',
  });
  activity.ele('iati-identifier').txt(`${UNICEF.ref}-BA-${programme.acronym}`);
  narratives(activity.ele('reporting-org', { ref: UNICEF.ref, type: UNICEF.type }), [{ locale: defaultLocale, text: UNICEF.name }], defaultLocale);
  narratives(
    activity.ele('title'),
    programme.texts.map(({ locale, name }) => ({ locale, text: name })),
    defaultLocale
  );
  narratives(
    activity.ele('description', { type: '1' }),
    programme.texts.map(({ locale, summary }) => ({ locale, text: summary })),
    defaultLocale
  );
  // Roles: 1 funding, 4 implementing.
  narratives(
    activity.ele('participating-org', { ref: EUROPEAN_COMMISSION.ref, role: '1', type: EUROPEAN_COMMISSION.type }),
    [{ locale: defaultLocale, text: EUROPEAN_COMMISSION.name }],
    defaultLocale
  );
  narratives(activity.ele('participating-org', { ref: UNICEF.ref, role: '4', type: UNICEF.type }), [{ locale: defaultLocale, text: UNICEF.name }], defaultLocale);
  activity.ele('activity-status', { code: '2' });
  // Types: 2 actual start, 3 planned end.
  activity.ele('activity-date', { 'iso-date': start, type: '2' });
  activity.ele('activity-date', { 'iso-date': end, type: '3' });
  activity.ele('recipient-country', { code: 'BA', percentage: '100' });
  for (const place of programme.municipalities) {
    const location = activity.ele('location', { ref: `${programme.acronym}-${place.slug}` });
    narratives(location.ele('name'), [{ locale: defaultLocale, text: place.name }], defaultLocale);
    location.ele('point', { srsName: WGS84 }).ele('pos').txt(`${place.lat} ${place.lon}`);
    location.ele('exactness', { code: '1' });
    location.ele('location-class', { code: '1' });
  }
  for (const funding of programme.funding.filter((entry) => entry.amount !== null && entry.currency)) {
    const budget = activity.ele('budget', { type: '1', status: '2' });
    budget.ele('period-start', { 'iso-date': start });
    budget.ele('period-end', { 'iso-date': end });
    budget.ele('value', { currency: funding.currency as string, 'value-date': start }).txt(String(funding.amount));
  }
  // A result needs at least one indicator (the schema's minimum).
  for (const result of programme.results.filter((candidate) => candidate.indicators.length > 0)) renderResult(activity, result, programme.acronym, defaultLocale);
  return root.end({ prettyPrint: true });
}
