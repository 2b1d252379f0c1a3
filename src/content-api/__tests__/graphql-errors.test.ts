import { errors } from '@strapi/utils';
import { GraphQLError } from 'graphql';
import { graphqlErrorFormatter } from '../graphql-errors';

const logged: unknown[][] = [];
const format = graphqlErrorFormatter(() => ({ error: (...args: unknown[]) => void logged.push(args) }));
/** As Apollo hands a resolver's error to formatError: wrapped, with a path. */
const fromResolver = (original: Error) => new GraphQLError(original.message, { path: ['municipalities'], originalError: original });

describe('graphqlErrorFormatter', () => {
  it('answers an unexpected error with an id only, and logs the rest under that id', () => {
    const sql = Object.assign(new Error('select "t0".* from "public"."municipalities" where "t0"."population_2013" > $1 - invalid input syntax for type integer: "abc"'), {
      code: '22P02',
    });
    const formatted = format({ message: sql.message, path: ['municipalities'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at knex'] } }, fromResolver(sql));
    expect(formatted).toEqual({ message: 'Internal Server Error', path: ['municipalities'], extensions: { code: 'INTERNAL_SERVER_ERROR', errorId: expect.any(String) } });
    expect(logged.at(-1)).toEqual([`GraphQL error ${formatted.extensions?.errorId}`, sql]);
  });

  it("keeps Strapi's own errors with their codes and details", () => {
    const invalid = new errors.ValidationError('filters[id][$eq]: must be a whole number', { param: 'filters' });
    expect(format({ message: 'x' }, fromResolver(invalid))).toEqual({
      message: invalid.message,
      extensions: { code: 'BAD_USER_INPUT', error: { name: 'ValidationError', message: invalid.message, details: { param: 'filters' } } },
    });
    expect(format({ message: 'x' }, fromResolver(new errors.ForbiddenError())).extensions?.code).toBe('FORBIDDEN');
    expect(format({ message: 'x' }, fromResolver(new errors.NotFoundError('gone'))).extensions?.code).toBe('STRAPI_NOT_FOUND_ERROR');
  });

  it('passes parse and validation errors through unchanged', () => {
    const formatted = { message: 'Cannot query field "mayor"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    expect(format(formatted, new GraphQLError(formatted.message))).toBe(formatted);
  });
});
