import { createHash } from 'node:crypto';
import { getTableColumns, is, sql, type Column } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { insertRows, type Db } from '../client';
import * as s from '../schema';
import { testBsns } from './bsn';
import { ACHTERNAMEN, LEEUWARDEN, STRATEN, VOORNAMEN, organisatieId, type GemeenteRef } from './reference';
import { DAY, dateBetween, isoDate, prng } from './random';
import { huishoudelijkeHulpData } from './huishoudelijke-hulp';
import { financienData, kwaliteitData } from './financien';

/** Pseudonymous resident id: a hash of gemeente and sequence number, never the BSN. */
export const inwonerId = (gemeente: string, n: number) =>
  `inw-${createHash('sha256').update(`${gemeente}:inwoner:${n}`).digest('hex').slice(0, 16)}`;

export interface SeedOptions {
  gemeente?: GemeenteRef;
  inwoners: number;
  /** Offset into the test BSN range, so two seeded gemeenten never share a BSN. */
  bsnOffset?: number;
  onProgress?: (step: string, done: number, total: number) => void;
}

export interface SeedSummary {
  gemeente: string;
  inwoners: number;
  inwonersZonderBsn: number;
  ondersteuningen: number;
  toewijzingen: number;
  hhIndicaties: number;
  hhAanvragen: number;
  hhHulpen: number;
  hulpvragen: number;
  plannen: number;
  vrijwilligers: number;
  organisaties: number;
  kamers: number;
  wijken: number;
  /** Residents to try queries with: one with an active toewijzing handed to an onderaannemer and active HH. */
  voorbeeldInwoner: string | null;
}

/**
 * Rows per INSERT. Each chunk travels as one JSON parameter and is unpacked in SQL
 * (json_populate_recordset), so neither the bind-parameter limit (65,535) nor drizzle's
 * per-value statement building (about 60 µs a row, most of the seed's time at 100,000
 * residents) applies: a few thousand rows per statement, tens of statements per table.
 */
const BATCH = 5000;

async function insertBatched(db: Db, table: PgTable, rows: Record<string, unknown>[], step: string, onProgress?: SeedOptions['onProgress']) {
  for (let i = 0; i < rows.length; i += BATCH) {
    await insertRows(db, table, rows.slice(i, i + BATCH));
    onProgress?.(step, Math.min(i + BATCH, rows.length), rows.length);
  }
}

const BASIS_SOORTEN = ['PTO', 'TO1', 'TO2', 'TO3_BASIS', 'DB1', 'DB2_BASIS', 'DB4', 'DB5_BASIS', 'PERSOONLIJKE_VERZORGING'];
const OVERIGE_BASIS = ['MANTELZORGONDERSTEUNING', 'RESPIJTZORG', 'SCHULDHULP', 'JONGERENWERK'];
const AANVULLEND: Array<{ product: string; categorie: string; eenheid: string }> = [
  { product: 'TO3', categorie: '02', eenheid: '04' },
  { product: 'TO4', categorie: '02', eenheid: '04' },
  { product: 'DB2', categorie: '07', eenheid: '16' },
  { product: 'DB3', categorie: '07', eenheid: '16' },
  { product: 'DB5', categorie: '07', eenheid: '16' },
  { product: 'DB6', categorie: '07', eenheid: '16' },
  { product: 'KORTDUREND_VERBLIJF', categorie: '04', eenheid: '14' },
];
const HULPVRAAG_SOORTEN = ['FORMULIEREN_INVULLEN', 'MAATJESTRAJECT', 'MEEDOEN_WIJKACTIVITEIT', 'BOODSCHAPPEN', 'VERVOER'];

/**
 * Generates a gemeente's data deterministically. Volumes scale with `inwoners` in the
 * proportions of the documents: at 8,000 residents about 3,200 HH clients and 2,000
 * TO/DB clients (70% basis, 30% aanvullend), 10 onderaannemers.
 */
export async function seed(db: Db, options: SeedOptions): Promise<SeedSummary> {
  const ref = options.gemeente ?? LEEUWARDEN;
  const g = ref.code;
  const org = (slug: string) => organisatieId(g, slug);
  const r = prng(Number(g.slice(2)) * 7919 + options.inwoners);
  const report = options.onProgress;

  await db.insert(s.wijk).values(ref.wijken.map((w) => ({ code: w.code, gemeenteCode: g, naam: w.naam, gebied: w.gebied })));
  await db.insert(s.organisatie).values(ref.organisaties.map((o) => ({ id: org(o.slug), gemeenteCode: g, naam: o.naam, soort: o.soort })));
  await db.insert(s.kamer).values(ref.kamers.map((k, i) => ({ id: `${g.toLowerCase()}-kamer-${i + 1}`, gemeenteCode: g, ...k })));
  // The contracts of the 2021 tender: one basis party, the aanvullende lots with their
  // hoofdaanbieders, and the onderaannemers under the hoofdaanbieder.
  const contractOf = (soort: string) => ref.organisaties.filter((o) => o.soort === soort).map((o) => org(o.slug));
  const hoofdTo = contractOf('HOOFDAANBIEDER')[0];
  const contracten = [
    ...contractOf('BASISONDERSTEUNING').map((id) => ({ organisatieId: id, perceel: 'BASISONDERSTEUNING', rol: 'HOOFDAANBIEDER', hoofdaanbiederId: null })),
    ...contractOf('HOOFDAANBIEDER').map((id) => ({ organisatieId: id, perceel: 'THUISONDERSTEUNING_DAGBESTEDING', rol: 'HOOFDAANBIEDER', hoofdaanbiederId: null })),
    ...ref.organisaties.filter((o) => o.soort === 'HH_AANBIEDER').map((o) => ({
      organisatieId: org(o.slug), perceel: 'HULP_BIJ_HET_HUISHOUDEN', rol: 'HOOFDAANBIEDER', hoofdaanbiederId: null,
      ...(o.contractTot ? { ingangsdatum: '2019-01-01', einddatum: o.contractTot } : {}),
    })),
    ...(hoofdTo ? contractOf('ONDERAANNEMER').map((id) => ({ organisatieId: id, perceel: 'THUISONDERSTEUNING_DAGBESTEDING', rol: 'ONDERAANNEMER', hoofdaanbiederId: hoofdTo })) : []),
  ];
  if (contracten.length > 0) {
    await db.insert(s.contract).values(contracten.map((c, i) => ({ id: `${g.toLowerCase()}-ct-${i + 1}`, gemeenteCode: g, ingangsdatum: '2021-01-01', einddatum: null, ...c })));
  }
  // The basisondersteuning receives the anonymised monthly file under a processing agreement (domain.md).
  const basis = contractOf('BASISONDERSTEUNING');
  if (basis.length > 0) {
    await db.insert(s.verwerkersovereenkomst).values(basis.map((id, i) => ({
      id: `${g.toLowerCase()}-vo-${i + 1}`, gemeenteCode: g, organisatieId: id, doel: 'anonieme-maandexport',
      ingangsdatum: '2021-01-01', einddatum: null, vastgelegdDoor: 'seed', vastgelegdOp: '2021-01-01T09:00:00Z',
    })));
  }
  const geld = financienData(ref, contracten);
  await insertBatched(db, s.abonnementstarief, geld.abonnementstarieven, 'abonnementstarieven', report);
  await insertBatched(db, s.kostprijs, geld.kostprijzen, 'kostprijzen', report);
  await insertBatched(db, s.taakstelling, geld.taakstelling, 'taakstelling', report);
  await insertBatched(db, s.maatregel, geld.maatregelen, 'maatregelen', report);
  await insertBatched(db, s.besparing, geld.besparingen, 'besparingen', report);
  await insertBatched(db, s.lumpsum, geld.lumpsums, 'lumpsums', report);
  await insertBatched(db, s.herverdeling, geld.herverdelingen, 'herverdelingen', report);
  await insertBatched(db, s.herverdelingGebeurtenis, geld.gebeurtenissen, 'herverdeling-gebeurtenissen', report);

  const onderaannemers = ref.organisaties.filter((o) => o.soort === 'ONDERAANNEMER').map((o) => org(o.slug));
  const hhAanbieders = ref.organisaties.filter((o) => o.soort === 'HH_AANBIEDER' && !o.contractTot).map((o) => org(o.slug));
  const vrijwilligersorganisaties = ref.organisaties.filter((o) => o.soort === 'VRIJWILLIGERSORGANISATIE').map((o) => org(o.slug));
  const weighted = ref.wijken.flatMap((w) => Array<typeof w>(w.gewicht).fill(w));

  const bsns = testBsns(options.bsnOffset ?? 0);
  const huishoudens: Record<string, unknown>[] = [];
  const inwoners: Record<string, unknown>[] = [];
  const ondersteuningen: Record<string, unknown>[] = [];
  const toewijzingen: Record<string, unknown>[] = [];
  const indicaties: Record<string, unknown>[] = [];
  const hulpvragen: Record<string, unknown>[] = [];
  let zonderBsn = 0;
  let household: {
    id: string;
    wijk: (typeof ref.wijken)[number];
    straat: string;
    huisnummer: string;
    postcode: string;
    left: number;
    /** Household help is indicated per household: one member is the client. */
    hh: boolean;
  } | null = null;

  for (let n = 1; n <= options.inwoners; n++) {
    if (!household || household.left === 0) {
      const wijk = r.pick(weighted);
      household = {
        id: `${g.toLowerCase()}-hh-${huishoudens.length + 1}`,
        wijk,
        straat: r.pick(STRATEN),
        huisnummer: String(r.int(1, 240)),
        postcode: `${wijk.plaats === 'Leeuwarden' ? 89 : 90}${r.int(10, 99)} ${String.fromCharCode(65 + r.int(0, 25), 65 + r.int(0, 25))}`,
        left: r.pick([1, 1, 1, 2, 2, 3, 4]),
        hh: r.chance(0.8),
      };
      huishoudens.push({ id: household.id, gemeenteCode: g, wijkCode: wijk.code });
    }
    household.left -= 1;
    const id = inwonerId(g, n);
    const next = bsns.next();
    if (next.done) zonderBsn += 1;
    const oud = r.chance(0.55);
    inwoners.push({
      id,
      gemeenteCode: g,
      bsn: next.done ? null : next.value,
      voornaam: r.pick(VOORNAMEN),
      achternaam: r.pick(ACHTERNAMEN),
      geboortedatum: oud ? dateBetween(r, '1930-01-01', '1958-12-31') : dateBetween(r, '1959-01-01', '2007-12-31'),
      straat: household.straat,
      huisnummer: household.huisnummer,
      postcode: household.postcode,
      woonplaats: household.wijk.plaats,
      wijkCode: household.wijk.code,
      huishoudenId: household.id,
    });
    const wijkCode = household.wijk.code;
    const ended = () => (r.chance(0.12) ? dateBetween(r, '2025-01-01', '2025-12-31') : null);
    // Basis support is always given by the basisondersteuning party (Amaryllis).
    const addOndersteuning = (soort: string, startdatum: string, einddatum: string | null) =>
      ondersteuningen.push({
        id: `${g.toLowerCase()}-ond-${ondersteuningen.length + 1}`,
        gemeenteCode: g,
        inwonerId: id,
        wijkCode,
        organisatieId: org('amaryllis'),
        soort,
        startdatum,
        einddatum,
      });

    // Huishoudelijke hulp: 80% of households (~2 residents each), one client per
    // household: about 3,200 clients at 8,000 residents.
    if (household.hh) {
      household.hh = false;
      indicaties.push({
        id: `${g.toLowerCase()}-hh-ind-${indicaties.length + 1}`,
        gemeenteCode: g,
        inwonerId: id,
        wijkCode,
        organisatieId: hhAanbieders.length > 1 && r.chance(0.4) ? hhAanbieders[1]! : hhAanbieders[0]!,
        minutenPerWeek: r.int(4, 16) * 15,
        startdatum: dateBetween(r, '2021-01-01', '2024-12-31'),
        einddatum: ended(),
      });
    }
    // TO/DB: ~25% of residents (2,000 of 8,000); about 70% in basis, 30% aanvullend.
    if (r.chance(0.25)) {
      if (r.chance(0.7)) {
        addOndersteuning(r.pick(BASIS_SOORTEN), dateBetween(r, '2020-01-01', '2024-12-31'), ended());
      } else {
        const p = r.pick(AANVULLEND);
        const ingangsdatum = dateBetween(r, '2021-01-01', '2025-06-30');
        const status = r.pick(['toegewezen', 'gestart', 'gestart', 'gestart', 'gestart', 'gestopt', 'verzoek']);
        const nummer = toewijzingen.length + 1;
        toewijzingen.push({
          id: `${g.toLowerCase()}-tw-${nummer}`,
          gemeenteCode: g,
          toewijzingNummer: String(10_000_000 + nummer),
          inwonerId: id,
          wijkCode,
          product: p.product,
          productcategorie: p.categorie,
          organisatieId: org('windkracht058'),
          onderaannemerId: onderaannemers.length > 0 && r.chance(0.4) ? r.pick(onderaannemers) : null,
          status,
          leveringsvorm: r.chance(0.9) ? 'ZIN' : 'PGB',
          omvangVolume: r.int(1, 8),
          omvangEenheid: p.eenheid,
          omvangFrequentie: '2',
          toewijzingsdatum: isoDate(Date.parse(ingangsdatum) - r.int(3, 60) * DAY),
          ingangsdatum,
          einddatum: status === 'gestopt' ? dateBetween(r, '2025-07-01', '2025-12-31') : null,
        });
        // Start and stop messages of the seeded flow: the actual start lies 0-34 days after
        // the ingangsdatum (derived, no PRNG draw, so earlier data stays as it was).
        const t = toewijzingen[toewijzingen.length - 1]!;
        if (status === 'gestart' || status === 'gestopt') t.begindatum = isoDate(Date.parse(ingangsdatum) + (nummer % 35) * DAY);
        if (status === 'gestopt') Object.assign(t, { stopdatum: t.einddatum, redenBeeindiging: nummer % 3 === 0 ? '21' : '19' });
        // Every state of the flow in the seed: a third of the verzoeken refused, and a
        // quarter of the toewijzingen from before 2025 lapsed without a start (derived, no draw).
        if (status === 'verzoek' && nummer % 3 === 0) Object.assign(t, { status: 'afgewezen', reden: 'Past binnen de basisondersteuning' });
        if (status === 'toegewezen' && nummer % 4 === 0 && ingangsdatum < '2025-01-01') Object.assign(t, { status: 'vervallen', reden: 'Zorg is nooit gestart' });
      }
    }
    // Other basis tasks (mantelzorg, respijtzorg, schuldhulp, jongerenwerk): ~5%.
    if (r.chance(0.05)) {
      addOndersteuning(r.pick(OVERIGE_BASIS), dateBetween(r, '2020-01-01', '2025-12-31'), null);
    }
    // Hulpvragen in the sociale basis: ~6%, 60% of them with consent (identified).
    if (r.chance(0.06)) {
      hulpvragen.push({
        id: `${g.toLowerCase()}-hv-${hulpvragen.length + 1}`,
        gemeenteCode: g,
        wijkCode,
        inwonerId: r.chance(0.6) ? id : null,
        soort: r.pick(HULPVRAAG_SOORTEN),
        status: r.pick(['OPEN', 'OPEN', 'GEMATCHT', 'AFGEROND', 'TERUGGEZET', 'OPGESCHAALD']),
        aangemaaktOp: new Date(Date.parse(dateBetween(r, '2025-01-01', '2026-06-30')) + r.int(8, 17) * 3_600_000).toISOString(),
      });
    }
  }

  await insertBatched(db, s.huishouden, huishoudens, 'huishoudens', report);
  await insertBatched(db, s.inwoner, inwoners, 'inwoners', report);
  await insertBatched(db, s.ondersteuning, ondersteuningen, 'ondersteuningen', report);
  const plannen = basisPlannen(ref, options.inwoners, inwoners, ondersteuningen, org);
  await insertBatched(db, s.regievoerder, plannen.regievoerders, 'regievoerders', report);
  await insertBatched(db, s.plan, plannen.plannen, 'plannen', report);
  await insertBatched(db, s.doel, plannen.doelen, 'doelen', report);
  const dossier = basisDossier(ref, options.inwoners, inwoners, ondersteuningen, toewijzingen, plannen.plannen, org);
  await insertBatched(db, s.contactmoment, dossier.contactmomenten, 'contactmomenten', report);
  await insertBatched(db, s.lopendeBeschikking, dossier.lopend, 'lopende beschikkingen', report);
  await insertBatched(db, s.beschikkingAanvraag, dossier.aanvragen, 'beschikking-aanvragen', report);
  await insertBatched(db, s.signaal, dossier.signalen, 'signalen', report);
  await insertBatched(db, s.toewijzing, toewijzingen, 'toewijzingen', report);
  await insertBatched(db, s.verwijzing, dossier.verwijzingen, 'verwijzingen', report);
  const hh = huishoudelijkeHulpData(ref, options.inwoners, inwoners, indicaties, org);
  await insertBatched(db, s.normjaar, hh.normjaren, 'hh-normjaren', report);
  await insertBatched(db, s.normregel, hh.regels, 'hh-normregels', report);
  await insertBatched(db, s.indicatie, indicaties, 'hh-indicaties', report);
  await insertBatched(db, s.hulp, hh.hulpen, 'hh-hulpen', report);
  await insertBatched(db, s.koppeling, hh.koppelingen, 'hh-koppelingen', report);
  await insertBatched(db, s.capaciteit, hh.capaciteit, 'hh-capaciteit', report);
  await insertBatched(db, s.aanvraag, hh.aanvragen, 'hh-aanvragen', report);
  const sociaal = socialeBasisData(ref, options.inwoners, hulpvragen, vrijwilligersorganisaties, org);
  await insertBatched(db, s.samenwerking, sociaal.samenwerkingen, 'samenwerkingen', report);
  await insertBatched(db, s.roosterItem, sociaal.rooster, 'rooster', report);
  await insertBatched(db, s.vrijwilliger, sociaal.vrijwilligers, 'vrijwilligers', report);
  await insertBatched(db, s.hulpvraag, hulpvragen, 'hulpvragen', report);
  await insertBatched(db, s.toestemming, sociaal.toestemmingen, 'toestemmingen', report);
  await insertBatched(db, s.hulpvraagGebeurtenis, sociaal.gebeurtenissen, 'hulpvraag-gebeurtenissen', report);

  // Subsidies to sociale basis organisations, per year, some bound to a wijk.
  const subsidies: Record<string, unknown>[] = [];
  for (const jaar of [2024, 2025, 2026]) {
    for (const v of vrijwilligersorganisaties) {
      const wijk = r.chance(0.5) ? r.pick(ref.wijken).code : null;
      subsidies.push({
        id: `${v}-${jaar}-${subsidies.length + 1}`,
        gemeenteCode: g,
        organisatieId: v,
        jaar,
        bedragCenten: BigInt(r.int(2_000, 90_000)) * 100n + BigInt(r.int(0, 99)),
        doel: wijk ? 'Activiteiten in de buurt- of dorpskamer' : 'Coördinatie vrijwilligerswerk',
        // Derived, no PRNG draw, so the rest of the seed stays as it was.
        voorwaarden: wijk
          ? ['Wekelijks open inloop in de kamer', 'Jaarverslag met aantal deelnemers vóór 1 april']
          : ['Matching van vrijwilligers op hulpvragen binnen twee weken', 'Jaarverslag met aantal matches vóór 1 april'],
        wijkCode: wijk,
      });
    }
  }
  await insertBatched(db, s.subsidie, subsidies, 'subsidies', report);
  // Kwaliteit (complaints, client experience): synthetic, own PRNG stream, drawn last.
  const kwaliteit = kwaliteitData(ref, contracten);
  await insertBatched(db, s.klacht, kwaliteit.klachten, 'klachten', report);
  await insertBatched(db, s.clientervaring, kwaliteit.ervaringen, 'clientervaring', report);

  const activeHh = new Set(indicaties.filter((i) => i.einddatum === null).map((i) => i.inwonerId as string));
  const voorbeeld = toewijzingen.find((t) => t.status === 'gestart' && t.onderaannemerId && activeHh.has(t.inwonerId as string));

  return {
    gemeente: g,
    inwoners: inwoners.length,
    inwonersZonderBsn: zonderBsn,
    ondersteuningen: ondersteuningen.length,
    toewijzingen: toewijzingen.length,
    hhIndicaties: indicaties.length,
    hhAanvragen: hh.aanvragen.length,
    hhHulpen: hh.hulpen.length,
    hulpvragen: hulpvragen.length,
    plannen: plannen.plannen.length,
    vrijwilligers: sociaal.vrijwilligers.length,
    organisaties: ref.organisaties.length,
    kamers: ref.kamers.length,
    wijken: ref.wijken.length,
    voorbeeldInwoner: (voorbeeld?.inwonerId as string | undefined) ?? null,
  };
}

export async function isSeeded(db: Db, gemeente = LEEUWARDEN.code): Promise<boolean> {
  const rows = await db.execute(sql`select 1 from basisondersteuning.wijk where gemeente_code = ${gemeente} limit 1`);
  const list = Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows;
  return list.length > 0;
}

/** Removes all data (keeps the schema and migrations): for `db:seed --reset`. */
export async function truncateAll(db: Db): Promise<void> {
  const names = Object.values(s)
    .filter((t) => is(t, PgTable))
    .map((t) => {
      const c = getTableConfig(t as PgTable);
      return `"${c.schema}"."${c.name}"`;
    });
  // The audit trails (processing log, afhaalregister) refuse TRUNCATE (append-only); a reset
  // of a dev or test database empties them too, by switching those triggers off inside the
  // same transaction.
  const appendOnly = [['verwerking', 'verwerking_niet_legen'], ['afhaling', 'afhaling_niet_legen']];
  await db.transaction(async (tx) => {
    for (const [table, trigger] of appendOnly) await tx.execute(sql.raw(`alter table "privacy"."${table}" disable trigger "${trigger}"`));
    await tx.execute(sql.raw(`truncate ${names.join(', ')}`));
    for (const [table, trigger] of appendOnly) await tx.execute(sql.raw(`alter table "privacy"."${table}" enable trigger "${trigger}"`));
  });
}

const VAARDIGHEDEN = ['formulieren', 'taal', 'digitaal', 'vervoer', 'boodschappen', 'maatje', 'koken', 'klussen'];
const BESCHIKBAAR = ['ma-ochtend', 'di- en do-middag', 'wo-ochtend', 'vr-middag', 'weekend', 'avonden'];
const ACTIVITEITEN: Array<[string, string]> = [
  ['Koffieochtend', 'vol'], ['Taalcafé', 'bibliotheek'], ['Digitaal spreekuur', 'bibliotheek'],
  ['Samen eten', 'solidair-friesland'], ['Beweegmiddag', 'wijkpanels'], ['Dorpsoverleg', 'dorpsbelangen'],
];

/**
 * The sociale basis around the kamers: partners (samenwerkingsovereenkomsten), a weekly
 * rooster, volunteers, and for every identified hulpvraag the consent that allows it
 * (a resident is recorded only with consent), matched volunteers and the status history.
 * Uses its own PRNG stream so it does not shift the residents generated before it.
 */
function socialeBasisData(
  ref: GemeenteRef,
  inwoners: number,
  hulpvragen: Record<string, unknown>[],
  vrijwilligersorganisaties: string[],
  org: (slug: string) => string,
) {
  const g = ref.code;
  const r = prng(Number(g.slice(2)) * 104729 + inwoners);
  const present = new Set(ref.organisaties.map((o) => o.slug));
  const kamerIds = ref.kamers.map((_, i) => `${g.toLowerCase()}-kamer-${i + 1}`);
  const samenwerkingen: Record<string, unknown>[] = [];
  const rooster: Record<string, unknown>[] = [];
  ref.kamers.forEach((k, i) => {
    const kamerId = kamerIds[i]!;
    const partners: Array<[string, string]> = [['amaryllis', 'spreekuur basisondersteuning'], ['vol', 'vrijwilligerscoördinatie']];
    for (const [slug, rol] of [['solidair-friesland', 'maatjes en samen eten'], ['wijkpanels', 'bewonersinitiatieven'], ['bibliotheek', 'taal en digitale vaardigheden'], ['dorpsbelangen', 'dorpsactiviteiten']] as const) {
      if (present.has(slug) && (slug !== 'dorpsbelangen' || k.plaats !== 'Leeuwarden') && r.chance(0.6)) partners.push([slug, rol]);
    }
    for (const [slug, rol] of partners.filter(([slug]) => present.has(slug))) {
      samenwerkingen.push({ id: `${kamerId}-sw-${slug}`, gemeenteCode: g, kamerId, organisatieId: org(slug), rol, sinds: dateBetween(r, '2021-01-01', '2023-12-31'), tot: null });
    }
    let n = 0;
    const item = (weekdag: number, begintijd: string, eindtijd: string, soort: string, omschrijving: string, slug: string) =>
      rooster.push({ id: `${kamerId}-r${++n}`, gemeenteCode: g, kamerId, weekdag, begintijd, eindtijd, soort, omschrijving, organisatieId: org(slug) });
    for (let dag = 1; dag <= (k.hoofdlocatie ? 5 : 2); dag++) item(dag, '09:00', '12:00', 'INLOOP', 'Inloop: koffie, vragen, ontmoeting', 'vol');
    if (present.has('amaryllis')) item(r.int(1, 5), '13:30', '15:00', 'SPREEKUUR', 'Spreekuur basisondersteuning', 'amaryllis');
    for (const [naam, slug] of ACTIVITEITEN) {
      if (present.has(slug) && partners.some(([p]) => p === slug) && r.chance(0.7)) {
        const start = r.int(10, 19);
        item(r.int(1, 6), `${start}:00`, `${start + 2}:00`, 'ACTIVITEIT', naam, slug);
      }
    }
  });

  const vrijwilligers: Record<string, unknown>[] = [];
  const count = Math.max(5, Math.ceil(inwoners / 40));
  for (let i = 1; i <= count; i++) {
    const skills = new Set([r.pick(VAARDIGHEDEN), r.pick(VAARDIGHEDEN)]);
    vrijwilligers.push({
      id: `${g.toLowerCase()}-vw-${i}`,
      gemeenteCode: g,
      organisatieId: r.chance(0.7) || vrijwilligersorganisaties.length === 1 ? org('vol') : r.pick(vrijwilligersorganisaties),
      voornaam: r.pick(VOORNAMEN),
      achternaam: r.pick(ACHTERNAMEN),
      vaardigheden: [...skills],
      beschikbaarheid: r.pick(BESCHIKBAAR),
      kamerId: r.chance(0.8) ? r.pick(kamerIds) : null,
      actief: r.chance(0.9),
    });
  }
  const actieve = vrijwilligers.filter((v) => v.actief).map((v) => v.id as string);

  const toestemmingen: Record<string, unknown>[] = [];
  const gebeurtenissen: Record<string, unknown>[] = [];
  for (const h of hulpvragen) {
    h.organisatieId = org('vol');
    h.vrijwilligerId = ['GEMATCHT', 'AFGEROND'].includes(h.status as string) ? r.pick(actieve) : null;
    if (h.inwonerId) {
      toestemmingen.push({
        id: `${h.id}-ts`, gemeenteCode: g, inwonerId: h.inwonerId, organisatieId: org('vol'), doel: 'sociale-basis',
        gegevenOp: h.aangemaaktOp, ingetrokkenOp: null, vastgelegdDoor: 'seed',
      });
    }
    const path: Record<string, string[]> = {
      OPEN: ['OPEN'], GEMATCHT: ['OPEN', 'GEMATCHT'], AFGEROND: ['OPEN', 'GEMATCHT', 'AFGEROND'],
      TERUGGEZET: ['OPEN', 'GEMATCHT', 'TERUGGEZET'], OPGESCHAALD: ['OPEN', 'OPGESCHAALD'],
    };
    let van: string | null = null;
    const start = Date.parse(h.aangemaaktOp as string);
    (path[h.status as string] ?? ['OPEN']).forEach((naar, step) => {
      gebeurtenissen.push({
        id: `${h.id}-e${step + 1}`, gemeenteCode: g, hulpvraagId: h.id, van, naar,
        reden: naar === 'OPGESCHAALD' ? 'Professionele ondersteuning nodig' : naar === 'TERUGGEZET' ? 'Vrijwilliger niet meer beschikbaar' : null,
        door: 'seed', op: new Date(start + step * 3 * DAY).toISOString(),
      });
      van = naar;
    });
  }
  return { samenwerkingen, rooster, vrijwilligers, toestemmingen, gebeurtenissen };
}

const DOELEN = [
  'Zelfstandig boodschappen doen', 'Dagstructuur behouden', 'Administratie op orde', 'Mantelzorger ontlasten',
  'Sociaal netwerk uitbreiden', 'Veilig thuis blijven wonen', 'Schulden in beeld en geregeld', 'Meedoen aan een wijkactiviteit',
];

/**
 * One plan per household that has running basis support, directed by one of the
 * basisondersteuning's regievoerders, with one to three goals. Own PRNG stream.
 */
function basisPlannen(
  ref: GemeenteRef,
  aantal: number,
  inwoners: Record<string, unknown>[],
  ondersteuningen: Record<string, unknown>[],
  org: (slug: string) => string,
) {
  const g = ref.code;
  const r = prng(Number(g.slice(2)) * 15485863 + aantal);
  const regievoerders = Array.from({ length: Math.max(2, Math.ceil(aantal / 800)) }, (_, i) => ({
    id: `${g.toLowerCase()}-rv-${i + 1}`, gemeenteCode: g, organisatieId: org('amaryllis'), naam: `${r.pick(VOORNAMEN)} ${r.pick(ACHTERNAMEN)}`,
  }));
  const huishoudenVan = new Map(inwoners.map((i) => [i.id as string, i.huishoudenId as string]));
  const metSteun = new Set(ondersteuningen.filter((o) => o.einddatum === null).map((o) => huishoudenVan.get(o.inwonerId as string)!));
  const plannen: Record<string, unknown>[] = [];
  const doelen: Record<string, unknown>[] = [];
  for (const huishoudenId of [...metSteun].sort()) {
    const id = `${huishoudenId}-plan`;
    plannen.push({ id, gemeenteCode: g, huishoudenId, regievoerderId: r.pick(regievoerders).id, opgesteldOp: dateBetween(r, '2020-06-01', '2025-12-31') });
    const n = r.int(1, 3);
    for (let k = 1; k <= n; k++) {
      doelen.push({
        id: `${id}-doel-${k}`, gemeenteCode: g, planId: id, omschrijving: r.pick(DOELEN),
        status: r.pick(['OPEN', 'OPEN', 'BEREIKT', 'VERVALLEN']), streefdatum: r.chance(0.7) ? dateBetween(r, '2026-01-01', '2027-12-31') : null,
      });
    }
  }
  return { regievoerders, plannen, doelen };
}

const CRITERIA: Record<string, string[]> = {
  TO_: ['TO_INZICHT', 'TO_PLANBAARHEID', 'TO_EXPERTISE'],
  DB_: ['DB_STRUCTUUR', 'DB_DOELGROEPENMIX', 'DB_EXPERTISE'],
};

/**
 * The basisondersteuning dossier: an intake per support relationship, the referral
 * (with criteria) behind every toewijzing, running pre-reorganisation beschikkingen of
 * which about 60% already had their perspectiefgesprek, beschikkingen on request in
 * every state, and a few signals in households with a plan. Own PRNG stream.
 */
function basisDossier(
  ref: GemeenteRef,
  aantal: number,
  inwoners: Record<string, unknown>[],
  ondersteuningen: Record<string, unknown>[],
  toewijzingen: Record<string, unknown>[],
  plannen: Record<string, unknown>[],
  org: (slug: string) => string,
) {
  const g = ref.code;
  const r = prng(Number(g.slice(2)) * 32452843 + aantal);
  const lc = g.toLowerCase();
  const contactmomenten: Record<string, unknown>[] = [];
  const contact = (inwonerId: unknown, soort: string, datum: string) =>
    contactmomenten.push({ id: `${lc}-cm-${contactmomenten.length + 1}`, gemeenteCode: g, inwonerId, organisatieId: org('amaryllis'), soort, datum, medewerker: 'seed' });
  for (const o of ondersteuningen) contact(o.inwonerId, 'INTAKE', o.startdatum as string);

  const verwijzingen = toewijzingen.map((t, i) => {
    const family = (t.product as string).startsWith('TO') ? 'TO_' : (t.product as string).startsWith('DB') ? 'DB_' : r.pick(['TO_', 'DB_']);
    const criteria = [...new Set([r.pick(CRITERIA[family]!), r.pick(CRITERIA[family]!)])];
    return {
      id: `${lc}-vw-${i + 1}`, gemeenteCode: g, inwonerId: t.inwonerId, organisatieId: org('amaryllis'), product: t.product, criteria,
      toewijzingId: t.id, door: 'seed', op: `${t.toewijzingsdatum as string}T09:00:00.000Z`,
    };
  });

  const lopend: Record<string, unknown>[] = [];
  const aanvragen: Record<string, unknown>[] = [];
  const signalen: Record<string, unknown>[] = [];
  const metPlan = new Set(plannen.map((p) => p.huishoudenId as string));
  for (const i of inwoners) {
    if (r.chance(0.05)) {
      const einddatum = dateBetween(r, '2026-03-01', '2027-12-31');
      lopend.push({
        id: `${lc}-lb-${lopend.length + 1}`, gemeenteCode: g, inwonerId: i.id, organisatieId: org('amaryllis'),
        product: r.pick(['TO1', 'TO2', 'TO3', 'DB1', 'DB2', 'DB4']), einddatum,
        perspectiefgesprekUiterlijk: isoDate(Date.parse(einddatum) - 90 * DAY),
      });
      if (r.chance(0.6)) contact(i.id, 'PERSPECTIEFGESPREK', dateBetween(r, '2020-01-01', '2025-12-31'));
    }
    if (r.chance(0.005)) {
      const aangevraagdOp = dateBetween(r, '2024-01-01', '2025-10-31');
      const stage = r.int(0, 3);
      const plus = (days: number) => isoDate(Date.parse(aangevraagdOp) + days * DAY);
      aanvragen.push({
        id: `${lc}-ba-${aanvragen.length + 1}`, gemeenteCode: g, inwonerId: i.id, aangevraagdOp, aangevraagdDoor: 'seed',
        advies: stage >= 1 ? r.pick(['TOEKENNEN', 'AFWIJZEN']) : null, adviesOrganisatie: stage >= 1 ? org('amaryllis') : null, adviesOp: stage >= 1 ? plus(14) : null,
        besluit: stage >= 2 ? r.pick(['TOEGEKEND', 'AFGEWEZEN']) : null, besluitGronden: stage >= 2 ? 'Getoetst aan de verordening en het zwaarwegend advies' : null,
        besluitDatum: stage >= 2 ? plus(42) : null, besluitDoor: stage >= 2 ? 'seed' : null, bezwaarOp: stage >= 3 ? plus(60) : null,
      });
    }
    if (metPlan.has(i.huishoudenId as string) && r.chance(0.02)) {
      const soort = r.pick(['VEILIG_THUIS_MELDCODE', 'VERWIJSINDEX', 'JET_BETROKKEN']);
      signalen.push({
        id: `${lc}-sg-${signalen.length + 1}`, gemeenteCode: g, inwonerId: i.id, soort,
        stap: soort === 'VEILIG_THUIS_MELDCODE' ? String(r.int(1, 5)) : null, op: dateBetween(r, '2024-01-01', '2025-12-31'), door: 'seed',
      });
    }
  }
  return { contactmomenten, verwijzingen, lopend, aanvragen, signalen };
}
