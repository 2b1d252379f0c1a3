import { relinkedDocuments, type InverseLinks } from '../inverse-links';

const NEWS = 'api::news-article.news-article';
const MUNICIPALITY = 'api::municipality.municipality';

const links = (versions: Record<string, Record<string, string[]>>): InverseLinks =>
  new Map(Object.entries(versions).map(([version, byType]) => [version, new Map(Object.entries(byType).map(([uid, ids]) => [uid, new Set(ids)]))]));

describe('relinkedDocuments', () => {
  it('names the documents that gained or lost a link, by type then id', () => {
    const before = links({ 'bs/draft': { [NEWS]: ['b', 'a'], [MUNICIPALITY]: ['m1'] } });
    const after = links({ 'bs/draft': { [NEWS]: ['a', 'c'], [MUNICIPALITY]: ['m1'] } });
    expect(relinkedDocuments(before, after)).toEqual([
      { uid: NEWS, documentId: 'b' },
      { uid: NEWS, documentId: 'c' },
    ]);
  });

  it('counts a version that appeared or went away (a publish, an unpublish) as all its links moving', () => {
    const draft = { 'bs/draft': { [NEWS]: ['a'] } };
    const published = links({ ...draft, 'bs/published': { [NEWS]: ['a'], [MUNICIPALITY]: ['m2'] } });
    expect(relinkedDocuments(links(draft), published)).toEqual([
      { uid: MUNICIPALITY, documentId: 'm2' },
      { uid: NEWS, documentId: 'a' },
    ]);
    expect(relinkedDocuments(published, links(draft))).toEqual(relinkedDocuments(links(draft), published));
  });

  it('names a document once however many versions moved it, and none when nothing moved', () => {
    const before = links({ 'bs/draft': { [NEWS]: [] }, 'en/draft': { [NEWS]: [] } });
    const after = links({ 'bs/draft': { [NEWS]: ['a'] }, 'en/draft': { [NEWS]: ['a'] } });
    expect(relinkedDocuments(before, after)).toEqual([{ uid: NEWS, documentId: 'a' }]);
    expect(relinkedDocuments(after, links({ 'en/draft': { [NEWS]: ['a'] }, 'bs/draft': { [NEWS]: ['a'] } }))).toEqual([]);
  });
});
