/**
 * "Out of date" and "Text missing" beside the label of each translated field whose source text
 * changed after it was translated (or has text it lacks), in a saved language version's form.
 * Added through the Content Manager's public `mutate-edit-view-layout` hook as a `labelAction`, as
 * the i18n plugin adds its globe (kept: the mark comes after whatever action a field has). The
 * state is the Translation panel's request (one per document and language, shared by both), so
 * both follow each save and each "mark as up to date".
 */
import * as React from 'react';
import { useIntl } from 'react-intl';
import { useParams } from 'react-router-dom';
import { styled } from 'styled-components';
import { Tooltip } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';
import { useQueryParams } from '@strapi/strapi/admin';
import { useGetTranslationStateQuery, type FieldFreshness } from './api';
import { useDescribe } from './describe';
import { messages, type MessageKey } from './messages';

/** A content language's name in the interface language ("Bosnian", "bosanski"), its code when unknown. */
export function useLanguageName() {
  const { formatMessage } = useIntl();
  return (code: string) => {
    const key = `language.${code}` as MessageKey;
    return key in messages ? formatMessage(messages[key]) : code;
  };
}

type I18nQuery = { plugins?: { i18n?: { locale?: string } } };

/** The translation state of the language version in the edit view on screen (undefined elsewhere: a new document, the list, another page). */
export function useEditViewTranslationState() {
  const { slug: model, id: documentId } = useParams<{ slug: string; id: string }>();
  const [{ query }] = useQueryParams<I18nQuery>();
  const locale = query.plugins?.i18n?.locale;
  const skip = !model?.startsWith('api::') || !documentId || documentId === 'create' || !locale;
  return useGetTranslationStateQuery({ model: model ?? '', documentId: documentId ?? '', locale: locale ?? '' }, { skip });
}

const Mark = styled.span`
  display: inline-flex;
  align-items: center;
  gap: ${({ theme }) => theme.spaces[1]};
  margin-left: ${({ theme }) => theme.spaces[1]};
  padding: 1px ${({ theme }) => theme.spaces[2]};
  border: 1px solid ${({ theme }) => theme.colors.warning200};
  border-radius: ${({ theme }) => theme.borderRadius};
  background: ${({ theme }) => theme.colors.warning100};
  color: ${({ theme }) => theme.colors.warning700};
  font-size: 1.2rem;
  font-weight: 600;
  line-height: 1.6;
  white-space: nowrap;

  svg {
    width: 1.2rem;
    height: 1.2rem;
    fill: currentColor;
  }
`;

/** The mark itself: the state in words, and why on hover. */
export function FreshnessMark({ state, model }: { state: FieldFreshness; model: string }) {
  const { formatMessage } = useIntl();
  const { time } = useDescribe(model);
  const language = useLanguageName();
  if (state.state === 'fresh') return null;
  const why =
    state.state === 'stale'
      ? formatMessage(messages.markStale, { language: language(state.sourceLocale), time: time(state.since) })
      : formatMessage(messages.markMissing, { language: language(state.sourceLocale) });
  return (
    <Tooltip label={why}>
      <Mark data-translation-state={state.state}>
        <WarningCircle aria-hidden focusable={false} />
        {formatMessage(messages[`state.${state.state}`])}
      </Mark>
    </Tooltip>
  );
}

/** A field's label action: what it had (the globe), then the mark when the field needs a look. */
function FieldLabelAction({ field, previous }: { field: string; previous?: React.ReactNode }) {
  const { slug: model } = useParams<{ slug: string }>();
  const { data } = useEditViewTranslationState();
  const state = data?.fields.find((candidate) => candidate.field === field);
  return (
    <>
      {previous}
      {state && model ? <FreshnessMark state={state} model={model} /> : null}
    </>
  );
}

type Field = { name: string; attribute?: { type?: string; pluginOptions?: { i18n?: { localized?: boolean } } }; labelAction?: React.ReactNode };
type Layout = { layout: Field[][][]; options?: { i18n?: { localized?: boolean } } };

/** Links, media and derived slugs are not translated (the server's rules); the rest of a localized type's localized fields are. */
const UNTRANSLATED = new Set(['relation', 'media', 'uid']);
const translated = (field: Field) => field.attribute?.pluginOptions?.i18n?.localized === true && !UNTRANSLATED.has(field.attribute.type ?? '');

/** The `Admin/CM/pages/EditView/mutate-edit-view-layout` hook: the mark beside the top-level translated fields of localized types. */
export function withFreshnessMarks<T extends { layout: Layout }>({ layout, ...rest }: T): T {
  if (layout.options?.i18n?.localized !== true) return { layout, ...rest } as T;
  const marked = (field: Field): Field => (translated(field) ? { ...field, labelAction: <FieldLabelAction field={field.name} previous={field.labelAction} /> } : field);
  return { ...rest, layout: { ...layout, layout: layout.layout.map((panel) => panel.map((row) => row.map(marked))) } } as T;
}
