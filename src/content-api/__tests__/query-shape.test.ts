import type { Attribute } from '../content-types';
import { fieldsProblem, sortProblem, whereProblem, type SchemaLookup } from '../query-shape';

const models: Record<string, Record<string, Attribute>> = {
  'api::municipality.municipality': {
    name: { type: 'string' },
    population2013: { type: 'integer' },
    body: { type: 'blocks' },
    geo: { type: 'component', component: 'geo.point' },
    phases: { type: 'relation', relation: 'manyToMany', target: 'api::phase.phase' },
  },
  'api::phase.phase': { name: { type: 'enumeration', enum: ['phase-1', 'phase-2'] } },
  'geo.point': { lat: { type: 'float' }, lon: { type: 'float' } },
};
const schema: SchemaLookup = (uid) => models[uid];
const where = (filters: unknown) => whereProblem(filters, 'api::municipality.municipality', 'filters', schema);

describe('whereProblem', () => {
  it.each([
    [{ name: 'Gacko' }],
    [{ name: { $containsi: 'gac' } }],
    [{ name: ['Gacko', 'Tuzla'] }],
    [{ population2013: { $between: ['1000', '5000'] } }],
    [{ id: { $in: ['1', '2'] } }],
    [{ documentId: { $eq: 'abc' } }],
    [{ $or: [{ name: 'Gacko' }, { $not: { population2013: { $lt: 1000 } } }] }],
    [{ name: { $not: { $eq: 'Gacko' } } }],
    [{ phases: { name: { $eq: 'phase-1' } } }],
    [{ geo: { lat: { $gt: 44 } } }],
    [{ $or: Object.fromEntries(Array.from({ length: 120 }, (_, i) => [String(i), { name: `x${i}` }])) }],
    [undefined],
  ])('accepts %j', (filters) => {
    expect(where(filters)).toBeUndefined();
  });

  it.each([
    [{ $eq: 'x' }, 'filters[$eq]: only $and, $or and $not may stand here; "$eq" belongs under a field'],
    [{ id: { name: { $and: 'true' } } }, 'filters[id][name]: "name" is not an operator for a field (use $eq, $in, $containsi, …)'],
    [{ name: { $and: ['x'] } }, 'filters[name][$and]: "$and" is not an operator for a field (use $eq, $in, $containsi, …)'],
    [{ name: { $ne: { $containsi: 'x' } } }, 'filters[name][$ne]: takes a plain value'],
    [{ population2013: { $between: '5' } }, 'filters[population2013][$between]: takes exactly two values'],
    [{ population2013: { $in: [{ $gt: 1 }] } }, 'filters[population2013][$in]: takes plain values'],
    [{ nope: 'x' }, 'filters[nope]: unknown field "nope"'],
    [{ __proto__x: 'x' }, 'filters[__proto__x]: unknown field "__proto__x"'],
    [{ $or: 'x' }, 'filters[$or]: takes a list of conditions'],
    [{ phases: { $eq: 'x' } }, 'filters[phases][$eq]: only $and, $or and $not may stand here; "$eq" belongs under a field'],
    ['x', 'filters: must be an object of fields and operators'],
    [{ population2013: { $gt: 'abc' } }, 'filters[population2013][$gt]: must be a whole number from -2147483648 to 2147483647'],
    [{ id: { $eq: '12345678901234567890123' } }, 'filters[id][$eq]: must be a whole number from -2147483648 to 2147483647'],
    [{ id: ['1', 'x'] }, 'filters[id]: must be a whole number from -2147483648 to 2147483647'],
    [{ population2013: { $between: ['1', 'z'] } }, 'filters[population2013][$between]: must be a whole number from -2147483648 to 2147483647'],
    [{ geo: { lat: { $gt: 'x' } } }, 'filters[geo][lat][$gt]: must be a number'],
    [{ body: { $contains: 'x' } }, 'filters[body]: a blocks field cannot be filtered'],
    [
      { population2013: { $containsi: '1' } },
      'filters[population2013][$containsi]: "$containsi" compares text; a integer field takes $eq, $ne, $lt, $lte, $gt, $gte, $in, $notIn, $between, $null or $notNull',
    ],
    [{ phases: { name: { $in: ['phase-1', 'phase-9'] } } }, 'filters[phases][name][$in]: must be one of phase-1, phase-2'],
    [{ name: { $not: { $eq: 'a\u0000b' } } }, 'filters[name][$not][$eq]: must not contain a NUL character'],
    [{ name: { $null: 'maybe' } }, 'filters[name][$null]: must be true or false'],
  ])('refuses %j', (filters, message) => {
    expect(where(filters)).toBe(message);
  });
});

describe('fieldsProblem and sortProblem', () => {
  const uid = 'api::municipality.municipality';

  it('accepts plain fields and sorts through links', () => {
    expect(fieldsProblem(['name', 'id', 'documentId'], uid, schema)).toBeUndefined();
    expect(fieldsProblem('name,population2013', uid, schema)).toBeUndefined();
    expect(sortProblem(['name:asc', 'population2013:DESC', 'phases.name', 'geo.lat:desc'], uid, schema)).toBeUndefined();
  });

  it('refuses unknown names, links as fields and odd directions', () => {
    expect(fieldsProblem(['__proto__'], uid, schema)).toBe('fields: unknown field "__proto__"');
    expect(fieldsProblem(['phases'], uid, schema)).toBe('fields: unknown field "phases"');
    expect(sortProblem('../../etc/passwd', uid, schema)).toBe('sort: unknown field "../../etc/passwd"');
    expect(sortProblem('name:sideways', uid, schema)).toBe('sort: "name:sideways" must be field, field:asc or field:desc');
    expect(sortProblem('name.first', uid, schema)).toBe('sort: "name.first" goes through a field that is not a link');
    expect(sortProblem('phases', uid, schema)).toBe('sort: "phases" is a link; sort on one of its fields');
  });
});
