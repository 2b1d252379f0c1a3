# syntax=docker/dockerfile:1
# The SPIS CMS for production: Node 22 LTS, compiled app and admin panel, no dev dependencies.

FROM node:22-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source (see .npmrc): it needs a toolchain in this stage only.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
RUN npm ci
COPY . .
ENV NODE_ENV=production STRAPI_TELEMETRY_DISABLED=true
# `strapi build` loads the config, which refuses placeholder secrets in production. The build
# gets throwaway random ones that exist only inside this RUN step, never in the image.
RUN secret() { head -c 24 /dev/urandom | base64; } \
 && APP_KEYS="$(secret),$(secret)" API_TOKEN_SALT="$(secret)" ADMIN_JWT_SECRET="$(secret)" \
    TRANSFER_TOKEN_SALT="$(secret)" JWT_SECRET="$(secret)" ENCRYPTION_KEY="$(secret)" \
    npm run build \
 && npm prune --omit=dev

FROM node:22-bookworm-slim
WORKDIR /app
# V8 would let the old generation grow far past the ~150 MB the server keeps alive while it
# answers thousands of requests a second (RSS 620 MB after a benchmark, 316 MB with this cap,
# no loss of throughput; docs/performance.md).
ENV NODE_ENV=production STRAPI_TELEMETRY_DISABLED=true HOST=0.0.0.0 PORT=1337 NODE_OPTIONS=--max-old-space-size=384
COPY --from=build --chown=node:node /app ./
USER node
EXPOSE 1337
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:1337/_ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# The server is PID 1, so SIGTERM reaches it (npm would stand in between); server.js starts it
# without Strapi's command-line tool (see there).
CMD ["node", "server.js"]
