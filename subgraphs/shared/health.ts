/**
 * Readiness checks by name (e.g. "database", or a subgraph's name at the gateway): each
 * resolves when its dependency answers and rejects (or hangs) when it does not.
 */
export type ReadinessChecks = Record<string, () => Promise<unknown>>;

/** Resolves with `work`, or rejects when it takes longer than `ms` (the timer never outlives it). */
export async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The names of the checks that failed or did not answer within `timeoutMs`, run in parallel. */
export async function notReady(checks: ReadinessChecks, timeoutMs: number): Promise<string[]> {
  const names = Object.keys(checks);
  const results = await Promise.allSettled(names.map((name) => within(timeoutMs, Promise.resolve().then(checks[name]!))));
  return names.filter((_, i) => results[i]!.status === 'rejected');
}
