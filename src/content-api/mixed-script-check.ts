/**
 * Words that mix Latin and Cyrillic letters are typing slips (see src/transliteration/mixed-script.ts).
 * A write containing one is refused with a field-level message that suggests the fix; the
 * admin panel shows it under the field, so the editor sees it on save.
 */
import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { attributesOf, type Attribute } from './content-types';
import { findMixedScriptWords } from '../transliteration/mixed-script';

const TEXT_TYPES = new Set(['string', 'text', 'richtext']);

type Problem = { path: Array<string | number>; message: string };

/** The mixed-script words in a value of the given attribute, following components and blocks. */
function problemsIn(strapi: Core.Strapi, attribute: Attribute, value: unknown, path: Array<string | number>): Problem[] {
  const words = (text: string) =>
    findMixedScriptWords(text).map(({ word, fixed }) => ({
      path,
      message: `"${word}" mixes Latin and Cyrillic letters; did you mean "${fixed}"?`,
    }));
  if (TEXT_TYPES.has(attribute.type) && typeof value === 'string') return words(value);
  if (attribute.type === 'blocks' && Array.isArray(value)) {
    const texts: string[] = [];
    const collect = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const { text, children } = node as { text?: unknown; children?: unknown };
      if (typeof text === 'string') texts.push(text);
      if (Array.isArray(children)) children.forEach(collect);
    };
    value.forEach(collect);
    return texts.flatMap(words);
  }
  if (attribute.type === 'component' && attribute.component && value && typeof value === 'object') {
    const inner = attributesOf(strapi, attribute.component);
    const items = Array.isArray(value) ? value : [value];
    return items.flatMap((item, index) =>
      Object.entries((item ?? {}) as Record<string, unknown>).flatMap(([name, v]) =>
        inner[name] ? problemsIn(strapi, inner[name], v, Array.isArray(value) ? [...path, index, name] : [...path, name]) : []
      )
    );
  }
  return [];
}

/** The Document Service middleware (src/document-pipeline.ts places it). */
export function mixedScriptCheck(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    const data = (context.params as { data?: Record<string, unknown> }).data;
    if ((context.action !== 'create' && context.action !== 'update') || !context.uid.startsWith('api::') || !data) return next();
    const attributes = attributesOf(strapi, context.uid);
    const problems = Object.entries(data).flatMap(([name, value]) => (attributes[name] ? problemsIn(strapi, attributes[name], value, [name]) : []));
    if (problems.length > 0) {
      throw new errors.ValidationError(problems.length === 1 ? problems[0].message : `${problems.length} words mix Latin and Cyrillic letters`, {
        errors: problems.map((problem) => ({ ...problem, name: 'ValidationError' })),
      });
    }
    return next();
  };
  return middleware;
}
