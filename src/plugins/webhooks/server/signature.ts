import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-SPIS-Signature';

/** `sha256=` and the hex HMAC-SHA256 of the exact body bytes, keyed with the webhook's secret. */
export const signatureOf = (body: string, secret: string): string => `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
