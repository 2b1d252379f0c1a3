/**
 * The "Translation" panel beside a document's form: for a translated language version, the fields
 * whose source text changed after they were translated (with the source's change, word by word,
 * and its old and new text side by side on demand) or that lack text the source has; "mark as up
 * to date" for one field or every out-of-date one, after a confirmation, for staff who may edit
 * this language version (the server checks again). One line when all is up to date; the source
 * version itself says it is the source.
 */
import * as React from 'react';
import { useIntl } from 'react-intl';
import { styled } from 'styled-components';
import { Box, Button, Flex, Grid, Loader, Modal, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { unstable_useDocument as useDocument, unstable_useDocumentLayout as useDocumentLayout, useDocumentRBAC, type PanelComponent } from '@strapi/content-manager/strapi-admin';
import { DEFAULT_LOCALE } from '../../../../locales';
import { Confirmation } from './Confirmation';
import { useConfirmTranslationMutation, useGetTranslationStateQuery, type FieldFreshness } from './api';
import { inFormOrder, useDescribe } from './describe';
import { useLanguageName } from './FreshnessMarks';
import { messages } from './messages';
import { Added, ReadableValue, Removed, WordDiff, WordSide, type Attribute, type Schemas } from './values';

type Props = { model: string; collectionType: string; documentId: string; locale: string };

/** A confirmation asked for: one field (`field`), or every out-of-date field. */
type Pending = { fields: string[]; field?: string };

const Fields = styled.ul`
  display: flex;
  flex-direction: column;
  gap: ${({ theme }) => theme.spaces[3]};
  width: 100%;
`;

function Legend() {
  const { formatMessage } = useIntl();
  return (
    <Typography variant="pi" textColor="neutral700">
      {formatMessage(messages.legend)} <Added>{formatMessage(messages.added)}</Added> <Removed>{formatMessage(messages.removed)}</Removed>
    </Typography>
  );
}

function TranslationState({ model, collectionType, documentId, locale }: Props) {
  const { formatMessage, formatList } = useIntl();
  const { label } = useDescribe(model);
  const language = useLanguageName();
  const { toggleNotification } = useNotification();
  const [pending, setPending] = React.useState<Pending | null>(null);
  const [compared, setCompared] = React.useState<string | null>(null);
  const { data, isLoading, isError } = useGetTranslationStateQuery({ model, documentId, locale });
  const [confirm, { isLoading: confirming }] = useConfirmTranslationMutation();
  // The schemas only: the form's own request has the document.
  const { schema, components } = useDocument({ model, collectionType, documentId, params: { locale } }, { skip: true });
  const { edit } = useDocumentLayout(model);
  const canUpdate = useDocumentRBAC('ContentHistoryTranslation', (rights) => rights.canUpdate);
  const canUpdateFields = useDocumentRBAC('ContentHistoryTranslation', (rights) => rights.canUpdateFields);
  const canUserAction = useDocumentRBAC('ContentHistoryTranslation', (rights) => rights.canUserAction);
  React.useEffect(() => {
    setPending(null);
    setCompared(null);
  }, [documentId, locale]);

  const schemas: Schemas = {
    attributes: (schema?.attributes ?? {}) as Record<string, Attribute>,
    components: (components ?? {}) as unknown as Schemas['components'],
  };
  const mayConfirm = (field: string) => Boolean(canUpdate) && canUserAction(field, canUpdateFields, (schemas.attributes[field]?.type ?? 'string') as never);

  if (isLoading) return <Loader small>{formatMessage(messages.loading)}</Loader>;
  if (isError || !data) return <Typography textColor="danger600">{formatMessage(messages.translationFailed)}</Typography>;
  if (data.fields.length === 0) {
    return (
      <Typography textColor="neutral700">
        {locale === DEFAULT_LOCALE ? formatMessage(messages.isSource, { language: language(locale) }) : formatMessage(messages.untracked)}
      </Typography>
    );
  }
  const source = language(data.fields[0].sourceLocale);
  const byField = new Map(data.fields.filter((state) => state.state !== 'fresh').map((state) => [state.field, state]));
  const needing = inFormOrder(
    [...byField.keys()],
    edit.layout.flat(2).map((field) => field.name)
  ).map((field) => byField.get(field)!);
  if (needing.length === 0) return <Typography textColor="success600">{formatMessage(messages.allFresh, { language: source })}</Typography>;

  const confirmable = needing.filter((state) => state.state === 'stale' && mayConfirm(state.field)).map((state) => state.field);
  const comparedState = compared ? byField.get(compared) : undefined;

  const confirmNow = async () => {
    if (!pending) return;
    const result = await confirm({ model, documentId, locale, fields: pending.fields });
    setPending(null);
    if ('error' in result) {
      toggleNotification({ type: 'danger', message: formatMessage(messages.markRefused, { reason: (result.error as { message?: string }).message ?? '' }) });
      return;
    }
    setCompared(null);
    toggleNotification({ type: 'success', message: pending.field ? formatMessage(messages.markedField, { field: label(pending.field) }) : formatMessage(messages.markedAll) });
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      <Typography textColor="neutral800">{formatMessage(messages.toCheck, { language: source, count: needing.length })}</Typography>
      {needing.some((state) => state.state === 'stale') ? <Legend /> : null}
      <Fields aria-label={formatMessage(messages.fieldList)}>
        {needing.map((state) => (
          <li key={state.field}>
            <FieldState
              state={state}
              model={model}
              schemas={schemas}
              mayConfirm={confirmable.includes(state.field)}
              onCompare={() => setCompared(state.field)}
              onConfirm={() => setPending({ fields: [state.field], field: state.field })}
            />
          </li>
        ))}
      </Fields>
      {confirmable.length > 1 ? (
        <Button variant="secondary" fullWidth onClick={() => setPending({ fields: confirmable })}>
          {formatMessage(messages.markAllFresh)}
        </Button>
      ) : null}
      {comparedState ? (
        <SideBySide
          state={comparedState}
          model={model}
          schemas={schemas}
          mayConfirm={confirmable.includes(comparedState.field)}
          onConfirm={() => {
            // The confirmation replaces the comparison (one dialog at a time).
            setCompared(null);
            setPending({ fields: [comparedState.field], field: comparedState.field });
          }}
          onClose={() => setCompared(null)}
        />
      ) : null}
      <Confirmation
        title={formatMessage(messages.confirmFreshTitle)}
        action={formatMessage(messages.confirmFresh)}
        question={
          pending
            ? pending.field
              ? formatMessage(messages.confirmFreshField, { field: label(pending.field) })
              : formatMessage(messages.confirmFreshAll, { fields: formatList(pending.fields.map(label), { type: 'conjunction' }) })
            : null
        }
        busy={confirming}
        onConfirm={confirmNow}
        onClose={() => setPending(null)}
      />
    </Flex>
  );
}

type FieldProps = { state: FieldFreshness; model: string; schemas: Schemas; mayConfirm: boolean; onCompare: () => void; onConfirm: () => void };

/** One field that needs a look: its state, the source's change (or the text to translate), its actions. */
function FieldState({ state, model, schemas, mayConfirm, onCompare, onConfirm }: FieldProps) {
  const { formatMessage } = useIntl();
  const { label, time } = useDescribe(model);
  const language = useLanguageName();
  const heading = `content-history-translation-${state.field}`;
  const attribute = schemas.attributes[state.field];
  const value = (content: unknown) => <ReadableValue value={content} attribute={attribute} schemas={schemas} names={{}} />;
  const caption = (text: string) => (
    <Typography variant="sigma" textColor="neutral600">
      {text}
    </Typography>
  );
  const stale = state.state === 'stale';
  return (
    <Box tag="section" aria-labelledby={heading} padding={3} hasRadius borderColor="neutral200" background="neutral100">
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography tag="h3" variant="delta" id={heading}>
          {label(state.field)}
        </Typography>
        <Typography variant="pi" textColor="warning700">
          {stale ? formatMessage(messages.staleSince, { time: time(state.since) }) : formatMessage(messages.missingText)}
        </Typography>
        {stale && state.words ? (
          <WordDiff words={state.words} />
        ) : stale ? (
          <>
            {caption(formatMessage(messages.sourceThen, { language: language(state.sourceLocale) }))}
            {value(state.sourceThen)}
            {caption(formatMessage(messages.sourceNow, { language: language(state.sourceLocale) }))}
            {value(state.sourceNow)}
          </>
        ) : (
          <>
            {caption(formatMessage(messages.sourceNow, { language: language(state.sourceLocale) }))}
            {value(state.sourceNow)}
          </>
        )}
        {stale ? (
          <Flex gap={2} wrap="wrap">
            <Button size="S" variant="tertiary" aria-label={formatMessage(messages.sideBySideNamed, { field: label(state.field) })} onClick={onCompare}>
              {formatMessage(messages.sideBySide)}
            </Button>
            {mayConfirm ? (
              <Button size="S" variant="secondary" aria-label={formatMessage(messages.markFreshNamed, { field: label(state.field) })} onClick={onConfirm}>
                {formatMessage(messages.markFresh)}
              </Button>
            ) : null}
          </Flex>
        ) : null}
      </Flex>
    </Box>
  );
}

type SideBySideProps = { state: FieldFreshness; model: string; schemas: Schemas; mayConfirm: boolean; onConfirm: () => void; onClose: () => void };

/** An out-of-date field's source as it was when translated and as it is now, in two columns. */
function SideBySide({ state, model, schemas, mayConfirm, onConfirm, onClose }: SideBySideProps) {
  const { formatMessage } = useIntl();
  const { label } = useDescribe(model);
  const language = useLanguageName();
  const attribute = schemas.attributes[state.field];
  const side = (which: 'before' | 'after') =>
    state.words ? (
      <WordSide words={state.words} side={which} />
    ) : (
      <ReadableValue value={which === 'before' ? state.sourceThen : state.sourceNow} attribute={attribute} schemas={schemas} names={{}} />
    );
  return (
    <Modal.Root open onOpenChange={(open) => (open ? undefined : onClose())}>
      <Modal.Content>
        <Modal.Header closeLabel={formatMessage(messages.close)}>
          <Modal.Title>{label(state.field)}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            {state.words ? <Legend /> : null}
            <Grid.Root gap={4}>
              {(['before', 'after'] as const).map((which) => (
                <Grid.Item key={which} col={6} s={12} direction="column" alignItems="stretch" gap={1}>
                  <Box tag="section" aria-label={formatMessage(which === 'before' ? messages.sourceThen : messages.sourceNow, { language: language(state.sourceLocale) })}>
                    <Typography tag="h3" variant="sigma" textColor="neutral600">
                      {formatMessage(which === 'before' ? messages.sourceThen : messages.sourceNow, { language: language(state.sourceLocale) })}
                    </Typography>
                    {side(which)}
                  </Box>
                </Grid.Item>
              ))}
            </Grid.Root>
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{formatMessage(messages.close)}</Button>
          </Modal.Close>
          {mayConfirm ? <Button onClick={onConfirm}>{formatMessage(messages.markFresh)}</Button> : null}
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
}

/** Shown for a saved language version of the app's localized content. */
export const TranslationPanel: PanelComponent = ({ model, collectionType, documentId, document }) => {
  const { formatMessage } = useIntl();
  if (!documentId || !document || !model.startsWith('api::') || typeof document.locale !== 'string') return null;
  return {
    title: formatMessage(messages.translationTitle),
    content: <TranslationState model={model} collectionType={collectionType} documentId={documentId} locale={document.locale} />,
  };
};
