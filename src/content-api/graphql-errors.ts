/**
 * GraphQL errors as callers see them. Strapi's own formatter answers an unexpected error with
 * "Internal Server Error" but copies the original's message and details into `extensions`, so
 * a failed query sent PostgreSQL's message, the SQL statement, table and column names. Here an
 * unexpected error is logged with an id and answered with that id only; Strapi's own errors
 * (validation, forbidden, not found…) keep the codes and details Strapi gives them.
 */
import { randomUUID } from 'node:crypto';
import { errors } from '@strapi/utils';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isStatementTimeout } from '../database/availability';

type Logger = { error: (message: string, details?: unknown) => void };

const codeOf = (error: errors.ApplicationError | errors.HttpError): string => {
  if (error instanceof errors.ForbiddenError || error instanceof errors.UnauthorizedError) return 'FORBIDDEN';
  if (error instanceof errors.ValidationError) return 'BAD_USER_INPUT';
  return `STRAPI_${error.name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}`;
};

/** A formatError for Apollo Server (config/plugins.ts), logging through `log`. */
export const graphqlErrorFormatter =
  (log: () => Logger) =>
  (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // Apollo wraps what a resolver throws; parse and validation errors are GraphQLErrors themselves.
    const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
    if (original instanceof GraphQLError) return formatted;
    if (original instanceof errors.ApplicationError || original instanceof errors.HttpError) {
      const { name, message, details } = original;
      return { ...formatted, message, extensions: { ...formatted.extensions, error: { name, message, details }, code: codeOf(original) } };
    }
    if (isStatementTimeout(original)) {
      return { ...formatted, message: 'The query took too long and was stopped; ask for less (smaller pages, fewer nested lists)', extensions: { code: 'QUERY_TIMEOUT' } };
    }
    const errorId = randomUUID();
    log().error(`GraphQL error ${errorId}`, original);
    return {
      message: 'Internal Server Error',
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR', errorId },
    };
  };
