import jwt from 'jsonwebtoken';
import { previewKey, signPreviewToken, verifyPreviewToken, type PreviewTarget } from '../token';

const key = previewKey('an-admin-secret-for-tests-only-0123456789');
const target: PreviewTarget = { uid: 'api::news-article.news-article', documentId: 'abc123', locale: 'sr-Cyrl', status: 'draft' };

describe('preview tokens', () => {
  it('name the version they were issued for and when they expire', () => {
    const before = Date.now();
    const check = verifyPreviewToken(signPreviewToken(target, key, 600), key);
    expect(check).toMatchObject({ ok: true, target });
    if (!check.ok) return;
    expect(check.expiresAt.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 600_000);
    expect(check.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 600_000);
  });

  it('are refused once expired', () => {
    expect(verifyPreviewToken(signPreviewToken(target, key, -1), key)).toEqual({ ok: false, reason: 'expired' });
  });

  it('are refused when any part is changed', () => {
    const token = signPreviewToken(target, key);
    const [header, payload, signature] = token.split('.');
    const otherPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), documentId: 'other' })).toString('base64url');
    expect(verifyPreviewToken(`${header}.${otherPayload}.${signature}`, key)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyPreviewToken(`${header}.${payload}.${signature.slice(0, -2)}xx`, key)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyPreviewToken('', key)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('are refused when signed with another key, without the preview audience, or unsigned', () => {
    expect(verifyPreviewToken(signPreviewToken(target, previewKey('another-admin-secret-0123456789abcdef')), key).ok).toBe(false);
    expect(verifyPreviewToken(jwt.sign(target, key, { expiresIn: 600 }), key).ok).toBe(false);
    expect(verifyPreviewToken(jwt.sign({ ...target, aud: 'spis-preview' }, '', { algorithm: 'none' } as jwt.SignOptions), key).ok).toBe(false);
  });

  it('are refused when well signed but naming something previews do not show', () => {
    const forged = jwt.sign({ ...target, uid: 'admin::user' }, key, { algorithm: 'HS256', audience: 'spis-preview', expiresIn: 600 });
    expect(verifyPreviewToken(forged, key)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('derive a key of their own from the admin secret', () => {
    const secret = 'an-admin-secret-for-tests-only-0123456789';
    expect(previewKey(secret).equals(Buffer.from(secret))).toBe(false);
    expect(previewKey(secret).equals(key)).toBe(true);
  });
});
