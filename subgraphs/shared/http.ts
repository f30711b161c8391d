import { randomFillSync } from 'node:crypto';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { notReady, type ReadinessChecks } from './health';
import type { Lifecycle } from './lifecycle';
import { scrub, type Logger } from './logger';
import { methodLabel, type ServiceMetrics } from './metrics';

const TRACEPARENT = /^[\da-f]{2}-([\da-f]{32})-([\da-f]{16})-[\da-f]{2}$/;

/**
 * W3C trace context of a request: trace id and parent span id of a valid traceparent
 * (version ff and all-zero trace or parent ids are invalid and ignored), else null.
 */
export function traceContext(req: IncomingMessage): { traceId: string; parentId: string } | null {
  const header = req.headers.traceparent;
  const value = typeof header === 'string' ? header.trim().toLowerCase() : '';
  const match = TRACEPARENT.exec(value);
  const valid = match && !value.startsWith('ff-') && !/^0+$/.test(match[1]!) && !/^0+$/.test(match[2]!);
  return valid ? { traceId: match[1]!, parentId: match[2]! } : null;
}

/**
 * The trace context of one request: the caller's trace id (or a new trace), a span id of
 * its own for this service's handling of the request, and the caller's span as parent.
 * Log lines carry them, so a gateway request and the subgraph requests it made join up
 * (a subgraph's parentSpanId is the gateway request's spanId).
 */
export interface RequestTrace {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
}

const entropy = Buffer.alloc(4096);
let used = entropy.length;

/**
 * Random hex for trace and span ids, cut from a buffer refilled 4 KB at a time: a
 * randomBytes call per id costs about 4 µs, more than all of a request's metrics. The
 * ids are identifiers, not secrets.
 */
export function randomHex(bytes: number): string {
  if (used + bytes > entropy.length) {
    randomFillSync(entropy);
    used = 0;
  }
  used += bytes;
  return entropy.toString('hex', used - bytes, used);
}

/** Reuses the caller's trace id when it sends a valid traceparent, else starts a trace. */
export function requestTrace(req: IncomingMessage): RequestTrace {
  const parent = traceContext(req);
  return { traceId: parent?.traceId ?? randomHex(16), spanId: randomHex(8), parentSpanId: parent?.parentId ?? null };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** The error body of the platform's plain HTTP answers, shaped like a GraphQL error. */
export function errorBody(message: string, code: string, extensions: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { code, ...extensions } }] };
}

/** A request body over the limit (readBody). */
export class BodyTooLarge extends Error {}

/** Thrown by a `prepareBody` hook: the request is answered with this status and a typed error. */
export class HttpRefusal extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

/** Reads a request body of at most `limit` bytes as UTF-8; throws BodyTooLarge beyond it. */
export async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** An endpoint next to /graphql, e.g. the CSV export; it answers the request itself. */
export type Route = (req: IncomingMessage, res: ServerResponse, url: URL, trace: RequestTrace) => Promise<void>;

export interface GraphQLListenerOptions<C extends BaseContext> {
  apollo: ApolloServer<C>;
  context: (req: IncomingMessage, trace: RequestTrace) => Promise<C>;
  bodyLimitBytes: number;
  log: Logger;
  /** The service's name in health answers, e.g. "gateway" or "financien". */
  service: string;
  /** Shared by the process's services: shutting down makes /health/ready 503. */
  lifecycle: Lifecycle;
  /** What must answer for /health/ready (database, subgraphs), each within readinessTimeoutMs. */
  readiness: ReadinessChecks;
  readinessTimeoutMs: number;
  /** Null when METRICS_ENABLED is false: no /metrics, nothing counted. */
  metrics: ServiceMetrics | null;
  /** Other endpoints by path prefix: '/export' serves /export and /export/... */
  routes?: Record<string, Route>;
  /** Rewrites a parsed POST body before Apollo sees it (the gateway's trusted documents); may throw HttpRefusal. */
  prepareBody?: (req: IncomingMessage, body: unknown) => unknown;
}

/** Route names, the only values of the route label and of `path` in the request log. */
const HEALTH = new Set(['/health', '/health/live', '/health/ready']);
const FIXED_ROUTES = new Set(['/graphql', '/metrics', ...HEALTH]);
const PROBES = new Set(['/metrics', ...HEALTH]);

function routeOf(pathname: string, prefixes: readonly string[]): string {
  if (FIXED_ROUTES.has(pathname)) return pathname;
  return prefixes.find((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`)) ?? 'unknown';
}

/**
 * Liveness: the process is up and its event loop answers (this handler runs); no
 * dependency is asked, so a slow database never gets a live process restarted.
 * Readiness: not shutting down, and every dependency answers in time. The body names
 * what is not ready, never a URL or an error text. GET /health is readiness, as before.
 */
type HealthOptions = Pick<GraphQLListenerOptions<BaseContext>, 'service' | 'lifecycle' | 'readiness' | 'readinessTimeoutMs'>;

async function answerHealth(res: ServerResponse, route: string, options: HealthOptions): Promise<void> {
  const { service, lifecycle } = options;
  res.setHeader('cache-control', 'no-store');
  if (route === '/health/live') return sendJson(res, 200, { status: 'ok', service });
  const failing = lifecycle.draining ? [] : await notReady(options.readiness, options.readinessTimeoutMs);
  // A shutdown that began during the checks wins.
  if (lifecycle.draining) return sendJson(res, 503, { status: 'unavailable', service, notReady: ['shutdown'] });
  if (failing.length > 0) return sendJson(res, 503, { status: 'unavailable', service, notReady: failing });
  sendJson(res, 200, { status: 'ok', service });
}

/**
 * A small node:http front for Apollo Server: /graphql, /health/live, /health/ready
 * (/health), /metrics, any other routes given, a body size limit, the request metrics,
 * and one log line per request (trace and span ids, route, status, duration; never the
 * query, variables or the raw path). Probes and scrapes log at debug level.
 */
export function graphqlListener<C extends BaseContext>(options: GraphQLListenerOptions<C>): RequestListener {
  const { apollo, log, metrics, lifecycle } = options;
  const routes = options.routes ?? {};
  const prefixes = Object.keys(routes);
  return (req, res) => {
    const started = process.hrtime.bigint();
    const trace = requestTrace(req);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = routeOf(url.pathname, prefixes);
    res.setHeader('x-trace-id', trace.traceId);
    // While draining, a connection serves its current request only.
    if (lifecycle.draining) res.setHeader('connection', 'close');
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics?.request(route, methodLabel(req.method), res.statusCode, seconds);
      const line = { ...trace, method: methodLabel(req.method), path: route, status: res.statusCode, ms: Math.round(seconds * 10_000) / 10 };
      if (PROBES.has(route)) log.debug(line, 'request');
      else log.info(line, 'request');
    });
    void (async () => {
      if (HEALTH.has(route)) {
        await answerHealth(res, route, options);
        return;
      }
      if (route === '/metrics' && metrics) {
        const text = await metrics.text();
        res.writeHead(200, { 'content-type': metrics.contentType, 'cache-control': 'no-store' });
        res.end(text);
        return;
      }
      const handler = routes[route];
      if (handler) {
        await handler(req, res, url, trace);
        return;
      }
      if (route !== '/graphql') {
        sendJson(res, 404, errorBody('Not found: the GraphQL endpoint is /graphql', 'NOT_FOUND'));
        return;
      }
      let body: unknown;
      if (req.method === 'POST') {
        let raw: string;
        try {
          raw = await readBody(req, options.bodyLimitBytes);
        } catch (error) {
          if (error instanceof BodyTooLarge) {
            sendJson(res, 413, errorBody(`Request body larger than ${options.bodyLimitBytes} bytes`, 'PAYLOAD_TOO_LARGE'));
            req.resume();
            return;
          }
          throw error;
        }
        const type = req.headers['content-type'] ?? '';
        if (type.includes('application/json')) {
          try {
            body = raw.length > 0 ? JSON.parse(raw) : undefined;
          } catch {
            sendJson(res, 400, errorBody('Request body is not valid JSON', 'BAD_REQUEST'));
            return;
          }
        } else {
          body = raw;
        }
        if (options.prepareBody) body = options.prepareBody(req, body);
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method?.toUpperCase() ?? 'GET', headers, search: url.search, body },
        context: () => options.context(req, trace),
      });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
      } else {
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
      }
    })().catch((error: unknown) => {
      if (error instanceof HttpRefusal && !res.headersSent) {
        sendJson(res, error.status, errorBody(error.message, error.code));
        return;
      }
      log.error({ traceId: trace.traceId, spanId: trace.spanId, err: { message: scrub((error as Error).message) } }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, errorBody('Internal server error', 'INTERNAL_SERVER_ERROR'));
      else res.end();
    });
  };
}

/**
 * Idle keep-alive connections are kept longer than a client's pool keeps them (Node's
 * default of 5 s is shorter than many clients'), so the server never closes a socket the
 * gateway is just reusing, which would surface as a spurious SUBGRAPH_UNAVAILABLE.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export function listen(server: Server, port: number, host: string): Promise<number> {
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** A port that was free a moment ago on 127.0.0.1 (for a child process or server to bind right after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
