import { cyrillicToLatin, latinToCyrillic } from '../serbian';

describe('latinToCyrillic', () => {
  it.each([
    ['Čelinac', 'Челинац'],
    ['Mrkonjić Grad', 'Мркоњић Град'],
    ['Laktaši', 'Лакташи'],
    ['Višegrad', 'Вишеград'],
    ['Gornji Vakuf-Uskoplje', 'Горњи Вакуф-Ускопље'],
    ['džep', 'џеп'],
    ['Đurđevdan', 'Ђурђевдан'],
    ['LJUBLJANA', 'ЉУБЉАНА'],
    ['Ljubljana', 'Љубљана'],
    ['NJEGOŠ', 'ЊЕГОШ'],
    ['DŽEP', 'ЏЕП'],
  ])('%s → %s', (latin, cyrillic) => {
    expect(latinToCyrillic(latin)).toBe(cyrillic);
  });

  it('reads the one-character digraphs ǉ ǌ ǆ', () => {
    expect(latinToCyrillic('ǉubav ǌiva ǆep ǈubav')).toBe('љубав њива џеп Љубав');
  });

  it('composes decomposed diacritics before mapping (c + combining caron is č)', () => {
    expect(latinToCyrillic('C\u030celinac')).toBe('Челинац');
  });

  it('keeps digits, punctuation and letters outside the alphabet', () => {
    expect(latinToCyrillic('2012. (x, y, w, q)')).toBe('2012. (x, y, w, q)');
  });
});

describe('cyrillicToLatin', () => {
  it.each([
    ['Челинац', 'Čelinac'],
    ['Мркоњић Град', 'Mrkonjić Grad'],
    ['Брчко дистрикт', 'Brčko distrikt'],
    ['Љубљана', 'Ljubljana'],
    ['ЉУБЉАНА', 'LJUBLJANA'],
    ['ЏЕП', 'DŽEP'],
    ['Џеп', 'Džep'],
    ['Јачање система социјалне заштите', 'Jačanje sistema socijalne zaštite'],
  ])('%s → %s', (cyrillic, latin) => {
    expect(cyrillicToLatin(cyrillic)).toBe(latin);
  });

  it('round-trips every place name of the seed', () => {
    const names = ['Čelinac', 'Derventa', 'Gacko', 'Kupres', 'Posušje', 'Prnjavor', 'Tešanj', 'Velika Kladuša', 'Bileća', 'Kotor Varoš'];
    for (const name of names) expect(cyrillicToLatin(latinToCyrillic(name))).toBe(name);
  });
});
