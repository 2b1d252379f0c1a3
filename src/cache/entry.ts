/**
 * A cached response: its bytes, compressed once with gzip and brotli when it is stored (never
 * per request), its ETag, the headers that describe the body, and the counters of its tags.
 * Entries cross to Redis as one buffer: a JSON head, then the bodies.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import etag from 'etag';

export type Encoding = 'br' | 'gzip' | 'identity';

export type CacheEntry = {
  tags: string[];
  generations: number[];
  etag: string;
  /** Content-Type, Content-Language, Last-Modified, Vary as the handler set them. */
  headers: Record<string, string>;
  bodies: Partial<Record<Encoding, Buffer>> & { identity: Buffer };
};

/** Below this, compression costs more than it saves. */
const COMPRESS_FROM_BYTES = 1024;

export const encodingsOf = (entry: CacheEntry): Encoding[] => Object.keys(entry.bodies) as Encoding[];

export function compress(body: Buffer): Partial<Record<Encoding, Buffer>> {
  if (body.length < COMPRESS_FROM_BYTES) return {};
  return {
    gzip: gzipSync(body, { level: 6 }),
    // Quality 5: most of brotli's gain at a fraction of the time of 11.
    br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  };
}

export function createEntry(body: Buffer, headers: Record<string, string>, tags: string[], generations: number[], compressed: boolean): CacheEntry {
  return { tags, generations, etag: etag(body), headers, bodies: { identity: body, ...(compressed ? compress(body) : {}) } };
}

export const entrySize = (entry: CacheEntry) =>
  Object.values(entry.bodies).reduce((total, body) => total + (body?.length ?? 0), 0) + JSON.stringify(entry.headers).length + entry.tags.join().length + 64;

export function serializeEntry(entry: CacheEntry): Buffer {
  const { bodies, ...rest } = entry;
  const encodings = encodingsOf(entry);
  const head = Buffer.from(JSON.stringify({ ...rest, lengths: encodings.map((encoding) => [encoding, bodies[encoding]!.length]) }));
  const size = Buffer.alloc(4);
  size.writeUInt32BE(head.length);
  return Buffer.concat([size, head, ...encodings.map((encoding) => bodies[encoding]!)]);
}

export function deserializeEntry(buffer: Buffer): CacheEntry {
  const headLength = buffer.readUInt32BE(0);
  const { lengths, ...rest } = JSON.parse(buffer.subarray(4, 4 + headLength).toString()) as Omit<CacheEntry, 'bodies'> & { lengths: [Encoding, number][] };
  let offset = 4 + headLength;
  const bodies: Partial<Record<Encoding, Buffer>> = {};
  for (const [encoding, length] of lengths) {
    bodies[encoding] = buffer.subarray(offset, offset + length);
    offset += length;
  }
  return { ...rest, bodies: bodies as CacheEntry['bodies'] };
}
