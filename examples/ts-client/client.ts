/**
 * A minimal typed client for the Wmo supergraph: `execute` posts one operation with fetch
 * and returns its data typed by GraphQL Code Generator (generated/, `npm run codegen`).
 * No GraphQL library at run time: each generated document is a plain string.
 */
import type { TypedDocumentString } from './generated/graphql';

/** One GraphQL error as the API sends it; `extensions.code` says what kind (FORBIDDEN, BAD_USER_INPUT, …). */
export interface ApiError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

/**
 * The data, and the errors of the fields the caller may not read. Authorisation is per
 * field: a field the role may not see is null with a FORBIDDEN error, the rest is answered.
 */
export interface ApiResult<T> {
  data: T;
  errors: readonly ApiError[];
}

/** No data at all: the request was refused (401 UNAUTHENTICATED, 400, 429 RATE_LIMITED, …). */
export class ApiRequestError extends Error {
  constructor(readonly status: number, readonly errors: readonly ApiError[]) {
    super(`GraphQL request failed (HTTP ${status}): ${errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; ') || 'no errors given'}`);
  }
}

export interface ClientOptions {
  /** e.g. http://localhost:4000/graphql */
  endpoint: string;
  /** A bearer token (in development: `npm run --silent token -- --rol …`). */
  token: string;
  /** The purpose (doelbinding) when not the role's default; sent as X-Doelbinding. */
  doel?: string;
}

/** Runs one operation; the variables are required exactly when the operation has some. */
export async function execute<TResult, TVariables>(
  options: ClientOptions,
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
): Promise<ApiResult<TResult>> {
  const response = await fetch(options.endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      authorization: `Bearer ${options.token}`,
      ...(options.doel ? { 'x-doelbinding': options.doel } : {}),
    },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  const body = (await response.json()) as { data?: TResult | null; errors?: ApiError[] };
  if (!body.data) throw new ApiRequestError(response.status, body.errors ?? []);
  return { data: body.data, errors: body.errors ?? [] };
}
