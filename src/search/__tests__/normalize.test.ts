import { buildSearchIndex, searchKey, searchTerms } from '../normalize';

describe('searchKey', () => {
  it.each([
    ['Čelinac', 'celinac'],
    ['ČELINAC', 'celinac'],
    ['Челинац', 'celinac'],
    ['celinac', 'celinac'],
    ['Đurđevik', 'djurdjevik'],
    ['Ђурђевик', 'djurdjevik'],
    ['Djurdjevik', 'djurdjevik'],
    ['Tešanj', 'tesanj'],
    ['Мркоњић Град', 'mrkonjic grad'],
    ['Gornji Vakuf-Uskoplje', 'gornji vakuf uskoplje'],
    ['Žepče, 2012.', 'zepce 2012'],
    ['C\u030celinac', 'celinac'],
  ])('%s → %s', (text, key) => {
    expect(searchKey(text)).toBe(key);
  });
});

describe('searchTerms', () => {
  it('folds, deduplicates and drops one-letter words', () => {
    expect(searchTerms('Radionica u Tesliću, radionica!')).toEqual(['radionica', 'teslicu']);
    expect(searchTerms('  ')).toEqual([]);
    expect(searchTerms('faza 3')).toEqual(['faza', '3']);
  });
});

describe('buildSearchIndex', () => {
  it('collects the text of strings and blocks', () => {
    const blocks = [{ type: 'paragraph', children: [{ type: 'text', text: 'Djeca u Čelincu' }] }];
    expect(buildSearchIndex(['Радионица', blocks, null, 42])).toBe(' radionica djeca u celincu ');
  });
});
