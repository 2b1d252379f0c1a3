import { missingCoverAlt } from '../cover-alt-text';

describe('missingCoverAlt', () => {
  it('asks for a description when a version has a cover but no text for it', () => {
    expect(missingCoverAlt({ cover: 12, locale: 'en' })).toBe('The en version has a cover image: describe what it shows (coverAlt) in this language before publishing');
    expect(missingCoverAlt({ cover: { id: 12 }, coverAlt: '   ' })).toMatch(/^This version has a cover image/);
    expect(missingCoverAlt({ cover: [{ id: 12 }], coverAlt: null })).toBeDefined();
  });

  it('lets through a described cover and a version without one', () => {
    expect(missingCoverAlt({ cover: 12, coverAlt: 'Djeca crtaju u vrtiću u Čapljini' })).toBeUndefined();
    expect(missingCoverAlt({ cover: null })).toBeUndefined();
    expect(missingCoverAlt({ cover: [] })).toBeUndefined();
    expect(missingCoverAlt({})).toBeUndefined();
  });
});
