# One image for every service of the platform; docker-compose picks the command.
FROM node:20-bookworm-slim
ENV APOLLO_TELEMETRY_DISABLED=1 \
    NODE_OPTIONS=--enable-source-maps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN mkdir -p /app/data /keys/private /keys/public && chown -R node:node /app/data /keys
USER node
# node itself, so SIGTERM reaches the service (graceful shutdown); npx would not pass it on.
CMD ["node", "--import", "tsx", "gateway/src/index.ts"]
