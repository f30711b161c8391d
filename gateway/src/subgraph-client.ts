import { STATUS_CODES } from 'node:http';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { Pool, errors as undiciErrors } from 'undici';

/**
 * The gateway's HTTP client for one subgraph: a keep-alive connection pool (undici) and a
 * deadline on every call.
 *
 * @apollo/gateway's default client (make-fetch-happen) costs 0.5–0.9 ms CPU per subgraph
 * call on this kind of machine, and an undici pool about a third of that
 * (../shared/performance.md). A subgraph that does not answer within the deadline costs
 * its own fields only, with SUBGRAPH_TIMEOUT, instead of holding the client.
 */
export interface SubgraphClientOptions {
  url: string;
  /** The deadline of one call, from sending to the last byte of the answer. */
  timeoutMs: number;
  /** Open connections at most; further calls queue in the pool. */
  connections: number;
}

/** Why a call failed, without the URL or anything the subgraph said. */
export class SubgraphCallError extends Error {
  override name = 'SubgraphCallError';
  constructor(
    readonly kind: 'timeout' | 'unreachable',
    override readonly cause?: unknown,
  ) {
    super(kind === 'timeout' ? 'subgraph call timed out' : 'subgraph unreachable');
  }
}

type Fetcher = NonNullable<NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher']>;
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

export class SubgraphClient {
  private readonly pool: Pool;

  constructor(private readonly options: SubgraphClientOptions) {
    this.pool = new Pool(new URL(options.url).origin, {
      connections: options.connections,
      // Shorter than the subgraphs' keep-alive (65 s), so the pool never reuses a socket
      // the server is just closing.
      keepAliveTimeout: 30_000,
      keepAliveMaxTimeout: 60_000,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
  }

  /**
   * The `fetcher` for RemoteGraphQLDataSource. The gateway reads status, headers, json()
   * and text() of the answer; the body is read whole before this resolves, so the deadline
   * covers it too. Rejects with SubgraphCallError only.
   */
  readonly fetcher: Fetcher = async (url, init) => {
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    const target = new URL(url);
    try {
      const response = await this.pool.request({
        path: `${target.pathname}${target.search}`,
        method: 'POST',
        headers: init?.headers,
        body: init?.body,
        signal,
      });
      const text = await response.body.text();
      return answer(url, response.statusCode, response.headers, text);
    } catch (error) {
      throw new SubgraphCallError(isTimeout(error, signal) ? 'timeout' : 'unreachable', error);
    }
  };

  close(): Promise<void> {
    return this.pool.close();
  }
}

/** The part of a fetch Response that @apollo/gateway uses, over a body already read. */
function answer(url: string, status: number, raw: Record<string, string | string[] | undefined>, text: string): FetcherResponse {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const response = {
    url,
    status,
    ok: status >= 200 && status < 300,
    statusText: STATUS_CODES[status] ?? '',
    redirected: false,
    bodyUsed: false,
    headers,
    text: async () => text,
    json: async () => JSON.parse(text) as unknown,
    arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer,
    clone: () => response,
  };
  return response as unknown as FetcherResponse;
}

function isTimeout(error: unknown, signal: AbortSignal): boolean {
  return (
    signal.aborted ||
    error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError ||
    (error as Error)?.name === 'TimeoutError'
  );
}

/** The typed error for the client: the subgraph's name, never its URL or what it said. */
export function subgraphError(serviceName: string, kind: SubgraphCallError['kind'] | 'http'): GraphQLError {
  if (kind === 'timeout') {
    return new GraphQLError(`Subgraph ${serviceName} did not answer in time`, {
      extensions: { code: 'SUBGRAPH_TIMEOUT', serviceName },
    });
  }
  return new GraphQLError(`Subgraph ${serviceName} is unavailable`, {
    extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName },
  });
}
