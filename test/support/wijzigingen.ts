import { sql, type Stack } from './stack';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until every change committed so far lies below the change feed's horizon
 * (subgraphs/shared/wijzigingen.ts). A write transaction still running anywhere on the
 * server (on PostgreSQL: another test file's, e.g. a seed) holds changes back for a
 * while, never drops them; tests that read a feed wait here first, so an empty feed
 * cannot pass a test for the wrong reason.
 */
export async function feedBijgewerkt(stack: Stack, timeoutMs = 60_000): Promise<void> {
  const [{ laatste }] = await stack.rows<{ laatste: string | null }>(sql`select greatest(
    (select max(transactie) from aanvullende_ondersteuning.wijziging), (select max(transactie) from huishoudelijke_hulp.wijziging),
    (select max(transactie) from basisondersteuning.wijziging), (select max(transactie) from sociale_basis.wijziging))::text as laatste`) as [{ laatste: string | null }];
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(20)) {
    const [{ horizon }] = await stack.rows<{ horizon: string }>(sql`select pg_snapshot_xmin(pg_current_snapshot())::text as horizon`) as [{ horizon: string }];
    if (laatste === null || Number(horizon) > Number(laatste)) return;
  }
  throw new Error(`the change feed's horizon did not pass the latest change within ${timeoutMs} ms`);
}
