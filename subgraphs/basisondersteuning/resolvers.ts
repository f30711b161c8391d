import type { SubgraphContext } from '../shared/context';
import { Datum } from '../shared/scalars';
import { suppress } from '../shared/suppression';
import { listWijken, type InwonerRow, type Loaders, type OndersteuningRow, type WijkRow } from './loaders';

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
  },
  Ondersteuning: {
    organisatie: (o: OndersteuningRow) => ({ id: o.organisatieId }),
  },
};
