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
export const conflict = (message: string, extra: Record<string, unknown> = {}) => appError('CONFLICT', message, extra);
