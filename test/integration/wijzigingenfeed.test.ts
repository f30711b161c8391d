/**
 * The change feeds through the gateway: the mutations of each domain record their
 * changes, each role gets the changes of exactly the entities it may read (per
 * organisation, onderaannemer, tenant), nothing of the others leaks (no item, no count,
 * no volgnummer in the cursor), cursors are validated, pages cost a fixed number of
 * statements, and reading an item's entity is in the processing log while the feed row
 * itself is not. Concurrency: wijzigingenfeed-gelijktijdig.test.ts.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registreerWijzigingen } from '../../subgraphs/shared/wijzigingen';
import { loadPseudonymKey } from '../../subgraphs/shared/keys';
import { pseudoniem } from '../../subgraphs/shared/verwerkingen';
import { today } from '../../subgraphs/shared/scalars';
import { bootStack, sql, type GraphQLResponse, type Stack } from '../support/stack';
import { feedBijgewerkt } from '../support/wijzigingen';

let stack: Stack;
const ROLLEN = ['consulent', 'basis', 'wk', 'oa', 'oaAnder', 'consulent88', 'thfl', 'miep', 'contractmanager', 'coordinator', 'vrijwilliger', 'beleid'] as const;
const t = {} as Record<(typeof ROLLEN)[number], string>;

beforeAll(async () => {
  // Enough residents for 60 toewijzingen (the page-size test).
  stack = await bootStack({ inwoners: 1200, secondGemeente: true });
  t.consulent = await stack.token({ rol: 'gemeente-consulent' });
  t.basis = await stack.token({ rol: 'basis-medewerker', organisatie: 'amaryllis' });
  t.wk = await stack.token({ rol: 'aanbieder-medewerker', organisatie: 'windkracht058' });
  t.oa = await stack.token({ rol: 'aanbieder-medewerker', organisatie: 'oa-dementie' });
  t.oaAnder = await stack.token({ rol: 'aanbieder-medewerker', organisatie: 'oa-ggz' });
  t.consulent88 = await stack.token({ rol: 'gemeente-consulent', gemeente: 'GM0088' });
  t.thfl = await stack.token({ rol: 'hh-medewerker', organisatie: 'thfl' });
  t.miep = await stack.token({ rol: 'hh-medewerker', organisatie: 'miep' });
  t.contractmanager = await stack.token({ rol: 'gemeente-contractmanager' });
  t.coordinator = await stack.token({ rol: 'vol-coordinator', organisatie: 'vol' });
  t.vrijwilliger = await stack.token({ rol: 'vrijwilliger', organisatie: 'vol' });
  t.beleid = await stack.token({ rol: 'gemeente-beleid' });
});
afterAll(() => stack?.stop());

interface Item { volgnummer: string; soort: string; wanneer: string; [entiteit: string]: unknown }
interface Pagina { items: Item[]; volgende: string; heeftMeer: boolean }

/** The feed queries, with the entity fields each test reads. */
const FEED = {
  toewijzing: ['toewijzingWijzigingen', 'toewijzing', 'id status'],
  indicatie: ['hhIndicatieWijzigingen', 'indicatie', 'id minutenPerWeek'],
  aanvraag: ['hhAanvraagWijzigingen', 'aanvraag', 'id status'],
  ondersteuning: ['ondersteuningWijzigingen', 'ondersteuning', 'id einddatum'],
  hulpvraag: ['hulpvraagWijzigingen', 'hulpvraag', 'id status'],
} as const;
type Feed = keyof typeof FEED;

async function pagina(feed: Feed, token: string, na: string | null, max = 100): Promise<Pagina> {
  const [veld, entiteit, sel] = FEED[feed];
  const res = await stack.query(`query($na: String, $max: Int) { ${veld}(na: $na, max: $max) { items { volgnummer soort wanneer ${entiteit} { ${sel} } } volgende heeftMeer } }`, { token, variables: { na, max } });
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return res.body.data![veld] as Pagina;
}

/** Every item after `na` (once every committed change is readable), following `volgende` until heeftMeer is false; and the cursor after them. */
async function alles(feed: Feed, token: string, na: string | null = null): Promise<{ items: Item[]; volgende: string }> {
  await feedBijgewerkt(stack);
  const items: Item[] = [];
  for (;;) {
    const p = await pagina(feed, token, na, 500);
    items.push(...p.items);
    na = p.volgende;
    if (!p.heeftMeer) return { items, volgende: na };
  }
}

/** Cursors of several callers at this moment. */
async function cursors(feed: Feed, tokens: string[]): Promise<string[]> {
  return Promise.all(tokens.map(async (token) => (await alles(feed, token)).volgende));
}

const entiteitId = (feed: Feed, i: Item) => (i[FEED[feed][1]] as { id: string }).id;
const soorten = (feed: Feed, items: Item[], id: string) => items.filter((i) => entiteitId(feed, i) === id).map((i) => i.soort);
/** The cursor's content (opaque to clients; read here to show it carries no hidden volgnummer). */
const cursorInhoud = (c: string) => JSON.parse(Buffer.from(c, 'base64url').toString('utf8')) as [string, string, string];
const err = (res: GraphQLResponse) => res.body.errors?.[0]?.extensions;

let vrij = 0;
/** A resident of GM0080 without support, toewijzing or household help. */
async function nieuweInwoner(): Promise<string> {
  const [r] = await stack.rows<{ id: string }>(sql`select id from basisondersteuning.inwoner i where gemeente_code = 'GM0080'
    and not exists (select 1 from aanvullende_ondersteuning.toewijzing t where t.inwoner_id = i.id)
    and not exists (select 1 from basisondersteuning.ondersteuning o where o.inwoner_id = i.id)
    and not exists (select 1 from huishoudelijke_hulp.indicatie x where x.inwoner_id = i.id)
    and not exists (select 1 from huishoudelijke_hulp.aanvraag a where a.inwoner_id = i.id)
    order by id offset ${vrij++} limit 1`);
  return r!.id;
}

/** Basis support and a referral: a verzoek om toewijzing at Windkracht058. */
async function verzoek(): Promise<{ inwoner: string; toewijzing: string }> {
  const inwoner = await nieuweInwoner();
  await stack.query('mutation($id: ID!) { ondersteuningRegistreren(input: { inwoner: $id, soort: TO2, startdatum: "2026-01-01" }) { id } }', { token: t.basis, variables: { id: inwoner } });
  const v = await stack.query('mutation($id: ID!) { verwijzen(input: { inwoner: $id, product: TO4, criteria: [TO_EXPERTISE], ingangsdatum: "2026-02-01", volume: 2, eenheid: "04", frequentie: "2" }) { toewijzingId } }', { token: t.basis, variables: { id: inwoner } });
  return { inwoner, toewijzing: v.body.data!.verwijzen.toewijzingId };
}

const TOEKENNEN = 'mutation($b: ID!, $t: ID!) { toewijzingToekennen(berichtId: $b, toewijzing: $t, input: { ingangsdatum: "2026-02-01", einddatum: "2099-12-31", volume: 3, eenheid: "04", frequentie: "2" }) { status } }';
const START = 'mutation($b: ID!, $t: ID!) { startbericht(berichtId: $b, toewijzing: $t, begindatum: "2026-02-10") { status } }';
const STOP = 'mutation($b: ID!, $t: ID!) { stopbericht(berichtId: $b, toewijzing: $t, stopdatum: "2026-06-30", redenBeeindiging: "19") { status } }';

describe('toewijzingWijzigingen', () => {
  it('gives each role the changes of the toewijzingen it may read, with the toewijzing as it is now, and nothing of others', async () => {
    const [cConsulent, cBasis, cWk, cOa, cOaAnder, c88] = await cursors('toewijzing', [t.consulent, t.basis, t.wk, t.oa, t.oaAnder, t.consulent88]);
    const { toewijzing } = await verzoek();

    // A verzoek: the gemeente and the referring basisondersteuning see it; the provider not yet.
    expect(soorten('toewijzing', (await alles('toewijzing', t.consulent, cConsulent)).items, toewijzing)).toEqual(['AANGEMAAKT']);
    expect(soorten('toewijzing', (await alles('toewijzing', t.basis, cBasis)).items, toewijzing)).toEqual(['AANGEMAAKT']);
    expect((await alles('toewijzing', t.wk, cWk)).items).toEqual([]);

    // Granted: now the provider's to see, with its earlier change; each item shows the toewijzing as it is now.
    expect((await stack.query(TOEKENNEN, { token: t.consulent, variables: { b: 'feed-301-a', t: toewijzing } })).body.data!.toewijzingToekennen.status).toBe('TOEGEWEZEN');
    const wk1 = await alles('toewijzing', t.wk, cWk);
    expect(wk1.items.map((i) => [i.soort, i.toewijzing])).toEqual([
      ['AANGEMAAKT', { id: toewijzing, status: 'TOEGEWEZEN' }],
      ['GEWIJZIGD', { id: toewijzing, status: 'TOEGEWEZEN' }],
    ]);
    expect(Number(wk1.items[1]!.volgnummer)).toBeGreaterThan(Number(wk1.items[0]!.volgnummer));
    expect(Date.parse(wk1.items[0]!.wanneer)).not.toBeNaN();

    // Started; the same message again (a retry) and a refused message record nothing.
    await stack.query(START, { token: t.wk, variables: { b: 'feed-305-a', t: toewijzing } });
    await stack.query(START, { token: t.wk, variables: { b: 'feed-305-a', t: toewijzing } });
    expect(err(await stack.query(START, { token: t.wk, variables: { b: 'feed-305-b', t: toewijzing } }))).toMatchObject({ code: 'CONFLICT' });
    const wk2 = await alles('toewijzing', t.wk, wk1.volgende);
    expect(wk2.items.map((i) => [i.soort, i.toewijzing])).toEqual([['GEWIJZIGD', { id: toewijzing, status: 'GESTART' }]]);

    // Handed to an onderaannemer: it sees the toewijzing's changes, another onderaannemer nothing.
    await stack.query('mutation($t: ID!) { toewijzingDoorgeven(toewijzing: $t, onderaannemer: "oa-dementie") { id } }', { token: t.wk, variables: { t: toewijzing } });
    expect(soorten('toewijzing', (await alles('toewijzing', t.oa, cOa)).items, toewijzing)).toEqual(['AANGEMAAKT', 'GEWIJZIGD', 'GEWIJZIGD', 'GEWIJZIGD']);
    const ander = await alles('toewijzing', t.oaAnder, cOaAnder);
    expect(ander.items).toEqual([]);
    // Its cursor names no change: the changes it may not see leave no volgnummer in it.
    expect(cursorInhoud(ander.volgende)[2]).toBe('0');

    // Stopped: an end state. The gemeente sees it; the provider no longer reads the toewijzing,
    // so the stop is not in its feed (it sent the stop itself; its iWmo inbox has WMO307/308).
    await stack.query(STOP, { token: t.wk, variables: { b: 'feed-307-a', t: toewijzing } });
    const consulent = await alles('toewijzing', t.consulent, cConsulent);
    expect(consulent.items.filter((i) => entiteitId('toewijzing', i) === toewijzing).map((i) => [i.soort, i.toewijzing]).at(-1)).toEqual(['BEEINDIGD', { id: toewijzing, status: 'GESTOPT' }]);
    expect((await alles('toewijzing', t.wk, wk2.volgende)).items).toEqual([]);

    // Another gemeente sees none of it.
    expect((await alles('toewijzing', t.consulent88, c88)).items).toEqual([]);
  });

  it('records the changes of imported iWmo messages once, also when a message is sent again', async () => {
    const { toewijzing } = await verzoek();
    await stack.query(TOEKENNEN, { token: t.consulent, variables: { b: 'feed-301-b', t: toewijzing } });
    const [{ nummer }] = await stack.rows<{ nummer: string }>(sql`select toewijzing_nummer as nummer from aanvullende_ondersteuning.toewijzing where id = ${toewijzing}`) as [{ nummer: string }];
    const [c] = await cursors('toewijzing', [t.wk]);
    const WMO305 = `mutation($n: String!, $d: Datum!) { iwmoBerichtVerwerken(bericht: { header: { berichtCode: 418, berichtIdentificatie: { identificatie: "feed-wk-305", dagtekening: $d },
      afzender: "windkracht058", ontvanger: "0080" }, startProduct: { toewijzingNummer: $n, begindatum: "2026-02-12" } }) { status } }`;
    for (let i = 0; i < 2; i++) {
      const res = await stack.query(WMO305, { token: t.wk, variables: { n: nummer, d: today() } });
      expect(res.body.data?.iwmoBerichtVerwerken, JSON.stringify(res.body.errors)).toEqual({ status: 'GESTART' });
    }
    expect(soorten('toewijzing', (await alles('toewijzing', t.wk, c)).items, toewijzing)).toEqual(['GEWIJZIGD']);
  });

  it('refuses a cursor that is not one of this feed, and a page size outside 1 to 500, naming the argument', async () => {
    const [hulpvraagCursor] = await cursors('hulpvraag', [t.coordinator]);
    const [eigen] = await cursors('toewijzing', [t.consulent]);
    const [feed, tamper] = [eigen!, Buffer.from(JSON.stringify(['toewijzing', '-1', 'x'])).toString('base64url')];
    for (const na of ['nope', '', hulpvraagCursor!, tamper, `${feed}x`]) {
      const res = await stack.query('query($na: String) { toewijzingWijzigingen(na: $na) { volgende } }', { token: t.consulent, variables: { na } });
      expect(err(res), na).toMatchObject({ code: 'BAD_USER_INPUT', field: 'na' });
    }
    for (const max of [0, 501, -3]) {
      const res = await stack.query('query($max: Int) { toewijzingWijzigingen(max: $max) { volgende } }', { token: t.consulent, variables: { max } });
      expect(err(res), String(max)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'max' });
    }
    // Roles that may not read toewijzingen may not read their changes either.
    for (const token of [t.beleid, t.thfl, t.coordinator]) {
      expect(err(await stack.query('{ toewijzingWijzigingen { volgende } }', { token }))).toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('pages without gaps or repeats, and a page of 50 costs the statements of a page of 5', async () => {
    const [start] = await cursors('toewijzing', [t.consulent]);
    const ids = (await stack.rows<{ id: string }>(sql`select id from aanvullende_ondersteuning.toewijzing where gemeente_code = 'GM0080' order by id limit 60`)).map((r) => r.id);
    expect(ids.length).toBeGreaterThanOrEqual(50);
    await stack.database.db.transaction((tx) => registreerWijzigingen(tx, 'GM0080', ids.map((id) => ({ entiteit: 'toewijzing', id, soort: 'GEWIJZIGD' }))));
    await feedBijgewerkt(stack);

    const gezien: Item[] = [];
    let na = start!;
    let paginas = 0;
    for (;;) {
      const p = await pagina('toewijzing', t.consulent, na, 7);
      paginas += 1;
      gezien.push(...p.items);
      na = p.volgende;
      expect(p.items.length).toBe(p.heeftMeer ? 7 : ids.length - 7 * (paginas - 1));
      if (!p.heeftMeer) break;
    }
    expect(paginas).toBe(Math.ceil(ids.length / 7));
    expect(gezien.map((i) => entiteitId('toewijzing', i))).toEqual(ids);
    expect(new Set(gezien.map((i) => i.volgnummer)).size).toBe(ids.length);

    // Every field of the entity that goes through a loader, and one that another subgraph resolves.
    const RIJK = `query($na: String, $max: Int) { toewijzingWijzigingen(na: $na, max: $max) { items { volgnummer soort wanneer toewijzing {
      id status product omvang { volume } aanbieder { naam } onderaannemer { naam } iwmoBerichten { berichtType header { berichtIdentificatie { identificatie } } } startTeLaat } } volgende heeftMeer } }`;
    const meet = async (max: number) => {
      stack.database.statements.reset();
      const res = await stack.query(RIJK, { token: t.consulent, variables: { na: start, max } });
      const statements = stack.database.statements.reset();
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.toewijzingWijzigingen.items).toHaveLength(max);
      return statements;
    };
    const [vijf, vijftig] = [await meet(5), await meet(50)];
    console.info(`toewijzingWijzigingen: ${vijf} statements for 5 items, ${vijftig} for 50`);
    expect(vijftig).toBe(vijf);
  });
});

describe('HH feeds', () => {
  it('give the assigned provider its aanvraag and indicatie, the other provider nothing', async () => {
    await stack.query('mutation { hhCapaciteitVastleggen(aanbieder: "thfl", maxClienten: 100000) { maxClienten } }', { token: t.contractmanager });
    const [aConsulent, aThfl, aMiep, iThfl, iMiep, iConsulent] = [
      ...(await cursors('aanvraag', [t.consulent, t.thfl, t.miep])), ...(await cursors('indicatie', [t.thfl, t.miep, t.consulent])),
    ];
    const inwoner = await nieuweInwoner();
    const ingediend = await stack.query('mutation($i: ID!) { hhAanvraagIndienen(inwoner: $i, voorkeurAanbieder: "thfl") { id status } }', { token: t.consulent, variables: { i: inwoner } });
    const aanvraag = ingediend.body.data!.hhAanvraagIndienen as { id: string; status: string };
    expect(aanvraag.status).toBe('TOEGEWEZEN');
    expect(soorten('aanvraag', (await alles('aanvraag', t.consulent, aConsulent)).items, aanvraag.id)).toEqual(['AANGEMAAKT']);
    expect(soorten('aanvraag', (await alles('aanvraag', t.thfl, aThfl)).items, aanvraag.id)).toEqual(['AANGEMAAKT']);

    const vastgesteld = await stack.query(`mutation($a: ID!, $d: Datum!) { hhIndicatieVaststellen(aanvraag: $a, input: { startdatum: $d, huishoudgrootte: 1,
      taken: [{ activiteit: "ZWAAR_POETSEN", mate: VOLLEDIG }] }) { id minutenPerWeek } }`, { token: t.thfl, variables: { a: aanvraag.id, d: today() } });
    expect(vastgesteld.body.errors).toBeUndefined();
    const indicatie = vastgesteld.body.data!.hhIndicatieVaststellen as { id: string; minutenPerWeek: number };

    const thflAanvragen = (await alles('aanvraag', t.thfl, aThfl)).items;
    expect(thflAanvragen.filter((i) => entiteitId('aanvraag', i) === aanvraag.id).map((i) => [i.soort, i.aanvraag]))
      .toEqual([['AANGEMAAKT', { id: aanvraag.id, status: 'AFGEHANDELD' }], ['BEEINDIGD', { id: aanvraag.id, status: 'AFGEHANDELD' }]]);
    expect((await alles('indicatie', t.thfl, iThfl)).items.map((i) => [i.soort, i.indicatie])).toEqual([['AANGEMAAKT', indicatie]]);
    expect(soorten('indicatie', (await alles('indicatie', t.consulent, iConsulent)).items, indicatie.id)).toEqual(['AANGEMAAKT']);
    expect((await alles('aanvraag', t.miep, aMiep)).items).toEqual([]);
    expect((await alles('indicatie', t.miep, iMiep)).items).toEqual([]);
  });
});

describe('HH feeds after a staff transfer', () => {
  it('give the receiving provider the continued indicaties, the consulent every change, the old provider none of the new', async () => {
    const [h] = await stack.rows<{ hulp: string }>(sql`select k.hulp_id as hulp from huishoudelijke_hulp.koppeling k
      join huishoudelijke_hulp.indicatie i on i.inwoner_id = k.inwoner_id and i.organisatie_id = 'thfl' and (i.einddatum is null or i.einddatum >= current_date)
      where k.tot is null and k.hulp_id like 'gm0080-hulp-thfl-%' group by k.hulp_id order by count(*) desc, k.hulp_id limit 1`);
    const [cConsulent, cThfl, cMiep] = await cursors('indicatie', [t.consulent, t.thfl, t.miep]);
    const res = await stack.query('mutation($h: ID!, $per: Datum!) { hhPersoneelOverdragen(van: "thfl", naar: "miep", hulpen: [$h], per: $per) { id } }',
      { token: t.contractmanager, variables: { h: h!.hulp, per: today() } });
    expect(res.body.errors).toBeUndefined();
    const regels = await stack.rows<{ oud: string; nieuw: string }>(sql`select r.oude_indicatie_id as oud, r.nieuwe_indicatie_id as nieuw from huishoudelijke_hulp.overdracht_regel r
      where r.overdracht_id = ${res.body.data!.hhPersoneelOverdragen.id} and r.nieuwe_indicatie_id is not null`);
    expect(regels.length).toBeGreaterThan(0);
    // Each moved client: an indicatie that had started ends (BEEINDIGD) and continues at M.I.E.P. (AANGEMAAKT).
    const consulent = (await alles('indicatie', t.consulent, cConsulent)).items;
    const miep = (await alles('indicatie', t.miep, cMiep)).items;
    expect(regels.some((r) => r.oud !== r.nieuw)).toBe(true);
    for (const r of regels) {
      if (r.oud === r.nieuw) {
        // Not started yet: the indicatie itself moved.
        expect(soorten('indicatie', miep, r.nieuw)).toEqual(['GEWIJZIGD']);
        continue;
      }
      expect(soorten('indicatie', consulent, r.oud)).toEqual(['BEEINDIGD']);
      expect(soorten('indicatie', consulent, r.nieuw)).toEqual(['AANGEMAAKT']);
      expect(soorten('indicatie', miep, r.nieuw)).toEqual(['AANGEMAAKT']);
    }
    // THFL no longer reads the ended indicaties (they ended yesterday) nor the new ones at M.I.E.P.
    expect((await alles('indicatie', t.thfl, cThfl)).items.filter((i) => regels.some((r) => [r.oud, r.nieuw].includes(entiteitId('indicatie', i))))).toEqual([]);
  });
});

describe('ondersteuningWijzigingen', () => {
  it('gives the registrations to the basisondersteuning, the consulent and the resident, and to nobody else', async () => {
    const inwoner = await nieuweInwoner();
    const ander = await nieuweInwoner();
    const zelf = await stack.token({ rol: 'inwoner', sub: inwoner });
    const iemandAnders = await stack.token({ rol: 'inwoner', sub: ander });
    const [cBasis, cConsulent, cZelf, cAnder] = await cursors('ondersteuning', [t.basis, t.consulent, zelf, iemandAnders]);
    const reg = await stack.query('mutation($id: ID!) { ondersteuningRegistreren(input: { inwoner: $id, soort: TO1, startdatum: "2026-01-01" }) { id } }', { token: t.basis, variables: { id: inwoner } });
    const id = reg.body.data!.ondersteuningRegistreren.id as string;
    await stack.query('mutation($id: ID!) { ondersteuningBeeindigen(id: $id, einddatum: "2027-03-31") { id } }', { token: t.basis, variables: { id } });
    for (const [token, c] of [[t.basis, cBasis], [t.consulent, cConsulent], [zelf, cZelf]] as const) {
      const items = (await alles('ondersteuning', token, c)).items.filter((i) => entiteitId('ondersteuning', i) === id);
      expect(items.map((i) => [i.soort, i.ondersteuning])).toEqual([['AANGEMAAKT', { id, einddatum: '2027-03-31' }], ['BEEINDIGD', { id, einddatum: '2027-03-31' }]]);
    }
    expect((await alles('ondersteuning', iemandAnders, cAnder)).items).toEqual([]);
    for (const token of [t.wk, t.thfl, t.coordinator]) {
      expect(err(await stack.query('{ ondersteuningWijzigingen { volgende } }', { token }))).toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});

describe('hulpvraagWijzigingen', () => {
  it('gives the coordinator every hulpvraag change, and is not for volunteers or the basisondersteuning', async () => {
    const [c] = await cursors('hulpvraag', [t.coordinator]);
    const [w] = await stack.rows<{ code: string }>(sql`select code from basisondersteuning.wijk where gemeente_code = 'GM0080' order by code limit 1`);
    const reg = await stack.query('mutation($w: ID!) { hulpvraagRegistreren(input: { wijk: $w, soort: VERVOER }) { id } }', { token: t.coordinator, variables: { w: w!.code } });
    const id = reg.body.data!.hulpvraagRegistreren.id as string;
    await stack.query('mutation($id: ID!) { hulpvraagOpschalen(id: $id, reden: "Past bij de basis") { id } }', { token: t.coordinator, variables: { id } });
    expect((await alles('hulpvraag', t.coordinator, c)).items.map((i) => [i.soort, i.hulpvraag])).toEqual([
      ['AANGEMAAKT', { id, status: 'OPGESCHAALD' }], ['BEEINDIGD', { id, status: 'OPGESCHAALD' }],
    ]);
    // The feed shows when a hulpvraag moved, its history: only the coordinator reads that.
    for (const token of [t.vrijwilliger, t.basis]) {
      expect(err(await stack.query('{ hulpvraagWijzigingen { volgende } }', { token }))).toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});

describe('processing log', () => {
  it('logs the residents whose entity a feed item shows, and nobody for the feed rows alone', async () => {
    const { inwoner, toewijzing } = await verzoek();
    const [c] = await cursors('toewijzing', [t.consulent]);
    await stack.query(TOEKENNEN, { token: t.consulent, variables: { b: 'feed-301-log', t: toewijzing } });
    await feedBijgewerkt(stack);
    const log = async (sel: string) => {
      const traceId = randomBytes(16).toString('hex');
      const res = await stack.post(stack.platform.gatewayUrl, { query: `query($na: String) { toewijzingWijzigingen(na: $na) { items { ${sel} } } }`, variables: { na: c } },
        { authorization: `Bearer ${t.consulent}`, traceparent: `00-${traceId}-00f067aa0ba902b7-01` });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.toewijzingWijzigingen.items).toHaveLength(1);
      return stack.rows<{ betrokkene: string; velden: string[] }>(sql`select betrokkene, velden from privacy.verwerking where trace_id = ${traceId}`);
    };
    expect(await log('volgnummer soort wanneer')).toEqual([]);
    expect(await log('soort toewijzing { status }')).toEqual([{ betrokkene: pseudoniem(loadPseudonymKey(stack.config), inwoner), velden: ['Toewijzing.status'] }]);
  });
});
