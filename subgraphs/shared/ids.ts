import { randomUUID } from 'node:crypto';

/** A new row id: a readable prefix and a random UUID (never derived from personal data). */
export const newId = (prefix: string) => `${prefix}-${randomUUID()}`;
