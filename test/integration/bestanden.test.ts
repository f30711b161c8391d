/**
 * File delivery (GET /bestanden) through the real gateway: for each soort, the authorised
 * role gets a file whose content is what the GraphQL field returns for the same role (the
 * iWmo messages paged by the test with another page size), byte-identical on a second run,
 * with the sha256 in ETag and x-content-sha256; every fetch is in the afhaalregister with
 * that sha256 before the file leaves (and no file when it cannot be written); refused
 * downloads record nothing; the register holds no resident data and no client can write it.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BESTANDSOORTEN } from '../../gateway/src/bestanden/soorten';
import { AFHAALREGISTER_PAD } from '../../subgraphs/shared/afhaalregister';
import { loadPseudonymKey } from '../../subgraphs/shared/keys';
import { pseudoniem } from '../../subgraphs/shared/verwerkingen';
import type { Rol } from '../../subgraphs/shared/roles';
import { bootStack, sql, type Stack } from '../support/stack';

let stack: Stack;
let base: string;
const tokens = new Map<string, string>();
/** The month with the most WMO301 messages of the seed, and a resident with one in that month. */
let iwmoMaand: string;
/** A month with more WMO301 messages than one page of the route (500): the fixture's. */
const VOLLE_MAAND = '2019-05';
const VOLLE_MAAND_BERICHTEN = 510;
let inwonerMetBericht: string;
/** The month with the most WMO305 (start) messages of the seed. */
let startMaand: string;

interface Download {
  status: number;
  headers: Headers;
  body: Buffer;
}

async function haal(pad: string, token?: string, init: RequestInit = {}): Promise<Download> {
  const res = await fetch(`${base}${pad}`, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers as Record<string, string>) } });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}
const json = (d: Download) => JSON.parse(d.body.toString('utf8'));
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function token(rol: Rol, extra: { organisatie?: string; sub?: string } = {}): Promise<string> {
  const key = `${rol}|${extra.organisatie ?? ''}|${extra.sub ?? ''}`;
  if (!tokens.has(key)) tokens.set(key, await stack.token({ rol, ...extra }));
  return tokens.get(key)!;
}

type Afhaling = { gebruiker: string; rol: string; organisatie: string | null; soort: string; periode: string; sha256: string; bytes: number; trace_id: string; gemeente_code: string };
const register = () => stack.rows<Afhaling & { id: number; op: string }>(sql`select * from privacy.afhaling order by id`);

/** The data of an operation through /graphql for the same token. */
async function graphql(token: string, query: string, variables: Record<string, unknown>) {
  const res = await stack.query(query, { token, variables });
  expect(res.body.errors ?? []).toEqual([]);
  return res.body.data!;
}

beforeAll(async () => {
  // Suppression at 1: the anonymised file of a small seed keeps lines.
  stack = await bootStack({ inwoners: 400, env: { SUPPRESSION_THRESHOLD: '1', SUPPRESSION_ROUNDING: '1' } });
  base = stack.platform.gatewayUrl.replace(/\/graphql$/, '');
  const [m] = await stack.rows<{ maand: string }>(sql`select to_char(toewijzingsdatum, 'YYYY-MM') as maand from aanvullende_ondersteuning.toewijzing
    where status in ('toegewezen', 'gestart', 'gestopt') group by 1 order by count(*) desc, 1 limit 1`);
  iwmoMaand = m!.maand;
  const [i] = await stack.rows<{ inwoner_id: string }>(sql`select inwoner_id from aanvullende_ondersteuning.toewijzing
    where status in ('toegewezen', 'gestart', 'gestopt') and to_char(toewijzingsdatum, 'YYYY-MM') = ${iwmoMaand} order by id limit 1`);
  inwonerMetBericht = i!.inwoner_id;
  const [st] = await stack.rows<{ maand: string }>(sql`select to_char(begindatum, 'YYYY-MM') as maand from aanvullende_ondersteuning.toewijzing
    where begindatum is not null group by 1 order by count(*) desc, 1 limit 1`);
  startMaand = st!.maand;
  // 510 granted toewijzingen in May 2019 (before any seed date), spread over the month's days: 510 derived WMO301 messages.
  await stack.database.execute(`insert into aanvullende_ondersteuning.toewijzing (id, gemeente_code, toewijzing_nummer, inwoner_id, wijk_code, product,
      productcategorie, organisatie_id, status, leveringsvorm, omvang_volume, omvang_eenheid, omvang_frequentie, toewijzingsdatum, ingangsdatum)
    select 'fx-bulk-' || lpad(n::text, 4, '0'), 'GM0080', '97' || lpad(n::text, 6, '0'), i.id, i.wijk_code, 'TO4', '02', 'windkracht058', 'toegewezen',
      'ZIN', 3, '04', '2', date '2019-05-01' + (n * 7) % 31, date '2019-06-01'
    from generate_series(1, ${VOLLE_MAAND_BERICHTEN}) n
    join lateral (select id, wijk_code from basisondersteuning.inwoner where gemeente_code = 'GM0080' order by id offset n % 50 limit 1) i on true`);
}, 180_000);
afterAll(() => stack?.stop());

/** The soorten a role finds in GET /bestanden. */
async function lijstVoor(t: string): Promise<string[]> {
  const d = await haal('/bestanden', t);
  expect(d.status).toBe(200);
  return json(d).soorten.map((s: { soort: string }) => s.soort);
}

const IWMO = ['iwmo-wmo301', 'iwmo-wmo302', 'iwmo-wmo305', 'iwmo-wmo306', 'iwmo-wmo307', 'iwmo-wmo308', 'iwmo-wmo315', 'iwmo-wmo316'];

describe('GET /bestanden', () => {
  it('lists, per role, exactly the soorten whose field its policy grants', async () => {
    expect((await lijstVoor(await token('gemeente-consulent'))).sort()).toEqual(['cak-eigen-bijdrage', ...IWMO].sort());
    expect((await lijstVoor(await token('basis-medewerker', { organisatie: 'amaryllis' }))).sort()).toEqual(['anoniem-maandbestand', ...IWMO].sort());
    expect((await lijstVoor(await token('aanbieder-medewerker', { organisatie: 'windkracht058' }))).sort()).toEqual(['anoniem-maandbestand', ...IWMO].sort());
    expect(await lijstVoor(await token('partner-systeem', { organisatie: 'windkracht058' }))).toEqual(['anoniem-maandbestand']);
    expect(await lijstVoor(await token('gemeente-beleid'))).toEqual([]);
    const consulent = json(await haal('/bestanden', await token('gemeente-consulent')));
    expect(consulent.soorten.find((s: { soort: string }) => s.soort === 'cak-eigen-bijdrage'))
      .toMatchObject({ url: '/bestanden/cak-eigen-bijdrage/{periode}', veld: 'cakExport', toegang: 'allow', formaat: 'json', bestandsnaam: 'cak-eigen-bijdrage-{periode}.json' });
  });

  it('refuses what is not a file request, recording nothing', async () => {
    const t = await token('gemeente-consulent');
    const voor = (await register()).length;
    expect((await haal('/bestanden')).status).toBe(401);
    expect((await haal('/bestanden/cak-eigen-bijdrage/2025-06')).status).toBe(401);
    expect((await haal('/bestanden/cak-eigen-bijdrage/2025-06', t, { method: 'POST' })).status).toBe(405);
    const onbekend = await haal('/bestanden/iwmo-wmo999/2025-06', t);
    expect(onbekend.status).toBe(404);
    expect(json(onbekend).errors[0].extensions.soorten).toEqual(Object.keys(BESTANDSOORTEN));
    expect((await haal('/bestanden/cak-eigen-bijdrage', t)).status).toBe(404);
    for (const periode of ['2025-13', '2025-6', '2025-06-01', 'juni', '']) {
      const d = await haal(`/bestanden/cak-eigen-bijdrage/${periode}`, t);
      expect(d.status, periode).toBe(400);
      expect(json(d).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'periode' });
    }
    // A month the field refuses (no abonnementstarief set for 2026): 400 naming periode, and the argument.
    const zonderTarief = await haal('/bestanden/cak-eigen-bijdrage/2026-01', t);
    expect(zonderTarief.status).toBe(400);
    expect(json(zonderTarief).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'periode', argument: 'jaar' });
    const parameter = await haal('/bestanden/cak-eigen-bijdrage/2025-06?maand=7', t);
    expect(parameter.status).toBe(400);
    expect(json(parameter).errors[0].extensions.field).toBe('maand');
    expect((await register()).length).toBe(voor);
  });
});

/**
 * Per soort: who may fetch it (token), a month with data, what the file must hold (read from
 * /graphql by the test itself for the same token), and roles that must be refused.
 */
interface Geval {
  soort: string;
  periode: () => string;
  token: () => Promise<string>;
  /** The file's content as the test reads it from GraphQL: a value (json) or the lines (ndjson). */
  verwacht: (t: string, periode: string) => Promise<unknown>;
  /** Roles the file is refused to (403), and why. */
  geweigerd: Array<[string, () => Promise<string>]>;
}

const maand = (periode: string) => ({ jaar: Number(periode.slice(0, 4)), maand: Number(periode.slice(5, 7)) });
const laatsteDag = (periode: string) => new Date(Date.UTC(Number(periode.slice(0, 4)), Number(periode.slice(5, 7)), 0)).toISOString().slice(0, 10);

/** All messages of a month, paged by the test with pages of 200 (so page boundaries fall elsewhere than the route's 500). */
async function iwmoPerPagina(t: string, berichtType: string, periode: string): Promise<unknown[]> {
  const op = BESTANDSOORTEN[`iwmo-${berichtType.toLowerCase()}`]!.operatie;
  const out: unknown[] = [];
  let na: string | null = null;
  do {
    const d = await graphql(t, op, { berichtType, van: `${periode}-01`, tot: laatsteDag(periode), na, aantal: 200 });
    out.push(...d.iwmoBerichten.berichten);
    na = d.iwmoBerichten.volgende;
  } while (na !== null);
  return out;
}

const GEVALLEN: Geval[] = [
  {
    soort: 'cak-eigen-bijdrage',
    periode: () => '2025-06',
    token: () => token('gemeente-consulent'),
    verwacht: async (t, p) => (await graphql(t, BESTANDSOORTEN['cak-eigen-bijdrage']!.operatie, maand(p))).cakExport,
    geweigerd: [['gemeente-beleid', () => token('gemeente-beleid')], ['aanbieder-medewerker', () => token('aanbieder-medewerker', { organisatie: 'windkracht058' })]],
  },
  {
    soort: 'anoniem-maandbestand',
    periode: () => '2025-03',
    // Amaryllis has the seeded processing agreement.
    token: () => token('basis-medewerker', { organisatie: 'amaryllis' }),
    verwacht: async (t, p) => (await graphql(t, BESTANDSOORTEN['anoniem-maandbestand']!.operatie, maand(p))).anoniemeMaandexport,
    // Windkracht058 may read the field (policy: relation) but has no agreement; beleid may not read it at all.
    geweigerd: [['aanbieder-medewerker zonder overeenkomst', () => token('aanbieder-medewerker', { organisatie: 'windkracht058' })], ['gemeente-beleid', () => token('gemeente-beleid')]],
  },
  {
    soort: 'iwmo-wmo301',
    periode: () => VOLLE_MAAND,
    token: () => token('gemeente-consulent'),
    verwacht: (t, p) => iwmoPerPagina(t, 'WMO301', p),
    geweigerd: [['gemeente-beleid', () => token('gemeente-beleid')], ['partner-systeem', () => token('partner-systeem', { organisatie: 'windkracht058' })]],
  },
  {
    soort: 'iwmo-wmo301 (aanbieder)',
    periode: () => iwmoMaand,
    token: () => token('aanbieder-medewerker', { organisatie: 'windkracht058' }),
    verwacht: (t, p) => iwmoPerPagina(t, 'WMO301', p),
    geweigerd: [],
  },
  {
    soort: 'iwmo-wmo305',
    periode: () => startMaand,
    token: () => token('gemeente-consulent'),
    verwacht: (t, p) => iwmoPerPagina(t, 'WMO305', p),
    geweigerd: [['adviesraad', () => token('adviesraad')]],
  },
];

describe.each(GEVALLEN)('$soort', (g) => {
  const soort = g.soort.split(' ')[0]!;
  const pad = () => `/bestanden/${soort}/${g.periode()}`;

  it('delivers what the GraphQL field returns, twice byte for byte, and records each fetch with its sha256 first', async () => {
    const t = await g.token();
    const voor = (await register()).length;
    const eerste = await haal(pad(), t);
    expect(eerste.status, eerste.body.toString('utf8').slice(0, 300)).toBe(200);
    const tweede = await haal(pad(), t);
    expect(tweede.status).toBe(200);
    expect(tweede.body.equals(eerste.body)).toBe(true);

    const hash = sha256(eerste.body);
    for (const d of [eerste, tweede]) {
      expect(d.headers.get('x-content-sha256')).toBe(hash);
      expect(d.headers.get('etag')).toBe(`"${hash}"`);
      expect(Number(d.headers.get('content-length'))).toBe(eerste.body.length);
    }
    const formaat = BESTANDSOORTEN[soort]!.formaat;
    expect(eerste.headers.get('content-disposition')).toBe(`attachment; filename="${soort}-${g.periode()}.${formaat}"`);

    const tekst = eerste.body.toString('utf8');
    const verwacht = await g.verwacht(t, g.periode());
    if (formaat === 'json') {
      expect(tekst.endsWith('}\n')).toBe(true);
      expect(JSON.parse(tekst)).toEqual(verwacht);
      expect(JSON.parse(tekst).regels.length).toBeGreaterThan(0);
    } else {
      const regels = tekst === '' ? [] : tekst.replace(/\n$/, '').split('\n').map((r) => JSON.parse(r));
      expect(regels).toEqual(verwacht);
      expect(regels.length).toBeGreaterThan(0);
      // More messages than one page of the route (500): it put its pages together, in the field's order.
      if (g.periode() === VOLLE_MAAND) expect(regels.length).toBe(VOLLE_MAAND_BERICHTEN);
    }

    const nieuw = (await register()).slice(voor);
    expect(nieuw).toHaveLength(2);
    expect(nieuw.map((r) => r.trace_id)).toEqual([eerste.headers.get('x-trace-id'), tweede.headers.get('x-trace-id')]);
    for (const r of nieuw) {
      expect(r).toMatchObject({ soort, periode: g.periode(), sha256: hash, bytes: eerste.body.length, gemeente_code: 'GM0080' });
    }
  });

  if (g.geweigerd.length === 0) return;
  it('refuses the roles that may not read it with 403, and records nothing', async () => {
    const voor = (await register()).length;
    for (const [wie, t] of g.geweigerd) {
      const d = await haal(pad(), await t());
      expect(d.status, wie).toBe(403);
      expect(d.headers.get('x-content-sha256')).toBeNull();
      expect(json(d).errors[0].extensions.code).toBe('FORBIDDEN');
    }
    expect((await register()).length).toBe(voor);
  });
});

describe('afhaalregister', () => {
  it('names the caller from its token, and the organisation', async () => {
    const t = await token('aanbieder-medewerker', { organisatie: 'windkracht058', sub: 'systeem-wk058' });
    const d = await haal(`/bestanden/iwmo-wmo301/${iwmoMaand}`, t);
    expect(d.status).toBe(200);
    const [laatste] = (await register()).slice(-1);
    expect(laatste).toMatchObject({ gebruiker: 'systeem-wk058', rol: 'aanbieder-medewerker', organisatie: 'windkracht058', sha256: sha256(d.body) });
  });

  it('the download of a file with BSNs writes the processing log, as /graphql does', async () => {
    const d = await haal('/bestanden/cak-eigen-bijdrage/2025-06', await token('gemeente-consulent'));
    expect(d.status).toBe(200);
    const logged = await stack.rows<{ velden: string[] }>(sql`select velden from privacy.verwerking where trace_id = ${d.headers.get('x-trace-id')}`);
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.some((r) => r.velden.includes('Inwoner.bsn'))).toBe(true);
  });

  it('holds no resident data: a resident fetching their own messages is stored by pseudonym', async () => {
    const t = await token('inwoner', { sub: inwonerMetBericht });
    const d = await haal(`/bestanden/iwmo-wmo301/${iwmoMaand}`, t);
    expect(d.status, d.body.toString('utf8').slice(0, 300)).toBe(200);
    const regels = d.body.toString('utf8').trim().split('\n').map((r) => JSON.parse(r));
    expect(regels.length).toBeGreaterThan(0);
    expect(regels.every((b) => b.inwoner.id === inwonerMetBericht)).toBe(true);
    const [laatste] = (await register()).slice(-1);
    expect(laatste!.gebruiker).toBe(`pseudoniem:${pseudoniem(loadPseudonymKey(stack.config), inwonerMetBericht)}`);

    // No column of any record holds a resident id or a BSN of the seed, and the columns are the register's only.
    const rijen = await register();
    expect(Object.keys(rijen[0]!).sort()).toEqual(['bytes', 'gebruiker', 'gemeente_code', 'id', 'op', 'organisatie', 'periode', 'rol', 'sha256', 'soort', 'trace_id']);
    const bsns = new Set((await stack.rows<{ bsn: string }>(sql`select bsn from basisondersteuning.inwoner where bsn is not null`)).map((r) => r.bsn));
    for (const r of rijen) {
      for (const waarde of Object.values(r)) {
        expect(String(waarde)).not.toMatch(/inw-[0-9a-f]{16}/);
        expect(bsns.has(String(waarde))).toBe(false);
      }
    }
  });

  it('sends no file when the record cannot be written (503), and a file again once it can', async () => {
    const t = await token('gemeente-consulent');
    // Every new record is refused by the database, as an unavailable register would be.
    await stack.database.execute('alter table privacy.afhaling add constraint test_register_dicht check (bytes < 0) not valid');
    try {
      const d = await haal('/bestanden/iwmo-wmo305/' + iwmoMaand, t);
      expect(d.status).toBe(503);
      expect(d.headers.get('x-content-sha256')).toBeNull();
      expect(json(d).errors[0].extensions.code).toBe('REGISTER_UNAVAILABLE');
    } finally {
      await stack.database.execute('alter table privacy.afhaling drop constraint test_register_dicht');
    }
    expect((await haal('/bestanden/iwmo-wmo305/' + iwmoMaand, t)).status).toBe(200);
  });

  it('is append-only', async () => {
    await expect(stack.database.execute('update privacy.afhaling set bytes = 0')).rejects.toThrow(/append-only/);
    await expect(stack.database.execute('delete from privacy.afhaling')).rejects.toThrow(/append-only/);
    await expect(stack.database.execute('truncate privacy.afhaling')).rejects.toThrow(/append-only/);
  });

  it('cannot be written by a client: no GraphQL field, and the endpoint refuses any token but the register\'s own', async () => {
    const privacy = new URL(AFHAALREGISTER_PAD, stack.platform.subgraphUrls.privacy).toString();
    const record = { soort: 'iwmo-wmo301', periode: '2025-01', sha256: 'a'.repeat(64), bytes: 1 };
    const voor = (await register()).length;
    // A gateway token for a GraphQL request to privacy has the wrong audience.
    const graphqlToken = await stack.internalToken('privacy', { rol: 'gemeente-consulent' });
    const pogingen: Array<Record<string, string>> = [{}, { authorization: `Bearer ${graphqlToken}` }, { authorization: `Bearer ${await token('gemeente-consulent')}` }];
    for (const headers of pogingen) {
      const res = await fetch(privacy, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(record) });
      expect(res.status).toBe(401);
    }
    expect((await register()).length).toBe(voor);
    const mutaties = await stack.query('{ __schema { mutationType { fields { name } } } }', { token: await token('fg') });
    expect(mutaties.body.data!.__schema.mutationType.fields.map((f: { name: string }) => f.name).filter((n: string) => /afha/i.test(n))).toEqual([]);
  });

  it('afhalingen: contract management and the fg read it, filtered by soort; only the fg sees who', async () => {
    const gisteren = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const morgen = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const q = `{ afhalingen(van: "${gisteren}", tot: "${morgen}", soort: "cak-eigen-bijdrage") { soort periode sha256 bytes rol organisatie { id } traceId tijdstip } }`;
    const rijen = (await register()).filter((r) => r.soort === 'cak-eigen-bijdrage');
    for (const rol of ['gemeente-contractmanager', 'fg'] as const) {
      const data = await graphql(await token(rol), q, {});
      expect(data.afhalingen.map((a: { sha256: string }) => a.sha256)).toEqual(rijen.map((r) => r.sha256));
      expect(data.afhalingen.every((a: { soort: string; rol: string }) => a.soort === 'cak-eigen-bijdrage' && a.rol === 'gemeente-consulent')).toBe(true);
    }
    const gebruiker = `{ afhalingen(van: "${gisteren}", tot: "${morgen}") { gebruiker } }`;
    expect((await graphql(await token('fg'), gebruiker, {})).afhalingen.length).toBeGreaterThan(0);
    const cm = await stack.query(gebruiker, { token: await token('gemeente-contractmanager') });
    expect(cm.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const te = await stack.query('{ afhalingen(van: "2024-01-01", tot: "2025-06-01") { id } }', { token: await token('fg') });
    expect(te.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tot' });
  });
});
