import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { getTableColumns, sql, type Column, type SQL } from 'drizzle-orm';
import type { Logger } from 'drizzle-orm/logger';
import type { PgDatabase, PgQueryResultHKT, PgTable } from 'drizzle-orm/pg-core';
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

/**
 * What the database client is doing right now, for the pool metrics: neither driver
 * exposes its pool, so the calls into the driver are counted as they start and settle.
 * `active` is statements outside a transaction plus open transactions: each holds (or
 * waits for) one connection, so `active` above `size` means requests are queueing.
 * Plain integers: the hot path pays two additions per statement.
 */
export class PoolUsage {
  active = 0;
  constructor(readonly size: number) {}
  /** Counts `work` as active from now until it settles. */
  track<T>(work: PromiseLike<T>): Promise<T> {
    this.active += 1;
    return Promise.resolve(work).finally(() => {
      this.active -= 1;
    });
  }
}

/**
 * The driver as drizzle sees it: the named methods replaced, everything else the
 * driver's own (bound to it: PGlite keeps private fields). The driver itself is left
 * unchanged, since it calls its own methods internally (postgres.js' `begin` calls `unsafe`).
 */
function withMethods<T extends object>(client: T, methods: Record<string, unknown>): T {
  return new Proxy(client, {
    get(target, property) {
      if (typeof property === 'string' && property in methods) return methods[property];
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * postgres.js: a query is lazy (it runs when awaited) and drizzle may call `.values()`
 * on it first, so `unsafe` hands back a thenable that starts counting when awaited.
 * `begin` (a transaction on one reserved connection) is an ordinary promise.
 */
function trackPostgres(client: postgres.Sql, usage: PoolUsage): postgres.Sql {
  return withMethods(client, {
    unsafe: (...args: Parameters<postgres.Sql['unsafe']>) => {
      const query = client.unsafe(...args);
      const counted = {
        values() {
          query.values();
          return counted;
        },
        then<R1, R2>(onOk?: (v: unknown) => R1 | PromiseLike<R1>, onError?: (e: unknown) => R2 | PromiseLike<R2>) {
          return usage.track(query).then(onOk, onError);
        },
      };
      return counted;
    },
    begin: (...args: unknown[]) => usage.track((client.begin as (...a: unknown[]) => Promise<unknown>)(...args)),
  });
}

/** PGlite: one connection; query, exec and transaction are ordinary promises. */
function trackPglite(client: PGlite, usage: PoolUsage): PGlite {
  return withMethods(client, {
    query: (...args: Parameters<PGlite['query']>) => usage.track(client.query(...args)),
    exec: (...args: Parameters<PGlite['exec']>) => usage.track(client.exec(...args)),
    transaction: (...args: Parameters<PGlite['transaction']>) => usage.track(client.transaction(...args)),
  });
}

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  statements: StatementCounter;
  /** Connections in use, for the pool metrics of the subgraphs. */
  pool: PoolUsage;
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
    const size = options.poolSize ?? 10;
    const client = postgres(options.databaseUrl, {
      max: size,
      onnotice: () => {},
      // Fail fast when the server is down instead of queueing requests forever.
      connect_timeout: 10,
    });
    const pool = new PoolUsage(size);
    const db = drizzlePostgres({ client: trackPostgres(client, pool), logger: statements });
    return {
      db: db as unknown as Db,
      kind: 'postgres',
      statements,
      pool,
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
  const pool = new PoolUsage(1);
  const db = drizzlePglite({ client: trackPglite(client, pool), logger: statements });
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    statements,
    pool,
    migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER }),
    execute: async (sql) => {
      await client.exec(sql);
    },
    close: () => client.close(),
  };
}

/** JSON for the database: bigint (bedragCenten) as its decimal string, which the bigint column parses. */
const toJson = (rows: unknown[]) => JSON.stringify(rows, (_, v) => (typeof v === 'bigint' ? v.toString() : v));

/**
 * Inserts rows as drizzle's insert would: keys that are no column are ignored, a missing
 * key gets the column's default. The rows travel as one JSON parameter unpacked in SQL
 * (json_populate_recordset): drizzle builds a statement at about 60 µs a row and PGlite
 * parses each bind parameter, which dominated the seed and the processing log's write. A chunk in which a column with a default is set on some
 * rows and missing on others cannot use one column list, and goes through drizzle.
 */
export async function insertRows(db: Db, table: PgTable, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, Column>;
  const present = Object.keys(columns).filter((key) => rows.some((r) => r[key] !== undefined));
  if (present.some((key) => columns[key]!.hasDefault && rows.some((r) => r[key] === undefined))) {
    for (let i = 0; i < rows.length; i += 500) await db.insert(table).values(rows.slice(i, i + 500) as never);
    return;
  }
  const names = present.map((key) => columns[key]!.name);
  const json = toJson(rows.map((r) => Object.fromEntries(present.map((key, i) => [names[i], r[key] ?? null]))));
  const list = sql.join(names.map((n) => sql.identifier(n)), sql`, `);
  await db.execute(sql`insert into ${table} (${list}) select ${list} from json_populate_recordset(null::${table}, ${json}::json)`);
}
