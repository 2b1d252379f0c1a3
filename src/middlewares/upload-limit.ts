/**
 * One upload limit, applied to each file as it was sent and stated in the units people read
 * (UPLOAD_MAX_MB, decimal megabytes as the panel shows file sizes). Strapi measures images only
 * after re-compressing them (a 21.9 MB PNG passed a 20 MB limit) and words its refusal in other
 * rounding ("exceeds size limit of 21 MB").
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { env } from '../env';

export const UPLOAD_LIMIT_BYTES = env.UPLOAD_MAX_MB * 1_000_000;

type SentFile = { size: number; originalFilename?: string | null };

const megabytes = (bytes: number) => (Math.floor(bytes / 100_000) / 10).toLocaleString('en');

/** The refusal for the first file over the limit, if any. */
export function oversizeMessage(files: SentFile[], limitBytes: number): string | undefined {
  const file = files.find(({ size }) => size > limitBytes);
  if (!file) return undefined;
  return `“${file.originalFilename ?? 'The file'}” is ${megabytes(file.size)} MB; files up to ${limitBytes / 1_000_000} MB can be uploaded.`;
}

export default (): Core.MiddlewareHandler => async (ctx, next) => {
  const sent = (ctx.request as { files?: Record<string, SentFile | SentFile[]> }).files;
  if (sent) {
    const message = oversizeMessage(Object.values(sent).flat(), UPLOAD_LIMIT_BYTES);
    if (message) throw new errors.PayloadTooLargeError(message);
  }
  return next();
};
