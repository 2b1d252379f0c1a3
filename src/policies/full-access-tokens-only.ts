/**
 * `global::full-access-tokens-only`: API tokens that are not full-access are refused (403 saying
 * what they may read); other callers go on to Strapi's own permission checks. Put on the media
 * library and user-account routes by src/permissions/token-scope.ts.
 */
import { errors } from '@strapi/utils';
import type { RequestState } from '../content-api/content-types';
import { API_TOKEN_STRATEGY, mayReadDrafts } from '../content-api/published-only';

export const FULL_ACCESS_ONLY_MESSAGE =
  'This API token reads the published content types; media come with the content that uses them (populate). The media library and user accounts need a full-access token.';

export default (context: { state: RequestState }): true => {
  if (context.state.auth?.strategy?.name === API_TOKEN_STRATEGY && !mayReadDrafts(context.state)) throw new errors.PolicyError(FULL_ACCESS_ONLY_MESSAGE);
  return true;
};
