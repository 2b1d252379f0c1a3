import { check } from '@placemarkio/check-geojson';
import { municipalitiesToGeoJson, type MunicipalityDocument } from '../municipalities-geojson';

const celinac: MunicipalityDocument = {
  documentId: 'm1',
  name: 'Челинац',
  slug: 'celinac',
  kind: 'municipality',
  entity: 'RS',
  canton: null,
  population2013: 15548,
  geo: { lat: 44.7244, lon: 17.3236 },
  phases: [{ name: 'III' }, { name: 'II' }],
};

describe('municipalitiesToGeoJson', () => {
  it('writes RFC 7946 points in longitude, latitude order with the place facts', () => {
    const collection = municipalitiesToGeoJson([celinac], 'sr-Cyrl');
    expect(() => check(JSON.stringify(collection))).not.toThrow();
    const [feature] = collection.features;
    expect(feature.geometry).toEqual({ type: 'Point', coordinates: [17.3236, 44.7244] });
    expect(feature.properties).toEqual({
      name: 'Челинац',
      slug: 'celinac',
      locale: 'sr-Cyrl',
      kind: 'municipality',
      entity: 'RS',
      canton: null,
      population2013: 15548,
      phases: ['II', 'III'],
    });
  });

  it('keeps a place without coordinates, unlocated', () => {
    const collection = municipalitiesToGeoJson([{ ...celinac, geo: null }], 'bs');
    expect(() => check(JSON.stringify(collection))).not.toThrow();
    expect(collection.features[0].geometry).toBeNull();
  });
});
