/**
 * The "History" panel beside a document's form: the recorded versions of the language version on
 * screen, newest first (when, what, who, how, draft or published, which fields). Opening one
 * shows what changed (./VersionModal.tsx), with restore into the draft for staff who may edit.
 */
import * as React from 'react';
import { useIntl } from 'react-intl';
import { styled } from 'styled-components';
import { Flex, Loader, TextButton, Typography } from '@strapi/design-system';
import { unstable_useDocumentLayout as useDocumentLayout, type PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useGetContentHistoryVersionsQuery, type VersionSummary } from './api';
import { StatusBadge, useDescribe } from './describe';
import { messages } from './messages';
import { VersionModal } from './VersionModal';

const PAGE = 10;

const Versions = styled.ol`
  display: flex;
  flex-direction: column;
  gap: ${({ theme }) => theme.spaces[2]};
  width: 100%;
`;

const Entry = styled.button`
  width: 100%;
  text-align: left;
  padding: ${({ theme }) => theme.spaces[2]} ${({ theme }) => theme.spaces[3]};
  border: 1px solid ${({ theme }) => theme.colors.neutral200};
  border-radius: ${({ theme }) => theme.borderRadius};
  background: ${({ theme }) => theme.colors.neutral0};
  cursor: pointer;
  overflow-wrap: anywhere;

  &:hover {
    background: ${({ theme }) => theme.colors.primary100};
    border-color: ${({ theme }) => theme.colors.primary200};
  }
  &:focus-visible {
    outline: 2px solid ${({ theme }) => theme.colors.primary600};
    outline-offset: 2px;
  }
`;

type EntryProps = { version: VersionSummary; model: string; order: string[]; onOpen: () => void };

function VersionEntry({ version, model, order, onOpen }: EntryProps) {
  const { time, how, fields } = useDescribe(model, order);
  return (
    <li>
      <Entry type="button" onClick={onOpen}>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Flex gap={2} wrap="wrap">
            <Typography fontWeight="bold">{time(version.at)}</Typography>
            <StatusBadge status={version.status} />
          </Flex>
          <Typography variant="pi" textColor="neutral800">
            {how(version)}
          </Typography>
          <Typography variant="pi" textColor="neutral600">
            {fields(version)}
          </Typography>
        </Flex>
      </Entry>
    </li>
  );
}

type HistoryProps = { model: string; collectionType: string; documentId: string; locale?: string };

/** One page of older versions, below the first. */
type PageProps = Omit<HistoryProps, 'collectionType'> & { page: number; order: string[]; onOpen: (id: number) => void };

function OlderVersions({ page, model, documentId, locale, order, onOpen }: PageProps) {
  const { data } = useGetContentHistoryVersionsQuery({ model, documentId, locale, page, pageSize: PAGE });
  return (
    <>
      {data?.results.map((version) => (
        <VersionEntry key={version.id} version={version} model={model} order={order} onOpen={() => onOpen(version.id)} />
      ))}
    </>
  );
}

function HistoryList({ model, collectionType, documentId, locale }: HistoryProps) {
  const { formatMessage } = useIntl();
  const [pages, setPages] = React.useState(1);
  const [open, setOpen] = React.useState<number | null>(null);
  const { data, isLoading, isError } = useGetContentHistoryVersionsQuery({ model, documentId, locale, page: 1, pageSize: PAGE });
  const { edit } = useDocumentLayout(model);
  const order = edit.layout.flat(2).map((field) => field.name);
  React.useEffect(() => {
    setOpen(null);
    setPages(1);
  }, [documentId, locale]);

  const versions = data?.results ?? [];
  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%">
      {isLoading ? (
        <Loader small>{formatMessage(messages.loading)}</Loader>
      ) : isError ? (
        <Typography textColor="danger600">{formatMessage(messages.loadFailed)}</Typography>
      ) : versions.length === 0 ? (
        <Typography textColor="neutral600">{formatMessage(messages.none)}</Typography>
      ) : (
        <Versions aria-label={formatMessage(messages.listLabel)}>
          {versions.map((version) => (
            <VersionEntry key={version.id} version={version} model={model} order={order} onOpen={() => setOpen(version.id)} />
          ))}
          {Array.from({ length: pages - 1 }, (_, index) => (
            <OlderVersions key={index} page={index + 2} model={model} documentId={documentId} locale={locale} order={order} onOpen={setOpen} />
          ))}
        </Versions>
      )}
      {data && data.pagination.total > pages * PAGE ? <TextButton onClick={() => setPages((count) => count + 1)}>{formatMessage(messages.older)}</TextButton> : null}
      {open !== null ? <VersionModal id={open} model={model} collectionType={collectionType} documentId={documentId} locale={locale} onClose={() => setOpen(null)} /> : null}
    </Flex>
  );
}

/** Shown for a saved language version of the app's content; history records nothing else. */
export const HistoryPanel: PanelComponent = ({ model, collectionType, documentId, document }) => {
  const { formatMessage } = useIntl();
  if (!documentId || !document || !model.startsWith('api::')) return null;
  const locale = typeof document.locale === 'string' ? document.locale : undefined;
  return {
    title: formatMessage(messages.title),
    content: <HistoryList model={model} collectionType={collectionType} documentId={documentId} locale={locale} />,
  };
};
