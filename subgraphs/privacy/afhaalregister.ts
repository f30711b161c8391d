/**
 * The afhaalregister: who fetched which file at the gateway (GET /bestanden/<soort>/<periode>),
 * when, and exactly which bytes (sha256 and size). The gateway writes a record before it
 * sends a file (fail closed: no record, no file) through an internal HTTP endpoint, not a
 * GraphQL field, so no client can write or forge one; the fg and contract management read it
 * with `afhalingen`. The table is append-only (migration 0010).
 */
import type { KeyObject } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { afhaling } from '../../db/schema/privacy';
import { AFHAALREGISTER_AUDIENCE, afhalingInvoer, type AfhalingInvoer } from '../shared/afhaalregister';
import type { SubgraphDeps } from '../shared/context';
import { badUserInput } from '../shared/errors';
import { BodyTooLarge, errorBody, readBody, sendJson, type Route } from '../shared/http';
import { describeError, type Logger } from '../shared/logger';
import { plusDagen } from '../shared/scalars';
import { bearerToken, verifyInternalToken, type Scope } from '../shared/tokens';
import { gebruikerVan } from '../shared/verwerkingen';

export type AfhalingRow = typeof afhaling.$inferSelect;

/** One record: the caller from the (verified) scope, the file from the gateway. */
export async function afhalingVastleggen(db: Db, pseudonymKey: KeyObject, scope: Scope, invoer: AfhalingInvoer): Promise<number> {
  const [row] = await db.insert(afhaling).values({
    gemeenteCode: scope.gemeente,
    gebruiker: gebruikerVan(pseudonymKey, scope),
    rol: scope.rol,
    organisatie: scope.organisatie,
    soort: invoer.soort,
    periode: invoer.periode,
    sha256: invoer.sha256,
    bytes: invoer.bytes,
    traceId: scope.traceId,
  }).returning({ id: afhaling.id });
  return row!.id;
}

/** At most a year per question, so one answer stays small. */
const MAX_DAGEN = 366;

/** The records of the caller's gemeente fetched on days [van, tot] (Europe/Amsterdam), oldest first. */
export async function afhalingen(db: Db, scope: Scope, a: { van: string; tot: string; soort?: string | null }): Promise<AfhalingRow[]> {
  if (a.van > a.tot) throw badUserInput('tot', 'tot must not be before van');
  if (plusDagen(a.van, MAX_DAGEN - 1) < a.tot) throw badUserInput('tot', `At most ${MAX_DAGEN} days per question`);
  const dag = sql`(${afhaling.op} at time zone 'Europe/Amsterdam')::date`;
  return db.select().from(afhaling).where(and(
    eq(afhaling.gemeenteCode, scope.gemeente),
    sql`${dag} between ${a.van}::date and ${a.tot}::date`,
    a.soort != null ? eq(afhaling.soort, a.soort) : undefined,
  )).orderBy(asc(afhaling.op), asc(afhaling.id));
}

/** A record is a few hundred bytes. */
const BODY_LIMIT = 4_096;

/**
 * POST /afhaalregister on the privacy subgraph: the gateway's record of a file it is about
 * to send. 401 without an internal token for this audience, 400 for a body that is not a
 * record, 503 when it cannot be stored (the gateway then sends no file), 201 when stored.
 */
export function afhaalregisterRoute(deps: Pick<SubgraphDeps, 'db' | 'internalVerifyKey' | 'internalTokenMaxAgeSeconds' | 'pseudonymKey'>, log: Logger): Route {
  return async (req, res) => {
    if (req.method !== 'POST') {
      req.resume();
      sendJson(res, 405, errorBody('Only POST is allowed here', 'METHOD_NOT_ALLOWED'), { allow: 'POST' });
      return;
    }
    let scope: Scope;
    try {
      scope = await verifyInternalToken(bearerToken(req.headers.authorization) ?? '', deps.internalVerifyKey, AFHAALREGISTER_AUDIENCE, deps.internalTokenMaxAgeSeconds);
    } catch {
      req.resume();
      sendJson(res, 401, errorBody('Only the gateway writes the afhaalregister', 'UNAUTHENTICATED'));
      return;
    }
    let invoer: AfhalingInvoer;
    try {
      invoer = afhalingInvoer.parse(JSON.parse(await readBody(req, BODY_LIMIT)));
    } catch (error) {
      const message = error instanceof BodyTooLarge ? `Body larger than ${BODY_LIMIT} bytes` : 'Body is not an afhaling record';
      sendJson(res, 400, errorBody(message, 'BAD_USER_INPUT'));
      return;
    }
    try {
      const id = await afhalingVastleggen(deps.db, deps.pseudonymKey, scope, invoer);
      sendJson(res, 201, { id: String(id) });
    } catch (error) {
      log.error({ traceId: scope.traceId, err: describeError(error) }, 'afhaalregister write failed');
      sendJson(res, 503, errorBody('The afhaalregister could not be written', 'REGISTER_UNAVAILABLE'));
    }
  };
}
