/**
 * Who may write what, on every write route: one table of roles × routes, each cell an HTTP call
 * on a fresh news article of someone else's (the Editor's), or of the caller's own where the
 * cell says so. Staff act through the admin panel's API; the public, a partner's read-only
 * token and a full-access token through REST. A refused write must leave the document as it
 * was, and an allowed staff write must have done what it says: each such cell also checks the
 * database afterwards. (A REST write publishes by default, and Strapi then copies shared fields
 * to the other published versions only; its effects are not the subject here.)
 */
import type { Core } from '@strapi/strapi';
import { contentManagerRequest, loginAsNewAdmin } from '../helpers/admin';
import { api, createApiToken, setupStrapi, teardownStrapi } from '../helpers/strapi';
import { deleteNewsCreatedSince } from '../helpers/cleanup';

const NEWS = 'api::news-article.news-article';
const DATE = '2026-11-23';
const OTHER_DATE = '2027-01-05';

type Staff = 'editor' | 'author' | 'translator-hr';
type Caller = Staff | 'anonymous' | 'read-only token' | 'full-access token';
type Route =
  | 'create'
  | 'update'
  | 'update translation'
  | 'create-locale'
  | 'create-locale changing shared field'
  | 'shared field via hr'
  | 'clone'
  | 'relations connect'
  | 'publish'
  | 'bulk publish'
  | 'schedule';

let strapi: Core.Strapi;
const fileStarted = new Date();
const jwts = {} as Record<Staff, string>;
const tokens = {} as Record<'read-only token' | 'full-access token', string>;
let municipalityId: string;

const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();
const isStaff = (caller: Caller): caller is Staff => caller in jwts;
const cm = (caller: Staff, method: 'get' | 'post' | 'put', path = '') => contentManagerRequest(jwts[caller], method, NEWS, path);
const rest = (caller: Exclude<Caller, Staff>, method: 'post' | 'put', path: string) => {
  const call = api()[method](`/api/news-articles${path}`);
  return caller === 'anonymous' ? call : call.set('Authorization', `Bearer ${tokens[caller]}`);
};

/** A news article with a bs and an hr version, both by `owner` (the Editor unless the cell says). */
async function article(owner: Staff): Promise<string> {
  const created = await cm(owner, 'post', '?locale=bs').send({ title: `Matrica ${Math.random().toString(36).slice(2)}`, publicationDate: DATE });
  expect(created.status).toBe(201);
  const { documentId } = created.body.data;
  expect((await cm(owner, 'put', `/${documentId}?locale=hr`).send({ title: 'Matrica (hr)', publicationDate: DATE })).status).toBe(200);
  return documentId;
}

type Version = { locale: string; publishedAt: string | null; publicationDate: string; scheduledPublishAt: string | null; title: string };
const versions = async (documentId: string): Promise<Version[]> =>
  strapi.db.query(NEWS).findMany({ where: { documentId }, select: ['locale', 'publishedAt', 'publicationDate', 'scheduledPublishAt', 'title'], orderBy: { locale: 'asc' } });
const linkedMunicipalities = async (documentId: string, locale: string) => {
  const row = await strapi.db.query(NEWS).findOne({ where: { documentId, locale, publishedAt: null }, populate: { municipalities: { select: ['documentId'] } } });
  return (row?.municipalities ?? []).map((m: { documentId: string }) => m.documentId);
};

type Outcome = { status: number; body?: { data?: { documentId?: string }; error?: { message?: string } } };
/** What each route does, for a caller, on a document (created fresh for the cell). */
const ROUTES: Record<Route, (caller: Caller, documentId: string) => Promise<Outcome>> = {
  async create(caller) {
    const data = { title: `Nova ${Math.random().toString(36).slice(2)}`, publicationDate: DATE };
    return isStaff(caller) ? cm(caller, 'post', '?locale=bs').send(data) : rest(caller, 'post', '?locale=bs').send({ data });
  },
  async update(caller, documentId) {
    const data = { title: 'Prepravljeno' };
    return isStaff(caller) ? cm(caller, 'put', `/${documentId}?locale=bs`).send(data) : rest(caller, 'put', `/${documentId}?locale=bs`).send({ data });
  },
  async 'update translation'(caller, documentId) {
    const data = { title: 'Prijevod (hr, uređeno)' };
    return isStaff(caller) ? cm(caller, 'put', `/${documentId}?locale=hr`).send(data) : rest(caller, 'put', `/${documentId}?locale=hr`).send({ data });
  },
  /** A new en version, with the shared fields as they are (the panel sends the whole form). */
  async 'create-locale'(caller, documentId) {
    const data = { title: 'Translated (en)', publicationDate: DATE };
    return isStaff(caller) ? cm(caller, 'put', `/${documentId}?locale=en`).send(data) : rest(caller, 'put', `/${documentId}?locale=en`).send({ data });
  },
  async 'create-locale changing shared field'(caller, documentId) {
    const data = { title: 'Translated (en)', publicationDate: OTHER_DATE };
    return isStaff(caller) ? cm(caller, 'put', `/${documentId}?locale=en`).send(data) : rest(caller, 'put', `/${documentId}?locale=en`).send({ data });
  },
  /** Writing the hr version with another publication date: a field every version shares. */
  async 'shared field via hr'(caller, documentId) {
    const data = { title: 'Prijevod (hr)', publicationDate: OTHER_DATE };
    return isStaff(caller) ? cm(caller, 'put', `/${documentId}?locale=hr`).send(data) : rest(caller, 'put', `/${documentId}?locale=hr`).send({ data });
  },
  async clone(caller, documentId) {
    if (!isStaff(caller)) throw new Error('clone is an admin-panel route');
    return cm(caller, 'post', `/clone/${documentId}?locale=bs`).send({ title: 'Kopija', slug: `kopija-${Math.random().toString(36).slice(2)}` });
  },
  /** Linking a municipality in the hr version (links are shared by every version). */
  async 'relations connect'(caller, documentId) {
    return isStaff(caller)
      ? cm(caller, 'put', `/${documentId}?locale=hr`).send({ municipalities: { connect: [{ documentId: municipalityId, locale: 'hr' }] } })
      : rest(caller, 'put', `/${documentId}?locale=hr`).send({ data: { municipalities: { connect: [municipalityId] } } });
  },
  async publish(caller, documentId) {
    const locale = caller === 'translator-hr' ? 'hr' : 'bs';
    return isStaff(caller)
      ? cm(caller, 'post', `/${documentId}/actions/publish?locale=${locale}`).send({})
      : rest(caller, 'put', `/${documentId}?locale=bs&status=published`).send({ data: { title: 'Objavljeno' } });
  },
  async 'bulk publish'(caller, documentId) {
    if (!isStaff(caller)) throw new Error('bulk publish is an admin-panel route');
    const locale = caller === 'translator-hr' ? 'hr' : 'bs';
    return cm(caller, 'post', `/actions/bulkPublish?locale=${locale}`).send({ documentIds: [documentId] });
  },
  /** Setting "Publish at" on the caller's own version (the translator's: hr). */
  async schedule(caller, documentId) {
    const data = { scheduledPublishAt: inAnHour() };
    const locale = caller === 'translator-hr' ? 'hr' : 'bs';
    return isStaff(caller) ? cm(caller, 'put', `/${documentId}?locale=${locale}`).send(data) : rest(caller, 'put', `/${documentId}?locale=${locale}`).send({ data });
  },
};

type Cell = { status: number; own?: true; message?: RegExp };
const ok = (status: number, message?: RegExp): Cell => ({ status, message });
const own = (status: number, message?: RegExp): Cell => ({ status, own: true, message });
const CALLERS: Caller[] = ['editor', 'author', 'translator-hr', 'anonymous', 'read-only token', 'full-access token'];

/**
 * Expected status per route, in the order of CALLERS; undefined where the route does not exist
 * for that kind of caller. "own": on the caller's own document (the Author's), so the cell tests
 * the rule in its name, not ownership.
 */
const MATRIX: Record<Route, Array<Cell | undefined>> = {
  create: [ok(201), ok(201), ok(403), ok(403), ok(403), ok(201)],
  update: [ok(200), ok(403), ok(403), ok(403), ok(403), ok(200)],
  'update translation': [ok(200), ok(403), ok(200), ok(403), ok(403), ok(200)],
  'create-locale': [ok(200), ok(200), ok(403), ok(403), ok(403), ok(200)],
  'create-locale changing shared field': [ok(200), ok(403, /shares: publicationDate$/), ok(403), ok(403), ok(403), ok(200)],
  'shared field via hr': [ok(200), own(200), ok(403, /shares: publicationDate$/), ok(403), ok(403), ok(200)],
  clone: [ok(200), ok(200), ok(403), undefined, undefined, undefined],
  'relations connect': [ok(200), own(200), ok(403, /shares: municipalities$/), ok(403), ok(403), ok(200)],
  publish: [ok(200), own(403), ok(403), ok(403), ok(403), ok(200)],
  'bulk publish': [ok(200), own(403), ok(403), undefined, undefined, undefined],
  schedule: [ok(200), own(403, /right to publish/), ok(403, /right to publish/), ok(403), ok(403), ok(403)],
};

/** What is wrong in the database after a refused write: anything but the document as it was. */
async function leftTraces(route: Route, documentId: string, before: Version[]): Promise<string[]> {
  const problems: string[] = [];
  const after = await versions(documentId);
  if (JSON.stringify(after) !== JSON.stringify(before)) problems.push(`versions changed: ${JSON.stringify(after)}`);
  if (route === 'relations connect' && (await linkedMunicipalities(documentId, 'bs')).length > 0) problems.push('bs version linked');
  return problems;
}

/** What an allowed write failed to do (beyond answering with its status). */
async function missingEffects(route: Route, documentId: string, outcome: Outcome): Promise<string[]> {
  const all = await versions(documentId);
  const bs = all.find((v) => v.locale === 'bs' && !v.publishedAt)!;
  const wanted: Partial<Record<Route, [string, boolean | Promise<boolean>]>> = {
    'shared field via hr': ['bs publicationDate changed', bs.publicationDate === OTHER_DATE],
    'create-locale changing shared field': ['bs publicationDate changed', bs.publicationDate === OTHER_DATE],
    'create-locale': ['en version created', all.some((v) => v.locale === 'en')],
    'relations connect': ['bs version linked', linkedMunicipalities(documentId, 'bs').then((ids) => ids.includes(municipalityId))],
    publish: ['bs published', all.some((v) => v.locale === 'bs' && v.publishedAt)],
    'bulk publish': ['bs published', all.some((v) => v.locale === 'bs' && v.publishedAt)],
    schedule: ['scheduled', all.some((v) => v.scheduledPublishAt)],
    clone: ['cloned', typeof outcome.body?.data?.documentId === 'string'],
  };
  const effect = wanted[route];
  return effect && !(await effect[1]) ? [`not ${effect[0]}`] : [];
}

beforeAll(async () => {
  strapi = await setupStrapi();
  const codes: Record<Staff, string> = { editor: 'strapi-editor', author: 'strapi-author', 'translator-hr': 'spis-translator-hr' };
  for (const [caller, code] of Object.entries(codes) as Array<[Staff, string]>) {
    jwts[caller] = await loginAsNewAdmin(strapi, [(await strapi.service('admin::role').findOne({ code })).id]);
  }
  tokens['read-only token'] = await createApiToken(strapi, 'read-only');
  tokens['full-access token'] = await createApiToken(strapi, 'full-access');
  const [municipality] = await strapi.db
    .query('api::municipality.municipality')
    .findMany({ where: { locale: { $in: ['bs', 'hr'] } }, select: ['documentId', 'locale'], limit: 50 });
  const both = await strapi.db.query('api::municipality.municipality').count({ where: { documentId: municipality.documentId, locale: { $in: ['bs', 'hr'] }, publishedAt: null } });
  expect(both).toBe(2);
  municipalityId = municipality.documentId;
});

afterAll(async () => {
  await deleteNewsCreatedSince(strapi, fileStarted);
  await teardownStrapi();
});

const cells = (Object.entries(MATRIX) as Array<[Route, Array<Cell | undefined>]>).flatMap(([route, row]) =>
  row.flatMap((cell, i) => (cell ? [{ route, caller: CALLERS[i], ...cell }] : []))
);

it('answers each role on each write route as the table says, and a refused write changes nothing', async () => {
  const results: string[] = [];
  const expected: string[] = [];
  for (const { route, caller, status, own: onOwn, message } of cells) {
    const documentId = await article(onOwn ? (caller as Staff) : 'editor');
    const before = await versions(documentId);
    const outcome = await ROUTES[route](caller, documentId);
    const problems =
      outcome.status !== status
        ? [JSON.stringify(outcome.body?.error ?? null)]
        : status >= 400
          ? [
              ...(await leftTraces(route, documentId, before)),
              ...(isStaff(caller) && !outcome.body?.error?.message ? ['no error message'] : []),
              ...(message && !message.test(outcome.body?.error?.message ?? '') ? [`message: ${outcome.body?.error?.message}`] : []),
            ]
          : isStaff(caller)
            ? await missingEffects(route, documentId, outcome)
            : [];
    results.push([`${route} | ${caller}: ${outcome.status}`, ...problems].join(' — '));
    expected.push(`${route} | ${caller}: ${status}`);
  }
  expect(results).toEqual(expected);
});
