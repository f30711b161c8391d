/**
 * The change feed under concurrent writes: no change is skipped, none is delivered twice,
 * and the changes of one entity come in the order they were made.
 *
 * - Two forced interleavings (PostgreSQL only: PGlite has one connection, so two
 *   transactions cannot be open at once): (1) A takes a volgnummer, B takes a higher one
 *   and commits, a poll runs, then A commits: a cursor on the volgnummer would have moved
 *   past A; (2) A gets a transaction id, B gets a higher one and a volgnummer, A takes a
 *   higher volgnummer and commits, a poll runs, then B commits: a cursor on the volgnummer,
 *   even with the in-flight filter, would have moved past B.
 * - Random interleavings: writers with random delays before and after recording their
 *   changes (some take their transaction id early, some roll back, some lock one shared
 *   entity first, as the mutations do), while a poller reads small pages in a loop. The
 *   union of the pages must be exactly the committed changes, each once, in feed order.
 *   On PostgreSQL the test also checks that commits really came out of volgnummer order.
 * - The real mutations through the gateway, concurrently, with a partner polling through
 *   the gateway.
 * On PGlite everything runs (serially); CI runs it on PostgreSQL 15 (TEST_DATABASE_URL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { sqlRows, type Db } from '../../db/client';
import { hulpvraag } from '../../db/schema/sociale-basis';
import { prng } from '../../db/seed/random';
import { hulpvraagScope } from '../../subgraphs/sociale-basis/loaders';
import type { Scope } from '../../subgraphs/shared/tokens';
import { registreerWijzigingen, wijzigingenPagina, type WijzigingSoort } from '../../subgraphs/shared/wijzigingen';
import { bootStack, sql, type Stack } from '../support/stack';

const G = 'GM0080';
const OP_POSTGRES = Boolean(process.env.TEST_DATABASE_URL);
const COORDINATOR: Scope = { sub: 'test-coordinator', rol: 'vol-coordinator', organisatie: 'vol', gemeente: G, doel: 'sociale-basis', traceId: '0'.repeat(32) };

let stack: Stack;
let db: Db;

beforeAll(async () => {
  stack = await bootStack({ inwoners: 120 });
  db = stack.database.db;
});
afterAll(() => stack?.stop());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One page of the hulpvraag feed, as the coordinator (who may see every hulpvraag). */
const poll = (na: string | null, max = 100) => wijzigingenPagina(db, COORDINATOR, {
  entiteit: 'hulpvraag', tabel: hulpvraag, id: hulpvraag.id, gemeente: hulpvraag.gemeenteCode, zichtbaar: hulpvraagScope(COORDINATOR),
}, { na, max });

/** The cursor after every change so far. */
async function cursorNu(): Promise<string> {
  let na: string | null = null;
  for (;;) {
    const p = await poll(na, 500);
    na = p.volgende;
    if (!p.heeftMeer) return na;
  }
}

async function hulpvragen(ids: string[]): Promise<void> {
  await db.insert(hulpvraag).values(ids.map((id) => ({ id, gemeenteCode: G, wijkCode: 'WK008050', soort: 'BOODSCHAPPEN', status: 'OPEN', aangemaaktOp: '2026-01-01T09:00:00Z' })));
}

const wijziging = (id: string, soort: WijzigingSoort = 'GEWIJZIGD') => ({ entiteit: 'hulpvraag' as const, id, soort });

/** The volgnummers and transaction id the current transaction recorded. */
async function eigen(tx: Db): Promise<Array<{ volgnummer: number; transactie: number }>> {
  const rows = await sqlRows<{ nummer: string; xid: string }>(tx, sql`select volgnummer::text as nummer, transactie::text as xid
    from sociale_basis.wijziging where transactie = (pg_current_xact_id()::text)::bigint order by volgnummer`);
  return rows.map((r) => ({ volgnummer: Number(r.nummer), transactie: Number(r.xid) }));
}

async function opgeslagen(prefix: string): Promise<Map<number, { transactie: number; id: string }>> {
  const rows = await stack.rows<{ volgnummer: string; transactie: string; id: string }>(sql`select volgnummer::text as volgnummer, transactie::text as transactie, entiteit_id as id
    from sociale_basis.wijziging where entiteit = 'hulpvraag' and entiteit_id like ${`${prefix}%`}`);
  return new Map(rows.map((r) => [Number(r.volgnummer), { transactie: Number(r.transactie), id: r.id }]));
}

function latch() {
  let open!: () => void;
  const p = new Promise<void>((resolve) => (open = resolve));
  return { p, open };
}

const ids = (p: { items: Array<{ entiteit: { id: string } }> }, prefix: string) => p.items.map((i) => i.entiteit.id).filter((id) => id.startsWith(prefix));

/**
 * Polls from `na` until `n` changes of entities with `prefix` came in (or 60 s passed):
 * a transaction running elsewhere on the server (another test file's) may hold them back
 * for a while. Returns their entity ids and the cursor after them.
 */
async function pollTot(na: string, prefix: string, n: number): Promise<{ ids: string[]; volgende: string }> {
  const gezien: string[] = [];
  for (const deadline = Date.now() + 60_000; ;) {
    const p = await poll(na);
    gezien.push(...ids(p, prefix));
    na = p.volgende;
    if ((gezien.length >= n && !p.heeftMeer) || Date.now() > deadline) return { ids: gezien, volgende: na };
    if (!p.heeftMeer) await sleep(20);
  }
}

describe.skipIf(!OP_POSTGRES)('forced interleavings (PostgreSQL: two transactions open at once)', () => {
  it('holds back a change committed after a later volgnummer was already committed, and delivers it then', async () => {
    await hulpvragen(['sc1-a', 'sc1-b']);
    const start = await cursorNu();
    const aHeeftNummer = latch();
    const bGelezen = latch();
    let a: Array<{ volgnummer: number; transactie: number }> = [];
    const transactieA = db.transaction(async (tx) => {
      await registreerWijzigingen(tx, G, [wijziging('sc1-a')]);
      a = await eigen(tx);
      aHeeftNummer.open();
      await bGelezen.p;
    });
    await aHeeftNummer.p;
    let b: Array<{ volgnummer: number; transactie: number }> = [];
    await db.transaction(async (tx) => {
      await registreerWijzigingen(tx, G, [wijziging('sc1-b')]);
      b = await eigen(tx);
    });
    // B is committed with the higher volgnummer while A is still open: the situation in
    // which `volgnummer > cursor` would deliver B, move past A and lose it.
    expect(b[0]!.volgnummer).toBeGreaterThan(a[0]!.volgnummer);
    expect([...(await opgeslagen('sc1-')).values()].map((r) => r.id)).toEqual(['sc1-b']);
    const tussen = await poll(start);
    expect(ids(tussen, 'sc1-')).toEqual([]);
    bGelezen.open();
    await transactieA;
    const daarna = await pollTot(tussen.volgende, 'sc1-', 2);
    expect(daarna.ids).toEqual(['sc1-a', 'sc1-b']);
    expect(ids(await poll(daarna.volgende), 'sc1-')).toEqual([]);
  });

  it('delivers a change whose transaction started later but took the lower volgnummer and committed last', async () => {
    await hulpvragen(['sc2-a', 'sc2-b']);
    const start = await cursorNu();
    const aHeeftTransactie = latch();
    const bHeeftNummer = latch();
    const aGelezen = latch();
    let a: Array<{ volgnummer: number; transactie: number }> = [];
    let b: Array<{ volgnummer: number; transactie: number }> = [];
    const transactieA = db.transaction(async (tx) => {
      await sqlRows(tx, sql`select pg_current_xact_id()`);
      aHeeftTransactie.open();
      await bHeeftNummer.p;
      await registreerWijzigingen(tx, G, [wijziging('sc2-a')]);
      a = await eigen(tx);
    });
    await aHeeftTransactie.p;
    const transactieB = db.transaction(async (tx) => {
      await registreerWijzigingen(tx, G, [wijziging('sc2-b')]);
      b = await eigen(tx);
      bHeeftNummer.open();
      await aGelezen.p;
    });
    await transactieA;
    // A: lower transaction id, higher volgnummer, committed; B still open. Only rows of
    // transactions below the oldest running one are safe, and A's is: it is delivered.
    expect(a[0]!.transactie).toBeLessThan(b[0]!.transactie);
    expect(a[0]!.volgnummer).toBeGreaterThan(b[0]!.volgnummer);
    const tussen = await pollTot(start, 'sc2-', 1);
    expect(tussen.ids).toEqual(['sc2-a']);
    // A cursor on A's volgnummer would now be past B's: the feed's cursor is on (transactie, volgnummer).
    aGelezen.open();
    await transactieB;
    expect((await pollTot(tussen.volgende, 'sc2-', 1)).ids).toEqual(['sc2-b']);
  });

  it('skips a rolled-back change without waiting for it forever', async () => {
    await hulpvragen(['sc3-a', 'sc3-b']);
    const start = await cursorNu();
    const aHeeftNummer = latch();
    const bKlaar = latch();
    const transactieA = db.transaction(async (tx) => {
      await registreerWijzigingen(tx, G, [wijziging('sc3-a')]);
      aHeeftNummer.open();
      await bKlaar.p;
      throw new Error('rollback');
    }).catch((e: Error) => e.message);
    await aHeeftNummer.p;
    await db.transaction((tx) => registreerWijzigingen(tx, G, [wijziging('sc3-b')]));
    bKlaar.open();
    expect(await transactieA).toBe('rollback');
    expect((await pollTot(start, 'sc3-', 1)).ids).toEqual(['sc3-b']);
  });
});

describe('random interleavings', () => {
  it('delivers exactly the committed changes, each once, in feed order, while writers commit out of order', async () => {
    // Four writers: the test database's pool has five connections, so the poller always has one.
    const SCHRIJVERS = 4;
    const TRANSACTIES = 20;
    const r = prng(20260310);
    const gedeeld = 'gl-gedeeld';
    await hulpvragen([gedeeld, ...Array.from({ length: SCHRIJVERS }, (_, w) => `gl-${w}`)]);
    const start = await cursorNu();

    interface Commit { rows: Array<{ volgnummer: number; transactie: number }>; id: string; volgorde: number; slot: number | null }
    const commits: Commit[] = [];
    let commitVolgorde = 0;
    let slots = 0;
    let afgebroken = 0;

    async function schrijver(w: number): Promise<void> {
      for (let k = 0; k < TRANSACTIES; k++) {
        const opGedeeld = r.chance(0.3);
        const vroegeTransactie = !opGedeeld && r.chance(0.5);
        const afbreken = r.chance(0.1);
        const [voor, tussen, na, aantal] = [r.int(0, 10), r.int(0, 20), r.int(0, 20), r.int(1, 2)];
        const id = opGedeeld ? gedeeld : `gl-${w}`;
        try {
          const commit = await db.transaction(async (tx) => {
            await sleep(voor);
            let slot: number | null = null;
            if (opGedeeld) {
              // As every mutation does: lock the entity before the first write.
              await tx.select({ id: hulpvraag.id }).from(hulpvraag).where(eq(hulpvraag.id, gedeeld)).for('update');
              slot = slots++;
            } else if (vroegeTransactie) {
              // A transaction id taken early: the later volgnummer may then belong to the lower id.
              await sqlRows(tx, sql`select pg_current_xact_id()`);
            }
            await sleep(tussen);
            await registreerWijzigingen(tx, G, Array.from({ length: aantal }, () => wijziging(id)));
            const rows = await eigen(tx);
            await sleep(na);
            if (afbreken) throw new Error('afgebroken');
            return { rows, id, slot };
          });
          commits.push({ ...commit, volgorde: commitVolgorde++ });
        } catch (error) {
          if ((error as Error).message !== 'afgebroken') throw error;
          afgebroken += 1;
        }
      }
    }

    const gezien: Array<{ volgnummer: number; id: string }> = [];
    const verzamel = (p: Awaited<ReturnType<typeof poll>>) => {
      for (const i of p.items) if (i.entiteit.id.startsWith('gl-')) gezien.push({ volgnummer: Number(i.volgnummer), id: i.entiteit.id });
    };
    let na = start;
    let polls = 0;
    let schrijvend = true;
    const poller = (async () => {
      while (schrijvend) {
        const p = await poll(na, 5);
        polls += 1;
        verzamel(p);
        na = p.volgende;
        if (!p.heeftMeer) await sleep(r.int(0, 5));
      }
    })();
    await Promise.all(Array.from({ length: SCHRIJVERS }, (_, w) => schrijver(w)));
    schrijvend = false;
    await poller;

    const verwacht = commits.flatMap((c) => c.rows.map((x) => x.volgnummer));
    // Drain: another transaction in the cluster (another test file's database) may hold
    // the horizon back for a while; it delays changes, it does not drop them.
    for (const deadline = Date.now() + 60_000; gezien.length < verwacht.length && Date.now() < deadline;) {
      const p = await poll(na, 5);
      verzamel(p);
      na = p.volgende;
      if (!p.heeftMeer) await sleep(20);
    }
    verzamel(await poll(na, 500));

    const tabel = await opgeslagen('gl-');
    const volgnummers = gezien.map((g) => g.volgnummer);
    expect(afgebroken).toBeGreaterThan(0);
    expect(new Set(volgnummers).size, 'no change twice').toBe(volgnummers.length);
    expect([...volgnummers].sort((a, b) => a - b), 'exactly the committed changes').toEqual([...verwacht].sort((a, b) => a - b));
    expect([...tabel.keys()].sort((a, b) => a - b), 'rolled-back changes are not in the table').toEqual([...verwacht].sort((a, b) => a - b));
    // Feed order: (transactie, volgnummer) strictly increasing over all pages.
    const positie = volgnummers.map((v) => [tabel.get(v)!.transactie, v] as const);
    for (let i = 1; i < positie.length; i++) {
      const [t0, v0] = positie[i - 1]!;
      const [t1, v1] = positie[i]!;
      expect(t1 > t0 || (t1 === t0 && v1 > v0), `feed order at ${i}`).toBe(true);
    }
    // Per entity in the order the changes were made: each writer's own entity in its commit
    // order, the shared entity in the order its row lock was granted.
    for (let w = 0; w < SCHRIJVERS; w++) {
      const gemaakt = commits.filter((c) => c.id === `gl-${w}`).sort((a, b) => a.volgorde - b.volgorde).flatMap((c) => c.rows.map((x) => x.volgnummer));
      expect(gezien.filter((g) => g.id === `gl-${w}`).map((g) => g.volgnummer)).toEqual(gemaakt);
    }
    const opSlot = commits.filter((c) => c.slot !== null).sort((a, b) => a.slot! - b.slot!).flatMap((c) => c.rows.map((x) => x.volgnummer));
    expect(gezien.filter((g) => g.id === gedeeld).map((g) => g.volgnummer)).toEqual(opSlot);

    // The run really had commits out of volgnummer order and volgnummers out of
    // transaction order (the two ways a volgnummer cursor loses changes); PGlite runs
    // transactions one at a time, so only PostgreSQL can show them.
    const perCommit = commits.map((c) => ({ volgnummer: c.rows[0]!.volgnummer, transactie: c.rows[0]!.transactie, volgorde: c.volgorde }));
    let laatGecommit = 0;
    let transactieOmgekeerd = 0;
    for (const a of perCommit) {
      for (const b of perCommit) {
        if (a.volgnummer < b.volgnummer && a.volgorde > b.volgorde) laatGecommit += 1;
        if (a.volgnummer < b.volgnummer && a.transactie > b.transactie) transactieOmgekeerd += 1;
      }
    }
    console.info(`random interleavings: ${commits.length} commits, ${afgebroken} rollbacks, ${verwacht.length} changes, ${polls} polls; `
      + `${laatGecommit} pairs committed out of volgnummer order, ${transactieOmgekeerd} pairs with volgnummer against transaction order`);
    if (OP_POSTGRES) {
      expect(laatGecommit).toBeGreaterThan(0);
      expect(transactieOmgekeerd).toBeGreaterThan(0);
    }
  }, 120_000);
});

describe('the real mutations through the gateway', () => {
  it('gives a polling partner every change of concurrent hulpvraag flows exactly once, each hulpvraag in order', async () => {
    const coordinator = await stack.token({ rol: 'vol-coordinator', organisatie: 'vol', expiresIn: '10m' });
    const [v] = await stack.rows<{ id: string }>(sql`select id from sociale_basis.vrijwilliger where actief and organisatie_id = 'vol' and gemeente_code = ${G} order by id limit 1`);
    const [w] = await stack.rows<{ code: string }>(sql`select code from basisondersteuning.wijk where gemeente_code = ${G} order by code limit 1`);
    const FEED = 'query($na: String) { hulpvraagWijzigingen(na: $na, max: 7) { items { volgnummer soort hulpvraag { id status } } volgende heeftMeer } }';
    const feed = async (na: string | null) => {
      const res = await stack.query(FEED, { token: coordinator, variables: { na } });
      expect(res.body.errors).toBeUndefined();
      return res.body.data!.hulpvraagWijzigingen as { items: Array<{ volgnummer: string; soort: string; hulpvraag: { id: string } }>; volgende: string; heeftMeer: boolean };
    };
    let na: string | null = null;
    for (let p = await feed(na); ; p = await feed(na)) {
      na = p.volgende;
      if (!p.heeftMeer) break;
    }

    const CLIENTS = 6;
    const PER_CLIENT = 4;
    const gemaakt: string[] = [];
    async function client(): Promise<void> {
      for (let i = 0; i < PER_CLIENT; i++) {
        const reg = await stack.query('mutation($w: ID!) { hulpvraagRegistreren(input: { wijk: $w, soort: BOODSCHAPPEN }) { id } }', { token: coordinator, variables: { w: w!.code } });
        const id = reg.body.data!.hulpvraagRegistreren.id as string;
        gemaakt.push(id);
        await stack.query('mutation($id: ID!, $v: ID!) { hulpvraagMatchen(id: $id, vrijwilliger: $v) { id } }', { token: coordinator, variables: { id, v: v!.id } });
        await stack.query('mutation($id: ID!) { hulpvraagOpschalen(id: $id, reden: "Past bij de basisondersteuning") { id } }', { token: coordinator, variables: { id } });
      }
    }
    const items: Array<{ volgnummer: string; soort: string; id: string }> = [];
    let bezig = true;
    const partner = (async () => {
      while (bezig) {
        const p = await feed(na);
        items.push(...p.items.map((i) => ({ volgnummer: i.volgnummer, soort: i.soort, id: i.hulpvraag.id })));
        na = p.volgende;
        if (!p.heeftMeer) await sleep(5);
      }
    })();
    await Promise.all(Array.from({ length: CLIENTS }, client));
    bezig = false;
    await partner;
    for (const deadline = Date.now() + 60_000; items.length < gemaakt.length * 3 && Date.now() < deadline;) {
      const p = await feed(na);
      items.push(...p.items.map((i) => ({ volgnummer: i.volgnummer, soort: i.soort, id: i.hulpvraag.id })));
      na = p.volgende;
      if (!p.heeftMeer) await sleep(20);
    }

    expect(gemaakt).toHaveLength(CLIENTS * PER_CLIENT);
    const volgnummers = items.map((i) => i.volgnummer);
    expect(new Set(volgnummers).size).toBe(volgnummers.length);
    // Exactly the changes the mutations committed since the partner's starting cursor.
    expect(items.filter((i) => !gemaakt.includes(i.id))).toEqual([]);
    const vastgelegd = await stack.rows<{ volgnummer: string }>(sql`select volgnummer::text as volgnummer from sociale_basis.wijziging
      where entiteit = 'hulpvraag' and entiteit_id in (${sql.join(gemaakt.map((id) => sql`${id}`), sql`, `)})`);
    expect([...volgnummers].sort()).toEqual(vastgelegd.map((r) => r.volgnummer).sort());
    for (const id of gemaakt) {
      expect(items.filter((i) => i.id === id).map((i) => i.soort), id).toEqual(['AANGEMAAKT', 'GEWIJZIGD', 'BEEINDIGD']);
    }
  }, 120_000);
});
