import { randomBytes, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
/** Resolver map of a subgraph (entity types may add __resolveReference). */
export type Resolvers = Record<string, object>;
import { Kind, parse, type GraphQLFormattedError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { SubgraphName } from '../list';
import type { SubgraphContext, SubgraphDeps } from './context';
import { graphqlListener, type Route } from './http';
import { ServiceMetrics } from './metrics';
import { policyMiddleware, type PolicySet } from './policy';
import type { SuppressionRule } from './suppression';
import { bearerToken, internalAudience, verifyInternalToken, type Scope } from './tokens';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable, unauthenticated } from './errors';
import { describeError, type Logger } from './logger';
import { schrijfVerwerkingen, STATUS, VerwerkingenCollector, verwerkingRecords } from './verwerkingen';

/** What each subgraph folder provides; shared/ turns it into a running service. */
export interface SubgraphModule<L> {
  name: SubgraphName;
  typeDefsPath: URL;
  resolvers: Resolvers;
  policy: PolicySet;
  createLoaders: (db: Db, scope: Scope, suppression: SuppressionRule, pseudonymKey: KeyObject) => L;
  /** Endpoints next to /graphql that only the gateway calls (privacy: the afhaalregister). */
  routes?: (deps: SubgraphDeps, log: Logger) => Record<string, Route>;
}

export interface SubgraphService {
  name: SubgraphName;
  schema: GraphQLSchema;
  apollo: ApolloServer<SubgraphContext<unknown>>;
  server: Server;
  /** Null when METRICS_ENABLED is false. */
  metrics: ServiceMetrics | null;
}

export function loadTypeDefs(path: URL) {
  return parse(readFileSync(path, 'utf8'));
}

/** The subgraph's schema with its resolvers, without the field rules (see buildGuardedSchema). */
function buildSchema<L>(module: SubgraphModule<L>): GraphQLSchema {
  return buildSubgraphSchema({ typeDefs: loadTypeDefs(module.typeDefsPath), resolvers: module.resolvers as never });
}

export function buildGuardedSchema<L>(module: SubgraphModule<L>): GraphQLSchema {
  const schema = buildSchema(module);
  return applyMiddleware(schema, ...policyMiddleware(schema, module.policy));
}

/**
 * How a subgraph service authenticates and authorises its callers. Production, `npm start`
 * and the tests always use the default: guards on (internal token verified, field rules,
 * processing log).
 *
 * `guards: false` exists only for the benchmark (scripts/bench), to measure what the
 * guards cost and to serve a gateway that sends no token (Hive Gateway). It is an argument
 * in code, never read from configuration or the environment, so no deployment can turn it
 * on. Without guards the service verifies no token and takes every request's caller from
 * `scope()` (the row filters in SQL still apply to that caller), skips the field rules and
 * writes no processing log.
 */
export type SubgraphServiceOptions = { guards?: true } | { guards: false; scope: () => Omit<Scope, 'traceId' | 'verzoek'> };

const isUnexpected = (code: unknown) => code === 'INTERNAL_SERVER_ERROR' || code === undefined;

/**
 * Errors leave a subgraph with their code and message only. Unexpected errors (e.g. a
 * database failure, whose message may quote values) get a generic text; a database that
 * cannot be reached gets DATABASE_UNAVAILABLE, so clients know a retry may help.
 */
export function safeFormatError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  if (isUnexpected(formatted.extensions?.code) && isDatabaseUnavailable(error)) {
    return { message: DATABASE_UNAVAILABLE_MESSAGE, path: formatted.path, extensions: { code: 'DATABASE_UNAVAILABLE' } };
  }
  if (isUnexpected(formatted.extensions?.code)) {
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  const { stacktrace: _s, exception: _e, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
  return { ...formatted, extensions };
}

/** Logs unexpected errors with the request's trace id, without personal data. */
export function errorLogging<C extends { log?: Logger }>(fallback: Logger): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          for (const error of errors) {
            if (!isUnexpected(error.extensions?.code)) continue;
            (contextValue?.log ?? fallback).error({ err: describeError(error), path: error.path }, 'request failed');
          }
        },
      };
    },
  };
}

/** Names an Actie for the log: operation type and root fields, e.g. "query inwoner". */
function actieNaam(operation: OperationDefinitionNode | undefined): string {
  if (!operation) return 'onbekend';
  const roots = operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
  return `${operation.operation} ${[...new Set(roots)].join(',') || '-'}`.slice(0, 200);
}

/**
 * Writes the request's processing log before the response leaves the subgraph. When
 * the log cannot be written the response carries no data (fail closed): a mutation's
 * change stands, and the error log holds the records (pseudonyms and field names) so
 * they can be restored.
 */
export function processingLogPlugin(name: string, deps: Pick<SubgraphDeps, 'db' | 'pseudonymKey'>, log: Logger): ApolloServerPlugin<SubgraphContext<unknown>> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operation, response, errors }) {
          const collector = contextValue?.verwerkingen;
          if (!collector) return;
          if (collector.onbekend.size > 0) {
            contextValue.log.warn({ fields: [...collector.onbekend] }, 'personal fields without a betrokkene: not logged');
          }
          const codes = (errors ?? []).map((e) => e.extensions?.code);
          const status = codes.some(isUnexpected) ? STATUS.ERROR : codes.length > 0 ? STATUS.UNSET : STATUS.OK;
          let records: ReturnType<typeof verwerkingRecords> = [];
          try {
            // A failed lookup of a row's residents leaves the log incomplete: fail closed as well.
            await collector.settled();
            if (collector.size === 0) return;
            records = verwerkingRecords(deps.pseudonymKey, collector, {
              dienst: name,
              naam: actieNaam(operation),
              soort: operation?.operation === 'mutation' ? 'wijzigen' : 'lezen',
              status,
              scope: contextValue.scope,
            });
            await schrijfVerwerkingen(deps.db, records);
          } catch (error) {
            // The records hold pseudonyms and field names only: logged in full so they can be restored.
            contextValue.log.error({ err: describeError(error), verwerkingen: records }, 'processing log write failed');
            if (response.body.kind === 'single') {
              response.body.singleResult.data = null;
              response.body.singleResult.errors = [
                isDatabaseUnavailable(error)
                  ? { message: `${DATABASE_UNAVAILABLE_MESSAGE}: the response was withheld`, extensions: { code: 'DATABASE_UNAVAILABLE' } }
                  : { message: 'Processing log unavailable: the response was withheld', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
              ];
            }
          }
        },
      };
    },
  };
}

/** A subgraph as a node:http server (not yet listening) in front of its Apollo server. */
export async function createSubgraphService<L>(module: SubgraphModule<L>, deps: SubgraphDeps, options: SubgraphServiceOptions = {}): Promise<SubgraphService> {
  const log = deps.log.child({ subgraph: module.name });
  const guarded = options.guards !== false;
  const schema = guarded ? buildGuardedSchema(module) : buildSchema(module);
  const metrics = deps.metrics ? new ServiceMetrics(module.name) : null;
  if (metrics && deps.pool) metrics.observePool(deps.pool);
  const apollo = new ApolloServer<SubgraphContext<unknown>>({
    schema,
    introspection: !deps.production,
    includeStacktraceInErrorResponses: false,
    // Signals are handled by shutdownGracefully: Apollo's own handler would stop the server
    // before in-flight requests finish and then re-send the signal.
    stopOnTerminationSignals: false,
    formatError: safeFormatError,
    plugins: [
      // Inline tracing and cache control each wrap every field resolver (willResolveField);
      // nothing here uses traces or cache hints, so neither costs a call per field.
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      errorLogging(log),
      ...(guarded ? [processingLogPlugin(module.name, deps, log)] : []),
      // Last: it counts the errors the processing log plugin may have put in.
      ...(metrics ? [metrics.plugin] : []),
    ],
  });
  const callerOf = async (req: IncomingMessage, traceId: string): Promise<Scope> => {
    // Bench only: a fresh `verzoek` per request, so per-request memos are never shared between requests.
    if (options.guards === false) return { ...options.scope(), traceId, verzoek: randomBytes(16).toString('hex') };
    const token = bearerToken(req.headers.authorization);
    if (!token) throw unauthenticated('Subgraphs accept only requests from the gateway');
    return verifyInternalToken(token, deps.internalVerifyKey, internalAudience(module.name), deps.internalTokenMaxAgeSeconds);
  };
  await apollo.start();
  const listener = graphqlListener({
    apollo,
    log,
    bodyLimitBytes: deps.bodyLimitBytes,
    routes: module.routes?.(deps, log),
    service: module.name,
    lifecycle: deps.lifecycle,
    readiness: { database: () => deps.db.execute(sql`select 1`) },
    readinessTimeoutMs: deps.readinessTimeoutMs,
    metrics,
    context: async (req, trace) => {
      const scope = await callerOf(req, trace.traceId);
      return {
        scope,
        // The processing log's span is this request's span, so log lines and records join up.
        verwerkingen: new VerwerkingenCollector(trace.parentSpanId, deps.pseudonymKey, trace.spanId),
        db: deps.db,
        log: log.child({ traceId: scope.traceId, spanId: trace.spanId }),
        suppression: deps.suppression,
        loaders: module.createLoaders(deps.db, scope, deps.suppression, deps.pseudonymKey),
      };
    },
  });
  return { name: module.name, schema, apollo, server: createServer(listener), metrics };
}
