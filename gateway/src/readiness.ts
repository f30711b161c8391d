import type { SubgraphName } from '../../subgraphs/list';
import type { ReadinessChecks } from '../../subgraphs/shared/health';

/**
 * The gateway is ready when every subgraph is ready (its /health/ready: not shutting
 * down, database answering), not merely live: a subgraph without its database would
 * cost every query its fields. Behind a load balancer the subgraph URL reaches a ready
 * replica, so one replica shutting down does not make the gateway unready.
 * The check is named after the subgraph; its URL and any error stay inside.
 */
export function subgraphReadiness(subgraphUrls: Record<SubgraphName, string>, timeoutMs: number): ReadinessChecks {
  return Object.fromEntries(
    Object.entries(subgraphUrls).map(([name, url]) => {
      const health = new URL('/health/ready', url).toString();
      const check = async () => {
        const res = await fetch(health, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`${name} answered ${res.status}`);
      };
      return [name, check];
    }),
  );
}
