import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PoolUsage } from '../../db/client';

/**
 * Prometheus metrics, one registry per service. `npm start` and the tests run the gateway
 * and six subgraphs in one process, so prom-client's global registry would mix their
 * series; with a registry each, every /metrics shows its own service's series only (and
 * a `service` label, so series stay apart wherever they are merged).
 *
 * Label values come from fixed sets only: route names, HTTP methods and statuses, error
 * codes, subgraph names. Never ids, query text or anything a client chose freely.
 */

let processRegistry: Registry | undefined;

/**
 * Node's default metrics (CPU, memory, GC, event-loop lag) describe the process, not a
 * service: they are collected once per process, in a registry of their own that every
 * service's /metrics appends. So one process has one event-loop-delay monitor, however
 * many services it hosts.
 */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

const CODE = /^[A-Z][A-Z0-9_]{0,49}$/;
/** An error code as a label value: codes look like FORBIDDEN; anything else is OTHER. */
export function codeLabel(code: unknown): string {
  return typeof code === 'string' && CODE.test(code) ? code : 'OTHER';
}

const METHODS = new Set(['GET', 'POST', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'DELETE']);
/** The HTTP method as a label value (a client may send any token as its method). */
export function methodLabel(method: string | undefined): string {
  return method !== undefined && METHODS.has(method) ? method : 'OTHER';
}

type ErrorsResponse = { response: { body: { kind: string; singleResult?: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> } } } };

/** The HTTP, GraphQL and database metrics of one service. */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'route' | 'method' | 'status'>;
  private readonly duration: Histogram<'route' | 'method'>;
  private readonly errors: Counter<'code'>;
  /** Counts the errors of every GraphQL response by code; one listener shared by all requests. */
  readonly plugin: ApolloServerPlugin<BaseContext>;

  constructor(service: string) {
    // Registered now, not at the first scrape: process CPU counts from the start.
    processMetrics();
    this.registry.setDefaultLabels({ service });
    const registers = [this.registry];
    this.requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests by route, method and status', labelNames: ['route', 'method', 'status'], registers });
    this.duration = new Histogram({ name: 'http_request_duration_seconds', help: 'HTTP request latency by route and method', labelNames: ['route', 'method'], registers });
    this.errors = new Counter({ name: 'graphql_errors_total', help: 'GraphQL errors in responses, by extensions.code', labelNames: ['code'], registers });
    const listener: GraphQLRequestListener<BaseContext> = {
      willSendResponse: async ({ response }: ErrorsResponse) => {
        for (const error of response.body.singleResult?.errors ?? []) this.graphqlError(error.extensions?.code);
      },
    };
    this.plugin = {
      requestDidStart: async () => listener,
      // A refused token fails the context creation, before any request listener runs.
      contextCreationDidFail: async ({ error }) => this.graphqlError((error as { extensions?: { code?: unknown } }).extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
    };
  }

  /** One finished HTTP request; `route` is one of the listener's fixed route names. */
  request(route: string, method: string, status: number, seconds: number): void {
    this.requests.labels(route, method, String(status)).inc();
    this.duration.labels(route, method).observe(seconds);
  }

  /** Counts one GraphQL error by its code. */
  graphqlError(code: unknown): void {
    this.errors.labels(codeLabel(code)).inc();
  }

  /**
   * Pool usage of a subgraph's database client, read when scraped. In one process the
   * subgraphs share one client, so each reports the same pool.
   */
  observePool(pool: PoolUsage): void {
    const registers = [this.registry];
    new Gauge({ name: 'db_pool_size', help: 'Connections the database client may open (PGlite: 1)', registers }).set(pool.size);
    new Gauge({
      name: 'db_pool_in_use',
      help: 'Statements outside a transaction plus open transactions, each holding or waiting for a connection; above db_pool_size means queueing',
      registers,
      collect() {
        this.set(pool.active);
      },
    });
  }

  /** The exposition text: this service's series, then the process's. */
  async text(): Promise<string> {
    const [own, process] = await Promise.all([this.registry.metrics(), processMetrics().metrics()]);
    return `${own}\n${process}`;
  }

  readonly contentType = Registry.PROMETHEUS_CONTENT_TYPE;
}

/** The gateway's metrics: a service's, plus the latency of its calls to the subgraphs. */
export class GatewayMetrics extends ServiceMetrics {
  private readonly fetches = new Histogram<'subgraph' | 'outcome'>({
    name: 'subgraph_fetch_duration_seconds',
    help: 'Latency of the gateway’s calls to a subgraph; outcome ok, or error when the call failed (unreachable, HTTP error)',
    labelNames: ['subgraph', 'outcome'],
    registers: [this.registry],
  });

  /** Records one subgraph call's latency and whether it failed. */
  subgraphFetch(subgraph: string, outcome: 'ok' | 'error', seconds: number): void {
    this.fetches.labels(subgraph, outcome).observe(seconds);
  }
}

/** Runs one call of the gateway to a subgraph, timed when metrics are on. */
export async function timeSubgraphFetch<T>(metrics: GatewayMetrics | null, subgraph: string, fetch: () => Promise<T>): Promise<T> {
  if (!metrics) return fetch();
  const started = performance.now();
  try {
    const result = await fetch();
    metrics.subgraphFetch(subgraph, 'ok', (performance.now() - started) / 1000);
    return result;
  } catch (error) {
    metrics.subgraphFetch(subgraph, 'error', (performance.now() - started) / 1000);
    throw error;
  }
}
