/**
 * Filter values checked against their attribute's type before the database sees them. Strapi
 * casts a value when it builds the query and throws (a 500) on one it cannot read —
 * `population2013[$gt]=abc`, an id past PostgreSQL's integer range, a date that is not one —
 * and PostgreSQL refuses NUL bytes in text. Here each becomes a message naming the field.
 * Pure functions; query-shape.ts applies them to every filter of every content-API read.
 */
import type { Attribute } from './content-types';

/** Operators that compare text (Strapi builds them with LIKE/ILIKE). */
const TEXT_OPERATORS = new Set(['$eqi', '$nei', '$startsWith', '$endsWith', '$startsWithi', '$endsWithi', '$contains', '$notContains', '$containsi', '$notContainsi']);
const TEXT_TYPES = new Set(['string', 'text', 'richtext', 'email', 'uid', 'enumeration', 'password']);
/** Structured values have no column a filter could compare. */
const UNFILTERABLE_TYPES = new Set(['json', 'blocks', 'dynamiczone']);
const PRESENCE_OPERATORS = new Set(['$null', '$notNull']);
/** Operators whose value must be one of an enumeration's values (others compare text). */
const EXACT_OPERATORS = new Set(['$eq', '$ne', '$in', '$notIn']);

const INT32 = { min: -(2n ** 31n), max: 2n ** 31n - 1n };
const INT64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n };
const BOOLEAN_SPELLINGS = new Set(['true', 'false', 't', 'f', '1', '0']);
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const TIME = /^(2[0-3]|[01]\d):[0-5]\d:[0-5]\d(\.\d{1,3})?$/;

const isCalendarDay = (year: string, month: string, day: string) => {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCFullYear() === Number(year) && date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
};

function wholeNumberInRange(value: unknown, range: { min: bigint; max: bigint }): boolean {
  const text = typeof value === 'number' ? (Number.isInteger(value) ? String(value) : '') : typeof value === 'string' ? value.trim() : '';
  if (!/^[+-]?\d{1,40}$/.test(text)) return false;
  const number = BigInt(text);
  return number >= range.min && number <= range.max;
}

const isFiniteNumber = (value: unknown) =>
  typeof value === 'number' ? Number.isFinite(value) : typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value));

const isBooleanLike = (value: unknown) => typeof value === 'boolean' || value === 0 || value === 1 || (typeof value === 'string' && BOOLEAN_SPELLINGS.has(value.toLowerCase()));

function isDateTime(value: unknown): boolean {
  if (typeof value === 'number') return Number.isSafeInteger(value);
  if (typeof value !== 'string') return false;
  if (/^\d{1,15}$/.test(value)) return true; // milliseconds since 1970, as Strapi reads them
  const parts = DATETIME.exec(value);
  return Boolean(parts && isCalendarDay(parts[1], parts[2], parts[3]) && Number(parts[4] ?? 0) < 24 && Number(parts[5] ?? 0) < 60 && Number(parts[6] ?? 0) < 60);
}

/** What a value of this type must look like, or undefined when any text will do. */
function typeProblem(value: unknown, attribute: Attribute, operator: string): string | undefined {
  switch (attribute.type) {
    case 'integer':
      return wholeNumberInRange(value, INT32) ? undefined : `must be a whole number from ${INT32.min} to ${INT32.max}`;
    case 'biginteger':
      return wholeNumberInRange(value, INT64) ? undefined : `must be a whole number from ${INT64.min} to ${INT64.max}`;
    case 'float':
    case 'decimal':
      return isFiniteNumber(value) ? undefined : 'must be a number';
    case 'boolean':
      return isBooleanLike(value) ? undefined : 'must be true or false';
    case 'date': {
      const parts = typeof value === 'string' ? DATE.exec(value) : null;
      return parts && isCalendarDay(parts[1], parts[2], parts[3]) ? undefined : 'must be a date as YYYY-MM-DD';
    }
    case 'datetime':
    case 'timestamp':
      return isDateTime(value) ? undefined : 'must be a date and time in ISO 8601 (2026-12-15T09:00:00Z)';
    case 'time':
      return typeof value === 'string' && TIME.test(value) ? undefined : 'must be a time as HH:mm:ss';
    case 'enumeration': {
      const values = attribute.enum ?? [];
      return !EXACT_OPERATORS.has(operator) || values.includes(String(value)) ? undefined : `must be one of ${values.join(', ')}`;
    }
    default:
      return undefined;
  }
}

/** Whether a field of this type can be filtered at all; the reason when not. */
export function unfilterableReason(attribute: Attribute): string | undefined {
  return UNFILTERABLE_TYPES.has(attribute.type) ? `a ${attribute.type} field cannot be filtered` : undefined;
}

/**
 * The problem with one plain value given to `operator` on a field of this type, if any
 * (`$eq` for a value given without an operator).
 */
export function filterValueProblem(value: unknown, attribute: Attribute, operator: string): string | undefined {
  if (typeof value === 'string' && value.includes('\0')) return 'must not contain a NUL character';
  if (PRESENCE_OPERATORS.has(operator)) return isBooleanLike(value) ? undefined : 'must be true or false';
  if (TEXT_OPERATORS.has(operator) && !TEXT_TYPES.has(attribute.type)) {
    return `"${operator}" compares text; a ${attribute.type} field takes $eq, $ne, $lt, $lte, $gt, $gte, $in, $notIn, $between, $null or $notNull`;
  }
  if (value === null) return undefined;
  return typeProblem(value, attribute, operator);
}
