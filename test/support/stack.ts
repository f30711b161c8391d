import { randomBytes, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { sql as dsql, type SQL } from 'drizzle-orm';
import { openDatabase, type Database } from '../../db/client';
import { seed, type SeedSummary } from '../../db/seed/generate';
import { TEST_GEMEENTE } from '../../db/seed/reference';
import { startPlatform, type Platform } from '../../gateway/src/platform';
import { loadConfig, type Config } from '../../subgraphs/shared/config';
import { ensureDevKeys, loadDevClientSigningKey, loadInternalSigningKey } from '../../subgraphs/shared/keys';
import { createLogger, type DestinationStream } from '../../subgraphs/shared/logger';
import type { Rol } from '../../subgraphs/shared/roles';
import { ONLY_TRUSTED } from '../../gateway/src/trusted-documents';
import { internalAudience, signDevClientToken, signInternalToken, type Scope } from '../../subgraphs/shared/tokens';
import type { SubgraphName } from '../../subgraphs/list';

export interface GraphQLResponse {
  status: number;
  body: {
    data?: Record<string, any> | null;
    errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }>;
  };
}

export interface Stack {
  config: Config;
  database: Database;
  platform: Platform;
  seeded: SeedSummary[];
  /** How long booting took, in ms: migrations, seed (all gemeenten) and starting the services. */
  timings: { migrateMs: number; seedMs: number; startMs: number };
  token(claims: { rol: Rol; sub?: string; organisatie?: string; gemeente?: string; doel?: string; expiresIn?: string | number }): Promise<string>;
  /** A gateway-signed token for one subgraph (its own audience). */
  internalToken(subgraph: SubgraphName, scope: Partial<Scope> & { rol: Rol }): Promise<string>;
  query(query: string, options?: { token?: string | null; variables?: Record<string, unknown>; headers?: Record<string, string> }): Promise<GraphQLResponse>;
  post(url: string, body: unknown, headers?: Record<string, string>): Promise<GraphQLResponse>;
  rows<T = Record<string, unknown>>(query: SQL): Promise<T[]>;
  stop(): Promise<void>;
}

/**
 * A fresh database per test file: PGlite (in memory, or in `pgliteDir`), or a new database
 * on `adminUrl` (default TEST_DATABASE_URL) that `drop` removes. The benchmark uses it too.
 */
export async function freshDatabase(
  onQuery?: (sql: string) => void,
  options: { adminUrl?: string; pgliteDir?: string; prefix?: string; poolSize?: number } = {},
): Promise<{ database: Database; drop: () => Promise<void> }> {
  const adminUrl = options.adminUrl ?? process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const database = await openDatabase({ onQuery, pgliteDir: options.pgliteDir });
    return { database, drop: async () => {} };
  }
  const name = `${options.prefix ?? 'wmo_test'}_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: options.poolSize ?? 5, onQuery });
  return {
    database,
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * Boots the real stack in process: migrations, deterministic seed, five subgraphs and
 * the gateway on free ports, with dev keys in a temporary directory. `onQuery` sees the
 * SQL text of every statement (migrations and seed included), e.g. to count per subgraph.
 */
export async function bootStack(
  options: {
    inwoners?: number;
    secondGemeente?: boolean;
    env?: Record<string, string>;
    onQuery?: (sql: string) => void;
    /** A PostgreSQL server of the test's own (test/support/pg-cluster.ts) instead of TEST_DATABASE_URL or PGlite. */
    adminDatabaseUrl?: string;
    /** Where the platform's log lines go, at which level (default: TEST_LOG_LEVEL or silent, to stdout). */
    log?: { level: string; destination: DestinationStream };
  } = {},
): Promise<Stack> {
  const keysDir = mkdtempSync(join(tmpdir(), 'wmo-keys-'));
  const logLevel = options.log?.level ?? process.env.TEST_LOG_LEVEL ?? 'silent';
  // Tests send many requests with one token: the rate limit is off unless a test sets it.
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: logLevel, KEYS_DIR: keysDir, RATE_LIMIT_PER_SECOND: '0', ...options.env });
  ensureDevKeys(keysDir);
  const { database, drop } = await freshDatabase(options.onQuery, { adminUrl: options.adminDatabaseUrl });
  const t0 = performance.now();
  await database.migrate();
  const t1 = performance.now();
  const seeded = [await seed(database.db, { inwoners: options.inwoners ?? 400 })];
  if (options.secondGemeente) {
    seeded.push(await seed(database.db, { gemeente: TEST_GEMEENTE, inwoners: 60, bsnOffset: 5000 }));
  }
  const t2 = performance.now();
  const log = createLogger('test', logLevel, options.log?.destination);
  const platform = await startPlatform(config, database, log, true);
  const timings = { migrateMs: t1 - t0, seedMs: t2 - t1, startMs: performance.now() - t2 };
  const clientKey = loadDevClientSigningKey(config);
  const internalKey = loadInternalSigningKey(config);

  const post = async (url: string, body: unknown, headers: Record<string, string> = {}): Promise<GraphQLResponse> => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const text = await res.text();
    let parsed: GraphQLResponse['body'];
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error(`Non-JSON response (${res.status}): ${text.slice(0, 200)}`);
    }
    return { status: res.status, body: parsed };
  };

  return {
    config,
    database,
    platform,
    seeded,
    timings,
    token: (c) =>
      signDevClientToken(
        { sub: c.sub ?? `test-${c.rol}`, rol: c.rol, organisatie: c.organisatie, gemeente: c.gemeente, doel: c.doel },
        clientKey,
        { issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE, expiresIn: c.expiresIn ?? '5m' },
      ),
    internalToken: (subgraph, s) =>
      signInternalToken(
        { sub: 'test', organisatie: null, gemeente: 'GM0080', doel: 'test', traceId: randomBytes(16).toString('hex'), ...s },
        internalKey,
        60,
        internalAudience(subgraph),
      ),
    query: (query, o = {}) =>
      post(platform.gatewayUrl, { query, variables: o.variables }, {
        ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
        ...o.headers,
      }),
    post,
    rows: async <T>(q: SQL) => {
      const result = await database.db.execute(q);
      return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
    },
    stop: async () => {
      await platform.stop();
      await database.close();
      await drop();
      rmSync(keysDir, { recursive: true, force: true });
    },
  };
}

/** A key pair nobody trusts, for forged-token tests. */
export function strangerKey() {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
}

export { dsql as sql };

/**
 * The code a role's raw query is refused with when it may not read a field: FORBIDDEN from
 * the field rules, except for roles that may run registered operations only, which the
 * gateway refuses before any field (their field rules are checked by documentId in the
 * authorisation matrix).
 */
export function weigercode(rol: Rol): 'FORBIDDEN' | 'TRUSTED_DOCUMENT_REQUIRED' {
  return ONLY_TRUSTED.has(rol) ? 'TRUSTED_DOCUMENT_REQUIRED' : 'FORBIDDEN';
}
