/**
 * "Translations" in the main menu: per content type, a table of its language versions — how many
 * there are, how many up to date with their source, out of date, missing text, not tracked, and
 * how many documents have no version in that language. The out-of-date, missing and untranslated
 * numbers open the documents behind them, each linking to its edit view in that language. The
 * server counts only the types and languages the staff member may read.
 */
import * as React from 'react';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import { styled } from 'styled-components';
import { Box, Button, Flex, Link, Loader, Modal, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { EDITORIAL_ORDER } from '../../../../content-manager/layouts';
import { contentTexts } from '../../../../content-manager/texts';
import { DEFAULT_LOCALE, LOCALE_CODES } from '../../../../locales';
import { useGetTranslationCoverageQuery, useGetTranslationDocumentsQuery, type CoverageList, type CoverageRow } from './api';
import { useLanguageName } from './FreshnessMarks';
import { messages } from './messages';

/** How many documents a list shows (the server's page). */
const LISTED = 100;

const COUNTS = ['originals', 'fresh', 'stale', 'missing', 'untracked', 'untranslated'] as const;
const LISTS = new Set<string>(['stale', 'missing', 'untranslated'] satisfies CoverageList[]);

/** A number that opens the documents behind it: reads as a number in its column, underlined as a link is. */
const CountButton = styled.button`
  padding: 0;
  border: 0;
  background: none;
  font: inherit;
  font-size: 1.4rem;
  font-weight: 600;
  color: ${({ theme }) => theme.colors.primary600};
  text-decoration: underline;
  text-underline-offset: 2px;
  cursor: pointer;

  &:hover {
    color: ${({ theme }) => theme.colors.primary700};
  }
  &:focus-visible {
    outline: 2px solid ${({ theme }) => theme.colors.primary600};
    outline-offset: 2px;
  }
`;

type Opened = { uid: string; locale: string; translation: CoverageList; count: number };

/** Type and language names as the interface language has them. */
function useNames() {
  const { locale: interfaceLanguage } = useIntl();
  const language = useLanguageName();
  const texts = contentTexts(interfaceLanguage);
  const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase(interfaceLanguage) + text.slice(1);
  return {
    type: (uid: string) => texts.types[uid]?.displayName ?? uid,
    language: (code: string) => `${capitalised(language(code))} (${code})`,
    inSentence: language,
  };
}

const editView = (uid: string, documentId: string, locale: string) => `/content-manager/collection-types/${uid}/${documentId}?plugins[i18n][locale]=${encodeURIComponent(locale)}`;

function TypeCoverage({ uid, rows, onOpen }: { uid: string; rows: CoverageRow[]; onOpen: (opened: Opened) => void }) {
  const { formatMessage, formatNumber } = useIntl();
  const names = useNames();
  const heading = `content-history-coverage-${uid}`;
  const stateName = (state: (typeof COUNTS)[number]) => formatMessage(messages[`state.${state}`]);
  return (
    <Box tag="section" aria-labelledby={heading}>
      <Typography tag="h2" variant="beta" id={heading}>
        {names.type(uid)}
      </Typography>
      <Box paddingTop={3}>
        <Table colCount={COUNTS.length + 2} rowCount={rows.length + 1}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">{formatMessage(messages.coverageLanguage)}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{formatMessage(messages.coverageVersions)}</Typography>
              </Th>
              {COUNTS.map((state) => (
                <Th key={state}>
                  <Typography variant="sigma">{stateName(state)}</Typography>
                </Th>
              ))}
            </Tr>
          </Thead>
          <Tbody>
            {rows.map((row) => (
              <Tr key={row.locale}>
                <Td>
                  <Flex direction="column" alignItems="flex-start">
                    <Typography fontWeight="bold">{names.language(row.locale)}</Typography>
                    {row.locale === DEFAULT_LOCALE ? (
                      <Typography variant="pi" textColor="neutral600">
                        {formatMessage(messages.coverageSourceLanguage)}
                      </Typography>
                    ) : null}
                  </Flex>
                </Td>
                <Td>
                  <Typography>{formatNumber(row.versions)}</Typography>
                </Td>
                {COUNTS.map((state) => (
                  <Td key={state}>
                    {LISTS.has(state) && row[state] > 0 ? (
                      <CountButton
                        type="button"
                        aria-label={formatMessage(messages.coverageShow, {
                          count: formatNumber(row[state]),
                          state: stateName(state).toLocaleLowerCase(),
                          language: names.inSentence(row.locale),
                        })}
                        onClick={() => onOpen({ uid, locale: row.locale, translation: state as CoverageList, count: row[state] })}
                      >
                        {formatNumber(row[state])}
                      </CountButton>
                    ) : (
                      <Typography textColor={row[state] > 0 ? 'neutral800' : 'neutral500'}>{formatNumber(row[state])}</Typography>
                    )}
                  </Td>
                ))}
              </Tr>
            ))}
          </Tbody>
        </Table>
      </Box>
    </Box>
  );
}

/** The documents behind one number, each linking to its edit view in that language. */
function DocumentList({ opened, onClose }: { opened: Opened; onClose: () => void }) {
  const { formatMessage } = useIntl();
  const names = useNames();
  const { data, isLoading, isError } = useGetTranslationDocumentsQuery({ uid: opened.uid, locale: opened.locale, translation: opened.translation, pageSize: LISTED });
  const state = formatMessage(messages[`state.${opened.translation}`]).toLocaleLowerCase();
  const title = (document: { title: string | null; locale: string | null }) => {
    const text = document.title ?? formatMessage(messages.coverageListUntitled);
    return document.locale && document.locale !== opened.locale
      ? formatMessage(messages.coverageListOtherLanguage, { title: text, language: names.inSentence(document.locale) })
      : text;
  };
  return (
    <Modal.Root open onOpenChange={(open) => (open ? undefined : onClose())}>
      <Modal.Content>
        <Modal.Header closeLabel={formatMessage(messages.close)}>
          <Modal.Title>{formatMessage(messages.coverageListTitle, { type: names.type(opened.uid), language: names.inSentence(opened.locale), state })}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {isLoading ? (
            <Loader small>{formatMessage(messages.loading)}</Loader>
          ) : isError || !data ? (
            <Typography textColor="danger600">{formatMessage(messages.coverageFailed)}</Typography>
          ) : data.length === 0 ? (
            <Typography textColor="neutral700">{formatMessage(messages.coverageListEmpty)}</Typography>
          ) : (
            <Flex direction="column" alignItems="stretch" gap={3}>
              <Flex tag="ul" direction="column" alignItems="flex-start" gap={2}>
                {data.map((document) => (
                  <li key={document.documentId}>
                    <Link tag={NavLink} to={editView(opened.uid, document.documentId, opened.locale)}>
                      {title(document)}
                    </Link>
                  </li>
                ))}
              </Flex>
              {opened.count > data.length ? (
                <Typography variant="pi" textColor="neutral600">
                  {formatMessage(messages.coverageListMore, { shown: data.length, total: opened.count })}
                </Typography>
              ) : null}
            </Flex>
          )}
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{formatMessage(messages.close)}</Button>
          </Modal.Close>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
}

const place = (uid: string) => {
  const index = (EDITORIAL_ORDER as readonly string[]).indexOf(uid);
  return index === -1 ? EDITORIAL_ORDER.length : index;
};

export default function CoveragePage() {
  const { formatMessage } = useIntl();
  const [opened, setOpened] = React.useState<Opened | null>(null);
  // Counted again on each visit: edits elsewhere change them.
  const { data, isLoading, isError } = useGetTranslationCoverageQuery(undefined, { refetchOnMountOrArgChange: true });
  const title = formatMessage(messages.coverageTitle);
  if (isLoading) return <Page.Loading />;
  const types = [...new Set((data ?? []).map((row) => row.contentType))].sort((a, b) => place(a) - place(b) || a.localeCompare(b));
  const rowsOf = (uid: string) =>
    (data ?? []).filter((row) => row.contentType === uid).sort((a, b) => LOCALE_CODES.indexOf(a.locale as never) - LOCALE_CODES.indexOf(b.locale as never));
  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header title={title} subtitle={formatMessage(messages.coverageSubtitle)} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={8}>
          {isError ? (
            <Typography textColor="danger600">{formatMessage(messages.coverageFailed)}</Typography>
          ) : types.length === 0 ? (
            <Typography textColor="neutral700">{formatMessage(messages.coverageNone)}</Typography>
          ) : (
            <>
              <Box maxWidth="80rem">
                <Typography textColor="neutral700">{formatMessage(messages.coverageIntro)}</Typography>
              </Box>
              {types.map((uid) => (
                <TypeCoverage key={uid} uid={uid} rows={rowsOf(uid)} onOpen={setOpened} />
              ))}
            </>
          )}
        </Flex>
      </Layouts.Content>
      {opened ? <DocumentList opened={opened} onClose={() => setOpened(null)} /> : null}
    </Page.Main>
  );
}
