import type { SubgraphContext } from '../shared/context';
import { Datum, plusDagen, today } from '../shared/scalars';
import { suppress } from '../shared/suppression';
import { toewijzing } from '../../db/schema/aanvullende-ondersteuning';
import { wijzigingenPagina } from '../shared/wijzigingen';
import { postvakScope, toewijzingScope, type Loaders, type ToewijzingRow } from './loaders';
import { postvak } from './iwmo-berichten';
import { verwerken, type IwmoBerichtInput } from './iwmo-import';
import type { IwmoBerichtType } from '../shared/iwmo';
import { doorgeven, receive, statusName, type BerichtInput } from './berichten';
import { wachttijden, type WachttijdPer } from './wachttijd';
import { aanbiederslandschap, klantstromen, omvangPerProduct } from './klantstromen';
import { aanvullendeOndersteuningCijfers } from './cijfers';
import { dag, type FiguurArgs } from '../shared/gebiedsfiguren';
import type { Tijdvak } from '../shared/periode';
import { badUserInput } from '../shared/errors';

type Ctx = SubgraphContext<Loaders>;

type Msg = { berichtId: string; toewijzing: string };

export const resolvers = {
  Datum,
  Query: {
    wachttijden: (_: unknown, a: { van: string; tot: string; per: WachttijdPer; normDagen: number }, ctx: Ctx) =>
      wachttijden(ctx.db, ctx.scope, ctx.suppression, a),
    iwmoBerichten: (_: unknown, a: { berichtType: IwmoBerichtType; van: string; tot: string; na?: string | null; aantal: number }, ctx: Ctx) =>
      postvak(ctx.db, ctx.scope, postvakScope(ctx.db, ctx.scope), a),
    klantstromen: (_: unknown, a: { van: string; tot: string; per: Tijdvak }, ctx: Ctx) => klantstromen(ctx.db, ctx.scope, ctx.suppression, a),
    aanbiederslandschap: (_: unknown, a: { jaar: number; kwartaal: number }, ctx: Ctx) =>
      aanbiederslandschap(ctx, a.jaar, a.kwartaal),
    omvangPerProduct: (_: unknown, a: { van: string; tot: string }, ctx: Ctx) => omvangPerProduct(ctx.db, ctx.scope, ctx.suppression, a),
    // The change feed: each item with its toewijzing, under the same row rule as Inwoner.toewijzingen.
    toewijzingWijzigingen: (_: unknown, a: { na?: string | null; max: number }, ctx: Ctx) => wijzigingenPagina(ctx.db, ctx.scope, {
      entiteit: 'toewijzing', tabel: toewijzing, id: toewijzing.id, gemeente: toewijzing.gemeenteCode, zichtbaar: toewijzingScope(ctx.db, ctx.scope),
    }, a),
  },
  ToewijzingWijziging: {
    toewijzing: (w: { entiteit: ToewijzingRow }) => w.entiteit,
  },
  Mutation: {
    toewijzingToekennen: (_: unknown, a: Msg & { input: BerichtInput }, ctx: Ctx) => receive(ctx.db, ctx.scope, 'toekennen', a.berichtId, a.toewijzing, a.input),
    verzoekAfwijzen: (_: unknown, a: Msg & { reden: string }, ctx: Ctx) => receive(ctx.db, ctx.scope, 'afwijzen', a.berichtId, a.toewijzing, { reden: a.reden }),
    toewijzingWijzigen: (_: unknown, a: Msg & { input: BerichtInput }, ctx: Ctx) => receive(ctx.db, ctx.scope, 'wijzigen', a.berichtId, a.toewijzing, a.input),
    toewijzingLatenVervallen: (_: unknown, a: Msg & { reden: string }, ctx: Ctx) => receive(ctx.db, ctx.scope, 'vervallen', a.berichtId, a.toewijzing, { reden: a.reden }),
    startbericht: (_: unknown, a: Msg & { begindatum: string }, ctx: Ctx) => receive(ctx.db, ctx.scope, 'start', a.berichtId, a.toewijzing, { begindatum: a.begindatum }),
    stopbericht: (_: unknown, a: Msg & { stopdatum: string; redenBeeindiging: string }, ctx: Ctx) =>
      receive(ctx.db, ctx.scope, 'stop', a.berichtId, a.toewijzing, { stopdatum: a.stopdatum, redenBeeindiging: a.redenBeeindiging }),
    toewijzingDoorgeven: (_: unknown, a: { toewijzing: string; onderaannemer: string }, ctx: Ctx) =>
      doorgeven(ctx.db, ctx.scope, a.toewijzing, a.onderaannemer),
    iwmoBerichtVerwerken: (_: unknown, a: { bericht: IwmoBerichtInput }, ctx: Ctx) => verwerken(ctx.db, ctx.scope, a.bericht),
  },
  Wijk: {
    clientenAanvullendeOndersteuning: async (w: { code: string }, _: unknown, ctx: Ctx) =>
      (await aanvullendeOndersteuningCijfers('Wijk', w, dag(today()), ctx))[0]?.clienten ?? null,
    aanvullendeOndersteuningCijfers: (w: { code: string }, a: FiguurArgs, ctx: Ctx) => aanvullendeOndersteuningCijfers('Wijk', w, a, ctx),
  },
  Gebied: {
    __resolveReference: (ref: { naam: string }) => ref,
    aanvullendeOndersteuningCijfers: (g: { naam: string }, a: FiguurArgs, ctx: Ctx) => aanvullendeOndersteuningCijfers('Gebied', g, a, ctx),
  },
  Gemeente: {
    __resolveReference: (ref: { code: string }) => ref,
    aanvullendeOndersteuningCijfers: (g: { code: string }, a: FiguurArgs, ctx: Ctx) => aanvullendeOndersteuningCijfers('Gemeente', g, a, ctx),
  },
  Organisatie: {
    actieveToewijzingen: async (o: { id: string }, _: unknown, ctx: Ctx) =>
      suppress(await ctx.loaders.actievePerOrganisatie.load(o.id), ctx.suppression),
  },
  Inwoner: {
    toewijzingen: (i: { id: string }, _: unknown, ctx: Ctx) => ctx.loaders.toewijzingenPerInwoner.load(i.id),
  },
  Toewijzing: {
    status: (t: ToewijzingRow) => statusName(t.status),
    omvang: (t: ToewijzingRow) => ({ volume: t.omvangVolume, eenheid: t.omvangEenheid, frequentie: t.omvangFrequentie }),
    aanbieder: (t: ToewijzingRow) => ({ id: t.organisatieId }),
    onderaannemer: (t: ToewijzingRow) => (t.onderaannemerId ? { id: t.onderaannemerId } : null),
    iwmoBerichten: (t: ToewijzingRow, _: unknown, ctx: Ctx) => ctx.loaders.iwmoBerichtenPerToewijzing.load(t.id),
    startTeLaat: (t: ToewijzingRow, a: { normDagen: number }) => {
      if (!Number.isInteger(a.normDagen) || a.normDagen < 1 || a.normDagen > 365) throw badUserInput('normDagen', 'normDagen must be 1 to 365');
      return t.status === 'toegewezen' && today() > plusDagen(t.ingangsdatum, a.normDagen);
    },
  },
};
