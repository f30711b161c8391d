import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client';
import { isSeeded, seed, truncateAll } from '../../db/seed/generate';
import { TEST_GEMEENTE } from '../../db/seed/reference';
import { loadConfig } from '../../subgraphs/shared/config';

const open: Database[] = [];
async function fresh() {
  const d = await openDatabase({});
  open.push(d);
  await d.migrate();
  return d;
}
afterAll(async () => {
  for (const d of open) await d.close();
});

async function dump(d: Database) {
  const r = await d.db.execute('select id, bsn, voornaam, achternaam, geboortedatum, wijk_code from basisondersteuning.inwoner order by id' as never);
  return (r as unknown as { rows: unknown[] }).rows;
}

describe('seed', () => {
  it('is deterministic: the same options give the same data', async () => {
    const [a, b] = [await fresh(), await fresh()];
    const sa = await seed(a.db, { inwoners: 300 });
    const sb = await seed(b.db, { inwoners: 300 });
    expect(sa).toEqual(sb);
    expect(await dump(a)).toEqual(await dump(b));
  });

  it('produces the volumes of the documents at the default size, and the README example resident', async () => {
    const d = await fresh();
    const summary = await seed(d.db, { inwoners: loadConfig({}).SEED_INWONERS });
    expect(summary.inwoners).toBe(8000);
    expect(summary.hhIndicaties).toBeGreaterThan(3000);
    expect(summary.hhIndicaties).toBeLessThan(3400);
    expect(summary.ondersteuningen + summary.toewijzingen).toBeGreaterThan(2000); // TO/DB (~2,000) plus other basis tasks
    expect(summary.organisaties - 12).toBe(10); // ten onderaannemers
    expect(summary.inwonersZonderBsn).toBe(0);
    expect(summary.vrijwilligers).toBe(200);
    expect(summary.plannen).toBeGreaterThan(1000);
    // Every table the portals read has seed data.
    for (const table of ['sociale_basis.samenwerking', 'sociale_basis.rooster_item', 'sociale_basis.toestemming', 'sociale_basis.hulpvraag_gebeurtenis',
      'basisondersteuning.regievoerder', 'basisondersteuning.doel', 'basisondersteuning.contactmoment', 'basisondersteuning.lopende_beschikking',
      'basisondersteuning.verwijzing', 'basisondersteuning.beschikking_aanvraag', 'basisondersteuning.signaal',
      'huishoudelijke_hulp.normjaar', 'huishoudelijke_hulp.normregel', 'huishoudelijke_hulp.hulp', 'huishoudelijke_hulp.koppeling',
      'huishoudelijke_hulp.capaciteit', 'huishoudelijke_hulp.aanvraag']) {
      const r = await d.db.execute(`select count(*)::int as n from ${table}` as never);
      expect((r as unknown as { rows: Array<{ n: number }> }).rows[0]!.n, table).toBeGreaterThan(0);
    }
    // Realistic volumes in every state of the toewijzing flow and of the joint HH intake.
    const states = async (q: string) => Object.fromEntries(((await d.db.execute(q as never)) as unknown as { rows: Array<{ s: string; n: number }> }).rows.map((r) => [r.s, r.n]));
    const tw = await states('select status as s, count(*)::int as n from aanvullende_ondersteuning.toewijzing group by status');
    for (const s of ['verzoek', 'afgewezen', 'toegewezen', 'vervallen', 'gestart', 'gestopt']) expect(tw[s], s).toBeGreaterThan(10);
    const hha = await states('select status as s, count(*)::int as n from huishoudelijke_hulp.aanvraag group by status');
    for (const s of ['WACHTRIJ', 'TOEGEWEZEN', 'AFGEHANDELD', 'INGETROKKEN']) expect(hha[s], s).toBeGreaterThan(5);
    // Every active HH client has a fixed helper of its own provider; 8 clients sit at the provider that stopped.
    const unpaired = await states(`select 'n' as s, count(*)::int as n from huishoudelijke_hulp.indicatie i where (i.einddatum is null or i.einddatum >= current_date)
      and not exists (select 1 from huishoudelijke_hulp.koppeling k join huishoudelijke_hulp.hulp h on h.id = k.hulp_id
        where k.inwoner_id = i.inwoner_id and k.tot is null and h.organisatie_id = i.organisatie_id)`);
    expect(unpaired.n).toBe(0);
    const gestopt = await states(`select 'n' as s, count(*)::int as n from huishoudelijke_hulp.indicatie where organisatie_id = 'hh-gestopt'`);
    expect(gestopt.n).toBe(8);
    // Every toewijzing came from a verwijzing by the basisondersteuning.
    const orphans = await d.db.execute('select count(*)::int as n from aanvullende_ondersteuning.toewijzing t where not exists (select 1 from basisondersteuning.verwijzing v where v.toewijzing_id = t.id)' as never);
    expect((orphans as unknown as { rows: Array<{ n: number }> }).rows[0]!.n).toBe(0);
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(summary.voorbeeldInwoner!);
  });

  it('runs in a transaction: a failure leaves nothing behind; --reset empties every table', async () => {
    const d = await fresh();
    await expect(d.db.transaction(async (tx) => {
      await seed(tx, { inwoners: 50 });
      throw new Error('boom');
    })).rejects.toThrow('boom');
    expect(await isSeeded(d.db)).toBe(false);
    await seed(d.db, { inwoners: 50, gemeente: TEST_GEMEENTE });
    expect(await isSeeded(d.db, 'GM0088')).toBe(true);
    await truncateAll(d.db);
    expect(await isSeeded(d.db, 'GM0088')).toBe(false);
  });
});
