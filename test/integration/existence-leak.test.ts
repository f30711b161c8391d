/**
 * Errors never reveal whether an object exists: for every query field and mutation that
 * takes an id (or a resident id), a role that may use the field but has no relation to the
 * object gets exactly the response it gets for an id that does not exist at all: the same
 * data, the same extensions.code and the same message (after putting <id> for the id it
 * sent). "No relation" is another organisation's object, another resident's, or an object
 * of the second gemeente. No response, and no log line, holds the BSN, name, birth date or
 * address of a resident behind the objects probed.
 *
 * The table below is the audit: one row per field, caller and kind of unrelated object.
 * Fields whose id names public reference data (wijk, kamer, organisatie) are probed with
 * the other gemeente's object, which is out of reach all the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_GEMEENTE } from '../../db/seed/reference';
import type { Rol } from '../../subgraphs/shared/roles';
import { today } from '../../subgraphs/shared/scalars';
import { bootStack, sql, type GraphQLResponse, type Stack } from '../support/stack';

let stack: Stack;

/** An id of the right shape that no table holds. */
const MISSING = 'bestaat-niet-0001';
const G2 = TEST_GEMEENTE.code;

interface Caller { rol: Rol; organisatie?: string; sub?: string; gemeente?: string }

/** Ids found in the seeded database (and a few objects made through the API in beforeAll). */
interface Fixtures {
  /** The resident whose personal data no response may hold (and who acts as `inwoner`). */
  fixture: string;
  /** Residents of GM0080 out of reach of Amaryllis (no basis support, no old beschikking, no plan it directs). */
  buitenBasis: string;
  /** A resident with a household plan directed by gm0080-rv-2, not by gm0080-rv-1. */
  anderRegievoerder: string;
  residentG2: string;
  /** A household whose members Amaryllis cannot see; a household it can see, without a plan. */
  huishoudenBuiten: string;
  huishoudenBinnen: string;
  planBuiten: string;
  /** The support that beforeAll ends, taking planBuiten out of Amaryllis' reach. */
  ondersteuningPlan: string;
  planG2: string;
  doelBuiten: string;
  doelG2: string;
  ondersteuningG2: string;
  /** A beschikking aanvraag (AANGEVRAAGD) of a resident out of reach of Amaryllis, made by that resident. */
  aanvraagBuiten: string;
  aanvraagG2: string;
  /** sociale basis */
  hulpvraagOpen: string;
  hulpvraagGematcht: string;
  vrijwilligerGematcht: string;
  /** A volunteer of V-O-L with a GEMATCHT hulpvraag other than hulpvraagGematcht. */
  andereVrijwilliger: string;
  hulpvraagG2: string;
  vrijwilligerG2: string;
  toestemmingVol: string;
  toestemmingVolInwoner: string;
  toestemmingG2: string;
  kamerG2: string;
  wijkG2: string;
  /** aanvullende ondersteuning (all of windkracht058) */
  twVerzoek: { id: string; nummer: string; inwoner: string };
  twAfgewezen: { id: string; nummer: string; inwoner: string };
  /** TOEGEWEZEN, handed to oa-agressie; windkracht058 sent its start message 'leak-305' in beforeAll. */
  twGestartAgressie: { id: string; nummer: string; inwoner: string; begindatum: string };
  twG2: { id: string; nummer: string; inwoner: string };
  /** The toewijzingNummer of a verzoek made in the other gemeente (seeded numbers repeat per gemeente). */
  twG2Nummer: string;
  /** huishoudelijke hulp */
  hhAanvraagThfl: { id: string; inwoner: string };
  hhAanvraagG2: string;
  miepClient: string;
  thflClient: string;
  miepHulp: string;
  hulpG2: string;
  overdracht: string;
  /** financien */
  herverdeling: string;
  herverdelingG2: string;
  maatregelG2: string;
  organisatieG2: string;
}

let fx: Fixtures;

async function one<T extends Record<string, unknown>>(label: string, query: ReturnType<typeof sql>): Promise<T> {
  const [row] = await stack.rows<T>(query);
  if (!row) throw new Error(`fixture not found: ${label}`);
  return row;
}
const id = async (label: string, query: ReturnType<typeof sql>) => (await one<{ id: string }>(label, query)).id;

/** Visible to Amaryllis (without a regievoerder sub), as relations.ts has it. */
const basisZiet = (col: string) => sql.raw(`(exists (select 1 from basisondersteuning.ondersteuning o where o.inwoner_id = ${col}
  and o.organisatie_id = 'amaryllis' and o.startdatum <= current_date and (o.einddatum is null or o.einddatum >= current_date))
  or exists (select 1 from basisondersteuning.lopende_beschikking l where l.inwoner_id = ${col} and l.organisatie_id = 'amaryllis'
  and l.einddatum >= current_date))`);

async function findFixtures(): Promise<Fixtures> {
  const tw = (label: string, where: ReturnType<typeof sql>) =>
    one<{ id: string; nummer: string; inwoner: string; ingangsdatum: string }>(label, sql`select id, toewijzing_nummer as nummer, inwoner_id as inwoner,
      ingangsdatum::text as ingangsdatum from aanvullende_ondersteuning.toewijzing where ${where} order by id limit 1`);
  // A verzoek of a resident windkracht058 has no running toewijzing for (so it cannot see the resident at all).
  const twVerzoek = await tw('verzoek', sql`gemeente_code = 'GM0080' and organisatie_id = 'windkracht058' and status = 'verzoek'
    and not exists (select 1 from aanvullende_ondersteuning.toewijzing r where r.inwoner_id = toewijzing.inwoner_id and r.status in ('toegewezen', 'gestart'))`);
  const buitenBasis = await id('resident out of reach of basis', sql`select id from basisondersteuning.inwoner i where gemeente_code = 'GM0080'
    and not ${basisZiet('i.id')} and not exists (select 1 from basisondersteuning.beschikking_aanvraag a where a.inwoner_id = i.id)
    and not exists (select 1 from huishoudelijke_hulp.aanvraag a where a.inwoner_id = i.id and a.status in ('WACHTRIJ', 'TOEGEWEZEN'))
    and i.id <> ${twVerzoek.inwoner} order by id limit 1`);
  const huishoudenBuiten = await id('household out of reach', sql`select h.id from basisondersteuning.huishouden h where h.gemeente_code = 'GM0080'
    and not exists (select 1 from basisondersteuning.inwoner i where i.huishouden_id = h.id and ${basisZiet('i.id')}) order by h.id limit 1`);
  // Every seeded plan has a member Amaryllis supports; beforeAll ends the one support that
  // puts this plan's household in reach (yesterday), so the plan and its goals drop out of it.
  const planBuiten = await one<{ id: string; ondersteuning: string }>('plan with one supported member', sql`select p.id, min(o.id) as ondersteuning
    from basisondersteuning.plan p join basisondersteuning.inwoner i on i.huishouden_id = p.huishouden_id
    join basisondersteuning.ondersteuning o on o.inwoner_id = i.id and o.organisatie_id = 'amaryllis' and o.startdatum < current_date - 1
      and (o.einddatum is null or o.einddatum >= current_date)
    where p.gemeente_code = 'GM0080' and exists (select 1 from basisondersteuning.doel d where d.plan_id = p.id and d.status = 'OPEN')
      and not exists (select 1 from basisondersteuning.lopende_beschikking l join basisondersteuning.inwoner m on m.id = l.inwoner_id
        where m.huishouden_id = p.huishouden_id and l.organisatie_id = 'amaryllis')
    group by p.id having count(*) = 1 order by p.id limit 1`);
  const gematcht = await one<{ id: string; vrijwilliger: string }>('matched hulpvraag', sql`select id, vrijwilliger_id as vrijwilliger
    from sociale_basis.hulpvraag where gemeente_code = 'GM0080' and organisatie_id = 'vol' and status = 'GEMATCHT' order by id limit 1`);
  const toestemming = await one<{ id: string; inwoner: string }>('consent to vol', sql`select id, inwoner_id as inwoner from sociale_basis.toestemming
    where gemeente_code = 'GM0080' and organisatie_id = 'vol' and ingetrokken_op is null order by id limit 1`);
  const hhThfl = await one<{ id: string; inwoner: string }>('hh aanvraag thfl', sql`select id, inwoner_id as inwoner from huishoudelijke_hulp.aanvraag
    where gemeente_code = 'GM0080' and aanbieder_id = 'thfl' order by id limit 1`);
  const client = (org: string) => id(`client of ${org}`, sql`select i.inwoner_id as id from huishoudelijke_hulp.indicatie i where i.gemeente_code = 'GM0080'
    and i.organisatie_id = ${org} and i.startdatum <= current_date and (i.einddatum is null or i.einddatum > current_date + 100)
    and not exists (select 1 from huishoudelijke_hulp.indicatie x where x.inwoner_id = i.inwoner_id and x.organisatie_id <> ${org}
      and (x.einddatum is null or x.einddatum >= current_date))
    order by i.inwoner_id limit 1`);
  return {
    fixture: twVerzoek.inwoner,
    buitenBasis,
    anderRegievoerder: await id('household of rv-2', sql`select i.id from basisondersteuning.inwoner i join basisondersteuning.plan p on p.huishouden_id = i.huishouden_id
      where p.regievoerder_id = 'gm0080-rv-2' order by i.id limit 1`),
    residentG2: await id('resident G2', sql`select id from basisondersteuning.inwoner where gemeente_code = ${G2} order by id limit 1`),
    huishoudenBuiten,
    huishoudenBinnen: await id('household in reach, no plan', sql`select i.huishouden_id as id from basisondersteuning.inwoner i where i.gemeente_code = 'GM0080'
      and ${basisZiet('i.id')} and not exists (select 1 from basisondersteuning.plan p where p.huishouden_id = i.huishouden_id) order by i.id limit 1`),
    planBuiten: planBuiten.id,
    ondersteuningPlan: planBuiten.ondersteuning,
    planG2: await id('plan G2', sql`select id from basisondersteuning.plan where gemeente_code = ${G2} order by id limit 1`),
    doelBuiten: await id('doel out of reach', sql`select id from basisondersteuning.doel where plan_id = ${planBuiten.id} and status = 'OPEN' order by id limit 1`),
    doelG2: await id('doel G2', sql`select id from basisondersteuning.doel where gemeente_code = ${G2} and status = 'OPEN' order by id limit 1`),
    ondersteuningG2: await id('ondersteuning G2', sql`select id from basisondersteuning.ondersteuning where gemeente_code = ${G2} and einddatum is null order by id limit 1`),
    aanvraagBuiten: '', // made in beforeAll
    aanvraagG2: await id('aanvraag G2', sql`select id from basisondersteuning.beschikking_aanvraag where gemeente_code = ${G2} order by id limit 1`),
    hulpvraagOpen: await id('open hulpvraag', sql`select id from sociale_basis.hulpvraag where gemeente_code = 'GM0080' and organisatie_id = 'vol' and status = 'OPEN' order by id limit 1`),
    hulpvraagGematcht: gematcht.id,
    vrijwilligerGematcht: gematcht.vrijwilliger,
    andereVrijwilliger: await id('other matched volunteer', sql`select vrijwilliger_id as id from sociale_basis.hulpvraag where gemeente_code = 'GM0080'
      and status = 'GEMATCHT' and vrijwilliger_id <> ${gematcht.vrijwilliger} order by id limit 1`),
    hulpvraagG2: await id('hulpvraag G2', sql`select id from sociale_basis.hulpvraag where gemeente_code = ${G2} and status = 'OPEN' order by id limit 1`),
    vrijwilligerG2: await id('vrijwilliger G2', sql`select id from sociale_basis.vrijwilliger where gemeente_code = ${G2} and actief order by id limit 1`),
    toestemmingVol: toestemming.id,
    toestemmingVolInwoner: toestemming.inwoner,
    toestemmingG2: await id('toestemming G2', sql`select id from sociale_basis.toestemming where gemeente_code = ${G2} order by id limit 1`),
    kamerG2: await id('kamer G2', sql`select id from sociale_basis.kamer where gemeente_code = ${G2} order by id limit 1`),
    wijkG2: await id('wijk G2', sql`select code as id from basisondersteuning.wijk where gemeente_code = ${G2} order by code limit 1`),
    twVerzoek,
    twAfgewezen: await tw('afgewezen', sql`gemeente_code = 'GM0080' and organisatie_id = 'windkracht058' and status = 'afgewezen'`),
    twGestartAgressie: { ...(await tw('toegewezen at oa-agressie', sql`gemeente_code = 'GM0080' and onderaannemer_id = 'oa-agressie' and status = 'toegewezen'`)), begindatum: '' },
    twG2: await tw('toewijzing G2', sql`gemeente_code = ${G2} and status = 'toegewezen'`),
    twG2Nummer: '', // made in beforeAll
    hhAanvraagThfl: hhThfl,
    hhAanvraagG2: await id('hh aanvraag G2', sql`select id from huishoudelijke_hulp.aanvraag where gemeente_code = ${G2} order by id limit 1`),
    miepClient: await client('miep'),
    thflClient: await client('thfl'),
    miepHulp: await id('miep hulp', sql`select id from huishoudelijke_hulp.hulp where gemeente_code = 'GM0080' and organisatie_id = 'miep' order by id limit 1`),
    hulpG2: await id('hulp G2', sql`select id from huishoudelijke_hulp.hulp where gemeente_code = ${G2} order by id limit 1`),
    overdracht: '', // made in beforeAll
    herverdeling: await id('herverdeling', sql`select h.id from financien.herverdeling h where h.gemeente_code = 'GM0080' order by id limit 1`),
    herverdelingG2: await id('herverdeling G2', sql`select id from financien.herverdeling where gemeente_code = ${G2} order by id limit 1`),
    maatregelG2: await id('maatregel G2', sql`select id from financien.maatregel where gemeente_code = ${G2} order by id limit 1`),
    organisatieG2: await id('organisatie G2', sql`select id from financien.organisatie where gemeente_code = ${G2} and soort = 'HH_AANBIEDER' order by id limit 1`),
  };
}

// ---------------------------------------------------------------------------------------
// Log capture: pino writes to process.stdout when its write has been replaced, so every
// log line of the in-process stack (at debug level) lands here.
const logLines: string[] = [];
const originalWrite = process.stdout.write.bind(process.stdout);
const originalLevel = process.env.TEST_LOG_LEVEL;

beforeAll(async () => {
  process.env.TEST_LOG_LEVEL = 'debug';
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (text.startsWith('{')) {
      logLines.push(text);
      return true;
    }
    return (originalWrite as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
  stack = await bootStack({ secondGemeente: true });
  fx = await findFixtures();

  // Objects the seed does not have: a beschikking aanvraag of a resident out of Amaryllis'
  // reach (made by the resident), a started toewijzing with a stored start message, and a
  // placement report (hh-gestopt's clients).
  const self = await stack.token({ rol: 'inwoner', sub: fx.buitenBasis });
  const aanvraag = await stack.query('mutation($id: ID!) { beschikkingAanvragen(inwoner: $id) { id } }', { token: self, variables: { id: fx.buitenBasis } });
  expect(aanvraag.body.errors).toBeUndefined();
  fx.aanvraagBuiten = aanvraag.body.data!.beschikkingAanvragen.id;

  const basis = await stack.token({ rol: 'basis-medewerker', organisatie: 'amaryllis' });
  const gisteren = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const beeindigd = await stack.query('mutation($id: ID!, $d: Datum!) { ondersteuningBeeindigen(id: $id, einddatum: $d) { id } }',
    { token: basis, variables: { id: fx.ondersteuningPlan, d: gisteren } });
  expect(beeindigd.body.errors).toBeUndefined();
  const [inReach] = await stack.rows(sql`select 1 from basisondersteuning.plan p join basisondersteuning.inwoner i on i.huishouden_id = p.huishouden_id
    where p.id = ${fx.planBuiten} and ${basisZiet('i.id')}`);
  expect(inReach, 'plan still in reach').toBeUndefined();

  const w058 = await stack.token({ rol: 'aanbieder-medewerker', organisatie: 'windkracht058' });
  fx.twGestartAgressie.begindatum = (fx.twGestartAgressie as unknown as { ingangsdatum: string }).ingangsdatum;
  const start = await stack.query('mutation($t: ID!, $d: Datum!) { startbericht(berichtId: "leak-305", toewijzing: $t, begindatum: $d) { status } }',
    { token: w058, variables: { t: fx.twGestartAgressie.id, d: fx.twGestartAgressie.begindatum } });
  expect(start.body.errors).toBeUndefined();

  const basisG2 = await stack.token({ rol: 'basis-medewerker', organisatie: 'gm0088-amaryllis', gemeente: G2 });
  const [g2Client] = await stack.rows<{ id: string }>(sql`select inwoner_id as id from basisondersteuning.ondersteuning
    where gemeente_code = ${G2} and einddatum is null and startdatum <= current_date order by inwoner_id limit 1`);
  const verwezen = await stack.query(`mutation($id: ID!) { verwijzen(input: { inwoner: $id, product: TO4, criteria: [TO_EXPERTISE],
    ingangsdatum: "2027-01-01", volume: 2, eenheid: "04", frequentie: "2" }) { toewijzingId } }`, { token: basisG2, variables: { id: g2Client!.id } });
  expect(verwezen.body.errors).toBeUndefined();
  fx.twG2Nummer = (await one<{ nummer: string }>('G2 verzoek', sql`select toewijzing_nummer as nummer from aanvullende_ondersteuning.toewijzing
    where id = ${verwezen.body.data!.verwijzen.toewijzingId}`)).nummer;

  const consulent = await stack.token({ rol: 'gemeente-consulent' });
  const plaatsing = await stack.query(`mutation { hhClientenPlaatsen(van: "hh-gestopt", per: "${today()}") { id } }`, { token: consulent });
  expect(plaatsing.body.errors).toBeUndefined();
  fx.overdracht = plaatsing.body.data!.hhClientenPlaatsen.id;
}, 300_000);

afterAll(async () => {
  await stack?.stop();
  process.stdout.write = originalWrite;
  if (originalLevel === undefined) delete process.env.TEST_LOG_LEVEL;
  else process.env.TEST_LOG_LEVEL = originalLevel;
});

// ---------------------------------------------------------------------------------------
// The audit table.

interface Probe {
  /** `Type.field (argument)` probed. */
  field: string;
  /** Who calls, in words (for the test name). */
  as: string;
  /** What the existing object is to the caller, in words. */
  unrelated: string;
  caller: (f: Fixtures) => Caller;
  /** The operation; the probed id is `$id`. */
  query: string;
  /** The existing object out of the caller's reach. */
  existing: (f: Fixtures) => string;
  /** Further variables. */
  vars?: (f: Fixtures) => Record<string, unknown>;
  /** Residents behind the object, whose personal data must not show (the fixture resident always). */
  residents?: (f: Fixtures) => string[];
}

const CONSULENT: Caller = { rol: 'gemeente-consulent' };
const BASIS: Caller = { rol: 'basis-medewerker', organisatie: 'amaryllis' };
const W058: Caller = { rol: 'aanbieder-medewerker', organisatie: 'windkracht058' };
const OA_GGZ: Caller = { rol: 'aanbieder-medewerker', organisatie: 'oa-ggz' };
const THFL: Caller = { rol: 'hh-medewerker', organisatie: 'thfl' };
const MIEP: Caller = { rol: 'hh-medewerker', organisatie: 'miep' };
const VOL: Caller = { rol: 'vol-coordinator', organisatie: 'vol' };
const SOLIDAIR: Caller = { rol: 'vol-coordinator', organisatie: 'solidair-friesland' };
const CONTRACT: Caller = { rol: 'gemeente-contractmanager' };
const ZELF = (f: Fixtures): Caller => ({ rol: 'inwoner', sub: f.fixture });
const G2_ORG = 'other gemeente';

const wmo305 = `mutation($id: String!, $d: Datum!) { iwmoBerichtVerwerken(bericht: {
  header: { berichtCode: 418, berichtIdentificatie: { identificatie: "leak-iwmo-305", dagtekening: $d }, afzender: "windkracht058", ontvanger: "0080" }
  startProduct: { toewijzingNummer: $id, begindatum: $d } }) { status } }`;
const wmo301 = `mutation($id: String!, $d: Datum!) { iwmoBerichtVerwerken(bericht: {
  header: { berichtCode: 414, berichtIdentificatie: { identificatie: "leak-iwmo-301", dagtekening: $d }, afzender: "0080", ontvanger: "windkracht058" }
  toegewezenProduct: { toewijzingNummer: $id, ingangsdatum: $d, omvang: { volume: 2, eenheid: "04", frequentie: "2" } } }) { status } }`;

const PROBES: Probe[] = [
  // ---- sociale basis
  { field: 'Query.hulpvragen (wijk)', as: 'vol-coordinator', unrelated: G2_ORG, caller: () => VOL,
    query: 'query($id: ID!) { hulpvragen(wijk: $id) { id } }', existing: (f) => f.wijkG2 },
  { field: 'Query.vrijwilligers (kamer)', as: 'vol-coordinator', unrelated: G2_ORG, caller: () => VOL,
    query: 'query($id: ID!) { vrijwilligers(kamer: $id) { id } }', existing: (f) => f.kamerG2 },
  { field: 'Mutation.hulpvraagRegistreren (input.wijk)', as: 'vol-coordinator', unrelated: G2_ORG, caller: () => VOL,
    query: 'mutation($id: ID!) { hulpvraagRegistreren(input: { wijk: $id, soort: VERVOER }) { id } }', existing: (f) => f.wijkG2 },
  { field: 'Mutation.hulpvraagRegistreren (input.inwoner)', as: 'vol-coordinator', unrelated: G2_ORG, caller: () => VOL,
    query: 'mutation($id: ID!) { hulpvraagRegistreren(input: { wijk: "WK008010", soort: VERVOER, inwoner: $id, toestemming: true }) { id } }',
    existing: (f) => f.residentG2, residents: (f) => [f.residentG2] },
  { field: 'Mutation.hulpvraagMatchen (id)', as: 'vol-coordinator of solidair-friesland', unrelated: 'open hulpvraag of V-O-L', caller: () => SOLIDAIR,
    query: 'mutation($id: ID!, $v: ID!) { hulpvraagMatchen(id: $id, vrijwilliger: $v) { id status } }',
    existing: (f) => f.hulpvraagOpen, vars: () => ({ v: 'gm0080-vw-4' }) },
  { field: 'Mutation.hulpvraagMatchen (id)', as: 'vol-coordinator', unrelated: G2_ORG, caller: () => VOL,
    query: 'mutation($id: ID!, $v: ID!) { hulpvraagMatchen(id: $id, vrijwilliger: $v) { id status } }',
    existing: (f) => f.hulpvraagG2, vars: (f) => ({ v: f.vrijwilligerGematcht }) },
  { field: 'Mutation.hulpvraagMatchen (vrijwilliger)', as: 'vol-coordinator', unrelated: G2_ORG, caller: () => VOL,
    query: 'mutation($id: ID!, $h: ID!) { hulpvraagMatchen(id: $h, vrijwilliger: $id) { id status } }',
    existing: (f) => f.vrijwilligerG2, vars: (f) => ({ h: f.hulpvraagOpen }) },
  { field: 'Mutation.hulpvraagAfronden (id)', as: 'vrijwilliger', unrelated: 'hulpvraag matched to another volunteer',
    caller: (f) => ({ rol: 'vrijwilliger', organisatie: 'vol', sub: f.andereVrijwilliger }),
    query: 'mutation($id: ID!) { hulpvraagAfronden(id: $id) { id status } }', existing: (f) => f.hulpvraagGematcht },
  { field: 'Mutation.hulpvraagAfronden (id)', as: 'vol-coordinator of solidair-friesland', unrelated: 'matched hulpvraag of V-O-L', caller: () => SOLIDAIR,
    query: 'mutation($id: ID!) { hulpvraagAfronden(id: $id) { id status } }', existing: (f) => f.hulpvraagGematcht },
  { field: 'Mutation.hulpvraagTerugzetten (id)', as: 'vrijwilliger', unrelated: 'hulpvraag matched to another volunteer',
    caller: (f) => ({ rol: 'vrijwilliger', organisatie: 'vol', sub: f.andereVrijwilliger }),
    query: 'mutation($id: ID!) { hulpvraagTerugzetten(id: $id, reden: "Lukt niet") { id status } }', existing: (f) => f.hulpvraagGematcht },
  { field: 'Mutation.hulpvraagTerugzetten (id)', as: 'vrijwilliger', unrelated: 'open hulpvraag (not matched to it)',
    caller: (f) => ({ rol: 'vrijwilliger', organisatie: 'vol', sub: f.andereVrijwilliger }),
    query: 'mutation($id: ID!) { hulpvraagTerugzetten(id: $id, reden: "Lukt niet") { id status } }', existing: (f) => f.hulpvraagOpen },
  { field: 'Mutation.hulpvraagOpschalen (id)', as: 'vol-coordinator of solidair-friesland', unrelated: 'open hulpvraag of V-O-L', caller: () => SOLIDAIR,
    query: 'mutation($id: ID!) { hulpvraagOpschalen(id: $id, reden: "Professional nodig") { id status } }', existing: (f) => f.hulpvraagOpen },
  { field: 'Mutation.hulpvraagOpschalen (id)', as: 'vol-coordinator', unrelated: G2_ORG, caller: () => VOL,
    query: 'mutation($id: ID!) { hulpvraagOpschalen(id: $id, reden: "Professional nodig") { id status } }', existing: (f) => f.hulpvraagG2 },
  { field: 'Mutation.toestemmingVastleggen (inwoner)', as: 'inwoner', unrelated: 'another resident', caller: ZELF,
    query: 'mutation($id: ID!) { toestemmingVastleggen(inwoner: $id, organisatie: "vol") { id } }',
    existing: (f) => f.toestemmingVolInwoner, residents: (f) => [f.toestemmingVolInwoner] },
  { field: 'Mutation.toestemmingVastleggen (inwoner)', as: 'vol-coordinator', unrelated: G2_ORG, caller: () => VOL,
    query: 'mutation($id: ID!) { toestemmingVastleggen(inwoner: $id) { id } }', existing: (f) => f.residentG2, residents: (f) => [f.residentG2] },
  { field: 'Mutation.toestemmingIntrekken (id)', as: 'vol-coordinator of solidair-friesland', unrelated: 'consent to V-O-L', caller: () => SOLIDAIR,
    query: 'mutation($id: ID!) { toestemmingIntrekken(id: $id) { id ingetrokkenOp } }', existing: (f) => f.toestemmingVol,
    residents: (f) => [f.toestemmingVolInwoner] },
  { field: 'Mutation.toestemmingIntrekken (id)', as: 'inwoner', unrelated: "another resident's consent", caller: ZELF,
    query: 'mutation($id: ID!) { toestemmingIntrekken(id: $id) { id ingetrokkenOp } }', existing: (f) => f.toestemmingVol,
    residents: (f) => [f.toestemmingVolInwoner] },
  { field: 'Mutation.toestemmingIntrekken (id)', as: 'vol-coordinator', unrelated: G2_ORG, caller: () => VOL,
    query: 'mutation($id: ID!) { toestemmingIntrekken(id: $id) { id ingetrokkenOp } }', existing: (f) => f.toestemmingG2 },

  // ---- basisondersteuning
  { field: 'Query.wijk (code)', as: 'gemeente-beleid', unrelated: G2_ORG, caller: () => ({ rol: 'gemeente-beleid' }),
    query: 'query($id: ID!) { wijk(code: $id) { code naam } }', existing: (f) => f.wijkG2 },
  { field: 'Query.inwoner (id)', as: 'gemeente-consulent', unrelated: G2_ORG, caller: () => CONSULENT,
    query: 'query($id: ID!) { inwoner(id: $id) { id bsn voornaam achternaam } }', existing: (f) => f.residentG2, residents: (f) => [f.residentG2] },
  { field: 'Query.inwoner (id)', as: 'basis-medewerker', unrelated: 'resident without basis support', caller: () => BASIS,
    query: 'query($id: ID!) { inwoner(id: $id) { id voornaam achternaam } }', existing: (f) => f.buitenBasis, residents: (f) => [f.buitenBasis] },
  { field: 'Query.inwoner (id)', as: 'aanbieder-medewerker', unrelated: 'resident of an ungranted verzoek', caller: () => W058,
    query: 'query($id: ID!) { inwoner(id: $id) { id voornaam toewijzingen { id status } } }', existing: (f) => f.twVerzoek.inwoner },
  { field: 'Query.inwoner (id)', as: 'hh-medewerker', unrelated: "M.I.E.P.'s client", caller: () => THFL,
    query: 'query($id: ID!) { inwoner(id: $id) { id voornaam huishoudelijkeHulp { id } } }', existing: (f) => f.miepClient, residents: (f) => [f.miepClient] },
  { field: 'Query.inwoner (id)', as: 'inwoner', unrelated: 'another resident', caller: ZELF,
    query: 'query($id: ID!) { inwoner(id: $id) { id voornaam } }', existing: (f) => f.buitenBasis, residents: (f) => [f.buitenBasis] },
  { field: 'Query.inwoner (id)', as: 'vol-coordinator of solidair-friesland', unrelated: 'resident who consented to V-O-L only', caller: () => SOLIDAIR,
    query: 'query($id: ID!) { inwoner(id: $id) { id voornaam } }', existing: (f) => f.toestemmingVolInwoner, residents: (f) => [f.toestemmingVolInwoner] },
  { field: 'Mutation.ondersteuningRegistreren (input.inwoner)', as: 'basis-medewerker', unrelated: G2_ORG, caller: () => BASIS,
    query: 'mutation($id: ID!) { ondersteuningRegistreren(input: { inwoner: $id, soort: TO1, startdatum: "2026-01-01" }) { id } }',
    existing: (f) => f.residentG2, residents: (f) => [f.residentG2] },
  { field: 'Mutation.ondersteuningBeeindigen (id)', as: 'basis-medewerker', unrelated: G2_ORG, caller: () => BASIS,
    query: 'mutation($id: ID!) { ondersteuningBeeindigen(id: $id, einddatum: "2099-01-01") { id } }', existing: (f) => f.ondersteuningG2 },
  { field: 'Mutation.contactmomentRegistreren (inwoner)', as: 'basis-medewerker', unrelated: 'resident without basis support', caller: () => BASIS,
    query: 'mutation($id: ID!) { contactmomentRegistreren(inwoner: $id, soort: PERSPECTIEFGESPREK, datum: "2025-01-01") { id } }',
    existing: (f) => f.buitenBasis, residents: (f) => [f.buitenBasis] },
  { field: 'Mutation.contactmomentRegistreren (inwoner, INTAKE)', as: 'basis-medewerker', unrelated: G2_ORG, caller: () => BASIS,
    query: 'mutation($id: ID!) { contactmomentRegistreren(inwoner: $id, soort: INTAKE, datum: "2025-01-01") { id } }',
    existing: (f) => f.residentG2, residents: (f) => [f.residentG2] },
  { field: 'Mutation.verwijzen (input.inwoner)', as: 'basis-medewerker', unrelated: 'resident without basis support', caller: () => BASIS,
    query: 'mutation($id: ID!) { verwijzen(input: { inwoner: $id, product: TO4, criteria: [TO_EXPERTISE], ingangsdatum: "2027-01-01", volume: 2, eenheid: "04", frequentie: "2" }) { id } }',
    existing: (f) => f.buitenBasis, residents: (f) => [f.buitenBasis] },
  { field: 'Mutation.beschikkingAanvragen (inwoner)', as: 'basis-medewerker', unrelated: 'resident without basis support', caller: () => BASIS,
    query: 'mutation($id: ID!) { beschikkingAanvragen(inwoner: $id) { id } }', existing: (f) => f.buitenBasis, residents: (f) => [f.buitenBasis] },
  { field: 'Mutation.beschikkingAanvragen (inwoner)', as: 'inwoner', unrelated: 'another resident', caller: ZELF,
    query: 'mutation($id: ID!) { beschikkingAanvragen(inwoner: $id) { id } }', existing: (f) => f.buitenBasis, residents: (f) => [f.buitenBasis] },
  { field: 'Mutation.zwaarwegendAdviesGeven (id)', as: 'basis-medewerker', unrelated: 'aanvraag of a resident without basis support', caller: () => BASIS,
    query: 'mutation($id: ID!) { zwaarwegendAdviesGeven(id: $id, advies: TOEKENNEN) { id status } }', existing: (f) => f.aanvraagBuiten,
    residents: (f) => [f.buitenBasis] },
  { field: 'Mutation.beschikkingBesluiten (id)', as: 'gemeente-consulent', unrelated: G2_ORG, caller: () => CONSULENT,
    query: 'mutation($id: ID!) { beschikkingBesluiten(id: $id, besluit: TOEGEKEND, gronden: "Getoetst aan de verordening", datum: "2025-06-01") { id status } }',
    existing: (f) => f.aanvraagG2 },
  { field: 'Mutation.bezwaarRegistreren (id)', as: 'inwoner', unrelated: "another resident's aanvraag", caller: ZELF,
    query: 'mutation($id: ID!) { bezwaarRegistreren(id: $id, datum: "2025-06-01") { id status } }', existing: (f) => f.aanvraagBuiten,
    residents: (f) => [f.buitenBasis] },
  { field: 'Mutation.bezwaarRegistreren (id)', as: 'gemeente-consulent', unrelated: G2_ORG, caller: () => CONSULENT,
    query: 'mutation($id: ID!) { bezwaarRegistreren(id: $id, datum: "2025-06-01") { id status } }', existing: (f) => f.aanvraagG2 },
  { field: 'Mutation.signaalRegistreren (inwoner)', as: 'basis-medewerker as regievoerder gm0080-rv-1', unrelated: "member of rv-2's household",
    caller: () => ({ ...BASIS, sub: 'gm0080-rv-1' }),
    query: 'mutation($id: ID!) { signaalRegistreren(inwoner: $id, soort: VERWIJSINDEX, datum: "2025-01-01") { id } }',
    existing: (f) => f.anderRegievoerder, residents: (f) => [f.anderRegievoerder] },
  { field: 'Mutation.planOpstellen (huishouden)', as: 'basis-medewerker', unrelated: 'household without a member in reach', caller: () => BASIS,
    query: 'mutation($id: ID!) { planOpstellen(huishouden: $id, regievoerder: "gm0080-rv-1") { id } }', existing: (f) => f.huishoudenBuiten },
  { field: 'Mutation.planOpstellen (regievoerder)', as: 'basis-medewerker', unrelated: G2_ORG, caller: () => BASIS,
    query: 'mutation($id: ID!, $h: ID!) { planOpstellen(huishouden: $h, regievoerder: $id) { id } }', existing: () => 'gm0088-rv-1',
    vars: (f) => ({ h: f.huishoudenBinnen }) },
  { field: 'Mutation.doelToevoegen (plan)', as: 'basis-medewerker', unrelated: 'plan of a household out of reach', caller: () => BASIS,
    query: 'mutation($id: ID!) { doelToevoegen(plan: $id, omschrijving: "Zelf koken") { id } }', existing: (f) => f.planBuiten },
  { field: 'Mutation.doelToevoegen (plan)', as: 'basis-medewerker', unrelated: G2_ORG, caller: () => BASIS,
    query: 'mutation($id: ID!) { doelToevoegen(plan: $id, omschrijving: "Zelf koken") { id } }', existing: (f) => f.planG2 },
  { field: 'Mutation.doelAfsluiten (id)', as: 'basis-medewerker', unrelated: 'goal of a household out of reach', caller: () => BASIS,
    query: 'mutation($id: ID!) { doelAfsluiten(id: $id, status: BEREIKT) { id status } }', existing: (f) => f.doelBuiten },
  { field: 'Mutation.doelAfsluiten (id)', as: 'basis-medewerker', unrelated: G2_ORG, caller: () => BASIS,
    query: 'mutation($id: ID!) { doelAfsluiten(id: $id, status: BEREIKT) { id status } }', existing: (f) => f.doelG2 },

  // ---- aanvullende ondersteuning
  { field: 'Mutation.toewijzingToekennen (toewijzing)', as: 'gemeente-consulent', unrelated: G2_ORG, caller: () => CONSULENT,
    query: 'mutation($id: ID!) { toewijzingToekennen(berichtId: "leak-301", toewijzing: $id, input: { ingangsdatum: "2027-01-01", volume: 2, eenheid: "04", frequentie: "2" }) { id status } }',
    existing: (f) => f.twG2.id, residents: (f) => [f.twG2.inwoner] },
  { field: 'Mutation.verzoekAfwijzen (toewijzing)', as: 'gemeente-consulent', unrelated: G2_ORG, caller: () => CONSULENT,
    query: 'mutation($id: ID!) { verzoekAfwijzen(berichtId: "leak-319", toewijzing: $id, reden: "Past in de basis") { id status } }',
    existing: (f) => f.twG2.id },
  { field: 'Mutation.toewijzingWijzigen (toewijzing)', as: 'gemeente-consulent', unrelated: G2_ORG, caller: () => CONSULENT,
    query: 'mutation($id: ID!) { toewijzingWijzigen(berichtId: "leak-317", toewijzing: $id, input: { redenWijziging: "04", volume: 3 }) { id status } }',
    existing: (f) => f.twG2.id },
  { field: 'Mutation.toewijzingLatenVervallen (toewijzing)', as: 'gemeente-consulent', unrelated: G2_ORG, caller: () => CONSULENT,
    query: 'mutation($id: ID!) { toewijzingLatenVervallen(berichtId: "leak-vv", toewijzing: $id, reden: "Nooit gestart") { id status } }',
    existing: (f) => f.twG2.id },
  { field: 'Mutation.startbericht (toewijzing)', as: 'aanbieder-medewerker (hoofdaanbieder)', unrelated: 'its ungranted verzoek (not visible to it)', caller: () => W058,
    query: 'mutation($id: ID!) { startbericht(berichtId: "leak-305-v", toewijzing: $id, begindatum: "2027-01-08") { id status } }',
    existing: (f) => f.twVerzoek.id },
  { field: 'Mutation.startbericht (toewijzing)', as: 'aanbieder-medewerker (hoofdaanbieder)', unrelated: 'its refused verzoek (AFGEWEZEN, not visible to it)', caller: () => W058,
    query: 'mutation($id: ID!) { startbericht(berichtId: "leak-305-a", toewijzing: $id, begindatum: "2027-01-08") { id status } }',
    existing: (f) => f.twAfgewezen.id, residents: (f) => [f.twAfgewezen.inwoner] },
  { field: 'Mutation.startbericht (toewijzing)', as: 'aanbieder-medewerker (oa-ggz)', unrelated: 'toewijzing handed to oa-agressie', caller: () => OA_GGZ,
    query: 'mutation($id: ID!) { startbericht(berichtId: "leak-305-o", toewijzing: $id, begindatum: "2027-01-08") { id status } }',
    existing: (f) => f.twGestartAgressie.id, residents: (f) => [f.twGestartAgressie.inwoner] },
  { field: 'Mutation.startbericht (toewijzing, replayed berichtId)', as: 'aanbieder-medewerker (oa-ggz)', unrelated: "windkracht058's stored start message, sent again",
    caller: () => OA_GGZ,
    query: 'mutation($id: ID!, $d: Datum!) { startbericht(berichtId: "leak-305", toewijzing: $id, begindatum: $d) { id status begindatum omvang { volume } } }',
    existing: (f) => f.twGestartAgressie.id, vars: (f) => ({ d: f.twGestartAgressie.begindatum }), residents: (f) => [f.twGestartAgressie.inwoner] },
  { field: 'Mutation.startbericht (toewijzing)', as: 'aanbieder-medewerker', unrelated: G2_ORG, caller: () => W058,
    query: 'mutation($id: ID!) { startbericht(berichtId: "leak-305-g", toewijzing: $id, begindatum: "2027-01-08") { id status } }',
    existing: (f) => f.twG2.id },
  { field: 'Mutation.stopbericht (toewijzing)', as: 'aanbieder-medewerker (hoofdaanbieder)', unrelated: 'its ungranted verzoek (not visible to it)', caller: () => W058,
    query: 'mutation($id: ID!) { stopbericht(berichtId: "leak-307-v", toewijzing: $id, stopdatum: "2027-06-30", redenBeeindiging: "19") { id status } }',
    existing: (f) => f.twVerzoek.id },
  { field: 'Mutation.stopbericht (toewijzing)', as: 'aanbieder-medewerker (oa-ggz)', unrelated: 'toewijzing handed to oa-agressie', caller: () => OA_GGZ,
    query: 'mutation($id: ID!) { stopbericht(berichtId: "leak-307-o", toewijzing: $id, stopdatum: "2027-06-30", redenBeeindiging: "19") { id status } }',
    existing: (f) => f.twGestartAgressie.id },
  { field: 'Mutation.toewijzingDoorgeven (toewijzing)', as: 'aanbieder-medewerker (hoofdaanbieder)', unrelated: 'its ungranted verzoek (not visible to it)', caller: () => W058,
    query: 'mutation($id: ID!) { toewijzingDoorgeven(toewijzing: $id, onderaannemer: "oa-dementie") { id status onderaannemer { id } } }',
    existing: (f) => f.twVerzoek.id },
  { field: 'Mutation.toewijzingDoorgeven (toewijzing)', as: 'aanbieder-medewerker (oa-ggz)', unrelated: 'toewijzing handed to oa-agressie', caller: () => OA_GGZ,
    query: 'mutation($id: ID!) { toewijzingDoorgeven(toewijzing: $id, onderaannemer: "oa-dementie") { id status } }',
    existing: (f) => f.twGestartAgressie.id },
  { field: 'Mutation.toewijzingDoorgeven (toewijzing)', as: 'aanbieder-medewerker', unrelated: G2_ORG, caller: () => W058,
    query: 'mutation($id: ID!) { toewijzingDoorgeven(toewijzing: $id, onderaannemer: "oa-dementie") { id status } }',
    existing: (f) => f.twG2.id },
  { field: 'Mutation.iwmoBerichtVerwerken (WMO305 toewijzingNummer)', as: 'aanbieder-medewerker (hoofdaanbieder)', unrelated: 'its ungranted verzoek (not visible to it)',
    caller: () => W058, query: wmo305, existing: (f) => f.twVerzoek.nummer, vars: () => ({ d: today() }) },
  { field: 'Mutation.iwmoBerichtVerwerken (WMO305 toewijzingNummer)', as: 'aanbieder-medewerker (oa-ggz)', unrelated: 'toewijzing handed to oa-agressie',
    caller: () => OA_GGZ, query: wmo305, existing: (f) => f.twGestartAgressie.nummer, vars: () => ({ d: today() }) },
  { field: 'Mutation.iwmoBerichtVerwerken (WMO301 toewijzingNummer)', as: 'gemeente-consulent', unrelated: G2_ORG,
    caller: () => CONSULENT, query: wmo301, existing: (f) => f.twG2Nummer, vars: () => ({ d: today() }) },

  // ---- huishoudelijke hulp
  { field: 'Query.hhOverdracht (id)', as: 'gemeente-consulent', unrelated: G2_ORG, caller: () => ({ ...CONSULENT, gemeente: G2 }),
    query: 'query($id: ID!) { hhOverdracht(id: $id) { id regels { inwoner { id } } } }', existing: (f) => f.overdracht },
  { field: 'Query.hhOverdracht (id)', as: 'gemeente-contractmanager', unrelated: G2_ORG, caller: () => ({ ...CONTRACT, gemeente: G2 }),
    query: 'query($id: ID!) { hhOverdracht(id: $id) { id overgezet { waarde } } }', existing: (f) => f.overdracht },
  { field: 'Query.hhOverdracht (id)', as: 'hh-medewerker', unrelated: G2_ORG, caller: () => ({ rol: 'hh-medewerker', organisatie: 'gm0088-thfl', gemeente: G2 }),
    query: 'query($id: ID!) { hhOverdracht(id: $id) { id } }', existing: (f) => f.overdracht },
  { field: 'Mutation.hhAanvraagIndienen (inwoner)', as: 'gemeente-consulent', unrelated: G2_ORG, caller: () => CONSULENT,
    query: 'mutation($id: ID!) { hhAanvraagIndienen(inwoner: $id, voorkeurAanbieder: "nope") { id } }', existing: (f) => f.residentG2,
    residents: (f) => [f.residentG2] },
  { field: 'Mutation.hhAanvraagIndienen (inwoner)', as: 'basis-medewerker', unrelated: 'resident without basis support', caller: () => BASIS,
    query: 'mutation($id: ID!) { hhAanvraagIndienen(inwoner: $id, voorkeurAanbieder: "nope") { id } }', existing: (f) => f.buitenBasis,
    residents: (f) => [f.buitenBasis] },
  { field: 'Mutation.hhAanvraagIndienen (inwoner)', as: 'inwoner', unrelated: 'another resident', caller: ZELF,
    query: 'mutation($id: ID!) { hhAanvraagIndienen(inwoner: $id, voorkeurAanbieder: "nope") { id } }', existing: (f) => f.miepClient,
    residents: (f) => [f.miepClient] },
  { field: 'Mutation.hhAanvraagIntrekken (id)', as: 'inwoner', unrelated: "another resident's aanvraag", caller: ZELF,
    query: 'mutation($id: ID!) { hhAanvraagIntrekken(id: $id) { id status } }', existing: (f) => f.hhAanvraagThfl.id,
    residents: (f) => [f.hhAanvraagThfl.inwoner] },
  { field: 'Mutation.hhAanvraagIntrekken (id)', as: 'gemeente-consulent', unrelated: G2_ORG, caller: () => CONSULENT,
    query: 'mutation($id: ID!) { hhAanvraagIntrekken(id: $id) { id status } }', existing: (f) => f.hhAanvraagG2 },
  { field: 'Mutation.hhIndicatieVaststellen (aanvraag)', as: 'hh-medewerker (M.I.E.P.)', unrelated: "THFL's aanvraag", caller: () => MIEP,
    query: `mutation($id: ID!) { hhIndicatieVaststellen(aanvraag: $id, input: { startdatum: "${today()}", huishoudgrootte: 1, taken: [{ activiteit: "ZWAAR_POETSEN", mate: VOLLEDIG }] }) { id } }`,
    existing: (f) => f.hhAanvraagThfl.id, residents: (f) => [f.hhAanvraagThfl.inwoner] },
  { field: 'Mutation.hhIndicatieVaststellen (aanvraag)', as: 'gemeente-consulent', unrelated: G2_ORG, caller: () => CONSULENT,
    query: `mutation($id: ID!) { hhIndicatieVaststellen(aanvraag: $id, input: { startdatum: "${today()}", huishoudgrootte: 1, taken: [{ activiteit: "ZWAAR_POETSEN", mate: VOLLEDIG }] }) { id } }`,
    existing: (f) => f.hhAanvraagG2 },
  { field: 'Mutation.hhKoppelen (inwoner)', as: 'hh-medewerker (THFL)', unrelated: "M.I.E.P.'s client", caller: () => THFL,
    query: `mutation($id: ID!) { hhKoppelen(inwoner: $id, hulp: "gm0080-hulp-thfl-1", per: "${today()}") { id } }`, existing: (f) => f.miepClient,
    residents: (f) => [f.miepClient] },
  { field: 'Mutation.hhKoppelen (hulp)', as: 'hh-medewerker (THFL)', unrelated: "M.I.E.P.'s helper", caller: () => THFL,
    query: `mutation($id: ID!, $i: ID!) { hhKoppelen(inwoner: $i, hulp: $id, per: "${today()}") { id } }`, existing: (f) => f.miepHulp,
    vars: (f) => ({ i: f.thflClient }), residents: (f) => [f.thflClient] },
  { field: 'Mutation.hhKoppelen (hulp)', as: 'hh-medewerker (THFL)', unrelated: G2_ORG, caller: () => THFL,
    query: `mutation($id: ID!, $i: ID!) { hhKoppelen(inwoner: $i, hulp: $id, per: "${today()}") { id } }`, existing: (f) => f.hulpG2,
    vars: (f) => ({ i: f.thflClient }) },
  { field: 'Mutation.hhCapaciteitVastleggen (aanbieder)', as: 'gemeente-contractmanager', unrelated: G2_ORG, caller: () => CONTRACT,
    query: 'mutation($id: ID!) { hhCapaciteitVastleggen(aanbieder: $id, maxClienten: 10) { maxClienten } }', existing: (f) => f.organisatieG2 },
  { field: 'Mutation.hhPersoneelOverdragen (hulpen)', as: 'gemeente-contractmanager', unrelated: "M.I.E.P.'s helper (not at van)", caller: () => CONTRACT,
    query: `mutation($id: ID!) { hhPersoneelOverdragen(van: "thfl", naar: "miep", hulpen: [$id], per: "${today()}") { id } }`, existing: (f) => f.miepHulp },
  { field: 'Mutation.hhPersoneelOverdragen (hulpen)', as: 'gemeente-contractmanager', unrelated: G2_ORG, caller: () => CONTRACT,
    query: `mutation($id: ID!) { hhPersoneelOverdragen(van: "thfl", naar: "miep", hulpen: [$id], per: "${today()}") { id } }`, existing: (f) => f.hulpG2 },
  { field: 'Mutation.hhPersoneelOverdragen (blijvenBijAanbieder)', as: 'gemeente-contractmanager', unrelated: "M.I.E.P.'s client (not a client of these helpers)",
    caller: () => CONTRACT,
    query: `mutation($id: ID!) { hhPersoneelOverdragen(van: "thfl", naar: "miep", hulpen: ["gm0080-hulp-thfl-1"], per: "${today()}", blijvenBijAanbieder: [$id]) { id } }`,
    existing: (f) => f.miepClient, residents: (f) => [f.miepClient] },
  { field: 'Mutation.hhClientenPlaatsen (van)', as: 'gemeente-consulent', unrelated: G2_ORG, caller: () => CONSULENT,
    query: `mutation($id: ID!) { hhClientenPlaatsen(van: $id, per: "${today()}") { id } }`, existing: (f) => f.organisatieG2 },

  // ---- financien
  { field: 'Query.organisatie (id)', as: 'partner-systeem', unrelated: G2_ORG, caller: () => ({ rol: 'partner-systeem', organisatie: 'windkracht058' }),
    query: 'query($id: ID!) { organisatie(id: $id) { id naam } }', existing: (f) => f.organisatieG2 },
  { field: 'Mutation.contractRegistreren (input.organisatie)', as: 'gemeente-contractmanager', unrelated: G2_ORG, caller: () => CONTRACT,
    query: 'mutation($id: ID!) { contractRegistreren(input: { organisatie: $id, perceel: HULP_BIJ_HET_HUISHOUDEN, rol: HOOFDAANBIEDER, ingangsdatum: "2040-01-01" }) { id } }',
    existing: (f) => f.organisatieG2 },
  { field: 'Mutation.herverdelingAanvragen (input.naar)', as: 'aanbieder-medewerker', unrelated: G2_ORG, caller: () => W058,
    query: 'mutation($id: ID!) { herverdelingAanvragen(input: { jaar: 2025, van: "windkracht058", naar: $id, bedrag: "100", motivering: "Meer cliënten in de basis" }) { id } }',
    existing: () => 'gm0088-amaryllis' },
  { field: 'Mutation.herverdelingGoedkeuren (id)', as: 'hh-medewerker (THFL)', unrelated: 'herverdeling between windkracht058 and amaryllis', caller: () => THFL,
    query: 'mutation($id: ID!) { herverdelingGoedkeuren(id: $id) { id status } }', existing: (f) => f.herverdeling },
  { field: 'Mutation.herverdelingGoedkeuren (id)', as: 'basis-medewerker', unrelated: G2_ORG, caller: () => BASIS,
    query: 'mutation($id: ID!) { herverdelingGoedkeuren(id: $id) { id status } }', existing: (f) => f.herverdelingG2 },
  { field: 'Mutation.herverdelingBesluiten (id)', as: 'gemeente-contractmanager', unrelated: G2_ORG, caller: () => CONTRACT,
    query: 'mutation($id: ID!) { herverdelingBesluiten(id: $id, besluit: AFWIJZEN, motivering: "Geen onderbouwing") { id status } }',
    existing: (f) => f.herverdelingG2 },
  { field: 'Mutation.besparingVastleggen (maatregel)', as: 'gemeente-contractmanager', unrelated: G2_ORG, caller: () => CONTRACT,
    query: 'mutation($id: ID!) { besparingVastleggen(maatregel: $id, jaar: 2025, bedrag: "100", toelichting: "Test") { jaar } }',
    existing: (f) => f.maatregelG2 },
];

// ---------------------------------------------------------------------------------------

const tokens = new Map<string, Promise<string>>();
function tokenFor(c: Caller): Promise<string> {
  const key = JSON.stringify(c);
  if (!tokens.has(key)) tokens.set(key, stack.token(c));
  return tokens.get(key)!;
}

/** The response with every occurrence of the probed id replaced by <id>. */
function normalised(res: GraphQLResponse, probed: string): unknown {
  return { status: res.status, body: JSON.parse(JSON.stringify(res.body).replaceAll(probed, '<id>')) };
}

interface Persoon { id: string; bsn: string | null; voornaam: string; achternaam: string; geboortedatum: string; straat: string; postcode: string }
async function personen(ids: string[]): Promise<Persoon[]> {
  const list = [...new Set(ids.filter(Boolean))];
  if (list.length === 0) return [];
  return stack.rows<Persoon>(sql`select id, bsn, voornaam, achternaam, geboortedatum::text as geboortedatum, straat, postcode
    from basisondersteuning.inwoner where id in ${sql.raw(`(${list.map((i) => `'${i.replaceAll("'", "''")}'`).join(', ')})`)}`);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The personal data of these residents that occurs in `text` (names as whole words). */
function personalDataIn(text: string, people: Persoon[]): string[] {
  const found: string[] = [];
  for (const p of people) {
    for (const [what, value] of [['bsn', p.bsn], ['geboortedatum', p.geboortedatum], ['postcode', p.postcode]] as const) {
      if (value && text.includes(value)) found.push(`${what} of ${p.id}`);
    }
    for (const [what, value] of [['voornaam', p.voornaam], ['achternaam', p.achternaam], ['straat', p.straat]] as const) {
      if (new RegExp(`\\b${escape(value)}\\b`).test(text)) found.push(`${what} of ${p.id}`);
    }
  }
  return found;
}

const seen: string[] = [];

describe('an object out of reach answers as an object that does not exist', () => {
  it.each(PROBES.map((p) => [`${p.field} as ${p.as}: ${p.unrelated}`, p] as const))('%s', async (_name, probe) => {
    const token = await tokenFor(probe.caller(fx));
    const existing = probe.existing(fx);
    expect(existing, 'fixture').toBeTruthy();
    const send = (value: string) => stack.query(probe.query, { token, variables: { ...probe.vars?.(fx), id: value } });
    const missing = await send(MISSING);
    const unrelated = await send(existing);
    seen.push(JSON.stringify(missing.body), JSON.stringify(unrelated.body));

    // The caller may use the field: not refused by role.
    expect(missing.body.errors?.map((e) => e.extensions?.code) ?? []).not.toContain('INTERNAL_SERVER_ERROR');
    expect(normalised(unrelated, existing), `${probe.field}: the response reveals the object`).toEqual(normalised(missing, MISSING));

    const people = await personen([fx.fixture, ...(probe.residents?.(fx) ?? [])]);
    expect(personalDataIn(JSON.stringify(unrelated.body), people)).toEqual([]);
  });
});

describe('no personal data leaves through errors or logs', () => {
  it('a conflict on a related aanvraag does not name another provider\'s indicatie', async () => {
    // A resident with an indicatie at M.I.E.P. that starts in a month files a new aanvraag
    // that the intake gives to THFL; THFL's indicatie would overlap M.I.E.P.'s.
    const [r] = await stack.rows<{ id: string }>(sql`select id from basisondersteuning.inwoner i where gemeente_code = 'GM0080'
      and not exists (select 1 from huishoudelijke_hulp.indicatie x where x.inwoner_id = i.id)
      and not exists (select 1 from huishoudelijke_hulp.aanvraag a where a.inwoner_id = i.id) order by id limit 1`);
    const consulent = await tokenFor(CONSULENT);
    const later = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const indicatie = async (org: Caller, startdatum: string) => {
      const aanvraag = await stack.query('mutation($id: ID!, $v: ID!) { hhAanvraagIndienen(inwoner: $id, voorkeurAanbieder: $v) { id status } }',
        { token: consulent, variables: { id: r!.id, v: org.organisatie } });
      expect(aanvraag.body.data?.hhAanvraagIndienen.status, JSON.stringify(aanvraag.body)).toBe('TOEGEWEZEN');
      return stack.query('mutation($id: ID!, $d: Datum!) { hhIndicatieVaststellen(aanvraag: $id, input: { startdatum: $d, huishoudgrootte: 1, taken: [{ activiteit: "ZWAAR_POETSEN", mate: VOLLEDIG }] }) { id startdatum } }',
        { token: await tokenFor(org), variables: { id: aanvraag.body.data!.hhAanvraagIndienen.id, d: startdatum } });
    };
    expect((await indicatie(MIEP, later)).body.errors).toBeUndefined();
    const refused = await indicatie(THFL, today());
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    seen.push(JSON.stringify(refused.body));
    expect(JSON.stringify(refused.body)).not.toContain(later);
  });

  it('no response and no log line holds personal data of the residents probed', async () => {
    const ids = [fx.fixture, fx.buitenBasis, fx.residentG2, fx.miepClient, fx.thflClient, fx.toestemmingVolInwoner, fx.anderRegievoerder,
      fx.twAfgewezen.inwoner, fx.twGestartAgressie.inwoner, fx.twG2.inwoner, fx.hhAanvraagThfl.inwoner];
    const people = await personen(ids);
    expect(people.length).toBeGreaterThan(5);
    expect(personalDataIn(seen.join('\n'), people)).toEqual([]);
    // The capture works: every request leaves a log line (trace id, status; never a body).
    expect(logLines.some((l) => l.includes('"msg":"request"'))).toBe(true);
    expect(personalDataIn(logLines.join('\n'), people)).toEqual([]);
  });
});
