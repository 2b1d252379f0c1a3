/**
 * The programme's municipalities as a GeoJSON FeatureCollection (RFC 7946): one Point per
 * place, coordinates in longitude, latitude order (WGS 84), with the phases it took part in
 * and its entity and canton. Pure: documents in, a plain object out.
 */
export type MunicipalityDocument = {
  documentId: string;
  name: string;
  slug: string;
  kind: string;
  entity: string;
  canton: string | null;
  population2013: number | null;
  geo: { lat: number; lon: number } | null;
  phases: { name: string }[];
};

type Feature = {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] } | null;
  properties: Record<string, unknown>;
};

export function municipalitiesToGeoJson(municipalities: MunicipalityDocument[], locale: string) {
  const features: Feature[] = municipalities.map((municipality) => ({
    type: 'Feature',
    id: municipality.documentId,
    // A place without coordinates stays in the list, unlocated (RFC 7946 §3.2 allows a null geometry).
    geometry: municipality.geo ? { type: 'Point', coordinates: [municipality.geo.lon, municipality.geo.lat] } : null,
    properties: {
      name: municipality.name,
      slug: municipality.slug,
      locale,
      kind: municipality.kind,
      entity: municipality.entity,
      canton: municipality.canton,
      population2013: municipality.population2013,
      phases: municipality.phases.map((phase) => phase.name).sort(),
    },
  }));
  return { type: 'FeatureCollection' as const, features };
}
