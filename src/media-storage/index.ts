/**
 * Where the Media Library keeps files: this server's disk (`public/uploads`, the default), or an
 * S3-compatible bucket through Strapi's official provider, so that several instances serve the
 * same files. Chosen by UPLOAD_PROVIDER and the S3_* variables (src/env.ts). Pure.
 */
import type { Env } from '../env';

type StorageEnv = Pick<
  Env,
  'UPLOAD_PROVIDER' | 'S3_BUCKET' | 'S3_REGION' | 'S3_ENDPOINT' | 'S3_FORCE_PATH_STYLE' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY' | 'S3_PUBLIC_URL' | 'S3_PREFIX'
>;

/** The upload plugin's `provider` and `providerOptions` (nothing for the local disk, Strapi's default). */
export function uploadProviderConfig(env: StorageEnv): Record<string, unknown> {
  if (env.UPLOAD_PROVIDER !== 's3') return {};
  return {
    provider: 'aws-s3',
    providerOptions: {
      baseUrl: env.S3_PUBLIC_URL?.replace(/\/+$/, ''),
      rootPath: env.S3_PREFIX,
      s3Options: {
        region: env.S3_REGION,
        endpoint: env.S3_ENDPOINT,
        forcePathStyle: env.S3_FORCE_PATH_STYLE,
        ...(env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY ? { credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY } } : {}),
        // No ACL header (the provider would send public-read): buckets made since 2023 refuse ACLs;
        // readers get the files through the bucket's policy or the CDN in front of it.
        params: { Bucket: env.S3_BUCKET, ACL: undefined },
      },
    },
  };
}

/** The origin readers and the admin panel load media from, besides this server. */
export function mediaOrigin(env: StorageEnv): string | undefined {
  if (env.UPLOAD_PROVIDER !== 's3') return undefined;
  if (env.S3_PUBLIC_URL) return new URL(env.S3_PUBLIC_URL).origin;
  const endpoint = new URL(env.S3_ENDPOINT ?? `https://s3.${env.S3_REGION}.amazonaws.com`);
  if (env.S3_FORCE_PATH_STYLE) return endpoint.origin;
  return `${endpoint.protocol}//${env.S3_BUCKET}.${endpoint.host}`;
}
