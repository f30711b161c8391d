import type { KeyObject } from 'node:crypto';
import { AFHAALREGISTER_AUDIENCE, AFHAALREGISTER_PAD, type AfhalingInvoer } from '../../../subgraphs/shared/afhaalregister';
import { signInternalToken, type Scope } from '../../../subgraphs/shared/tokens';
import type { SubgraphClient } from '../subgraph-client';

export interface AfhaalregisterOptions {
  /** The privacy subgraph's GraphQL URL; the register is a path next to it. */
  privacyUrl: string;
  client: SubgraphClient;
  signingKey: KeyObject;
  ttlSeconds: number;
}

/**
 * The gateway's writer of the afhaalregister (privacy subgraph, POST /afhaalregister): one
 * record per file about to be sent, under an internal token minted for the caller with the
 * register's own audience, so the record names the caller and no other token fits. Resolves
 * once the record is stored (201); rejects otherwise, and the caller then sends no file.
 */
export function afhaalregisterSchrijver(options: AfhaalregisterOptions) {
  const url = new URL(AFHAALREGISTER_PAD, options.privacyUrl).toString();
  return async (scope: Scope, afhaling: AfhalingInvoer): Promise<void> => {
    const token = await signInternalToken(scope, options.signingKey, options.ttlSeconds, AFHAALREGISTER_AUDIENCE);
    const response = await options.client.fetcher(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(afhaling),
    });
    if (response.status !== 201) throw new Error(`afhaalregister answered ${response.status}`);
  };
}
