import { deliveryBody, subjectOf, subscribes } from '../events';

const NEWS = 'api::news-article.news-article';
const draft = { documentId: 'abc123', locale: 'hr', publishedAt: null };
const published = { ...draft, publishedAt: '2026-11-27T10:00:00.000Z' };

describe('subjectOf', () => {
  it('takes the type, document and locale of the app’s content', () => {
    expect(subjectOf('entry.publish', { uid: NEWS, entry: published }, true)).toEqual({ type: NEWS, documentId: 'abc123', locale: 'hr' });
    expect(subjectOf('entry.unpublish', { uid: NEWS, entry: published }, true)).toEqual({ type: NEWS, documentId: 'abc123', locale: 'hr' });
  });

  it('hears a deleted locale once: by its draft row, not also by its published one', () => {
    expect(subjectOf('entry.delete', { uid: NEWS, entry: draft }, true)).toEqual({ type: NEWS, documentId: 'abc123', locale: 'hr' });
    expect(subjectOf('entry.delete', { uid: NEWS, entry: published }, true)).toBeNull();
    // Without draft & publish every row is published, and each is the document.
    expect(subjectOf('entry.delete', { uid: NEWS, entry: published }, false)).not.toBeNull();
  });

  it('ignores Strapi’s and the plugins’ own types, and entries without a document', () => {
    expect(subjectOf('entry.delete', { uid: 'plugin::webhooks.delivery', entry: draft }, false)).toBeNull();
    expect(subjectOf('entry.publish', { uid: 'admin::user', entry: draft }, false)).toBeNull();
    expect(subjectOf('entry.publish', { uid: NEWS, entry: null }, true)).toBeNull();
    expect(subjectOf('entry.publish', { uid: NEWS, entry: { locale: 'bs' } }, true)).toBeNull();
  });
});

describe('subscribes', () => {
  const webhook = { enabled: true, events: ['entry.publish', 'entry.delete'], contentTypes: null };

  it('matches the events and content types chosen, all types when none are', () => {
    expect(subscribes(webhook, 'entry.publish', NEWS)).toBe(true);
    expect(subscribes(webhook, 'entry.unpublish', NEWS)).toBe(false);
    expect(subscribes({ ...webhook, contentTypes: [] }, 'entry.delete', NEWS)).toBe(true);
    expect(subscribes({ ...webhook, contentTypes: ['api::workshop.workshop'] }, 'entry.publish', NEWS)).toBe(false);
    expect(subscribes({ ...webhook, contentTypes: [NEWS] }, 'entry.publish', NEWS)).toBe(true);
  });

  it('never matches a disabled webhook', () => {
    expect(subscribes({ ...webhook, enabled: false }, 'entry.publish', NEWS)).toBe(false);
  });
});

it('writes the body a partner receives', () => {
  const body = deliveryBody('9b2f', 'entry.publish', { type: NEWS, documentId: 'abc123', locale: 'sr-Cyrl' }, new Date('2026-11-27T10:00:00.000Z'), 'Y3Vyc29y');
  expect(JSON.parse(body)).toEqual({
    id: '9b2f',
    event: 'entry.publish',
    type: NEWS,
    documentId: 'abc123',
    locale: 'sr-Cyrl',
    occurredAt: '2026-11-27T10:00:00.000Z',
    cursor: 'Y3Vyc29y',
  });
});
