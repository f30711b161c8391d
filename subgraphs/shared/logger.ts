import { pino, type DestinationStream, type Logger } from 'pino';

export type { DestinationStream, Logger };

/**
 * Structured JSON logs. Callers log identifiers of requests (trace id, role,
 * organisation), never bodies, variables, SQL parameters or personal data.
 * `destination` defaults to stdout; tests pass a stream to read the lines.
 */
export function createLogger(service: string, level: string, destination?: DestinationStream): Logger {
  const options = {
    name: service,
    level,
    base: { service },
    redact: { paths: ['req.headers.authorization', 'headers.authorization', '*.bsn', 'bsn'], censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * Makes an error message safe to log: database and parser messages can quote the
 * values they choke on, so quoted text, long digit runs and id-like words (BSN, dates,
 * inw-… ids) go.
 */
export function scrub(message: string | undefined): string | undefined {
  return message
    ?.replace(/"[^"]*"|'[^']*'/g, '"…"')
    .replace(/\b(?=[\w-]*\d)[\w-]{8,}\b/g, '…')
    .replace(/\d{4,}/g, '…')
    .slice(0, 300);
}

/**
 * What may be logged about an error. Database errors from drizzle quote the SQL and its
 * parameters in their message (ids, names), so for them only the SQLSTATE is kept.
 */
export function describeError(error: unknown): { name?: string; code?: string; message?: string } {
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  const e = original as { name?: string; message?: string; code?: unknown; cause?: { code?: unknown } };
  const sqlstate = typeof e?.cause?.code === 'string' ? e.cause.code : typeof e?.code === 'string' ? e.code : undefined;
  if (e?.name === 'DrizzleQueryError' || e?.message?.startsWith('Failed query')) {
    return { name: e.name, code: sqlstate };
  }
  return { name: e?.name, code: sqlstate, message: scrub(e?.message) };
}
