/**
 * The ceiling: a plain Node `http` server that answers each benchmarked request with the very
 * bytes and headers the CMS sent for it, and to a matching If-None-Match the 304 with the CMS's
 * headers, doing nothing else. Reads the responses as JSON from stdin ({ "<method> <path>":
 * { headers, body (base64), notModifiedHeaders } }), prints its port, serves until killed.
 */
const http = require('node:http');

let input = '';
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', () => {
  const responses = new Map(Object.entries(JSON.parse(input)).map(([key, response]) => [key, { ...response, body: Buffer.from(response.body, 'base64') }]));
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const response = responses.get(`${req.method} ${req.url}`);
      if (!response) {
        res.writeHead(404).end();
        return;
      }
      if (response.headers.etag && req.headers['if-none-match'] === response.headers.etag) {
        res.writeHead(304, response.notModifiedHeaders ?? { etag: response.headers.etag }).end();
        return;
      }
      res.writeHead(200, { ...response.headers, 'content-length': response.body.length }).end(response.body);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
});
