import { parseEnv } from '../../env';
import { mediaOrigin, uploadProviderConfig } from '..';

const SECRETS = { APP_KEYS: 'a,b', API_TOKEN_SALT: 's', ADMIN_JWT_SECRET: 's', TRANSFER_TOKEN_SALT: 's', JWT_SECRET: 's', ENCRYPTION_KEY: 's' };
const envWith = (variables: Record<string, string>) => parseEnv({ NODE_ENV: 'test', ...SECRETS, ...variables });

describe('uploadProviderConfig', () => {
  it('leaves Strapi on the local disk by default', () => {
    expect(uploadProviderConfig(envWith({}))).toEqual({});
    expect(mediaOrigin(envWith({}))).toBeUndefined();
  });

  it('configures the official S3 provider from the S3_* variables, without an ACL', () => {
    const env = envWith({
      UPLOAD_PROVIDER: 's3',
      S3_BUCKET: 'spis',
      S3_REGION: 'eu-central-1',
      S3_ENDPOINT: 'https://s3.example.ba',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_PUBLIC_URL: 'https://cdn.example.ba/media/',
      S3_PREFIX: 'spis/media',
    });
    expect(uploadProviderConfig(env)).toEqual({
      provider: 'aws-s3',
      providerOptions: {
        baseUrl: 'https://cdn.example.ba/media',
        rootPath: 'spis/media',
        s3Options: {
          region: 'eu-central-1',
          endpoint: 'https://s3.example.ba',
          forcePathStyle: false,
          credentials: { accessKeyId: 'key', secretAccessKey: 'secret' },
          params: { Bucket: 'spis', ACL: undefined },
        },
      },
    });
    expect(mediaOrigin(env)).toBe('https://cdn.example.ba');
  });

  it.each([
    [{ S3_FORCE_PATH_STYLE: 'true', S3_ENDPOINT: 'http://127.0.0.1:9000' }, 'http://127.0.0.1:9000'],
    [{ S3_ENDPOINT: 'https://s3.example.ba' }, 'https://spis.s3.example.ba'],
    [{ S3_REGION: 'eu-west-1' }, 'https://spis.s3.eu-west-1.amazonaws.com'],
  ])('lets the admin panel load images from the bucket (%j)', (variables, origin) => {
    expect(mediaOrigin(envWith({ UPLOAD_PROVIDER: 's3', S3_BUCKET: 'spis', ...variables }))).toBe(origin);
    expect(uploadProviderConfig(envWith({ UPLOAD_PROVIDER: 's3', S3_BUCKET: 'spis', ...variables }))).not.toHaveProperty('providerOptions.s3Options.credentials');
  });

  it.each([
    [{ UPLOAD_PROVIDER: 's3' }, 'S3_BUCKET: is required when UPLOAD_PROVIDER is s3'],
    [{ UPLOAD_PROVIDER: 's3', S3_BUCKET: 'spis', S3_ACCESS_KEY_ID: 'key' }, 'S3_SECRET_ACCESS_KEY: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together'],
    [{ UPLOAD_PROVIDER: 'gcs' }, 'UPLOAD_PROVIDER'],
    [{ UPLOAD_PROVIDER: 's3', S3_BUCKET: 'spis', S3_PREFIX: '../up' }, 'S3_PREFIX: must be a folder name'],
  ])('refuses %j at start-up', (variables, message) => {
    expect(() => envWith(variables)).toThrow(message);
  });
});
