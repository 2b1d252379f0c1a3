/**
 * Every admin route that sets a staff password (first admin, accepting an invitation, reset,
 * own profile, a super admin editing a user) holds it to src/permissions/staff-password.ts
 * before Strapi's handler runs: 400 at the `password` field, the value never repeated.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { staffPasswordProblem } from '../permissions/staff-password';

type Body = { password?: unknown; email?: unknown; firstname?: unknown; lastname?: unknown; userInfo?: Body };

const SETS_PASSWORD = [
  { method: 'POST', path: /^\/admin\/(register-admin|register|reset-password)$/ },
  { method: 'POST', path: /^\/admin\/users$/ },
  { method: 'PUT', path: /^\/admin\/users\/[^/]+$/ },
];

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

export default (): Core.MiddlewareHandler => async (ctx: Context, next) => {
  if (!SETS_PASSWORD.some(({ method, path }) => ctx.method === method && path.test(ctx.path))) return next();
  const body = (ctx.request.body ?? {}) as Body;
  const fields = body.userInfo && typeof body.userInfo === 'object' ? body.userInfo : body;
  if (fields.password === undefined) return next();
  const known = [text(fields.email), text(fields.firstname), text(fields.lastname), text(ctx.state.user?.email)];
  const problem = staffPasswordProblem(fields.password, known);
  if (problem) {
    const message = `password ${problem}`;
    throw new errors.ValidationError(message, { errors: [{ path: ['password'], message, name: 'ValidationError' }] });
  }
  return next();
};
