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
