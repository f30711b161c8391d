/**
 * The CSV export for BI tools (GET /export/<figuurset>.csv) through the real gateway. Every
 * figure set of the registry is read back with the tests' own RFC 4180 reader and compared
 * cell by cell with the GraphQL answer to the same operation for the same role, so the
 * suppression is the same by construction: beleid sees suppressed cells as suppressed, a
 * provider its own organisation exactly. Also the error statuses, the list of figure sets,
 * streaming (one HTTP chunk per row) and that a partial answer never becomes a CSV.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer } from '../../subgraphs/shared/http';
import { FIGUURSETS } from '../../gateway/src/export/figuursets';
import { bootStack, sql, strangerKey, type Stack } from '../support/stack';
import { csvRecords, parseCsv } from '../support/rfc4180';
import { signDevClientToken } from '../../subgraphs/shared/tokens';

let stack: Stack;
let base: string;
let beleid: string;
let aanbieder: string;
let onderaannemer: string;
/** An organisation name that needs quoting and formula escaping in a CSV. */
const LASTIGE_NAAM = '=Zorg, "Thuis" Friesland';

beforeAll(async () => {
  stack = await bootStack({ inwoners: 1000 });
  base = stack.platform.gatewayUrl.replace(/\/graphql$/, '');
  beleid = await stack.token({ rol: 'gemeente-beleid' });
  // The smallest delivering onderaannemer: its own cells are small, so suppressed for everyone else.
  const [oa] = await stack.rows<{ org: string }>(sql`select onderaannemer_id as org from aanvullende_ondersteuning.toewijzing
    where onderaannemer_id is not null and status in ('gestart', 'gestopt') group by 1 order by count(*), 1 limit 1`);
  onderaannemer = oa!.org;
  aanbieder = await stack.token({ rol: 'aanbieder-medewerker', organisatie: onderaannemer });
  await stack.database.execute(`update financien.organisatie set naam = '${LASTIGE_NAAM.replaceAll("'", "''")}' where id = '${onderaannemer}'`);
}, 180_000);
afterAll(() => stack?.stop());

type Telling = { waarde: number | null; onderdrukt: boolean };
type Rij = Record<string, string>;

/** What a cell must read: the tests' own statement of the rules (empty for null, apostrophe before a formula). */
function cel(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'string') return String(v);
  return /^[=+\-@\t\r]/.test(v) && !/^-?\d+(\.\d+)?$/.test(v) ? `'${v}` : v;
}
function tel(naam: string, t: Telling | undefined): Rij {
  return t ? { [naam]: cel(t.waarde), [`${naam}_onderdrukt`]: String(t.onderdrukt) } : {};
}
const org = (o: { id: string; naam: string } | null): Rij => ({ organisatie_id: o?.id ?? 'totaal', organisatie_naam: cel(o?.naam ?? 'totaal') });

/** A sum as the CSV shows it: a value, or suppressed (empty) where its count is. */
const som = (v: number | null): Telling => ({ waarde: v, onderdrukt: v === null });

/** The rows of a stuurcijfers set: gemeente, gebieden, then wijken per gebied; per period the values `waarden` lists. */
function stuurRijen(d: any, waarden: (c: any) => Array<[cijfer: string, categorie: string, telling: Telling, eigen?: boolean]>): Rij[] {
  const out: Rij[] = [];
  const plek = (niveau: string, code: string, naam: string, gebied: string, reeks: any[]) => {
    for (const p of reeks) {
      for (const [cijfer, categorie, t, eigen] of waarden(p)) {
        out.push({ niveau, code, naam: cel(naam), gebied: cel(gebied), periode: p.periode, van: p.van, tot: p.tot, cijfer, categorie, eigen_organisatie: eigen === undefined ? '' : String(eigen), ...tel('waarde', t) });
      }
    }
  };
  plek('gemeente', d.gemeente.code, d.gemeente.code, '', d.gemeente.x);
  for (const g of d.gemeente.gebieden) plek('gebied', g.naam, g.naam, g.naam, g.x);
  for (const g of d.gemeente.gebieden) for (const w of g.wijken) plek('wijk', w.code, w.naam, g.naam, w.x);
  return out;
}

/** Per figure set: the request, its variables, and the rows the GraphQL answer must become. */
/** `alleenBeleid`: the figure set is not for providers (they get 403, checked below). */
const GEVALLEN: Record<string, { query: string; variables: Record<string, unknown>; rijen: (data: any) => Rij[]; alleenBeleid?: true }> = {
  kwaliteit: {
    query: 'van=2024-01-01&tot=2025-12-31&per=KWARTAAL',
    variables: { van: '2024-01-01', tot: '2025-12-31', per: 'KWARTAAL' },
    rijen: (d) => d.kwaliteitReeks.flatMap((p: any) => [...p.kwaliteit.aanbieders, p.kwaliteit.gemeente].map((r: any) => ({
      periode: p.label, van: p.van, tot: p.tot, ...org(r.organisatie), eigen_organisatie: String(r.eigenOrganisatie),
      ...tel('klachten', r.klachten),
      ...Object.assign({}, ...r.perRoute.map((x: any) => tel(`klachten_route_${x.route.toLowerCase()}`, x.klachten))),
      ...Object.assign({}, ...r.perStatus.map((x: any) => tel(`klachten_status_${x.status.toLowerCase()}`, x.klachten))),
      ...tel('afgehandeld', r.afgehandeld), mediaan_afhandeldagen: cel(r.mediaanAfhandeldagen), ...tel('boven_norm', r.bovenNorm),
      ...tel('respondenten', r.respondenten), gemiddelde_score: cel(r.gemiddeldeScore),
      ...(r === p.kwaliteit.gemeente ? tel('bezwaren', p.kwaliteit.bezwaren) : {}),
    }))),
  },
  'kwaliteit-clientervaring': {
    query: 'van=2025-01-01&tot=2025-12-31&per=JAAR',
    variables: { van: '2025-01-01', tot: '2025-12-31', per: 'JAAR' },
    rijen: (d) => d.kwaliteitReeks.flatMap((p: any) => [...p.kwaliteit.aanbieders, p.kwaliteit.gemeente].flatMap((r: any) => r.clientervaring.map((c: any) => ({
      periode: p.label, van: p.van, tot: p.tot, ...org(r.organisatie), eigen_organisatie: String(r.eigenOrganisatie),
      product: c.product, ...tel('respondenten', c.respondenten), gemiddelde_score: cel(c.gemiddeldeScore),
    })))),
  },
  klantstromen: {
    query: 'van=2024-01-01&tot=2025-12-31&per=KWARTAAL',
    variables: { van: '2024-01-01', tot: '2025-12-31', per: 'KWARTAAL' },
    rijen: (d) => d.klantstromen.map((p: any) => ({
      periode: p.periode, van: p.van, tot: p.tot, ...tel('instroom', p.instroom), ...tel('uitstroom', p.uitstroom),
      ...tel('doorstroom_naar_aanvullend', p.doorstroomNaarAanvullend), ...tel('doorstroom_naar_basis', p.doorstroomNaarBasis),
      ...Object.assign({}, ...p.verschuiving.map((v: any) => {
        const g = v.groep.toLowerCase();
        return { ...tel(`${g}_in_basis`, v.inBasis), ...tel(`${g}_in_aanvullend`, v.inAanvullend),
          [`${g}_aandeel_basis_procent`]: cel(v.aandeelBasisProcent), [`${g}_verwacht_aandeel_basis_procent`]: cel(v.verwachtAandeelBasisProcent) };
      })),
    })),
  },
  'klantstromen-uitstroom': {
    query: 'van=2024-01-01&tot=2025-12-31&per=JAAR',
    variables: { van: '2024-01-01', tot: '2025-12-31', per: 'JAAR' },
    rijen: (d) => d.klantstromen.flatMap((p: any) => p.uitstroomPerReden.map((r: any) => ({
      periode: p.periode, van: p.van, tot: p.tot, reden_code: cel(r.code), reden_omschrijving: cel(r.omschrijving), ...tel('aantal', r.aantal),
    }))),
  },
  aanbiederslandschap: {
    query: 'jaar=2025&kwartaal=3',
    variables: { jaar: 2025, kwartaal: 3 },
    rijen: (d) => d.aanbiederslandschap.map((r: any) => ({
      wijk_code: r.wijk?.code ?? 'totaal', wijk_naam: cel(r.wijk?.naam ?? 'totaal'), ...org(r.organisatie), rol: cel(r.rol), ...tel('clienten', r.clienten),
    })),
  },
  'omvang-per-product': {
    query: 'van=2025-01-01&tot=2025-06-30',
    variables: { van: '2025-01-01', tot: '2025-06-30' },
    rijen: (d) => d.omvangPerProduct.map((r: any) => ({
      product: r.product, eenheid: cel(r.eenheid), frequentie: cel(r.frequentie), ...org(r.organisatie), ...tel('clienten', r.clienten), volume: cel(r.volume),
    })),
  },
  'stuurcijfers-basisondersteuning': {
    query: 'van=2025-01-01&tot=2025-06-30&per=KWARTAAL',
    variables: { van: '2025-01-01', tot: '2025-06-30', per: 'KWARTAAL' },
    rijen: (d) => stuurRijen(d, (c) => [['clienten', '', c.clienten], ...c.perSoort.map((s: any): [string, string, Telling] => ['perSoort', s.soort, s.clienten])]),
  },
  'stuurcijfers-aanvullende-ondersteuning': {
    alleenBeleid: true,
    query: 'van=2025-01-01&tot=2025-03-31',
    variables: { van: '2025-01-01', tot: '2025-03-31' },
    rijen: (d) => stuurRijen(d, (c) => [
      ['clienten', '', c.clienten],
      ...c.perProduct.map((p: any): [string, string, Telling] => ['perProduct', p.product, p.clienten]),
      ...c.perAanbieder.map((a: any): [string, string, Telling, boolean] => ['perAanbieder', `${a.organisatie.id}/${a.rol}`, a.clienten, a.eigenOrganisatie]),
    ]),
  },
  'stuurcijfers-sociale-basis': {
    query: 'van=2025-01-01&tot=2025-12-31&per=JAAR',
    variables: { van: '2025-01-01', tot: '2025-12-31', per: 'JAAR' },
    rijen: (d) => stuurRijen(d, (c) => [
      ['deelnemers', '', c.deelnemers], ['anoniemGematcht', '', c.anoniemGematcht], ['nieuweHulpvragen', '', c.nieuweHulpvragen],
      ...c.nieuwPerSoort.map((s: any): [string, string, Telling] => ['nieuwPerSoort', s.soort, s.hulpvragen]),
      ['openAanHetEinde', '', c.openAanHetEinde],
    ]),
  },
  'stuurcijfers-huishoudelijke-hulp': {
    query: 'van=2025-01-01&tot=2025-03-31',
    variables: { van: '2025-01-01', tot: '2025-03-31' },
    rijen: (d) => stuurRijen(d, (c) => [
      ['clienten', '', c.clienten], ['urenPerWeek', '', som(c.urenPerWeek)],
      ...c.perAanbieder.flatMap((a: any): Array<[string, string, Telling, boolean]> => [
        ['perAanbieder.clienten', a.aanbieder.id, a.clienten, a.eigenOrganisatie],
        ['perAanbieder.urenPerWeek', a.aanbieder.id, som(a.urenPerWeek), a.eigenOrganisatie],
      ]),
    ]),
  },
  'stuurcijfers-financien': {
    alleenBeleid: true,
    query: 'van=2025-01-01&tot=2025-12-31',
    variables: { van: '2025-01-01', tot: '2025-12-31' },
    rijen: (d) => stuurRijen(d, (c) => [
      ...(c.subsidies ? [['subsidies', '', som(Number(c.subsidies.euro))] as [string, string, Telling]] : []),
      ...(c.subsidiesZonderWijk ? [['subsidiesZonderWijk', '', som(Number(c.subsidiesZonderWijk.euro))] as [string, string, Telling]] : []),
      ...c.perPerceel.flatMap((p: any): Array<[string, string, Telling]> => [
        ['perPerceel.clienten', p.perceel, p.clienten],
        ['perPerceel.volume', p.perceel, som(p.volume)],
        ['perPerceel.besteed', p.perceel, som(p.besteed === null ? null : Number(p.besteed.euro))],
        ...(p.budget ? [['perPerceel.budget', p.perceel, som(Number(p.budget.euro))] as [string, string, Telling]] : []),
      ]),
    ]),
  },
  wachttijden: {
    alleenBeleid: true,
    query: 'van=2024-01-01&tot=2025-12-31&per=AANBIEDER&normDagen=21',
    variables: { van: '2024-01-01', tot: '2025-12-31', per: 'AANBIEDER', normDagen: 21 },
    rijen: (d) => d.wachttijden.map((w: any) => ({
      groep: cel(w.groep), ...tel('gestart', w.gestart), mediaan_dagen: cel(w.mediaanDagen), p90_dagen: cel(w.p90Dagen),
      ...tel('boven_norm', w.bovenNorm), ...tel('open_boven_norm', w.openBovenNorm),
    })),
  },
};

async function get(path: string, token: string | null = beleid, init: RequestInit = {}) {
  const res = await fetch(`${base}${path}`, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers as Record<string, string>) } });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

async function fout(path: string, token: string | null = beleid, init: RequestInit = {}) {
  const res = await get(path, token, init);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = JSON.parse(res.text);
  expect(res.text).not.toMatch(/\n\s+at |stack|inw-/);
  return { status: res.status, headers: res.headers, error: body.errors[0] as { message: string; extensions: Record<string, unknown> } };
}

/** The CSV of a figure set and the GraphQL answer to its operation, for one role. */
async function beide(naam: string, token: string) {
  const geval = GEVALLEN[naam]!;
  const csv = await get(`/export/${naam}.csv?${geval.query}`, token);
  expect(csv.status, csv.text.slice(0, 300)).toBe(200);
  const gql = await stack.query(FIGUURSETS[naam]!.operatie, { token, variables: geval.variables });
  expect(gql.body.errors).toBeUndefined();
  return { csv, ...csvRecords(csv.text), data: gql.body.data, verwacht: geval.rijen(gql.body.data) };
}

describe('GET /export/<figuurset>.csv', () => {
  it('has a test case for every figure set of the registry', () => {
    expect(Object.keys(GEVALLEN).sort()).toEqual(Object.keys(FIGUURSETS).sort());
  });

  it.each(Object.keys(GEVALLEN))('%s: the CSV equals the GraphQL answer, for beleid and for a provider', async (naam) => {
    if (GEVALLEN[naam]!.alleenBeleid) {
      const geweigerd = await get(`/export/${naam}.csv?${GEVALLEN[naam]!.query}`, aanbieder);
      expect(geweigerd.status).toBe(403);
    }
    for (const token of GEVALLEN[naam]!.alleenBeleid ? [beleid] : [beleid, aanbieder]) {
      const { csv, header, records, verwacht } = await beide(naam, token);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(csv.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="${naam}-\\d{4}-\\d{2}-\\d{2}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
      expect(header).toEqual(FIGUURSETS[naam]!.kolommen.map((k) => k.naam));
      expect(verwacht.length, `${naam} has rows`).toBeGreaterThan(0);
      for (const rij of verwacht) for (const k of Object.keys(rij)) expect(header, naam).toContain(k);
      expect(records).toEqual(verwacht.map((rij) => Object.fromEntries(header.map((h) => [h, rij[h] ?? '']))));
      // A suppressed count is never a 0 or an ambiguous empty cell.
      for (const r of records) {
        for (const h of header.filter((x) => x.endsWith('_onderdrukt'))) {
          const waarde = r[h.slice(0, -'_onderdrukt'.length)]!;
          if (r[h] === 'true') expect(waarde, `${naam} ${h}`).toBe('');
          else if (r[h] === 'false') expect(waarde, `${naam} ${h}`).toMatch(/^\d+(\.\d+)?$/);
          else expect([r[h], waarde], `${naam} ${h}: not applicable is empty in both`).toEqual(['', '']);
        }
      }
    }
  });

  it('shows beleid a small cell as suppressed and the provider its own cell exactly, as GraphQL does', async () => {
    const publiek = await beide('aanbiederslandschap', beleid);
    const eigen = await beide('aanbiederslandschap', aanbieder);
    const mijn = (rs: Rij[]) => rs.filter((r) => r.organisatie_id === onderaannemer && r.wijk_code !== 'totaal');
    const onderdrukt = mijn(publiek.records).filter((r) => r.clienten_onderdrukt === 'true');
    expect(onderdrukt.length).toBeGreaterThan(0);
    for (const r of onderdrukt) expect(r.clienten).toBe('');
    const exact = mijn(eigen.records);
    expect(exact.length).toBe(mijn(publiek.records).length);
    for (const r of exact) {
      expect(r.clienten_onderdrukt).toBe('false');
      const gql = eigen.data!.aanbiederslandschap.find((x: any) => x.wijk?.code === r.wijk_code && x.organisatie?.id === onderaannemer);
      expect(r.clienten).toBe(String(gql.clienten.waarde));
    }
    // Its name needed quoting and formula escaping, and reads back as written.
    expect(exact[0]!.organisatie_naam).toBe(`'${LASTIGE_NAAM}`);
    expect(eigen.csv.text).toContain(`"'=Zorg, ""Thuis"" Friesland"`);
    // Totals rows carry the label, with an empty rol.
    expect(publiek.records.find((r) => r.wijk_code === 'totaal' && r.organisatie_id === 'totaal')).toMatchObject({ wijk_naam: 'totaal', organisatie_naam: 'totaal', rol: '' });
    expect(publiek.csv.headers.get('content-disposition')).toBe('attachment; filename="aanbiederslandschap-2025-07-01-2025-09-30.csv"');
    // In kwaliteit, the provider's own line is marked and exact.
    const kwaliteit = await beide('kwaliteit', aanbieder);
    const regels = kwaliteit.records.filter((r) => r.eigen_organisatie === 'true');
    expect(regels.length).toBeGreaterThan(0);
    for (const r of regels) expect([r.organisatie_id, r.klachten_onderdrukt]).toEqual([onderaannemer, 'false']);
  });

  it('writes RFC 4180: CRLF records, header first, quoted fields', async () => {
    const { csv } = await beide('klantstromen-uitstroom', beleid);
    expect(csv.text.startsWith('periode,van,tot,reden_code,reden_omschrijving,aantal,aantal_onderdrukt\r\n')).toBe(true);
    expect(csv.text.replaceAll('\r\n', '')).not.toMatch(/\n/);
    expect(parseCsv(csv.text).every((r) => r.length === 7)).toBe(true);
  });

  it('streams a large figure set: chunked, one HTTP chunk per row, 120 monthly periods', async () => {
    const { port } = new URL(base);
    const socket = connect(Number(port), '127.0.0.1');
    socket.write(`GET /export/klantstromen.csv?van=2016-01-01&tot=2025-12-31&per=MAAND HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${beleid}\r\nConnection: close\r\n\r\n`);
    const delen: Buffer[] = [];
    for await (const d of socket) delen.push(d as Buffer);
    const raw = Buffer.concat(delen);
    const einde = raw.indexOf('\r\n\r\n');
    const head = raw.subarray(0, einde).toString('latin1').toLowerCase();
    expect(head).toMatch(/^http\/1\.1 200/);
    expect(head).toContain('transfer-encoding: chunked');
    expect(head).not.toContain('content-length');
    // Undo the chunked transfer coding by hand.
    let i = einde + 4;
    let chunks = 0;
    const body: Buffer[] = [];
    for (;;) {
      const regel = raw.indexOf('\r\n', i);
      const size = parseInt(raw.subarray(i, regel).toString('latin1'), 16);
      if (size === 0) break;
      body.push(raw.subarray(regel + 2, regel + 2 + size));
      chunks++;
      i = regel + 2 + size + 2;
    }
    const { records } = csvRecords(Buffer.concat(body).toString('utf8'));
    expect(records).toHaveLength(120);
    expect(records[0]!.periode).toBe('2016-01');
    expect(records[119]!.periode).toBe('2025-12');
    expect(chunks).toBeGreaterThanOrEqual(121); // the header and each row written on their own
  });
});

describe('GET /export', () => {
  it('lists the figure sets with their parameters and columns', async () => {
    const res = await get('/export');
    expect(res.status).toBe(200);
    const lijst = JSON.parse(res.text);
    expect(lijst.figuursets.map((f: any) => f.naam)).toEqual(Object.keys(FIGUURSETS));
    const kwaliteit = lijst.figuursets.find((f: any) => f.naam === 'kwaliteit');
    expect(kwaliteit.url).toBe('/export/kwaliteit.csv');
    expect(kwaliteit.parameters.map((p: any) => [p.naam, p.type, p.verplicht])).toEqual([['van', 'datum', true], ['tot', 'datum', true], ['per', 'keuze', true]]);
    expect(kwaliteit.parameters[2].waarden).toEqual(['MAAND', 'KWARTAAL', 'JAAR']);
    expect(kwaliteit.kolommen.map((k: any) => k.naam)).toEqual(expect.arrayContaining(['periode', 'organisatie_id', 'klachten', 'klachten_onderdrukt']));
    expect(lijst.figuursets.find((f: any) => f.naam === 'wachttijden').parameters.find((p: any) => p.naam === 'normDagen')).toMatchObject({ verplicht: false, standaard: 28 });
    expect(lijst.onderdrukking).toMatch(/_onderdrukt/);
    expect((await fout('/export', null)).status).toBe(401);
    expect(await fout('/export?x=1')).toMatchObject({ status: 400, error: { extensions: { code: 'BAD_USER_INPUT', field: 'x' } } });
  });
});

describe('refusals come before any CSV, with a typed JSON error', () => {
  const KS = '/export/klantstromen.csv?van=2025-01-01&tot=2025-12-31&per=KWARTAAL';

  it('401 without a token, with an invalid, forged or expired one', async () => {
    const forged = await signDevClientToken({ sub: 'x', rol: 'gemeente-beleid' }, strangerKey(), { issuer: stack.config.AUTH_ISSUER, audience: stack.config.AUTH_AUDIENCE, expiresIn: '5m' });
    const verlopen = await stack.token({ rol: 'gemeente-beleid', expiresIn: -60 });
    for (const token of [null, 'nonsense', forged, verlopen]) {
      const res = await fout(KS, token);
      expect(res.status).toBe(401);
      expect(res.error.extensions.code).toBe('UNAUTHENTICATED');
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    }
  });

  it('403 when the role may not read the figure set, or the purpose is not the role\'s', async () => {
    for (const [rol, pad] of [['gemeente-consulent', KS], ['partner-systeem', KS], ['fg', '/export/kwaliteit.csv?van=2025-01-01&tot=2025-12-31&per=JAAR'],
      ['vrijwilliger', '/export/wachttijden.csv?van=2025-01-01&tot=2025-12-31&per=WIJK']] as const) {
      const token = await stack.token({ rol, organisatie: rol === 'partner-systeem' ? 'windkracht058' : rol === 'vrijwilliger' ? 'vol' : undefined });
      expect(await fout(pad, token), rol).toMatchObject({ status: 403, error: { extensions: { code: 'FORBIDDEN' } } });
    }
    expect(await fout(KS, beleid, { headers: { 'x-doelbinding': 'iets-anders' } })).toMatchObject({ status: 403, error: { extensions: { code: 'FORBIDDEN' } } });
  });

  it('400 for bad parameters, naming the parameter, also when the subgraph refuses them', async () => {
    const gevallen: Array<[string, string]> = [
      ['/export/klantstromen.csv?van=2025-13-01&tot=2025-12-31&per=KWARTAAL', 'van'],
      ['/export/klantstromen.csv?van=2025-01-01&tot=2025-12-31&per=WEEK', 'per'],
      ['/export/klantstromen.csv?van=2025-01-01&per=MAAND', 'tot'],
      ['/export/klantstromen.csv?van=2025-01-01&tot=2025-12-31&per=MAAND&gemeente=GM0088', 'gemeente'],
      ['/export/klantstromen.csv?van=2025-01-01&van=2024-01-01&tot=2025-12-31&per=MAAND', 'van'],
      ['/export/aanbiederslandschap.csv?jaar=twee&kwartaal=3', 'jaar'],
      // Checks of meaning stay in the subgraphs: their BAD_USER_INPUT becomes a 400 too.
      ['/export/klantstromen.csv?van=2025-02-01&tot=2025-01-01&per=MAAND', 'tot'],
      ['/export/aanbiederslandschap.csv?jaar=2025&kwartaal=5', 'kwartaal'],
      ['/export/wachttijden.csv?van=2025-01-01&tot=2025-12-31&per=WIJK&normDagen=0', 'normDagen'],
    ];
    for (const [pad, field] of gevallen) {
      const res = await fout(pad);
      expect(res, pad).toMatchObject({ status: 400, error: { extensions: { code: 'BAD_USER_INPUT', field } } });
      expect(res.error.message, pad).toContain(field);
    }
  });

  it('404 for an unknown figure set, listing the known ones; other paths stay the gateway\'s', async () => {
    for (const pad of ['/export/onbekend.csv', '/export/constructor.csv', '/export/kwaliteit', '/export/kwaliteit.xlsx', '/export/kwaliteit.csv/x']) {
      const res = await fout(pad);
      expect(res.status, pad).toBe(404);
      expect(res.error.extensions).toMatchObject({ code: 'NOT_FOUND', figuursets: Object.keys(FIGUURSETS) });
      expect(res.error.message).toContain('omvang-per-product');
    }
    expect((await fout('/exports')).error.message).toMatch(/\/graphql/);
    expect((await get('/health', null)).status).toBe(200);
  });

  it('405 for anything but GET', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const res = await fout(KS, beleid, { method });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET');
    }
  });

  // Last: it stops a subgraph.
  it('502 when a subgraph is down: no CSV, not even for a partial GraphQL answer', async () => {
    const financien = stack.platform.subgraphs.find((s) => s.name === 'financien')!;
    financien.server.closeAllConnections();
    await closeServer(financien.server);
    // The landscape comes from aanvullende ondersteuning, the organisations' names from financien: partial.
    const gql = await stack.query(FIGUURSETS.aanbiederslandschap!.operatie, { token: beleid, variables: { jaar: 2025, kwartaal: 3 } });
    expect(gql.body.data?.aanbiederslandschap?.length).toBeGreaterThan(0);
    expect(gql.body.errors?.[0]?.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
    for (const pad of ['/export/aanbiederslandschap.csv?jaar=2025&kwartaal=3', '/export/kwaliteit.csv?van=2025-01-01&tot=2025-12-31&per=JAAR']) {
      const res = await fout(pad);
      expect(res, pad).toMatchObject({ status: 502, error: { extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'financien' } } });
      expect(res.error.message).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
    }
  });
});
