/**
 * What changed between two versions, field by field, as an editor reads it: texts (and rich
 * text, as its paragraphs) word by word, everything else as its old and new value. Pure.
 */
import { diffArrays } from 'diff';
import type { Shape } from './snapshot';

export type WordChange = { text: string; change: 'same' | 'added' | 'removed' };
export type FieldDiff = { field: string; before: unknown; after: unknown; words?: WordChange[] };

const TEXT_TYPES = new Set(['string', 'text', 'richtext', 'uid', 'email']);

type Block = { type?: string; text?: unknown; children?: Block[] };

/** Rich text (Strapi's blocks) as plain text: one paragraph per block, list items on their own lines. */
export function blocksText(blocks: unknown): string {
  const textOf = (node: Block): string => (typeof node.text === 'string' ? node.text : (node.children ?? []).map(textOf).join(node.type === 'list' ? '\n' : ''));
  return Array.isArray(blocks) ? (blocks as Block[]).map(textOf).join('\n\n') : '';
}

/** The text a field's value reads as, or undefined when it is not text. */
function readableText(type: string | undefined, value: unknown): string | undefined {
  if (value === null || value === undefined) return type && (TEXT_TYPES.has(type) || type === 'blocks') ? '' : undefined;
  if (type === 'blocks') return blocksText(value);
  return type && TEXT_TYPES.has(type) && typeof value === 'string' ? value : undefined;
}

/**
 * A text's words (letters of any script with their combining marks, and digits), runs of
 * spaces, line breaks and single other characters: every character in one token. jsdiff's own
 * word diff knows only Latin letters, and splits a Cyrillic word (or a decomposed "č") into
 * characters, so a Serbian Cyrillic edit read as letters shuffled about.
 */
const TOKENS = /\r\n|[\r\n]|[\p{L}\p{M}\p{N}_\u00AD]+|[^\S\r\n]+|[^\p{L}\p{M}\p{N}_\u00AD\s]/gu;

export function wordDiff(before: string, after: string): WordChange[] {
  const tokens = (text: string) => text.match(TOKENS) ?? [];
  return diffArrays(tokens(before), tokens(after)).map((part) => ({ text: part.value.join(''), change: part.added ? 'added' : part.removed ? 'removed' : 'same' }));
}

/** The fields that differ between two versions' values (null: the version has no content, e.g. unpublished). */
export function diffVersions(shape: Shape, before: Record<string, unknown> | null, after: Record<string, unknown> | null): FieldDiff[] {
  const fields = Object.keys(shape).filter((name) => JSON.stringify(before?.[name] ?? null) !== JSON.stringify(after?.[name] ?? null));
  return fields.map((field) => {
    const [old, current] = [before?.[field] ?? null, after?.[field] ?? null];
    const type = shape[field].kind === 'scalar' ? (shape[field] as { type: string }).type : undefined;
    const [oldText, newText] = [readableText(type, old), readableText(type, current)];
    return oldText !== undefined && newText !== undefined ? { field, before: old, after: current, words: wordDiff(oldText, newText) } : { field, before: old, after: current };
  });
}

/**
 * The Document Service data that puts `fields` (all when none named) of a version's values back:
 * components are written anew from their values, links by the documentIds they point to.
 */
export function restoreData(shape: Shape, values: Record<string, unknown>, fields?: string[]): Record<string, unknown> {
  const names = fields ?? Object.keys(shape);
  return Object.fromEntries(names.filter((name) => name in shape).map((name) => [name, values[name] ?? null]));
}
