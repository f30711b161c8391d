import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
/** Resolver map of a subgraph (entity types may add __resolveReference). */
export type Resolvers = Record<string, object>;
import { parse, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { SubgraphName } from '../list';
import type { SubgraphContext, SubgraphDeps } from './context';
import { graphqlListener } from './http';
import { policyShield, type Policy } from './policy';
import type { SuppressionRule } from './suppression';
import { bearerToken, internalAudience, verifyInternalToken, type Scope } from './tokens';
import { unauthenticated } from './errors';
import { describeError, type Logger } from './logger';

/** What each subgraph folder provides; shared/ turns it into a running service. */
export interface SubgraphModule<L> {
  name: SubgraphName;
  typeDefsPath: URL;
  resolvers: Resolvers;
  policy: Policy;
  createLoaders: (db: Db, scope: Scope, suppression: SuppressionRule) => L;
}

export interface SubgraphService {
  name: SubgraphName;
  schema: GraphQLSchema;
  apollo: ApolloServer<SubgraphContext<unknown>>;
  server: Server;
}

export function loadTypeDefs(path: URL) {
  return parse(readFileSync(path, 'utf8'));
}

export function buildGuardedSchema<L>(module: SubgraphModule<L>): GraphQLSchema {
  const schema = buildSubgraphSchema({ typeDefs: loadTypeDefs(module.typeDefsPath), resolvers: module.resolvers as never });
  return applyMiddleware(schema, policyShield(schema, module.policy));
}

const isUnexpected = (code: unknown) => code === 'INTERNAL_SERVER_ERROR' || code === undefined;

/**
 * Errors leave a subgraph with their code and message only. Unexpected errors (e.g. a
 * database failure, whose message may quote values) get a generic text.
 */
export function safeFormatError(formatted: GraphQLFormattedError): GraphQLFormattedError {
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

export async function createSubgraphService<L>(module: SubgraphModule<L>, deps: SubgraphDeps): Promise<SubgraphService> {
  const log = deps.log.child({ subgraph: module.name });
  const schema = buildGuardedSchema(module);
  const apollo = new ApolloServer<SubgraphContext<unknown>>({
    schema,
    introspection: !deps.production,
    includeStacktraceInErrorResponses: false,
    formatError: safeFormatError,
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginLandingPageDisabled(), errorLogging(log)],
  });
  await apollo.start();
  const listener = graphqlListener({
    apollo,
    log,
    bodyLimitBytes: deps.bodyLimitBytes,
    health: async () => {
      try {
        await deps.db.execute(sql`select 1`);
      } catch {
        throw new Error('database unavailable');
      }
      return { subgraph: module.name };
    },
    context: async (req) => {
      const token = bearerToken(req.headers.authorization);
      if (!token) throw unauthenticated('Subgraphs accept only requests from the gateway');
      const scope = await verifyInternalToken(token, deps.internalVerifyKey, internalAudience(module.name));
      return {
        scope,
        db: deps.db,
        log: log.child({ traceId: scope.traceId }),
        suppression: deps.suppression,
        loaders: module.createLoaders(deps.db, scope, deps.suppression),
      };
    },
  });
  return { name: module.name, schema, apollo, server: createServer(listener) };
}
