/**
 * The media objects behind the rows of the Media Library (`plugin::upload.file`): which URLs a
 * row points at, the safe name each object gets in a backup's uploads/ folder, and the row as it
 * reads once its objects were put back through another upload provider (another bucket, or this
 * server's disk). Pure: reading and writing the objects is in ./index.ts.
 */

type Row = Record<string, unknown>;

/** One object of a row: the file itself, or one of its resized formats. */
export type MediaObject = {
  url: string;
  hash: string;
  ext: string;
  mime: string;
  name: string;
  /** The format's key (`thumbnail`, `small`, …); none for the file itself. */
  format?: string;
};

/** Where a restore put an object, as the upload provider answered. */
export type PlacedObject = { url: string; providerMetadata?: unknown };

/** A name Strapi's upload providers write as one file or key, with no folder in it. */
const SAFE_HASH = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}$/;
const SAFE_EXT = /^(\.[A-Za-z0-9_-]{1,20})?$/;

export const isSafeHash = (hash: unknown): hash is string => typeof hash === 'string' && SAFE_HASH.test(hash) && !hash.includes('..');
export const isSafeExt = (ext: unknown): ext is string => typeof ext === 'string' && SAFE_EXT.test(ext);

/** A URL a backup may say a file came from: an upload provider's public http(s) URL, or this server's /uploads/…. */
export const isMediaUrl = (url: string): boolean => /^https?:\/\/[^/]/i.test(url) || /^\/uploads\/[^/]/.test(url);

const decoded = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // not percent-encoded after all: made safe below as it is
  }
};

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The objects a row points at: the file, then its formats in key order. */
export function mediaObjects(row: Row): MediaObject[] {
  const objects: MediaObject[] = [];
  if (typeof row.url === 'string' && row.url.length > 0) {
    objects.push({ url: row.url, hash: text(row.hash), ext: text(row.ext), mime: text(row.mime), name: text(row.name) });
  }
  const formats = row.formats && typeof row.formats === 'object' ? (row.formats as Record<string, Row | null>) : {};
  for (const format of Object.keys(formats).sort()) {
    const entry = formats[format];
    if (!entry || typeof entry.url !== 'string' || entry.url.length === 0) continue;
    objects.push({ url: entry.url, hash: text(entry.hash), ext: text(entry.ext), mime: text(entry.mime) || text(row.mime), name: text(entry.name) || text(row.name), format });
  }
  return objects;
}

/**
 * The object's name under uploads/ in a backup: its hash and extension, as the local provider
 * names files (`thumbnail_photo_1a2b3c.jpg`); the URL's last segment, made safe, when the row's
 * hash cannot be a file name; a numbered variant when the name is taken (names compare without
 * case, for file systems that ignore it). Adds the name to `taken`.
 */
export function backupFileName(object: Pick<MediaObject, 'url' | 'hash' | 'ext'>, taken: Set<string>): string {
  const ext = isSafeExt(object.ext) ? object.ext : '';
  let base = isSafeHash(object.hash) ? object.hash : '';
  if (!base) {
    const lastSegment = decoded(object.url.split(/[?#]/)[0].split('/').pop() ?? '');
    const withoutExt = ext && lastSegment.toLowerCase().endsWith(ext.toLowerCase()) ? lastSegment.slice(0, -ext.length) : lastSegment;
    base =
      withoutExt
        .replace(/[^A-Za-z0-9_-]+/g, '_')
        .replace(/^_+|_+$/g, '')
        .slice(0, 200) || 'file';
  }
  let name = `${base}${ext}`;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${base}-${n}${ext}`;
  taken.add(name.toLowerCase());
  return name;
}

/** The URL a backed-up file came from: the one the manifest names, or (local backups) its place under /uploads/. */
export const carriedUrl = (file: { path: string; url?: string }): string => file.url ?? `/uploads/${file.path.split(/[\\/]/).join('/')}`;

/**
 * A Media Library row with the URLs of its objects replaced by where a restore put them. A row
 * whose file moved is now the target provider's (Strapi deletes a file through its provider
 * only when the row names that provider); URLs that did not move stay as they were.
 */
export function rewriteFileRow(row: Row, placed: ReadonlyMap<string, PlacedObject>, provider: string): Row {
  const moved = (url: unknown) => (typeof url === 'string' ? placed.get(url) : undefined);
  const rewritten: Row = { ...row };
  if (row.formats && typeof row.formats === 'object') {
    rewritten.formats = Object.fromEntries(
      Object.entries(row.formats as Record<string, Row | null>).map(([key, format]) => {
        const object = moved(format?.url);
        if (!format || !object) return [key, format];
        const metadata = object.providerMetadata !== undefined || 'provider_metadata' in format ? { provider_metadata: object.providerMetadata ?? null } : {};
        return [key, { ...format, url: object.url, ...metadata }];
      })
    );
  }
  const file = moved(row.url);
  if (file) Object.assign(rewritten, { url: file.url, provider, provider_metadata: file.providerMetadata ?? null });
  return rewritten;
}
