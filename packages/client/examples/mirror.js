// @ts-check
/**
 * A partner's copy of all published SPIS content (every type, every language) in one JSON file,
 * kept current through the change feed:
 *
 *   cd packages/client && npm run build
 *   node examples/mirror.js http://localhost:1337 spis-mirror.json   # again whenever you like
 *
 * The first run takes the feed's cursor, then downloads everything. Each later run reads the
 * changes since the stored cursor and reads each changed document again (or drops it once it is
 * no longer published). When the server can no longer follow the cursor (410), it downloads
 * everything again.
 */
import fs from 'node:fs';
import { CONTENT_TYPES, createClient, LOCALES, SpisApiError, SpisCursorGoneError } from '@spis/client';

/**
 * The file: the cursor to follow, and every published document as the API answers it, by
 * collection, locale and documentId.
 * @typedef {{ cursor: string; documents: Record<string, Record<string, Record<string, unknown>>> }} Mirror
 */

const PAGE_SIZE = 100;

const [baseUrl, file] = process.argv.slice(2);
if (!baseUrl || !file) {
  console.error('usage: node examples/mirror.js <CMS URL> <mirror file>');
  process.exit(2);
}
const spis = createClient({ baseUrl });

/** @returns {Promise<Mirror>} */
async function downloadEverything() {
  // The cursor first: whatever changes during the download is then listed by the feed too.
  const cursor = await spis.currentCursor();
  /** @type {Mirror['documents']} */
  const documents = {};
  for (const name of Object.values(CONTENT_TYPES)) {
    documents[name] = {};
    for (const locale of LOCALES) {
      documents[name][locale] = {};
      for (let page = 1; ; page++) {
        const { data } = await spis[name].list({ locale, fallback: false, page, pageSize: PAGE_SIZE });
        for (const entry of data) documents[name][locale][entry.documentId] = entry;
        if (data.length < PAGE_SIZE) break;
      }
    }
  }
  return { cursor, documents };
}

/**
 * Reads each changed document again in its locale, or drops it when it is no longer published.
 * @param {Mirror} mirror
 * @param {import('@spis/client').Change[]} changes
 */
async function applyChanges(mirror, changes) {
  // An entry only means "read it again": a document listed twice is read once.
  const toRead = new Map(changes.map((change) => [`${change.contentType} ${change.locale} ${change.documentId}`, change]));
  for (const { contentType, locale, documentId } of toRead.values()) {
    const copies = mirror.documents[CONTENT_TYPES[contentType]][locale];
    try {
      copies[documentId] = (await spis[CONTENT_TYPES[contentType]].get(documentId, { locale, fallback: false })).data;
    } catch (error) {
      if (!(error instanceof SpisApiError && error.status === 404)) throw error;
      delete copies[documentId];
    }
  }
}

/**
 * The keys of `object`, and of the objects in it `depth` levels down, in sorted order.
 * @param {Record<string, any>} object
 * @param {number} depth
 * @returns {Record<string, any>}
 */
const sortKeys = (object, depth) =>
  depth === 0
    ? object
    : Object.fromEntries(
        Object.keys(object)
          .sort()
          .map((key) => [key, sortKeys(object[key], depth - 1)])
      );

/**
 * Writes the file whole (a crash leaves the old one), collections, locales and documentIds
 * sorted: equal copies are equal bytes.
 * @param {Mirror} mirror
 */
function save({ cursor, documents }) {
  fs.writeFileSync(`${file}.partial`, `${JSON.stringify({ cursor, documents: sortKeys(documents, 3) }, null, 2)}\n`);
  fs.renameSync(`${file}.partial`, file);
}

/** @type {Mirror} */
const mirror = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : await downloadEverything();
try {
  let applied = 0;
  for await (const page of spis.sync(mirror.cursor)) {
    await applyChanges(mirror, page.data);
    mirror.cursor = page.meta.cursor;
    save(mirror);
    applied += page.data.length;
  }
  console.log(`${file}: ${applied} changes applied`);
} catch (error) {
  if (!(error instanceof SpisCursorGoneError)) throw error;
  console.log(`${file}: ${error.message} Downloading everything again.`);
  save(await downloadEverything());
}
