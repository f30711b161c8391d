import type { SubgraphContext } from '../shared/context';
import { checkJaar } from '../shared/validate';
import { listContracten, listHerverdelingen, listLumpsums, listOrganisaties, type ContractRow, type HerverdelingRow, type Loaders, type LumpsumRow, type OrganisatieRow, type SubsidieRow } from './loaders';
import { herverdelingAanvragen, herverdelingBesluiten, herverdelingGoedkeuren, lotBudgetVaststellen, PERCELEN, type HerverdelingInput } from './begroting';
import { besparingVastleggen, leesTaakstelling, type MaatregelRow, type TaakstellingView } from './taakstelling';
import { contractRegistreren, type ContractInput } from './contracten';
import { Datum } from '../shared/scalars';
import { and, eq } from 'drizzle-orm';
import { suppress } from '../shared/suppression';
import { EENHEID, kostprijsVastleggen, realisatie, type RealisatieRegel } from './realisatie';
import { abonnementstarief, kostprijs } from '../../db/schema/financien';
import { abonnementstariefVastleggen, cakExport, type CakRegel } from './eigen-bijdrage';
import { eenPeriode, kwaliteitReeks, type KwaliteitRegel } from './kwaliteit';
import { periodes, type Tijdvak } from '../shared/periode';
import type { FiguurArgs } from '../shared/gebiedsfiguren';
import { financienCijfers, type FinancienCijfersView, type KostenView } from './cijfers';

type Ctx = SubgraphContext<Loaders>;

/** Exact money: integer cents in, decimal strings out. */
export function bedrag(centen: bigint) {
  const negative = centen < 0n;
  const abs = negative ? -centen : centen;
  const euro = `${negative ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
  return { valuta: 'EUR', centen: centen.toString(), euro };
}

export const resolvers = {
  Datum,
  Mutation: {
    contractRegistreren: (_: unknown, a: { input: ContractInput }, ctx: Ctx) => contractRegistreren(ctx.db, ctx.scope, a.input),
    lotBudgetVaststellen: (_: unknown, a: { jaar: number; perceel: string; totaal: string }, ctx: Ctx) => lotBudgetVaststellen(ctx.db, ctx.scope, a.jaar, a.perceel, a.totaal),
    herverdelingAanvragen: (_: unknown, a: { input: HerverdelingInput }, ctx: Ctx) => herverdelingAanvragen(ctx.db, ctx.scope, a.input),
    herverdelingGoedkeuren: (_: unknown, a: { id: string }, ctx: Ctx) => herverdelingGoedkeuren(ctx.db, ctx.scope, a.id),
    herverdelingBesluiten: (_: unknown, a: { id: string; besluit: string; motivering: string }, ctx: Ctx) => herverdelingBesluiten(ctx.db, ctx.scope, a.id, a.besluit, a.motivering),
    besparingVastleggen: (_: unknown, a: { maatregel: string; jaar: number; bedrag: string; toelichting: string }, ctx: Ctx) =>
      besparingVastleggen(ctx.db, ctx.scope, a.maatregel, a.jaar, a.bedrag, a.toelichting),
    abonnementstariefVastleggen: (_: unknown, a: { jaar: number; bedrag: string; periode: string; bron: string }, ctx: Ctx) =>
      abonnementstariefVastleggen(ctx.db, ctx.scope, a.jaar, a.bedrag, a.periode, a.bron),
    kostprijsVastleggen: (_: unknown, a: { jaar: number; perceel: string; bedrag: string; bron: string }, ctx: Ctx) =>
      kostprijsVastleggen(ctx.db, ctx.scope, a.jaar, a.perceel, a.bedrag, a.bron),
  },
  Lumpsum: {
    organisatie: (l: LumpsumRow, _: unknown, ctx: Ctx) => ctx.loaders.organisatie.load(l.organisatieId),
    vastgesteld: (l: LumpsumRow) => bedrag(l.bedragCenten),
    herverdeeld: async (l: LumpsumRow, _: unknown, ctx: Ctx) => bedrag(await ctx.loaders.herverdeeld.load(l.id)),
    actueel: async (l: LumpsumRow, _: unknown, ctx: Ctx) => bedrag(l.bedragCenten + (await ctx.loaders.herverdeeld.load(l.id))),
  },
  Herverdeling: {
    van: (h: HerverdelingRow, _: unknown, ctx: Ctx) => ctx.loaders.lumpsumPartij.load(h.vanLumpsumId),
    naar: (h: HerverdelingRow, _: unknown, ctx: Ctx) => ctx.loaders.lumpsumPartij.load(h.naarLumpsumId),
    bedrag: (h: HerverdelingRow) => bedrag(h.bedragCenten),
    aangevraagdDoor: (h: HerverdelingRow, _: unknown, ctx: Ctx) => ctx.loaders.organisatie.load(h.aangevraagdDoor),
    geschiedenis: (h: HerverdelingRow, _: unknown, ctx: Ctx) => ctx.loaders.geschiedenis.load(h.id),
  },
  HerverdelingPartij: {
    organisatie: (p: { organisatieId: string }, _: unknown, ctx: Ctx) => ctx.loaders.organisatie.load(p.organisatieId),
  },
  HerverdelingStap: {
    organisatie: (e: { organisatieId: string | null }, _: unknown, ctx: Ctx) => (e.organisatieId ? ctx.loaders.organisatie.load(e.organisatieId) : null),
  },
  Taakstelling: {
    doel: (t: TaakstellingView) => bedrag(t.doel),
    risicoreserve: (t: TaakstellingView) => bedrag(t.risicoreserve),
    totaalMaatregelen: (t: TaakstellingView) => bedrag(t.maatregelen.reduce((sum, m) => sum + m.bedragCenten, 0n)),
    subtotalen: (t: TaakstellingView) => [...new Set(t.maatregelen.map((m) => m.groep))].sort((a, b) => a - b)
      .map((groep) => ({ groep, bedrag: bedrag(t.maatregelen.filter((m) => m.groep === groep).reduce((sum, m) => sum + m.bedragCenten, 0n)) })),
    gerealiseerd: (t: TaakstellingView) => bedrag(t.gerealiseerd),
    nogTeRealiseren: (t: TaakstellingView) => bedrag(t.doel > t.gerealiseerd ? t.doel - t.gerealiseerd : 0n),
    voortgangProcent: (t: TaakstellingView) => (t.doel === 0n ? 0 : Number((t.gerealiseerd * 100n) / t.doel)),
  },
  Maatregel: {
    bedrag: (m: MaatregelRow) => bedrag(m.bedragCenten),
    besparingen: (m: MaatregelRow, _: unknown, ctx: Ctx) => ctx.loaders.besparingenPerMaatregel.load(m.id),
  },
  Realisatie: {
    organisatie: (r: RealisatieRegel, _: unknown, ctx: Ctx) => ctx.loaders.organisatie.load(r.organisatieId),
    budget: (r: RealisatieRegel) => bedrag(r.budget),
    eenheid: (r: RealisatieRegel) => EENHEID[r.perceel],
    volume: (r: RealisatieRegel) => Number(r.volume),
    clienten: (r: RealisatieRegel, _: unknown, ctx: Ctx) => suppress(r.clienten, ctx.suppression),
    besteed: (r: RealisatieRegel) => (r.besteed === null ? null : bedrag(r.besteed)),
    uitputtingProcent: (r: RealisatieRegel) => (r.besteed === null || r.budget === 0n ? null : Number((r.besteed * 100n) / r.budget)),
  },
  KwaliteitRegel: {
    organisatie: (r: KwaliteitRegel, _: unknown, ctx: Ctx) => (r.organisatieId ? ctx.loaders.organisatie.load(r.organisatieId) : null),
  },
  Kostprijs: {
    bedrag: (k: { bedragCenten: bigint }) => bedrag(k.bedragCenten),
  },
  Abonnementstarief: {
    bedrag: (t: { bedragCenten: bigint }) => bedrag(t.bedragCenten),
  },
  CakRegel: {
    huishouden: (r: CakRegel) => r.huishoudenId,
    inwoner: (r: CakRegel) => ({ id: r.inwonerId }),
    begindatum: (r: CakRegel) => r.start,
    einddatum: (r: CakRegel) => r.eind,
    bedrag: (r: CakRegel) => bedrag(r.bedragCenten),
  },
  Besparing: {
    bedrag: (b: { bedragCenten: bigint }) => bedrag(b.bedragCenten),
  },
  Contract: {
    organisatie: (c: ContractRow, _: unknown, ctx: Ctx) => ctx.loaders.organisatie.load(c.organisatieId),
    hoofdaanbieder: (c: ContractRow, _: unknown, ctx: Ctx) => (c.hoofdaanbiederId ? ctx.loaders.organisatie.load(c.hoofdaanbiederId) : null),
  },
  Query: {
    contracten: (_: unknown, a: { perceel?: string | null }, ctx: Ctx) => listContracten(ctx.db, ctx.scope, a.perceel ?? undefined),
    lumpsums: (_: unknown, a: { jaar: number; perceel?: string | null }, ctx: Ctx) => listLumpsums(ctx.db, ctx.scope, checkJaar(a.jaar), a.perceel ?? undefined),
    perceelBudgetten: async (_: unknown, a: { jaar: number }, ctx: Ctx) => {
      const rows = await listLumpsums(ctx.db, ctx.scope, checkJaar(a.jaar));
      const net = await Promise.all(rows.map((r) => ctx.loaders.herverdeeld.load(r.id)));
      return PERCELEN.filter((p) => rows.some((r) => r.perceel === p)).map((perceel) => {
        const mine = rows.map((r, i) => ({ r, net: net[i]! })).filter((x) => x.r.perceel === perceel);
        const vastgesteld = mine.reduce((sum, x) => sum + x.r.bedragCenten, 0n);
        return { perceel, vastgesteld: bedrag(vastgesteld), actueel: bedrag(vastgesteld + mine.reduce((sum, x) => sum + x.net, 0n)) };
      });
    },
    herverdelingen: (_: unknown, a: { jaar: number }, ctx: Ctx) => listHerverdelingen(ctx.db, ctx.scope, checkJaar(a.jaar)),
    taakstelling: (_: unknown, __: unknown, ctx: Ctx) => leesTaakstelling(ctx.db, ctx.scope),
    abonnementstarieven: (_: unknown, __: unknown, ctx: Ctx) => ctx.db.select().from(abonnementstarief)
      .where(eq(abonnementstarief.gemeenteCode, ctx.scope.gemeente)).orderBy(abonnementstarief.jaar),
    realisatie: (_: unknown, a: { jaar: number; kwartaal: number }, ctx: Ctx) => realisatie(ctx.db, ctx.scope, a.jaar, a.kwartaal),
    kostprijzen: (_: unknown, a: { jaar: number }, ctx: Ctx) => ctx.db.select().from(kostprijs)
      .where(and(eq(kostprijs.gemeenteCode, ctx.scope.gemeente), eq(kostprijs.jaar, checkJaar(a.jaar)))).orderBy(kostprijs.perceel),
    kwaliteit: async (_: unknown, a: { van: string; tot: string }, ctx: Ctx) =>
      (await kwaliteitReeks(ctx.db, ctx.scope, ctx.suppression, [eenPeriode(a.van, a.tot)]))[0]!.kwaliteit,
    kwaliteitReeks: (_: unknown, a: { van: string; tot: string; per: Tijdvak }, ctx: Ctx) =>
      kwaliteitReeks(ctx.db, ctx.scope, ctx.suppression, periodes(a.van, a.tot, a.per)),
    cakExport: async (_: unknown, a: { jaar: number; maand: number }, ctx: Ctx) => {
      const { tarief, regels } = await cakExport(ctx.db, ctx.scope, a.jaar, a.maand);
      return { jaar: a.jaar, maand: a.maand, tarief: bedrag(tarief), regels, totaal: bedrag(regels.reduce((sum, r) => sum + r.bedragCenten, 0n)) };
    },
    organisaties: async (_: unknown, args: { soort?: string | null }, ctx: Ctx) => {
      const rows = await listOrganisaties(ctx.db, ctx.scope, args.soort ?? undefined);
      for (const row of rows) ctx.loaders.organisatie.prime(row.id, row);
      return rows;
    },
    organisatie: (_: unknown, args: { id: string }, ctx: Ctx) => ctx.loaders.organisatie.load(args.id),
  },
  Organisatie: {
    __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.organisatie.load(ref.id),
    contracten: (o: OrganisatieRow, _: unknown, ctx: Ctx) => ctx.loaders.contractenPerOrganisatie.load(o.id),
    lumpsums: (o: OrganisatieRow, a: { jaar: number }, ctx: Ctx) => ctx.loaders.lumpsumsPerOrganisatie(checkJaar(a.jaar)).load(o.id),
    subsidies: (o: OrganisatieRow, args: { jaar?: number | null }, ctx: Ctx) => {
      const jaar = args.jaar === undefined || args.jaar === null ? null : checkJaar(args.jaar);
      return ctx.loaders.subsidiesPerOrganisatie(jaar).load(o.id);
    },
  },
  Subsidie: {
    bedrag: (s: SubsidieRow) => bedrag(s.bedragCenten),
    wijk: (s: SubsidieRow) => (s.wijkCode ? { code: s.wijkCode } : null),
  },
  Wijk: {
    subsidieTotaal: async (w: { code: string }, args: { jaar: number }, ctx: Ctx) =>
      bedrag(await ctx.loaders.subsidieTotaalPerWijk(checkJaar(args.jaar)).load(w.code)),
    financienCijfers: (w: { code: string }, a: FiguurArgs, ctx: Ctx) => financienCijfers('Wijk', w, a, ctx),
  },
  // Gebied and Gemeente belong to basisondersteuning; an unknown one gets no figures.
  Gebied: {
    __resolveReference: (ref: { naam: string }) => ({ naam: ref.naam }),
    financienCijfers: (g: { naam: string }, a: FiguurArgs, ctx: Ctx) => financienCijfers('Gebied', g, a, ctx),
  },
  Gemeente: {
    __resolveReference: (ref: { code: string }) => ({ code: ref.code }),
    financienCijfers: (g: { code: string }, a: FiguurArgs, ctx: Ctx) => financienCijfers('Gemeente', g, a, ctx),
  },
  FinancienCijfers: {
    subsidies: (c: FinancienCijfersView) => (c.subsidies === null ? null : bedrag(c.subsidies)),
    subsidiesZonderWijk: (c: FinancienCijfersView) => (c.subsidiesZonderWijk === null ? null : bedrag(c.subsidiesZonderWijk)),
  },
  KostenPerPerceel: {
    besteed: (k: KostenView) => (k.besteed === null ? null : bedrag(k.besteed)),
    budget: (k: KostenView) => (k.budget === null ? null : bedrag(k.budget)),
  },
};
