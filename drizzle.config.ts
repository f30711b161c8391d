import { defineConfig } from 'drizzle-kit';
import { SUBGRAPHS } from './subgraphs/list';

export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  schemaFilter: SUBGRAPHS.map((s) => s.dbSchema),
});
