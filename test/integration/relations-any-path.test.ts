/**
 * Provider A never sees provider B's clients, through any path.
 *
 * For each pair (aanbieder-medewerker of the hoofdaanbieder vs the residents of another
 * hoofdaanbieder; an onderaannemer vs the residents of its hoofdaanbieder not handed to it;
 * THFL vs M.I.E.P. and back; a V-O-L coordinator and a volunteer vs residents without
 * consent or match; a basis-medewerker who is not a regievoerder vs a resident without
 * basis support of its organisation) the same resident is asked for along every path:
 * root fields (with variables, literals, aliases, named and inline fragments and
 * __typename), list root fields that return personal rows (iWmo inbox, HH aanvragen,
 * hulpvragen, perspectiefgesprekken, CAK file), the Wijk and Organisatie entities, and
 * `_entities` sent straight to every subgraph with a valid internal token. A leak is any
 * personal value of the resident (name, address, birth date, BSN, the ids of its rows,
 * toewijzing or indicatie fields); a null, with or without FORBIDDEN, is fine. Every probe
 * also asks for a resident the caller does have a relation with, so no test passes by
 * returning nothing.
 *
 * The seed has one hoofdaanbieder for aanvullende ondersteuning (Windkracht058); a second,
 * fictitious one ("hoofdaanbieder-b") with a few toewijzingen is added to this file's
 * database so the A/B case exists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rol } from '../../subgraphs/shared/roles';
import type { SubgraphName } from '../../subgraphs/list';
import { today } from '../../subgraphs/shared/scalars';
import { bootStack, sql, type GraphQLResponse, type Stack } from '../support/stack';

type Body = GraphQLResponse['body'];
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

let stack: Stack;

const WK = 'windkracht058';
const HOOFD_B = 'hoofdaanbieder-b';

/** A resident and every value that identifies it or one of its rows. */
interface Resident {
  id: string;
  bsn: string | null;
  voornaam: string;
  achternaam: string;
  geboortedatum: string;
  postcode: string;
  huisnummer: string;
  wijk: string;
  gebied: string;
  /**
   * The resident id, BSN and the ids/numbers of all its rows in every pillar. Not the ids of
   * its hulpvragen: a hulpvraag is shown anonymously (wijk and soort) by design; there the
   * leak would be its `inwoner`, which the id and name checks catch.
   */
  secrets: string[];
  toewijzingNummers: string[];
}

async function one<T>(label: string, q: ReturnType<typeof sql>): Promise<T> {
  const [row] = await stack.rows<T>(q);
  if (!row) throw new Error(`fixture not found in seed data: ${label}`);
  return row;
}

async function resident(id: string): Promise<Resident> {
  const r = await one<Record<string, string | null>>(`resident ${id}`, sql`select i.id, i.bsn, i.voornaam, i.achternaam, i.geboortedatum::text as geboortedatum,
      i.postcode, i.huisnummer, i.wijk_code, w.gebied,
      concat_ws(' ',
        (select string_agg(t.id || ' ' || t.toewijzing_nummer, ' ') from aanvullende_ondersteuning.toewijzing t where t.inwoner_id = i.id),
        (select string_agg(b.bericht_id, ' ') from aanvullende_ondersteuning.bericht b join aanvullende_ondersteuning.toewijzing t on t.id = b.toewijzing_id where t.inwoner_id = i.id),
        (select string_agg(x.id, ' ') from huishoudelijke_hulp.indicatie x where x.inwoner_id = i.id),
        (select string_agg(x.id, ' ') from huishoudelijke_hulp.aanvraag x where x.inwoner_id = i.id),
        (select string_agg(x.id, ' ') from sociale_basis.toestemming x where x.inwoner_id = i.id),
        (select string_agg(x.id, ' ') from basisondersteuning.ondersteuning x where x.inwoner_id = i.id),
        (select string_agg(x.id, ' ') from basisondersteuning.contactmoment x where x.inwoner_id = i.id),
        (select string_agg(x.id, ' ') from basisondersteuning.lopende_beschikking x where x.inwoner_id = i.id),
        (select string_agg(x.id, ' ') from basisondersteuning.beschikking_aanvraag x where x.inwoner_id = i.id),
        (select string_agg(x.id, ' ') from basisondersteuning.signaal x where x.inwoner_id = i.id),
        (select string_agg(x.id, ' ') from basisondersteuning.verwijzing x where x.inwoner_id = i.id)
      ) as rows,
      (select string_agg(t.toewijzing_nummer, ' ') from aanvullende_ondersteuning.toewijzing t where t.inwoner_id = i.id) as nummers
    from basisondersteuning.inwoner i join basisondersteuning.wijk w on w.code = i.wijk_code where i.id = ${id}`);
  const rows = (r.rows ?? '').split(' ').filter(Boolean);
  return {
    id: r.id!, bsn: r.bsn ?? null, voornaam: r.voornaam!, achternaam: r.achternaam!, geboortedatum: r.geboortedatum!,
    postcode: r.postcode!, huisnummer: r.huisnummer!, wijk: r.wijk_code!, gebied: r.gebied!,
    secrets: [r.id!, ...(r.bsn ? [r.bsn] : []), ...rows],
    toewijzingNummers: (r.nummers ?? '').split(' ').filter(Boolean),
  };
}

// ---------------------------------------------------------------------------------------
// Leak detection
// ---------------------------------------------------------------------------------------

function leaves(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'number') out.push(String(value));
  else if (Array.isArray(value)) value.forEach((v) => leaves(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => leaves(v, out));
  return out;
}

function objects(value: unknown, out: Array<Record<string, unknown>> = []): Array<Record<string, unknown>> {
  if (Array.isArray(value)) value.forEach((v) => objects(v, out));
  else if (value && typeof value === 'object') {
    out.push(value as Record<string, unknown>);
    Object.values(value).forEach((v) => objects(v, out));
  }
  return out;
}

/**
 * The identifying values of `r` found in a response: any data leaf equal to one of its ids
 * (or an iWmo identificatie derived from one, `<toewijzing>.<type>`), and any id quoted
 * in an error message.
 */
function traces(body: Body, r: Resident): string[] {
  const found = new Set<string>();
  for (const leaf of leaves(body.data)) {
    for (const s of r.secrets) if (leaf === s || leaf.startsWith(`${s}.`)) found.add(leaf);
  }
  const errors = JSON.stringify(body.errors ?? []);
  for (const s of r.secrets) if (errors.includes(s)) found.add(`error mentions ${s}`);
  return [...found];
}

/**
 * Objects in a subtree that hold the person itself: its BSN, or its birth date with its name;
 * with `strict` (a subtree about this one resident) also its name or its address alone. In
 * lists of other residents a name or an address may be shared (household, namesake).
 */
function person(value: unknown, r: Resident, strict = true): Array<Record<string, unknown>> {
  return objects(value).filter((o) => (r.bsn !== null && o.bsn === r.bsn)
    || (o.geboortedatum === r.geboortedatum && (o.voornaam === r.voornaam || o.achternaam === r.achternaam))
    || (strict && o.voornaam === r.voornaam && o.achternaam === r.achternaam)
    || (strict && o.postcode === r.postcode && o.huisnummer === r.huisnummer));
}

function expectNoLeak(body: Body, r: Resident, label: string) {
  expect(traces(body, r), `${label}: identifying values of ${r.id} in the response`).toEqual([]);
}

// ---------------------------------------------------------------------------------------
// Probes
// ---------------------------------------------------------------------------------------

/** Every Inwoner field of the supergraph, as deep as it leads to per-resident rows. */
const DOSSIER = `fragment Dossier on Inwoner {
  __typename id bsn voornaam achternaam geboortedatum adres { straat huisnummer postcode woonplaats } wijk { code naam } huishoudenId
  huishouden { id leden { id voornaam achternaam } plan { id opgesteldOp regievoerder { id naam } doelen { id omschrijving } afgesprokenOndersteuning { id soort } } }
  ondersteuningen { id soort startdatum einddatum organisatie { id } }
  contactmomenten { id soort datum } lopendeBeschikkingen { id product einddatum } verwijzingen { id product toewijzingId }
  beschikkingAanvragen { id status } signalen { id soort }
  toewijzingen { id toewijzingNummer product status ingangsdatum einddatum begindatum omvang { volume eenheid frequentie }
    aanbieder { id naam } onderaannemer { id naam }
    iwmoBerichten { berichtType header { berichtIdentificatie { identificatie } afzender ontvanger } inwoner { id } } }
  huishoudelijkeHulp { id minutenPerWeek startdatum einddatum aanbieder { id naam } vasteHulp { id } berekening { minutenPerWeek looptijdReden } }
  hulpvragen { id soort status }
  toestemmingen { id doel organisatie { id } gegevenOp }
}`;

/**
 * One request with the allowed and the denied resident side by side: aliases, a variable
 * and a literal, a named fragment, an inline fragment and __typename alone.
 */
function probeQuery(denied: string) {
  return `query Probe($ok: ID!, $no: ID!) {
    no: inwoner(id: $no) { ...Dossier }
    ok: inwoner(id: $ok) { ...Dossier }
    literal: inwoner(id: "${denied}") { __typename ... on Inwoner { id bsn voornaam achternaam geboortedatum adres { postcode huisnummer } toewijzingen { id } huishoudelijkeHulp { id } } }
    typename: inwoner(id: $no) { __typename }
    okAgain: inwoner(id: $ok) { ... on Inwoner { id } }
  }
  ${DOSSIER}`;
}

async function probeInwoner(token: string, ok: Resident, no: Resident, positive: (inwoner: Json) => void) {
  const res = await stack.query(probeQuery(no.id), { token, variables: { ok: ok.id, no: no.id } });
  expect(res.status).toBe(200);
  const data = res.body.data!;
  expect(data.no, 'inwoner(id: $no)').toBeNull();
  expect(data.literal, 'inwoner(id: "<literal>")').toBeNull();
  expect(data.typename, 'inwoner(id) { __typename }').toBeNull();
  expect(person([data.no, data.literal, data.typename], no)).toEqual([]);
  expectNoLeak(res.body, no, 'inwoner probe');
  // Positive: the same query, same fragment, for a resident within the relation.
  expect(data.ok?.id, 'inwoner(id: $ok)').toBe(ok.id);
  expect(data.okAgain).toEqual({ id: ok.id });
  positive(data.ok);
  return res;
}

/**
 * Inwoner fields per subgraph, for `_entities` sent directly (no id where the subgraph only
 * echoes the key). A subgraph not named here (one added later) gets `__typename` only.
 */
const ENTITY_SELECTION: Record<string, string> = {
  basisondersteuning: `__typename ... on Inwoner { id bsn voornaam achternaam geboortedatum adres { postcode huisnummer } wijk { code } huishoudenId
    huishouden { id leden { id voornaam } plan { id doelen { id } afgesprokenOndersteuning { id } } }
    ondersteuningen { id } contactmomenten { id } lopendeBeschikkingen { id } verwijzingen { id toewijzingId } beschikkingAanvragen { id } signalen { id } }`,
  'aanvullende-ondersteuning': `__typename ... on Inwoner { toewijzingen { id toewijzingNummer status product ingangsdatum omvang { volume } aanbieder { id } onderaannemer { id }
    iwmoBerichten { header { berichtIdentificatie { identificatie } } inwoner { id } toegewezenProduct { toewijzingNummer } } } }`,
  'huishoudelijke-hulp': `__typename ... on Inwoner { huishoudelijkeHulp { id minutenPerWeek startdatum einddatum aanbieder { id } vasteHulp { id } berekening { minutenPerWeek } } }`,
  'sociale-basis': `__typename ... on Inwoner { hulpvragen { id status } toestemmingen { id inwoner { id } organisatie { id } gegevenOp } }`,
  financien: `__typename`,
  // The processing log (a subgraph in the making): only the resident sees who processed its data.
  privacy: `__typename ... on Inwoner { verwerkingen { volgende verwerkingen { id naam rol organisatie { id } velden betrokkene } } }`,
};

/** Wijk and Organisatie fields per subgraph (aggregates and public data; nothing may point at a resident). */
const OTHER_ENTITIES: Record<string, string> = {
  basisondersteuning: `... on Wijk { code naam gebied clientenBasisondersteuning { waarde onderdrukt } }`,
  'aanvullende-ondersteuning': `... on Wijk { clientenAanvullendeOndersteuning { waarde onderdrukt } } ... on Organisatie { id actieveToewijzingen { waarde onderdrukt } }`,
  'huishoudelijke-hulp': `... on Wijk { clientenHuishoudelijkeHulp { waarde onderdrukt } } ... on Organisatie { id hhClienten { waarde onderdrukt } hhCapaciteit { maxClienten bezet { waarde onderdrukt } } }`,
  'sociale-basis': `... on Wijk { buurtkamers { id naam } openHulpvragen { waarde onderdrukt } weekprogramma { datum omschrijving gastheer { id } } } ... on Organisatie { samenwerkingen { rol kamer { id } } }`,
  financien: `... on Wijk { subsidieTotaal(jaar: 2025) { euro } } ... on Organisatie { id naam soort contracten { id } lumpsums(jaar: 2026) { id organisatie { id } } subsidies { id } }`,
};

/** Every subgraph the stack runs (the list grows: subgraphs/list.ts). */
const subgraphs = () => Object.keys(stack.platform.subgraphUrls) as SubgraphName[];

type Scope = { rol: Rol; organisatie?: string; sub?: string };

async function entities(subgraph: SubgraphName, scope: Scope, representations: unknown[], selection = '__typename', literal = false): Promise<Body> {
  const token = await stack.internalToken(subgraph, { organisatie: null, ...scope });
  const reps = JSON.stringify(representations).replace(/"(__typename|id|code|gebied)":/g, '$1:');
  const query = literal
    ? `{ _entities(representations: ${reps}) { ${selection} } }`
    : `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`;
  const res = await stack.post(stack.platform.subgraphUrls[subgraph], { query, variables: literal ? undefined : { r: representations } }, { authorization: `Bearer ${token}` });
  expect(res.status, `${subgraph} _entities`).toBe(200);
  return res.body;
}

/**
 * `_entities` straight to every subgraph, as the gateway would send it for this caller:
 * the denied resident twice around the allowed one (one DataLoader batch), with variables
 * and with a literal; then the denied resident's Wijk and the other provider's Organisatie.
 */
async function probeEntities(scope: Scope, ok: Resident, no: Resident, otherOrg: string, positive: Record<string, (entity: Json) => void>) {
  expect(subgraphs()).toEqual(expect.arrayContaining(['basisondersteuning', 'aanvullende-ondersteuning', 'huishoudelijke-hulp', 'sociale-basis', 'financien']));
  for (const subgraph of subgraphs()) {
    for (const literal of [false, true]) {
      const reps = [{ __typename: 'Inwoner', id: no.id }, { __typename: 'Inwoner', id: ok.id }, { __typename: 'Inwoner', id: no.id }];
      const body = await entities(subgraph, scope, reps, ENTITY_SELECTION[subgraph], literal);
      const label = `${subgraph} _entities (${literal ? 'literal' : 'variables'})`;
      expectNoLeak(body, no, label);
      const list = body.data?._entities as Json[] | undefined;
      expect(person([list?.[0], list?.[2]], no), label).toEqual([]);
      if (subgraph === 'basisondersteuning') {
        // The owner resolves the reference through the relation: the denied resident is null.
        expect(list?.[0], label).toBeNull();
        expect(list?.[2], label).toBeNull();
      }
      // Every list field of the denied resident is empty or null.
      for (const e of [list?.[0], list?.[2]]) {
        for (const [k, v] of Object.entries((e ?? {}) as Record<string, unknown>)) {
          if (k !== '__typename') expect(Array.isArray(v) ? v : v === null ? [] : [v], `${label}.${k}`).toEqual([]);
        }
      }
      positive[subgraph]?.(list?.[1]);
    }
    const others = await entities(subgraph, scope, [
      { __typename: 'Wijk', code: no.wijk, gebied: no.gebied }, { __typename: 'Organisatie', id: otherOrg },
    ], OTHER_ENTITIES[subgraph] ?? '__typename');
    expectNoLeak(others, no, `${subgraph} _entities Wijk/Organisatie`);
  }
}

/** The Wijk and Organisatie paths through the gateway: aggregates and public data only. */
async function probeWijkEnOrganisatie(token: string, no: Resident, otherOrg: string) {
  const res = await stack.query(`query($wijk: ID!, $org: ID!) {
    wijk(code: $wijk) { ...W }
    wijken { ...W }
    organisatie(id: $org) { ...O }
    organisaties { ...O }
    buurtkamers { id naam wijk { code } partners { organisatie { id naam } } }
  }
  fragment W on Wijk { code naam gebied clientenBasisondersteuning { waarde onderdrukt } clientenAanvullendeOndersteuning { waarde onderdrukt }
    clientenHuishoudelijkeHulp { waarde onderdrukt } openHulpvragen { waarde onderdrukt } buurtkamers { id naam }
    weekprogramma { datum omschrijving kamer { naam } gastheer { id } } subsidieTotaal(jaar: 2025) { euro } }
  fragment O on Organisatie { id naam soort actieveToewijzingen { waarde onderdrukt } hhClienten { waarde onderdrukt }
    hhCapaciteit { maxClienten bezet { waarde onderdrukt } } samenwerkingen { rol kamer { naam } } contracten { id rol hoofdaanbieder { id } }
    lumpsums(jaar: 2026) { id organisatie { id } } subsidies { id } }`, { token, variables: { wijk: no.wijk, org: otherOrg } });
  expect(res.status).toBe(200);
  expectNoLeak(res.body, no, 'Wijk/Organisatie');
  expect(person(res.body.data, no, false)).toEqual([]);
  // Positive: the path itself works for this caller.
  expect(res.body.data!.wijk.code).toBe(no.wijk);
  expect(res.body.data!.organisatie.id).toBe(otherOrg);
  expect(res.body.data!.wijken.length).toBe(21);
}

const INBOX = `fragment Inbox on IwmoBerichtenPagina { volgende berichten { berichtType
  header { berichtCode berichtIdentificatie { identificatie dagtekening } afzender ontvanger identificatieRetour }
  inwoner { id voornaam achternaam }
  aangevraagdProduct { referentieAanbieder toewijzingIngangsdatum verwijzer { id } }
  toegewezenProduct { toewijzingNummer ingangsdatum einddatum omvang { volume } }
  startProduct { toewijzingNummer begindatum } stopProduct { toewijzingNummer einddatum redenBeeindiging } } }`;
const IWMO_TYPES = ['WMO315', 'WMO316', 'WMO301', 'WMO302', 'WMO305', 'WMO306', 'WMO307', 'WMO308'];
const INBOX_QUERY = `query($van: Datum!, $tot: Datum!) { ${IWMO_TYPES.map((t) => `${t.toLowerCase()}: iwmoBerichten(berichtType: ${t}, van: $van, tot: $tot, aantal: 500) { ...Inbox }`).join('\n')} }
${INBOX}`;

/** The personal list root fields, one request per subgraph (a denied non-null root nulls the whole answer). */
const LISTS: Record<string, string> = {
  inbox: INBOX_QUERY,
  hhAanvragen: `{ hhAanvragen { id status ingediendOp toewijzingsreden aanbieder { id } voorkeurAanbieder { id }
    inwoner { id voornaam achternaam huishoudelijkeHulp { id } } indicatie { id minutenPerWeek startdatum einddatum } } }`,
  hulpvragen: `{ hulpvragen { id soort status aangemaaktOp wijk { code } inwoner { id voornaam achternaam adres { postcode huisnummer } }
    vrijwilliger { id } } }`,
  // Coordinator only (non-null: for other roles the whole answer is null).
  hulpvraagGeschiedenis: `{ hulpvragen { id inwoner { id } geschiedenis { van naar reden op } } }`,
  perspectiefgesprekken: `{ perspectiefgesprekkenTeVoeren { uiterlijk inwoner { id voornaam achternaam } beschikking { id product einddatum } } }`,
  cak: `{ cakExport(jaar: 2025, maand: 6) { regels { huishouden inwoner { id bsn } begindatum einddatum } } }`,
};

async function lists(token: string, denied: Resident[]): Promise<Record<string, Json>> {
  const out: Record<string, Json> = {};
  for (const [name, query] of Object.entries(LISTS)) {
    const res = await stack.query(query, { token, variables: name === 'inbox' ? { van: '2000-01-01', tot: '2099-12-31' } : undefined });
    expect(res.status, name).toBe(200);
    for (const r of denied) {
      expectNoLeak(res.body, r, name);
      expect(person(res.body.data, r, false), name).toEqual([]);
    }
    out[name] = res.body.data;
  }
  if (subgraphs().includes('privacy' as SubgraphName)) {
    // The processing log (a subgraph in the making), searched by the denied resident.
    for (const r of denied) {
      const res = await stack.query('query($id: ID!) { verwerkingen(inwoner: $id) { verwerkingen { id naam rol organisatie { id } velden betrokkene } } }', { token, variables: { id: r.id } });
      expectNoLeak(res.body, r, 'verwerkingen(inwoner:)');
    }
  }
  return out;
}

const inboxMessages = (data: Json): Json[] => (data ? IWMO_TYPES.flatMap((t) => data[t.toLowerCase()]?.berichten ?? []) : []);
const nummerOf = (b: Json): string | undefined =>
  b.toegewezenProduct?.toewijzingNummer ?? b.startProduct?.toewijzingNummer ?? b.stopProduct?.toewijzingNummer;

// ---------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------

const f = {} as {
  wkClient: Resident; bStarted: Resident; bHanded: Resident; wkFresh: Resident; wkVerzoek: Resident;
  oaX: string; oaB: string; oaClient: Resident;
  thfl: Resident; miep: Resident; thflHulp: string;
  basisOk: Resident; basisNo: Resident; basisFormer: Resident;
  consent: Resident; noConsent: Resident; withdrawn: Resident; withdrawnHulpvraag: string;
  solidairConsent: Resident;
  vrijwilliger: string; matched: Resident; matchedHulpvraag: string; notMatched: Resident;
  tbAssigned: { id: string; ingangsdatum: string }; twFresh: { id: string; ingangsdatum: string };
};

const RUNNING = sql`status in ('toegewezen', 'gestart') and (einddatum is null or einddatum >= current_date)`;

beforeAll(async () => {
  stack = await bootStack({ inwoners: 400 });

  // --- aanvullende ondersteuning -------------------------------------------------------
  const oa = await one<{ inwoner_id: string; onderaannemer_id: string }>('toewijzing handed to an onderaannemer', sql`
    select inwoner_id, onderaannemer_id from aanvullende_ondersteuning.toewijzing
    where gemeente_code = 'GM0080' and onderaannemer_id is not null and ${RUNNING} order by inwoner_id limit 1`);
  f.oaX = oa.onderaannemer_id;
  f.oaClient = await resident(oa.inwoner_id);
  const wk = await one<{ inwoner_id: string }>('running windkracht toewijzing, not handed', sql`
    select inwoner_id from aanvullende_ondersteuning.toewijzing t
    where organisatie_id = ${WK} and onderaannemer_id is null and ${RUNNING}
      and not exists (select 1 from aanvullende_ondersteuning.toewijzing o where o.inwoner_id = t.inwoner_id and o.onderaannemer_id = ${f.oaX})
    order by inwoner_id limit 1`);
  f.wkClient = await resident(wk.inwoner_id);
  const verzoek = await one<{ inwoner_id: string }>('resident with only an ungranted verzoek (or refused one)', sql`
    select inwoner_id from aanvullende_ondersteuning.toewijzing t group by inwoner_id
    having bool_and(status in ('verzoek', 'afgewezen')) order by inwoner_id limit 1`);
  f.wkVerzoek = await resident(verzoek.inwoner_id);
  const oaB = await one<{ id: string }>('another onderaannemer', sql`select id from financien.organisatie
    where soort = 'ONDERAANNEMER' and gemeente_code = 'GM0080' and id <> ${f.oaX} order by id limit 1`);
  f.oaB = oaB.id;

  // A second hoofdaanbieder (fictitious) with toewijzingen for residents Windkracht058 never had.
  const fresh = await stack.rows<{ id: string; wijk_code: string }>(sql`select id, wijk_code from basisondersteuning.inwoner i
    where gemeente_code = 'GM0080' and not exists (select 1 from aanvullende_ondersteuning.toewijzing t where t.inwoner_id = i.id)
    order by id limit 3`);
  if (fresh.length < 3) throw new Error('fixture not found in seed data: residents without toewijzing');
  await stack.rows(sql`insert into financien.organisatie (id, gemeente_code, naam, soort)
    values (${HOOFD_B}, 'GM0080', 'Hoofdaanbieder B (test, fictief)', 'HOOFDAANBIEDER')`);
  await stack.rows(sql`insert into financien.contract (id, gemeente_code, organisatie_id, perceel, rol, hoofdaanbieder_id, ingangsdatum, einddatum)
    values ('test-ct-b', 'GM0080', ${HOOFD_B}, 'THUISONDERSTEUNING_DAGBESTEDING', 'HOOFDAANBIEDER', null, '2021-01-01', null)`);
  const tw = (id: string, nummer: string, inwoner: { id: string; wijk_code: string }, org: string, onder: string | null, status: string, begindatum: string | null) => sql`
    insert into aanvullende_ondersteuning.toewijzing (id, gemeente_code, toewijzing_nummer, inwoner_id, wijk_code, product, productcategorie,
      organisatie_id, onderaannemer_id, status, leveringsvorm, omvang_volume, omvang_eenheid, omvang_frequentie, toewijzingsdatum, ingangsdatum, einddatum, begindatum)
    values (${id}, 'GM0080', ${nummer}, ${inwoner.id}, ${inwoner.wijk_code}, 'TO4', '02', ${org}, ${onder}, ${status}, 'ZIN', 3, '04', '2',
      '2026-01-05', '2026-02-01', null, ${begindatum})`;
  await stack.rows(tw('test-tw-b1', '90000001', fresh[0]!, HOOFD_B, null, 'gestart', '2026-02-03'));
  await stack.rows(tw('test-tw-b2', '90000002', fresh[1]!, HOOFD_B, f.oaB, 'toegewezen', null));
  await stack.rows(tw('test-tw-w3', '90000003', fresh[2]!, WK, null, 'toegewezen', null));
  f.bStarted = await resident(fresh[0]!.id);
  f.bHanded = await resident(fresh[1]!.id);
  f.wkFresh = await resident(fresh[2]!.id);
  f.tbAssigned = { id: 'test-tw-b2', ingangsdatum: '2026-02-01' };
  f.twFresh = { id: 'test-tw-w3', ingangsdatum: '2026-02-01' };

  // --- huishoudelijke hulp: a client of each provider with a handled aanvraag, not of the other
  const hhClient = (org: string, other: string) => one<{ inwoner_id: string; hulp_id: string | null }>(`hh client of ${org}`, sql`
    select i.inwoner_id, k.hulp_id from huishoudelijke_hulp.indicatie i
    join huishoudelijke_hulp.aanvraag a on a.indicatie_id = i.id and a.aanbieder_id = ${org}
    left join huishoudelijke_hulp.koppeling k on k.inwoner_id = i.inwoner_id and k.tot is null
    where i.organisatie_id = ${org} and i.startdatum <= current_date and (i.einddatum is null or i.einddatum >= current_date)
      and not exists (select 1 from huishoudelijke_hulp.indicatie o where o.inwoner_id = i.inwoner_id and o.organisatie_id = ${other})
      and not exists (select 1 from huishoudelijke_hulp.aanvraag o where o.inwoner_id = i.inwoner_id and o.aanbieder_id = ${other})
    order by i.inwoner_id limit 1`);
  const thfl = await hhClient('thfl', 'miep');
  f.thfl = await resident(thfl.inwoner_id);
  f.miep = await resident((await hhClient('miep', 'thfl')).inwoner_id);
  // A THFL helper (not the fixture client's) whose clients include one with an aanvraag handled by THFL.
  f.thflHulp = (await one<{ hulp_id: string }>('thfl helper with a handled aanvraag among its clients', sql`
    select k.hulp_id from huishoudelijke_hulp.koppeling k
    join huishoudelijke_hulp.hulp h on h.id = k.hulp_id and h.organisatie_id = 'thfl'
    join huishoudelijke_hulp.indicatie i on i.inwoner_id = k.inwoner_id and i.organisatie_id = 'thfl'
      and i.startdatum < current_date and (i.einddatum is null or i.einddatum >= current_date)
    join huishoudelijke_hulp.aanvraag a on a.inwoner_id = k.inwoner_id and a.aanbieder_id = 'thfl'
    where k.tot is null and k.hulp_id is distinct from ${thfl.hulp_id}
    group by k.hulp_id order by count(*) desc, k.hulp_id limit 1`)).hulp_id;

  // --- basisondersteuning: a resident with running Amaryllis support, and a household member without
  const basis = await one<{ ok: string; no: string }>('household with and without basis support', sql`
    with rel as (
      select i.id from basisondersteuning.inwoner i where
        exists (select 1 from basisondersteuning.ondersteuning o where o.inwoner_id = i.id and o.organisatie_id = 'amaryllis'
          and o.startdatum <= current_date and (o.einddatum is null or o.einddatum >= current_date))
        or exists (select 1 from basisondersteuning.lopende_beschikking l where l.inwoner_id = i.id and l.organisatie_id = 'amaryllis' and l.einddatum >= current_date))
    select p.id as ok, q.id as no from basisondersteuning.inwoner p
    join basisondersteuning.ondersteuning o on o.inwoner_id = p.id and o.organisatie_id = 'amaryllis'
      and o.startdatum <= current_date and o.einddatum is null
    join basisondersteuning.inwoner q on q.huishouden_id = p.huishouden_id and q.id <> p.id
    where q.id not in (select id from rel)
    order by (exists (select 1 from aanvullende_ondersteuning.toewijzing t where t.inwoner_id = q.id)
      or exists (select 1 from huishoudelijke_hulp.indicatie x where x.inwoner_id = q.id)) desc, p.id, q.id limit 1`);
  f.basisOk = await resident(basis.ok);
  f.basisNo = await resident(basis.no);
  // A former client: its Amaryllis support ended, no other relation.
  const former = await one<{ id: string }>('resident whose basis support ended', sql`select i.id from basisondersteuning.inwoner i
    where exists (select 1 from basisondersteuning.ondersteuning o where o.inwoner_id = i.id and o.organisatie_id = 'amaryllis' and o.einddatum < current_date)
      and not exists (select 1 from basisondersteuning.ondersteuning o where o.inwoner_id = i.id and (o.einddatum is null or o.einddatum >= current_date))
      and not exists (select 1 from basisondersteuning.lopende_beschikking l where l.inwoner_id = i.id and l.einddatum >= current_date)
      and not exists (select 1 from basisondersteuning.plan p join basisondersteuning.inwoner m on m.huishouden_id = p.huishouden_id where m.id = i.id and p.regievoerder_id = 'test-basis-medewerker')
    order by i.id limit 1`);
  f.basisFormer = await resident(former.id);

  // --- sociale basis ----------------------------------------------------------------------
  const matched = await one<{ id: string; inwoner_id: string; vrijwilliger_id: string }>('matched hulpvraag with consent', sql`
    select h.id, h.inwoner_id, h.vrijwilliger_id from sociale_basis.hulpvraag h
    join sociale_basis.vrijwilliger v on v.id = h.vrijwilliger_id and v.organisatie_id = 'vol' and v.actief
    where h.status = 'GEMATCHT' and h.inwoner_id is not null
      and exists (select 1 from sociale_basis.toestemming t where t.inwoner_id = h.inwoner_id and t.organisatie_id = 'vol' and t.ingetrokken_op is null)
    order by h.id limit 1`);
  f.vrijwilliger = matched.vrijwilliger_id;
  f.matched = await resident(matched.inwoner_id);
  f.matchedHulpvraag = matched.id;
  const consenting = await stack.rows<{ inwoner_id: string; hulpvraag: string }>(sql`
    select h.inwoner_id, min(h.id) as hulpvraag from sociale_basis.hulpvraag h
    where h.inwoner_id is not null and h.inwoner_id <> ${f.matched.id}
      and exists (select 1 from sociale_basis.toestemming t where t.inwoner_id = h.inwoner_id and t.organisatie_id = 'vol' and t.ingetrokken_op is null)
      and not exists (select 1 from sociale_basis.hulpvraag m where m.inwoner_id = h.inwoner_id and m.vrijwilliger_id = ${f.vrijwilliger} and m.status = 'GEMATCHT')
    group by h.inwoner_id order by h.inwoner_id limit 2`);
  if (consenting.length < 2) throw new Error('fixture not found in seed data: two consenting residents');
  f.consent = await resident(consenting[0]!.inwoner_id);
  f.notMatched = f.consent;
  const noConsent = await one<{ id: string }>('resident without any consent', sql`select id from basisondersteuning.inwoner i
    where gemeente_code = 'GM0080' and not exists (select 1 from sociale_basis.toestemming t where t.inwoner_id = i.id)
      and exists (select 1 from huishoudelijke_hulp.indicatie x where x.inwoner_id = i.id)
    order by id limit 1`);
  f.noConsent = await resident(noConsent.id);

  // The resident withdraws consent (as themself): identity hidden again for V-O-L.
  const w = consenting[1]!;
  const inForce = await stack.rows<{ id: string }>(sql`select id from sociale_basis.toestemming where inwoner_id = ${w.inwoner_id} and organisatie_id = 'vol' and ingetrokken_op is null`);
  for (const ts of inForce) {
    const withdraw = await stack.query('mutation($id: ID!) { toestemmingIntrekken(id: $id) { id ingetrokkenOp } }', {
      token: await stack.token({ rol: 'inwoner', sub: w.inwoner_id }), variables: { id: ts.id },
    });
    expect(withdraw.body.errors).toBeUndefined();
  }
  f.withdrawn = await resident(w.inwoner_id);
  f.withdrawnHulpvraag = w.hulpvraag;

  // Solidair Friesland records the consent of one resident (its positive case); V-O-L's residents stay out of its reach.
  const solidair = await one<{ id: string }>('resident for solidair consent', sql`select id from basisondersteuning.inwoner i
    where gemeente_code = 'GM0080' and not exists (select 1 from sociale_basis.toestemming t where t.inwoner_id = i.id) and id <> ${f.noConsent.id}
    order by id desc limit 1`);
  const given = await stack.query('mutation($i: ID!) { toestemmingVastleggen(inwoner: $i) { id } }', {
    token: await stack.token({ rol: 'vol-coordinator', organisatie: 'solidair-friesland' }), variables: { i: solidair.id },
  });
  expect(given.body.errors).toBeUndefined();
  f.solidairConsent = await resident(solidair.id);
});
afterAll(() => stack?.stop());

// ---------------------------------------------------------------------------------------
// Aanvullende ondersteuning
// ---------------------------------------------------------------------------------------

describe('aanbieder-medewerker of hoofdaanbieder Windkracht058 vs the clients of another hoofdaanbieder', () => {
  const scope: Scope = { rol: 'aanbieder-medewerker', organisatie: WK };
  const positive = (i: Json) => {
    expect(i.voornaam).toBe(f.wkClient.voornaam);
    expect(i.toewijzingen.length).toBeGreaterThan(0);
    expect(i.toewijzingen.every((t: Json) => t.aanbieder.id === WK)).toBe(true);
    expect(i.toewijzingen.flatMap((t: Json) => t.iwmoBerichten).length).toBeGreaterThan(0);
  };

  it('root field inwoner(id): aliases, variables, literal, fragments, __typename', async () => {
    const token = await stack.token(scope);
    for (const no of [f.bStarted, f.bHanded, f.wkVerzoek]) await probeInwoner(token, f.wkClient, no, positive);
  });

  it('_entities sent directly to every subgraph', async () => {
    for (const no of [f.bStarted, f.bHanded, f.wkVerzoek]) {
      await probeEntities(scope, f.wkClient, no, HOOFD_B, {
        basisondersteuning: (e) => expect(e.id).toBe(f.wkClient.id),
        'aanvullende-ondersteuning': (e) => expect(e.toewijzingen.length).toBeGreaterThan(0),
      });
    }
  });

  it('Wijk and Organisatie paths', async () => {
    const token = await stack.token(scope);
    await probeWijkEnOrganisatie(token, f.bStarted, HOOFD_B);
    await probeWijkEnOrganisatie(token, f.bHanded, f.oaB);
  });

  it('list roots: the iWmo inbox holds only its own toewijzingen, never an ungranted verzoek or another hoofdaanbieder\'s', async () => {
    const data = await lists(await stack.token(scope), [f.bStarted, f.bHanded, f.wkVerzoek]);
    const messages = inboxMessages(data.inbox);
    const own = new Set((await stack.rows<{ n: string }>(sql`select toewijzing_nummer as n from aanvullende_ondersteuning.toewijzing
      where (organisatie_id = ${WK} or onderaannemer_id = ${WK}) and status not in ('verzoek', 'afgewezen')`)).map((r) => r.n));
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.map(nummerOf).filter((n) => n !== undefined && !own.has(n))).toEqual([]);
    // Positive: the running toewijzing of its own client is in the WMO301 inbox.
    expect(data.inbox.wmo301.berichten.map(nummerOf)).toEqual(expect.arrayContaining(f.wkClient.toewijzingNummers.filter((n) => own.has(n))));
  });
});

describe('onderaannemer vs residents of its hoofdaanbieder not handed to it', () => {
  const scope = (): Scope => ({ rol: 'aanbieder-medewerker', organisatie: f.oaX });
  const positive = (i: Json) => {
    expect(i.voornaam).toBe(f.oaClient.voornaam);
    expect(i.toewijzingen.length).toBeGreaterThan(0);
    expect(i.toewijzingen.every((t: Json) => t.onderaannemer?.id === f.oaX)).toBe(true);
  };

  it('root field inwoner(id): aliases, variables, literal, fragments, __typename', async () => {
    const token = await stack.token(scope());
    for (const no of [f.wkClient, f.wkFresh, f.bHanded]) await probeInwoner(token, f.oaClient, no, positive);
  });

  it('_entities sent directly to every subgraph', async () => {
    for (const no of [f.wkClient, f.bHanded]) {
      await probeEntities(scope(), f.oaClient, no, WK, {
        basisondersteuning: (e) => expect(e.id).toBe(f.oaClient.id),
        'aanvullende-ondersteuning': (e) => expect(e.toewijzingen.map((t: Json) => t.onderaannemer?.id)).toContain(f.oaX),
      });
    }
  });

  it('Wijk and Organisatie paths', async () => {
    await probeWijkEnOrganisatie(await stack.token(scope()), f.wkClient, WK);
  });

  it('list roots: the inbox holds only toewijzingen handed to it', async () => {
    const data = await lists(await stack.token(scope()), [f.wkClient, f.wkFresh, f.bHanded, f.bStarted]);
    const handed = new Set((await stack.rows<{ n: string }>(sql`select toewijzing_nummer as n from aanvullende_ondersteuning.toewijzing
      where onderaannemer_id = ${f.oaX} or organisatie_id = ${f.oaX}`)).map((r) => r.n));
    const messages = inboxMessages(data.inbox);
    expect(messages.map(nummerOf).filter((n) => n !== undefined && !handed.has(n))).toEqual([]);
    expect(data.inbox.wmo301.berichten.map(nummerOf)).toEqual(expect.arrayContaining(
      f.oaClient.toewijzingNummers.filter((n) => handed.has(n)),
    ));
  });
});

// ---------------------------------------------------------------------------------------
// Huishoudelijke hulp
// ---------------------------------------------------------------------------------------

describe('hh-medewerker of THFL vs a client of M.I.E.P., and the other way round', () => {
  const cases = () => [
    { org: 'thfl', ok: f.thfl, no: f.miep, other: 'miep' },
    { org: 'miep', ok: f.miep, no: f.thfl, other: 'thfl' },
  ];
  const positive = (org: string, r: Resident) => (i: Json) => {
    expect(i.voornaam).toBe(r.voornaam);
    expect(i.huishoudelijkeHulp.length).toBeGreaterThan(0);
    expect(i.huishoudelijkeHulp.every((h: Json) => h.aanbieder.id === org)).toBe(true);
  };

  it('root field inwoner(id): aliases, variables, literal, fragments, __typename', async () => {
    for (const c of cases()) await probeInwoner(await stack.token({ rol: 'hh-medewerker', organisatie: c.org }), c.ok, c.no, positive(c.org, c.ok));
  });

  it('_entities sent directly to every subgraph', async () => {
    for (const c of cases()) {
      await probeEntities({ rol: 'hh-medewerker', organisatie: c.org }, c.ok, c.no, c.other, {
        basisondersteuning: (e) => expect(e.id).toBe(c.ok.id),
        'huishoudelijke-hulp': (e) => expect(e.huishoudelijkeHulp.map((h: Json) => h.aanbieder.id)).toContain(c.org),
      });
    }
  });

  it('Wijk and Organisatie paths', async () => {
    for (const c of cases()) await probeWijkEnOrganisatie(await stack.token({ rol: 'hh-medewerker', organisatie: c.org }), c.no, c.other);
  });

  it('list roots: hhAanvragen holds only aanvragen assigned to the caller', async () => {
    for (const c of cases()) {
      const data = await lists(await stack.token({ rol: 'hh-medewerker', organisatie: c.org }), [c.no]);
      const aanvragen = data.hhAanvragen.hhAanvragen as Json[];
      expect(aanvragen.every((a) => a.aanbieder?.id === c.org)).toBe(true);
      expect(aanvragen.map((a) => a.inwoner.id)).toContain(c.ok.id);
    }
  });

  it('list roots: hhAanvragen names no resident outside the relation (e.g. a former client whose indicatie ended)', async () => {
    for (const c of cases()) {
      // The relation of an hh-medewerker (relations.ts, README): an indicatie at its organisation that
      // has not ended, or an aanvraag assigned to it for the intake (TOEGEWEZEN).
      const related = new Set((await stack.rows<{ id: string }>(sql`
        select inwoner_id as id from huishoudelijke_hulp.indicatie where organisatie_id = ${c.org} and (einddatum is null or einddatum >= current_date)
        union select inwoner_id from huishoudelijke_hulp.aanvraag where aanbieder_id = ${c.org} and status = 'TOEGEWEZEN'`)).map((r) => r.id));
      const res = await stack.query(LISTS.hhAanvragen!, { token: await stack.token({ rol: 'hh-medewerker', organisatie: c.org }) });
      const outside = (res.body.data!.hhAanvragen as Json[]).filter((a) => !related.has(a.inwoner.id))
        .map((a) => `aanvraag ${a.id} (${a.status}, ingediend ${a.ingediendOp}) of resident ${a.inwoner.id}`);
      expect(outside, `${c.org}: hhAanvragen rows of residents outside its relation`).toEqual([]);
    }
  });
});

// ---------------------------------------------------------------------------------------
// Sociale basis
// ---------------------------------------------------------------------------------------

describe('vol-coordinator vs residents without consent to its organisation', () => {
  const vol: Scope = { rol: 'vol-coordinator', organisatie: 'vol' };
  const solidair: Scope = { rol: 'vol-coordinator', organisatie: 'solidair-friesland' };
  const positive = (r: Resident, org: string) => (i: Json) => {
    expect([i.voornaam, i.achternaam, i.adres?.postcode]).toEqual([r.voornaam, r.achternaam, r.postcode]);
    expect(i.toestemmingen.map((t: Json) => t.organisatie.id)).toContain(org);
  };

  it('root field inwoner(id): aliases, variables, literal, fragments, __typename', async () => {
    const volToken = await stack.token(vol);
    for (const no of [f.noConsent, f.withdrawn, f.solidairConsent]) await probeInwoner(volToken, f.consent, no, positive(f.consent, 'vol'));
    // Consent to another organisation gives V-O-L's residents no relation with Solidair Friesland.
    await probeInwoner(await stack.token(solidair), f.solidairConsent, f.consent, positive(f.solidairConsent, 'solidair-friesland'));
  });

  it('_entities sent directly to every subgraph', async () => {
    for (const no of [f.noConsent, f.withdrawn]) {
      await probeEntities(vol, f.consent, no, 'solidair-friesland', {
        basisondersteuning: (e) => expect(e.voornaam).toBe(f.consent.voornaam),
        'sociale-basis': (e) => expect(e.toestemmingen.length).toBeGreaterThan(0),
      });
    }
    await probeEntities(solidair, f.solidairConsent, f.consent, 'vol', {
      basisondersteuning: (e) => expect(e.voornaam).toBe(f.solidairConsent.voornaam),
    });
  });

  it('Wijk and Organisatie paths', async () => {
    await probeWijkEnOrganisatie(await stack.token(vol), f.noConsent, 'solidair-friesland');
  });

  it('list roots: hulpvragen are anonymous without consent in force', async () => {
    const data = await lists(await stack.token(vol), [f.noConsent, f.withdrawn]);
    const hulpvragen = data.hulpvragen.hulpvragen as Json[];
    expect(hulpvragen.find((h) => h.id === f.withdrawnHulpvraag)).toMatchObject({ inwoner: null });
    expect(hulpvragen.filter((h) => h.inwoner?.id === f.consent.id).length).toBeGreaterThan(0);
    const other = await lists(await stack.token(solidair), [f.consent, f.matched]);
    expect((other.hulpvragen.hulpvragen as Json[]).every((h) => h.inwoner === null)).toBe(true);
  });
});

describe('vrijwilliger vs residents it is not matched to', () => {
  const scope = (): Scope => ({ rol: 'vrijwilliger', organisatie: 'vol', sub: f.vrijwilliger });
  const positive = (i: Json) => {
    expect([i.voornaam, i.adres?.postcode]).toEqual([f.matched.voornaam, f.matched.postcode]);
    // The surname in full, or (data minimisation for volunteers, in the making) only its initial.
    expect(i.achternaam === f.matched.achternaam || /^\p{Lu}\.$/u.test(i.achternaam ?? '')).toBe(true);
  };

  it('root field inwoner(id): aliases, variables, literal, fragments, __typename', async () => {
    const token = await stack.token(scope());
    for (const no of [f.notMatched, f.noConsent, f.withdrawn]) await probeInwoner(token, f.matched, no, positive);
  });

  it('_entities sent directly to every subgraph', async () => {
    await probeEntities(scope(), f.matched, f.notMatched, 'solidair-friesland', {
      basisondersteuning: (e) => expect(e.voornaam).toBe(f.matched.voornaam),
    });
  });

  it('Wijk and Organisatie paths', async () => {
    await probeWijkEnOrganisatie(await stack.token(scope()), f.notMatched, 'vol');
  });

  it('list roots: hulpvragen show the resident only on its own matched hulpvraag', async () => {
    const data = await lists(await stack.token(scope()), [f.notMatched, f.noConsent, f.withdrawn]);
    const hulpvragen = data.hulpvragen.hulpvragen as Json[];
    expect(hulpvragen.find((h) => h.id === f.matchedHulpvraag)?.inwoner?.id).toBe(f.matched.id);
    expect(hulpvragen.filter((h) => h.inwoner !== null).map((h) => h.inwoner.id)).toEqual([f.matched.id]);
  });
});

// ---------------------------------------------------------------------------------------
// Basisondersteuning
// ---------------------------------------------------------------------------------------

describe('basis-medewerker (not a regievoerder) vs residents without running basis support of its organisation', () => {
  const scope: Scope = { rol: 'basis-medewerker', organisatie: 'amaryllis', sub: 'test-basis-medewerker' };
  const positive = (i: Json) => {
    expect(i.voornaam).toBe(f.basisOk.voornaam);
    expect(i.ondersteuningen.length).toBeGreaterThan(0);
    // The household shows only the members within the relation: not the other member.
    expect(i.huishouden.leden.map((l: Json) => l.id)).toContain(f.basisOk.id);
  };

  it('root field inwoner(id), also through the household of a resident it does serve', async () => {
    const token = await stack.token(scope);
    for (const no of [f.basisNo, f.basisFormer]) await probeInwoner(token, f.basisOk, no, positive);
  });

  it('_entities sent directly to every subgraph', async () => {
    for (const no of [f.basisNo, f.basisFormer]) {
      await probeEntities(scope, f.basisOk, no, HOOFD_B, {
        basisondersteuning: (e) => expect(e.ondersteuningen.length).toBeGreaterThan(0),
      });
    }
  });

  it('Wijk and Organisatie paths', async () => {
    await probeWijkEnOrganisatie(await stack.token(scope), f.basisNo, WK);
  });

  it('list roots: inbox, HH aanvragen, escalated hulpvragen and perspectiefgesprekken only within the relation', async () => {
    const data = await lists(await stack.token(scope), [f.basisNo, f.basisFormer]);
    expect((data.hulpvragen.hulpvragen as Json[]).every((h) => h.status === 'OPGESCHAALD' && h.inwoner === null)).toBe(true);
    const [lopend] = await stack.rows<{ n: number }>(sql`select count(*)::int as n from basisondersteuning.lopende_beschikking l
      where organisatie_id = 'amaryllis' and einddatum >= current_date
        and not exists (select 1 from basisondersteuning.contactmoment c where c.inwoner_id = l.inwoner_id and c.soort = 'PERSPECTIEFGESPREK')`);
    expect(data.perspectiefgesprekken.perspectiefgesprekkenTeVoeren.length).toBe(lopend!.n);
  });
});

// ---------------------------------------------------------------------------------------
// Paths that change data: run last, they change who is whose client.
// ---------------------------------------------------------------------------------------

describe('mutation paths', () => {
  const START = `mutation($b: ID!, $t: ID!, $d: Datum!) { startbericht(berichtId: $b, toewijzing: $t, begindatum: $d) {
    id toewijzingNummer status product begindatum ingangsdatum omvang { volume eenheid frequentie } aanbieder { id } onderaannemer { id } } }`;

  it('a provider replaying another provider\'s iWmo start message gets NOT_FOUND, not the other\'s toewijzing', async () => {
    // Hoofdaanbieder B starts its toewijzing; Windkracht058 sends the very same message.
    const vars = { b: 'hb-305-0001', t: f.tbAssigned.id, d: f.tbAssigned.ingangsdatum };
    const own = await stack.query(START, { token: await stack.token({ rol: 'aanbieder-medewerker', organisatie: HOOFD_B }), variables: vars });
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data!.startbericht).toMatchObject({ id: f.tbAssigned.id, status: 'GESTART' });
    const replay = await stack.query(START, { token: await stack.token({ rol: 'aanbieder-medewerker', organisatie: WK }), variables: vars });
    expectNoLeak(replay.body, f.bHanded, 'startbericht replayed by another hoofdaanbieder');
    expect(replay.body.data?.startbericht ?? null).toBeNull();
    expect(replay.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('an onderaannemer replaying its hoofdaanbieder\'s start message for a toewijzing not handed to it gets NOT_FOUND', async () => {
    const vars = { b: 'wk-305-test-0001', t: f.twFresh.id, d: f.twFresh.ingangsdatum };
    const own = await stack.query(START, { token: await stack.token({ rol: 'aanbieder-medewerker', organisatie: WK }), variables: vars });
    expect(own.body.errors).toBeUndefined();
    const replay = await stack.query(START, { token: await stack.token({ rol: 'aanbieder-medewerker', organisatie: f.oaX }), variables: vars });
    expectNoLeak(replay.body, f.wkFresh, 'startbericht replayed by an onderaannemer');
    expect(replay.body.data?.startbericht ?? null).toBeNull();
    expect(replay.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('the iWmo import of another provider\'s toewijzingNummer is NOT_FOUND', async () => {
    const res = await stack.query(`mutation($n: String!) { iwmoBerichtVerwerken(bericht: {
      header: { berichtCode: 420, berichtIdentificatie: { identificatie: "wk-307-test-b", dagtekening: "2026-03-01" }, afzender: "${HOOFD_B}", ontvanger: "0080" }
      stopProduct: { toewijzingNummer: $n, begindatum: "2026-02-03", einddatum: "2026-03-01", redenBeeindiging: "19" } }) {
      status bericht { inwoner { id } stopProduct { toewijzingNummer } } } }`, {
      token: await stack.token({ rol: 'aanbieder-medewerker', organisatie: WK }), variables: { n: '90000001' },
    });
    expectNoLeak(res.body, f.bStarted, 'iwmoBerichtVerwerken');
    expect(res.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('after a staff transfer THFL → M.I.E.P., THFL sees nothing of the clients that moved, also not in hhAanvragen', async () => {
    const moved = (await stack.rows<{ inwoner_id: string }>(sql`select k.inwoner_id from huishoudelijke_hulp.koppeling k
      join huishoudelijke_hulp.indicatie i on i.inwoner_id = k.inwoner_id and i.organisatie_id = 'thfl' and (i.einddatum is null or i.einddatum >= current_date)
      where k.hulp_id = ${f.thflHulp} and k.tot is null order by k.inwoner_id`)).map((r) => r.inwoner_id);
    expect(moved.length).toBeGreaterThan(0);
    const done = await stack.query('mutation($h: [ID!]!, $per: Datum!) { hhPersoneelOverdragen(van: "thfl", naar: "miep", hulpen: $h, per: $per) { id } }', {
      token: await stack.token({ rol: 'gemeente-contractmanager' }), variables: { h: [f.thflHulp], per: today() },
    });
    expect(done.body.errors).toBeUndefined();
    const overdracht = done.body.data!.hhPersoneelOverdragen.id;
    const residents = await Promise.all(moved.map((id) => resident(id)));
    const thfl = await stack.token({ rol: 'hh-medewerker', organisatie: 'thfl' });
    const miep = await stack.token({ rol: 'hh-medewerker', organisatie: 'miep' });

    // Positive: M.I.E.P. now serves them, through the same query.
    for (const r of residents) {
      const res = await stack.query('query($id: ID!) { inwoner(id: $id) { id voornaam huishoudelijkeHulp { aanbieder { id } } } }', { token: miep, variables: { id: r.id } });
      expect(res.body.data!.inwoner.huishoudelijkeHulp.map((h: Json) => h.aanbieder.id)).toContain('miep');
    }
    // THFL: not by inwoner(id), not in the transfer report, not through _entities ...
    const report = await stack.query('query($id: ID!) { hhOverdracht(id: $id) { id regels { inwoner { id voornaam } hulp { id } nieuweIndicatie { id } } } }', { token: thfl, variables: { id: overdracht } });
    for (const r of residents) {
      await probeInwoner(thfl, f.thfl, r, positive('thfl', f.thfl));
      expectNoLeak(report.body, r, 'hhOverdracht report for THFL');
      const e = await entities('huishoudelijke-hulp', { rol: 'hh-medewerker', organisatie: 'thfl' }, [{ __typename: 'Inwoner', id: r.id }], ENTITY_SELECTION['huishoudelijke-hulp']);
      expectNoLeak(e, r, 'hh _entities for THFL');
    }
    // ... and not in the HH aanvragen list: the aanvraag THFL once handled is of a resident that is now M.I.E.P.'s.
    const aanvragen = await stack.query(LISTS.hhAanvragen!, { token: thfl });
    for (const r of residents) expectNoLeak(aanvragen.body, r, 'hhAanvragen for THFL after the transfer');
  });

  function positive(org: string, r: Resident) {
    return (i: Json) => {
      expect(i.voornaam).toBe(r.voornaam);
      expect(i.huishoudelijkeHulp.every((h: Json) => h.aanbieder.id === org)).toBe(true);
    };
  }
});
