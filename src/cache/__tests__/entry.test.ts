import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createEntry, deserializeEntry, serializeEntry } from '../entry';
import { MemoryGenerations, sameGenerations } from '../generations';
import { MemoryStore } from '../store';
import { ALL } from '../tags';

const body = Buffer.from(JSON.stringify({ data: Array.from({ length: 50 }, (_, i) => ({ id: i, name: 'Челинац – Čelinac' })) }));
const headers = { 'content-type': 'application/json; charset=utf-8', 'content-language': 'sr-Cyrl' };

describe('cache entries', () => {
  it('compress once, both ways, to the same bytes', () => {
    const entry = createEntry(body, headers, ['api::municipality.municipality'], [3], true);
    expect(gunzipSync(entry.bodies.gzip!)).toEqual(body);
    expect(brotliDecompressSync(entry.bodies.br!)).toEqual(body);
    expect(entry.bodies.br!.length).toBeLessThan(body.length / 4);
    expect(entry.etag).toMatch(/^"[^"]+"$/);
  });

  it('leave small bodies and uncached ones uncompressed', () => {
    expect(Object.keys(createEntry(Buffer.from('{"data":[]}'), headers, [], [], true).bodies)).toEqual(['identity']);
    expect(Object.keys(createEntry(body, headers, [], [], false).bodies)).toEqual(['identity']);
  });

  it('survive the trip through Redis bytes unchanged', () => {
    const entry = createEntry(body, headers, ['a', 'b'], [1, 2], true);
    expect(deserializeEntry(serializeEntry(entry))).toEqual(entry);
  });
});

it('the memory store keeps within its byte budget, dropping the least recently used', async () => {
  const entry = createEntry(body, headers, [], [], false);
  const store = new MemoryStore(body.length * 2 + 500);
  await store.set('a', entry);
  await store.set('b', entry);
  await store.get('a');
  await store.set('c', entry);
  expect(await store.get('a')).toBe(entry);
  expect(await store.get('b')).toBeUndefined();
  expect(await store.get('c')).toBe(entry);
});

it('generations rise for the changed type and ALL, and only those', async () => {
  const generations = new MemoryGenerations();
  const tags = ['api::phase.phase', 'api::workshop.workshop', ALL];
  const before = await generations.read(tags);
  await generations.raise(['api::workshop.workshop']);
  const after = await generations.read(tags);
  expect(after).toEqual([before[0], before[1] + 1, before[2] + 1]);
  expect(sameGenerations(before, after)).toBe(false);
  expect(sameGenerations(await generations.read(['api::phase.phase']), [before[0]])).toBe(true);
});
