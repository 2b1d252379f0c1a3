/**
 * A recorded value as an editor reads it: dates the local way, enumeration values, links and
 * files by their names, components field by field under their labels; and a text's changes word
 * by word, added words underlined on green and removed ones struck through on red (the lines
 * say it without the colours), in one text or as its old and new text side by side.
 */
import * as React from 'react';
import { useIntl } from 'react-intl';
import { styled } from 'styled-components';
import { Box, Flex, Typography } from '@strapi/design-system';
import { useAuth, useFetchClient } from '@strapi/strapi/admin';
import type { FieldChange, WordChange } from './api';
import { messages } from './messages';

/** What the Content Manager's schemas say of an attribute (the part read here). */
export type Attribute = {
  type: string;
  component?: string;
  components?: string[];
  target?: string;
  multiple?: boolean;
  repeatable?: boolean;
};
export type Schemas = {
  attributes: Record<string, Attribute>;
  /** Components' attributes by uid. */
  components: Record<string, { attributes: Record<string, Attribute> }>;
};
/** Linked documents (by documentId) and files (by id) as their names. */
export type Names = Record<string, string>;

export const Added = styled.ins`
  padding: 0 2px;
  border-radius: 2px;
  background: ${({ theme }) => theme.colors.success100};
  color: ${({ theme }) => theme.colors.success700};
  text-decoration: underline;
  text-decoration-thickness: 2px;
  text-underline-offset: 2px;
`;

export const Removed = styled.del`
  padding: 0 2px;
  border-radius: 2px;
  background: ${({ theme }) => theme.colors.danger100};
  color: ${({ theme }) => theme.colors.danger700};
  text-decoration: line-through;
  text-decoration-thickness: 2px;

  & + ins {
    margin-left: 0.25em;
  }
`;

const Prose = styled.p`
  white-space: pre-wrap;
  overflow-wrap: anywhere;
  line-height: 1.6;
`;

/** A text's changes, word by word. */
export function WordDiff({ words }: { words: WordChange[] }) {
  return (
    <Typography tag="div" variant="omega">
      <Prose>
        {words.map((word, index) =>
          word.change === 'added' ? <Added key={index}>{word.text}</Added> : word.change === 'removed' ? <Removed key={index}>{word.text}</Removed> : word.text
        )}
      </Prose>
    </Typography>
  );
}

/** One side of a text's changes: the old text with its removed words marked, or the new text with its added words. */
export function WordSide({ words, side }: { words: WordChange[]; side: 'before' | 'after' }) {
  const other = side === 'before' ? 'added' : 'removed';
  return (
    <Typography tag="div" variant="omega">
      <Prose>
        {words
          .filter((word) => word.change !== other)
          .map((word, index) =>
            word.change === 'added' ? <Added key={index}>{word.text}</Added> : word.change === 'removed' ? <Removed key={index}>{word.text}</Removed> : word.text
          )}
      </Prose>
    </Typography>
  );
}

export const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

type Block = { type?: string; text?: unknown; children?: Block[] };

/** Rich text as its paragraphs (as the server compares it). */
const blocksText = (blocks: unknown): string => {
  const textOf = (node: Block): string => (typeof node.text === 'string' ? node.text : (node.children ?? []).map(textOf).join(node.type === 'list' ? '\n' : ''));
  return Array.isArray(blocks) ? (blocks as Block[]).map(textOf).join('\n\n') : '';
};

const NUMBERS = new Set(['integer', 'biginteger', 'float', 'decimal']);

type ValueProps = { value: unknown; attribute?: Attribute; schemas: Schemas; names: Names };

/** One value, readable. */
export function ReadableValue({ value, attribute, schemas, names }: ValueProps) {
  const { formatMessage, formatDate, formatNumber } = useIntl();
  if (isEmpty(value)) {
    return (
      <Typography variant="omega" textColor="neutral600">
        <em>{formatMessage(messages.empty)}</em>
      </Typography>
    );
  }
  const text = (content: React.ReactNode) => (
    <Typography tag="div" variant="omega">
      <Prose>{content}</Prose>
    </Typography>
  );
  switch (attribute?.type) {
    case 'boolean':
      return text(formatMessage(value ? messages.yes : messages.no));
    case 'date':
      return text(formatDate(String(value), { dateStyle: 'short', timeZone: 'UTC' }));
    case 'datetime':
      return text(formatDate(String(value), { dateStyle: 'short', timeStyle: 'short' }));
    case 'time':
      return text(String(value).slice(0, 5));
    case 'enumeration':
      return text(formatMessage({ id: String(value), defaultMessage: String(value) }));
    case 'blocks':
      return text(blocksText(value));
    case 'json':
      return text(JSON.stringify(value, null, 2));
    case 'relation':
    case 'media':
      return text(
        [value]
          .flat()
          .map((id) => names[String(id)] ?? `#${id}`)
          .join(', ')
      );
    case 'component': {
      const uid = attribute.component ?? '';
      const items = [value].flat() as Array<Record<string, unknown>>;
      return <Items items={items.map((item) => ({ uid, item }))} schemas={schemas} names={names} />;
    }
    case 'dynamiczone': {
      const items = value as Array<Record<string, unknown> & { __component: string }>;
      return <Items items={items.map(({ __component, ...item }) => ({ uid: __component, item }))} schemas={schemas} names={names} />;
    }
    default:
      if (attribute && NUMBERS.has(attribute.type) && typeof value === 'number') return text(formatNumber(value));
      return text(typeof value === 'string' ? value : JSON.stringify(value));
  }
}

/** Component items, each as its fields under their labels. */
function Items({ items, schemas, names }: { items: Array<{ uid: string; item: Record<string, unknown> }>; schemas: Schemas; names: Names }) {
  const { formatMessage } = useIntl();
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      {items.map(({ uid, item }, index) => {
        const attributes = schemas.components[uid]?.attributes ?? {};
        return (
          <Box key={index} padding={2} hasRadius borderColor="neutral200" background="neutral0">
            <Flex direction="column" alignItems="stretch" gap={1}>
              {Object.entries(item)
                .filter(([name]) => name in attributes)
                .map(([name, inner]) => (
                  <Box key={name}>
                    <Typography variant="pi" fontWeight="bold" textColor="neutral600">
                      {formatMessage({ id: `content-manager.content-types.${uid}.${name}`, defaultMessage: name })}
                    </Typography>
                    <ReadableValue value={inner} attribute={attributes[name]} schemas={schemas} names={names} />
                  </Box>
                ))}
            </Flex>
          </Box>
        );
      })}
    </Flex>
  );
}

type Permission = { action: string; subject?: string | null };
type Layout = { name: string; mainField?: { name: string } };

/**
 * The names of the documents and files the changed link and media fields point to, fetched as the
 * Content Manager and the Media Library would (only when the staff member may read them there).
 */
export function useNames(changes: FieldChange[], schemas: Schemas, layout: Layout[], locale: string | undefined, localized: (uid: string) => boolean): Names {
  const { get } = useFetchClient();
  const permissions = useAuth('ContentHistoryNames', (state) => state.permissions) as Permission[];
  const [names, setNames] = React.useState<Names>({});
  const may = (action: string, subject?: string) => permissions.some((permission) => permission.action === action && (!subject || permission.subject === subject));
  const ids = (change: FieldChange) => [change.before, change.after].flat().filter((id) => id !== null && id !== undefined) as Array<string | number>;
  const wanted = changes.filter((change) => ['relation', 'media'].includes(schemas.attributes[change.field]?.type ?? '') && ids(change).length > 0);
  const key = JSON.stringify(wanted.map((change) => [change.field, ids(change)]));
  React.useEffect(() => {
    let current = true;
    const found: Names = {};
    const requests = wanted.map(async (change) => {
      const attribute = schemas.attributes[change.field];
      const unique = [...new Set(ids(change).map(String))];
      if (attribute.type === 'media') {
        if (!may('plugin::upload.read')) return;
        const { data } = await get<{ results: Array<{ id: number; name: string }> }>('/upload/files', {
          params: { page: 1, pageSize: 100, filters: { id: { $in: unique } } },
        });
        for (const file of data.results) found[String(file.id)] = file.name;
        return;
      }
      const target = attribute.target ?? '';
      if (!may('plugin::content-manager.explorer.read', target)) return;
      const mainField = layout.find((field) => field.name === change.field)?.mainField?.name ?? 'documentId';
      const { data } = await get<{ results: Array<Record<string, unknown> & { documentId: string }> }>(`/content-manager/collection-types/${target}`, {
        params: { page: 1, pageSize: 100, filters: { documentId: { $in: unique } }, ...(locale && localized(target) ? { locale } : {}) },
      });
      for (const document of data.results) found[document.documentId] = String(document[mainField] ?? document.documentId);
    });
    Promise.allSettled(requests).then(() => current && setNames(found));
    return () => {
      current = false;
    };
    // `key` stands for the changed fields and the ids they hold.
  }, [key, locale]);
  return names;
}
