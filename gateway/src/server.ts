import type { KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { SubgraphName } from '../../subgraphs/list';
import { isSubgraphName } from '../../subgraphs/list';
import { graphqlListener, type RequestTrace } from '../../subgraphs/shared/http';
import type { Lifecycle } from '../../subgraphs/shared/lifecycle';
import { GatewayMetrics, timeSubgraphFetch } from '../../subgraphs/shared/metrics';
import { describeError, type Logger } from '../../subgraphs/shared/logger';
import { errorLogging } from '../../subgraphs/shared/subgraph';
import type { ClientKey } from '../../subgraphs/shared/keys';
import { bearerToken, internalAudience, signInternalToken, verifyClientToken, type Scope } from '../../subgraphs/shared/tokens';
import { unauthenticated } from '../../subgraphs/shared/errors';
import { afhaalregisterSchrijver } from './bestanden/afhaalregister';
import { bestandenRoute } from './bestanden/route';
import { exportRoute } from './export/route';
import { EXPLORER_PATH, explorerRoute } from './explorer/route';
import { SubgraphCallError, SubgraphClient, subgraphError } from './subgraph-client';
import { formatLimitError, queryLimitProtection, type QueryLimits } from './limits';
import { RateLimiter, rateLimited, type RateLimitOptions } from './rate-limit';
import { documentListRoute, TrustedDocuments, type Manifest } from './trusted-documents';
import { subgraphReadiness } from './readiness';

export interface GatewayContext {
  scope: Scope;
  /** The internal token for one subgraph, minted once per request and subgraph (again after half its lifetime). */
  internalToken: (subgraph: string) => Promise<string>;
  log: Logger;
  /** This request's span at the gateway: the parent span of its subgraph requests. */
  spanId: string;
}

export interface GatewayOptions {
  supergraphSdl: string;
  subgraphUrls: Record<SubgraphName, string>;
  clientKey: ClientKey;
  issuer: string;
  audience: string;
  internalSigningKey: KeyObject;
  internalTokenTtlSeconds: number;
  defaultGemeente: string;
  bodyLimitBytes: number;
  subgraphTimeoutMs: number;
  subgraphConnections: number;
  limits: QueryLimits;
  rateLimit: RateLimitOptions;
  trustedDocuments: Manifest;
  production: boolean;
  log: Logger;
  /** Shared by the services of the process: a shutdown makes the gateway not ready. */
  lifecycle: Lifecycle;
  /** How long each subgraph may take to answer the gateway's /health/ready. */
  readinessTimeoutMs: number;
  /** METRICS_ENABLED: GET /metrics and the subgraph fetch latencies. */
  metrics: boolean;
}

export interface Gateway {
  apollo: ApolloServer<GatewayContext>;
  server: Server;
  /** Null when METRICS_ENABLED is false. */
  metrics: GatewayMetrics | null;
  stop(): Promise<void>;
}

const CLIENT_ERROR_CODES = new Set(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']);

function firstClientError(body: unknown): { message: string; code: string } | undefined {
  const first = (body as { errors?: Array<{ message?: unknown; extensions?: { code?: unknown } }> })?.errors?.[0];
  const code = first?.extensions?.code;
  if (typeof code !== 'string' || !CLIENT_ERROR_CODES.has(code) || typeof first?.message !== 'string') return undefined;
  return { message: first.message.slice(0, 500), code: 'BAD_USER_INPUT' };
}

/**
 * Sends the gateway-signed internal token and the W3C trace context to a subgraph, over
 * the subgraph's keep-alive pool with a deadline (subgraph-client.ts).
 * Client headers are never forwarded: subgraphs trust only what the gateway signed.
 */
class InternalTokenDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly serviceName: string;
  private readonly log: Logger;
  private readonly metrics: GatewayMetrics | null;

  constructor(config: { url: string; name: string; log: Logger; client: SubgraphClient; metrics: GatewayMetrics | null }) {
    // Our subgraphs send no cache-control; not reading it spares a header parse per call.
    super({ url: config.url, fetcher: config.client.fetcher, honorSubgraphCacheControlHeader: false });
    this.serviceName = config.name;
    this.log = config.log;
    this.metrics = config.metrics;
  }

  /**
   * A subgraph that cannot be reached, does not answer in time, or answers with an HTTP
   * error (expired internal token, 413, 500) costs only its own fields, with a typed error
   * that names the subgraph and nothing of its internals (URL, response body).
   */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    try {
      return await timeSubgraphFetch(this.metrics, this.serviceName, () => super.process(options));
    } catch (error) {
      const response = (error as GraphQLError).extensions?.response as { status?: number; body?: unknown } | undefined;
      if (error instanceof GraphQLError && !response) throw error;
      // A 400 from a subgraph is the client's input (e.g. a custom scalar the gateway
      // does not parse): pass its code and message on, without the subgraph's internals.
      const clientError = response?.status === 400 ? firstClientError(response.body) : undefined;
      if (clientError) {
        throw new GraphQLError(clientError.message, { extensions: { code: clientError.code, serviceName: this.serviceName } });
      }
      const kind = error instanceof SubgraphCallError ? error.kind : response ? 'http' : 'unreachable';
      const context = options.context as Partial<GatewayContext>;
      (context.log ?? this.log).warn(
        { subgraph: this.serviceName, kind, status: response?.status, err: response ? undefined : describeError((error as SubgraphCallError).cause ?? error) },
        'subgraph call failed',
      );
      throw subgraphError(this.serviceName, kind);
    }
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    if (!('scope' in context) || !context.scope) return;
    const headers = request.http?.headers;
    if (!headers) return;
    headers.set('authorization', `Bearer ${await context.internalToken(this.serviceName)}`);
    headers.set('traceparent', `00-${context.scope.traceId}-${context.spanId}-01`);
  }
}

/**
 * Unexpected errors: generic in production, their message in development (never a
 * stack). A query refused by a limit gets the limit's own code.
 */
function formatGatewayError(production: boolean, limits: QueryLimits) {
  return (original: GraphQLFormattedError): GraphQLFormattedError => {
    const formatted = formatLimitError(original, limits);
    const code = formatted.extensions?.code;
    if (production && (code === 'INTERNAL_SERVER_ERROR' || code === undefined)) {
      return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
    const { stacktrace: _s, exception: _e, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { ...formatted, extensions };
  };
}

/** Builds the gateway without listening, so tests run it in process. */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const { log } = options;
  const clients = new Map<string, SubgraphClient>();
  const metrics = options.metrics ? new GatewayMetrics('gateway') : null;
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    logger: log,
    buildService: ({ name, url }) => {
      const configured = isSubgraphName(name) ? options.subgraphUrls[name] : url;
      if (!configured) throw new Error(`No URL configured for subgraph ${name}`);
      const client = new SubgraphClient({ url: configured, timeoutMs: options.subgraphTimeoutMs, connections: options.subgraphConnections });
      clients.set(name, client);
      return new InternalTokenDataSource({ url: configured, name, log, client, metrics });
    },
  });
  const limits = queryLimitProtection(options.limits, options.production);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false, // shutdownGracefully handles SIGTERM/SIGINT
    formatError: formatGatewayError(options.production, options.limits),
    validationRules: limits.validationRules,
    // Automatic persisted queries would let any client register operations; trusted
    // documents (trusted-documents.ts) are the only ids the gateway knows.
    persistedQueries: false,
    parseOptions: limits.parseOptions,
    // No cache hints are used: cache control would only add work per request.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), errorLogging(log), ...limits.plugins, ...(metrics ? [metrics.plugin] : [])],
  });
  const rateLimiter = new RateLimiter(options.rateLimit);
  await apollo.start();
  // One context creation for /graphql, the CSV export and /bestanden: the same token check, role and purpose.
  const context = async (req: IncomingMessage, trace: RequestTrace): Promise<GatewayContext> => {
    const token = bearerToken(req.headers.authorization);
    if (!token) throw unauthenticated('Authentication required: send Authorization: Bearer <token>');
    const doelHeader = req.headers['x-doelbinding'];
    const scope = await verifyClientToken(
      token,
      { key: options.clientKey, issuer: options.issuer, audience: options.audience, defaultGemeente: options.defaultGemeente },
      trace.traceId,
      typeof doelHeader === 'string' && doelHeader.length > 0 ? doelHeader : undefined,
    );
    const wait = rateLimiter.take(`${scope.gemeente}|${scope.rol}|${scope.organisatie ?? ''}|${scope.sub}`);
    if (wait > 0) throw rateLimited(wait);
    const minted = new Map<string, { token: Promise<string>; renewAt: number }>();
    // A request that runs longer than the token's lifetime (a file of many pages, a slow
    // subgraph within SUBGRAPH_TIMEOUT_MS) gets a fresh token for its later calls.
    const lifetimeMs = options.internalTokenTtlSeconds * 1000;
    return {
      scope,
      log: log.child({ traceId: trace.traceId, spanId: trace.spanId }),
      spanId: trace.spanId,
      internalToken: (subgraph) => {
        const now = Date.now();
        let entry = minted.get(subgraph);
        if (!entry || now >= entry.renewAt) {
          const token = signInternalToken(scope, options.internalSigningKey, options.internalTokenTtlSeconds, internalAudience(subgraph));
          entry = { token, renewAt: now + lifetimeMs / 2 };
          minted.set(subgraph, entry);
        }
        return entry.token;
      },
    };
  };
  // The afhaalregister of /bestanden: its own small pool to the privacy subgraph.
  const registerClient = new SubgraphClient({ url: options.subgraphUrls.privacy, timeoutMs: options.subgraphTimeoutMs, connections: 4 });
  const afhaalregister = afhaalregisterSchrijver({
    privacyUrl: options.subgraphUrls.privacy, client: registerClient, signingKey: options.internalSigningKey, ttlSeconds: options.internalTokenTtlSeconds,
  });
  const documents = new TrustedDocuments(options.trustedDocuments);
  const listener = graphqlListener<GatewayContext>({
    apollo,
    log,
    bodyLimitBytes: options.bodyLimitBytes,
    service: 'gateway',
    lifecycle: options.lifecycle,
    // The supergraph is loaded: this listener exists only after apollo.start().
    readiness: subgraphReadiness(options.subgraphUrls, options.readinessTimeoutMs),
    readinessTimeoutMs: options.readinessTimeoutMs,
    metrics,
    prepareBody: (req, body) => documents.resolve(req, body),
    context: async (req, trace) => {
      const value = await context(req, trace);
      documents.requireTrusted(req, value.scope.rol);
      return value;
    },
    routes: {
      // The CSV export runs the platform's own registered operations, never a client's query.
      '/export': exportRoute({ apollo, context, log }),
      // File delivery: the files other fields make, each fetch recorded before it is sent.
      '/bestanden': bestandenRoute({ apollo, context, afhaalregister, log }),
      '/documenten': documentListRoute(documents, context),
      // The GraphiQL explorer is for development only: in production /explorer is a plain 404.
      ...(options.production ? {} : { [EXPLORER_PATH]: explorerRoute(log) }),
    },
  });
  const server = createServer(listener);
  return {
    apollo,
    server,
    metrics,
    stop: async () => {
      await apollo.stop();
      await Promise.all([...clients.values(), registerClient].map((c) => c.close()));
    },
  };
}
