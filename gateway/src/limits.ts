import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type GraphQLFormattedError, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * Query limits at the gateway (graphql-armor): a query that is too deep, too wide, too
 * long or too costly is refused before it is planned, so no subgraph sees it. The
 * defaults (configuration) leave room above the largest operation the platform ships:
 * the monitoring queries and CSV figure sets reach depth 8, cost 1,233 and 467 tokens.
 * test/integration/csv-export.test.ts and monitoring-statements.test.ts run every one of
 * them through the gateway with the default limits.
 */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  /** graphql-armor's static cost: 2 per object, 1 per scalar, ×1.5 per level. */
  maxCost: number;
}

/** The error code a client gets for each limit, with `extensions.limit` the configured maximum. */
export const LIMIT_CODES = {
  maxDepth: 'QUERY_TOO_DEEP',
  maxAliases: 'TOO_MANY_ALIASES',
  maxTokens: 'QUERY_TOO_LONG',
  maxDirectives: 'TOO_MANY_DIRECTIVES',
  costLimit: 'QUERY_TOO_COSTLY',
} as const;

type LimitName = keyof typeof LIMIT_CODES;

/** Marks the error of a limit; Apollo wraps validation errors, formatLimitError reads the mark back. */
const LIMIT = 'queryLimit';

function reject(name: LimitName, max: number) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    const refused = new GraphQLError(error.message.replace(/^Syntax Error: /, ''), {
      extensions: { code: LIMIT_CODES[name], [LIMIT]: name, limit: max },
    });
    if (context) context.reportError(refused);
    else throw refused;
  };
}

export interface LimitProtection {
  plugins: ApolloServerPlugin<BaseContext>[];
  validationRules: ValidationRule[];
  /**
   * The token limit runs in graphql-js's parser (`maxTokens`, the same lexer count as
   * armor's max-tokens): armor's own max-tokens plugin throws from `parsingDidStart`,
   * which Apollo Server 5 answers with a 500 instead of refusing the query.
   */
  parseOptions: { maxTokens: number };
}

/**
 * graphql-armor's Apollo protections with our limits and typed errors. Field suggestions
 * ("Did you mean …") are hidden in production, where introspection is off too, so the
 * schema cannot be probed by typos.
 */
export function queryLimitProtection(limits: QueryLimits, production: boolean): LimitProtection {
  const common = { exposeLimits: true, propagateOnRejection: false } as const;
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ...common, onReject: [reject('maxDepth', limits.maxDepth)] },
    maxAliases: { n: limits.maxAliases, ...common, onReject: [reject('maxAliases', limits.maxAliases)] },
    maxDirectives: { n: limits.maxDirectives, ...common, onReject: [reject('maxDirectives', limits.maxDirectives)] },
    costLimit: { maxCost: limits.maxCost, ...common, onReject: [reject('costLimit', limits.maxCost)] },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: production, mask: '' },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins: plugins as ApolloServerPlugin<BaseContext>[], validationRules, parseOptions: { maxTokens: limits.maxTokens } };
}

/** Gives a refused query its own code instead of GRAPHQL_VALIDATION_FAILED / GRAPHQL_PARSE_FAILED. */
export function formatLimitError(formatted: GraphQLFormattedError, limits: QueryLimits): GraphQLFormattedError {
  const extensions = formatted.extensions ?? {};
  const name = extensions[LIMIT] as LimitName | undefined;
  if (name) {
    const { [LIMIT]: _mark, ...rest } = extensions;
    return { ...formatted, extensions: { ...rest, code: LIMIT_CODES[name] } };
  }
  if (extensions.code === 'GRAPHQL_PARSE_FAILED' && /contains more tha[nt] \d+ tokens/.test(formatted.message)) {
    return {
      message: `Query has more than ${limits.maxTokens} tokens`,
      extensions: { code: LIMIT_CODES.maxTokens, limit: limits.maxTokens },
    };
  }
  return formatted;
}
