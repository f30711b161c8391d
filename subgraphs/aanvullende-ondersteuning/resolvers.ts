import type { SubgraphContext } from '../shared/context';
import { Datum } from '../shared/scalars';
import { suppress } from '../shared/suppression';
import type { Loaders, ToewijzingRow } from './loaders';

type Ctx = SubgraphContext<Loaders>;

const STATUS: Record<string, string> = {
  verzoek: 'VERZOEK',
  afgewezen: 'AFGEWEZEN',
  toegewezen: 'TOEGEWEZEN',
  gestart: 'GESTART',
  gestopt: 'GESTOPT',
};

export const resolvers = {
  Datum,
  Wijk: {
    clientenAanvullendeOndersteuning: async (w: { code: string }, _: unknown, ctx: Ctx) =>
      suppress(await ctx.loaders.clientenPerWijk.load(w.code), ctx.suppression),
  },
  Organisatie: {
    actieveToewijzingen: async (o: { id: string }, _: unknown, ctx: Ctx) =>
      suppress(await ctx.loaders.actievePerOrganisatie.load(o.id), ctx.suppression),
  },
  Inwoner: {
    toewijzingen: (i: { id: string }, _: unknown, ctx: Ctx) => ctx.loaders.toewijzingenPerInwoner.load(i.id),
  },
  Toewijzing: {
    status: (t: ToewijzingRow) => STATUS[t.status] ?? t.status,
    omvang: (t: ToewijzingRow) => ({ volume: t.omvangVolume, eenheid: t.omvangEenheid, frequentie: t.omvangFrequentie }),
    aanbieder: (t: ToewijzingRow) => ({ id: t.organisatieId }),
    onderaannemer: (t: ToewijzingRow) => (t.onderaannemerId ? { id: t.onderaannemerId } : null),
  },
};
