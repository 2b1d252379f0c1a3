/**
 * JSON Schemas (2020-12, as OpenAPI 3.1 uses them) for what the public content API returns,
 * derived from the content-type and component schemas. Pure functions over plain schema data.
 *
 * The rules follow Strapi's response sanitizer: private attributes and passwords never appear;
 * a field is null when empty unless the schema requires it; relations, components and media are
 * present only when populated; `fields=` may leave any attribute out, so only `id` and
 * `documentId` are required keys.
 */

/** A JSON Schema object (kept loose: it is data for the OpenAPI document). */
export type JsonSchema = Record<string, unknown>;

/** The parts of a Strapi attribute definition the schemas use. */
export type AttributeDefinition = {
  type: string;
  required?: boolean;
  private?: boolean;
  enum?: string[];
  min?: number;
  max?: number;
  minLength?: number;
  maxLength?: number;
  regex?: string;
  multiple?: boolean;
  repeatable?: boolean;
  component?: string;
  relation?: string;
  target?: string;
};

export type Attributes = Record<string, AttributeDefinition>;

export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/** A populated link that may be empty. */
const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });

/** `api::news-article.news-article` → `NewsArticle`; `programme.implementation-level` → `ProgrammeImplementationLevel`. */
export function schemaName(uid: string): string {
  const [, name] = uid.split('::');
  const words = (name ?? uid).split('.').reduce<string[]>((parts, part, index, all) => {
    // A content type repeats its name (`news-article.news-article`); say it once.
    if (index > 0 && part === all[index - 1]) return parts;
    return [...parts, ...part.split(/[-_]/)];
  }, []);
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
}

/** The schema of a scalar attribute's non-null value, with the limits the schema sets. */
function scalarSchema(attribute: AttributeDefinition): JsonSchema | undefined {
  const bounds = { ...(attribute.min !== undefined && { minimum: attribute.min }), ...(attribute.max !== undefined && { maximum: attribute.max }) };
  const lengths = {
    ...(attribute.minLength !== undefined && { minLength: attribute.minLength }),
    ...(attribute.maxLength !== undefined && { maxLength: attribute.maxLength }),
    ...(attribute.regex !== undefined && { pattern: attribute.regex }),
  };
  switch (attribute.type) {
    case 'string':
    case 'text':
    case 'richtext':
    case 'uid':
      return { type: 'string', ...lengths };
    case 'email':
      return { type: 'string', format: 'email', ...lengths };
    case 'enumeration':
      return { type: 'string', enum: attribute.enum ?? [] };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'datetime':
    case 'timestamp':
      return { type: 'string', format: 'date-time' };
    case 'time':
      return { type: 'string', pattern: '^\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?$' };
    case 'integer':
      return { type: 'integer', ...bounds };
    case 'biginteger':
      // Beyond 2^53, so Strapi sends it as a string.
      return { type: 'string', pattern: '^-?\\d+$' };
    case 'float':
    case 'decimal':
      return { type: 'number', ...bounds };
    case 'boolean':
      return { type: 'boolean' };
    case 'json':
      return {};
    case 'blocks':
      return { type: 'array', items: ref('BlocksNode') };
    default:
      return undefined;
  }
}

/** The schema of one attribute as it appears in a response, or undefined if it never does. */
export function attributeSchema(attribute: AttributeDefinition, schemaOf: (uid: string) => string): JsonSchema | undefined {
  if (attribute.private || attribute.type === 'password') return undefined;
  switch (attribute.type) {
    case 'media':
      return attribute.multiple ? { type: 'array', items: ref('UploadFile') } : nullable(ref('UploadFile'));
    case 'component':
      return attribute.repeatable ? { type: 'array', items: ref(schemaOf(attribute.component!)) } : nullable(ref(schemaOf(attribute.component!)));
    case 'relation': {
      if (!attribute.target || attribute.relation?.startsWith('morph')) return undefined;
      const target = ref(schemaOf(attribute.target));
      return attribute.relation?.endsWith('ToMany') ? { type: 'array', items: target } : nullable(target);
    }
    default: {
      const value = scalarSchema(attribute);
      if (!value) return undefined;
      return attribute.required ? value : orNull(value);
    }
  }
}

/** A scalar that may be empty, which Strapi sends as null. */
function orNull(value: JsonSchema): JsonSchema {
  if (value.type === undefined) return value; // JSON: any value, null included
  return { ...value, type: [value.type, 'null'], ...(Array.isArray(value.enum) && { enum: [...value.enum, null] }) };
}

/** The object schema of an entry with these attributes: every key optional but the ones given. */
export function entrySchema(
  attributes: Attributes,
  schemaOf: (uid: string) => string,
  { description, required, extra = {} }: { description?: string; required: Record<string, JsonSchema>; extra?: Record<string, JsonSchema> }
): JsonSchema {
  const properties: Record<string, JsonSchema> = { ...required };
  for (const [name, attribute] of Object.entries(attributes)) {
    if (name in required) continue;
    const schema = attributeSchema(attribute, schemaOf);
    if (schema) properties[name] = schema;
  }
  return {
    type: 'object',
    ...(description && { description }),
    properties: { ...properties, ...extra },
    required: Object.keys(required),
    additionalProperties: false,
  };
}

/** Strapi's blocks editor nodes: blocks with children, down to text leaves with marks. */
export const BLOCKS_NODE: JsonSchema = {
  type: 'object',
  description: 'A node of rich text (Strapi blocks): a block (paragraph, heading, list, quote, code, image) or inline (link, text).',
  properties: {
    type: { type: 'string', examples: ['paragraph', 'heading', 'list', 'list-item', 'quote', 'code', 'image', 'link', 'text'] },
    children: { type: 'array', items: ref('BlocksNode') },
    text: { type: 'string' },
    level: { type: 'integer', minimum: 1, maximum: 6 },
    format: { type: 'string', enum: ['ordered', 'unordered'] },
    url: { type: 'string' },
  },
  required: ['type'],
};
