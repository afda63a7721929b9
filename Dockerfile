# syntax=docker/dockerfile:1
# The Wink Applications Console as a container image (README, "Deploy").
#
#   docker build -t wink-console .                      the console (default target)
#   docker build -t wink-console-sandbox --target sandbox .   the Wink sandbox, for demos and tests
#
# The console image runs `node server.js` (Next.js's standalone server) as the unprivileged `node`
# user and writes nothing outside /tmp: give it DATABASE_URL (or DATABASE_URL_FILE) for PostgreSQL;
# without it, the embedded PGlite lives in /tmp/console-db and is lost with the container.
# Migrations are their own command, run once per release, never on start:
#   docker run --rm -e DATABASE_URL=... wink-console node scripts/migrate.mjs

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- dependencies: every package, for the build (npm install honours the lockfile) ----
FROM ${NODE_IMAGE} AS deps
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund

# ---- build: next build + the standalone directory (scripts/package-standalone.mjs) ----
FROM deps AS build
COPY . .
RUN npm run build

# ---- console: only the standalone output, owned by root and read-only to the process ----
FROM ${NODE_IMAGE} AS console
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    CONSOLE_DATA_DIR=/tmp/console-db
WORKDIR /app
COPY --from=build /src/.next/standalone ./
# Next.js may write its cache under .next/cache: send it to /tmp so the root filesystem can be
# mounted read-only (Kubernetes readOnlyRootFilesystem with an emptyDir on /tmp).
RUN rm -rf .next/cache && ln -s /tmp/next-cache .next/cache
USER node
EXPOSE 3000
# Liveness only: /api/ready also asks Wink and the database, which a restart would not fix.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node as PID 1 receives SIGTERM itself: Next.js stops accepting, answers what is in progress,
# the console lets changes in flight finish and closes the database (lib/lifecycle/shutdown.ts).
CMD ["node", "server.js"]

# ---- sandbox: the Wink-compatible stand-in, run from its TypeScript sources with tsx ----
FROM ${NODE_IMAGE} AS sandbox
ENV NODE_ENV=production SANDBOX_HOST=0.0.0.0 SANDBOX_PORT=4010 SANDBOX_DATA_FILE=/tmp/sandbox/state.json
WORKDIR /sandbox
COPY --from=deps /src/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY sandbox ./sandbox
COPY lib/wink-contract ./lib/wink-contract
USER node
EXPOSE 4010
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.SANDBOX_PORT || 4010) + '/.well-known/openid-configuration').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--import", "tsx", "sandbox/main.ts"]

# The console is the default target.
FROM console
