import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// graphql ships CJS (index.js) and ESM (index.mjs) builds. The Apollo packages load the
// CJS one through Node; point our own imports at the same file, or graphql sees two
// realms ("Cannot use GraphQLObjectType from another module or realm").
const graphqlCjs = createRequire(import.meta.url).resolve('graphql');

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlCjs }] },
  test: {
    env: { APOLLO_TELEMETRY_DISABLED: '1' },
    // Each integration file boots its own stack and database; two at a time on 2 cores.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], env: { APOLLO_TELEMETRY_DISABLED: '1' } } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          env: { APOLLO_TELEMETRY_DISABLED: '1' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
