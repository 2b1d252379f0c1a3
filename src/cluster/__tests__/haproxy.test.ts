import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { haproxyConfig } from '../haproxy';

const settings = {
  listen: { host: '127.0.0.1', port: 8080 },
  upstreams: [
    { name: 'cms-1', host: '127.0.0.1', port: 8081 },
    { name: 'cms-2', host: '127.0.0.1', port: 8082 },
  ],
};

describe('the proxy configuration', () => {
  it('is accepted by HAProxy', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'haproxy-')), 'haproxy.cfg');
    fs.writeFileSync(file, haproxyConfig(settings));
    const check = spawnSync('/usr/sbin/haproxy', ['-c', '-f', file], { encoding: 'utf8' });
    expect(check.stderr).not.toMatch(/ALERT|WARNING/);
    expect(check.status).toBe(0);
  });

  it('checks every instance on /_ready and lists each one', () => {
    const config = haproxyConfig({ ...settings, checkIntervalMs: 500 });
    expect(config).toContain('option httpchk GET /_ready');
    expect(config).toContain('default-server check inter 500 fall 2 rise 1');
    expect(config.match(/^ {2}server .*$/gm)).toEqual(['  server cms-1 127.0.0.1:8081', '  server cms-2 127.0.0.1:8082']);
  });

  it('sends a failed request to another instance only if it is a read, or was never sent', () => {
    const config = haproxyConfig(settings);
    expect(config).toContain('retry-on conn-failure empty-response response-timeout 502 503 504');
    expect(config).toContain('http-request disable-l7-retry unless METH_GET');
  });

  it('answers its own errors as JSON in the API error shape, 503 with Retry-After', () => {
    const line = haproxyConfig(settings)
      .split('\n')
      .find((candidate) => candidate.includes('http-error status 503'))!;
    const body = JSON.parse(/string '(.*)'/.exec(line)![1]);
    expect(body).toEqual({ data: null, error: { status: 503, name: 'ServiceUnavailableError', message: expect.any(String) } });
    expect(line).toContain('hdr Retry-After 5');
  });

  it('refuses a cluster without instances', () => {
    expect(() => haproxyConfig({ ...settings, upstreams: [] })).toThrow('at least one instance');
  });
});
