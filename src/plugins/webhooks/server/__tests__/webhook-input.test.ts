import { errors } from '@strapi/utils';
import { checkWebhookInput } from '../webhook-input';

const TYPES = ['api::news-article.news-article', 'api::workshop.workshop'];
const SECRET = 's'.repeat(32);
const valid = { name: 'Partner', url: 'https://partner.example.org/hooks/spis', secret: SECRET, events: ['entry.publish'], enabled: true };
const create = (data: Record<string, unknown>) => checkWebhookInput(data, { creating: true, contentTypes: TYPES });
const update = (data: Record<string, unknown>) => checkWebhookInput(data, { creating: false, contentTypes: TYPES });
const problemOf = (check: () => unknown): string => {
  try {
    check();
  } catch (error) {
    expect(error).toBeInstanceOf(errors.ValidationError);
    return (error as Error).message;
  }
  throw new Error('expected a ValidationError');
};

it('accepts a webhook and passes its other fields through', () => {
  expect(create(valid)).toEqual(valid);
  expect(create({ ...valid, contentTypes: [TYPES[1]] }).contentTypes).toEqual([TYPES[1]]);
  expect(create({ ...valid, url: 'http://127.0.0.1:8080/hook' }).url).toBe('http://127.0.0.1:8080/hook');
});

it('refuses a URL that is not http(s)', () => {
  expect(problemOf(() => create({ ...valid, url: 'partner.example.org' }))).toBe('url: must be an http:// or https:// URL');
  expect(problemOf(() => create({ ...valid, url: 'ftp://partner.example.org/' }))).toBe('url: must be an http:// or https:// URL');
});

it('refuses a short or missing secret on create', () => {
  expect(problemOf(() => create({ ...valid, secret: 'short' }))).toBe('secret: must be at least 32 characters');
  expect(problemOf(() => create({ ...valid, secret: undefined }))).toBe('secret: is required, at least 32 characters');
});

it('keeps the current secret when an update leaves it blank, and checks a new one', () => {
  expect(update({ name: 'Renamed', secret: '' })).toEqual({ name: 'Renamed' });
  expect(update({ name: 'Renamed', secret: null })).toEqual({ name: 'Renamed' });
  expect(problemOf(() => update({ secret: 'short' }))).toBe('secret: must be at least 32 characters');
});

it('refuses unknown events and content types, and an empty event list', () => {
  expect(problemOf(() => create({ ...valid, events: ['entry.update'] }))).toBe('events.0: must be among entry.publish, entry.unpublish, entry.delete');
  expect(problemOf(() => create({ ...valid, events: [] }))).toBe('events: must name at least one event');
  expect(problemOf(() => create({ ...valid, contentTypes: ['plugin::webhooks.delivery'] }))).toMatch(/^contentTypes\.0: must be among api::news-article/);
});

it('names every wrong field at once', () => {
  expect(problemOf(() => create({ ...valid, url: 'nope', secret: 'short' }))).toBe('url: must be an http:// or https:// URL; secret: must be at least 32 characters');
});
