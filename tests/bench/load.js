/**
 * The load generator, in its own process so it does not share a CPU with the server's event
 * loop: runs autocannon against one URL (127.0.0.1 only) and prints its result as one JSON line.
 * Options (JSON, the argument or else stdin): { url, method, headers, body, connections,
 * duration, idReplacement, sequence }.
 * `sequence` ({ tag, documents }), for writes: in each request's path and body, `[n]` becomes
 * `<tag>-<a number new to this process>` (lowercase letters, digits and hyphens, so it may end a
 * slug, which autocannon's `[<id>]` may not) and `[document]` the next of `documents`, in turn.
 */
const fs = require('node:fs');
const autocannon = require('autocannon');

const options = JSON.parse(process.argv[2] ?? fs.readFileSync(0, 'utf8'));
if (new URL(options.url).hostname !== '127.0.0.1') throw new Error(`the benchmark only loads 127.0.0.1, not ${options.url}`);

if (options.sequence) {
  const { tag, documents = [] } = options.sequence;
  let count = 0;
  const setupRequest = (request) => {
    count += 1;
    const fill = (text) => text.replaceAll('[n]', `${tag}-${count}`).replaceAll('[document]', documents[(count - 1) % documents.length]);
    return { ...request, path: fill(request.path), body: fill(request.body) };
  };
  // Each connection's request is built anew from the URL, method, headers and body for every send.
  options.requests = [{ setupRequest }];
}

autocannon({ ...options, excludeErrorStats: false }, (error, result) => {
  if (error) throw error;
  const { requests, latency, non2xx, errors, timeouts, statusCodeStats } = result;
  process.stdout.write(
    `${JSON.stringify({ rps: requests.average, p50: latency.p50, p99: latency.p99, total: requests.total, non2xx, errors, timeouts, statuses: Object.keys(statusCodeStats ?? {}) })}\n`
  );
});
