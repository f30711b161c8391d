import type { Db } from '../../db/client';
import type { Logger } from './logger';
import type { SuppressionRule } from './suppression';
import type { Scope } from './tokens';

/** Per-request context of a subgraph resolver. */
export interface SubgraphContext<L = unknown> {
  scope: Scope;
  db: Db;
  loaders: L;
  log: Logger;
  suppression: SuppressionRule;
}

/** What a subgraph needs from its host process; tests pass their own. */
export interface SubgraphDeps {
  db: Db;
  log: Logger;
  suppression: SuppressionRule;
  internalVerifyKey: import('node:crypto').KeyObject;
  bodyLimitBytes: number;
  production: boolean;
}
