/**
 * Preview links: a JSON Web Token (HS256) naming one version of one document, valid for a short
 * while. Only the admin panel issues them, to an editor who may read that version; whoever holds
 * the link sees the draft until it expires, so it is short-lived and never cached.
 */
import { createHmac } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { z } from 'zod';
import { LOCALE_CODES, type LocaleCode } from '../locales';

/** The types a preview shows (the ones partner sites show as pages of their own). */
export const PREVIEWABLE_TYPES = ['api::news-article.news-article', 'api::workshop.workshop', 'api::page.page'] as const;
export type PreviewableType = (typeof PREVIEWABLE_TYPES)[number];

/** Long enough to edit and save in the preview page a few times, short enough not to be a share link. */
export const PREVIEW_LINK_LIFETIME_SECONDS = 60 * 60;

// The audience keeps a preview token from passing as any other token made from the same secret.
const AUDIENCE = 'spis-preview';
const ALGORITHM = 'HS256';

const previewTarget = z.object({
  uid: z.enum(PREVIEWABLE_TYPES),
  documentId: z.string().min(1).max(64),
  locale: z.enum(LOCALE_CODES as [LocaleCode, ...LocaleCode[]]),
  status: z.enum(['draft', 'published']),
});
export type PreviewTarget = z.infer<typeof previewTarget>;

/**
 * The key preview links are signed with, derived from the admin panel's secret (checked at start
 * like every secret) so no other setting is needed, but never equal to it: a preview token is not
 * an admin session.
 */
export const previewKey = (adminSecret: string): Buffer => createHmac('sha256', adminSecret).update('spis preview links').digest();

export function signPreviewToken(target: PreviewTarget, key: Buffer, lifetimeSeconds = PREVIEW_LINK_LIFETIME_SECONDS): string {
  return jwt.sign(previewTarget.parse(target), key, { algorithm: ALGORITHM, audience: AUDIENCE, expiresIn: lifetimeSeconds });
}

export type PreviewTokenCheck = { ok: true; target: PreviewTarget; expiresAt: Date } | { ok: false; reason: 'expired' | 'invalid' };

export function verifyPreviewToken(token: string, key: Buffer): PreviewTokenCheck {
  try {
    const claims = jwt.verify(token, key, { algorithms: [ALGORITHM], audience: AUDIENCE }) as jwt.JwtPayload;
    const target = previewTarget.safeParse(claims);
    if (!target.success || typeof claims.exp !== 'number') return { ok: false, reason: 'invalid' };
    return { ok: true, target: target.data, expiresAt: new Date(claims.exp * 1000) };
  } catch (error) {
    return { ok: false, reason: error instanceof jwt.TokenExpiredError ? 'expired' : 'invalid' };
  }
}
