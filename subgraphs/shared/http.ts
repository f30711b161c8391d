import { randomBytes } from 'node:crypto';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { scrub, type Logger } from './logger';

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

/** Reuse the caller's trace id when it sends a valid traceparent, else start a trace. */
export function traceIdFrom(req: IncomingMessage): string {
  return traceContext(req)?.traceId ?? randomBytes(16).toString('hex');
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
export type Route = (req: IncomingMessage, res: ServerResponse, url: URL, traceId: string) => Promise<void>;

export interface GraphQLListenerOptions<C extends BaseContext> {
  apollo: ApolloServer<C>;
  context: (req: IncomingMessage, traceId: string) => Promise<C>;
  bodyLimitBytes: number;
  log: Logger;
  /** Body of GET /health; throwing makes it 503. */
  health: () => Promise<Record<string, unknown>>;
  /** Other endpoints by path prefix: '/export' serves /export and /export/... */
  routes?: Record<string, Route>;
  /** Rewrites a parsed POST body before Apollo sees it (the gateway's trusted documents); may throw HttpRefusal. */
  prepareBody?: (req: IncomingMessage, body: unknown) => unknown;
}

/**
 * A small node:http front for Apollo Server: /graphql, /health, any other routes given, a
 * body size limit and one log line per request (trace id, status, duration; never the query or variables).
 */
export function graphqlListener<C extends BaseContext>(options: GraphQLListenerOptions<C>): RequestListener {
  const { apollo, log } = options;
  return (req, res) => {
    const started = process.hrtime.bigint();
    const traceId = traceIdFrom(req);
    const url = new URL(req.url ?? '/', 'http://localhost');
    res.setHeader('x-trace-id', traceId);
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info({ traceId, method: req.method, path: url.pathname, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
    });
    void (async () => {
      if (url.pathname === '/health') {
        try {
          sendJson(res, 200, { status: 'ok', ...(await options.health()) });
        } catch (error) {
          sendJson(res, 503, { status: 'unavailable', reason: (error as Error).message });
        }
        return;
      }
      const route = Object.entries(options.routes ?? {}).find(([prefix]) => url.pathname === prefix || url.pathname.startsWith(`${prefix}/`));
      if (route) {
        await route[1](req, res, url, traceId);
        return;
      }
      if (url.pathname !== '/graphql') {
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
        context: () => options.context(req, traceId),
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
      log.error({ traceId, err: { message: scrub((error as Error).message) } }, 'request failed');
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

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
