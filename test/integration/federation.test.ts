import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootStack, sql, type Stack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await bootStack({ inwoners: 400 });
});
afterAll(() => stack?.stop());

const WIJK_FIELDS = `code naam gebied
  clientenBasisondersteuning { waarde onderdrukt }
  buurtkamers { naam plaats hoofdlocatie }
  openHulpvragen { waarde onderdrukt }
  clientenAanvullendeOndersteuning { waarde onderdrukt }
  clientenHuishoudelijkeHulp { waarde onderdrukt }
  subsidieTotaal(jaar: 2025) { centen euro valuta }`;

describe('the supergraph across all five subgraphs', () => {
  it('runs on the database the suite was asked for', () => {
    expect(stack.database.kind).toBe(process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');
  });

  it('returns a Wijk with a field from every subgraph', async () => {
    const token = await stack.token({ rol: 'gemeente-beleid' });
    const res = await stack.query(`{ wijk(code: "WK008050") { ${WIJK_FIELDS} } }`, { token });
    expect(res.body.errors).toBeUndefined();
    const wijk = res.body.data!.wijk;
    expect(wijk).toMatchObject({ code: 'WK008050', naam: 'Heechterp & Schieringen', gebied: 'Noord-Oost' });
    expect(wijk.buurtkamers).toEqual([{ naam: 'Wijkcentrum Heechterp Schieringen', plaats: 'Leeuwarden', hoofdlocatie: true }]);
    // The aggregates match the database, after suppression and rounding.
    const [hh] = await stack.rows<{ n: number }>(sql`select count(distinct inwoner_id)::int as n from huishoudelijke_hulp.indicatie
      where wijk_code = 'WK008050' and startdatum <= current_date and (einddatum is null or einddatum >= current_date)`);
    const expected = hh!.n < 10 ? { waarde: null, onderdrukt: true } : { waarde: Math.round(hh!.n / 5) * 5, onderdrukt: false };
    expect(wijk.clientenHuishoudelijkeHulp).toEqual(expected);
    for (const f of ['clientenBasisondersteuning', 'openHulpvragen', 'clientenAanvullendeOndersteuning']) {
      expect(wijk[f]).toHaveProperty('onderdrukt');
      if (!wijk[f].onderdrukt) expect(wijk[f].waarde % 5).toBe(0);
      else expect(wijk[f].waarde).toBeNull();
    }
    expect(wijk.subsidieTotaal.valuta).toBe('EUR');
    expect(wijk.subsidieTotaal.euro).toMatch(/^\d+\.\d{2}$/);
  });

  it('lists all 21 Leeuwarden wijken with their gebied', async () => {
    const token = await stack.token({ rol: 'adviesraad' });
    const res = await stack.query('{ wijken { code naam gebied } }', { token });
    expect(res.body.errors).toBeUndefined();
    const wijken = res.body.data!.wijken as Array<{ code: string }>;
    expect(wijken).toHaveLength(21);
    expect(wijken.every((w) => /^WK0080\d{2}$/.test(w.code))).toBe(true);
  });

  it('resolves an Inwoner from several subgraphs for the gemeente-consulent', async () => {
    const [row] = await stack.rows<{ id: string; bsn: string; organisatie_id: string }>(sql`
      select i.id, i.bsn, t.organisatie_id from basisondersteuning.inwoner i
      join aanvullende_ondersteuning.toewijzing t on t.inwoner_id = i.id
      join huishoudelijke_hulp.indicatie h on h.inwoner_id = i.id
      order by i.id limit 1`);
    expect(row).toBeDefined();
    const token = await stack.token({ rol: 'gemeente-consulent' });
    const res = await stack.query(
      `query($id: ID!) { inwoner(id: $id) { id bsn voornaam wijk { code naam }
         toewijzingen { product status aanbieder { id naam soort } }
         huishoudelijkeHulp { minutenPerWeek aanbieder { naam } } } }`,
      { token, variables: { id: row!.id } },
    );
    expect(res.body.errors).toBeUndefined();
    const inwoner = res.body.data!.inwoner;
    expect(inwoner.id).toBe(row!.id);
    expect(inwoner.bsn).toBe(row!.bsn);
    expect(inwoner.wijk.code).toMatch(/^WK0080/);
    expect(inwoner.toewijzingen.length).toBeGreaterThan(0);
    expect(inwoner.toewijzingen[0].aanbieder).toEqual({ id: 'windkracht058', naam: 'Windkracht058', soort: 'HOOFDAANBIEDER' });
    expect(inwoner.huishoudelijkeHulp.length).toBeGreaterThan(0);
    expect(inwoner.huishoudelijkeHulp[0].aanbieder.naam).toMatch(/Thuiszorg Het Friese Land|M\.I\.E\.P\./);
  });

  it('resolves the provider landscape through the Organisatie entity', async () => {
    const token = await stack.token({ rol: 'gemeente-contractmanager' });
    const res = await stack.query('{ organisaties(soort: HH_AANBIEDER) { id naam hhClienten { waarde onderdrukt } } }', { token });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.organisaties.map((o: { id: string }) => o.id).sort()).toEqual(['hh-gestopt', 'miep', 'thfl']);
    expect(res.body.data!.organisaties.every((o: any) => o.hhClienten.onderdrukt || o.hhClienten.waarde > 0)).toBe(true);
    // The provider that stopped has only its 8 unplaced clients: a suppressed cell.
    expect(res.body.data!.organisaties.find((o: { id: string }) => o.id === 'hh-gestopt').hhClienten).toEqual({ waarde: null, onderdrukt: true });
  });
});

describe('SQL statements per query (no N+1)', () => {
  async function statementsFor(query: string, token: string) {
    stack.database.statements.reset();
    const res = await stack.query(query, { token });
    expect(res.body.errors).toBeUndefined();
    return stack.database.statements.reset();
  }

  it('is the same for one wijk and for all wijken, and does not grow with residents', async () => {
    const token = await stack.token({ rol: 'gemeente-beleid' });
    const one = await statementsFor(`{ wijk(code: "WK008010") { ${WIJK_FIELDS} } }`, token);
    const all = await statementsFor(`{ wijken { ${WIJK_FIELDS} } }`, token);
    // 1 root, then per subgraph batched over all wijken: the figures of today behind
    // openHulpvragen, clientenHuishoudelijkeHulp and clientenAanvullendeOndersteuning take
    // 2 each (wijk indeling + one figure statement), clientenBasisondersteuning 2 (the wijk
    // list it has anyway + one figure statement); buurtkamers and subsidieTotaal 1 each.
    expect(one).toBe(10);
    expect(all).toBe(one);

    // Add 300 residents with basis support in every wijk, then measure again.
    await stack.database.execute(`
      insert into basisondersteuning.huishouden (id, gemeente_code, wijk_code)
        select 'extra-hh-' || n, 'GM0080', w.code from generate_series(1, 300) n
        join lateral (select code from basisondersteuning.wijk where gemeente_code = 'GM0080' order by code offset (n % 21) limit 1) w on true;
      insert into basisondersteuning.inwoner (id, gemeente_code, voornaam, achternaam, geboortedatum, straat, huisnummer, postcode, woonplaats, wijk_code, huishouden_id)
        select 'extra-' || h.id, 'GM0080', 'Test', 'Inwoner', '1950-01-01', 'Voorstreek', '1', '8911 AA', 'Leeuwarden', h.wijk_code, h.id
        from basisondersteuning.huishouden h where h.id like 'extra-hh-%';
      insert into basisondersteuning.ondersteuning (id, gemeente_code, inwoner_id, wijk_code, organisatie_id, soort, startdatum)
        select 'extra-ond-' || i.id, 'GM0080', i.id, i.wijk_code, 'amaryllis', 'TO1', '2024-01-01'
        from basisondersteuning.inwoner i where i.id like 'extra-%';`);
    const afterGrowth = await statementsFor(`{ wijken { ${WIJK_FIELDS} } }`, token);
    expect(afterGrowth).toBe(all);
  });

  it('resolves 25 Inwoner references in one statement per subgraph (_entities through DataLoader)', async () => {
    const ids = (await stack.rows<{ id: string }>(sql`select id from basisondersteuning.inwoner where id not like 'extra-%' order by id limit 25`)).map((r) => r.id);
    const representations = ids.map((id) => ({ __typename: 'Inwoner', id }));
    // basisondersteuning: inwoner + wijk + ondersteuningen loaders, one batch each; every
    // subgraph then writes its processing log records in one more statement.
    const cases = [
      ['basisondersteuning', 'voornaam wijk { code } ondersteuningen { soort }', 3 + 1],
      ['aanvullende-ondersteuning', 'toewijzingen { product }', 1 + 1],
      ['huishoudelijke-hulp', 'huishoudelijkeHulp { minutenPerWeek }', 1 + 1],
    ] as const;
    for (const [subgraph, selection, expected] of cases) {
      stack.database.statements.reset();
      const res = await stack.post(
        stack.platform.subgraphUrls[subgraph],
        { query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Inwoner { ${selection} } } }`, variables: { r: representations } },
        { authorization: `Bearer ${await stack.internalToken(subgraph, { rol: 'gemeente-consulent' })}` },
      );
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!._entities).toHaveLength(25);
      expect(stack.database.statements.reset(), subgraph).toBe(expected);
    }
  });
});

describe('bad input', () => {
  it('names the field in BAD_USER_INPUT errors and returns nothing for it', async () => {
    const token = await stack.token({ rol: 'gemeente-beleid' });
    const res = await stack.query('{ wijk(code: "WK008010") { naam subsidieTotaal(jaar: 1900) { euro } } }', { token });
    expect(res.body.data!.wijk).toEqual({ naam: 'Binnenstad', subsidieTotaal: null });
    expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'jaar' });
    const empty = await stack.query('{ buurtkamers(gebied: "  ") { naam } }', { token });
    expect(empty.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'gebied' });
  });

  it('rejects wrongly typed variables and unknown fields before any SQL runs', async () => {
    const token = await stack.token({ rol: 'gemeente-consulent' });
    stack.database.statements.reset();
    const wrongType = await stack.query('query($id: ID!) { inwoner(id: $id) { id } }', { token, variables: { id: { nested: true } } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const unknown = await stack.query('{ inwoner(id: "x") { wachtwoord } }', { token });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(stack.database.statements.reset()).toBe(0);
  });

  it('returns an empty list, not an error, for a gebied without kamers', async () => {
    const token = await stack.token({ rol: 'vrijwilliger', organisatie: 'vol' });
    const res = await stack.query('{ buurtkamers(gebied: "Dorpen noord") { naam } leeg: buurtkamers(gebied: "Nergens") { naam } }', { token });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ buurtkamers: [{ naam: 'De Skalm' }], leeg: [] });
  });
});

describe('provider landscape', () => {
  it('counts toewijzingen of hoofd- and onderaannemers in one statement, matching the database', async () => {
    const token = await stack.token({ rol: 'gemeente-contractmanager' });
    stack.database.statements.reset();
    const res = await stack.query('{ organisaties { id actieveToewijzingen { waarde onderdrukt } } }', { token });
    expect(res.body.errors).toBeUndefined();
    expect(stack.database.statements.reset()).toBe(2); // organisaties + one batched count
    const [w] = await stack.rows<{ n: number }>(sql`select count(*)::int as n from aanvullende_ondersteuning.toewijzing
      where (organisatie_id = 'windkracht058' or onderaannemer_id = 'windkracht058') and status in ('toegewezen', 'gestart')
      and ingangsdatum <= current_date and (einddatum is null or einddatum >= current_date)`);
    const windkracht = res.body.data!.organisaties.find((o: { id: string }) => o.id === 'windkracht058');
    expect(windkracht.actieveToewijzingen).toEqual(w!.n < 10 ? { waarde: null, onderdrukt: true } : { waarde: Math.round(w!.n / 5) * 5, onderdrukt: false });
    // Each onderaannemer gets at most a suppressed small count at this seed size.
    const onder = res.body.data!.organisaties.filter((o: { id: string }) => o.id.startsWith('oa-'));
    expect(onder).toHaveLength(10);
  });
});
