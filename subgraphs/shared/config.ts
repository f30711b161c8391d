import { existsSync } from 'node:fs';
import { z } from 'zod';
import { SUBGRAPHS, GATEWAY_PORT, portEnvVar, urlEnvVar, type SubgraphName } from '../list';
import { DEFAULT_GEMEENTE } from './roles';

const port = z.coerce.number().int().min(0).max(65535);
const optionalString = z.string().trim().min(1).optional();

const baseSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL').optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  PGLITE_DIR: z.string().default('./data/pglite'),
  KEYS_DIR: z.string().default('./data/keys'),
  GATEWAY_PORT: port.default(GATEWAY_PORT),
  GATEWAY_HOST: z.string().default('0.0.0.0'),
  SUBGRAPH_HOST: z.string().default('127.0.0.1'),
  AUTH_JWKS_URL: z.url().optional(),
  AUTH_PUBLIC_KEY_FILE: optionalString,
  AUTH_ISSUER: z.string().default('wmo-dev-idp'),
  AUTH_AUDIENCE: z.string().default('wmo-supergraph'),
  INTERNAL_JWT_PRIVATE_KEY_FILE: optionalString,
  INTERNAL_JWT_PUBLIC_KEY_FILE: optionalString,
  PROCESSING_LOG_KEY_FILE: optionalString,
  INTERNAL_TOKEN_TTL_SECONDS: z.coerce.number().int().min(5).max(600).default(60),
  SUPPRESSION_THRESHOLD: z.coerce.number().int().min(1).default(10),
  SUPPRESSION_ROUNDING: z.coerce.number().int().min(1).default(5),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_000_000),
  // Gateway: every subgraph call has a deadline; the figure queries of 24 months at
  // 100,000 residents take up to 16 s, so the default leaves room above that.
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  SUBGRAPH_CONNECTIONS: z.coerce.number().int().min(1).max(1024).default(64),
  // Gateway query limits (graphql-armor); gateway/src/limits.ts says how they were chosen.
  QUERY_MAX_DEPTH: z.coerce.number().int().min(1).default(10),
  QUERY_MAX_ALIASES: z.coerce.number().int().min(0).default(15),
  QUERY_MAX_TOKENS: z.coerce.number().int().min(10).default(2000),
  QUERY_MAX_DIRECTIVES: z.coerce.number().int().min(0).default(50),
  QUERY_MAX_COST: z.coerce.number().int().min(1).default(5000),
  // Gateway per-client rate limit (token bucket); 0 switches it off.
  RATE_LIMIT_PER_SECOND: z.coerce.number().min(0).default(20),
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(100),
  // Gateway: the operations partner systems may run (gateway/src/trusted-documents.ts).
  TRUSTED_DOCUMENTS_FILE: optionalString,
  DEFAULT_GEMEENTE: z.string().regex(/^GM\d{4}$/, 'must look like GM0080').default(DEFAULT_GEMEENTE),
  SEED_INWONERS: z.coerce.number().int().min(10).max(100_000).default(8000),
  /** On SIGTERM/SIGINT: how long in-flight requests may take before their connections are cut. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(300_000).default(10_000),
  /** GET /health/ready: how long the database (subgraph) or a subgraph (gateway) may take to answer. */
  READINESS_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(2_000),
  /** GET /metrics on every service (Prometheus text); false: no endpoint and nothing counted. */
  METRICS_ENABLED: z.stringbool().default(true),
});

export type BaseConfig = z.infer<typeof baseSchema>;

export interface Config extends BaseConfig {
  subgraphs: Record<SubgraphName, { port: number; url: string }>;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The process environment, with a local .env file (if any) filled in underneath it. */
function processEnv(): NodeJS.ProcessEnv {
  if (existsSync('.env')) process.loadEnvFile('.env');
  return process.env;
}

/** Parses the environment once; throws a ConfigError that names every bad variable. */
export function loadConfig(rawEnv: NodeJS.ProcessEnv = processEnv()): Config {
  // An empty variable (FOO=) means "not set", not "0" or "".
  const env = Object.fromEntries(Object.entries(rawEnv).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = baseSchema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.')}: ${issue.message}`);
  }
  const subgraphs = {} as Config['subgraphs'];
  for (const s of SUBGRAPHS) {
    const portVar = portEnvVar(s.name);
    const urlVar = urlEnvVar(s.name);
    const p = port.safeParse(env[portVar] ?? s.port);
    if (!p.success) problems.push(`${portVar}: must be a port number (0-65535)`);
    const resolvedPort = p.success ? p.data : s.port;
    const url = env[urlVar] ?? `http://127.0.0.1:${resolvedPort}/graphql`;
    if (!/^https?:\/\//.test(url)) problems.push(`${urlVar}: must be an http(s) URL`);
    subgraphs[s.name] = { port: resolvedPort, url };
  }
  if (parsed.success && parsed.data.SUPPRESSION_THRESHOLD * 2 < parsed.data.SUPPRESSION_ROUNDING) {
    // Otherwise a count at the threshold would round to a published 0.
    problems.push('SUPPRESSION_THRESHOLD: must be at least half of SUPPRESSION_ROUNDING');
  }
  if (parsed.success && parsed.data.NODE_ENV === 'production') {
    if (!parsed.data.AUTH_JWKS_URL && !parsed.data.AUTH_PUBLIC_KEY_FILE) {
      problems.push('AUTH_JWKS_URL or AUTH_PUBLIC_KEY_FILE: one is required in production (dev keys are refused)');
    }
  }
  if (problems.length > 0 || !parsed.success) {
    throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return { ...parsed.data, subgraphs };
}

/** For entry points: the config, or a readable message and exit code 1. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
