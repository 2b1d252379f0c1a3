/**
 * The history panel's requests (server/history-admin.ts), as endpoints of the admin panel's own
 * RTK Query API, the way Strapi's packages add theirs: a restore invalidates the document's cache
 * entries, so the Content Manager refetches it and its form shows the restored values; the
 * Content Manager's own saves invalidate the same entries, so the list follows every save.
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

type ListArgs = { model: string; documentId: string; locale?: string; page: number; pageSize: number };
type List = { results: VersionSummary[]; pagination: { page: number; pageSize: number; total: number; pageCount: number } };
type RestoreArgs = { id: number; fields?: string[]; model: string; documentId: string };
type Restored = { data: { documentId: string; locale: string | null; restoredFields: string[] } };

const VERSIONS = 'ContentHistoryVersion';

const historyApi = adminApi.enhanceEndpoints({ addTagTypes: ['Document', 'Relations', VERSIONS] }).injectEndpoints({
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
  }),
  overrideExisting: false,
});

export const { useGetContentHistoryVersionsQuery, useGetContentHistoryVersionQuery, useRestoreContentHistoryVersionMutation } = historyApi;
