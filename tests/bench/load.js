/**
 * The load generator, in its own process so it does not share a CPU with the server's event
 * loop: runs autocannon against one URL (127.0.0.1 only) and prints its result as one JSON line.
 * Argument: JSON { url, method, headers, body, connections, duration }.
 */
const autocannon = require('autocannon');

const options = JSON.parse(process.argv[2]);
if (new URL(options.url).hostname !== '127.0.0.1') throw new Error(`the benchmark only loads 127.0.0.1, not ${options.url}`);

autocannon({ ...options, excludeErrorStats: false }, (error, result) => {
  if (error) throw error;
  const { requests, latency, non2xx, errors, timeouts, statusCodeStats } = result;
  process.stdout.write(
    `${JSON.stringify({ rps: requests.average, p50: latency.p50, p99: latency.p99, total: requests.total, non2xx, errors, timeouts, statuses: Object.keys(statusCodeStats ?? {}) })}\n`
  );
});
