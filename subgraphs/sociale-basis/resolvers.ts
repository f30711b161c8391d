import type { SubgraphContext } from '../shared/context';
import { badUserInput } from '../shared/errors';
import { Datum, today } from '../shared/scalars';
import { dag, type FiguurArgs } from '../shared/gebiedsfiguren';
import { identifier, requiredText } from '../shared/validate';
import * as flow from './hulpvragen';
import { socialeBasisCijfers } from './cijfers';
import { hulpvraag } from '../../db/schema/sociale-basis';
import { wijzigingenPagina } from '../shared/wijzigingen';
import {
  hulpvraagScope, listHulpvragen, listKamers, listVrijwilligers,
  type GebeurtenisRow, type HulpvraagRow, type KamerRow, type Loaders, type RoosterRow, type SamenwerkingRow, type ToestemmingRow, type VrijwilligerRow,
} from './loaders';

type Ctx = SubgraphContext<Loaders>;
const DAY = 86_400_000;

/** The Monday of the ISO week that holds `date`. */
export function mondayOf(date: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  const isoDay = new Date(ms).getUTCDay() || 7;
  return ms - (isoDay - 1) * DAY;
}

function optionalId(field: string, value: string | null | undefined): string | undefined {
  return value === null || value === undefined ? undefined : identifier(field, value);
}

export const resolvers = {
  Datum,
  Query: {
    buurtkamers: (_: unknown, args: { gebied?: string | null }, ctx: Ctx) => {
      const gebied = args.gebied ?? undefined;
      if (gebied !== undefined && (gebied.trim().length === 0 || gebied.length > 100)) {
        throw badUserInput('gebied', 'gebied must be a non-empty name of at most 100 characters');
      }
      return listKamers(ctx.db, ctx.scope, gebied);
    },
    hulpvragen: (_: unknown, args: { wijk?: string | null; status?: string | null }, ctx: Ctx) =>
      listHulpvragen(ctx.db, ctx.scope, { wijk: optionalId('wijk', args.wijk), status: args.status ?? undefined }),
    vrijwilligers: async (_: unknown, args: { kamer?: string | null; vaardigheid?: string | null }, ctx: Ctx) => {
      const vaardigheid = args.vaardigheid === null || args.vaardigheid === undefined ? undefined : requiredText('vaardigheid', args.vaardigheid, 1, 100);
      const rows = await listVrijwilligers(ctx.db, ctx.scope, { kamer: optionalId('kamer', args.kamer), vaardigheid });
      for (const row of rows) ctx.loaders.vrijwilliger.prime(row.id, row);
      return rows;
    },
    // The change feed: each item with its hulpvraag, under the same row rule as Query.hulpvragen.
    hulpvraagWijzigingen: (_: unknown, a: { na?: string | null; max: number }, ctx: Ctx) => wijzigingenPagina(ctx.db, ctx.scope, {
      entiteit: 'hulpvraag', tabel: hulpvraag, id: hulpvraag.id, gemeente: hulpvraag.gemeenteCode, zichtbaar: hulpvraagScope(ctx.scope),
    }, a),
  },
  HulpvraagWijziging: {
    hulpvraag: (w: { entiteit: HulpvraagRow }) => w.entiteit,
  },
  Mutation: {
    hulpvraagRegistreren: (_: unknown, args: { input: flow.HulpvraagInput }, ctx: Ctx) => flow.registreren(ctx.db, ctx.scope, args.input),
    hulpvraagMatchen: (_: unknown, args: { id: string; vrijwilliger: string }, ctx: Ctx) =>
      flow.transition(ctx.db, ctx.scope, args.id, 'matchen', { vrijwilliger: args.vrijwilliger }),
    hulpvraagAfronden: (_: unknown, args: { id: string }, ctx: Ctx) => flow.transition(ctx.db, ctx.scope, args.id, 'afronden'),
    hulpvraagTerugzetten: (_: unknown, args: { id: string; reden: string }, ctx: Ctx) =>
      flow.transition(ctx.db, ctx.scope, args.id, 'terugzetten', { reden: args.reden }),
    hulpvraagOpschalen: (_: unknown, args: { id: string; reden: string }, ctx: Ctx) =>
      flow.transition(ctx.db, ctx.scope, args.id, 'opschalen', { reden: args.reden }),
    toestemmingVastleggen: (_: unknown, args: { inwoner: string; organisatie?: string | null }, ctx: Ctx) =>
      flow.toestemmingVastleggen(ctx.db, ctx.scope, args.inwoner, args.organisatie),
    toestemmingIntrekken: (_: unknown, args: { id: string }, ctx: Ctx) => flow.toestemmingIntrekken(ctx.db, ctx.scope, args.id),
  },
  Wijk: {
    buurtkamers: (w: { code: string }, _: unknown, ctx: Ctx) => ctx.loaders.kamersPerWijk.load(w.code),
    // The cell of today in the joint table, so it carries the same secondary suppression.
    openHulpvragen: async (w: { code: string }, _: unknown, ctx: Ctx) =>
      (await socialeBasisCijfers('Wijk', w, dag(today()), ctx))[0]?.openAanHetEinde ?? null,
    weekprogramma: async (w: { code: string; gebied: string }, args: { week?: string | null }, ctx: Ctx) => {
      const monday = mondayOf(args.week ?? today());
      const items = await ctx.loaders.roosterPerGebied.load(w.gebied);
      return items.map((item) => ({ ...item, datum: new Date(monday + (item.weekdag - 1) * DAY).toISOString().slice(0, 10) }));
    },
    socialeBasisCijfers: (w: { code: string }, a: FiguurArgs, ctx: Ctx) => socialeBasisCijfers('Wijk', w, a, ctx),
  },
  // Owned by basisondersteuning: the key is all this subgraph needs.
  Gebied: {
    __resolveReference: (ref: { naam: string }) => ref,
    socialeBasisCijfers: (g: { naam: string }, a: FiguurArgs, ctx: Ctx) => socialeBasisCijfers('Gebied', g, a, ctx),
  },
  Gemeente: {
    __resolveReference: (ref: { code: string }) => ref,
    socialeBasisCijfers: (g: { code: string }, a: FiguurArgs, ctx: Ctx) => socialeBasisCijfers('Gemeente', g, a, ctx),
  },
  Organisatie: {
    samenwerkingen: (o: { id: string }, _: unknown, ctx: Ctx) => ctx.loaders.samenwerkingenPerOrganisatie.load(o.id),
  },
  Inwoner: {
    hulpvragen: (i: { id: string }, _: unknown, ctx: Ctx) => ctx.loaders.hulpvragenPerInwoner.load(i.id),
    toestemmingen: (i: { id: string }, _: unknown, ctx: Ctx) => ctx.loaders.toestemmingenPerInwoner.load(i.id),
  },
  Buurtkamer: {
    wijk: (k: KamerRow) => ({ code: k.wijkCode }),
    partners: (k: KamerRow, _: unknown, ctx: Ctx) => ctx.loaders.partnersPerKamer.load(k.id),
    rooster: (k: KamerRow, _: unknown, ctx: Ctx) => ctx.loaders.roosterPerKamer.load(k.id),
  },
  Samenwerking: {
    organisatie: (s: SamenwerkingRow) => ({ id: s.organisatieId }),
    kamer: (s: SamenwerkingRow, _: unknown, ctx: Ctx) => ctx.loaders.kamer.load(s.kamerId),
  },
  RoosterItem: {
    gastheer: (r: RoosterRow) => ({ id: r.organisatieId }),
  },
  Activiteit: {
    kamer: (r: RoosterRow, _: unknown, ctx: Ctx) => ctx.loaders.kamer.load(r.kamerId),
    gastheer: (r: RoosterRow) => ({ id: r.organisatieId }),
  },
  Vrijwilliger: {
    kamer: (v: VrijwilligerRow, _: unknown, ctx: Ctx) => (v.kamerId ? ctx.loaders.kamer.load(v.kamerId) : null),
    organisatie: (v: VrijwilligerRow) => ({ id: v.organisatieId }),
  },
  Hulpvraag: {
    wijk: (h: HulpvraagRow) => ({ code: h.wijkCode }),
    aangemaaktOp: (h: HulpvraagRow) => new Date(h.aangemaaktOp).toISOString(),
    inwoner: async (h: HulpvraagRow, _: unknown, ctx: Ctx) =>
      h.inwonerId && (await ctx.loaders.inwonerZichtbaar.load(h.id)) ? { id: h.inwonerId } : null,
    vrijwilliger: (h: HulpvraagRow, _: unknown, ctx: Ctx) => (h.vrijwilligerId ? ctx.loaders.vrijwilliger.load(h.vrijwilligerId) : null),
    geschiedenis: (h: HulpvraagRow, _: unknown, ctx: Ctx) => ctx.loaders.geschiedenis.load(h.id),
  },
  HulpvraagGebeurtenis: {
    op: (e: GebeurtenisRow) => new Date(e.op).toISOString(),
  },
  Toestemming: {
    inwoner: (t: ToestemmingRow) => ({ id: t.inwonerId }),
    organisatie: (t: ToestemmingRow) => ({ id: t.organisatieId }),
    gegevenOp: (t: ToestemmingRow) => new Date(t.gegevenOp).toISOString(),
    ingetrokkenOp: (t: ToestemmingRow) => (t.ingetrokkenOp ? new Date(t.ingetrokkenOp).toISOString() : null),
  },
};
