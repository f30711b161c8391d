/**
 * The bench's tokens, signed with the run's temporary dev keys: a client token per
 * query (what a user's client sends the gateway), the caller the unguarded subgraphs
 * serve (exactly the scope the gateway derives from that token), and for the `direct`
 * target internal tokens as the gateway would mint them.
 */
import { randomBytes, type KeyObject } from 'node:crypto';
import { loadConfig, type Config } from '../../subgraphs/shared/config';
import { loadClientVerifyKey, loadDevClientSigningKey, loadInternalSigningKey, loadInternalVerifyKey, type ClientKey } from '../../subgraphs/shared/keys';
import { internalAudience, signDevClientToken, signInternalToken, verifyClientToken, verifyInternalToken } from '../../subgraphs/shared/tokens';
import type { SubgraphName } from '../../subgraphs/list';
import type { Caller } from './protocol';
import type { Claims } from './queries';
import type { TokenCost } from './report';

export class BenchAuth {
  private readonly config: Config;
  private readonly clientKey: KeyObject;
  private readonly internalKey: KeyObject;
  private readonly clientVerifyKey: ClientKey;

  constructor(keysDir: string) {
    // A development config of the same keys: the dev client key signs user tokens.
    this.config = loadConfig({ KEYS_DIR: keysDir, LOG_LEVEL: 'silent' });
    this.clientKey = loadDevClientSigningKey(this.config);
    this.internalKey = loadInternalSigningKey(this.config);
    this.clientVerifyKey = loadClientVerifyKey(this.config);
  }

  /** A client token valid for the whole run. */
  clientToken(claims: Claims): Promise<string> {
    const { AUTH_ISSUER: issuer, AUTH_AUDIENCE: audience } = this.config;
    return signDevClientToken({ sub: claims.sub ?? `bench-${claims.rol}`, rol: claims.rol, organisatie: claims.organisatie }, this.clientKey, { issuer, audience, expiresIn: '24h' });
  }

  /** The scope the gateway derives from `token` (its own code), without the per-request ids. */
  async callerOf(token: string): Promise<Caller> {
    const { traceId: _t, verzoek: _v, ...caller } = await verifyClientToken(
      token,
      { key: this.clientVerifyKey, issuer: this.config.AUTH_ISSUER, audience: this.config.AUTH_AUDIENCE, defaultGemeente: this.config.DEFAULT_GEMEENTE },
      'bench',
    );
    return caller;
  }

  /**
   * Internal tokens for one subgraph, as the gateway mints them (one per client request,
   * 60 s): a pool of distinct tokens, renewed every 30 s while a run lasts, so no token
   * outlives the subgraphs' maximum age and per-request memos keyed on the token are
   * not shared between requests.
   */
  async internalTokens(subgraph: SubgraphName, caller: Caller, size = 500): Promise<{ next(): string; stop(): void }> {
    const ttl = this.config.INTERNAL_TOKEN_TTL_SECONDS;
    const mint = () => Promise.all(Array.from({ length: size }, () =>
      signInternalToken({ ...caller, traceId: randomBytes(16).toString('hex') }, this.internalKey, ttl, internalAudience(subgraph))));
    let pool = await mint();
    let i = 0;
    const renew = setInterval(() => void mint().then((fresh) => (pool = fresh)), 30_000);
    renew.unref();
    return { next: () => pool[i++ % pool.length]!, stop: () => clearInterval(renew) };
  }

  /**
   * What the token work of one request costs, with the platform's own functions: the
   * gateway verifies the client JWT and signs an internal token per subgraph call, a
   * subgraph verifies its token. Explains part of the gap between platform and the others.
   */
  async tokenCost(): Promise<TokenCost> {
    const client = await this.clientToken({ rol: 'gemeente-beleid' });
    const caller = await this.callerOf(client);
    const audience = internalAudience('basisondersteuning');
    const sign = () => signInternalToken({ ...caller, traceId: 'bench' }, this.internalKey, 60, audience);
    const internal = await sign();
    const verifyKey = loadInternalVerifyKey(this.config);
    return {
      clientVerifyUs: await meanUs(200, () => this.callerOf(client)),
      internalSignUs: await meanUs(200, sign),
      internalVerifyUs: await meanUs(200, () => verifyInternalToken(internal, verifyKey, audience)),
    };
  }
}

/** Mean µs of `fn` over `n` runs after a few warm-up runs. */
async function meanUs(n: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 20; i++) await fn();
  const started = performance.now();
  for (let i = 0; i < n; i++) await fn();
  return ((performance.now() - started) * 1000) / n;
}
