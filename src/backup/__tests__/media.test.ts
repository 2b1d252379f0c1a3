import { backupFileName, carriedUrl, isMediaUrl, mediaObjects, rewriteFileRow } from '../media';

const BUCKET = 'https://spis-media.s3.eu-central-1.amazonaws.com/spis';

/** A Media Library row as a backup keeps it (JSON columns parsed). */
const row = (overrides: Record<string, unknown> = {}) => ({
  id: 7,
  name: 'radionica-šamac.jpg',
  hash: 'radionica_samac_1a2b3c',
  ext: '.jpg',
  mime: 'image/jpeg',
  url: `${BUCKET}/radionica_samac_1a2b3c.jpg`,
  provider: 'aws-s3',
  provider_metadata: null,
  formats: {
    thumbnail: {
      name: 'thumbnail_radionica-šamac.jpg',
      hash: 'thumbnail_radionica_samac_1a2b3c',
      ext: '.jpg',
      mime: 'image/jpeg',
      url: `${BUCKET}/thumbnail_radionica_samac_1a2b3c.jpg`,
    },
    small: { name: 'small_radionica-šamac.jpg', hash: 'small_radionica_samac_1a2b3c', ext: '.jpg', mime: 'image/jpeg', url: `${BUCKET}/small_radionica_samac_1a2b3c.jpg` },
  },
  ...overrides,
});

describe('mediaObjects', () => {
  it('lists the file and its formats (in key order) with what an upload provider needs to name them', () => {
    expect(mediaObjects(row())).toEqual([
      { url: `${BUCKET}/radionica_samac_1a2b3c.jpg`, hash: 'radionica_samac_1a2b3c', ext: '.jpg', mime: 'image/jpeg', name: 'radionica-šamac.jpg' },
      {
        url: `${BUCKET}/small_radionica_samac_1a2b3c.jpg`,
        hash: 'small_radionica_samac_1a2b3c',
        ext: '.jpg',
        mime: 'image/jpeg',
        name: 'small_radionica-šamac.jpg',
        format: 'small',
      },
      {
        url: `${BUCKET}/thumbnail_radionica_samac_1a2b3c.jpg`,
        hash: 'thumbnail_radionica_samac_1a2b3c',
        ext: '.jpg',
        mime: 'image/jpeg',
        name: 'thumbnail_radionica-šamac.jpg',
        format: 'thumbnail',
      },
    ]);
  });

  it('skips what points nowhere: no formats, a format without URL, no URL', () => {
    expect(mediaObjects(row({ formats: null })).map((object) => object.url)).toEqual([`${BUCKET}/radionica_samac_1a2b3c.jpg`]);
    expect(mediaObjects(row({ url: null, formats: { small: { hash: 'x' }, medium: null } }))).toEqual([]);
  });
});

describe('backupFileName', () => {
  it('names an object by its hash and extension, as the local provider names files', () => {
    expect(backupFileName({ url: `${BUCKET}/a.jpg`, hash: 'radionica_samac_1a2b3c', ext: '.jpg' }, new Set())).toBe('radionica_samac_1a2b3c.jpg');
  });

  it('never names a path outside uploads/, whatever the row says', () => {
    const taken = new Set<string>();
    expect(backupFileName({ url: `${BUCKET}/..%2F..%2Fetc%2Fpasswd`, hash: '../../etc/passwd', ext: '' }, taken)).toBe('etc_passwd');
    expect(backupFileName({ url: 'https://cdn.example.org/x/Slika%20Š.png?v=2', hash: '', ext: '.png' }, taken)).toBe('Slika.png');
    expect(backupFileName({ url: 'https://cdn.example.org/bad%E0%A4%A.gif', hash: '', ext: '.gif' }, taken)).toBe('bad_E0_A4_A.gif');
    expect(backupFileName({ url: 'https://cdn.example.org/', hash: 'a/b', ext: '/../x' }, taken)).toBe('file');
    for (const name of taken) expect(name).toMatch(/^[a-z0-9_-][a-z0-9._-]*$/);
  });

  it('numbers a name that is taken, ignoring case', () => {
    const taken = new Set<string>();
    expect(backupFileName({ url: `${BUCKET}/1`, hash: 'photo_1', ext: '.jpg' }, taken)).toBe('photo_1.jpg');
    expect(backupFileName({ url: `${BUCKET}/2`, hash: 'PHOTO_1', ext: '.JPG' }, taken)).toBe('PHOTO_1-2.JPG');
    expect(backupFileName({ url: `${BUCKET}/3`, hash: 'photo_1', ext: '.jpg' }, taken)).toBe('photo_1-3.jpg');
  });
});

describe('carriedUrl and isMediaUrl', () => {
  it('reads the URL a backed-up file came from: the manifest says it, or a local file sits under /uploads/', () => {
    expect(carriedUrl({ path: 'a_1.png', url: `${BUCKET}/a_1.png` })).toBe(`${BUCKET}/a_1.png`);
    expect(carriedUrl({ path: 'a_1.png' })).toBe('/uploads/a_1.png');
    expect(carriedUrl({ path: 'sub\\a_1.png' })).toBe('/uploads/sub/a_1.png');
  });

  it('accepts http(s) URLs and /uploads/ paths only', () => {
    expect(isMediaUrl(`${BUCKET}/a.jpg`)).toBe(true);
    expect(isMediaUrl('http://127.0.0.1:9000/b/a.jpg')).toBe(true);
    expect(isMediaUrl('/uploads/a.jpg')).toBe(true);
    for (const url of ['file:///etc/passwd', '/etc/passwd', 'javascript:alert(1)', '//evil.example/a', '/uploads/']) expect(isMediaUrl(url)).toBe(false);
  });
});

describe('rewriteFileRow', () => {
  const NEW = 'http://127.0.0.1:9000/spis-restored/spis';
  const placed = new Map([
    [`${BUCKET}/radionica_samac_1a2b3c.jpg`, { url: `${NEW}/radionica_samac_1a2b3c.jpg` }],
    [`${BUCKET}/thumbnail_radionica_samac_1a2b3c.jpg`, { url: `${NEW}/thumbnail_radionica_samac_1a2b3c.jpg` }],
    [`${BUCKET}/small_radionica_samac_1a2b3c.jpg`, { url: `${NEW}/small_radionica_samac_1a2b3c.jpg` }],
  ]);

  it('points the file and every format where the provider put them, and makes the row that provider’s', () => {
    const original = row();
    const rewritten = rewriteFileRow(original, placed, 'aws-s3');
    expect(rewritten).toEqual({
      ...original,
      url: `${NEW}/radionica_samac_1a2b3c.jpg`,
      provider: 'aws-s3',
      provider_metadata: null,
      formats: {
        thumbnail: { ...original.formats.thumbnail, url: `${NEW}/thumbnail_radionica_samac_1a2b3c.jpg` },
        small: { ...original.formats.small, url: `${NEW}/small_radionica_samac_1a2b3c.jpg` },
      },
    });
    expect(original.url).toBe(`${BUCKET}/radionica_samac_1a2b3c.jpg`);
  });

  it('moves an S3 row to the local provider, with what that provider says', () => {
    const local = new Map([[`${BUCKET}/radionica_samac_1a2b3c.jpg`, { url: '/uploads/radionica_samac_1a2b3c.jpg', providerMetadata: { moved: true } }]]);
    const rewritten = rewriteFileRow(row({ formats: null }), local, 'local');
    expect(rewritten).toMatchObject({ url: '/uploads/radionica_samac_1a2b3c.jpg', provider: 'local', provider_metadata: { moved: true }, formats: null });
  });

  it('leaves a URL that did not move, and the row’s provider with it', () => {
    const onlyThumbnail = new Map([...placed].filter(([url]) => url.includes('thumbnail_')));
    const rewritten = rewriteFileRow(row(), onlyThumbnail, 'local');
    expect(rewritten.url).toBe(`${BUCKET}/radionica_samac_1a2b3c.jpg`);
    expect(rewritten.provider).toBe('aws-s3');
    expect((rewritten.formats as Record<string, { url: string }>).small.url).toBe(`${BUCKET}/small_radionica_samac_1a2b3c.jpg`);
    expect((rewritten.formats as Record<string, { url: string }>).thumbnail.url).toBe(`${NEW}/thumbnail_radionica_samac_1a2b3c.jpg`);
  });
});
