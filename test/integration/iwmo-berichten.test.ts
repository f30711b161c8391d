/**
 * iWmo-shaped import and export of the four message pairs through the gateway:
 * verwijzen -> WMO315/316 -> WMO301 (consulent) -> WMO302, WMO305/306, WMO307/308 (provider),
 * retries, refusals, who sees and sends what, a re-runnable export, pages and statements.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../../subgraphs/shared/scalars';
import { bootStack, sql, type Stack, type GraphQLResponse } from '../support/stack';

let stack: Stack;
let consulent: string;
let aanbieder: string;
let basis: string;

beforeAll(async () => {
  stack = await bootStack();
  consulent = await stack.token({ rol: 'gemeente-consulent' });
  aanbieder = await stack.token({ rol: 'aanbieder-medewerker', organisatie: 'windkracht058' });
  basis = await stack.token({ rol: 'basis-medewerker', organisatie: 'amaryllis' });
});
afterAll(() => stack?.stop());

const DAY = 86_400_000;
/** Dates relative to today, so the toewijzing is running (visible to its provider) whenever the test runs. */
const dag = (offset: number) => new Date(Date.parse(`${today()}T00:00:00Z`) + offset * DAY).toISOString().slice(0, 10);
const code = (res: GraphQLResponse) => res.body.errors?.[0]?.extensions;

const PRODUCT = 'product { categorie code }';
const BERICHT = `berichtType inwoner { id }
  header { berichtCode berichtIdentificatie { identificatie dagtekening } afzender ontvanger identificatieRetour dagtekeningRetour }
  aangevraagdProduct { referentieAanbieder toewijzingIngangsdatum verwijzer { id } ${PRODUCT} omvang { volume eenheid frequentie } }
  toegewezenProduct { toewijzingNummer toewijzingsdatum ingangsdatum ${PRODUCT} einddatum redenWijziging omvang { volume eenheid frequentie } }
  startProduct { toewijzingNummer ${PRODUCT} toewijzingIngangsdatum begindatum }
  stopProduct { toewijzingNummer ${PRODUCT} toewijzingIngangsdatum begindatum einddatum redenBeeindiging }`;
const VERWERKEN = `mutation($b: IwmoBerichtInput!) { iwmoBerichtVerwerken(bericht: $b) { status bericht { ${BERICHT} } retour { ${BERICHT} } } }`;
const POSTVAK = `query($t: IwmoBerichtType!, $van: Datum!, $tot: Datum!, $na: String, $n: Int) {
  iwmoBerichten(berichtType: $t, van: $van, tot: $tot, na: $na, aantal: $n) { volgende berichten { ${BERICHT} } } }`;
const VAN_INWONER = `query($id: ID!) { inwoner(id: $id) { toewijzingen { id iwmoBerichten { ${BERICHT} } } } }`;

type Bericht = { berichtType: string; header: { berichtIdentificatie: { identificatie: string; dagtekening: string }; [k: string]: unknown }; [k: string]: any };

let seq = 0;
/** A fresh resident with basis support, referred for TO4 (2 uur per week from ingangsdatum): the verzoek. */
async function verzoek(ingangsdatum = dag(-30)) {
  const [r] = await stack.rows<{ id: string }>(sql`select id from basisondersteuning.inwoner i where gemeente_code = 'GM0080'
    and not exists (select 1 from aanvullende_ondersteuning.toewijzing t where t.inwoner_id = i.id)
    and not exists (select 1 from basisondersteuning.ondersteuning o where o.inwoner_id = i.id) order by id offset ${seq++} limit 1`);
  await stack.query('mutation($id: ID!) { ondersteuningRegistreren(input: { inwoner: $id, soort: TO2, startdatum: "2026-01-01" }) { id } }', { token: basis, variables: { id: r!.id } });
  const v = await stack.query(`mutation($id: ID!, $d: Datum!) { verwijzen(input: { inwoner: $id, product: TO4, criteria: [TO_EXPERTISE], ingangsdatum: $d, volume: 2, eenheid: "04", frequentie: "2" }) { id toewijzingId } }`,
    { token: basis, variables: { id: r!.id, d: ingangsdatum } });
  const toewijzing = v.body.data!.verwijzen.toewijzingId as string;
  const [t] = await stack.rows<{ toewijzing_nummer: string }>(sql`select toewijzing_nummer from aanvullende_ondersteuning.toewijzing where id = ${toewijzing}`);
  return { inwoner: r!.id, toewijzing, nummer: t!.toewijzing_nummer, verwijzing: v.body.data!.verwijzen.id as string, ingangsdatum };
}

const header = (berichtCode: number, identificatie: string, afzender: string, ontvanger: string, extra: object = {}) =>
  ({ berichtCode, berichtIdentificatie: { identificatie, dagtekening: today() }, afzender, ontvanger, ...extra });
const wmo301 = (id: string, nummer: string, ingangsdatum: string, product: object = {}) => ({
  header: header(414, id, '0080', 'windkracht058'),
  toegewezenProduct: { toewijzingNummer: nummer, ingangsdatum, einddatum: dag(300), product: { categorie: '02', code: 'TO4' }, omvang: { volume: 3, eenheid: '04', frequentie: '2' }, ...product },
});
const wmo305 = (id: string, nummer: string, begindatum: string) => ({
  header: header(418, id, 'windkracht058', '0080'), startProduct: { toewijzingNummer: nummer, begindatum },
});
const wmo307 = (id: string, nummer: string, begindatum: string, einddatum: string, redenBeeindiging = '19') => ({
  header: header(420, id, 'windkracht058', '0080'), stopProduct: { toewijzingNummer: nummer, begindatum, einddatum, redenBeeindiging },
});
const send = (token: string, b: object) => stack.query(VERWERKEN, { token, variables: { b } });

async function berichtenVan(token: string, inwoner: string, toewijzing: string): Promise<Bericht[] | null> {
  const res = await stack.query(VAN_INWONER, { token, variables: { id: inwoner } });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.inwoner?.toewijzingen.find((t: { id: string }) => t.id === toewijzing)?.iwmoBerichten ?? null;
}

/** Every message of one type in a period, through all pages of `aantal`. */
async function postvak(token: string, t: string, van: string, tot: string, aantal = 100): Promise<{ berichten: Bericht[]; pages: number }> {
  const berichten: Bericht[] = [];
  let na: string | null = null;
  let pages = 0;
  do {
    const res = await stack.query(POSTVAK, { token, variables: { t, van, tot, na, n: aantal } });
    expect(res.body.errors).toBeUndefined();
    berichten.push(...res.body.data!.iwmoBerichten.berichten);
    na = res.body.data!.iwmoBerichten.volgende;
    pages += 1;
  } while (na);
  return { berichten, pages };
}
const ids = (berichten: Bericht[]) => berichten.map((b) => b.header.berichtIdentificatie.identificatie);

describe('iWmo round trip', () => {
  it('exports the verzoek, imports WMO301, WMO302, WMO305 and WMO307, answers with retours and exports them all', async () => {
    const v = await verzoek();
    const product = { categorie: '02', code: 'TO4' };
    const omvang = { volume: 2, eenheid: '04', frequentie: '2' };

    // The verzoek from verwijzen: WMO315 on behalf of the hoofdaanbieder, and the platform's WMO316.
    const before = await berichtenVan(consulent, v.inwoner, v.toewijzing);
    expect(before!.map((b) => b.berichtType)).toEqual(['WMO315', 'WMO316']);
    const wmo315 = before![0]!;
    expect(wmo315).toMatchObject({
      inwoner: { id: v.inwoner },
      header: { berichtCode: 444, berichtIdentificatie: { identificatie: `${v.toewijzing}.WMO315`, dagtekening: today() }, afzender: 'windkracht058', ontvanger: '0080', identificatieRetour: null },
      aangevraagdProduct: { referentieAanbieder: v.verwijzing, toewijzingIngangsdatum: v.ingangsdatum, verwijzer: { id: 'amaryllis' }, product, omvang },
      toegewezenProduct: null, startProduct: null, stopProduct: null,
    });
    expect(before![1]).toMatchObject({
      header: { berichtCode: 445, afzender: '0080', ontvanger: 'windkracht058', identificatieRetour: `${v.toewijzing}.WMO315`, dagtekeningRetour: today() },
      aangevraagdProduct: wmo315.aangevraagdProduct,
    });
    // The provider sees nothing of a verzoek: it is not (yet) its running toewijzing.
    expect(await berichtenVan(aanbieder, v.inwoner, v.toewijzing)).toBeNull();

    // WMO301 by the consulent: granted with more than was asked; no retour from the platform.
    const granted = await send(consulent, wmo301('iwmo-301-a', v.nummer, v.ingangsdatum));
    expect(granted.body.errors).toBeUndefined();
    const toewijzing = { toewijzingNummer: v.nummer, toewijzingsdatum: today(), ingangsdatum: v.ingangsdatum, product, einddatum: dag(300), redenWijziging: null, omvang: { ...omvang, volume: 3 } };
    expect(granted.body.data!.iwmoBerichtVerwerken).toMatchObject({
      status: 'TOEGEWEZEN', retour: null,
      bericht: { berichtType: 'WMO301', header: { berichtCode: 414, berichtIdentificatie: { identificatie: 'iwmo-301-a', dagtekening: today() }, afzender: '0080', ontvanger: 'windkracht058' }, toegewezenProduct: toewijzing },
    });
    // The verzoek keeps what was asked.
    expect((await berichtenVan(consulent, v.inwoner, v.toewijzing))![0]).toEqual(wmo315);

    // The provider finds the WMO301 in its inbox, exactly as the consulent's import answered.
    const inbox = await postvak(aanbieder, 'WMO301', today(), today());
    expect(inbox.berichten.find((b) => b.header.berichtIdentificatie.identificatie === 'iwmo-301-a')).toEqual(granted.body.data!.iwmoBerichtVerwerken.bericht);

    // WMO302: the provider acknowledges that WMO301. Recorded, nothing changes, no retour.
    const ack = await send(aanbieder, {
      header: header(415, 'wk-302-1', 'windkracht058', '0080', { identificatieRetour: 'iwmo-301-a', dagtekeningRetour: today() }),
      toegewezenProduct: { toewijzingNummer: v.nummer },
    });
    expect(ack.body.errors).toBeUndefined();
    expect(ack.body.data!.iwmoBerichtVerwerken).toMatchObject({
      status: 'TOEGEWEZEN', retour: null,
      bericht: { berichtType: 'WMO302', header: { berichtCode: 415, afzender: 'windkracht058', ontvanger: '0080', identificatieRetour: 'iwmo-301-a', dagtekeningRetour: today() }, toegewezenProduct: toewijzing },
    });

    // WMO305 -> WMO306, WMO307 -> WMO308.
    const started = await send(aanbieder, wmo305('wk-305-1', v.nummer, dag(-20)));
    expect(started.body.errors).toBeUndefined();
    const start = { toewijzingNummer: v.nummer, product, toewijzingIngangsdatum: v.ingangsdatum, begindatum: dag(-20) };
    expect(started.body.data!.iwmoBerichtVerwerken).toMatchObject({
      status: 'GESTART',
      bericht: { berichtType: 'WMO305', header: { berichtCode: 418, berichtIdentificatie: { identificatie: 'wk-305-1' } }, startProduct: start },
      retour: {
        berichtType: 'WMO306', inwoner: { id: v.inwoner }, startProduct: start,
        header: { berichtCode: 419, berichtIdentificatie: { identificatie: 'wk-305-1.WMO306', dagtekening: today() }, afzender: '0080', ontvanger: 'windkracht058', identificatieRetour: 'wk-305-1', dagtekeningRetour: today() },
      },
    });
    const running = await berichtenVan(aanbieder, v.inwoner, v.toewijzing);
    expect(running!.map((b) => b.berichtType)).toEqual(['WMO315', 'WMO316', 'WMO301', 'WMO302', 'WMO305', 'WMO306']);

    const stopped = await send(aanbieder, wmo307('wk-307-1', v.nummer, dag(-20), dag(-2), '23'));
    expect(stopped.body.errors).toBeUndefined();
    expect(stopped.body.data!.iwmoBerichtVerwerken).toMatchObject({
      status: 'GESTOPT',
      bericht: { berichtType: 'WMO307', header: { berichtCode: 420 }, stopProduct: { ...start, einddatum: dag(-2), redenBeeindiging: '23' } },
      retour: { berichtType: 'WMO308', header: { berichtCode: 421, identificatieRetour: 'wk-307-1', afzender: '0080' }, stopProduct: { einddatum: dag(-2), redenBeeindiging: '23' } },
    });

    // The consulent's export shows the whole flow, in order; what the imports answered is what is exported.
    const all = await berichtenVan(consulent, v.inwoner, v.toewijzing);
    expect(all!.map((b) => b.berichtType)).toEqual(['WMO315', 'WMO316', 'WMO301', 'WMO302', 'WMO305', 'WMO306', 'WMO307', 'WMO308']);
    expect(all![3]).toEqual(ack.body.data!.iwmoBerichtVerwerken.bericht);
    expect(all![6]).toEqual(stopped.body.data!.iwmoBerichtVerwerken.bericht);
    expect(all![7]).toEqual(stopped.body.data!.iwmoBerichtVerwerken.retour);
    // Like the toewijzing itself, the messages leave the provider's view once the toewijzing has ended.
    expect(await berichtenVan(aanbieder, v.inwoner, v.toewijzing)).toBeNull();
  });

  it('treats a retried message as one: same answer, nothing changed; the same id with other content is a CONFLICT', async () => {
    const v = await verzoek();
    await send(consulent, wmo301('iwmo-301-r', v.nummer, v.ingangsdatum));
    const first = await send(aanbieder, wmo305('wk-305-r', v.nummer, dag(-10)));
    const row = async () => (await stack.rows(sql`select * from aanvullende_ondersteuning.toewijzing where id = ${v.toewijzing}`))[0];
    const stored = await row();
    const retries = await Promise.all([1, 2, 3].map(() => send(aanbieder, wmo305('wk-305-r', v.nummer, dag(-10)))));
    for (const r of retries) expect(r.body).toEqual(first.body);
    expect(await row()).toEqual(stored);
    const [n] = await stack.rows<{ n: number }>(sql`select count(*)::int as n from aanvullende_ondersteuning.bericht where bericht_id = 'wk-305-r'`);
    expect(n!.n).toBe(1);

    const other = await send(aanbieder, wmo305('wk-305-r', v.nummer, dag(-9)));
    expect(code(other)).toMatchObject({ code: 'CONFLICT' });
    // After the stop, the retried start still gets the start's own answer (GESTART, the same WMO306).
    await send(aanbieder, wmo307('wk-307-r', v.nummer, dag(-10), dag(-1)));
    const late = await send(aanbieder, wmo305('wk-305-r', v.nummer, dag(-10)));
    expect(late.body).toEqual(first.body);
    expect(late.body.data!.iwmoBerichtVerwerken.status).toBe('GESTART');
    // The retried WMO301 too, also from another consulent of the gemeente.
    const again = await send(await stack.token({ rol: 'gemeente-consulent', sub: 'consulent-2' }), wmo301('iwmo-301-r', v.nummer, v.ingangsdatum));
    expect(again.body.data!.iwmoBerichtVerwerken.status).toBe('TOEGEWEZEN');
  });

  it('changes a running toewijzing with a WMO301 that has a RedenWijziging, and keeps the first WMO301 as it was', async () => {
    const v = await verzoek();
    await send(consulent, wmo301('iwmo-301-w1', v.nummer, v.ingangsdatum));
    await send(aanbieder, wmo305('wk-305-w', v.nummer, dag(-10)));
    const changed = await send(consulent, wmo301('iwmo-301-w2', v.nummer, v.ingangsdatum, { redenWijziging: '04', einddatum: dag(600), omvang: { volume: 5, eenheid: '04', frequentie: '2' } }));
    expect(changed.body.errors).toBeUndefined();
    expect(changed.body.data!.iwmoBerichtVerwerken).toMatchObject({ status: 'GESTART', bericht: { toegewezenProduct: { redenWijziging: '04', einddatum: dag(600), omvang: { volume: 5 } } } });
    const all = await berichtenVan(consulent, v.inwoner, v.toewijzing);
    const wmo301s = all!.filter((b) => b.berichtType === 'WMO301').map((b) => b.toegewezenProduct);
    expect(wmo301s).toMatchObject([{ redenWijziging: null, einddatum: dag(300), omvang: { volume: 3 } }, { redenWijziging: '04', einddatum: dag(600), omvang: { volume: 5 } }]);
    const eenheid = await send(consulent, wmo301('iwmo-301-w3', v.nummer, v.ingangsdatum, { redenWijziging: '04', omvang: { volume: 5, eenheid: '16', frequentie: '2' } }));
    expect(code(eenheid)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'bericht.toegewezenProduct.omvang.eenheid' });
  });
});

describe('refusals', () => {
  it('answers an invalid transition with CONFLICT and the current status', async () => {
    const v = await verzoek();
    // A verzoek the gemeente has not granted is not the provider's to see: NOT_FOUND, not its status.
    const verzoekStart = code(await send(aanbieder, wmo305('wk-305-c0', v.nummer, dag(-10))));
    expect(verzoekStart).toMatchObject({ code: 'NOT_FOUND' });
    expect(verzoekStart).not.toHaveProperty('currentStatus');
    await send(consulent, wmo301('iwmo-301-c', v.nummer, v.ingangsdatum));
    expect(code(await send(aanbieder, wmo307('wk-307-c0', v.nummer, dag(-10), dag(-1))))).toMatchObject({ code: 'CONFLICT', currentStatus: 'TOEGEWEZEN' });
    expect(code(await send(consulent, wmo301('iwmo-301-c2', v.nummer, v.ingangsdatum)))).toMatchObject({ code: 'CONFLICT', currentStatus: 'TOEGEWEZEN' });
    await send(aanbieder, wmo305('wk-305-c1', v.nummer, dag(-10)));
    expect(code(await send(aanbieder, wmo305('wk-305-c2', v.nummer, dag(-9))))).toMatchObject({ code: 'CONFLICT', currentStatus: 'GESTART' });
  });

  it('names the field of a bad code, date, id or party in BAD_USER_INPUT, before anything changes', async () => {
    const v = await verzoek();
    const bad = async (token: string, b: object, field: string) => {
      const res = await send(token, b);
      expect(code(res), field).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(res.body.errors![0]!.message).not.toContain(v.inwoner);
    };
    await bad(consulent, { ...wmo301('x-1', v.nummer, v.ingangsdatum), header: header(444, 'x-1', '0080', 'windkracht058') }, 'bericht.header.berichtCode');
    await bad(consulent, { ...wmo301('x-1', v.nummer, v.ingangsdatum), header: header(999, 'x-1', '0080', 'windkracht058') }, 'bericht.header.berichtCode');
    await bad(consulent, wmo301('x-1', v.nummer, v.ingangsdatum, { omvang: { volume: 3, eenheid: '99', frequentie: '2' } }), 'bericht.toegewezenProduct.omvang.eenheid');
    await bad(consulent, wmo301('x-1', v.nummer, v.ingangsdatum, { omvang: { volume: 3, eenheid: '04', frequentie: '3' } }), 'bericht.toegewezenProduct.omvang.frequentie');
    await bad(consulent, wmo301('x-1', v.nummer, v.ingangsdatum, { omvang: { volume: 0, eenheid: '04', frequentie: '2' } }), 'bericht.toegewezenProduct.omvang.volume');
    await bad(consulent, wmo301('x-1', v.nummer, v.ingangsdatum, { redenWijziging: '01' }), 'bericht.toegewezenProduct.redenWijziging');
    await bad(consulent, wmo301('x-1', v.nummer, v.ingangsdatum, { product: { categorie: '99', code: 'TO4' } }), 'bericht.toegewezenProduct.product.categorie');
    await bad(consulent, wmo301('x-1', v.nummer, v.ingangsdatum, { product: { categorie: '07', code: 'DB3' } }), 'bericht.toegewezenProduct.product.categorie');
    await bad(consulent, wmo301('x-1', v.nummer, v.ingangsdatum, { einddatum: dag(-400) }), 'bericht.toegewezenProduct.einddatum');
    await bad(consulent, wmo301('x-1', v.nummer, null as never), 'bericht.toegewezenProduct.ingangsdatum');
    await bad(consulent, wmo301('x 1', v.nummer, v.ingangsdatum), 'bericht.header.berichtIdentificatie.identificatie');
    await bad(consulent, wmo301('x-1.WMO306', v.nummer, v.ingangsdatum), 'bericht.header.berichtIdentificatie.identificatie');
    await bad(consulent, wmo301('x-1', "10000001' or 1=1", v.ingangsdatum), 'bericht.toegewezenProduct.toewijzingNummer');
    await bad(consulent, { ...wmo301('x-1', v.nummer, v.ingangsdatum), header: { ...header(414, 'x-1', '0080', 'windkracht058'), berichtIdentificatie: { identificatie: 'x-1', dagtekening: dag(2) } } }, 'bericht.header.berichtIdentificatie.dagtekening');
    await bad(consulent, { ...wmo301('x-1', v.nummer, v.ingangsdatum), header: header(414, 'x-1', '0080', 'oa-dementie') }, 'bericht.header.ontvanger');
    await bad(consulent, { ...wmo301('x-1', v.nummer, v.ingangsdatum), startProduct: { toewijzingNummer: v.nummer, begindatum: dag(-1) } }, 'bericht.startProduct');
    await send(consulent, wmo301('iwmo-301-b', v.nummer, v.ingangsdatum));
    await bad(aanbieder, { ...wmo305('x-2', v.nummer, dag(-10)), header: header(418, 'x-2', '0080', 'windkracht058') }, 'bericht.header.afzender');
    // A date check that needs the toewijzing comes from the state machine, renamed to the message's field.
    await bad(aanbieder, wmo305('x-2', v.nummer, dag(-40)), 'bericht.startProduct.begindatum');
    await bad(aanbieder, { ...wmo305('x-2', v.nummer, dag(-10)), startProduct: { toewijzingNummer: v.nummer, begindatum: dag(-10), toewijzingIngangsdatum: dag(-31) } }, 'bericht.startProduct.toewijzingIngangsdatum');
    await bad(aanbieder, { header: header(415, 'x-3', 'windkracht058', '0080', { identificatieRetour: 'nope', dagtekeningRetour: today() }), toegewezenProduct: { toewijzingNummer: v.nummer } }, 'bericht.header.identificatieRetour');
    await bad(aanbieder, { header: header(415, 'x-3', 'windkracht058', '0080', { identificatieRetour: 'iwmo-301-b', dagtekeningRetour: dag(-1) }), toegewezenProduct: { toewijzingNummer: v.nummer } }, 'bericht.header.dagtekeningRetour');
    await bad(aanbieder, { header: header(415, 'x-3', 'windkracht058', '0080'), toegewezenProduct: { toewijzingNummer: v.nummer } }, 'bericht.header.identificatieRetour');
    await send(aanbieder, wmo305('x-4', v.nummer, dag(-10)));
    await bad(aanbieder, wmo307('x-5', v.nummer, dag(-10), dag(-1), '99'), 'bericht.stopProduct.redenBeeindiging');
    await bad(aanbieder, wmo307('x-5', v.nummer, dag(-10), dag(-11)), 'bericht.stopProduct.einddatum');
    await bad(aanbieder, wmo307('x-5', v.nummer, dag(-11), dag(-1)), 'bericht.stopProduct.begindatum');
    const [n] = await stack.rows<{ n: number }>(sql`select count(*)::int as n from aanvullende_ondersteuning.bericht where bericht_id like 'x-%'`);
    expect(n!.n).toBe(1); // only the valid start x-4
  });

  it('takes each message only from its own sender: FORBIDDEN for another role, NOT_FOUND for another provider', async () => {
    const v = await verzoek();
    expect(code(await send(aanbieder, wmo301('f-1', v.nummer, v.ingangsdatum)))).toMatchObject({ code: 'FORBIDDEN' });
    await send(consulent, wmo301('f-301', v.nummer, v.ingangsdatum));
    expect(code(await send(consulent, wmo305('f-2', v.nummer, dag(-10))))).toMatchObject({ code: 'FORBIDDEN' });
    const partner = await stack.token({ rol: 'partner-systeem', organisatie: 'windkracht058' });
    // partner-systeem may send no raw operation at all (trusted documents); its field rules are in the matrix.
    expect(code(await send(partner, wmo305('f-3', v.nummer, dag(-10))))).toMatchObject({ code: 'TRUSTED_DOCUMENT_REQUIRED' });
    expect(code(await stack.query(POSTVAK, { token: partner, variables: { t: 'WMO301', van: today(), tot: today() } }))).toMatchObject({ code: 'TRUSTED_DOCUMENT_REQUIRED' });

    const other = await stack.token({ rol: 'aanbieder-medewerker', organisatie: 'oa-dementie' });
    expect(code(await send(other, wmo305('f-4', v.nummer, dag(-10))))).toMatchObject({ code: 'NOT_FOUND' });
    expect(code(await send(other, { header: header(415, 'f-5', 'windkracht058', '0080', { identificatieRetour: 'f-301', dagtekeningRetour: today() }), toegewezenProduct: { toewijzingNummer: v.nummer } }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(ids((await postvak(other, 'WMO301', today(), today())).berichten)).not.toContain('f-301');
    expect(await berichtenVan(other, v.inwoner, v.toewijzing)).toBeNull();
    expect(ids((await postvak(aanbieder, 'WMO301', today(), today())).berichten)).toContain('f-301');

    // Handed on, the onderaannemer sends for the hoofdaanbieder and sees the messages too.
    await stack.query('mutation($t: ID!) { toewijzingDoorgeven(toewijzing: $t, onderaannemer: "oa-dementie") { id } }', { token: aanbieder, variables: { t: v.toewijzing } });
    const start = await send(other, wmo305('f-6', v.nummer, dag(-10)));
    expect(start.body.data!.iwmoBerichtVerwerken).toMatchObject({ status: 'GESTART', retour: { header: { ontvanger: 'windkracht058' } } });
    expect((await berichtenVan(other, v.inwoner, v.toewijzing))!.map((b) => b.berichtType)).toContain('WMO306');
    const third = await stack.token({ rol: 'aanbieder-medewerker', organisatie: 'oa-agressie' });
    expect(ids((await postvak(other, 'WMO305', today(), today())).berichten)).toContain('f-6');
    expect(ids((await postvak(third, 'WMO305', today(), today())).berichten)).not.toContain('f-6');

    // The message refers to the resident; the BSN stays behind Inwoner.bsn.
    const bsn = await stack.query(`query { iwmoBerichten(berichtType: WMO305, van: "${today()}", tot: "${today()}") { berichten { inwoner { id bsn } } } }`, { token: aanbieder });
    expect(bsn.body.data!.iwmoBerichten.berichten.length).toBeGreaterThan(0);
    expect(bsn.body.errors!.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
    const mine = await stack.query(`query { iwmoBerichten(berichtType: WMO305, van: "${today()}", tot: "${today()}") { berichten { inwoner { id bsn } } } }`, { token: consulent });
    expect(mine.body.errors).toBeUndefined();
    expect(mine.body.data!.iwmoBerichten.berichten.every((b: { inwoner: { bsn: string } }) => /^\d{9}$/.test(b.inwoner.bsn))).toBe(true);
  });
});

describe('export', () => {
  it('is deterministic: the same query twice gives the same messages, ids and dates', async () => {
    const first = await postvak(consulent, 'WMO301', '2020-01-01', dag(0));
    const second = await postvak(consulent, 'WMO301', '2020-01-01', dag(0));
    expect(first.berichten.length).toBeGreaterThan(20);
    expect(second).toEqual(first);
    // Seeded toewijzingen (no stored messages) get the derived id `<toewijzing>.<type>`.
    expect(ids(first.berichten).some((id) => /^gm0080-tw-\d+\.WMO301$/.test(id))).toBe(true);
  });

  it('pages by key without gaps or duplicates, in (dagtekening, identificatie) order', async () => {
    for (const type of ['WMO301', 'WMO305', 'WMO307']) {
      const whole = await postvak(consulent, type, '2020-01-01', dag(0), 500);
      expect(whole.pages).toBe(1);
      const paged = await postvak(consulent, type, '2020-01-01', dag(0), 7);
      expect(paged.pages).toBe(Math.max(1, Math.ceil(whole.berichten.length / 7)));
      expect(ids(paged.berichten)).toEqual(ids(whole.berichten));
      expect(new Set(ids(paged.berichten)).size).toBe(paged.berichten.length);
      const keys = paged.berichten.map((b) => [b.header.berichtIdentificatie.dagtekening, b.header.berichtIdentificatie.identificatie] as const);
      for (let i = 1; i < keys.length; i += 1) {
        expect(keys[i - 1]![0] < keys[i]![0] || (keys[i - 1]![0] === keys[i]![0] && keys[i - 1]![1] < keys[i]![1]), `${keys[i - 1]} < ${keys[i]}`).toBe(true);
      }
    }
  });

  it('refuses bad paging arguments with the field named', async () => {
    const q = (v: object) => stack.query(POSTVAK, { token: consulent, variables: { t: 'WMO301', van: '2024-01-01', tot: '2024-12-31', ...v } });
    expect(code(await q({ na: 'not-a-cursor' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'na' });
    expect(code(await q({ na: Buffer.from('["2024-13-45","x"]').toString('base64url') }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'na' });
    expect(code(await q({ n: 0 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'aantal' });
    expect(code(await q({ n: 501 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'aantal' });
    expect(code(await q({ van: '2025-01-01' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tot' });
  });

  it('runs one SQL statement per list, whatever its length', async () => {
    const count = async (query: string, token = consulent) => {
      stack.database.statements.reset();
      const res = await stack.query(query, { token });
      expect(res.body.errors).toBeUndefined();
      return stack.database.statements.reset();
    };
    const page = (n: number) => `{ iwmoBerichten(berichtType: WMO301, van: "2020-01-01", tot: "${dag(0)}", aantal: ${n}) { volgende berichten { ${BERICHT} } } }`;
    // One read, and one statement for the processing log records of every resident on the page.
    expect(await count(page(2))).toBe(1 + 1);
    expect(await count(page(200))).toBe(1 + 1);
    expect(await count(page(200), aanbieder)).toBe(1 + 1);

    // Toewijzing.iwmoBerichten for 25 residents: one statement for the toewijzingen, one for all their messages.
    const residents = (await stack.rows<{ id: string }>(sql`select distinct inwoner_id as id from aanvullende_ondersteuning.toewijzing order by 1 limit 25`)).map((r) => r.id);
    stack.database.statements.reset();
    const res = await stack.post(
      stack.platform.subgraphUrls['aanvullende-ondersteuning'],
      { query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Inwoner { toewijzingen { iwmoBerichten { ${BERICHT} } } } } }`, variables: { r: residents.map((id) => ({ __typename: 'Inwoner', id })) } },
      { authorization: `Bearer ${await stack.internalToken('aanvullende-ondersteuning', { rol: 'gemeente-consulent' })}` },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!._entities.flatMap((i: { toewijzingen: Array<{ iwmoBerichten: unknown[] }> }) => i.toewijzingen.flatMap((t) => t.iwmoBerichten)).length).toBeGreaterThan(25);
    expect(stack.database.statements.reset()).toBe(2 + 1); // + the processing log write
  });
});

describe('who the provider reaches', () => {
  it('sees the resident and the WMO301 of a toewijzing that starts next month, and keeps its inbox after the stop', async () => {
    const later = await verzoek(dag(30));
    const granted = await send(consulent, wmo301(`gm-301-future-${later.toewijzing}`, later.nummer, dag(30)));
    expect(granted.body.data!.iwmoBerichtVerwerken.status).toBe('TOEGEWEZEN');
    // The provider must reach the resident before the start, to plan it.
    const sees = await stack.query('query($id: ID!) { inwoner(id: $id) { achternaam toewijzingen { id status } } }', { token: aanbieder, variables: { id: later.inwoner } });
    expect(sees.body.data!.inwoner).toMatchObject({ achternaam: expect.any(String), toewijzingen: [{ id: later.toewijzing, status: 'TOEGEWEZEN' }] });

    // After the stop the resident is out of reach, but the inbox still holds the stop and its retour.
    const ended = await verzoek();
    await send(consulent, wmo301(`gm-301-ended-${ended.toewijzing}`, ended.nummer, ended.ingangsdatum));
    await send(aanbieder, wmo305(`wk-305-ended-${ended.toewijzing}`, ended.nummer, ended.ingangsdatum));
    const stop = await send(aanbieder, wmo307(`wk-307-ended-${ended.toewijzing}`, ended.nummer, ended.ingangsdatum, dag(-1)));
    expect(stop.body.data!.iwmoBerichtVerwerken.status).toBe('GESTOPT');
    expect((await stack.query('query($id: ID!) { inwoner(id: $id) { id } }', { token: aanbieder, variables: { id: ended.inwoner } })).body.data!.inwoner).toBeNull();
    const inbox = await postvak(aanbieder, 'WMO308', dag(-5), dag(5));
    expect(inbox.berichten.map((b) => b.header.identificatieRetour)).toContain(`wk-307-ended-${ended.toewijzing}`);
    // Another provider's inbox never has it.
    const other = await stack.token({ rol: 'aanbieder-medewerker', organisatie: 'oa-ggz' });
    expect((await postvak(other, 'WMO308', dag(-5), dag(5))).berichten.map((b) => b.header.identificatieRetour)).not.toContain(`wk-307-ended-${ended.toewijzing}`);
  });
});
