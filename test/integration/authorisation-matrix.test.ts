/**
 * The authorisation matrix: every field of the supergraph, every role, through the
 * gateway. The expected table below is written by hand, independent of the policies
 * in subgraphs/*\/permissions.ts; a new field fails the coverage test until it has a row.
 * "Allowed" means the role gets the field without error for a resident it has a
 * relation with; "denied" means a FORBIDDEN error and no value.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGRAPH_MODULES } from '../../subgraphs/modules';
import { buildGuardedSchema } from '../../subgraphs/shared/subgraph';
import { policyTargets } from '../../subgraphs/shared/policy';
import { DEV_ORGANISATIE, ROLES, type Rol } from '../../subgraphs/shared/roles';
import * as s from '../../db/schema';
import { bootStack, sql, type Stack } from '../support/stack';

const ALL = ROLES;
const AGG = ROLES.filter((r) => r !== 'inwoner' && r !== 'vrijwilliger');
const PERSON: Rol[] = ['gemeente-consulent', 'basis-medewerker', 'aanbieder-medewerker', 'hh-medewerker', 'inwoner'];
const BASIS: Rol[] = ['gemeente-consulent', 'basis-medewerker', 'inwoner'];
const TOEWIJZING: Rol[] = ['gemeente-consulent', 'basis-medewerker', 'aanbieder-medewerker', 'inwoner'];
const HH: Rol[] = ['gemeente-consulent', 'basis-medewerker', 'hh-medewerker', 'inwoner'];
const SUBSIDIE: Rol[] = ['gemeente-contractmanager', 'gemeente-beleid', 'adviesraad'];
const WIJKBUDGET: Rol[] = ['gemeente-contractmanager', 'gemeente-beleid', 'gemeente-consulent', 'adviesraad', 'vol-coordinator'];

const X = '$X'; // replaced by the fixture resident's id
const inwoner = (sel: string) => `{ inwoner(id: "${X}") { ${sel} } }`;
const wijk = (sel: string) => `{ wijk(code: "WK008050") { ${sel} } }`;
const org = (id: string, sel: string) => `{ organisatie(id: "${id}") { ${sel} } }`;

/** field -> [roles that may read it, query that reaches it, path to the value] */
const MATRIX: Record<string, [readonly Rol[], string, string[]]> = {
  'Query.wijken': [ALL, '{ wijken { code } }', ['wijken']],
  'Query.wijk': [ALL, wijk('code'), ['wijk']],
  'Query.inwoner': [PERSON, inwoner('id'), ['inwoner']],
  'Query.organisaties': [ALL, '{ organisaties { id } }', ['organisaties']],
  'Query.organisatie': [ALL, org('amaryllis', 'id'), ['organisatie']],
  'Query.buurtkamers': [ALL, '{ buurtkamers { id } }', ['buurtkamers']],
  'Wijk.code': [ALL, wijk('code'), ['wijk', 'code']],
  'Wijk.naam': [ALL, wijk('naam'), ['wijk', 'naam']],
  'Wijk.gebied': [ALL, wijk('gebied'), ['wijk', 'gebied']],
  'Wijk.clientenBasisondersteuning': [AGG, wijk('clientenBasisondersteuning { onderdrukt }'), ['wijk', 'clientenBasisondersteuning']],
  'Wijk.buurtkamers': [ALL, wijk('buurtkamers { id }'), ['wijk', 'buurtkamers']],
  'Wijk.openHulpvragen': [AGG, wijk('openHulpvragen { onderdrukt }'), ['wijk', 'openHulpvragen']],
  'Wijk.clientenAanvullendeOndersteuning': [AGG, wijk('clientenAanvullendeOndersteuning { onderdrukt }'), ['wijk', 'clientenAanvullendeOndersteuning']],
  'Wijk.clientenHuishoudelijkeHulp': [AGG, wijk('clientenHuishoudelijkeHulp { onderdrukt }'), ['wijk', 'clientenHuishoudelijkeHulp']],
  'Wijk.subsidieTotaal': [WIJKBUDGET, wijk('subsidieTotaal(jaar: 2025) { valuta }'), ['wijk', 'subsidieTotaal']],
  'Telling.waarde': [AGG, wijk('clientenHuishoudelijkeHulp { waarde }'), ['wijk', 'clientenHuishoudelijkeHulp', 'waarde']],
  'Telling.onderdrukt': [AGG, wijk('openHulpvragen { onderdrukt }'), ['wijk', 'openHulpvragen', 'onderdrukt']],
  'Bedrag.valuta': [WIJKBUDGET, wijk('subsidieTotaal(jaar: 2025) { valuta }'), ['wijk', 'subsidieTotaal', 'valuta']],
  'Bedrag.centen': [WIJKBUDGET, wijk('subsidieTotaal(jaar: 2025) { centen }'), ['wijk', 'subsidieTotaal', 'centen']],
  'Bedrag.euro': [WIJKBUDGET, wijk('subsidieTotaal(jaar: 2025) { euro }'), ['wijk', 'subsidieTotaal', 'euro']],
  'Buurtkamer.id': [ALL, '{ buurtkamers { id } }', ['buurtkamers', '0', 'id']],
  'Buurtkamer.naam': [ALL, '{ buurtkamers { naam } }', ['buurtkamers', '0', 'naam']],
  'Buurtkamer.gebied': [ALL, '{ buurtkamers { gebied } }', ['buurtkamers', '0', 'gebied']],
  'Buurtkamer.plaats': [ALL, '{ buurtkamers { plaats } }', ['buurtkamers', '0', 'plaats']],
  'Buurtkamer.adres': [ALL, '{ buurtkamers { adres } }', ['buurtkamers', '0', 'adres']],
  'Buurtkamer.hoofdlocatie': [ALL, '{ buurtkamers { hoofdlocatie } }', ['buurtkamers', '0', 'hoofdlocatie']],
  'Buurtkamer.wijk': [ALL, '{ buurtkamers { wijk { naam } } }', ['buurtkamers', '0', 'wijk', 'naam']],
  'Organisatie.id': [ALL, org('amaryllis', 'id'), ['organisatie', 'id']],
  'Organisatie.naam': [ALL, org('amaryllis', 'naam'), ['organisatie', 'naam']],
  'Organisatie.soort': [ALL, org('amaryllis', 'soort'), ['organisatie', 'soort']],
  'Organisatie.subsidies': [SUBSIDIE, org('vol', 'subsidies { id }'), ['organisatie', 'subsidies']],
  'Organisatie.actieveToewijzingen': [AGG, org('windkracht058', 'actieveToewijzingen { onderdrukt }'), ['organisatie', 'actieveToewijzingen']],
  'Organisatie.hhClienten': [AGG, org('thfl', 'hhClienten { onderdrukt }'), ['organisatie', 'hhClienten']],
  'Subsidie.id': [SUBSIDIE, org('vol', 'subsidies { id }'), ['organisatie', 'subsidies', '0', 'id']],
  'Subsidie.jaar': [SUBSIDIE, org('vol', 'subsidies { jaar }'), ['organisatie', 'subsidies', '0', 'jaar']],
  'Subsidie.bedrag': [SUBSIDIE, org('vol', 'subsidies { bedrag { euro } }'), ['organisatie', 'subsidies', '0', 'bedrag', 'euro']],
  'Subsidie.doel': [SUBSIDIE, org('vol', 'subsidies { doel }'), ['organisatie', 'subsidies', '0', 'doel']],
  'Subsidie.wijk': [SUBSIDIE, org('vol', 'subsidies { wijk { code } }'), ['organisatie', 'subsidies', '0', 'wijk']],
  'Inwoner.id': [PERSON, inwoner('id'), ['inwoner', 'id']],
  'Inwoner.bsn': [['gemeente-consulent'], inwoner('bsn'), ['inwoner', 'bsn']],
  'Inwoner.voornaam': [PERSON, inwoner('voornaam'), ['inwoner', 'voornaam']],
  'Inwoner.achternaam': [PERSON, inwoner('achternaam'), ['inwoner', 'achternaam']],
  'Inwoner.geboortedatum': [PERSON, inwoner('geboortedatum'), ['inwoner', 'geboortedatum']],
  'Inwoner.adres': [PERSON, inwoner('adres { __typename }'), ['inwoner', 'adres']],
  'Inwoner.wijk': [PERSON, inwoner('wijk { code }'), ['inwoner', 'wijk', 'code']],
  'Inwoner.huishoudenId': [PERSON, inwoner('huishoudenId'), ['inwoner', 'huishoudenId']],
  'Inwoner.ondersteuningen': [BASIS, inwoner('ondersteuningen { __typename }'), ['inwoner', 'ondersteuningen']],
  'Inwoner.hulpvragen': [['inwoner'], inwoner('hulpvragen { __typename }'), ['inwoner', 'hulpvragen']],
  'Inwoner.toewijzingen': [TOEWIJZING, inwoner('toewijzingen { __typename }'), ['inwoner', 'toewijzingen']],
  'Inwoner.huishoudelijkeHulp': [HH, inwoner('huishoudelijkeHulp { __typename }'), ['inwoner', 'huishoudelijkeHulp']],
  'Adres.straat': [PERSON, inwoner('adres { straat }'), ['inwoner', 'adres', 'straat']],
  'Adres.huisnummer': [PERSON, inwoner('adres { huisnummer }'), ['inwoner', 'adres', 'huisnummer']],
  'Adres.postcode': [PERSON, inwoner('adres { postcode }'), ['inwoner', 'adres', 'postcode']],
  'Adres.woonplaats': [PERSON, inwoner('adres { woonplaats }'), ['inwoner', 'adres', 'woonplaats']],
  'Ondersteuning.id': [BASIS, inwoner('ondersteuningen { id }'), ['inwoner', 'ondersteuningen', '0', 'id']],
  'Ondersteuning.soort': [BASIS, inwoner('ondersteuningen { soort }'), ['inwoner', 'ondersteuningen', '0', 'soort']],
  'Ondersteuning.organisatie': [BASIS, inwoner('ondersteuningen { organisatie { id } }'), ['inwoner', 'ondersteuningen', '0', 'organisatie', 'id']],
  'Ondersteuning.startdatum': [BASIS, inwoner('ondersteuningen { startdatum }'), ['inwoner', 'ondersteuningen', '0', 'startdatum']],
  'Ondersteuning.einddatum': [BASIS, inwoner('ondersteuningen { einddatum }'), ['inwoner', 'ondersteuningen', '0', 'einddatum']],
  'Hulpvraag.id': [['inwoner'], inwoner('hulpvragen { id }'), ['inwoner', 'hulpvragen', '0', 'id']],
  'Hulpvraag.soort': [['inwoner'], inwoner('hulpvragen { soort }'), ['inwoner', 'hulpvragen', '0', 'soort']],
  'Hulpvraag.status': [['inwoner'], inwoner('hulpvragen { status }'), ['inwoner', 'hulpvragen', '0', 'status']],
  'Hulpvraag.wijk': [['inwoner'], inwoner('hulpvragen { wijk { code } }'), ['inwoner', 'hulpvragen', '0', 'wijk', 'code']],
  ...Object.fromEntries(
    ['id', 'toewijzingNummer', 'product', 'productcategorie', 'status', 'leveringsvorm', 'toewijzingsdatum', 'ingangsdatum', 'einddatum']
      .map((f) => [`Toewijzing.${f}`, [TOEWIJZING, inwoner(`toewijzingen { ${f} }`), ['inwoner', 'toewijzingen', '0', f]]]),
  ),
  'Toewijzing.omvang': [TOEWIJZING, inwoner('toewijzingen { omvang { __typename } }'), ['inwoner', 'toewijzingen', '0', 'omvang']],
  'Toewijzing.aanbieder': [TOEWIJZING, inwoner('toewijzingen { aanbieder { naam } }'), ['inwoner', 'toewijzingen', '0', 'aanbieder', 'naam']],
  'Toewijzing.onderaannemer': [TOEWIJZING, inwoner('toewijzingen { onderaannemer { id } }'), ['inwoner', 'toewijzingen', '0', 'onderaannemer']],
  'Omvang.volume': [TOEWIJZING, inwoner('toewijzingen { omvang { volume } }'), ['inwoner', 'toewijzingen', '0', 'omvang', 'volume']],
  'Omvang.eenheid': [TOEWIJZING, inwoner('toewijzingen { omvang { eenheid } }'), ['inwoner', 'toewijzingen', '0', 'omvang', 'eenheid']],
  'Omvang.frequentie': [TOEWIJZING, inwoner('toewijzingen { omvang { frequentie } }'), ['inwoner', 'toewijzingen', '0', 'omvang', 'frequentie']],
  ...Object.fromEntries(
    ['id', 'minutenPerWeek', 'startdatum', 'einddatum']
      .map((f) => [`HhIndicatie.${f}`, [HH, inwoner(`huishoudelijkeHulp { ${f} }`), ['inwoner', 'huishoudelijkeHulp', '0', f]]]),
  ),
  'HhIndicatie.aanbieder': [HH, inwoner('huishoudelijkeHulp { aanbieder { naam } }'), ['inwoner', 'huishoudelijkeHulp', '0', 'aanbieder', 'naam']],
};

/** Each role acts for its dev organisation; the fixture gives each a relation with resident X. */
const ORGANISATIE = DEV_ORGANISATIE;

let stack: Stack;
let residentId: string;

beforeAll(async () => {
  stack = await bootStack({ inwoners: 120 });
  // Resident X gets one active relation in every pillar, so every relation role reaches it.
  const [x] = await stack.rows<{ id: string; wijk_code: string }>(sql`select id, wijk_code from basisondersteuning.inwoner order by id limit 1`);
  residentId = x!.id;
  const base = { gemeenteCode: 'GM0080', inwonerId: residentId, wijkCode: x!.wijk_code };
  await stack.database.db.insert(s.ondersteuning).values({ ...base, id: 'fx-ond', organisatieId: 'amaryllis', soort: 'TO1', startdatum: '2024-01-01' });
  await stack.database.db.insert(s.toewijzing).values({
    ...base, id: 'fx-tw', toewijzingNummer: '99000001', product: 'TO4', productcategorie: '02', organisatieId: 'windkracht058',
    status: 'gestart', leveringsvorm: 'ZIN', omvangVolume: 3, omvangEenheid: '04', omvangFrequentie: '2',
    toewijzingsdatum: '2024-01-01', ingangsdatum: '2024-02-01',
  });
  await stack.database.db.insert(s.indicatie).values({ ...base, id: 'fx-hh', organisatieId: 'thfl', minutenPerWeek: 120, startdatum: '2024-01-01' });
  await stack.database.db.insert(s.hulpvraag).values({ ...base, id: 'fx-hv', soort: 'MAATJESTRAJECT', status: 'OPEN', aangemaaktOp: '2026-01-05T10:00:00Z' });
});
afterAll(() => stack?.stop());

function dig(data: unknown, path: string[]): { present: boolean; value: unknown } {
  let cur: any = data;
  for (const key of path) {
    if (cur === null || cur === undefined || !(key in Object(cur))) return { present: false, value: undefined };
    cur = cur[key];
  }
  return { present: true, value: cur };
}

describe('authorisation matrix', () => {
  it('has a row for every field of every subgraph', () => {
    const fields = new Set<string>();
    for (const module of Object.values(SUBGRAPH_MODULES)) {
      for (const f of policyTargets(buildGuardedSchema(module))) fields.add(f);
    }
    expect(Object.keys(MATRIX).sort()).toEqual([...fields].sort());
  });

  it('gives every role exactly the fields of its row, through the gateway', async () => {
    const tokens = new Map<Rol, string>();
    for (const rol of ROLES) {
      tokens.set(rol, await stack.token({ rol, organisatie: ORGANISATIE[rol], sub: rol === 'inwoner' ? residentId : undefined }));
    }
    const mismatches: string[] = [];
    const cases = Object.entries(MATRIX).flatMap(([field, [allowed, query, path]]) => ROLES.map((rol) => ({ field, rol, allowed: allowed.includes(rol), query: query.replace(X, residentId), path })));
    for (let i = 0; i < cases.length; i += 16) {
      await Promise.all(cases.slice(i, i + 16).map(async (c) => {
        const res = await stack.query(c.query, { token: tokens.get(c.rol)! });
        const errors = res.body.errors ?? [];
        const value = dig(res.body.data, c.path);
        const forbidden = errors.length > 0 && errors.every((e) => e.extensions?.code === 'FORBIDDEN');
        if (c.allowed && (errors.length > 0 || !value.present)) {
          mismatches.push(`${c.rol} should read ${c.field}: ${errors.map((e) => `${e.extensions?.code} ${e.message}`).join('; ') || 'value missing'}`);
        }
        if (!c.allowed && !(forbidden && (value.value === null || value.value === undefined))) {
          mismatches.push(`${c.rol} must not read ${c.field}: got ${JSON.stringify(value.value)} ${errors.map((e) => e.extensions?.code).join(',')}`);
        }
      }));
    }
    expect(mismatches).toEqual([]);
  }, 120_000);
});
