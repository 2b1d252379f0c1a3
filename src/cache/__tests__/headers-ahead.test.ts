import { entriesAhead } from '../headers-ahead';

describe('which middlewares an early answer may stand in for', () => {
  it('takes the known ones ahead of the cache, in any configuration', () => {
    const configured = [
      'strapi::logger',
      'strapi::errors',
      { name: 'strapi::security', config: { hsts: false } },
      'strapi::cors',
      'global::rate-limit',
      'global::response-cache',
      'strapi::query',
      'global::anything',
    ];
    expect(entriesAhead(configured)).toEqual({ ok: true, entries: configured.slice(0, 5) });
    expect(entriesAhead(['strapi::errors', 'global::response-cache'])).toEqual({ ok: true, entries: ['strapi::errors'] });
  });

  it('refuses, naming it, any other middleware ahead of the cache', () => {
    expect(entriesAhead(['strapi::errors', 'global::ip-block', 'global::response-cache'])).toEqual({ ok: false, reason: expect.stringContaining('global::ip-block') });
    expect(entriesAhead([{ resolve: './src/middlewares/custom' }, 'global::response-cache'])).toEqual({ ok: false, reason: expect.stringContaining('./src/middlewares/custom') });
    expect(entriesAhead([() => undefined, 'global::response-cache'])).toEqual({ ok: false, reason: expect.stringContaining('(a function)') });
  });

  it('refuses when the cache is not configured at all', () => {
    expect(entriesAhead(['strapi::errors'])).toEqual({ ok: false, reason: expect.stringContaining('global::response-cache') });
  });
});
