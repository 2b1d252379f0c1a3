import { interfaceTextToCyrillic } from '..';

describe('interfaceTextToCyrillic', () => {
  it.each([
    ['Adresa (URL) i RSS kanal', 'Адреса (URL) и RSS канал'],
    ['Kalendar (iCal) i mapa (GeoJSON)', 'Календар (iCal) и мапа (GeoJSON)'],
    ['Faza II programa', 'Фаза II програма'],
    ['Federacija BiH, Čelinac', 'Федерација БиХ, Челинац'],
    ['Dodatak u Strapi panelu', 'Додатак у Strapi панелу'],
  ])('%s → %s', (latin, cyrillic) => {
    expect(interfaceTextToCyrillic(latin)).toBe(cyrillic);
  });
});
