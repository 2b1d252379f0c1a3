/**
 * Staff passwords: at least 12 characters and hard to guess on every admin route that sets one
 * (own profile, a super admin editing a user, accepting an invitation, a password reset), 400 at
 * the `password` field, and a refused password is never repeated in the answer.
 */
import type { Core } from '@strapi/strapi';
import type request from 'supertest';
import { asAdmin, loginAsNewAdmin } from '../helpers/admin';
import { api, setupStrapi, teardownStrapi } from '../helpers/strapi';

let strapi: Core.Strapi;
let superAdmin: string;

beforeAll(async () => {
  strapi = await setupStrapi();
  superAdmin = await loginAsNewAdmin(strapi);
});
afterAll(teardownStrapi);

const WEAK = ['Password1', 'Password1234', 'sarajevo2026!'];

const expectRefused = (response: request.Response, password: string) => {
  expect(response.status).toBe(400);
  expect(response.body.error.details.errors[0]).toMatchObject({ path: ['password'] });
  expect(JSON.stringify(response.body)).not.toContain(password);
};

it.each(WEAK)('refuses %s for one’s own profile, and a super admin setting it for someone else', async (password) => {
  expectRefused(await asAdmin(superAdmin, 'put', '/admin/users/me').send({ password, currentPassword: 'Urednica-2026!' }), password);
  const someone = await strapi.db.query('admin::user').findOne({ where: { id: { $gt: 0 } } });
  expectRefused(await asAdmin(superAdmin, 'put', `/admin/users/${someone.id}`).send({ password }), password);
});

it('refuses a weak password when accepting an invitation and when resetting one', async () => {
  const invited = await strapi.service('admin::user').create({ email: `pozvana-${Date.now()}@spis.test`, firstname: 'Pozvana', roles: [] });
  expectRefused(
    await api()
      .post('/admin/register')
      .send({ registrationToken: invited.registrationToken, userInfo: { firstname: 'Pozvana', lastname: 'Kovač', password: 'Password1' } }),
    'Password1'
  );
  expectRefused(await api().post('/admin/reset-password').send({ resetPasswordToken: 'whatever-token', password: 'Password1234' }), 'Password1234');
});

it('accepts a strong password, which then signs in', async () => {
  const invited = await strapi.service('admin::user').create({ email: `jaka-${Date.now()}@spis.test`, firstname: 'Jaka', roles: [] });
  const password = 'Trebević-kiša-most-7';
  const registered = await api()
    .post('/admin/register')
    .send({ registrationToken: invited.registrationToken, userInfo: { firstname: 'Jaka', lastname: 'Lozinka', password } });
  expect(registered.status).toBe(200);
  expect((await api().post('/admin/login').send({ email: invited.email, password })).status).toBe(200);
});
