# The production image: one build, run as either the API or the worker.
FROM node:20-bookworm-slim AS build
WORKDIR /app
# sqlite3 compiles from source against Node's own headers.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
# npm install, not npm ci: the lock file lacks other platforms' optional binaries (see .ci/run).
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/programmes ./programmes
# The web pages' HTML, CSS and JS (tsc does not copy them to dist/; they are read from here).
COPY --from=build /app/apps/api/pages/assets ./apps/api/pages/assets
# DATA_DIR in docker-compose: a named volume takes this folder's owner, so node may write.
RUN mkdir -p /var/lib/spor && chown node:node /var/lib/spor
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/main.js"]
