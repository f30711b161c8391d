/**
 * The soak: the full platform under a mix of the flagship queries for a long time
 * (10 minutes in a real run; never in CI). It must give no 5xx and keep its memory flat:
 * RSS of the gateway and the subgraphs is sampled every second and a straight line is
 * fitted through the samples after the first fifth (warm-up); memory is flat when that
 * line rises less than FLAT_MB or FLAT_SHARE of its start over the measured window.
 */
import { RssSampler, type RssSample } from './proc';
import { runLoad, type LatencyMs, type LoadRequest } from './load';

/** Growth over the soak that still counts as flat: caches filling up, GC noise. */
const FLAT_MB = 10;
const FLAT_SHARE = 0.05;

export interface Trend {
  /** Fitted RSS at the start and end of the measured window (after warm-up), MB. */
  startMb: number;
  endMb: number;
  peakMb: number;
  slopeMbPerMin: number;
  flat: boolean;
}

export interface SoakResult {
  scale: number;
  durationS: number;
  queries: string[];
  responses: number;
  rps: number;
  latencyMs: LatencyMs;
  status5xx: number;
  non2xx: number;
  errors: number;
  graphqlErrors: number;
  firstError?: string;
  rss: Record<'gateway' | 'subgraphs', RssSample[]>;
  trend: Record<'gateway' | 'subgraphs', Trend>;
}

/** Least-squares line through the samples after the first fifth of the run. */
export function trend(samples: RssSample[]): Trend {
  const end = samples[samples.length - 1]?.t ?? 0;
  const xs = samples.filter((s) => s.t >= end / 5);
  const peakMb = Math.max(0, ...samples.map((s) => s.mb));
  if (xs.length < 2) return { startMb: xs[0]?.mb ?? NaN, endMb: xs[0]?.mb ?? NaN, peakMb, slopeMbPerMin: 0, flat: true };
  const mt = xs.reduce((a, s) => a + s.t, 0) / xs.length;
  const mm = xs.reduce((a, s) => a + s.mb, 0) / xs.length;
  const slope = xs.reduce((a, s) => a + (s.t - mt) * (s.mb - mm), 0) / xs.reduce((a, s) => a + (s.t - mt) ** 2, 0);
  const t0 = xs[0]!.t;
  const t1 = xs[xs.length - 1]!.t;
  const startMb = mm + slope * (t0 - mt);
  const endMb = mm + slope * (t1 - mt);
  const growth = endMb - startMb;
  return { startMb, endMb, peakMb, slopeMbPerMin: slope * 60, flat: growth < Math.max(FLAT_MB, FLAT_SHARE * startMb) };
}

export async function soak(options: {
  scale: number; url: string; requests: LoadRequest[]; queries: string[]; durationS: number; connections: number;
  pids: { gateway: number; subgraphs: number };
  progress: (line: string) => void;
}): Promise<SoakResult> {
  const rss = new RssSampler(options.pids, 1000);
  let lastReport = 0;
  const result = await runLoad({
    url: options.url, requests: options.requests, connections: options.connections, durationS: options.durationS,
    onSecond: (elapsed, responses) => {
      if (elapsed - lastReport < 10 && elapsed < options.durationS) return;
      lastReport = elapsed;
      const last = (name: string) => rss.samples.get(name)?.at(-1)?.mb.toFixed(0) ?? '?';
      options.progress(`soak ${elapsed.toFixed(0)}/${options.durationS} s: ${responses} responses, gateway RSS ${last('gateway')} MB, subgraphs RSS ${last('subgraphs')} MB`);
    },
  });
  rss.stop();
  const samples = { gateway: rss.samples.get('gateway') ?? [], subgraphs: rss.samples.get('subgraphs') ?? [] };
  return {
    scale: options.scale,
    durationS: result.durationS,
    queries: options.queries,
    responses: result.responses,
    rps: result.rps,
    latencyMs: result.latencyMs,
    status5xx: result.status5xx,
    non2xx: result.non2xx,
    errors: result.errors,
    graphqlErrors: result.graphqlErrors,
    firstError: result.firstError,
    rss: samples,
    trend: { gateway: trend(samples.gateway), subgraphs: trend(samples.subgraphs) },
  };
}
