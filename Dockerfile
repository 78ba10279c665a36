# One image for every service; docker-compose picks the service with SERVICE.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.base.json tsconfig.json ./
COPY shared ./shared
COPY services ./services
COPY test/tsconfig.json ./test/tsconfig.json
RUN npm ci --no-audit --no-fund && npx tsc -b shared/* services/* \
  && npx vite build --config services/live/web/vite.config.ts && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app /app
USER node
ENV SERVICE=all-in-one
CMD ["sh", "-c", "exec node services/${SERVICE}/dist/main.js"]
