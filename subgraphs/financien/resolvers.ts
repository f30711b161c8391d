import type { SubgraphContext } from '../shared/context';
import { badUserInput } from '../shared/errors';
import { listContracten, listOrganisaties, type ContractRow, type Loaders, type OrganisatieRow, type SubsidieRow } from './loaders';
import { contractRegistreren, type ContractInput } from './contracten';
import { Datum } from '../shared/scalars';

type Ctx = SubgraphContext<Loaders>;

/** Exact money: integer cents in, decimal strings out. */
export function bedrag(centen: bigint) {
  const negative = centen < 0n;
  const abs = negative ? -centen : centen;
  const euro = `${negative ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
  return { valuta: 'EUR', centen: centen.toString(), euro };
}

function checkJaar(jaar: number): number {
  if (!Number.isInteger(jaar) || jaar < 2015 || jaar > 2100) {
    throw badUserInput('jaar', 'jaar must be a year between 2015 (start of the Wmo 2015) and 2100');
  }
  return jaar;
}

export const resolvers = {
  Datum,
  Mutation: {
    contractRegistreren: (_: unknown, a: { input: ContractInput }, ctx: Ctx) => contractRegistreren(ctx.db, ctx.scope, a.input),
  },
  Contract: {
    organisatie: (c: ContractRow, _: unknown, ctx: Ctx) => ctx.loaders.organisatie.load(c.organisatieId),
    hoofdaanbieder: (c: ContractRow, _: unknown, ctx: Ctx) => (c.hoofdaanbiederId ? ctx.loaders.organisatie.load(c.hoofdaanbiederId) : null),
  },
  Query: {
    contracten: (_: unknown, a: { perceel?: string | null }, ctx: Ctx) => listContracten(ctx.db, ctx.scope, a.perceel ?? undefined),
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
  },
};
