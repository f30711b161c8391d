import type { SubgraphContext } from '../shared/context';
import { Datum } from '../shared/scalars';
import { ondersteuning } from '../../db/schema/basisondersteuning';
import { wijzigingenPagina } from '../shared/wijzigingen';
import { listWijken, ondersteuningScope, type InwonerRow, type Loaders, type OndersteuningRow, type PlanRow, type RegievoerderRow, type WijkRow } from './loaders';
import * as registratie from './ondersteuning';
import { basisondersteuningCijfers } from './cijfers';
import { dag, type FiguurArgs } from '../shared/gebiedsfiguren';
import { today } from '../shared/scalars';
import * as dossier from './dossier';
import * as plannen from './plan';
import { teVoerenPerspectiefgesprekken, type AanvraagRow, type LopendeBeschikkingRow, type SignaalRow, type ContactmomentRow, type VerwijzingRow } from './loaders';

type Ctx = SubgraphContext<Loaders>;

/** The gebieden of a list of wijken, by name. */
const gebiedenVan = (wijken: readonly WijkRow[]) => [...new Set(wijken.map((w) => w.gebied))].sort().map((naam) => ({ naam }));

export const resolvers = {
  Datum,
  Query: {
    wijken: async (_: unknown, __: unknown, ctx: Ctx) => [...(await listWijken(ctx.db, ctx.scope, ctx.loaders))].sort((a, b) => a.code.localeCompare(b.code)),
    gebieden: async (_: unknown, __: unknown, ctx: Ctx) => gebiedenVan(await listWijken(ctx.db, ctx.scope, ctx.loaders)),
    gemeente: (_: unknown, __: unknown, ctx: Ctx) => ({ code: ctx.scope.gemeente }),
    // From the wijk list (one statement, ~20 rows), which the figures of this request use too.
    wijk: async (_: unknown, args: { code: string }, ctx: Ctx) =>
      (await listWijken(ctx.db, ctx.scope, ctx.loaders)).find((w) => w.code === args.code) ?? null,
    inwoner: (_: unknown, args: { id: string }, ctx: Ctx) => ctx.loaders.inwoner.load(args.id),
    // The token's subject is the resident's pseudonymous id; the loader's relation rule still applies.
    mij: (_: unknown, __: unknown, ctx: Ctx) => (ctx.scope.rol === 'inwoner' ? ctx.loaders.inwoner.load(ctx.scope.sub) : null),
    perspectiefgesprekkenTeVoeren: async (_: unknown, __: unknown, ctx: Ctx) =>
      (await teVoerenPerspectiefgesprekken(ctx.db, ctx.scope)).map((b) => ({
        beschikking: b,
        uiterlijk: b.perspectiefgesprekUiterlijk,
        inwoner: () => ctx.loaders.inwoner.load(b.inwonerId),
      })),
    // The change feed: each item with its registration, under the same row rule as Inwoner.ondersteuningen.
    ondersteuningWijzigingen: (_: unknown, a: { na?: string | null; max: number }, ctx: Ctx) => wijzigingenPagina(ctx.db, ctx.scope, {
      entiteit: 'ondersteuning', tabel: ondersteuning, id: ondersteuning.id, gemeente: ondersteuning.gemeenteCode, zichtbaar: ondersteuningScope(ctx.db, ctx.scope),
    }, a),
  },
  OndersteuningWijziging: {
    ondersteuning: (w: { entiteit: OndersteuningRow }) => w.entiteit,
  },
  Mutation: {
    ondersteuningRegistreren: (_: unknown, args: { input: registratie.OndersteuningInput }, ctx: Ctx) =>
      registratie.registreren(ctx.db, ctx.scope, args.input),
    ondersteuningBeeindigen: (_: unknown, args: { id: string; einddatum: string }, ctx: Ctx) =>
      registratie.beeindigen(ctx.db, ctx.scope, args.id, args.einddatum),
    contactmomentRegistreren: (_: unknown, a: { inwoner: string; soort: string; datum: string }, ctx: Ctx) =>
      dossier.contactmomentRegistreren(ctx.db, ctx.scope, a.inwoner, a.soort, a.datum),
    verwijzen: (_: unknown, a: { input: dossier.VerwijzingInput }, ctx: Ctx) => dossier.verwijzen(ctx.db, ctx.scope, a.input),
    beschikkingAanvragen: (_: unknown, a: { inwoner: string }, ctx: Ctx) => dossier.beschikkingAanvragen(ctx.db, ctx.scope, a.inwoner),
    zwaarwegendAdviesGeven: (_: unknown, a: { id: string; advies: string }, ctx: Ctx) => dossier.adviesGeven(ctx.db, ctx.scope, a.id, a.advies),
    beschikkingBesluiten: (_: unknown, a: { id: string; besluit: string; gronden: string; datum: string }, ctx: Ctx) =>
      dossier.besluiten(ctx.db, ctx.scope, a.id, a.besluit, a.gronden, a.datum),
    bezwaarRegistreren: (_: unknown, a: { id: string; datum: string }, ctx: Ctx) => dossier.bezwaarRegistreren(ctx.db, ctx.scope, a.id, a.datum),
    signaalRegistreren: (_: unknown, a: { inwoner: string; soort: string; stap?: number | null; datum: string }, ctx: Ctx) =>
      dossier.signaalRegistreren(ctx.db, ctx.scope, a.inwoner, a.soort, a.stap, a.datum),
    planOpstellen: (_: unknown, a: { huishouden: string; regievoerder: string }, ctx: Ctx) =>
      plannen.planOpstellen(ctx.db, ctx.scope, a.huishouden, a.regievoerder),
    doelToevoegen: (_: unknown, a: { plan: string; omschrijving: string; streefdatum?: string | null }, ctx: Ctx) =>
      plannen.doelToevoegen(ctx.db, ctx.scope, a.plan, a.omschrijving, a.streefdatum),
    doelAfsluiten: (_: unknown, a: { id: string; status: string }, ctx: Ctx) => plannen.doelAfsluiten(ctx.db, ctx.scope, a.id, a.status),
  },
  Wijk: {
    __resolveReference: (ref: { code: string }, ctx: Ctx) => ctx.loaders.wijk.load(ref.code),
    clientenBasisondersteuning: async (w: WijkRow, _: unknown, ctx: Ctx) =>
      (await basisondersteuningCijfers('Wijk', w, dag(today()), ctx))[0]?.clienten ?? null,
    basisondersteuningCijfers: (w: WijkRow, a: FiguurArgs, ctx: Ctx) => basisondersteuningCijfers('Wijk', w, a, ctx),
  },
  Gebied: {
    __resolveReference: async (ref: { naam: string }, ctx: Ctx) =>
      ((await listWijken(ctx.db, ctx.scope, ctx.loaders)).some((w) => w.gebied === ref.naam) ? { naam: ref.naam } : null),
    wijken: async (g: { naam: string }, _: unknown, ctx: Ctx) => (await listWijken(ctx.db, ctx.scope, ctx.loaders)).filter((w) => w.gebied === g.naam),
    basisondersteuningCijfers: (g: { naam: string }, a: FiguurArgs, ctx: Ctx) => basisondersteuningCijfers('Gebied', g, a, ctx),
  },
  Gemeente: {
    __resolveReference: (ref: { code: string }, ctx: Ctx) => (ref.code === ctx.scope.gemeente ? { code: ref.code } : null),
    gebieden: async (_: { code: string }, __: unknown, ctx: Ctx) => gebiedenVan(await listWijken(ctx.db, ctx.scope, ctx.loaders)),
    wijken: (_: { code: string }, __: unknown, ctx: Ctx) => listWijken(ctx.db, ctx.scope, ctx.loaders),
    basisondersteuningCijfers: (g: { code: string }, a: FiguurArgs, ctx: Ctx) => basisondersteuningCijfers('Gemeente', g, a, ctx),
  },
  Inwoner: {
    __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.inwoner.load(ref.id),
    adres: (i: InwonerRow) => ({ straat: i.straat, huisnummer: i.huisnummer, postcode: i.postcode, woonplaats: i.woonplaats }),
    wijk: (i: InwonerRow, _: unknown, ctx: Ctx) => ctx.loaders.wijk.load(i.wijkCode),
    ondersteuningen: (i: InwonerRow, _: unknown, ctx: Ctx) => ctx.loaders.ondersteuningen.load(i.id),
    huishouden: (i: InwonerRow) => ({ id: i.huishoudenId }),
    contactmomenten: (i: InwonerRow, _: unknown, ctx: Ctx) => ctx.loaders.contactmomenten.load(i.id),
    lopendeBeschikkingen: (i: InwonerRow, _: unknown, ctx: Ctx) => ctx.loaders.lopendeBeschikkingen.load(i.id),
    verwijzingen: (i: InwonerRow, _: unknown, ctx: Ctx) => ctx.loaders.verwijzingen.load(i.id),
    beschikkingAanvragen: (i: InwonerRow, _: unknown, ctx: Ctx) => ctx.loaders.aanvragen.load(i.id),
    signalen: (i: InwonerRow, _: unknown, ctx: Ctx) => ctx.loaders.signalen.load(i.id),
  },
  Contactmoment: {
    organisatie: (c: ContactmomentRow) => ({ id: c.organisatieId }),
  },
  LopendeBeschikking: {
    perspectiefgesprekGevoerd: (b: LopendeBeschikkingRow) => Boolean(b.perspectiefgesprekGevoerd),
  },
  Verwijzing: {
    op: (v: VerwijzingRow) => new Date(v.op).toISOString(),
  },
  BeschikkingAanvraag: {
    status: (a: AanvraagRow) => dossier.aanvraagStatus(a),
  },
  Signaal: {
    stap: (s: SignaalRow) => (s.stap === null ? null : Number(s.stap)),
    datum: (s: SignaalRow) => s.op,
  },
  Huishouden: {
    leden: (h: { id: string }, _: unknown, ctx: Ctx) => ctx.loaders.leden.load(h.id),
    plan: (h: { id: string }, _: unknown, ctx: Ctx) => ctx.loaders.planPerHuishouden.load(h.id),
  },
  Plan: {
    regievoerder: (p: PlanRow, _: unknown, ctx: Ctx) => ctx.loaders.regievoerder.load(p.regievoerderId),
    doelen: (p: PlanRow, _: unknown, ctx: Ctx) => ctx.loaders.doelen.load(p.id),
    afgesprokenOndersteuning: (p: PlanRow, _: unknown, ctx: Ctx) => ctx.loaders.afgesprokenPerHuishouden.load(p.huishoudenId),
  },
  Regievoerder: {
    organisatie: (r: RegievoerderRow) => ({ id: r.organisatieId }),
  },
  Ondersteuning: {
    organisatie: (o: OndersteuningRow) => ({ id: o.organisatieId }),
  },
};
