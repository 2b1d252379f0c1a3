import path from 'node:path';
import { fixMixedScriptWords, parseDataset, readDataset, recordKey, SeedDataError } from '../dataset';
import { SEED_FILES, type SeedDataset } from '../schema';

const SEED_DIR = path.join(__dirname, '..', '..', '..', 'database', 'seed');

const problemsOf = (dataset: unknown): string[] => {
  try {
    parseDataset(dataset as Record<string, unknown>);
  } catch (error) {
    if (error instanceof SeedDataError) return error.problems;
    throw error;
  }
  return [];
};

describe('the committed seed files', () => {
  const dataset = readDataset(SEED_DIR);

  it('are valid and hold the SPIS content', () => {
    expect(Object.fromEntries(SEED_FILES.map((file) => [file.name, dataset[file.name].length]))).toEqual({
      programmes: 1,
      phases: 3,
      municipalities: 21,
      workshops: 6,
      'news-articles': 2,
      contacts: 1,
      pages: 11,
      'menu-items': 5,
      results: 1,
      indicators: 1,
    });
  });

  it('give every place the same ASCII slug rule (č ć → c, đ → dj, š → s, ž → z)', () => {
    const slugs = dataset.municipalities.map((m) => recordKey(SEED_FILES[2], m));
    expect(slugs).toEqual(expect.arrayContaining(['celinac', 'brcko-distrikt', 'gornji-vakuf-uskoplje', 'mrkonjic-grad', 'kotor-varos']));
  });

  it('contain exactly the four mixed-script typos of the sources, which the import fixes', () => {
    const { fixes, dataset: fixed } = fixMixedScriptWords(dataset);
    expect(fixes.map((fix) => `${fix.word} → ${fix.fixed}`).sort()).toEqual(['predstavница → predstavnica', 'predstavница → predstavnica', 'дјецe → дјеце', 'дјецe → дјеце']);
    expect(fixMixedScriptWords(fixed).fixes).toEqual([]);
  });
});

describe('parseDataset', () => {
  const valid = (): SeedDataset => readDataset(SEED_DIR);

  it('rejects a missing file', () => {
    const { contacts: _dropped, ...rest } = valid();
    expect(problemsOf(rest)).toEqual([expect.stringMatching(/^contacts\.json › : /)]);
  });

  it('rejects unknown fields, naming them', () => {
    const data = valid();
    (data.contacts[0].fields as Record<string, unknown>).mobile = '+387 61 000 000';
    expect(problemsOf(data)).toEqual([expect.stringContaining('contacts.json › [0].fields: Unrecognized key: "mobile"')]);
  });

  it('rejects an unknown locale', () => {
    const data = valid();
    data.contacts[0].localizations.de = { role: 'Referentin' };
    expect(problemsOf(data)[0]).toMatch(/^contacts\.json › \[0\]\.localizations/);
  });

  it('rejects a canton outside the Federation and a missing one inside it', () => {
    const data = valid();
    data.municipalities[0].fields.canton = 'sarajevo'; // Čelinac is in RS
    expect(problemsOf(data)).toEqual(['municipalities.json › [0].fields.canton: a canton is given exactly for places in the Federation (FBiH)']);
  });

  it('rejects a workshop that ends before it starts', () => {
    const data = valid();
    data.workshops[0].fields.endDate = '2012-02-01';
    expect(problemsOf(data)).toEqual(['workshops.json › [0].fields.endDate: must not be before startDate']);
  });

  it('rejects a duplicate key and a dangling relation', () => {
    const data = valid();
    data.municipalities.push(data.municipalities[0]);
    data['news-articles'][0].relations.workshops = ['nowhere-2012'];
    expect(problemsOf(data)).toEqual([
      'municipalities.json › [21]: slug "celinac" is used twice',
      'news-articles.json › [0].relations.workshops: no workshops record with slug "nowhere-2012"',
    ]);
  });

  it('rejects an e-mail address that is not one', () => {
    const data = valid();
    data.contacts[0].fields.email = 'dunja.smitran(at)mcp.gov.ba';
    expect(problemsOf(data)[0]).toMatch(/^contacts\.json › \[0\]\.fields\.email: /);
  });
});
