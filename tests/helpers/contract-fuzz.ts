/**
 * Requests generated from the API's own contract: every read operation of the served OpenAPI
 * document with its documented parameters, and every query of the served GraphQL schema with
 * variables of its argument types. Values mix what the contract allows (enum values, numbers in
 * range, real dates) with what an attacker sends (wrong types, huge numbers, NUL characters, SQL,
 * Cyrillic, long strings). Built with fast-check from a seed, so a failing request can be replayed.
 */
import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

type JsonSchema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  $ref?: string;
  properties?: Record<string, JsonSchema>;
  propertyNames?: { enum: string[] };
};
type Parameter = { name: string; in: string; schema?: JsonSchema; $ref?: string };
type Operation = { parameters?: Parameter[]; responses: Record<string, unknown> };
export type OpenApiDocument = {
  paths: Record<string, { get?: Operation }>;
  components: { schemas: Record<string, JsonSchema>; parameters: Record<string, Parameter> };
};

export type RestRequest = { path: string; documented: number[] };
export type GraphqlRequest = { query: string; variables: Record<string, unknown> };

const OPERATORS = [
  '$eq',
  '$eqi',
  '$ne',
  '$nei',
  '$lt',
  '$lte',
  '$gt',
  '$gte',
  '$in',
  '$notIn',
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
  '$null',
  '$notNull',
  '$between',
  '$startsWith',
  '$startsWithi',
  '$endsWith',
  '$endsWithi',
];

const HOSTILE = fc.constantFrom(
  "' OR 1=1 --",
  '"; DROP TABLE municipalities; --',
  '1) UNION SELECT password FROM admin_users --',
  'a\u0000b',
  '\u0000',
  '%',
  '_',
  '\\',
  'Челинац',
  'Čelinac ŠĐŽĆČ',
  '🤖🤖',
  'x'.repeat(3000),
  '12345678901234567890123',
  '-9223372036854775809',
  '1e309',
  'NaN',
  'Infinity',
  '2026-02-30',
  '15.12.2026.',
  '2026-12-15T25:61:00Z',
  '',
  ' ',
  'null',
  'true',
  '__proto__',
  'constructor'
);
const anyText = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 20 }), HOSTILE);

const isoDate = fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true });

/** A value a JSON Schema allows, most of the time; anything at all otherwise. */
function valueOf(schema: JsonSchema | undefined): fc.Arbitrary<string> {
  const type = Array.isArray(schema?.type) ? schema?.type.find((t) => t !== 'null') : schema?.type;
  const valid: fc.Arbitrary<string> | undefined = schema?.enum
    ? fc.constantFrom(...schema.enum.filter((value) => value !== null).map(String))
    : type === 'integer'
      ? fc.integer({ min: schema?.minimum ?? -1_000_000, max: schema?.maximum ?? 1_000_000 }).map(String)
      : type === 'number'
        ? fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map(String)
        : type === 'boolean'
          ? fc.constantFrom('true', 'false', '1', '0', 't', 'f')
          : schema?.format === 'date'
            ? isoDate.map((date) => date.toISOString().slice(0, 10))
            : schema?.format === 'date-time'
              ? isoDate.map((date) => date.toISOString())
              : undefined;
  return valid ? fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: anyText }) : anyText;
}

const resolve = (doc: OpenApiDocument, schema: JsonSchema | undefined): JsonSchema | undefined => {
  if (!schema) return undefined;
  if (schema.$ref) return resolve(doc, doc.components.schemas[schema.$ref.split('/').at(-1) as string]);
  if (schema.anyOf)
    return resolve(
      doc,
      schema.anyOf.find((option) => option.type !== 'null')
    );
  if (schema.type === 'array' && schema.items) return resolve(doc, schema.items);
  return schema;
};

type Pair = [string, string];

/** One filter condition on a model, as query-string pairs under `prefix`. */
function filterPairs(doc: OpenApiDocument, model: JsonSchema, names: string[], prefix: string, depth: number): fc.Arbitrary<Pair[]> {
  const usable = names.filter((name) => model.properties?.[name]);
  if (usable.length === 0) return fc.constant([]);
  return fc.constantFrom(...usable).chain((name) => {
    const property = model.properties?.[name];
    const target = resolve(doc, property);
    // A link: a condition on one of the target's own fields.
    if (target?.properties && depth < 2) {
      const scalars = Object.keys(target.properties).filter((field) => !resolve(doc, target.properties?.[field])?.properties);
      return filterPairs(doc, target, scalars, `${prefix}[${name}]`, depth + 1);
    }
    return fc.constantFrom(...OPERATORS).chain((operator): fc.Arbitrary<Pair[]> => {
      const at = `${prefix}[${name}][${operator}]`;
      if (operator === '$in' || operator === '$notIn' || operator === '$between') {
        return fc.array(valueOf(target), { minLength: 1, maxLength: 3 }).map((values) => values.map((value, i): Pair => [`${at}[${i}]`, value]));
      }
      return valueOf(target).map((value) => [[at, value]]);
    });
  });
}

const parameterOf = (doc: OpenApiDocument, parameter: Parameter): Parameter => (parameter.$ref ? doc.components.parameters[parameter.$ref.split('/').at(-1) as string] : parameter);

/** Query-string pairs for one operation: each documented parameter present or not. */
function queryPairs(doc: OpenApiDocument, model: JsonSchema | undefined, parameters: Parameter[]): fc.Arbitrary<Pair[]> {
  const parts = parameters
    .filter((parameter) => parameter.in === 'query')
    .map((parameter): fc.Arbitrary<Pair[]> => {
      if (parameter.name === 'filters') {
        const names = parameter.schema?.propertyNames?.enum ?? [];
        const condition = filterPairs(
          doc,
          model ?? {},
          names.filter((name) => !name.startsWith('$')),
          'filters',
          0
        );
        const grouped = fc
          .tuple(fc.constantFrom('$or', '$and'), fc.array(condition, { minLength: 1, maxLength: 2 }))
          .map(([group, conditions]) => conditions.flatMap((pairs, i) => pairs.map(([key, value]): Pair => [key.replace(/^filters/, `filters[${group}][${i}]`), value])));
        const negated = condition.map((pairs) => pairs.map(([key, value]): Pair => [key.replace(/^filters/, 'filters[$not]'), value]));
        return fc.option(fc.oneof(condition, grouped, negated), { nil: [] as Pair[], freq: 2 });
      }
      // fields, sort and populate take names of the model's fields (their pattern lists them).
      const value = ['fields', 'sort', 'populate'].includes(parameter.name)
        ? fc.oneof(fc.constantFrom(...Object.keys(model?.properties ?? {}).concat('*')), anyText)
        : valueOf(parameter.schema);
      return fc.option(
        value.map((v): Pair[] => [[parameter.name, v]]),
        { nil: [] as Pair[], freq: 2 }
      );
    });
  return fc.tuple(...parts).map((groups) => groups.flat());
}

const encode = (pairs: Pair[]) => pairs.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&');

/** `count` GET requests over every read operation of the document. */
export function restRequests(doc: OpenApiDocument, documentIds: string[], { seed, count }: { seed: number; count: number }): RestRequest[] {
  const operations = Object.entries(doc.paths).flatMap(([path, item]) => (item.get ? [{ path, operation: item.get }] : []));
  const arbitrary = fc.constantFrom(...operations).chain(({ path, operation }) => {
    const parameters = (operation.parameters ?? []).map((parameter) => parameterOf(doc, parameter));
    const ok = (operation.responses['200'] as { content?: { 'application/json'?: { schema?: JsonSchema } } } | undefined)?.content?.['application/json']?.schema;
    const model = resolve(doc, ok?.properties?.data);
    const documented = Object.keys(operation.responses).map(Number);
    const id = path.includes('{documentId}') ? fc.oneof(fc.constantFrom(...documentIds), anyText) : fc.constant('');
    return fc.tuple(id, queryPairs(doc, model, parameters)).map(([documentId, pairs]): RestRequest => {
      const filled = path.replace('{documentId}', encodeURIComponent(documentId) || '%20');
      return { path: pairs.length ? `${filled}?${encode(pairs)}` : filled, documented };
    });
  });
  return fc.sample(arbitrary, { seed, numRuns: count });
}

/** A GraphQL input value of `type`: of that type most of the time, wrong some of the time. */
function inputOf(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return inputOf(type.ofType, depth);
  if (isListType(type)) return fc.array(inputOf(type.ofType, depth + 1), { maxLength: depth > 2 ? 0 : 3 });
  if (isEnumType(type)) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...type.getValues().map((value) => value.name)) }, { weight: 1, arbitrary: anyText });
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    if (depth > 3 || fields.length === 0) return fc.constant({});
    return fc
      .subarray(fields, { minLength: 1, maxLength: 2 })
      .chain((chosen) => fc.tuple(...chosen.map((field) => inputOf(field.type, depth + 1))).map((values) => Object.fromEntries(chosen.map((field, i) => [field.name, values[i]]))));
  }
  switch (isScalarType(type) ? type.name : '') {
    case 'Int':
      return fc.oneof(fc.integer({ min: -1000, max: 100_000 }), fc.integer(), anyText);
    case 'Float':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), anyText);
    case 'Boolean':
      return fc.oneof({ weight: 4, arbitrary: fc.boolean() }, { weight: 1, arbitrary: anyText });
    case 'Date':
      return fc.oneof(
        isoDate.map((date) => date.toISOString().slice(0, 10)),
        anyText
      );
    case 'DateTime':
      return fc.oneof(
        isoDate.map((date) => date.toISOString()),
        anyText
      );
    case 'Long':
      return fc.oneof(fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String), anyText);
    default:
      return anyText;
  }
}

/** The scalar fields of an object type, and one level of its object fields' scalars. */
function selectionOf(type: GraphQLObjectType, depth: number): fc.Arbitrary<string> {
  const fields = Object.values(type.getFields()).filter((field) => !field.args.some((arg) => isNonNullType(arg.type)));
  const scalars = fields.filter((field) => !isObjectType(getNamedType(field.type))).map((field) => field.name);
  const objects = depth < 1 ? fields.filter((field) => isObjectType(getNamedType(field.type))) : [];
  const nested = objects.length
    ? fc.option(
        fc
          .constantFrom(...objects)
          .chain((field) => selectionOf(getNamedType(field.type) as GraphQLObjectType, depth + 1).map((inner) => (inner ? `${field.name} { ${inner} }` : ''))),
        { nil: '' }
      )
    : fc.constant('');
  const own = scalars.length ? fc.subarray(scalars, { minLength: 1, maxLength: Math.min(4, scalars.length) }) : fc.constant([] as string[]);
  return fc.tuple(own, nested).map(([names, inner]) => [...names, inner].filter(Boolean).join(' '));
}

/** `count` queries over every root query field of the schema, arguments passed as variables. */
export function graphqlRequests(schema: GraphQLSchema, { seed, count }: { seed: number; count: number }): GraphqlRequest[] {
  const queryType = schema.getQueryType();
  if (!queryType) return [];
  const roots = Object.values(queryType.getFields()).filter((field) => isObjectType(getNamedType(field.type)) && !field.name.startsWith('__'));
  const arbitrary = fc.constantFrom(...roots).chain((field) => {
    const args = field.args;
    const values = fc.tuple(...args.map((arg) => fc.option(inputOf(arg.type, 0), { nil: undefined, freq: isNonNullType(arg.type) ? 1000 : 2 })));
    return fc.tuple(values, selectionOf(getNamedType(field.type) as GraphQLObjectType, 0)).map(([argValues, selection]): GraphqlRequest => {
      const used = args.map((arg, i) => ({ arg, value: argValues[i], name: `v${i}` })).filter(({ value }) => value !== undefined);
      const definitions = used.length ? `(${used.map(({ arg, name }) => `$${name}: ${arg.type.toString()}`).join(', ')})` : '';
      const call = used.length ? `(${used.map(({ arg, name }) => `${arg.name}: $${name}`).join(', ')})` : '';
      return {
        query: `query Fuzz${definitions} { ${field.name}${call} { ${selection || '__typename'} } }`,
        variables: Object.fromEntries(used.map(({ name, value }) => [name, value])),
      };
    });
  });
  return fc.sample(arbitrary, { seed, numRuns: count });
}
