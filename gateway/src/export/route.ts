import type { IncomingMessage } from 'node:http';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { sendJson, type RequestTrace, type Route } from '../../../subgraphs/shared/http';
import type { Logger } from '../../../subgraphs/shared/logger';
import { Datum } from '../../../subgraphs/shared/scalars';
import { writeCsv } from './csv';
import { FIGUURSETS, TOTAAL, type Figuurset, type Variabelen } from './figuursets';
import { alsAanroeper, badParameter, stuurWeigering, Weigering, weigeringVoor } from '../weigering';

const NAMEN = Object.keys(FIGUURSETS);
const PAD = /^\/export\/([a-z0-9-]+)\.csv$/;

/** URL query parameters to the operation's variables; anything unknown, repeated or malformed is a 400 naming it. */
export function variabelen(set: Figuurset, search: URLSearchParams): Variabelen {
  const toegestaan = set.parameters.map((p) => p.naam);
  for (const naam of new Set(search.keys())) {
    const getoond = JSON.stringify(naam.slice(0, 40));
    if (!toegestaan.includes(naam)) throw badParameter(naam, `Unknown parameter ${getoond}; allowed: ${toegestaan.join(', ')}`);
    if (search.getAll(naam).length > 1) throw badParameter(naam, `Parameter ${naam} is given more than once`);
  }
  const v: Variabelen = {};
  for (const p of set.parameters) {
    const waarde = search.get(p.naam) ?? '';
    if (waarde === '') {
      if (p.verplicht) throw badParameter(p.naam, `Parameter ${p.naam} is required`);
      continue;
    }
    if (p.type === 'datum') {
      try {
        v[p.naam] = Datum.parseValue(waarde);
      } catch {
        throw badParameter(p.naam, `Parameter ${p.naam} must be a date yyyy-mm-dd`);
      }
    } else if (p.type === 'getal') {
      if (!/^-?\d{1,9}$/.test(waarde)) throw badParameter(p.naam, `Parameter ${p.naam} must be an integer`);
      v[p.naam] = Number(waarde);
    } else {
      if (!p.waarden?.includes(waarde)) throw badParameter(p.naam, `Parameter ${p.naam} must be one of ${p.waarden?.join(', ')}`);
      v[p.naam] = waarde;
    }
  }
  return v;
}

/** The mapping of GraphQL errors to HTTP refusals lives in ../weigering.ts (shared with /bestanden). */
export { weigeringVoor };

/** GET /export: the figure sets with their parameters and columns, for a BI tool to discover. */
function lijst() {
  return {
    onderdrukking: 'Een onderdrukte telling: de waardekolom is leeg en <naam>_onderdrukt is true. Een lege cel met een lege _onderdrukt is niet van toepassing.',
    totaal: `Een totaalregel heeft ${TOTAAL} als organisatie of wijk.`,
    figuursets: Object.entries(FIGUURSETS).map(([naam, set]) => ({
      naam,
      url: `/export/${naam}.csv`,
      omschrijving: set.omschrijving,
      parameters: set.parameters,
      kolommen: set.kolommen,
    })),
  };
}

export interface ExportRouteOptions<C extends BaseContext> {
  apollo: ApolloServer<C>;
  /** The context creation of /graphql: token verification, role, purpose. */
  context: (req: IncomingMessage, trace: RequestTrace) => Promise<C>;
  log: Logger;
}

/**
 * GET /export/<figuurset>.csv: runs the figure set's registered operation through the
 * gateway's own ApolloServer as the caller, and streams the answer as RFC 4180 CSV. Every
 * refusal (405, 401, 404, 400, 403, 502) comes before the first byte of CSV.
 */
export function exportRoute<C extends BaseContext>(options: ExportRouteOptions<C>): Route {
  return async (req, res, url, trace) => {
    req.resume();
    const naam = PAD.exec(url.pathname)?.[1];
    let begonnen = false;
    try {
      if (req.method !== 'GET') throw new Weigering(405, 'METHOD_NOT_ALLOWED', 'Only GET is allowed here');
      const contextValue = await alsAanroeper(options.context, req, trace);
      if (url.pathname === '/export' || url.pathname === '/export/') {
        if (url.search) throw badParameter([...url.searchParams.keys()][0] ?? '', 'The list of figure sets takes no parameters');
        sendJson(res, 200, lijst());
        return;
      }
      const set = naam !== undefined && Object.hasOwn(FIGUURSETS, naam) ? FIGUURSETS[naam] : undefined;
      if (!set) {
        throw new Weigering(404, 'NOT_FOUND', `Unknown figure set; the export is /export/<figuurset>.csv with one of: ${NAMEN.join(', ')}`, { figuursets: NAMEN });
      }
      const variables = variabelen(set, url.searchParams);
      const response = await options.apollo.executeOperation({ query: set.operatie, variables }, { contextValue });
      if (response.body.kind !== 'single') throw new Error('Unexpected incremental response');
      const { data, errors } = response.body.singleResult;
      if (errors?.length || !data) throw weigeringVoor(errors ?? []);
      const [van, tot] = set.periode(variables);
      res.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${naam}-${van}-${tot}.csv"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      begonnen = true;
      await writeCsv(res, set.kolommen.map((k) => k.naam), set.regels(data));
      res.end();
    } catch (error) {
      if (error instanceof Weigering && !begonnen) {
        stuurWeigering(res, error);
        return;
      }
      if (!begonnen) throw error;
      // Mid-stream: never end a file that is not complete; cut the connection so the client sees it.
      options.log.warn({ traceId: trace.traceId, spanId: trace.spanId, figuurset: naam, err: { message: (error as Error).message } }, 'csv export aborted');
      res.destroy();
    }
  };
}
