import type { SubgraphContext } from '../shared/context';
import { badUserInput } from '../shared/errors';
import { suppress } from '../shared/suppression';
import { listKamers, type HulpvraagRow, type KamerRow, type Loaders } from './loaders';

type Ctx = SubgraphContext<Loaders>;

export const resolvers = {
  Query: {
    buurtkamers: (_: unknown, args: { gebied?: string | null }, ctx: Ctx) => {
      const gebied = args.gebied ?? undefined;
      if (gebied !== undefined && (gebied.trim().length === 0 || gebied.length > 100)) {
        throw badUserInput('gebied', 'gebied must be a non-empty name of at most 100 characters');
      }
      return listKamers(ctx.db, ctx.scope, gebied);
    },
  },
  Wijk: {
    buurtkamers: (w: { code: string }, _: unknown, ctx: Ctx) => ctx.loaders.kamersPerWijk.load(w.code),
    openHulpvragen: async (w: { code: string }, _: unknown, ctx: Ctx) =>
      suppress(await ctx.loaders.openHulpvragenPerWijk.load(w.code), ctx.suppression),
  },
  Inwoner: {
    hulpvragen: (i: { id: string }, _: unknown, ctx: Ctx) => ctx.loaders.hulpvragenPerInwoner.load(i.id),
  },
  Buurtkamer: {
    wijk: (k: KamerRow) => ({ code: k.wijkCode }),
  },
  Hulpvraag: {
    wijk: (h: HulpvraagRow) => ({ code: h.wijkCode }),
  },
};
