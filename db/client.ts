import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { SQL } from 'drizzle-orm';
import type { Logger } from 'drizzle-orm/logger';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import postgres from 'postgres';

export type Db = PgDatabase<PgQueryResultHKT>;

/**
 * The rows of a raw SQL statement (db.execute) on either driver: postgres.js returns an
 * array, PGlite an object with `rows`.
 */
export async function sqlRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as unknown as { rows: T[] }).rows) as T[];
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Counts every SQL statement drizzle sends. Tests and benchmarks read it to prove
 * that a query's statement count does not grow with the data (no N+1).
 * It never sees or keeps parameters, so no personal data passes through it.
 */
export class StatementCounter implements Logger {
  count = 0;
  private readonly onQuery?: (sql: string) => void;
  constructor(onQuery?: (sql: string) => void) {
    this.onQuery = onQuery;
  }
  logQuery(query: string): void {
    this.count += 1;
    this.onQuery?.(query);
  }
  reset(): number {
    const previous = this.count;
    this.count = 0;
    return previous;
  }
}

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  statements: StatementCounter;
  migrate(): Promise<void>;
  /** Runs raw SQL (used by tests and the seed for bulk work). */
  execute(sql: string): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres:// URL; when absent the embedded PGlite database is used. */
  databaseUrl?: string;
  /** Directory of the PGlite database; undefined = in memory. */
  pgliteDir?: string;
  /** Pool size for postgres.js. */
  poolSize?: number;
  /** Called with the SQL text (never the parameters) of each statement. */
  onQuery?: (sql: string) => void;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const statements = new StatementCounter(options.onQuery);
  if (options.databaseUrl) {
    const client = postgres(options.databaseUrl, {
      max: options.poolSize ?? 10,
      onnotice: () => {},
      // Fail fast when the server is down instead of queueing requests forever.
      connect_timeout: 10,
    });
    const db = drizzlePostgres({ client, logger: statements });
    return {
      db: db as unknown as Db,
      kind: 'postgres',
      statements,
      migrate: () => migratePostgres(db, { migrationsFolder: MIGRATIONS_FOLDER }),
      execute: async (sql) => {
        await client.unsafe(sql);
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  if (options.pgliteDir) mkdirSync(options.pgliteDir, { recursive: true });
  const client = options.pgliteDir ? new PGlite(options.pgliteDir) : new PGlite();
  await client.waitReady;
  const db = drizzlePglite({ client, logger: statements });
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    statements,
    migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER }),
    execute: async (sql) => {
      await client.exec(sql);
    },
    close: () => client.close(),
  };
}
