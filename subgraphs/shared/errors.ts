import { GraphQLError } from 'graphql';

export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT';

/**
 * Errors carry a code and a message without personal data; never a stack trace.
 * `httpStatus` is for errors that refuse the whole request (authentication, purpose);
 * a field-level error leaves the response at 200 with partial data.
 */
export function appError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}, httpStatus?: number): GraphQLError {
  const status = httpStatus;
  return new GraphQLError(message, {
    extensions: { code, ...extra, ...(status ? { http: { status } } : {}) },
  });
}

export const unauthenticated = (message = 'Authentication required') => appError('UNAUTHENTICATED', message, {}, 401);
export const forbidden = (message = 'Not allowed for this role') => appError('FORBIDDEN', message);
export const badUserInput = (field: string, message: string) => appError('BAD_USER_INPUT', message, { field });
export const notFound = (message: string) => appError('NOT_FOUND', message);
/**
 * The residents whose case state an error discloses (a CONFLICT naming a toewijzing's
 * status): kept on the error for the processing log, never sent to the client.
 */
export const BETROKKENEN = Symbol('betrokkenen');

export function conflict(message: string, extra: Record<string, unknown> = {}, betrokkenen: ReadonlyArray<string | null> = []): GraphQLError {
  const error = appError('CONFLICT', message, extra);
  Object.defineProperty(error, BETROKKENEN, { value: betrokkenen.filter((b): b is string => Boolean(b)), enumerable: false });
  return error;
}

export function betrokkenenVan(error: unknown): readonly string[] {
  return ((error as { [BETROKKENEN]?: readonly string[] } | null)?.[BETROKKENEN]) ?? [];
}

/**
 * Connection failures of the database (refused, reset, closed, the server shutting
 * down): the request may succeed if retried shortly, so clients get DATABASE_UNAVAILABLE
 * instead of an internal error. SQLSTATE class 08 and 57P0x, and postgres.js's own codes.
 */
const DATABASE_UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT',
  'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT',
  '57P01', '57P02', '57P03',
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  let current = error as { code?: unknown; originalError?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; current && depth < 6; depth++) {
    const code = current.code;
    if (typeof code === 'string' && (DATABASE_UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
    current = (current.originalError ?? current.cause) as typeof current;
  }
  return false;
}

export const DATABASE_UNAVAILABLE_MESSAGE = 'Database unavailable; try again shortly';
