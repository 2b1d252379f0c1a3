/**
 * Document fields in Cyrillic, following the schema: text fields are transliterated, blocks
 * node by node, components field by field; numbers, dates and enumerations pass through.
 * Inside text, toCyrillic keeps URLs, e-mail addresses and Latin acronyms.
 */
import { toCyrillic, transliterateBlocks } from './index';

export type FieldSchema = { type: string; component?: string };

/** The attributes of a component, by its uid. */
export type ComponentSchemas = (componentUid: string) => Record<string, FieldSchema>;

const TEXT_TYPES = new Set(['string', 'text', 'richtext']);

export function fieldToCyrillic(attribute: FieldSchema, value: unknown, components: ComponentSchemas): unknown {
  if (TEXT_TYPES.has(attribute.type) && typeof value === 'string') return toCyrillic(value);
  if (attribute.type === 'blocks' && Array.isArray(value)) return transliterateBlocks(value, toCyrillic);
  if (attribute.type === 'component' && attribute.component && value && typeof value === 'object') {
    const inner = components(attribute.component);
    const convert = (item: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(item).map(([name, v]) => [name, inner[name] ? fieldToCyrillic(inner[name], v, components) : v]));
    return Array.isArray(value) ? value.map(convert) : convert(value as Record<string, unknown>);
  }
  return value;
}
