import { GraphQLError } from 'graphql';

/**
 * Per-client rate limit: a token bucket per client (the token's subject within its
 * organisation and role), refilled at `perSecond` up to `burst`. One portal user or
 * partner system cannot starve the others; a refused request gets 429 RATE_LIMITED with
 * Retry-After, before any subgraph is called.
 *
 * Buckets live in this process: with several gateway instances each enforces its own
 * share. At most `maxClients` buckets are kept; beyond that the least recently used goes
 * (a client whose bucket was dropped starts again with a full burst).
 */
export interface RateLimitOptions {
  /** Sustained requests per second per client; 0 switches the limit off. */
  perSecond: number;
  /** Requests a client may send at once after being idle. */
  burst: number;
  maxClients?: number;
  now?: () => number;
}

interface Bucket {
  tokens: number;
  updated: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;
  private readonly maxClients: number;

  constructor(private readonly options: RateLimitOptions) {
    this.now = options.now ?? (() => performance.now());
    this.maxClients = options.maxClients ?? 100_000;
  }

  get enabled(): boolean {
    return this.options.perSecond > 0;
  }

  /** Takes one request from the client's bucket; returns the seconds to wait when it is empty, else 0. */
  take(client: string): number {
    if (!this.enabled) return 0;
    const now = this.now();
    const { perSecond, burst } = this.options;
    const bucket = this.buckets.get(client);
    const tokens = bucket ? Math.min(burst, bucket.tokens + ((now - bucket.updated) / 1000) * perSecond) : burst;
    if (tokens < 1) {
      return Math.max(1, Math.ceil((1 - tokens) / perSecond));
    }
    // Re-inserting keeps the Map in order of last use, so eviction takes the least recent.
    this.buckets.delete(client);
    this.buckets.set(client, { tokens: tokens - 1, updated: now });
    if (this.buckets.size > this.maxClients) this.evict();
    return 0;
  }

  /** Drops the least recently used buckets beyond maxClients: the Map's first keys, O(1) each. */
  private evict(): void {
    for (const client of this.buckets.keys()) {
      if (this.buckets.size <= this.maxClients) break;
      this.buckets.delete(client);
    }
  }

  get size(): number {
    return this.buckets.size;
  }
}

/** The refusal: 429 with Retry-After, code RATE_LIMITED. */
export function rateLimited(retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(`Too many requests: retry after ${retryAfterSeconds} s`, {
    extensions: {
      code: 'RATE_LIMITED',
      retryAfterSeconds,
      http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    },
  });
}
