/**
 * SQL statements per subgraph for one request through the gateway, shared by
 * test/integration/monitoring-statements.test.ts and scripts/measure-monitoring.ts.
 *
 * The subgraphs share one database (PGlite has one owner), and a subgraph may read
 * another's schema (financien counts bezwaren in basisondersteuning, klantstromen joins
 * basisondersteuning), so a statement is attributed to the subgraph whose request issued
 * it: each subgraph's HTTP handler runs in an AsyncLocalStorage context carrying its name,
 * and the onQuery hook of bootStack reads it. A statement outside any subgraph request
 * (seed, test set-up) falls back to the pg schema it names first, or `overig`.
 * Only SQL text passes through here, never parameters.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Platform } from '../../gateway/src/platform';
import { SUBGRAPHS, type SubgraphName } from '../../subgraphs/list';
import type { MonitoringQuery } from '../../scripts/monitoring-queries';
import type { GraphQLResponse, Stack } from './stack';

export type Teller = SubgraphName | 'overig';

const SCHEMA_RE = new RegExp(`"?\\b(${SUBGRAPHS.map((s) => s.dbSchema).join('|')})"?\\s*\\.\\s*"?[a-z_]`);

/** The subgraph whose pg schema a statement names first (for statements outside a request). */
export function subgraphVanSchema(sql: string): Teller {
  const m = SCHEMA_RE.exec(sql);
  return m ? SUBGRAPHS.find((s) => s.dbSchema === m[1])!.name : 'overig';
}

export class StatementsPerSubgraph {
  private readonly context = new AsyncLocalStorage<SubgraphName>();
  private counts = new Map<Teller, number>();
  /** Pass to bootStack({ onQuery }). */
  readonly onQuery = (sql: string): void => {
    const teller = this.context.getStore() ?? subgraphVanSchema(sql);
    this.counts.set(teller, (this.counts.get(teller) ?? 0) + 1);
  };

  /** Runs each subgraph's request handler in a context named after the subgraph (after bootStack, or startSubgraphs). */
  attach(platform: Pick<Platform, 'subgraphs'>): void {
    for (const service of platform.subgraphs) {
      const handlers = service.server.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>;
      for (const handler of handlers) {
        service.server.removeListener('request', handler);
        service.server.on('request', (req: IncomingMessage, res: ServerResponse) => this.context.run(service.name, () => handler(req, res)));
      }
    }
  }

  /** Statements per subgraph since the last reset (only those with any), and starts again. */
  reset(): Partial<Record<Teller, number>> {
    const out = Object.fromEntries([...this.counts].filter(([, n]) => n > 0).sort(([a], [b]) => a.localeCompare(b)));
    this.counts = new Map();
    return out;
  }
}

export interface Meting {
  ms: number;
  /** All statements of the request (the database's own counter). */
  totaal: number;
  perSubgraph: Partial<Record<Teller, number>>;
  errors: GraphQLResponse['body']['errors'];
}

/** Runs one registry query once with `token` and counts its statements, in total and per subgraph. */
export async function meet(stack: Stack, teller: StatementsPerSubgraph, q: MonitoringQuery, token: string): Promise<Meting> {
  stack.database.statements.reset();
  teller.reset();
  const t0 = performance.now();
  const res = await stack.query(q.query, { token, variables: q.variables });
  const ms = performance.now() - t0;
  const totaal = stack.database.statements.reset();
  const perSubgraph = teller.reset();
  const som = Object.values(perSubgraph).reduce((a, n) => a + (n ?? 0), 0);
  if (som !== totaal) throw new Error(`${q.naam}: ${som} statements per subgraph, but ${totaal} in total`);
  return { ms, totaal, perSubgraph, errors: res.body.errors ?? (res.status === 200 ? undefined : [{ message: `HTTP ${res.status}` }]) };
}

/** The token of a registry entry: its role, and its organisation if it acts for one. */
export const tokenVoor = (stack: Stack, q: MonitoringQuery) => stack.token({ rol: q.rol, organisatie: q.organisatie, expiresIn: '2h' });
