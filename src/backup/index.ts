/**
 * Backup and restore of everything the CMS holds, as a directory an operator can copy or tar:
 *
 *   manifest.json          what is inside, with a SHA-256 per file (written last)
 *   tables/<table>.jsonl   every row of every table, one JSON object per line
 *   uploads/…              the media files: all of public/uploads with the local upload provider;
 *                          with a bucket (UPLOAD_PROVIDER=s3), every object a Media Library row
 *                          points at (the file and its formats), read from its public URL and
 *                          named by its hash (./media.ts), the URL it came from in the manifest
 *
 * Rows are copied table by table with their ids, so relations, locale versions, drafts,
 * media links, roles and permissions come back exactly; what is left out is in ./scope.ts.
 * The backup reads one consistent snapshot and may run next to the live server. A restore goes
 * into an empty database of the same release (the app creates the schema when it loads) and
 * writes everything in one transaction: it fails whole or succeeds whole. Media go back through
 * this server's upload provider, whichever provider made the backup: into its bucket, or under
 * public/uploads; the rows then point where the provider put them (a local backup into a local
 * server is copied file for file, as it was). The objects are put before the rows are written:
 * a restore that fails after that leaves them in the bucket (a retry overwrites them).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Core } from '@strapi/strapi';
import { reflagAll } from '../content-api/served-versions';
import { renewFeedEpoch } from '../plugins/content-history/server/change-feed';
import { z } from 'zod';
import { planInserts } from './order';
import { backupFileName, carriedUrl, isMediaUrl, isSafeExt, isSafeHash, mediaObjects, rewriteFileRow, type MediaObject, type PlacedObject } from './media';
import { backupScope, withoutSecrets, type BackupScope } from './scope';
import { fromPortable, toPortable } from './values';

export class BackupError extends Error {}

const MANIFEST = 'manifest.json';
const TABLES_DIR = 'tables';
const UPLOADS_DIR = 'uploads';
const PAGE_SIZE = 1_000;
/** Bound parameters per INSERT stay well below SQLite's (32,766) and PostgreSQL's (65,535) limits. */
const MAX_BINDINGS = 30_000;
/** Objects read from a bucket at once, and how long one may take. */
const FETCH_CONCURRENCY = 8;
const FETCH_TIMEOUT_MS = 120_000;

const columnSchema = z.object({ name: z.string(), type: z.string() });
const manifestSchema = z.object({
  format: z.literal('spis-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  database: z.string(),
  tables: z.array(z.object({ name: z.string(), columns: z.array(columnSchema), rows: z.number().int().nonnegative(), sha256: z.string() })),
  uploads: z.object({
    provider: z.string(),
    files: z.array(
      z.object({
        // Relative and inside uploads/: a manifest must not make the restore write elsewhere.
        path: z.string().refine((file) => !path.isAbsolute(file) && !file.split(/[\\/]/).includes('..'), 'must be a path inside uploads/'),
        bytes: z.number().int().nonnegative(),
        sha256: z.string(),
        // The URL a Media Library row points at for this file (backups of a bucket); without it,
        // /uploads/<path>. Older backups have none.
        url: z.string().refine(isMediaUrl, 'must be an http(s) URL or /uploads/…').optional(),
      })
    ),
    missing: z.array(z.string()),
  }),
  leftOut: z.object({ tables: z.array(z.string()), secretColumns: z.record(z.string(), z.array(z.string())) }),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

export type RestoreReport = {
  tables: number;
  rows: number;
  files: number;
  staffAccounts: number;
  /** Media URLs whose file is not in the backup: the rows still point where they pointed. */
  mediaNotInBackup: string[];
};

type Column = z.infer<typeof columnSchema>;
type TableShape = { name: string; columns: Column[]; foreignKeys: { columns: string[]; referencedTable: string }[] };
type Row = Record<string, unknown>;
type Knex = Core.Strapi['db']['connection'];

/** The app's tables as the database has them, minus what a backup leaves out. */
async function tablesInScope(strapi: Core.Strapi, scope: BackupScope): Promise<TableShape[]> {
  const { tables } = await strapi.db.dialect.schemaInspector.getSchema();
  return tables
    .filter((table) => !scope.leftOutTables.includes(table.name))
    .map((table) => ({
      name: table.name,
      columns: table.columns.map(({ name, type }) => ({ name, type })),
      foreignKeys: table.foreignKeys.map(({ columns, referencedTable }) => ({ columns, referencedTable })),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

const tableIn = (trx: Knex, schema: string | undefined, table: string) => (schema ? trx(table).withSchema(schema) : trx(table));

const sha256Of = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

const filesUnder = (root: string, dir = root): string[] =>
  fs.existsSync(dir)
    ? fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return filesUnder(root, full);
        return entry.name === '.gitkeep' ? [] : [path.relative(root, full)];
      })
    : [];

const uploadsRoot = (strapi: Core.Strapi) => path.join(strapi.dirs.static.public, 'uploads');
const uploadProvider = (strapi: Core.Strapi): string => strapi.config.get('plugin::upload.provider', 'local');

/** What a restore needs of the configured upload provider (local, aws-s3, …): Strapi's provider interface. */
type ProviderFile = {
  name: string;
  hash: string;
  ext: string;
  mime: string;
  size: number;
  sizeInBytes: number;
  url: string;
  buffer?: Buffer;
  provider_metadata?: unknown;
};
type UploadProvider = { upload?: (file: ProviderFile) => Promise<void> | void };

async function readTable(trx: Knex, schema: string | undefined, table: TableShape, onRow: (row: Row) => void) {
  if (!table.columns.some((column) => column.name === 'id')) {
    (await tableIn(trx, schema, table.name).select('*')).forEach(onRow);
    return;
  }
  for (let after: unknown = null; ; ) {
    const query = tableIn(trx, schema, table.name).select('*').orderBy('id').limit(PAGE_SIZE);
    const page: Row[] = await (after === null ? query : query.where('id', '>', after as number));
    page.forEach(onRow);
    if (page.length < PAGE_SIZE) return;
    after = page[page.length - 1].id;
  }
}

/** Writes a table's rows, portable and without secrets, one JSON line each; returns the count and the file's SHA-256. */
async function writeTable(trx: Knex, schema: string | undefined, table: TableShape, file: string, scope: BackupScope, onRow: (row: Row) => void) {
  const output = fs.openSync(file, 'w');
  const hash = createHash('sha256');
  let count = 0;
  try {
    await readTable(trx, schema, table, (row) => {
      const portable: Row = {};
      for (const column of table.columns) {
        try {
          portable[column.name] = toPortable(row[column.name], column.type);
        } catch (error) {
          throw new BackupError(`${table.name}.${column.name} (id ${String(row.id)}): ${(error as Error).message}`);
        }
      }
      onRow(portable);
      const line = `${JSON.stringify(withoutSecrets(table.name, portable, scope))}\n`;
      fs.writeSync(output, line);
      hash.update(line);
      count += 1;
    });
  } finally {
    fs.closeSync(output);
  }
  return { rows: count, sha256: hash.digest('hex') };
}

type CopiedUploads = Pick<BackupManifest['uploads'], 'files' | 'missing'>;

/** The local provider's folder as it is, and which of the rows' /uploads/… files were not in it. */
function copyLocalUploads(strapi: Core.Strapi, directory: string, referenced: ReadonlyMap<string, MediaObject>): CopiedUploads {
  const root = uploadsRoot(strapi);
  const files: CopiedUploads['files'] = [];
  for (const relative of filesUnder(root)) {
    const target = path.join(directory, UPLOADS_DIR, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const bytes = fs.readFileSync(path.join(root, relative));
    fs.writeFileSync(target, bytes);
    files.push({ path: relative, bytes: bytes.length, sha256: sha256Of(bytes) });
  }
  const copied = new Set(files.map((file) => carriedUrl(file)));
  const missing = [...referenced.keys()].filter((url) => url.startsWith('/uploads/') && !copied.has(url)).sort();
  return { files, missing };
}

/**
 * An object's bytes: /uploads/… from this server's disk (files kept there before the switch to a
 * bucket), an http(s) URL as readers get it (the bucket, or S3_PUBLIC_URL in front of it).
 */
async function readObject(strapi: Core.Strapi, url: string): Promise<{ bytes: Buffer } | { problem: string }> {
  if (url.startsWith('/uploads/')) {
    const root = uploadsRoot(strapi);
    const file = path.resolve(root, url.slice('/uploads/'.length));
    if (!file.startsWith(`${root}${path.sep}`) || !fs.existsSync(file)) return { problem: "not on this server's disk" };
    return { bytes: fs.readFileSync(file) };
  }
  if (!/^https?:\/\//i.test(url)) return { problem: 'not an http(s) URL' };
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    if (!response.ok) return { problem: `HTTP ${response.status}` };
    return { bytes: Buffer.from(await response.arrayBuffer()) };
  } catch (error) {
    return { problem: (error as Error).message };
  }
}

/** Every object the rows point at (the file and its formats), named by hash under uploads/; what cannot be read is missing. */
async function copyReferencedObjects(strapi: Core.Strapi, directory: string, referenced: ReadonlyMap<string, MediaObject>): Promise<CopiedUploads> {
  const taken = new Set<string>();
  const planned = [...referenced.values()].map((object) => ({ url: object.url, name: backupFileName(object, taken) }));
  const files: CopiedUploads['files'] = [];
  const missing: string[] = [];
  fs.mkdirSync(path.join(directory, UPLOADS_DIR), { recursive: true });
  for (let start = 0; start < planned.length; start += FETCH_CONCURRENCY) {
    await Promise.all(
      planned.slice(start, start + FETCH_CONCURRENCY).map(async ({ url, name }) => {
        const read = await readObject(strapi, url);
        if ('problem' in read) {
          strapi.log.warn(`backup: ${url} could not be read: ${read.problem}`);
          missing.push(url);
          return;
        }
        fs.writeFileSync(path.join(directory, UPLOADS_DIR, name), read.bytes);
        files.push({ path: name, bytes: read.bytes.length, sha256: sha256Of(read.bytes), url });
      })
    );
  }
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { files, missing: missing.sort() };
}

export async function createBackup(strapi: Core.Strapi, directory: string): Promise<BackupManifest> {
  if (fs.existsSync(directory) && fs.readdirSync(directory).length > 0) {
    throw new BackupError(`${directory} is not empty; give a new directory for the backup`);
  }
  fs.mkdirSync(path.join(directory, TABLES_DIR), { recursive: true });
  const scope = backupScope(strapi);
  const tables = await tablesInScope(strapi, scope);
  const client = strapi.db.dialect.client;
  const filesTable = strapi.db.metadata.get('plugin::upload.file').tableName;
  const referenced = new Map<string, MediaObject>();
  const written: BackupManifest['tables'] = [];

  await strapi.db.connection.transaction(async (trx) => {
    // One snapshot for every table, however long the copy takes and whatever editors do meanwhile.
    if (client === 'postgres') await trx.raw('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    for (const table of tables) {
      const file = path.join(directory, TABLES_DIR, `${table.name}.jsonl`);
      const { rows, sha256: digest } = await writeTable(trx, strapi.db.getSchemaName(), table, file, scope, (row) => {
        if (table.name === filesTable) for (const object of mediaObjects(row)) if (!referenced.has(object.url)) referenced.set(object.url, object);
      });
      written.push({ name: table.name, columns: table.columns, rows, sha256: digest });
    }
  });

  const provider = uploadProvider(strapi);
  const { files, missing } = provider === 'local' ? copyLocalUploads(strapi, directory, referenced) : await copyReferencedObjects(strapi, directory, referenced);
  const manifest: BackupManifest = {
    format: 'spis-backup',
    version: 1,
    createdAt: new Date().toISOString(),
    database: client,
    tables: written,
    uploads: { provider, files, missing },
    leftOut: { tables: scope.leftOutTables, secretColumns: scope.secretColumns },
  };
  fs.writeFileSync(path.join(directory, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Reads the manifest and checks every file against it before anything is written. */
function readVerifiedManifest(directory: string): BackupManifest {
  const manifestFile = path.join(directory, MANIFEST);
  if (!fs.existsSync(manifestFile)) throw new BackupError(`${directory} has no ${MANIFEST}: not a backup, or one that did not finish`);
  let manifest: BackupManifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(fs.readFileSync(manifestFile, 'utf8')));
  } catch (error) {
    throw new BackupError(`${manifestFile} is not a backup manifest this version reads: ${(error as Error).message}`);
  }
  const damaged = [
    ...manifest.tables.map((table) => ({ file: path.join(TABLES_DIR, `${table.name}.jsonl`), sha256: table.sha256 })),
    ...manifest.uploads.files.map((file) => ({ file: path.join(UPLOADS_DIR, file.path), sha256: file.sha256 })),
  ].filter(({ file, sha256: expected }) => {
    const full = path.join(directory, file);
    return !fs.existsSync(full) || sha256Of(fs.readFileSync(full)) !== expected;
  });
  if (damaged.length > 0) {
    throw new BackupError(`the backup is damaged: ${damaged.map(({ file }) => file).join(', ')} missing or changed since it was written`);
  }
  return manifest;
}

/** The backup must fit this release's schema table for table, column for column. */
function findSchemaDifferences(manifest: BackupManifest, target: TableShape[]): string[] {
  const targetByName = new Map(target.map((table) => [table.name, table]));
  const backupNames = new Set(manifest.tables.map((table) => table.name));
  const problems = target.filter((table) => !backupNames.has(table.name)).map((table) => `table ${table.name} is not in the backup`);
  for (const table of manifest.tables) {
    const existing = targetByName.get(table.name);
    if (!existing) {
      problems.push(`table ${table.name} does not exist in this database`);
      continue;
    }
    const names = new Set(existing.columns.map((column) => column.name));
    const backupColumns = new Set(table.columns.map((column) => column.name));
    for (const column of backupColumns) if (!names.has(column)) problems.push(`column ${table.name}.${column} does not exist in this database`);
    for (const column of names) if (!backupColumns.has(column)) problems.push(`column ${table.name}.${column} is not in the backup`);
  }
  return problems;
}

/** Content, media or staff accounts already there: a restore would mix two sites. */
async function findExistingContent(strapi: Core.Strapi): Promise<string[]> {
  const uids = [...Object.keys(strapi.contentTypes).filter((uid) => uid.startsWith('api::')), 'plugin::upload.file', 'admin::user'];
  const found: string[] = [];
  for (const uid of uids) {
    const count = await strapi.db.query(uid as never).count();
    if (count > 0) found.push(`${count} ${uid}`);
  }
  return found;
}

async function* rowsOf(directory: string, table: string): AsyncGenerator<Row> {
  const lines = readline.createInterface({ input: fs.createReadStream(path.join(directory, TABLES_DIR, `${table}.jsonl`), 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) if (line.length > 0) yield JSON.parse(line) as Row;
}

type PlacedMedia = { placed: Map<string, PlacedObject>; notInBackup: string[] };

/**
 * Puts every backed-up object a Media Library row points at through this server's upload
 * provider, under the row's hash and extension as an upload would, and says where each went.
 * Refuses, before any row is written, what it cannot place faithfully.
 */
async function placeMedia(strapi: Core.Strapi, directory: string, manifest: BackupManifest, filesTable: string): Promise<PlacedMedia> {
  const provider = strapi.plugin('upload').provider as UploadProvider | undefined;
  const target = uploadProvider(strapi);
  const carried = new Map(manifest.uploads.files.map((file) => [carriedUrl(file), file]));
  const placed = new Map<string, PlacedObject>();
  const notInBackup = new Set<string>();
  /** Provider name (hash + extension) → the URL whose object it holds: two objects must not share one. */
  const names = new Map<string, string>();
  const place = async (object: MediaObject) => {
    const file = carried.get(object.url);
    if (!file) {
      notInBackup.add(object.url);
      return;
    }
    const what = `${object.url}${object.format ? ` (format ${object.format})` : ''}`;
    if (!isSafeHash(object.hash) || !isSafeExt(object.ext)) {
      throw new BackupError(`cannot put ${what} into the ${target} upload provider: its hash and extension (${JSON.stringify(object.hash + object.ext)}) are not a file name`);
    }
    const name = `${object.hash}${object.ext}`.toLowerCase();
    const holder = names.get(name);
    if (holder !== undefined && holder !== object.url) {
      throw new BackupError(`cannot put ${what} into the ${target} upload provider: ${holder} has the same name (${object.hash}${object.ext})`);
    }
    names.set(name, object.url);
    if (typeof provider?.upload !== 'function') throw new BackupError(`the ${target} upload provider cannot store files`);
    const upload: ProviderFile = {
      name: object.name || `${object.hash}${object.ext}`,
      hash: object.hash,
      ext: object.ext,
      mime: object.mime || 'application/octet-stream',
      size: Math.round((file.bytes / 1000) * 100) / 100,
      sizeInBytes: file.bytes,
      url: '',
      buffer: fs.readFileSync(path.join(directory, UPLOADS_DIR, file.path)),
    };
    try {
      await provider.upload(upload);
    } catch (error) {
      throw new BackupError(`the ${target} upload provider refused ${what}: ${(error as Error).message} (${placed.size} files were put there before)`);
    }
    if (typeof upload.url !== 'string' || upload.url.length === 0) throw new BackupError(`the ${target} upload provider gave no URL for ${what}`);
    placed.set(object.url, { url: upload.url, providerMetadata: upload.provider_metadata });
  };
  for await (const row of rowsOf(directory, filesTable)) {
    for (const object of mediaObjects(row)) if (!placed.has(object.url)) await place(object);
  }
  return { placed, notInBackup: [...notInBackup].sort() };
}

export async function restoreBackup(strapi: Core.Strapi, directory: string): Promise<RestoreReport> {
  const manifest = readVerifiedManifest(directory);
  const scope = backupScope(strapi);
  const target = await tablesInScope(strapi, scope);
  const differences = findSchemaDifferences(manifest, target);
  if (differences.length > 0) {
    throw new BackupError(`the backup does not fit this release's database schema:\n  ${differences.join('\n  ')}`);
  }
  const existing = await findExistingContent(strapi);
  if (existing.length > 0) {
    throw new BackupError(`the database already holds ${existing.join(', ')}; restore only into an empty database`);
  }

  const schema = strapi.db.getSchemaName();
  const { order, deferred } = planInserts(target);
  const backupTables = new Map(manifest.tables.map((table) => [table.name, table]));
  const filesTable = strapi.db.metadata.get('plugin::upload.file').tableName;
  const targetProvider = uploadProvider(strapi);
  // A local backup into a local server: public/uploads as it was. Anything else goes through the provider.
  const copyUploads = manifest.uploads.provider === 'local' && targetProvider === 'local';
  const media = copyUploads ? undefined : await placeMedia(strapi, directory, manifest, filesTable);
  let rows = 0;

  await strapi.db.connection.transaction(async (trx) => {
    // What the app wrote while loading on the empty database (locales, roles, settings) gives way to the backup's.
    for (const table of [...order].reverse()) await tableIn(trx, schema, table).del();
    const later: { table: string; id: unknown; values: Row }[] = [];
    for (const name of order) {
      const { columns } = backupTables.get(name)!;
      const postponed = deferred[name] ?? [];
      const batchSize = Math.max(1, Math.min(500, Math.floor(MAX_BINDINGS / columns.length)));
      let batch: Row[] = [];
      const flush = async () => {
        if (batch.length > 0) await tableIn(trx, schema, name).insert(batch);
        batch = [];
      };
      for await (const stored of rowsOf(directory, name)) {
        const portable = media && name === filesTable ? rewriteFileRow(stored, media.placed, targetProvider) : stored;
        const row: Row = {};
        for (const column of columns) row[column.name] = fromPortable(portable[column.name], column.type);
        const values = Object.fromEntries(postponed.filter((column) => row[column] !== null).map((column) => [column, row[column]]));
        if (Object.keys(values).length > 0) later.push({ table: name, id: row.id, values });
        for (const column of postponed) row[column] = null;
        batch.push(row);
        rows += 1;
        if (batch.length >= batchSize) await flush();
      }
      await flush();
    }
    for (const { table, id, values } of later) await tableIn(trx, schema, table).where({ id }).update(values);
    if (strapi.db.dialect.client === 'postgres') {
      // Rows came with their ids; the next new row must not collide with them.
      for (const table of target.filter((candidate) => candidate.columns.some((column) => column.name === 'id'))) {
        const qualified = schema ? `"${schema}"."${table.name}"` : `"${table.name}"`;
        await trx.raw(`SELECT setval(pg_get_serial_sequence(?, 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM ??), false)`, [
          qualified,
          schema ? `${schema}.${table.name}` : table.name,
        ]);
      }
    }
  });

  // Which version fallback reads serve follows this instance's chains, not the backed-up one's.
  await reflagAll(strapi);
  // Mirrors that followed the feed of the database now replaced must download again (410).
  await renewFeedEpoch(strapi);
  if (copyUploads) {
    for (const file of manifest.uploads.files) {
      const destination = path.join(uploadsRoot(strapi), file.path);
      fs.mkdirSync(path.dirname(destination), { recursive: true });
      fs.copyFileSync(path.join(directory, UPLOADS_DIR, file.path), destination);
    }
  }
  return {
    tables: manifest.tables.length,
    rows,
    files: media ? media.placed.size : manifest.uploads.files.length,
    staffAccounts: backupTables.get(strapi.db.metadata.get('admin::user').tableName)?.rows ?? 0,
    mediaNotInBackup: media ? media.notInBackup : manifest.uploads.missing,
  };
}
