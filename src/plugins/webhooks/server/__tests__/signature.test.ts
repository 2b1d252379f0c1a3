import { createHmac } from 'node:crypto';
import { signatureOf } from '../signature';

it('is the hex HMAC-SHA256 of the body with the secret (RFC 4231, test case 2)', () => {
  expect(signatureOf('what do ya want for nothing?', 'Jefe')).toBe('sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
});

it('signs the UTF-8 bytes, so a receiver hashing the raw body agrees', () => {
  const body = JSON.stringify({ title: 'Вијест о Гацку' });
  const secret = 'a'.repeat(32);
  expect(signatureOf(body, secret)).toBe(`sha256=${createHmac('sha256', secret).update(Buffer.from(body, 'utf8')).digest('hex')}`);
});

it('changes with the secret and with the body', () => {
  const secret = 'k'.repeat(32);
  expect(signatureOf('{}', secret)).not.toBe(signatureOf('{}', `${secret}x`));
  expect(signatureOf('{}', secret)).not.toBe(signatureOf('{ }', secret));
});
