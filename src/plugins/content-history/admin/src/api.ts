/**
 * The history and translation panels' requests (server/history-admin.ts, translations-admin.ts),
 * as endpoints of the admin panel's own RTK Query API, the way Strapi's packages add theirs: a
 * restore invalidates the document's cache entries, so the Content Manager refetches it and its
 * form shows the restored values; the Content Manager's own saves invalidate the same entries, so
 * the history list and the translation state follow every save (of any language version: a
 * source's edit makes its translations stale). Confirming a translation invalidates only its
 * state and the coverage, never the document: the form keeps what is typed in it.
 */
import { adminApi } from '@strapi/strapi/admin';

export type VersionStatus = 'draft' | 'published';
export type VersionAction = 'create' | 'update' | 'publish' | 'unpublish' | 'delete' | 'discardDraft' | 'clone';
export type WritePath = 'panel' | 'rest' | 'graphql' | 'import' | 'scheduler' | 'restore' | 'system';

export type VersionSummary = {
  id: number;
  locale: string | null;
  status: VersionStatus;
  action: VersionAction;
  path: WritePath;
  changedFields: string[];
  actorType: 'admin' | 'api-token' | 'system';
  actorName: string | null;
  at: string;
};

export type WordChange = { text: string; change: 'same' | 'added' | 'removed' };
export type FieldChange = { field: string; before: unknown; after: unknown; words?: WordChange[] };

export type VersionDetail = {
  version: VersionSummary & { values: Record<string, unknown> | null };
  compareTo: { id: number; status: VersionStatus; locale: string | null; at: string } | null;
  changes: FieldChange[];
};

export type FreshnessState = 'fresh' | 'stale' | 'missing';
/** A translated field of a language version against its source: the source's text it was written from, and now. */
export type FieldFreshness = {
  field: string;
  state: FreshnessState;
  since: string;
  sourceLocale: string;
  sourceThen: unknown;
  sourceNow: unknown;
  words?: WordChange[];
};
export type TranslationState = { locale: string; fields: FieldFreshness[] };
export type CoverageRow = {
  contentType: string;
  locale: string;
  versions: number;
  originals: number;
  fresh: number;
  stale: number;
  missing: number;
  untracked: number;
  untranslated: number;
};
/** The numbers of the coverage that open a list of documents. */
export type CoverageList = 'stale' | 'missing' | 'untranslated';
export type CoverageDocument = { documentId: string; locale: string | null; title: string | null };

type ListArgs = { model: string; documentId: string; locale?: string; page: number; pageSize: number };
type List = { results: VersionSummary[]; pagination: { page: number; pageSize: number; total: number; pageCount: number } };
type RestoreArgs = { id: number; fields?: string[]; model: string; documentId: string };
type Restored = { data: { documentId: string; locale: string | null; restoredFields: string[] } };

type StateArgs = { model: string; documentId: string; locale: string };
type ConfirmArgs = StateArgs & { fields?: string[] };
type DocumentsArgs = { uid: string; locale: string; translation: CoverageList; pageSize: number };

const VERSIONS = 'ContentHistoryVersion';
const TRANSLATION = 'ContentHistoryTranslation';
const COVERAGE = 'ContentHistoryCoverage';

const historyApi = adminApi.enhanceEndpoints({ addTagTypes: ['Document', 'Relations', VERSIONS, TRANSLATION, COVERAGE] }).injectEndpoints({
  endpoints: (builder) => ({
    getContentHistoryVersions: builder.query<List, ListArgs>({
      query: ({ model, documentId, locale, page, pageSize }) => ({
        url: `/content-history/documents/${model}/${documentId}/versions`,
        method: 'GET',
        config: { params: { ...(locale ? { locale } : {}), page, pageSize } },
      }),
      providesTags: (_result, _error, { model, documentId }) => [VERSIONS, { type: 'Document', id: `${model}_${documentId}` }],
    }),
    getContentHistoryVersion: builder.query<VersionDetail, { id: number; compareTo?: number }>({
      query: ({ id, compareTo }) => ({ url: `/content-history/versions/${id}`, method: 'GET', config: { params: compareTo ? { compareTo } : {} } }),
      transformResponse: (response: { data: VersionDetail }) => response.data,
      providesTags: [VERSIONS],
    }),
    restoreContentHistoryVersion: builder.mutation<Restored, RestoreArgs>({
      query: ({ id, fields }) => ({ url: `/content-history/versions/${id}/restore`, method: 'POST', data: fields ? { fields } : {} }),
      invalidatesTags: (_result, error, { model, documentId }) =>
        error ? [] : [{ type: 'Document', id: `${model}_${documentId}` }, { type: 'Document', id: `${model}_LIST` }, 'Relations', VERSIONS],
    }),
    getTranslationState: builder.query<TranslationState, StateArgs>({
      query: ({ model, documentId, locale }) => ({ url: `/content-history/translations/${model}/${documentId}`, method: 'GET', config: { params: { locale } } }),
      transformResponse: (response: { data: TranslationState }) => response.data,
      providesTags: (_result, _error, { model, documentId }) => [
        { type: TRANSLATION, id: `${model}_${documentId}` },
        { type: 'Document', id: `${model}_${documentId}` },
      ],
    }),
    confirmTranslation: builder.mutation<{ data: FieldFreshness[] }, ConfirmArgs>({
      query: ({ model, documentId, locale, fields }) => ({
        url: `/content-history/translations/${model}/${documentId}/confirm`,
        method: 'POST',
        data: fields ? { locale, fields } : { locale },
      }),
      invalidatesTags: (_result, error, { model, documentId }) => (error ? [] : [{ type: TRANSLATION, id: `${model}_${documentId}` }, COVERAGE]),
    }),
    getTranslationCoverage: builder.query<CoverageRow[], void>({
      query: () => ({ url: '/content-history/translations/coverage', method: 'GET' }),
      transformResponse: (response: { data: CoverageRow[] }) => response.data,
      providesTags: [COVERAGE],
    }),
    getTranslationDocuments: builder.query<CoverageDocument[], DocumentsArgs>({
      query: (params) => ({ url: '/content-history/translations/coverage', method: 'GET', config: { params } }),
      transformResponse: (response: { data: CoverageDocument[] }) => response.data,
      providesTags: [COVERAGE],
    }),
  }),
  overrideExisting: false,
});

export const {
  useGetContentHistoryVersionsQuery,
  useGetContentHistoryVersionQuery,
  useRestoreContentHistoryVersionMutation,
  useGetTranslationStateQuery,
  useConfirmTranslationMutation,
  useGetTranslationCoverageQuery,
  useGetTranslationDocumentsQuery,
} = historyApi;
