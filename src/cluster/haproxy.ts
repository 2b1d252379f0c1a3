/**
 * The reverse proxy in front of the instances: HAProxy from Debian's packages. It checks each
 * instance's `/_ready` every second and sends nothing to one that failed two checks in a row; it passes the
 * client's address (X-Forwarded-For, read when TRUST_PROXY is on); and when an instance fails a
 * request, it sends the request to another one, but only if that cannot do a write twice:
 * - a request whose connection failed was never sent, so any request goes elsewhere;
 * - a request that reached an instance which then died, timed out or answered 502/503/504 goes
 *   elsewhere only if it is a GET or HEAD (reads are safe to repeat).
 */
export type Upstream = { name: string; host: string; port: number };

export type ProxySettings = {
  /** Where the proxy listens. */
  listen: { host: string; port: number };
  upstreams: Upstream[];
  /** How often each instance's readiness is checked. */
  checkIntervalMs?: number;
};

/** The proxy's own answers, in the API's error shape; 503 (no instance ready) says when to try again. */
const PROXY_ERRORS: Array<{ status: number; name: string; message: string; headers: string[] }> = [
  { status: 502, name: 'BadGatewayError', message: 'The instance handling the request stopped before it answered; a write may or may not have been made', headers: [] },
  { status: 503, name: 'ServiceUnavailableError', message: 'No instance is ready to answer; try again shortly', headers: ['hdr Retry-After 5'] },
  { status: 504, name: 'GatewayTimeoutError', message: 'No instance answered in time', headers: [] },
];

const proxyError = ({ status, name, message, headers }: (typeof PROXY_ERRORS)[number]) =>
  `  http-error status ${status} content-type application/json string '${JSON.stringify({ data: null, error: { status, name, message } })}' hdr Cache-Control no-store ${headers.join(' ')}`.trimEnd();

export function haproxyConfig({ listen, upstreams, checkIntervalMs = 1_000 }: ProxySettings): string {
  if (upstreams.length === 0) throw new Error('a proxy needs at least one instance');
  return [
    'global',
    '  maxconn 4096',
    '',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 60s',
    // Above the app's own statement timeout and shutdown drain: the app answers first.
    '  timeout server 60s',
    '  timeout http-request 10s',
    '  timeout http-keep-alive 10s',
    '  option forwardfor',
    '  retries 3',
    '  option redispatch 1',
    '  retry-on conn-failure empty-response response-timeout 502 503 504',
    ...PROXY_ERRORS.map(proxyError),
    '',
    'frontend cms',
    `  bind ${listen.host}:${listen.port}`,
    '  http-request set-header X-Forwarded-Proto http',
    '  default_backend instances',
    '',
    'backend instances',
    '  balance roundrobin',
    '  option httpchk GET /_ready',
    '  http-check expect status 200',
    // A write that may have reached an instance is never sent to a second one.
    '  http-request disable-l7-retry unless METH_GET',
    `  default-server check inter ${checkIntervalMs} fall 2 rise 1`,
    ...upstreams.map((upstream) => `  server ${upstream.name} ${upstream.host}:${upstream.port}`),
    '',
  ].join('\n');
}
