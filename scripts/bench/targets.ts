/**
 * What a query is sent to. The four targets share one subgraph host per scale (one
 * database, one seed); only the path in front of the subgraphs differs.
 */
import type { BenchAuth } from './auth';
import type { Child, Host } from './processes';
import type { BenchQuery } from './queries';
import type { LoadRequest } from './load';

export type TargetName = 'platform' | 'platform-noauth' | 'hive' | 'direct';
export const TARGET_NAMES: TargetName[] = ['platform', 'platform-noauth', 'hive', 'direct'];
export type GatewayTarget = Exclude<TargetName, 'direct'>;

export const TARGET_DESCRIPTIONS: Record<TargetName, string> = {
  platform: 'our gateway (client JWT checked, internal token minted per subgraph) → subgraphs with guards on (token verified, field rules, processing log)',
  'platform-noauth': 'our gateway, unchanged (it still checks the client JWT and mints internal tokens) → subgraphs with guards off (no token check, no field rules, no processing log)',
  hive: 'Hive Gateway 2.15.1, bare (one process, in-flight dedup off, no auth, no header forwarding) → the same subgraphs with guards off',
  direct: 'no gateway: the bench sends the query to the one subgraph that answers it, guards on, with an internal token as the gateway mints it (single-subgraph queries only)',
};

/** The processes of one scale. */
export interface ScaleProcesses {
  host: Host;
  gateways: Partial<Record<GatewayTarget, Child>>;
}

/** How the bench reaches a query on a target. */
export interface Route {
  url: string;
  /** The gateway process under test (null for `direct`). */
  gateway: Child | null;
  /** The target's subgraphs are the unguarded ones: the host must be told the caller. */
  unguarded: boolean;
  request: LoadRequest;
  /** The direct target's token pool: stop it after the run. */
  release(): void;
}

export const isGatewayTarget = (t: TargetName): t is GatewayTarget => t !== 'direct';

/**
 * The route of a query on a target; null when the target does not apply (`direct` for a
 * query spread over several subgraphs). `bodyOf(n)` is the n-th request's body: one
 * sequence over the sample, the warm-up and the load, so a mutation never repeats a message id.
 */
export async function routeFor(
  target: TargetName, q: BenchQuery, processes: ScaleProcesses, auth: BenchAuth, clientToken: string, bodyOf: (n: number) => string,
): Promise<Route | null> {
  let n = 0;
  const varyBody = q.varies ? () => ({ body: bodyOf(++n) }) : undefined;
  if (isGatewayTarget(target)) {
    const gateway = processes.gateways[target];
    if (!gateway) throw new Error(`${target} is not running`);
    return {
      url: gateway.url, gateway, unguarded: target !== 'platform',
      request: { headers: { authorization: `Bearer ${clientToken}` }, body: bodyOf(0), vary: varyBody },
      release: () => {},
    };
  }
  if (!q.subgraph) return null;
  const tokens = await auth.internalTokens(q.subgraph, await auth.callerOf(clientToken));
  return {
    url: processes.host.ready.urls.guarded[q.subgraph], gateway: null, unguarded: false,
    request: {
      headers: {}, body: bodyOf(0),
      vary: () => ({ ...varyBody?.(), headers: { authorization: `Bearer ${tokens.next()}` } }),
    },
    release: tokens.stop,
  };
}
