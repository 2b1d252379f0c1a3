/**
 * Row values in a form that reads the same whichever database wrote them. Strapi's column
 * types (as its schema inspector names them) decide: PostgreSQL returns timestamps as Dates
 * and SQLite as epoch milliseconds, SQLite returns booleans as 0/1, and both return JSON
 * columns as text (whose spacing and key order PostgreSQL normalizes).
 */
const TIMESTAMP_TYPES = new Set(['datetime', 'timestamp']);
const JSON_TYPES = new Set(['json', 'jsonb']);

export class UnportableValueError extends Error {}

/** A value as the backup file keeps it: timestamps as ISO strings, JSON parsed, booleans as booleans. */
export function toPortable(value: unknown, columnType: string): unknown {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value)) throw new UnportableValueError(`binary values (${columnType}) are not supported`);
  if (TIMESTAMP_TYPES.has(columnType)) {
    if (value instanceof Date) return value.toISOString();
    if (typeof value === 'number') return new Date(value).toISOString();
    return value;
  }
  if (JSON_TYPES.has(columnType) && typeof value === 'string') {
    try {
      return JSON.parse(value);
    } catch {
      throw new UnportableValueError(`a ${columnType} column holds text that is not JSON`);
    }
  }
  if (columnType === 'boolean' && typeof value === 'number') return value !== 0;
  if (value instanceof Date) return value.toISOString();
  return value;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * The value to hand the database driver on restore. Timestamps become Dates again, so the
 * driver stores them exactly as Strapi's own writes do; JSON is sent as text.
 */
export function fromPortable(value: unknown, columnType: string): unknown {
  if (value === null || value === undefined) return null;
  if (TIMESTAMP_TYPES.has(columnType) && typeof value === 'string' && ISO_INSTANT.test(value)) return new Date(value);
  if (JSON_TYPES.has(columnType)) return JSON.stringify(value);
  return value;
}
