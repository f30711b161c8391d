/**
 * The toewijzing lifecycle through the gateway: verzoek (from a verwijzing) ->
 * toewijzing -> start -> stop, refusals, changes, lapses, and retries of one message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { herleidbaar, type Vergelijking } from '../support/lineaire-aanval';
import { bootStack, sql, type Stack } from '../support/stack';

let stack: Stack;
let consulent: string;
let aanbieder: string;
let basis: string;

beforeAll(async () => {
  // Large enough that the hoofdaanbieder's waiting times are above the suppression threshold.
  stack = await bootStack({ inwoners: 1200 });
  consulent = await stack.token({ rol: 'gemeente-consulent' });
  aanbieder = await stack.token({ rol: 'aanbieder-medewerker', organisatie: 'windkracht058' });
  basis = await stack.token({ rol: 'basis-medewerker', organisatie: 'amaryllis' });
});
afterAll(() => stack?.stop());

const code = (res: { body: { errors?: Array<{ extensions?: Record<string, unknown> }> } }) => res.body.errors?.[0]?.extensions;
let seq = 0;

/** A fresh resident in basisondersteuning, referred for `product`: returns the verzoek's id. */
async function verzoek(product = 'TO4'): Promise<{ inwoner: string; toewijzing: string }> {
  const [r] = await stack.rows<{ id: string }>(sql`select id from basisondersteuning.inwoner i where gemeente_code = 'GM0080'
    and not exists (select 1 from aanvullende_ondersteuning.toewijzing t where t.inwoner_id = i.id)
    and not exists (select 1 from basisondersteuning.ondersteuning o where o.inwoner_id = i.id) order by id offset ${seq++} limit 1`);
  await stack.query('mutation($id: ID!) { ondersteuningRegistreren(input: { inwoner: $id, soort: TO2, startdatum: "2026-01-01" }) { id } }', { token: basis, variables: { id: r!.id } });
  const family = product.startsWith('DB') ? 'DB_EXPERTISE' : 'TO_EXPERTISE';
  const v = await stack.query(`mutation($id: ID!) { verwijzen(input: { inwoner: $id, product: ${product}, criteria: [${family}], ingangsdatum: "2026-02-01", volume: 2, eenheid: "04", frequentie: "2" }) { toewijzingId } }`, { token: basis, variables: { id: r!.id } });
  return { inwoner: r!.id, toewijzing: v.body.data!.verwijzen.toewijzingId };
}

const TOEKENNEN = `mutation($b: ID!, $t: ID!, $v: Int!) { toewijzingToekennen(berichtId: $b, toewijzing: $t, input: { ingangsdatum: "2026-02-01", einddatum: "2026-12-31", volume: $v, eenheid: "04", frequentie: "2" }) { id status omvang { volume } einddatum } }`;
const START = `mutation($b: ID!, $t: ID!, $d: Datum!) { startbericht(berichtId: $b, toewijzing: $t, begindatum: $d) { status begindatum } }`;
const STOP = `mutation($b: ID!, $t: ID!, $d: Datum!, $r: String!) { stopbericht(berichtId: $b, toewijzing: $t, stopdatum: $d, redenBeeindiging: $r) { status stopdatum redenBeeindiging } }`;
const SEES = 'query($id: ID!) { inwoner(id: $id) { id toewijzingen { id status } } }';

describe('toewijzing lifecycle', () => {
  it('runs verzoek -> toegewezen -> gestart -> gestopt, with the provider seeing the resident only while it is active', async () => {
    const { inwoner, toewijzing } = await verzoek();
    expect((await stack.query(SEES, { token: aanbieder, variables: { id: inwoner } })).body.data!.inwoner).toBeNull();

    const granted = await stack.query(TOEKENNEN, { token: consulent, variables: { b: 'msg-301-a', t: toewijzing, v: 3 } });
    expect(granted.body.data!.toewijzingToekennen).toMatchObject({ status: 'TOEGEWEZEN', omvang: { volume: 3 }, einddatum: '2026-12-31' });
    expect((await stack.query(SEES, { token: aanbieder, variables: { id: inwoner } })).body.data!.inwoner.toewijzingen).toEqual([{ id: toewijzing, status: 'TOEGEWEZEN' }]);

    expect(code(await stack.query(START, { token: aanbieder, variables: { b: 'msg-305-early', t: toewijzing, d: '2026-01-15' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'begindatum' });
    const started = await stack.query(START, { token: aanbieder, variables: { b: 'msg-305-a', t: toewijzing, d: '2026-02-10' } });
    expect(started.body.data!.startbericht).toEqual({ status: 'GESTART', begindatum: '2026-02-10' });
    const startAgain = await stack.query(START, { token: aanbieder, variables: { b: 'msg-305-b', t: toewijzing, d: '2026-02-11' } });
    expect(code(startAgain)).toMatchObject({ code: 'CONFLICT', currentStatus: 'GESTART' });

    expect(code(await stack.query(STOP, { token: aanbieder, variables: { b: 'msg-307-x', t: toewijzing, d: '2026-06-30', r: '99' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'redenBeeindiging' });
    const stopped = await stack.query(STOP, { token: aanbieder, variables: { b: 'msg-307-a', t: toewijzing, d: '2026-06-30', r: '19' } });
    expect(stopped.body.data!.stopbericht).toEqual({ status: 'GESTOPT', stopdatum: '2026-06-30', redenBeeindiging: '19' });
    expect((await stack.query(SEES, { token: aanbieder, variables: { id: inwoner } })).body.data!.inwoner).toBeNull();
  });

  it('treats a repeated message as one: same result, nothing changed; the same id with other content is a CONFLICT', async () => {
    const { toewijzing } = await verzoek('DB3');
    const first = await stack.query(TOEKENNEN, { token: consulent, variables: { b: 'msg-retry', t: toewijzing, v: 4 } });
    const retries = await Promise.all([1, 2, 3].map(() => stack.query(TOEKENNEN, { token: consulent, variables: { b: 'msg-retry', t: toewijzing, v: 4 } })));
    for (const r of retries) expect(r.body.data).toEqual(first.body.data);
    const other = await stack.query(TOEKENNEN, { token: consulent, variables: { b: 'msg-retry', t: toewijzing, v: 5 } });
    expect(code(other)).toMatchObject({ code: 'CONFLICT' });
    const [n] = await stack.rows<{ n: number }>(sql`select count(*)::int as n from aanvullende_ondersteuning.bericht where bericht_id = 'msg-retry'`);
    expect(n!.n).toBe(1);
    // A retried start after the stop still answers with the start's own result.
    await stack.query(START, { token: aanbieder, variables: { b: 'msg-retry-start', t: toewijzing, d: '2026-03-01' } });
    await stack.query(STOP, { token: aanbieder, variables: { b: 'msg-retry-stop', t: toewijzing, d: '2026-04-01', r: '23' } });
    const late = await stack.query(START, { token: aanbieder, variables: { b: 'msg-retry-start', t: toewijzing, d: '2026-03-01' } });
    expect(late.body.data!.startbericht).toEqual({ status: 'GESTART', begindatum: '2026-03-01' });
  });

  it('refuses a verzoek, lets a never-started toewijzing lapse, and changes a running one', async () => {
    const a = await verzoek();
    const refused = await stack.query('mutation($t: ID!) { verzoekAfwijzen(berichtId: "msg-319-a", toewijzing: $t, reden: "Past in de basisondersteuning") { status } }', { token: consulent, variables: { t: a.toewijzing } });
    expect(refused.body.data!.verzoekAfwijzen.status).toBe('AFGEWEZEN');
    expect(code(await stack.query(TOEKENNEN, { token: consulent, variables: { b: 'msg-301-late', t: a.toewijzing, v: 1 } }))).toMatchObject({ code: 'CONFLICT', currentStatus: 'AFGEWEZEN' });

    const b = await verzoek();
    await stack.query(TOEKENNEN, { token: consulent, variables: { b: 'msg-301-b', t: b.toewijzing, v: 2 } });
    const lapsed = await stack.query('mutation($t: ID!) { toewijzingLatenVervallen(berichtId: "msg-lapse-b", toewijzing: $t, reden: "Cliënt heeft afgezien") { status } }', { token: consulent, variables: { t: b.toewijzing } });
    expect(lapsed.body.data!.toewijzingLatenVervallen.status).toBe('VERVALLEN');
    expect((await stack.query(SEES, { token: aanbieder, variables: { id: b.inwoner } })).body.data!.inwoner).toBeNull();

    const c = await verzoek();
    await stack.query(TOEKENNEN, { token: consulent, variables: { b: 'msg-301-c', t: c.toewijzing, v: 2 } });
    await stack.query(START, { token: aanbieder, variables: { b: 'msg-305-c', t: c.toewijzing, d: '2026-02-01' } });
    const WIJZIG = 'mutation($t: ID!, $r: String!) { toewijzingWijzigen(berichtId: "msg-317-c", toewijzing: $t, input: { redenWijziging: $r, volume: 4, einddatum: "2027-06-30" }) { status omvang { volume } einddatum } }';
    expect(code(await stack.query(WIJZIG.replace('msg-317-c', 'msg-317-bad'), { token: consulent, variables: { t: c.toewijzing, r: '01' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.redenWijziging' });
    const changed = await stack.query(WIJZIG, { token: consulent, variables: { t: c.toewijzing, r: '04' } });
    expect(changed.body.data!.toewijzingWijzigen).toEqual({ status: 'GESTART', omvang: { volume: 4 }, einddatum: '2027-06-30' });
  });

  it('takes start and stop only from the provider of the toewijzing (hoofd- or onderaannemer)', async () => {
    const { toewijzing } = await verzoek();
    await stack.query(TOEKENNEN, { token: consulent, variables: { b: 'msg-301-d', t: toewijzing, v: 2 } });
    const other = await stack.token({ rol: 'aanbieder-medewerker', organisatie: 'oa-dementie' });
    expect(code(await stack.query(START, { token: other, variables: { b: 'msg-305-d1', t: toewijzing, d: '2026-02-01' } }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(code(await stack.query(START, { token: consulent, variables: { b: 'msg-305-d2', t: toewijzing, d: '2026-02-01' } }))).toMatchObject({ code: 'FORBIDDEN' });
    // Handed to the onderaannemer (by the hoofdaanbieder only), it may send the start and sees the resident.
    const HAND = 'mutation($t: ID!, $o: ID!) { toewijzingDoorgeven(toewijzing: $t, onderaannemer: $o) { onderaannemer { id } } }';
    expect(code(await stack.query(HAND, { token: other, variables: { t: toewijzing, o: 'oa-dementie' } }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(code(await stack.query(HAND, { token: aanbieder, variables: { t: toewijzing, o: 'thfl' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'onderaannemer' });
    const handed = await stack.query(HAND, { token: aanbieder, variables: { t: toewijzing, o: 'oa-dementie' } });
    expect(handed.body.data!.toewijzingDoorgeven.onderaannemer).toEqual({ id: 'oa-dementie' });
    const [{ inwoner_id: resident }] = await stack.rows<{ inwoner_id: string }>(sql`select inwoner_id from aanvullende_ondersteuning.toewijzing where id = ${toewijzing}`) as [{ inwoner_id: string }];
    expect((await stack.query(SEES, { token: other, variables: { id: resident } })).body.data!.inwoner.toewijzingen).toEqual([{ id: toewijzing, status: 'TOEGEWEZEN' }]);
    const third = await stack.token({ rol: 'aanbieder-medewerker', organisatie: 'oa-agressie' });
    expect((await stack.query(SEES, { token: third, variables: { id: resident } })).body.data!.inwoner).toBeNull();
    const started = await stack.query(START, { token: other, variables: { b: 'msg-305-d3', t: toewijzing, d: '2026-02-01' } });
    expect(started.body.data!.startbericht.status).toBe('GESTART');
  });
});

describe('wachttijd', () => {
  /** percentile_cont: linear interpolation between the closest ranks. */
  function percentile(sorted: number[], p: number): number {
    const pos = (sorted.length - 1) * p;
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
  }

  it('gives median, p90 and over-norm counts per provider that match the seed, suppressed below the threshold', async () => {
    const token = await stack.token({ rol: 'gemeente-contractmanager' });
    const res = await stack.query('{ wachttijden(van: "2021-01-01", tot: "2025-12-31", per: AANBIEDER, normDagen: 20) { groep gestart { waarde onderdrukt } mediaanDagen p90Dagen bovenNorm { waarde onderdrukt } } }', { token });
    expect(res.body.errors).toBeUndefined();
    const rows = await stack.rows<{ groep: string; dagen: number | null }>(sql`select coalesce(onderaannemer_id, organisatie_id) as groep, (begindatum - toewijzingsdatum) as dagen
      from aanvullende_ondersteuning.toewijzing where gemeente_code = 'GM0080' and status in ('toegewezen', 'gestart', 'gestopt', 'vervallen')
      and toewijzingsdatum between '2021-01-01' and '2025-12-31'`);
    const groups = new Map<string, number[]>();
    for (const r of rows) {
      if (!groups.has(r.groep)) groups.set(r.groep, []);
      if (r.dagen !== null) groups.get(r.groep)!.push(Number(r.dagen));
    }
    expect(res.body.data!.wachttijden.map((w: { groep: string }) => w.groep).sort()).toEqual([...groups.keys()].sort());
    let checked = 0;
    for (const w of res.body.data!.wachttijden) {
      const days = groups.get(w.groep)!.sort((a, b) => a - b);
      if (days.length === 0) {
        // A true 0 is published as 0 (onderdrukking.ts, rule 2).
        expect(w).toMatchObject({ gestart: { waarde: 0, onderdrukt: false }, mediaanDagen: null, p90Dagen: null });
      } else if (days.length < 10) {
        expect(w).toMatchObject({ gestart: { waarde: null, onderdrukt: true }, mediaanDagen: null, p90Dagen: null });
      } else if (w.gestart.onderdrukt) {
        // Secondary: suppressed so that the other groupings do not give a small group away.
        expect(w).toMatchObject({ gestart: { waarde: null }, mediaanDagen: null, p90Dagen: null });
      } else {
        checked += 1;
        expect(w.gestart).toEqual({ waarde: Math.round(days.length / 5) * 5, onderdrukt: false });
        expect(w.mediaanDagen).toBe(Math.round(percentile(days, 0.5)));
        expect(w.p90Dagen).toBe(Math.round(percentile(days, 0.9)));
        const over = days.filter((d) => d > 20).length;
        if (over < 10 && over > 0) expect(w.bovenNorm).toEqual({ waarde: null, onderdrukt: true });
        else if (!w.bovenNorm.onderdrukt) expect(w.bovenNorm).toEqual({ waarde: Math.round(over / 5) * 5, onderdrukt: false });
      }
    }
    expect(checked).toBeGreaterThan(0); // the hoofdaanbieder has enough starts at this seed size
  });

  it('suppresses the three groupings together: no combination of them gives a suppressed group away', async () => {
    const token = await stack.token({ rol: 'gemeente-beleid' });
    const lijsten: Array<Array<{ groep: string; gestart: { waarde: number | null; onderdrukt: boolean } }>> = [];
    for (const per of ['PRODUCT', 'AANBIEDER', 'WIJK']) {
      const res = await stack.query(`{ wachttijden(van: "2024-01-01", tot: "2025-12-31", per: ${per}) { groep gestart { waarde onderdrukt } } }`, { token });
      expect(res.body.errors).toBeUndefined();
      lijsten.push(res.body.data!.wachttijden);
    }
    // Exact counts, independently: started toewijzingen per group.
    const rows = await stack.rows<{ product: string; wijk: string; org: string }>(sql`select product, wijk_code as wijk, coalesce(onderaannemer_id, organisatie_id) as org
      from aanvullende_ondersteuning.toewijzing where gemeente_code = 'GM0080' and status in ('toegewezen', 'gestart', 'gestopt', 'vervallen')
      and toewijzingsdatum between '2024-01-01' and '2025-12-31' and begindatum is not null`);
    const sleutels: Array<'product' | 'org' | 'wijk'> = ['product', 'org', 'wijk'];
    const waarden = new Map<string, { onderdrukt: boolean }>();
    const eqs: Vergelijking[] = [];
    lijsten.forEach((lijst, k) => {
      const eq: Vergelijking = [['totaal', -1]];
      for (const w of lijst) {
        const exact = rows.filter((r) => r[sleutels[k]!] === w.groep).length;
        if (w.gestart.onderdrukt) expect(exact, w.groep).toBeGreaterThan(0);
        else expect(w.gestart.waarde, w.groep).toBe(Math.round(exact / 5) * 5);
        waarden.set(`${k}|${w.groep}`, { onderdrukt: w.gestart.onderdrukt });
        eq.push([`${k}|${w.groep}`, 1]);
      }
      eqs.push(eq);
    });
    // The attacker knows the total (every list adds up to it).
    waarden.set('totaal', { onderdrukt: false });
    expect([...waarden.values()].filter((w) => w.onderdrukt).length).toBeGreaterThan(0);
    expect(herleidbaar(waarden, eqs)).toEqual([]);
  });

  it('flags a toewijzing that is not started long after its ingangsdatum, and refuses bad periods', async () => {
    const { inwoner, toewijzing } = await verzoek();
    await stack.query(TOEKENNEN, { token: consulent, variables: { b: 'msg-301-late-start', t: toewijzing, v: 1 } });
    const res = await stack.query('query($id: ID!) { inwoner(id: $id) { toewijzingen { id startTeLaat kort: startTeLaat(normDagen: 365) } } }', { token: consulent, variables: { id: inwoner } });
    const t = res.body.data!.inwoner.toewijzingen.find((x: { id: string }) => x.id === toewijzing);
    const daysSince = (Date.now() - Date.parse('2026-02-01')) / 86_400_000;
    expect(t).toEqual({ id: toewijzing, startTeLaat: daysSince > 28, kort: daysSince > 365 });
    const token = await stack.token({ rol: 'gemeente-beleid' });
    const bad = await stack.query('{ wachttijden(van: "2025-01-01", tot: "2024-01-01", per: WIJK) { groep } }', { token });
    expect(code(bad)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tot' });
  });
});
