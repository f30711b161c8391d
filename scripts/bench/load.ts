/**
 * One load run with autocannon, loopback only, bounded by its duration: RPS, latency
 * percentiles (every response time is kept, so p95 is exact rather than autocannon's
 * fixed percentile set), HTTP failures and answers that carry GraphQL errors (each body
 * is searched for `"errors"`, so a run of error answers is reported as such and never as
 * a fast run).
 */
import autocannon from 'autocannon';

/** One kind of request of a run; a run with several cycles through them (the soak's mix). */
export interface LoadRequest {
  headers: Record<string, string>;
  body: string;
  /**
   * What the next request changes (a mutation needs a new message id each time; the
   * `direct` target a fresh internal token).
   */
  vary?: () => { body?: string; headers?: Record<string, string> };
}

export interface LoadSpec {
  url: string;
  requests: LoadRequest[];
  connections: number;
  durationS: number;
  /** Send this many requests instead of running for durationS (the smoke test: independent of the machine's speed). */
  amount?: number;
  /** Called once a second with the responses so far (progress, RSS samples). */
  onSecond?: (elapsedS: number, responses: number) => void;
}

export interface LatencyMs {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

export interface LoadResult {
  durationS: number;
  /** Requests sent: the responses, and those still in flight when the run ended (the servers finish them). */
  sent: number;
  responses: number;
  rps: number;
  latencyMs: LatencyMs;
  non2xx: number;
  status5xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  timeouts: number;
  /** 2xx answers whose body carries GraphQL errors. */
  graphqlErrors: number;
  /** The first GraphQL error seen (code and message), to say what went wrong. */
  firstError?: string;
}

/** Requests that take longer than this count as timed out (errors). */
const TIMEOUT_S = 30;

/** The q-th quantile of sorted values (nearest rank). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function summarise(latencies: number[]): LatencyMs {
  const sorted = Float64Array.from(latencies).sort();
  const sum = latencies.reduce((a, b) => a + b, 0);
  return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), p99: quantile(sorted, 0.99), mean: latencies.length ? sum / latencies.length : NaN, max: sorted.length ? sorted[sorted.length - 1]! : NaN };
}

/** A GraphQL error body as "CODE: message" (the platform's messages carry no personal data). */
function describeErrors(body: string): string {
  try {
    const first = (JSON.parse(body) as { errors?: Array<{ message?: string; extensions?: { code?: string } }> }).errors?.[0];
    return `${first?.extensions?.code ?? ''}: ${first?.message ?? ''}`.slice(0, 200);
  } catch {
    return body.slice(0, 200);
  }
}

function varied<R extends { headers?: Record<string, string> }>(req: R, change: ReturnType<NonNullable<LoadRequest['vary']>>): R {
  return { ...req, ...(change.body === undefined ? {} : { body: change.body }), headers: { ...req.headers, ...change.headers } };
}

export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  let graphqlErrors = 0;
  let firstError: string | undefined;
  const latencies: number[] = [];
  const onResponse = (status: number, body: string) => {
    if (status >= 200 && status < 300 && body.includes('"errors"')) {
      graphqlErrors += 1;
      firstError ??= describeErrors(String(body));
    } else if ((status < 200 || status >= 300) && !firstError) {
      firstError = `HTTP ${status}: ${describeErrors(String(body))}`;
    }
  };
  const requests = spec.requests.map((r) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', ...r.headers },
    body: r.body,
    onResponse,
    ...(r.vary ? { setupRequest: (req: { headers?: Record<string, string> }) => varied(req, r.vary!()) } : {}),
  }));
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const instance = autocannon(
      { url: spec.url, connections: spec.connections, duration: spec.durationS, amount: spec.amount, timeout: TIMEOUT_S, requests },
      (error, result) => {
        clearInterval(ticker);
        if (error) return reject(error);
        const responses = latencies.length;
        resolve({
          durationS: result.duration,
          sent: result.requests.sent,
          responses,
          rps: responses / result.duration,
          latencyMs: summarise(latencies),
          non2xx: result.non2xx,
          status5xx: result['5xx'],
          errors: result.errors,
          timeouts: result.timeouts,
          graphqlErrors,
          firstError,
        });
      },
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
    });
    const ticker = setInterval(() => spec.onSecond?.((performance.now() - started) / 1000, latencies.length), 1000);
  });
}
