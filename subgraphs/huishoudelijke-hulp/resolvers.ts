import { and, eq, asc, count } from 'drizzle-orm';
import { aanvraag, indicatie, normjaar, overdracht } from '../../db/schema/huishoudelijke-hulp';
import { wijzigingenPagina } from '../shared/wijzigingen';
import type { SubgraphContext } from '../shared/context';
import { Datum, today } from '../shared/scalars';
import { suppress } from '../shared/suppression';
import { checkJaar, identifier } from '../shared/validate';
import { badUserInput } from '../shared/errors';
import { aanvraagScope, indicatieScope, overdrachtScope, type AanvraagRow, type IndicatieRow, type Loaders, type OverdrachtRegelRow, type OverdrachtRow } from './loaders';
import { bereken, type Berekening, type BerekeningRegel } from './normering';
import { normjaarVastleggen, normregelVastleggen, type NormjaarInput, type NormregelInput } from './normtabel';
import { aanvraagIndienen, aanvraagIntrekken, indicatieVaststellen, koppelen, loadNormtabel, wachtrijVerdelen, type IndicatieInput } from './toegang';
import { clientenPlaatsen, personeelOverdragen } from './overdracht';
import { capaciteitVastleggen } from './capaciteit';
import { huishoudelijkeHulpCijfers } from './cijfers';
import { dag, type FiguurArgs } from '../shared/gebiedsfiguren';

type Ctx = SubgraphContext<Loaders>;
const STATUSES = new Set(['WACHTRIJ', 'TOEGEWEZEN', 'AFGEHANDELD', 'INGETROKKEN']);

export const resolvers = {
  Datum,
  Query: {
    hhNormtabel: async (_: unknown, a: { jaar: number }, ctx: Ctx) => {
      const [row] = await ctx.db.select().from(normjaar).where(and(eq(normjaar.gemeenteCode, ctx.scope.gemeente), eq(normjaar.jaar, checkJaar(a.jaar))));
      return row ?? null;
    },
    hhUrenBerekenen: async (_: unknown, a: { jaar: number; input: IndicatieInput & { leeftijd: number } }, ctx: Ctx) => {
      const leeftijd = a.input.leeftijd ?? 0;
      if (!Number.isInteger(leeftijd) || leeftijd < 0 || leeftijd > 130) throw badUserInput('input.leeftijd', 'input.leeftijd must be 0 to 130');
      const tabel = await loadNormtabel(ctx.db, ctx.scope.gemeente, checkJaar(a.jaar), 'jaar');
      return bereken(tabel.jaar, tabel.regels, { ...a.input, leeftijd, chronischZiek: a.input.chronischZiek ?? false });
    },
    hhAanvragen: (_: unknown, a: { status?: string | null }, ctx: Ctx) => {
      if (a.status && !STATUSES.has(a.status)) throw badUserInput('status', 'status is not a HhAanvraagStatus');
      return ctx.db.select().from(aanvraag)
        .where(and(eq(aanvraag.gemeenteCode, ctx.scope.gemeente), a.status ? eq(aanvraag.status, a.status) : undefined, aanvraagScope(ctx.db, ctx.scope)))
        .orderBy(asc(aanvraag.ingediendOp), asc(aanvraag.id));
    },
    hhWachtrij: async (_: unknown, __: unknown, ctx: Ctx) => {
      const [row] = await ctx.db.select({ n: count() }).from(aanvraag)
        .where(and(eq(aanvraag.gemeenteCode, ctx.scope.gemeente), eq(aanvraag.status, 'WACHTRIJ')));
      return suppress(Number(row?.n ?? 0), ctx.suppression);
    },
    hhOverdracht: async (_: unknown, a: { id: string }, ctx: Ctx) => {
      const [row] = await ctx.db.select().from(overdracht)
        .where(and(eq(overdracht.gemeenteCode, ctx.scope.gemeente), eq(overdracht.id, identifier('id', a.id)), overdrachtScope(ctx.scope)));
      return row ?? null;
    },
    // The change feeds: each item with its indicatie or aanvraag, under the row rule of their loaders and of hhAanvragen.
    hhIndicatieWijzigingen: (_: unknown, a: { na?: string | null; max: number }, ctx: Ctx) => wijzigingenPagina(ctx.db, ctx.scope, {
      entiteit: 'hh-indicatie', tabel: indicatie, id: indicatie.id, gemeente: indicatie.gemeenteCode, zichtbaar: indicatieScope(ctx.db, ctx.scope),
    }, a),
    hhAanvraagWijzigingen: (_: unknown, a: { na?: string | null; max: number }, ctx: Ctx) => wijzigingenPagina(ctx.db, ctx.scope, {
      entiteit: 'hh-aanvraag', tabel: aanvraag, id: aanvraag.id, gemeente: aanvraag.gemeenteCode, zichtbaar: aanvraagScope(ctx.db, ctx.scope),
    }, a),
  },
  HhIndicatieWijziging: {
    indicatie: (w: { entiteit: IndicatieRow }) => w.entiteit,
  },
  HhAanvraagWijziging: {
    aanvraag: (w: { entiteit: AanvraagRow }) => w.entiteit,
  },
  Mutation: {
    hhNormjaarVastleggen: (_: unknown, a: { jaar: number; input: NormjaarInput }, ctx: Ctx) => normjaarVastleggen(ctx.db, ctx.scope, a.jaar, a.input),
    hhNormregelVastleggen: (_: unknown, a: { jaar: number; input: NormregelInput }, ctx: Ctx) => normregelVastleggen(ctx.db, ctx.scope, a.jaar, a.input),
    hhAanvraagIndienen: (_: unknown, a: { inwoner: string; voorkeurAanbieder?: string | null }, ctx: Ctx) =>
      aanvraagIndienen(ctx.db, ctx.scope, a.inwoner, a.voorkeurAanbieder),
    hhWachtrijVerdelen: (_: unknown, a: { aantal: number }, ctx: Ctx) => wachtrijVerdelen(ctx.db, ctx.scope, a.aantal),
    hhAanvraagIntrekken: (_: unknown, a: { id: string }, ctx: Ctx) => aanvraagIntrekken(ctx.db, ctx.scope, a.id),
    hhIndicatieVaststellen: (_: unknown, a: { aanvraag: string; input: IndicatieInput }, ctx: Ctx) => indicatieVaststellen(ctx.db, ctx.scope, a.aanvraag, a.input),
    hhKoppelen: (_: unknown, a: { inwoner: string; hulp: string; per: string }, ctx: Ctx) => koppelen(ctx.db, ctx.scope, a.inwoner, a.hulp, a.per),
    hhCapaciteitVastleggen: (_: unknown, a: { aanbieder: string; maxClienten: number }, ctx: Ctx) => capaciteitVastleggen(ctx.db, ctx.scope, a.aanbieder, a.maxClienten),
    hhPersoneelOverdragen: (_: unknown, a: { van: string; naar: string; hulpen: string[]; per: string; blijvenBijAanbieder?: string[] | null }, ctx: Ctx) =>
      personeelOverdragen(ctx.db, ctx.scope, a.van, a.naar, a.hulpen, a.per, a.blijvenBijAanbieder),
    hhClientenPlaatsen: (_: unknown, a: { van: string; per: string }, ctx: Ctx) => clientenPlaatsen(ctx.db, ctx.scope, a.van, a.per),
  },
  Wijk: {
    // The cell of today in the joint table, so it carries the same secondary suppression.
    clientenHuishoudelijkeHulp: async (w: { code: string }, _: unknown, ctx: Ctx) =>
      (await huishoudelijkeHulpCijfers('Wijk', w, dag(today()), ctx))[0]?.clienten ?? null,
    huishoudelijkeHulpCijfers: (w: { code: string }, a: FiguurArgs, ctx: Ctx) => huishoudelijkeHulpCijfers('Wijk', w, a, ctx),
  },
  // Owned by basisondersteuning: the key is all this subgraph needs.
  Gebied: {
    __resolveReference: (ref: { naam: string }) => ref,
    huishoudelijkeHulpCijfers: (g: { naam: string }, a: FiguurArgs, ctx: Ctx) => huishoudelijkeHulpCijfers('Gebied', g, a, ctx),
  },
  Gemeente: {
    __resolveReference: (ref: { code: string }) => ref,
    huishoudelijkeHulpCijfers: (g: { code: string }, a: FiguurArgs, ctx: Ctx) => huishoudelijkeHulpCijfers('Gemeente', g, a, ctx),
  },
  Organisatie: {
    // The gemeente cell of today in the joint table of the HH figures, so a provider's count
    // carries the same (secondary) suppression as huishoudelijkeHulpCijfers.perAanbieder.
    hhClienten: async (o: { id: string }, _: unknown, ctx: Ctx) => {
      const [vandaag] = await huishoudelijkeHulpCijfers('Gemeente', { code: ctx.scope.gemeente }, dag(today()), ctx);
      return vandaag?.perAanbieder.find((a) => a.aanbieder.id === o.id)?.clienten ?? { waarde: 0, onderdrukt: false };
    },
    hhCapaciteit: async (o: { id: string }, _: unknown, ctx: Ctx) => {
      const cap = await ctx.loaders.capaciteit.load(o.id);
      return cap ? { organisatieId: o.id, maxClienten: cap.maxClienten } : null;
    },
  },
  HhCapaciteit: {
    bezet: async (c: { organisatieId: string }, _: unknown, ctx: Ctx) => {
      return suppress(await ctx.loaders.bezet.load(c.organisatieId), ctx.suppression);
    },
  },
  Inwoner: {
    huishoudelijkeHulp: (i: { id: string }, _: unknown, ctx: Ctx) => ctx.loaders.indicatiesPerInwoner.load(i.id),
  },
  HhIndicatie: {
    aanbieder: (r: IndicatieRow) => ({ id: r.organisatieId }),
    berekening: (r: IndicatieRow) => (r.berekening as Berekening | null) ?? null,
    /** The current helper, shown on an indicatie that has not ended, at the helper's own organisation only. */
    vasteHulp: async (r: IndicatieRow, _: unknown, ctx: Ctx) => {
      if (r.einddatum !== null && r.einddatum < today()) return null;
      const h = await ctx.loaders.vasteHulp.load(r.inwonerId);
      return h && h.organisatieId === r.organisatieId ? { id: h.id, organisatieId: h.organisatieId } : null;
    },
  },
  HhHulp: {
    aanbieder: (h: { organisatieId: string }) => ({ id: h.organisatieId }),
  },
  HhNormjaar: {
    regels: (j: { jaar: number }, _: unknown, ctx: Ctx) => ctx.loaders.normregelsPerJaar.load(String(j.jaar)),
  },
  HhBerekeningRegel: {
    normMinutenPerWeek: (r: BerekeningRegel) => r.minutenPerWeek,
  },
  HhAanvraag: {
    // The schema promises ISO 8601; the database returns its own timestamp text.
    ingediendOp: (a: AanvraagRow) => new Date(a.ingediendOp).toISOString(),
    inwoner: (a: AanvraagRow) => ({ id: a.inwonerId }),
    voorkeurAanbieder: (a: AanvraagRow) => (a.voorkeurAanbiederId ? { id: a.voorkeurAanbiederId } : null),
    aanbieder: (a: AanvraagRow) => (a.aanbiederId ? { id: a.aanbiederId } : null),
    indicatie: (a: AanvraagRow, _: unknown, ctx: Ctx) => (a.indicatieId ? ctx.loaders.indicatie.load(a.indicatieId) : null),
  },
  HhOverdracht: {
    van: (o: OverdrachtRow) => ({ id: o.vanAanbiederId }),
    naar: (o: OverdrachtRow) => (o.naarAanbiederId ? { id: o.naarAanbiederId } : null),
    overgezet: async (o: OverdrachtRow, _: unknown, ctx: Ctx) =>
      suppress((await ctx.loaders.overdrachtTellingen.load(o.id))?.overgezet ?? 0, ctx.suppression),
    paarNietBehouden: async (o: OverdrachtRow, _: unknown, ctx: Ctx) =>
      suppress((await ctx.loaders.overdrachtTellingen.load(o.id))?.nietBehouden ?? 0, ctx.suppression),
    regels: (o: OverdrachtRow, _: unknown, ctx: Ctx) => ctx.loaders.regelsPerOverdracht.load(o.id),
  },
  HhOverdrachtRegel: {
    inwoner: (r: OverdrachtRegelRow) => ({ id: r.inwonerId }),
    hulp: (r: OverdrachtRegelRow, _: unknown, ctx: Ctx) => (r.hulpId ? ctx.loaders.hulp.load(r.hulpId) : null),
    naar: (r: OverdrachtRegelRow) => (r.naarAanbiederId ? { id: r.naarAanbiederId } : null),
    nieuweIndicatie: (r: OverdrachtRegelRow, _: unknown, ctx: Ctx) => (r.nieuweIndicatieId ? ctx.loaders.indicatie.load(r.nieuweIndicatieId) : null),
  },
};
