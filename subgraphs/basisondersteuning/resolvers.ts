import type { SubgraphContext } from '../shared/context';
import { Datum } from '../shared/scalars';
import { suppress } from '../shared/suppression';
import { listWijken, type InwonerRow, type Loaders, type OndersteuningRow, type PlanRow, type RegievoerderRow, type WijkRow } from './loaders';
import * as registratie from './ondersteuning';

type Ctx = SubgraphContext<Loaders>;

export const resolvers = {
  Datum,
  Query: {
    wijken: async (_: unknown, __: unknown, ctx: Ctx) => {
      const rows = await listWijken(ctx.db, ctx.scope);
      for (const row of rows) ctx.loaders.wijk.prime(row.code, row);
      return rows;
    },
    wijk: (_: unknown, args: { code: string }, ctx: Ctx) => ctx.loaders.wijk.load(args.code),
    inwoner: (_: unknown, args: { id: string }, ctx: Ctx) => ctx.loaders.inwoner.load(args.id),
  },
  Mutation: {
    ondersteuningRegistreren: (_: unknown, args: { input: registratie.OndersteuningInput }, ctx: Ctx) =>
      registratie.registreren(ctx.db, ctx.scope, args.input),
    ondersteuningBeeindigen: (_: unknown, args: { id: string; einddatum: string }, ctx: Ctx) =>
      registratie.beeindigen(ctx.db, ctx.scope, args.id, args.einddatum),
  },
  Wijk: {
    __resolveReference: (ref: { code: string }, ctx: Ctx) => ctx.loaders.wijk.load(ref.code),
    clientenBasisondersteuning: async (w: WijkRow, _: unknown, ctx: Ctx) =>
      suppress(await ctx.loaders.clientenPerWijk.load(w.code), ctx.suppression),
  },
  Inwoner: {
    __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.inwoner.load(ref.id),
    adres: (i: InwonerRow) => ({ straat: i.straat, huisnummer: i.huisnummer, postcode: i.postcode, woonplaats: i.woonplaats }),
    wijk: (i: InwonerRow, _: unknown, ctx: Ctx) => ctx.loaders.wijk.load(i.wijkCode),
    ondersteuningen: (i: InwonerRow, _: unknown, ctx: Ctx) => ctx.loaders.ondersteuningen.load(i.id),
    huishouden: (i: InwonerRow) => ({ id: i.huishoudenId }),
  },
  Huishouden: {
    leden: (h: { id: string }, _: unknown, ctx: Ctx) => ctx.loaders.leden.load(h.id),
    plan: (h: { id: string }, _: unknown, ctx: Ctx) => ctx.loaders.planPerHuishouden.load(h.id),
  },
  Plan: {
    regievoerder: (p: PlanRow, _: unknown, ctx: Ctx) => ctx.loaders.regievoerder.load(p.regievoerderId),
    doelen: (p: PlanRow, _: unknown, ctx: Ctx) => ctx.loaders.doelen.load(p.id),
  },
  Regievoerder: {
    organisatie: (r: RegievoerderRow) => ({ id: r.organisatieId }),
  },
  Ondersteuning: {
    organisatie: (o: OndersteuningRow) => ({ id: o.organisatieId }),
  },
};
