/**
 * One version opened: what changed since the version before it (or any other version chosen),
 * field by field, and restoring the whole version or one field into the draft, after a
 * confirmation. Restoring is offered only to staff whose rights let them edit this language
 * version (and that field); the server checks again, and its refusal is shown as it says it.
 */
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Box, Button, Field, Flex, Grid, Loader, Modal, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useNotification, useQueryParams } from '@strapi/strapi/admin';
import { unstable_useDocument as useDocument, unstable_useDocumentLayout as useDocumentLayout, useDocumentRBAC } from '@strapi/content-manager/strapi-admin';
import { useGetContentHistoryVersionQuery, useGetContentHistoryVersionsQuery, useRestoreContentHistoryVersionMutation, type FieldChange, type VersionDetail } from './api';
import { Confirmation } from './Confirmation';
import { inFormOrder, StatusBadge, useDescribe } from './describe';
import { messages } from './messages';
import { Added, isEmpty, ReadableValue, Removed, useNames, WordDiff, type Attribute, type Names, type Schemas } from './values';

/** The select's value for "the version before it" (the server's default). */
const PREVIOUS = 'previous';

type Props = { id: number; model: string; collectionType: string; documentId: string; locale?: string; onClose: () => void };

/** A restore the staff member is asked to confirm: the whole version, or one field. */
type Pending = { field?: string };

type Localized = { uid: string; pluginOptions?: { i18n?: { localized?: boolean } } };

export function VersionModal({ id, model, collectionType, documentId, locale, onClose }: Props) {
  const { formatMessage } = useIntl();
  const describe = useDescribe(model);
  const { toggleNotification } = useNotification();
  const [{ query }, setQuery] = useQueryParams<{ status?: string }>();
  const [compareTo, setCompareTo] = React.useState(PREVIOUS);
  const [pending, setPending] = React.useState<Pending | null>(null);

  const { data, isLoading, isError } = useGetContentHistoryVersionQuery({ id, compareTo: compareTo === PREVIOUS ? undefined : Number(compareTo) });
  const { data: list } = useGetContentHistoryVersionsQuery({ model, documentId, locale, page: 1, pageSize: 100 });
  // The schemas only: the form's own request has the document.
  const { schema, schemas: types = [], components } = useDocument({ model, collectionType, documentId, params: { locale } }, { skip: true });
  const { edit } = useDocumentLayout(model);
  const canUpdate = useDocumentRBAC('ContentHistoryVersion', (rights) => rights.canUpdate);
  const canUpdateFields = useDocumentRBAC('ContentHistoryVersion', (rights) => rights.canUpdateFields);
  const canUserAction = useDocumentRBAC('ContentHistoryVersion', (rights) => rights.canUserAction);
  const [restore, { isLoading: restoring }] = useRestoreContentHistoryVersionMutation();

  const schemas: Schemas = {
    attributes: (schema?.attributes ?? {}) as Record<string, Attribute>,
    components: (components ?? {}) as unknown as Schemas['components'],
  };
  const localized = (uid: string) => (types as Localized[]).find((type) => type.uid === uid)?.pluginOptions?.i18n?.localized === true;
  const layout = edit.layout.flat(2);
  const names = useNames(data?.changes ?? [], schemas, layout, locale, localized);
  const order = layout.map((field) => field.name);

  const version = data?.version;
  const restorable = Boolean(canUpdate && version?.values);
  const mayRestoreField = (field: string) => restorable && canUserAction(field, canUpdateFields, (schemas.attributes[field]?.type ?? 'string') as never);

  const confirmRestore = async () => {
    if (!pending || !version) return;
    const label = pending.field ? describe.label(pending.field) : undefined;
    const result = await restore({ id: version.id, fields: pending.field ? [pending.field] : undefined, model, documentId });
    setPending(null);
    if ('error' in result) {
      toggleNotification({ type: 'danger', message: formatMessage(messages.refused, { reason: result.error.message ?? '' }) });
      return;
    }
    toggleNotification({
      type: 'success',
      message: label ? formatMessage(messages.restoredField, { field: label }) : formatMessage(messages.restoredVersion, { time: describe.time(version.at) }),
    });
    // The restore is in the draft: show it there.
    if (query.status === 'published') setQuery({ status: 'draft' });
    onClose();
  };

  const others = (list?.results ?? []).filter((other) => other.id !== id);
  return (
    <Modal.Root open onOpenChange={(open) => (open ? undefined : onClose())}>
      <Modal.Content>
        <Modal.Header closeLabel={formatMessage(messages.close)}>
          <Flex gap={3}>
            <Modal.Title>{formatMessage(messages.versionTitle, { time: version ? describe.time(version.at) : '…' })}</Modal.Title>
            {version ? <StatusBadge status={version.status} /> : null}
          </Flex>
        </Modal.Header>
        <Modal.Body>
          {isLoading ? (
            <Loader>{formatMessage(messages.loading)}</Loader>
          ) : isError || !data || !version ? (
            <Typography textColor="danger600">{formatMessage(messages.versionFailed)}</Typography>
          ) : (
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Typography>{describe.how(version)}</Typography>
              <Field.Root name="compareTo" hint={formatMessage(messages.compareHint)}>
                <Field.Label>{formatMessage(messages.compareTo)}</Field.Label>
                <SingleSelect value={compareTo} onChange={(value) => setCompareTo(String(value))}>
                  <SingleSelectOption value={PREVIOUS}>{formatMessage(messages.previous)}</SingleSelectOption>
                  {others.map((other) => (
                    <SingleSelectOption key={other.id} value={String(other.id)}>
                      {`${describe.time(other.at)} · ${describe.status(other.status)} · ${describe.how(other)}`}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
                <Field.Hint />
              </Field.Root>
              <Changes detail={data} model={model} order={order} schemas={schemas} names={names} mayRestore={mayRestoreField} onRestore={(field) => setPending({ field })} />
            </Flex>
          )}
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{formatMessage(messages.close)}</Button>
          </Modal.Close>
          {restorable ? <Button onClick={() => setPending({})}>{formatMessage(messages.restoreVersion)}</Button> : null}
        </Modal.Footer>
      </Modal.Content>
      <Confirmation
        title={formatMessage(messages.confirmTitle)}
        action={formatMessage(messages.confirm)}
        question={
          pending && version
            ? pending.field
              ? formatMessage(messages.confirmField, { field: describe.label(pending.field), time: describe.time(version.at) })
              : formatMessage(messages.confirmVersion, { time: describe.time(version.at) })
            : null
        }
        busy={restoring}
        onConfirm={confirmRestore}
        onClose={() => setPending(null)}
      />
    </Modal.Root>
  );
}

type ChangesProps = {
  detail: VersionDetail;
  model: string;
  order: string[];
  schemas: Schemas;
  names: Names;
  mayRestore: (field: string) => boolean;
  onRestore: (field: string) => void;
};

function Changes({ detail, model, order, schemas, names, mayRestore, onRestore }: ChangesProps) {
  const { formatMessage } = useIntl();
  const { version, compareTo } = detail;
  // In the form's order; an empty list that was nothing before says nothing.
  const byField = new Map(detail.changes.map((change) => [change.field, change]));
  const changes = inFormOrder([...byField.keys()], order)
    .map((field) => byField.get(field)!)
    .filter((change) => !(isEmpty(change.before) && isEmpty(change.after)));
  if (!version.values) return <Typography textColor="neutral700">{formatMessage(messages.removal)}</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      {!compareTo ? <Typography textColor="neutral700">{formatMessage(messages.first)}</Typography> : null}
      {compareTo && changes.length === 0 ? <Typography textColor="neutral700">{formatMessage(messages.same)}</Typography> : null}
      {changes.some((change) => change.words) ? (
        <Typography variant="pi" textColor="neutral700">
          {formatMessage(messages.legend)} <Added>{formatMessage(messages.added)}</Added> <Removed>{formatMessage(messages.removed)}</Removed>
        </Typography>
      ) : null}
      {changes.map((change) => (
        <FieldDiff
          key={change.field}
          change={change}
          model={model}
          compareTo={compareTo?.at}
          schemas={schemas}
          names={names}
          mayRestore={mayRestore(change.field)}
          onRestore={() => onRestore(change.field)}
        />
      ))}
    </Flex>
  );
}

type FieldDiffProps = {
  change: FieldChange;
  model: string;
  compareTo?: string;
  schemas: Schemas;
  names: Names;
  mayRestore: boolean;
  onRestore: () => void;
};

function FieldDiff({ change, model, compareTo, schemas, names, mayRestore, onRestore }: FieldDiffProps) {
  const { formatMessage } = useIntl();
  const { label, time } = useDescribe(model);
  const heading = `content-history-field-${change.field}`;
  const attribute = schemas.attributes[change.field];
  const value = (content: unknown) => <ReadableValue value={content} attribute={attribute} schemas={schemas} names={names} />;
  return (
    <Box tag="section" aria-labelledby={heading} padding={4} hasRadius borderColor="neutral200" background="neutral100">
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Flex justifyContent="space-between" alignItems="flex-start" gap={2}>
          <Typography tag="h3" variant="delta" id={heading}>
            {label(change.field)}
          </Typography>
          {mayRestore ? (
            <Button size="S" variant="secondary" aria-label={formatMessage(messages.restoreFieldNamed, { field: label(change.field) })} onClick={onRestore}>
              {formatMessage(messages.restoreField)}
            </Button>
          ) : null}
        </Flex>
        {change.words ? (
          <WordDiff words={change.words} />
        ) : compareTo ? (
          <Grid.Root gap={4}>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch" gap={1}>
              <Typography variant="sigma" textColor="neutral600">
                {formatMessage(messages.before, { time: time(compareTo) })}
              </Typography>
              {value(change.before)}
            </Grid.Item>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch" gap={1}>
              <Typography variant="sigma" textColor="neutral600">
                {formatMessage(messages.after)}
              </Typography>
              {value(change.after)}
            </Grid.Item>
          </Grid.Root>
        ) : (
          value(change.after)
        )}
      </Flex>
    </Box>
  );
}
