/**
 * Applies the committed Content Manager views (layouts.ts) at every start, through the Content
 * Manager's own configuration service, after it has synced its defaults with the schemas. A
 * layout naming a field the type lacks, or a row wider than the panel, stops the start with the
 * reason, rather than showing editors a broken view.
 */
import type { Core } from '@strapi/strapi';
import { LAYOUTS, type Layout } from './layouts';
import { ENGLISH_TEXTS, type FieldText } from './texts';

type Attribute = { type: string };
type Metadata = { edit: Record<string, unknown>; list: Record<string, unknown> };
type Configuration = { settings: Record<string, unknown>; metadatas: Record<string, Metadata>; layouts: Record<string, unknown> };

const ROW_WIDTH = 12;
/** Types the panel always shows a full row wide (Strapi's field sizes). */
const FULL_WIDTH = new Set(['component', 'dynamiczone', 'json', 'richtext', 'blocks']);
/** Types a list column cannot show. */
const UNLISTABLE = new Set(['component', 'dynamiczone', 'json', 'richtext', 'blocks', 'password']);

/** What is wrong with a layout for a type with these attributes; empty when nothing. */
export function layoutProblems(layout: Layout, attributes: Record<string, Attribute>): string[] {
  const problems: string[] = [];
  const known = (field: string, where: string) => attributes[field] !== undefined || (problems.push(`${where}: no field "${field}"`), false);
  known(layout.mainField, 'mainField');
  known(layout.defaultSortBy, 'defaultSortBy');
  for (const field of layout.list)
    if (known(field, 'list') && UNLISTABLE.has(attributes[field].type)) problems.push(`list: "${field}" (${attributes[field].type}) cannot be a column`);
  const placed = layout.edit.flat().map(([field]) => field);
  for (const field of placed.filter((field, index) => placed.indexOf(field) !== index)) problems.push(`edit: "${field}" placed twice`);
  layout.edit.forEach((row, index) => {
    const width = row.reduce((sum, [, size]) => sum + size, 0);
    if (width > ROW_WIDTH) problems.push(`edit row ${index + 1}: ${width} wide (at most ${ROW_WIDTH})`);
    for (const [field, size] of row) {
      if (known(field, `edit row ${index + 1}`) && FULL_WIDTH.has(attributes[field].type) && size !== ROW_WIDTH)
        problems.push(`edit: "${field}" (${attributes[field].type}) must be ${ROW_WIDTH} wide`);
    }
  });
  return problems;
}

/** The stored configuration with the layout's settings, views and (English) field texts put in. */
function configure(current: Configuration, layout: Layout, texts: Record<string, FieldText>): Configuration {
  const metadatas = Object.fromEntries(
    Object.entries(current.metadatas).map(([field, metadata]) => {
      const text = texts[field];
      if (!text) return [field, metadata];
      return [field, { edit: { ...metadata.edit, label: text.label, description: text.description ?? '' }, list: { ...metadata.list, label: text.label } }];
    })
  );
  return {
    settings: { ...current.settings, mainField: layout.mainField, defaultSortBy: layout.defaultSortBy, defaultSortOrder: layout.defaultSortOrder },
    metadatas,
    layouts: { ...current.layouts, list: layout.list, edit: layout.edit.map((row) => row.map(([name, size]) => ({ name, size }))) },
  };
}

export async function applyContentManagerLayouts(strapi: Core.Strapi): Promise<void> {
  const service = strapi.plugin('content-manager').service('content-types');
  for (const [uid, layout] of Object.entries(LAYOUTS)) {
    const problems = layoutProblems(layout, strapi.contentTypes[uid as keyof typeof strapi.contentTypes].attributes as Record<string, Attribute>);
    if (problems.length > 0) throw new Error(`The Content Manager layout of ${uid} (src/content-manager/layouts.ts) is invalid: ${problems.join('; ')}`);
    const current = (await service.findConfiguration({ uid })) as Configuration;
    await service.updateConfiguration({ uid }, configure(current, layout, ENGLISH_TEXTS.types[uid].fields));
  }
}
