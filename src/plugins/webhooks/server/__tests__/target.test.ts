import { allowedHosts, isNonPublicAddress, webhookTargetProblem } from '../target';

describe('isNonPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '10.0.0.5',
    '172.16.3.4',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fd00::1',
    'fe80::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    'not-an-ip',
  ])('refuses %s', (address) => expect(isNonPublicAddress(address)).toBe(true));

  it.each(['1.1.1.1', '185.45.12.7', '172.32.0.1', '100.128.0.1', '2a00:1450:4001:81b::200e', '::ffff:8.8.8.8'])('allows %s', (address) => {
    expect(isNonPublicAddress(address)).toBe(false);
  });
});

describe('webhookTargetProblem', () => {
  it('refuses literal and resolved local addresses, unless the host is allowed', async () => {
    expect(await webhookTargetProblem('http://169.254.169.254/latest', [], { unresolved: 'refuse' })).toMatch(/private, local or reserved address \(169\.254\.169\.254\)/);
    expect(await webhookTargetProblem('http://[::1]:8080/', [], { unresolved: 'refuse' })).toMatch(/\(::1\)/);
    expect(await webhookTargetProblem('http://localhost:1337/', [], { unresolved: 'refuse' })).toMatch(/private, local or reserved/);
    expect(await webhookTargetProblem('http://localhost:1337/', allowedHosts(' LocalHost , 127.0.0.1'), { unresolved: 'refuse' })).toBeUndefined();
    expect(await webhookTargetProblem('https://8.8.8.8/hook', [], { unresolved: 'refuse' })).toBeUndefined();
    expect(await webhookTargetProblem('https://no-such-host.invalid/hook', [], { unresolved: 'refuse' })).toMatch(/does not resolve/);
    expect(await webhookTargetProblem('https://no-such-host.invalid/hook', [], { unresolved: 'allow' })).toBeUndefined();
  });
});
