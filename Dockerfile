# syntax=docker/dockerfile:1
# One build for the whole marketplace, two kinds of container (README, "Deploy against Appwrite Cloud"):
#   docker build --target app    -t tenang-app .      one image for the three Next apps; APP picks which one runs
#   docker build --target worker -t tenang-worker .   the worker: every timed job (offer deadlines, auto-retry, ...)
# Run one worker or more (several are safe) and each app as many times as you like, all with the same APPWRITE_* env.

# deps: the workspace installed as the lockfile says. The full Debian image has the compilers better-sqlite3 (the
# local Appwrite server, a dev dependency of several packages) needs when no prebuilt binary fits.
FROM node:20-bookworm AS deps
ENV NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1 CI=1
RUN corepack enable
WORKDIR /repo
COPY . .
RUN pnpm install --frozen-lockfile

# build: the three apps' production builds (next build). Nothing of the environment is baked in: next.config only
# validates src/env.ts with its local defaults, and every value is read again when the server starts.
FROM deps AS build
RUN pnpm turbo run build --filter=@tenang/customer --filter=@tenang/therapist-dashboard --filter=@tenang/admin-dashboard

# app: serves one app's build through app-server's serve.mjs (what `pnpm start` runs), on PORT (default 3000).
FROM node:20-bookworm-slim AS app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 APP=customer PORT=3000 HOSTNAME=0.0.0.0
WORKDIR /repo
COPY --from=build --chown=node:node /repo /repo
USER node
EXPOSE 3000
CMD ["sh", "-c", "cd apps/$APP && exec node node_modules/@tenang/app-server/bin/serve.mjs"]

# worker: plain Node, no Next build needed. --conditions=react-server makes booking-server's `import "server-only"`
# resolve to its empty module (see packages/worker/bin/tenang-worker.js). It has no port; stop it with SIGTERM.
FROM node:20-bookworm-slim AS worker
ENV NODE_ENV=production
WORKDIR /repo/packages/worker
COPY --from=deps --chown=node:node /repo /repo
USER node
CMD ["node", "--conditions=react-server", "bin/tenang-worker.js"]
