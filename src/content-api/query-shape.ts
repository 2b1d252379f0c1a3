/**
 * The shape of `filters`, `fields` and `sort`, checked against the content model before a read
 * runs. Strapi's strict parameters reject unknown names, but its query builder throws (a 500)
 * on operators in the wrong place (`filters[$eq]=x`, `filters[id][name]=x`), objects where a
 * value belongs (`filters[locale][$ne][$containsi]=x`), a `$between` without two bounds, or
 * `fields[0]=__proto__`. Pure functions over a schema lookup; queryShapeCheck applies
 * them to every content-API read (REST and GraphQL).
 */
import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { attributesOf, contentApiRequest, isAppContentRead, targetOf, type Attribute } from './content-types';
import { filterValueProblem, unfilterableReason } from './filter-values';
import { populateCost, populatesIntoMedia } from './populate';

const GROUP = new Set(['$and', '$or']);
const ATTRIBUTE_OPERATORS = new Set([
  '$not',
  '$in',
  '$notIn',
  '$eq',
  '$eqi',
  '$ne',
  '$nei',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$null',
  '$notNull',
  '$between',
  '$startsWith',
  '$endsWith',
  '$startsWithi',
  '$endsWithi',
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
]);
const LIST_OPERATORS = new Set(['$in', '$notIn']);
/** Columns every entry has besides its schema attributes. */
const SYSTEM_FIELDS: Record<string, Attribute> = { id: { type: 'integer' }, documentId: { type: 'string' } };
const systemField = (name: string): Attribute | undefined => (Object.hasOwn(SYSTEM_FIELDS, name) ? SYSTEM_FIELDS[name] : undefined);
const LINK_TYPES = new Set(['relation', 'component', 'media']);

export type SchemaLookup = (uid: string) => Record<string, Attribute>;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
const isScalar = (value: unknown) => value === null || ['string', 'number', 'boolean'].includes(typeof value);
/** qs gives a list as an object with numeric keys once it has more than its array limit. */
const asList = (value: unknown): unknown[] | undefined =>
  Array.isArray(value) ? value : isPlainObject(value) && Object.keys(value).every((key) => /^\d+$/.test(key)) ? Object.values(value) : undefined;

function valueProblem(value: unknown, attribute: Attribute, path: string, schema: SchemaLookup, operator = '$eq'): string | undefined {
  if (LINK_TYPES.has(attribute.type)) {
    const target = targetOf(attribute);
    return target ? whereProblem(value, target, path, schema) : `${path}: cannot be filtered`;
  }
  const unfilterable = unfilterableReason(attribute);
  if (unfilterable) return `${path}: ${unfilterable}`;
  const checked = (item: unknown, at: string, itemOperator: string) => {
    const problem = filterValueProblem(item, attribute, itemOperator);
    return problem ? `${at}: ${problem}` : undefined;
  };
  if (isScalar(value)) return checked(value, path, operator);
  const list = asList(value);
  if (list) return list.every(isScalar) ? list.map((item) => checked(item, path, '$in')).find(Boolean) : `${path}: a list of values must hold plain values`;
  if (!isPlainObject(value)) return `${path}: must be a value or operators`;
  for (const [operator, operand] of Object.entries(value)) {
    const at = `${path}[${operator}]`;
    let problem: string | undefined;
    if (!ATTRIBUTE_OPERATORS.has(operator)) return `${at}: "${operator}" is not an operator for a field (use $eq, $in, $containsi, …)`;
    if (operator === '$not') {
      problem = valueProblem(operand, attribute, at, schema);
    } else if (operator === '$between') {
      const bounds = asList(operand);
      if (!bounds || bounds.length !== 2 || !bounds.every(isScalar)) return `${at}: takes exactly two values`;
      problem = bounds.map((bound) => checked(bound, at, operator)).find(Boolean);
    } else if (LIST_OPERATORS.has(operator)) {
      const items = asList(operand) ?? [operand];
      if (!items.every(isScalar)) return `${at}: takes plain values`;
      problem = items.map((item) => checked(item, at, operator)).find(Boolean);
    } else if (!isScalar(operand)) {
      return `${at}: takes a plain value`;
    } else {
      problem = checked(operand, at, operator);
    }
    if (problem) return problem;
  }
  return undefined;
}

/** The first problem with a `filters` value on the model `uid`, if any. */
export function whereProblem(filters: unknown, uid: string, path: string, schema: SchemaLookup): string | undefined {
  if (filters === undefined || filters === null) return undefined;
  const list = asList(filters);
  if (list) return list.map((item, i) => whereProblem(item, uid, `${path}[${i}]`, schema)).find(Boolean);
  if (!isPlainObject(filters)) return `${path}: must be an object of fields and operators`;
  const attributes = schema(uid);
  for (const [key, value] of Object.entries(filters)) {
    const at = `${path}[${key}]`;
    let problem: string | undefined;
    if (GROUP.has(key)) {
      const items = asList(value);
      problem = items ? items.map((item, i) => whereProblem(item, uid, `${at}[${i}]`, schema)).find(Boolean) : `${at}: takes a list of conditions`;
    } else if (key === '$not') {
      problem = whereProblem(value, uid, at, schema);
    } else if (key.startsWith('$')) {
      problem = `${at}: only $and, $or and $not may stand here; "${key}" belongs under a field`;
    } else if (systemField(key)) {
      problem = valueProblem(value, systemField(key) as Attribute, at, schema);
    } else if (Object.hasOwn(attributes, key)) {
      problem = valueProblem(value, attributes[key], at, schema);
    } else {
      problem = `${at}: unknown field "${key}"`;
    }
    if (problem) return problem;
  }
  return undefined;
}

const fieldNames = (value: unknown): unknown[] => (typeof value === 'string' ? value.split(',') : (asList(value) ?? [value]));

/** The first problem with `fields` (plain attributes of the model), if any. */
export function fieldsProblem(fields: unknown, uid: string, schema: SchemaLookup): string | undefined {
  if (fields === undefined || fields === '*') return undefined;
  const attributes = schema(uid);
  for (const name of fieldNames(fields)) {
    const field = typeof name === 'string' ? name.trim() : name;
    if (typeof field !== 'string' || !(systemField(field) || (Object.hasOwn(attributes, field) && !LINK_TYPES.has(attributes[field].type)))) {
      return `fields: unknown field ${JSON.stringify(field)}`;
    }
  }
  return undefined;
}

/** The first problem with a `sort` given as `name`, `name:desc`, `link.name:asc` or a list of them. */
export function sortProblem(sort: unknown, uid: string, schema: SchemaLookup): string | undefined {
  if (sort === undefined) return undefined;
  for (const item of fieldNames(sort)) {
    if (typeof item !== 'string') continue; // object forms are checked by Strapi's strict parameters
    const [path, direction, ...rest] = item.trim().split(':');
    if (rest.length > 0 || (direction !== undefined && !/^(asc|desc)$/i.test(direction))) return `sort: "${item}" must be field, field:asc or field:desc`;
    let model = uid;
    const steps = path.split('.');
    for (const [index, step] of steps.entries()) {
      const attributes = schema(model);
      const attribute = Object.hasOwn(attributes, step) ? attributes[step] : systemField(step);
      if (!attribute) return `sort: unknown field "${path}"`;
      const target = targetOf(attribute);
      if (index < steps.length - 1) {
        if (!LINK_TYPES.has(attribute.type) || !target) return `sort: "${path}" goes through a field that is not a link`;
        model = target;
      } else if (LINK_TYPES.has(attribute.type)) {
        return `sort: "${path}" is a link; sort on one of its fields`;
      }
    }
  }
  return undefined;
}

/** Where a NUL character hides in a read's parameters (PostgreSQL refuses it in text), if anywhere. */
export function nulCharacterAt(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\0') ? path : undefined;
  if (typeof value !== 'object' || value === null || depth > 20) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const at = key.includes('\0') ? path : nulCharacterAt(item, `${path}[${key}]`, depth + 1);
    if (at) return at;
  }
  return undefined;
}

const SINGLE_READS = new Set(['findOne', 'findFirst']);

/** The Document Service middleware (src/document-pipeline.ts places it). */
export function queryShapeCheck(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const schema: SchemaLookup = (uid) => attributesOf(strapi, uid);
  const { populateRows } = strapi.config.get('limits') as { populateRows: number };
  const defaultPageSize = Number(strapi.config.get('api.rest.defaultLimit', 25));
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    if (!isAppContentRead(context) || !contentApiRequest(strapi)) return next();
    const params = context.params as { filters?: unknown; fields?: unknown; sort?: unknown; populate?: unknown; limit?: unknown };
    const nul = Object.entries(params)
      .map(([name, value]) => nulCharacterAt(value, name))
      .find(Boolean);
    if (nul) throw new errors.ValidationError(`${nul}: must not contain a NUL character`, { source: 'query', param: nul });
    const problems: Array<[string, string | undefined]> = [
      ['filters', whereProblem(params.filters, context.uid, 'filters', schema)],
      ['fields', fieldsProblem(params.fields, context.uid, schema)],
      ['sort', sortProblem(params.sort, context.uid, schema)],
    ];
    const found = problems.find(([, problem]) => problem);
    if (found) throw new errors.ValidationError(found[1] as string, { source: 'query', param: found[0] });
    if (populatesIntoMedia(params.populate, context.uid, schema)) {
      throw new errors.ValidationError("populate: a file's own links (related) are not available; populate the file itself", { source: 'query', param: 'populate' });
    }
    if (params.populate !== undefined) {
      const entries = SINGLE_READS.has(context.action) ? 1 : Number(params.limit ?? defaultPageSize);
      const cost = populateCost(params.populate, context.uid, Number.isFinite(entries) && entries > 0 ? entries : defaultPageSize, schema);
      if (cost > populateRows) {
        throw new errors.ValidationError(`populate: this request may read ${cost} rows; the limit is ${populateRows}. Ask for smaller pages or fewer nested links.`, {
          source: 'query',
          param: 'populate',
          cost,
          limit: populateRows,
        });
      }
    }
    return next();
  };
  return middleware;
}
