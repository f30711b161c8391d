/**
 * The messages between the bench (scripts/bench/cli.ts) and its subgraph host process
 * (subgraph-host.ts), over the child process's IPC channel: the counters of the host are
 * read this way, so nothing bench-only listens on a port.
 */
import type { SeedSummary } from '../../db/seed/generate';
import type { SubgraphName } from '../../subgraphs/list';
import type { Scope } from '../../subgraphs/shared/tokens';
import type { Teller } from '../../test/support/statements';
import type { Fixtures } from './fixtures';

/** What the host is started with (as its first argument, JSON). */
export interface HostInit {
  inwoners: number;
  /** PGlite directory (fresh), unless `adminUrl` is given. */
  pgliteDir?: string;
  /** A PostgreSQL server on which the host creates (and at the end drops) a fresh database. */
  adminUrl?: string;
  /** No seed progress on stderr (the smoke test). */
  quiet: boolean;
}

/** The caller the unguarded subgraphs serve (they verify no token, see SubgraphServiceOptions). */
export type Caller = Omit<Scope, 'traceId' | 'verzoek'>;

/** Counters of the host since the last read (each read resets them). */
export interface StatementCount {
  /** SQL statements, in total and per subgraph. */
  total: number;
  perSubgraph: Partial<Record<Teller, number>>;
  /** TCP connections the subgraph servers accepted: a gateway's HTTP client that does not keep connections alive shows here. */
  connections: number;
}

export interface HostReady {
  type: 'ready';
  database: 'pglite' | 'postgres';
  /** The subgraphs as in production (token, field rules, processing log), and without guards. */
  urls: { guarded: Record<SubgraphName, string>; unguarded: Record<SubgraphName, string> };
  fixtures: Fixtures;
  seeded: SeedSummary;
  timings: { migrateS: number; seedS: number; startS: number };
}

export type HostMessage = HostReady | { type: 'failed'; message: string } | { type: 'reply'; id: number; result: unknown };

/** A request as the bench writes it; the RPC adds the id. */
export type HostCall = { type: 'statements' } | { type: 'caller'; caller: Caller } | { type: 'stop' };

export type HostRequest = HostCall & { id: number };
