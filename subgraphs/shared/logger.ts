import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Callers log identifiers of requests (trace id, role,
 * organisation), never bodies, variables, SQL parameters or personal data.
 */
export function createLogger(service: string, level: string): Logger {
  return pino({
    name: service,
    level,
    base: { service },
    redact: { paths: ['req.headers.authorization', 'headers.authorization', '*.bsn', 'bsn'], censor: '[redacted]' },
  });
}

/**
 * Makes an error message safe to log: database and parser messages can quote the
 * values they choke on, so quoted text and long digit runs (BSN, dates, ids) go.
 */
export function scrub(message: string | undefined): string | undefined {
  return message
    ?.replace(/"[^"]*"|'[^']*'/g, '"…"')
    .replace(/\d{4,}/g, '…')
    .slice(0, 300);
}
