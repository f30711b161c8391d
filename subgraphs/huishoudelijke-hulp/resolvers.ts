import type { SubgraphContext } from '../shared/context';
import { Datum } from '../shared/scalars';
import { suppress } from '../shared/suppression';
import type { IndicatieRow, Loaders } from './loaders';

type Ctx = SubgraphContext<Loaders>;

export const resolvers = {
  Datum,
  Wijk: {
    clientenHuishoudelijkeHulp: async (w: { code: string }, _: unknown, ctx: Ctx) =>
      suppress(await ctx.loaders.clientenPerWijk.load(w.code), ctx.suppression),
  },
  Organisatie: {
    hhClienten: async (o: { id: string }, _: unknown, ctx: Ctx) =>
      suppress(await ctx.loaders.clientenPerOrganisatie.load(o.id), ctx.suppression),
  },
  Inwoner: {
    huishoudelijkeHulp: (i: { id: string }, _: unknown, ctx: Ctx) => ctx.loaders.indicatiesPerInwoner.load(i.id),
  },
  HhIndicatie: {
    aanbieder: (r: IndicatieRow) => ({ id: r.organisatieId }),
  },
};
