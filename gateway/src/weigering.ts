/**
 * Refusals of the gateway's file endpoints (the CSV export and /bestanden): an HTTP status
 * and a typed JSON error body, sent before the first byte of a file. Both endpoints run
 * registered GraphQL operations as the caller, so they map the same errors the same way.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { errorBody, sendJson, type RequestTrace } from '../../subgraphs/shared/http';

/** A refusal before any file is written: an HTTP status and a typed JSON error body. */
export class Weigering extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly extensions: Record<string, unknown> = {}) {
    super(message);
  }
}

/** 400 naming the request parameter, like BAD_USER_INPUT's `field`. */
export const badParameter = (naam: string, message: string) => new Weigering(400, 'BAD_USER_INPUT', message, { field: naam });

/** How a refusal names what was asked for: "figure set" and "CSV" for the export. */
export interface Onderwerp {
  ding: string;
  bestand: string;
}

/**
 * The HTTP answer to GraphQL errors. Any error refuses the whole file: a partial answer
 * (a subgraph down) would be a file that looks complete but is not.
 */
export function weigeringVoor(errors: readonly GraphQLFormattedError[], onderwerp: Onderwerp = { ding: 'figure set', bestand: 'CSV' }): Weigering {
  const met = (...codes: string[]) => errors.find((e) => codes.includes(String(e.extensions?.code)));
  const message = (e: GraphQLFormattedError) => e.message.slice(0, 300);
  const unauthenticated = met('UNAUTHENTICATED');
  if (unauthenticated) return new Weigering(401, 'UNAUTHENTICATED', message(unauthenticated));
  const forbidden = met('FORBIDDEN');
  if (forbidden) return new Weigering(403, 'FORBIDDEN', `This role may not read this ${onderwerp.ding}: ${message(forbidden)}`);
  const bad = met('BAD_USER_INPUT');
  if (bad) return new Weigering(400, 'BAD_USER_INPUT', message(bad), typeof bad.extensions?.field === 'string' ? { field: bad.extensions.field } : {});
  const first = met('SUBGRAPH_UNAVAILABLE') ?? errors[0];
  const code = String(first?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  const serviceName = first?.extensions?.serviceName;
  return new Weigering(502, code, `The ${onderwerp.ding} could not be computed completely (${code}${typeof serviceName === 'string' ? `: ${serviceName}` : ''}); no ${onderwerp.bestand} was sent`,
    typeof serviceName === 'string' ? { serviceName } : {});
}

/** The caller's context, as /graphql builds it; its refusals (token, purpose, rate limit) become Weigeringen. */
export async function alsAanroeper<C>(context: (req: IncomingMessage, trace: RequestTrace) => Promise<C>, req: IncomingMessage, trace: RequestTrace): Promise<C> {
  try {
    return await context(req, trace);
  } catch (error) {
    const code = error instanceof GraphQLError ? error.extensions.code : undefined;
    if (code === 'UNAUTHENTICATED') throw new Weigering(401, 'UNAUTHENTICATED', (error as GraphQLError).message);
    if (code === 'FORBIDDEN') throw new Weigering(403, 'FORBIDDEN', (error as GraphQLError).message);
    if (code === 'RATE_LIMITED') {
      const { retryAfterSeconds } = (error as GraphQLError).extensions;
      throw new Weigering(429, 'RATE_LIMITED', (error as GraphQLError).message, { retryAfterSeconds });
    }
    throw error;
  }
}

/** Sends a refusal with the headers its status calls for. */
export function stuurWeigering(res: ServerResponse, error: Weigering): void {
  const headers: Record<string, string> =
    error.status === 405 ? { allow: 'GET' }
    : error.status === 401 ? { 'www-authenticate': 'Bearer' }
    : error.status === 429 ? { 'retry-after': String(error.extensions.retryAfterSeconds) }
    : {};
  sendJson(res, error.status, errorBody(error.message, error.code, error.extensions), headers);
}
