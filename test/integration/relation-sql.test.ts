/**
 * The relation predicates checked on the loaders themselves, not only through the
 * gateway: each loader must filter rows by the caller's relation, also for residents
 * whose relation has ended (the gateway path hides that behind the parent Inwoner).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client';
import { seed } from '../../db/seed/generate';
import * as s from '../../db/schema';
import { createLoaders as basisLoaders } from '../../subgraphs/basisondersteuning/loaders';
import { createLoaders as aanvullendLoaders } from '../../subgraphs/aanvullende-ondersteuning/loaders';
import { createLoaders as hhLoaders } from '../../subgraphs/huishoudelijke-hulp/loaders';
import type { Scope } from '../../subgraphs/shared/tokens';

let database: Database;
const scope = (rol: Scope['rol'], organisatie: string | null, sub = 'x'): Scope => ({ sub, rol, organisatie, gemeente: 'GM0080', doel: 'test', traceId: 't' });
const ENDED = 'rel-ended';
const ACTIVE = 'rel-active';

beforeAll(async () => {
  database = await openDatabase({});
  await database.migrate();
  await seed(database.db, { inwoners: 20 });
  const base = { gemeenteCode: 'GM0080', wijkCode: 'WK008010' };
  for (const id of [ENDED, ACTIVE]) {
    await database.db.insert(s.inwoner).values({ ...base, id, voornaam: 'T', achternaam: 'T', geboortedatum: '1950-01-01', straat: 's', huisnummer: '1', postcode: '8911 AA', woonplaats: 'Leeuwarden', huishoudenId: id });
  }
  await database.db.insert(s.ondersteuning).values([
    { ...base, id: 'o1', inwonerId: ENDED, organisatieId: 'amaryllis', soort: 'TO1', startdatum: '2022-01-01', einddatum: '2023-01-01' },
    { ...base, id: 'o2', inwonerId: ACTIVE, organisatieId: 'amaryllis', soort: 'TO1', startdatum: '2022-01-01' },
  ]);
  const tw = { ...base, product: 'TO4', productcategorie: '02', organisatieId: 'windkracht058', leveringsvorm: 'ZIN', omvangVolume: 1, omvangEenheid: '04', omvangFrequentie: '2', toewijzingsdatum: '2022-01-01', ingangsdatum: '2022-01-01' };
  await database.db.insert(s.toewijzing).values([
    { ...tw, id: 't1', toewijzingNummer: '1', inwonerId: ENDED, status: 'gestopt', einddatum: '2023-01-01' },
    { ...tw, id: 't2', toewijzingNummer: '2', inwonerId: ACTIVE, status: 'gestart' },
  ]);
  await database.db.insert(s.indicatie).values([
    { ...base, id: 'h1', inwonerId: ENDED, organisatieId: 'thfl', minutenPerWeek: 60, startdatum: '2022-01-01', einddatum: '2023-01-01' },
    { ...base, id: 'h2', inwonerId: ACTIVE, organisatieId: 'thfl', minutenPerWeek: 60, startdatum: '2022-01-01' },
  ]);
});
afterAll(() => database?.close());

describe('relation predicates in the loaders', () => {
  it('basis-medewerker: ondersteuningen only while the relation is active', async () => {
    const l = basisLoaders(database.db, scope('basis-medewerker', 'amaryllis'));
    expect((await l.ondersteuningen.load(ENDED)).map((o) => o.id)).toEqual([]);
    expect((await l.ondersteuningen.load(ACTIVE)).map((o) => o.id)).toEqual(['o2']);
    expect(await l.inwoner.load(ENDED)).toBeNull();
  });

  it('aanbieder-medewerker: toewijzingen only while active and own', async () => {
    const own = aanvullendLoaders(database.db, scope('aanbieder-medewerker', 'windkracht058'));
    expect((await own.toewijzingenPerInwoner.load(ENDED)).map((t) => t.id)).toEqual([]);
    expect((await own.toewijzingenPerInwoner.load(ACTIVE)).map((t) => t.id)).toEqual(['t2']);
    const other = aanvullendLoaders(database.db, scope('aanbieder-medewerker', 'oa-dementie'));
    expect(await other.toewijzingenPerInwoner.load(ACTIVE)).toEqual([]);
  });

  it('basis-medewerker sees toewijzingen and HH only of its active residents', async () => {
    const l = aanvullendLoaders(database.db, scope('basis-medewerker', 'amaryllis'));
    expect((await l.toewijzingenPerInwoner.load(ENDED)).map((t) => t.id)).toEqual([]);
    expect((await l.toewijzingenPerInwoner.load(ACTIVE)).map((t) => t.id)).toEqual(['t2']);
    const h = hhLoaders(database.db, scope('basis-medewerker', 'amaryllis'));
    expect((await h.indicatiesPerInwoner.load(ENDED)).map((r) => r.id)).toEqual([]);
  });

  it('hh-medewerker: indicaties only while active and own', async () => {
    const l = hhLoaders(database.db, scope('hh-medewerker', 'thfl'));
    expect((await l.indicatiesPerInwoner.load(ENDED)).map((r) => r.id)).toEqual([]);
    expect((await l.indicatiesPerInwoner.load(ACTIVE)).map((r) => r.id)).toEqual(['h2']);
    const miep = hhLoaders(database.db, scope('hh-medewerker', 'miep'));
    expect(await miep.indicatiesPerInwoner.load(ACTIVE)).toEqual([]);
  });

  it('an organisation claim of another gemeente matches nothing', async () => {
    const l = hhLoaders(database.db, scope('hh-medewerker', 'gm0088-thfl'));
    expect(await l.indicatiesPerInwoner.load(ACTIVE)).toEqual([]);
  });

  it('counts a toewijzing for its hoofdaanbieder and for its onderaannemer', async () => {
    await database.db.insert(s.toewijzing).values({
      gemeenteCode: 'GM0080', wijkCode: 'WK008010', id: 't3', toewijzingNummer: '3', inwonerId: ACTIVE, status: 'toegewezen',
      product: 'DB3', productcategorie: '07', organisatieId: 'windkracht058', onderaannemerId: 'oa-dementie', leveringsvorm: 'ZIN',
      omvangVolume: 2, omvangEenheid: '16', omvangFrequentie: '2', toewijzingsdatum: '2022-01-01', ingangsdatum: '2022-01-01',
    });
    const l = aanvullendLoaders(database.db, scope('gemeente-contractmanager', null));
    const seededActive = await database.db.execute(
      "select count(*)::int as n from aanvullende_ondersteuning.toewijzing where organisatie_id = 'windkracht058' and id not in ('t1', 't2', 't3') and status in ('toegewezen', 'gestart') and einddatum is null and ingangsdatum <= current_date" as never,
    );
    const base = (seededActive as unknown as { rows: Array<{ n: number }> }).rows[0]!.n;
    database.statements.reset();
    const [w, oa, miep] = await Promise.all(['windkracht058', 'oa-dementie', 'miep'].map((id) => l.actievePerOrganisatie.load(id)));
    expect(database.statements.reset()).toBe(1);
    expect(w).toBe(base + 2); // t2 and t3; t1 has stopped
    expect(oa).toBeGreaterThanOrEqual(1);
    expect(miep).toBe(0);
  });
});
