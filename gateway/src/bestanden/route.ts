import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { SUBGRAPH_MODULES } from '../../../subgraphs/modules';
import type { AfhalingInvoer } from '../../../subgraphs/shared/afhaalregister';
import { sendJson, type RequestTrace, type Route } from '../../../subgraphs/shared/http';
import type { Logger } from '../../../subgraphs/shared/logger';
import { decide, type Decision } from '../../../subgraphs/shared/policy';
import type { Rol } from '../../../subgraphs/shared/roles';
import type { Scope } from '../../../subgraphs/shared/tokens';
import { alsAanroeper, badParameter, stuurWeigering, Weigering, weigeringVoor, type Onderwerp } from '../weigering';
import { BESTANDSOORTEN, FORMATEN, serialiseer, type Bestandsoort, type Haal, type Maand } from './soorten';

const ONDERWERP: Onderwerp = { ding: 'file', bestand: 'file' };
const NAMEN = Object.keys(BESTANDSOORTEN);
const PAD = /^\/bestanden\/([^/]*)\/([^/]*)$/;
const PERIODE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The periode of the path as a month; anything else is a 400 naming `periode`. */
export function maandVan(periode: string): Maand {
  const m = PERIODE.exec(periode);
  if (!m) throw badParameter('periode', 'periode must be a month JJJJ-MM, e.g. 2025-06');
  const jaar = Number(m[1]);
  const maand = Number(m[2]);
  const laatste = new Date(Date.UTC(jaar, maand, 0)).getUTCDate();
  return { jaar, maand, van: `${periode}-01`, tot: `${periode}-${String(laatste).padStart(2, '0')}` };
}

/** The root field of a soort's operation: the one whose policy says who may fetch it. */
export function rootVeld(operatie: string): string {
  const op = parse(operatie).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const veld = op?.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
  if (!veld || veld.kind !== Kind.FIELD) throw new Error('A soort needs an operation with a root field');
  return veld.name.value;
}

/**
 * What the policies of the subgraphs say about a role and a root Query field: `allow`,
 * `relation` (only rows related to the caller; the file may be empty, or refused when a
 * condition such as a processing agreement is not met) or `deny`. The same evaluator the
 * subgraphs enforce, on the same policy sets: the list never holds its own copy of the rules.
 */
export function toegang(rol: Rol, veld: string): Decision {
  const besluiten = Object.values(SUBGRAPH_MODULES)
    .filter((m) => m.policy.regels.Query?.[veld])
    .map((m) => decide(m.policy, rol, 'Query', veld));
  return besluiten.find((d) => d !== 'deny') ?? 'deny';
}

/** GET /bestanden: the soorten this caller's role may fetch, with the periode they take. */
function lijst(rol: Rol) {
  return {
    periode: 'Een kalendermaand JJJJ-MM, bijv. 2025-06. Elke maand die het GraphQL-veld aanneemt; dezelfde maand geeft bij ongewijzigde gegevens hetzelfde bestand (zelfde sha256).',
    toegang: {
      allow: 'De rol haalt het bestand op.',
      relation: 'De rol haalt het bestand op met alleen de eigen rijen (eigen toewijzingen, eigen organisatie); zonder vereiste verwerkersovereenkomst 403.',
    },
    formaten: FORMATEN,
    soorten: Object.entries(BESTANDSOORTEN).flatMap(([soort, s]) => {
      const veld = rootVeld(s.operatie);
      const t = toegang(rol, veld);
      return t === 'deny' ? [] : [{
        soort,
        url: `/bestanden/${soort}/{periode}`,
        omschrijving: s.omschrijving,
        veld,
        toegang: t,
        formaat: s.formaat,
        bestandsnaam: `${soort}-{periode}.${FORMATEN[s.formaat].extensie}`,
      }];
    }),
  };
}

export interface BestandenRouteOptions<C extends BaseContext & { scope: Scope }> {
  apollo: ApolloServer<C>;
  /** The context creation of /graphql: token verification, role, purpose, rate limit. */
  context: (req: IncomingMessage, trace: RequestTrace) => Promise<C>;
  /** Writes the record of a fetch (the privacy subgraph's afhaalregister); rejects when it cannot. */
  afhaalregister: (scope: Scope, afhaling: AfhalingInvoer) => Promise<void>;
  log: Logger;
}

/** Runs a soort's operation as the caller; any error refuses the file, a BAD_USER_INPUT names `periode`. */
function haalAls<C extends BaseContext>(apollo: ApolloServer<C>, contextValue: C): Haal {
  return async (query, variables) => {
    const response = await apollo.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('Unexpected incremental response');
    const { data, errors } = response.body.singleResult;
    if (!errors?.length && data) return data;
    const weigering = weigeringVoor(errors ?? [], ONDERWERP);
    // The periode is the only input of the caller; the field names the argument it became.
    if (weigering.status === 400) {
      throw new Weigering(400, 'BAD_USER_INPUT', weigering.message, { field: 'periode', argument: weigering.extensions.field });
    }
    throw weigering;
  };
}

/**
 * GET /bestanden and GET /bestanden/<soort>/<periode>. A download runs the soort's operation
 * as the caller, serialises the answer (soorten.ts), records the fetch with the sha256 and
 * size of exactly those bytes in the afhaalregister, and only then sends the file, with the
 * sha256 as ETag and x-content-sha256. Refusals (405, 401, 404, 400, 403, 429, 502, and 503
 * when the record cannot be written) send no file and record nothing.
 */
export function bestandenRoute<C extends BaseContext & { scope: Scope }>(options: BestandenRouteOptions<C>): Route {
  return async (req, res, url, trace) => {
    const { traceId } = trace;
    req.resume();
    try {
      if (req.method !== 'GET') throw new Weigering(405, 'METHOD_NOT_ALLOWED', 'Only GET is allowed here');
      const contextValue = await alsAanroeper(options.context, req, trace);
      const eerste = [...url.searchParams.keys()][0];
      if (eerste !== undefined) throw badParameter(eerste, 'Files take no query parameters: /bestanden/<soort>/<periode>');
      if (url.pathname === '/bestanden' || url.pathname === '/bestanden/') {
        sendJson(res, 200, lijst(contextValue.scope.rol));
        return;
      }
      const [, soort = '', periode = ''] = PAD.exec(url.pathname) ?? [];
      const s: Bestandsoort | undefined = Object.hasOwn(BESTANDSOORTEN, soort) ? BESTANDSOORTEN[soort] : undefined;
      if (!s) {
        throw new Weigering(404, 'NOT_FOUND', `Unknown file; a file is /bestanden/<soort>/<periode> with one of: ${NAMEN.join(', ')}`, { soorten: NAMEN });
      }
      const maand = maandVan(periode);
      const body = Buffer.from(serialiseer(s.formaat, await s.inhoud(haalAls(options.apollo, contextValue), maand)), 'utf8');
      const sha256 = createHash('sha256').update(body).digest('hex');
      try {
        await options.afhaalregister(contextValue.scope, { soort, periode, sha256, bytes: body.length });
      } catch (error) {
        options.log.error({ traceId, soort, err: { message: (error as Error).message } }, 'afhaalregister not written: file withheld');
        throw new Weigering(503, 'REGISTER_UNAVAILABLE', 'The fetch could not be recorded in the afhaalregister; no file was sent. Try again shortly.');
      }
      res.writeHead(200, {
        'content-type': FORMATEN[s.formaat].contentType,
        'content-length': body.length,
        'content-disposition': `attachment; filename="${soort}-${periode}.${FORMATEN[s.formaat].extensie}"`,
        etag: `"${sha256}"`,
        'x-content-sha256': sha256,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(body);
    } catch (error) {
      if (error instanceof Weigering) {
        stuurWeigering(res, error);
        return;
      }
      // An answer the file cannot be built from (a cursor that does not advance, too many
      // pages): the file would be incomplete, so 502 like a partial answer, never a 500.
      options.log.error({ traceId, err: { message: (error as Error).message } }, 'file not built');
      if (res.headersSent) res.destroy();
      else stuurWeigering(res, new Weigering(502, 'INCOMPLETE_FILE', 'The file could not be built completely; no file was sent'));
    }
  };
}
