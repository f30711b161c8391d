import type { SubgraphContext } from '../shared/context';
import { forbidden } from '../shared/errors';
import { Datum } from '../shared/scalars';
import type { Resolvers } from '../shared/subgraph';
import { intBetween } from '../shared/validate';
import { activiteitUri, activiteitVanUri, VERWERKINGSACTIVITEITEN } from '../shared/verwerkingsactiviteiten';
import { afhalingen, type AfhalingRow } from './afhaalregister';
import { anoniemeMaandexport, type AnoniemeRegel } from './anonieme-export';
import type { Loaders } from './loaders';
import { MAX_NIVEAU, rang } from '../shared/vertrouwelijkheid';
import type { VerwerkingRow } from './logboek';
import { doelNaam, heeftOvereenkomst, overeenkomstBeeindigen, overeenkomsten, overeenkomstVastleggen, type OvereenkomstDoel, type OvereenkomstRow } from './overeenkomsten';

type Ctx = SubgraphContext<Loaders>;

const STATUS_NAMEN = ['ONBEPAALD', 'OK', 'FOUT'] as const;

const VERTROUWELIJK = rang('vertrouwelijk');

function zichtbareVelden(v: VerwerkingRow, ctx: Ctx): string[] {
  if (ctx.scope.rol !== 'inwoner') return v.velden;
  const max = rang(MAX_NIVEAU.inwoner);
  return v.velden.filter((_, i) => (v.veldNiveaus[i] ?? Number.MAX_SAFE_INTEGER) <= max);
}

export const resolvers: Resolvers = {
  Datum,
  Query: {
    verwerkingsactiviteiten: (_: unknown, __: unknown, ctx: Ctx) =>
      VERWERKINGSACTIVITEITEN.map((a) => ({ ...a, uri: activiteitUri(ctx.scope.gemeente, a.doel) })),
    verwerkingen: async (_: unknown, a: { inwoner?: string | null; traceId?: string | null; organisatie?: string | null; aantal: number; na?: string | null }, ctx: Ctx) => {
      const page = await ctx.loaders.zoeken(a);
      // An inquiry is itself processing of the data of every resident it returns records about.
      for (const v of page.verwerkingen) ctx.verwerkingen.betrokkenePseudoniem(v.betrokkene, 'Query.verwerkingen', VERTROUWELIJK);
      if (a.inwoner) ctx.verwerkingen.betrokkene(a.inwoner, 'Query.verwerkingen', VERTROUWELIJK);
      return page;
    },
    verwerkersovereenkomsten: (_: unknown, __: unknown, ctx: Ctx) => overeenkomsten(ctx.db, ctx.scope),
    anoniemeMaandexport: async (_: unknown, a: { jaar: number; maand: number }, ctx: Ctx) => {
      const jaar = intBetween('jaar', a.jaar, 2015, 2100);
      const maand = intBetween('maand', a.maand, 1, 12);
      const eersteDag = `${jaar}-${String(maand).padStart(2, '0')}-01`;
      if (!(await heeftOvereenkomst(ctx.db, ctx.scope, 'ANONIEME_MAANDEXPORT', eersteDag))) {
        throw forbidden('No processing agreement (verwerkersovereenkomst) for this file in force for your organisation');
      }
      return anoniemeMaandexport(ctx.db, ctx.scope.gemeente, jaar, maand, ctx.suppression.threshold);
    },
    afhalingen: (_: unknown, a: { van: string; tot: string; soort?: string | null }, ctx: Ctx) => afhalingen(ctx.db, ctx.scope, a),
  },
  Mutation: {
    verwerkersovereenkomstVastleggen: (_: unknown, a: { organisatie: string; doel: OvereenkomstDoel; ingangsdatum: string; einddatum?: string | null }, ctx: Ctx) =>
      overeenkomstVastleggen(ctx.db, ctx.scope, a),
    verwerkersovereenkomstBeeindigen: (_: unknown, a: { id: string; einddatum: string }, ctx: Ctx) =>
      overeenkomstBeeindigen(ctx.db, ctx.scope, a.id, a.einddatum),
  },
  Inwoner: {
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
    verwerkingen: (i: { id: string }, a: { aantal: number; na?: string | null }, ctx: Ctx) =>
      ctx.loaders.verwerkingenVan(`${a.aantal}|${a.na ?? ''}`).load(i.id),
  },
  Verwerking: {
    id: (v: VerwerkingRow) => String(v.id),
    // A resident does not learn, through their own log, of fields above their level (a Veilig Thuis signal).
    velden: (v: VerwerkingRow, _: unknown, ctx: Ctx) => zichtbareVelden(v, ctx),
    naam: (v: VerwerkingRow, _: unknown, ctx: Ctx) =>
      zichtbareVelden(v, ctx).length === v.velden.length ? v.naam : v.soort === 'wijzigen' ? 'mutation' : 'query',
    tijdstip: (v: VerwerkingRow) => new Date(v.startTijd).toISOString(),
    eindtijd: (v: VerwerkingRow) => new Date(v.eindTijd).toISOString(),
    soort: (v: VerwerkingRow) => (v.soort === 'wijzigen' ? 'WIJZIGEN' : 'LEZEN'),
    organisatie: (v: VerwerkingRow) => (v.organisatie ? { id: v.organisatie } : null),
    verwerkingsactiviteit: (v: VerwerkingRow) => activiteitVanUri(v.verwerkingsactiviteit),
    status: (v: VerwerkingRow) => STATUS_NAMEN[v.statusCode] ?? 'ONBEPAALD',
  },
  Verwerkersovereenkomst: {
    organisatie: (o: OvereenkomstRow) => ({ id: o.organisatieId }),
    doel: (o: OvereenkomstRow) => doelNaam(o.doel),
  },
  Afhaling: {
    id: (r: AfhalingRow) => String(r.id),
    tijdstip: (r: AfhalingRow) => new Date(r.op).toISOString(),
    organisatie: (r: AfhalingRow) => (r.organisatie ? { id: r.organisatie } : null),
  },
  AnoniemeRegel: {
    aanbieder: (r: AnoniemeRegel) => ({ id: r.aanbieder }),
    wijkOfGebied: (r: AnoniemeRegel) => r.gebied,
  },
};
