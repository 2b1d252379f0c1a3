import { firstFreeSlug, toSlug } from '../index';

describe('toSlug', () => {
  it.each([
    ['Čelinac', 'celinac'],
    ['Ђурђевдан', 'djurdjevdan'],
    ['Brčko distrikt', 'brcko-distrikt'],
    ['Gornji Vakuf/Uskoplje', 'gornji-vakuf-uskoplje'],
    ['Јачање система социјалне заштите и инклузије дјеце у БиХ', 'jacanje-sistema-socijalne-zastite-i-inkluzije-djece-u-bih'],
    ['  Radionica: „Za svako dijete“ (2012.)  ', 'radionica-za-svako-dijete-2012'],
    ['Џеп, ЉУБАВ, Њива', 'dzep-ljubav-njiva'],
  ])('%s → %s', (title, slug) => {
    expect(toSlug(title)).toBe(slug);
  });

  it('stops at a word boundary within 80 characters', () => {
    const slug = toSlug('Pripreme radionice za predstavnike novih opština-općina u programu za Jačanje sistema društvene zaštite');
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toBe('pripreme-radionice-za-predstavnike-novih-opstina-opcina-u-programu-za-jacanje');
  });

  it('gives nothing for a title without letters or digits', () => {
    expect(toSlug('– … –')).toBe('');
  });
});

describe('firstFreeSlug', () => {
  it('numbers a slug that is taken', () => {
    expect(firstFreeSlug('gacko', new Set())).toBe('gacko');
    expect(firstFreeSlug('gacko', new Set(['gacko']))).toBe('gacko-2');
    expect(firstFreeSlug('gacko', new Set(['gacko', 'gacko-2', 'gacko-3']))).toBe('gacko-4');
  });
});
