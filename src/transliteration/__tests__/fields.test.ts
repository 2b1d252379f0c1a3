import { fieldToCyrillic, type FieldSchema } from '../fields';

const components: Record<string, Record<string, FieldSchema>> = {
  'news.quote': { text: { type: 'text' }, speaker: { type: 'string' } },
  'shared.seo': { metaTitle: { type: 'string' }, canonicalUrl: { type: 'text' }, noIndex: { type: 'boolean' } },
};
const lookup = (uid: string) => components[uid];

describe('fieldToCyrillic', () => {
  it('writes strings and texts in Cyrillic, keeping acronyms and URLs', () => {
    expect(fieldToCyrillic({ type: 'string' }, 'Djeca u Čelincu', lookup)).toBe('Дјеца у Челинцу');
    expect(fieldToCyrillic({ type: 'text' }, 'UNICEF i EU: https://spis.ba/novosti', lookup)).toBe('UNICEF и EU: https://spis.ba/novosti');
  });

  it('converts blocks node by node and leaves code alone', () => {
    const blocks = [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Socijalna zaštita' },
          { type: 'text', text: 'npm ci', code: true },
        ],
      },
      { type: 'code', children: [{ type: 'text', text: 'ljudi' }] },
    ];
    expect(fieldToCyrillic({ type: 'blocks' }, blocks, lookup)).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Социјална заштита' },
          { type: 'text', text: 'npm ci', code: true },
        ],
      },
      { type: 'code', children: [{ type: 'text', text: 'ljudi' }] },
    ]);
  });

  it('follows single and repeatable components field by field', () => {
    expect(fieldToCyrillic({ type: 'component', component: 'news.quote' }, [{ text: 'Hvala', speaker: 'Ljiljana Đukić' }], lookup)).toEqual([
      { text: 'Хвала', speaker: 'Љиљана Ђукић' },
    ]);
    expect(fieldToCyrillic({ type: 'component', component: 'shared.seo' }, { metaTitle: 'Žepče', canonicalUrl: 'https://spis.ba/zepce', noIndex: false }, lookup)).toEqual({
      metaTitle: 'Жепче',
      canonicalUrl: 'https://spis.ba/zepce',
      noIndex: false,
    });
  });

  it('passes through what is not text', () => {
    expect(fieldToCyrillic({ type: 'date' }, '2026-11-23', lookup)).toBe('2026-11-23');
    expect(fieldToCyrillic({ type: 'enumeration' }, 'FBiH', lookup)).toBe('FBiH');
    expect(fieldToCyrillic({ type: 'string' }, null, lookup)).toBeNull();
  });
});
